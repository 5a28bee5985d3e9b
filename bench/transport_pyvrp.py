#!/usr/bin/env python3
"""PyVRP (hybrid genetic search, from PyPI) on a `masterplan bench transport` instance, printing the same JSON line:
{"cost": F x vehicles + distance, "vehicles": ..., "distance": ..., "seconds": ..., "feasible": ...}.

  /tmp/pyvrp-venv/bin/python bench/transport_pyvrp.py day.json --time-limit 10 --seed 1
"""
import argparse, json, time
from pyvrp import Model
from pyvrp.stop import MaxRuntime

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--time-limit", type=float, default=10)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    inst = json.load(open(a.file))
    n = len(inst["distance"])
    m = Model()
    locs = [m.add_location(x=0, y=0) for _ in range(n)]
    depot = m.add_depot(locs[inst["depot"]], tw_early=inst["horizon"][0], tw_late=inst["horizon"][1])
    m.add_vehicle_type(num_available=len(inst["trips"]), capacity=inst["capacity"], start_depot=depot, end_depot=depot,
                       fixed_cost=inst["fixed_cost"], tw_early=inst["horizon"][0], tw_late=inst["horizon"][1])
    for i in range(n):
        for j in range(n):
            m.add_edge(locs[i], locs[j], distance=inst["distance"][i][j], duration=inst["duration"][i][j])
    for t in inst["trips"]:
        m.add_shipment(locs[t["from"]], locs[t["to"]], pickup_tw_early=t["pickup"][0], pickup_tw_late=t["pickup"][1],
                       pickup_service_duration=t["pickup_service"], delivery_tw_early=t["delivery"][0],
                       delivery_tw_late=t["delivery"][1], delivery_service_duration=t["delivery_service"], amount=t["size"])
    start = time.perf_counter()
    res = m.solve(stop=MaxRuntime(a.time_limit), seed=a.seed, display=False)
    seconds = time.perf_counter() - start
    best = res.best
    vehicles = best.num_routes()
    distance = best.distance()
    print(json.dumps({"cost": inst["fixed_cost"] * vehicles + distance, "vehicles": vehicles, "distance": distance,
                      "seconds": round(seconds, 3), "feasible": best.is_feasible()}))

main()
