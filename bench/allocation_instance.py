#!/usr/bin/env python3
"""Seeded generator of allocation (transportation) instances in DIMACS 'p min' format.

Schools ask for places (demand), companies offer places (supply); each school has `candidates` candidate companies
(the nearest on a random plane, or every company when dense). Cost of an arc = distance-based score, integer.
A dummy node absorbs unused supply at cost 0, so the instance is balanced and always feasible.

  python3 bench/allocation_instance.py --schools 300 --companies 150 --dense --seed 1 > amsterdam.min
  python3 bench/allocation_instance.py --schools 7000 --companies 250000 --candidates 50 --seed 1 > national.min
  python3 bench/allocation_instance.py --schools 7000 --companies 15000 --candidates 50 --capacity 1-2 --seed 1 > tight.min
"""
import argparse
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--schools", type=int, required=True)
    p.add_argument("--companies", type=int, required=True)
    p.add_argument("--candidates", type=int, default=50)
    p.add_argument("--dense", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--capacity", default="5-40", help="range of places per company, LO-HI (the tight family: 1-2)")
    a = p.parse_args()
    lo, hi = (int(x) for x in a.capacity.split("-"))
    rng = random.Random(a.seed)
    schools = [(rng.random(), rng.random(), rng.randint(10, 60)) for _ in range(a.schools)]
    companies = [(rng.random(), rng.random(), rng.randint(lo, hi)) for _ in range(a.companies)]
    # Grid buckets for nearest-candidate search without numpy.
    g = max(1, int((a.companies / 8) ** 0.5))
    buckets = {}
    for j, (x, y, _) in enumerate(companies):
        buckets.setdefault((min(g - 1, int(x * g)), min(g - 1, int(y * g))), []).append(j)
    arcs = []
    for i, (x, y, _) in enumerate(schools):
        if a.dense:
            cand = range(a.companies)
        else:
            cx, cy, r, found = min(g - 1, int(x * g)), min(g - 1, int(y * g)), 0, []
            while len(found) < a.candidates and r <= g:
                found = [j for dx in range(-r, r + 1) for dy in range(-r, r + 1) for j in buckets.get((cx + dx, cy + dy), [])]
                r += 1
            cand = sorted(found, key=lambda j: (companies[j][0] - x) ** 2 + (companies[j][1] - y) ** 2)[: a.candidates]
        for j in cand:
            d = ((companies[j][0] - x) ** 2 + (companies[j][1] - y) ** 2) ** 0.5
            arcs.append((a.schools + j, i, int(d * 1000) + rng.randint(0, 50)))
    demand = sum(s[2] for s in schools)
    supply = sum(c[2] for c in companies)
    n = a.schools + a.companies + 2  # + unmet-demand source + dummy sink for unused supply
    src, dummy = n - 1, n  # 1-based ids of the two extra nodes
    out = [f"c seed {a.seed}: {a.schools} schools, {a.companies} companies", f"p min {n} {len(arcs) + a.schools + a.companies + 1}"]
    for i, s in enumerate(schools):
        out.append(f"n {i + 1} {-s[2]}")
    for j, c in enumerate(companies):
        out.append(f"n {a.schools + j + 1} {c[2]}")
    # Unmet demand is allowed at a high cost from `src`; unused supply (of companies and of `src`) ends in the dummy.
    out.append(f"n {src} {demand}")
    out.append(f"n {dummy} {-supply}")
    for u, v, c in arcs:
        out.append(f"a {u + 1} {v + 1} 0 {schools[v][2]} {c}")
    for i in range(a.schools):
        out.append(f"a {src} {i + 1} 0 {schools[i][2]} 100000")
    for j in range(a.companies):
        out.append(f"a {a.schools + j + 1} {dummy} 0 {companies[j][2]} 0")
    out.append(f"a {src} {dummy} 0 {demand} 0")
    print("\n".join(out))


if __name__ == "__main__":
    main()
