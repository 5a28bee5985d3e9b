#!/usr/bin/env python3
"""An excursion day for `masterplan bench transport` and bench/transport_pyvrp.py (issue 16).

Classes of 18-30 pupils with two teachers travel from their school to a company in a city of 20 x 15 km and back;
activities start 09:00-13:00 (every 15 minutes) and last 90-180 minutes; 50-seat buses from one depot. Time 0 is
06:30. Distances are straight lines x 1.3 in metres; a bus covers 400 m a minute plus 2
minutes to stop. Outbound: picked up 150-15 minutes before the start (not before 06:30), at the company 30-10 minutes
before it. Return: picked up 5-30 minutes after the end, home within 150 minutes. Boarding takes 10 minutes, leaving
the bus 5; buses run 06:30-19:00 (750). A class visits a company within
45 minutes' ride, so every trip fits a bus of its own.

  python3 bench/transport_instance.py --seed 7 --trips 150 > day.json
"""
import argparse, json, math, random

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--trips", type=int, default=150, help="trips (two per activity: there and back)")
    ap.add_argument("--schools", type=int, default=40)
    ap.add_argument("--companies", type=int, default=60)
    ap.add_argument("--capacity", type=int, default=50)
    ap.add_argument("--fixed-cost", type=int, default=100_000)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    points = [(1_000, 7_500)]  # the depot, at the city's western edge
    points += [(rnd.uniform(0, 20_000), rnd.uniform(0, 15_000)) for _ in range(a.schools + a.companies)]
    n = len(points)
    distance = [[0] * n for _ in range(n)]
    duration = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j:
                d = math.dist(points[i], points[j]) * 1.3
                distance[i][j] = round(d)
                duration[i][j] = round(d / 400) + 2
    trips = []
    for _ in range(a.trips // 2):
        school = 1 + rnd.randrange(a.schools)
        # A company within 45 minutes' ride, as classes on an excursion go.
        near = [c for c in range(1 + a.schools, n) if duration[school][c] <= 45]
        company = rnd.choice(near)
        size = rnd.randint(18, 30) + 2
        start = 150 + 15 * rnd.randint(0, 16)
        end = start + 30 * rnd.randint(3, 6)
        trips.append({"from": school, "to": company, "pickup": [max(0, start - 150), start - 15], "delivery": [start - 30, start - 10],
                      "pickup_service": 10, "delivery_service": 5, "size": size})
        trips.append({"from": company, "to": school, "pickup": [end + 5, end + 30], "delivery": [end + 10, end + 150],
                      "pickup_service": 10, "delivery_service": 5, "size": size})
    for t in trips:  # every trip can be driven alone: depot, pickup, delivery, depot
        t0 = max(duration[0][t["from"]], t["pickup"][0])
        assert t0 <= t["pickup"][1]
        t1 = max(t0 + 10 + duration[t["from"]][t["to"]], t["delivery"][0])
        assert t1 <= t["delivery"][1] and t1 + 5 + duration[t["to"]][0] <= 750, t
    json.dump({"capacity": a.capacity, "fixed_cost": a.fixed_cost, "horizon": [0, 750], "depot": 0,
               "distance": distance, "duration": duration, "trips": trips}, __import__("sys").stdout)

main()
