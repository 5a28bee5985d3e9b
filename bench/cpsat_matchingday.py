#!/usr/bin/env python3
"""The same Matchingday problem as `masterplan bench matchingday`, as an OR-Tools CP-SAT model (pip install ortools):
x[p, r] = pair p meets in round r (only rounds both are present); each pair at most once, each participant at most
once per round, at most `tables` meetings per round (tables are interchangeable); maximise the total weight.

    python3 bench/cpsat_matchingday.py FILE [--time-limit 60] [--workers 2]
prints {"objective": …, "upper_bound": …, "seconds": …, "status": …}.
"""
import argparse
import json
import time

from ortools.sat.python import cp_model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    inst = json.load(open(a.file))
    R, T = inst["rounds"], inst["tables"]
    avs = inst.get("avail_schools") or [[1] * R for _ in range(inst["schools"])]
    avc = inst.get("avail_companies") or [[1] * R for _ in range(inst["companies"])]
    m = cp_model.CpModel()
    x = {}
    by_school, by_company, by_round = {}, {}, {}
    for i, (s, c, w) in enumerate(inst["pairs"]):
        for r in range(R):
            if avs[s][r] and avc[c][r]:
                v = m.NewBoolVar(f"x{i}_{r}")
                x[i, r] = (v, w)
                by_school.setdefault((s, r), []).append(v)
                by_company.setdefault((c, r), []).append(v)
                by_round.setdefault(r, []).append(v)
    for i in range(len(inst["pairs"])):
        vs = [x[i, r][0] for r in range(R) if (i, r) in x]
        if len(vs) > 1:
            m.AddAtMostOne(vs)
    for group in list(by_school.values()) + list(by_company.values()):
        if len(group) > 1:
            m.AddAtMostOne(group)
    for r, vs in by_round.items():
        m.Add(sum(vs) <= T)
    m.Maximize(sum(w * v for v, w in x.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = a.time_limit
    solver.parameters.num_workers = a.workers
    start = time.perf_counter()
    status = solver.Solve(m)
    seconds = time.perf_counter() - start
    print(json.dumps({"objective": int(solver.ObjectiveValue()), "upper_bound": int(solver.BestObjectiveBound()),
                      "seconds": round(seconds, 3), "status": solver.StatusName(status)}))


if __name__ == "__main__":
    main()
