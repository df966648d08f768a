#!/usr/bin/env python3
"""Large VRPTW instances in the Gehring-Homberger style, with a plan known to exist.

Writes Solomon text files (the format of shared/bench/vrptw/homberger/solomon_format)
with one depot in the middle of a square whose side grows with the square root of
the customers (200 for 400 customers, as in GH), capacity 200, service time 10.
Unlike the published instances, each file is built around a plan: the customers
are split by a sweep around the depot into `planned` routes, each route is timed
from the depot, and every customer's window is drawn around its planned start.
So that plan (one route per group, exact Euclidean travel) is feasible, every
visit can be routed with `planned` vehicles, and its distance is an upper bound
on the best plan's. The fleet in the file (VEHICLE NUMBER) may be larger.

  bench/gen_vrptw.py OUT_DIR --customers 400 --vehicles 100 --planned 40 --kind R --seed 1

prints `name,customers,vehicles,planned_routes,planned_distance` for bench/RESULTS.md.
Deterministic by seed (Python's random.Random).
"""

import argparse
import math
import os
import random


def make(customers, vehicles, planned, kind, seed):
    rng = random.Random(seed * 1000003 + customers * 7 + vehicles)
    side = 10.0 * math.sqrt(customers)
    depot = (round(side / 2), round(side / 2))
    points = []
    if kind == "R":
        points = [(rng.randint(0, int(side)), rng.randint(0, int(side))) for _ in range(customers)]
    else:  # "C": clusters of about ten customers
        centres = [(rng.uniform(0.1, 0.9) * side, rng.uniform(0.1, 0.9) * side) for _ in range(max(1, customers // 10))]
        for idx in range(customers):
            cx, cy = centres[idx % len(centres)]
            x = min(max(0, round(rng.gauss(cx, side / 40))), int(side))
            y = min(max(0, round(rng.gauss(cy, side / 40))), int(side))
            points.append((x, y))
    # sweep around the depot into planned groups of (nearly) equal size
    order = sorted(range(customers), key=lambda c: math.atan2(points[c][1] - depot[1], points[c][0] - depot[0]))
    groups = [order[g * customers // planned:(g + 1) * customers // planned] for g in range(planned)]
    capacity = 200
    demand = [0] * customers
    window = [(0, 0)] * customers
    planned_distance = 0.0
    horizon = 0.0
    dist = lambda a, b: math.hypot(a[0] - b[0], a[1] - b[1])
    for group in groups:
        # nearest neighbour from the depot
        left = list(group)
        route = []
        here = depot
        while left:
            nxt = min(left, key=lambda c: (dist(here, points[c]), c))
            left.remove(nxt)
            route.append(nxt)
            here = points[nxt]
        share = capacity // max(1, len(route))
        time = 0.0
        here = depot
        for c in route:
            planned_distance += dist(here, points[c])
            time += dist(here, points[c]) + rng.choice([0, 0, 0, 5, 10])  # some waiting
            # half the windows tight (GH type 1), half wide
            width = rng.choice([10, 20, 30]) if rng.random() < 0.5 else rng.choice([60, 120, 240])
            before = rng.uniform(0, width)
            window[c] = (max(0, math.floor(time - before)), math.ceil(time - before + width))
            if window[c][1] < time:
                window[c] = (window[c][0], math.ceil(time))
            demand[c] = rng.randint(1, max(1, 2 * share - 1)) if share > 1 else 1
            time += 10
            here = points[c]
        planned_distance += dist(here, depot)
        horizon = max(horizon, time + dist(here, depot))
        while sum(demand[c] for c in route) > capacity:
            biggest = max(route, key=lambda c: demand[c])
            demand[biggest] -= 1
    due = math.ceil(horizon * 1.1)
    # the depot's due date closes the windows that would end after it: no customer may
    # end later than due - travel back - service
    for c in range(customers):
        latest = due - 10 - math.ceil(dist(points[c], depot)) - 1
        window[c] = (min(window[c][0], latest), min(window[c][1], latest))
    return points, depot, demand, window, capacity, due, planned_distance


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--customers", type=int, default=400)
    parser.add_argument("--vehicles", type=int, default=100)
    parser.add_argument("--planned", type=int, default=40)
    parser.add_argument("--kind", choices=["R", "C"], default="R")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    points, depot, demand, window, capacity, due, planned_distance = make(
        args.customers, args.vehicles, args.planned, args.kind, args.seed)
    name = f"g{args.kind.lower()}_{args.customers}_{args.vehicles}_{args.seed}"
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, name + ".txt"), "w") as out:
        out.write(f"{name}\n\nVEHICLE\nNUMBER     CAPACITY\n  {args.vehicles}          {capacity}\n\nCUSTOMER\n")
        out.write("CUST NO.  XCOORD.    YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME\n \n")
        out.write(f"    0 {depot[0]:8d} {depot[1]:8d} {0:8d} {0:8d} {due:8d} {0:8d}\n")
        for c, (x, y) in enumerate(points):
            out.write(f"{c + 1:5d} {x:8d} {y:8d} {demand[c]:8d} {window[c][0]:8d} {window[c][1]:8d} {10:8d}\n")
    print(f"{name.upper()},{args.customers},{args.vehicles},{args.planned},{planned_distance:.2f}")


if __name__ == "__main__":
    main()
