#!/usr/bin/env python3
"""Seeded Matchingday instances for `masterplan bench matchingday` and bench/cpsat_matchingday.py (issue 6).

Every school and every company wishes for WISHES partners, each "moet" (3) or "graag" (2); a pair's weight is the
sum of both sides' wishes, plus 2 when the wish is mutual. Each participant is absent from a round with probability
ABSENCE.

    python3 bench/matchingday_instance.py --schools 40 --companies 60 --rounds 8 --tables 30 --seed 1 > small.json
    python3 bench/matchingday_instance.py --schools 150 --companies 250 --rounds 12 --tables 120 --seed 1 > large.json
"""
import argparse
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schools", type=int, default=40)
    ap.add_argument("--companies", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--tables", type=int, default=30)
    ap.add_argument("--wishes", type=int, default=8)
    ap.add_argument("--absence", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    weight = {}
    for s in range(a.schools):
        for c in rng.sample(range(a.companies), min(a.wishes, a.companies)):
            weight[(s, c)] = weight.get((s, c), 0) + rng.choice([2, 3])
    mutual = set()
    for c in range(a.companies):
        for s in rng.sample(range(a.schools), min(a.wishes, a.schools)):
            if (s, c) in weight:
                mutual.add((s, c))
            weight[(s, c)] = weight.get((s, c), 0) + rng.choice([2, 3])
    pairs = [[s, c, w + (2 if (s, c) in mutual else 0)] for (s, c), w in sorted(weight.items())]
    avail = lambda n: [[0 if rng.random() < a.absence else 1 for _ in range(a.rounds)] for _ in range(n)]
    json.dump({"rounds": a.rounds, "tables": a.tables, "schools": a.schools, "companies": a.companies, "pairs": pairs,
               "avail_schools": avail(a.schools), "avail_companies": avail(a.companies)}, __import__("sys").stdout)


if __name__ == "__main__":
    main()
