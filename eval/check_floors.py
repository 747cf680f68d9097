#!/usr/bin/env python3
"""Compare a scoreboard run (`scoreboard.py --json` output) with the floors in eval/floors.json.

Usage: check_floors.py SCOREBOARD.json [FLOORS.json]
Exit 1 when any figure with a floor falls below it (or above a max), or its task failed to run.
Prints a hint for every figure that beats its floor by enough to raise it.
"""
import json
import os
import sys

RAISE_HINT = 0.005


def main():
    board = json.load(open(sys.argv[1], encoding="utf-8"))
    floors_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "floors.json")
    floors = json.load(open(floors_path, encoding="utf-8"))
    bad = 0
    for task, metrics in floors.items():
        if task.startswith("_"):
            continue
        result = board.get(task)
        if result is None:
            print(f"FAIL {task}: not in the scoreboard run")
            bad += 1
            continue
        if result.get("error"):
            print(f"FAIL {task}: {result['error']}")
            bad += 1
        values = {m["metric"]: m["value"] for m in result.get("metrics", [])}
        for metric, bound in metrics.items():
            v = values.get(metric)
            if v is None:
                print(f"FAIL {task}.{metric}: no value")
                bad += 1
            elif "min" in bound and v < bound["min"] - 1e-9:
                print(f"FAIL {task}.{metric} = {v:.4f}, below its floor {bound['min']}")
                bad += 1
            elif "max" in bound and v > bound["max"] + 1e-9:
                print(f"FAIL {task}.{metric} = {v:.4f}, above its ceiling {bound['max']}")
                bad += 1
            else:
                print(f"ok   {task}.{metric} = {v:.4f} (floor {bound})")
                if "min" in bound and v > bound["min"] + RAISE_HINT:
                    print(f"     {task}.{metric} beats its floor: raise it in {floors_path}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
