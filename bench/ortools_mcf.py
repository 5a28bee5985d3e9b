#!/usr/bin/env python3
"""OR-Tools SimpleMinCostFlow on a DIMACS 'p min' file; prints {"cost": …, "seconds": …} like
`masterplan bench allocate FILE`, so both can be run side by side on the same instance.
Lower bounds are moved into the supplies, as usual. Needs `pip install ortools`."""
import json
import sys
import time

from ortools.graph.python import min_cost_flow


def main(path):
    smcf = min_cost_flow.SimpleMinCostFlow()
    supply = {}
    base = 0
    with open(path) as f:
        for line in f:
            p = line.split()
            if not p or p[0] == "c":
                continue
            if p[0] == "p":
                n = int(p[2])
                supply = {i: 0 for i in range(n)}
            elif p[0] == "n":
                supply[int(p[1]) - 1] += int(p[2])
            elif p[0] == "a":
                u, v, low, cap, cost = int(p[1]) - 1, int(p[2]) - 1, int(p[3]), int(p[4]), int(p[5])
                smcf.add_arc_with_capacity_and_unit_cost(u, v, cap - low, cost)
                supply[u] -= low
                supply[v] += low
                base += low * cost
    for node, s in supply.items():
        smcf.set_node_supply(node, s)
    start = time.perf_counter()
    status = smcf.solve()
    seconds = time.perf_counter() - start
    if status != smcf.OPTIMAL:
        print(json.dumps({"status": int(status)}))
        sys.exit(1)
    print(json.dumps({"cost": smcf.optimal_cost() + base, "seconds": round(seconds, 6)}))


if __name__ == "__main__":
    main(sys.argv[1])
