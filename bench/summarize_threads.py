"""Turns a bench/results/threads-<stamp> folder (bench/threads.sh) into the markdown table of docs/threads.md.

Usage: summarize_threads.py <results-folder> [more folders of the same rows...]

Per row and thread count: the median time over all timed iterations of all rounds and its CPU time per iteration
(median of rounds). Against the first count: the ratio of those medians, the min–max of the rounds' ratios (a round
is one process that alternates the counts every few iterations, so its ratio is measured under one load), the ratio
of 10th percentiles (the least disturbed iterations), and the ratio of the medians of the undisturbed iterations
(those whose threads waited for a core less than 2 % of the iteration), with how many there were.
"""
import glob
import json
import os
import re
import statistics
import sys

UNDISTURBED = 0.02


def load(path):
    with open(path) as f:
        return json.load(f)


def p10(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 10]


def fmt(ms):
    return f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def floats(pattern):
    return [float(open(f).read()) for f in glob.glob(pattern)]


def main(folders):
    runs, loads, runnable, machines = {}, {}, {}, []
    for folder in folders:
        machines.append(load(os.path.join(folder, "machine.json")))
        for path in glob.glob(os.path.join(folder, "*.json")):
            m = re.fullmatch(r"(.+)-(\d+)\.json", os.path.basename(path))
            if m:
                runs.setdefault(m[1], []).append(load(path))
                loads.setdefault(m[1], []).extend(floats(os.path.join(folder, f"{m[1]}-load-{m[2]}.txt")))
                runnable.setdefault(m[1], []).extend(floats(os.path.join(folder, f"{m[1]}-runnable-{m[2]}.txt")))
    rows = sorted(runs, key=lambda row: (runs[row][0]["forward_flops"], row))
    counts = runs[rows[0]][0]["alternate"]
    counts = sorted(counts)
    base = counts[0]
    all_loads = [x for v in loads.values() for x in v]
    all_runnable = [x for v in runnable.values() for x in v]
    busy = {bool(m.get("busy")) for m in machines}
    condition = "one core busy (python3 -c \"while True: pass\")" if busy == {True} else "no extra load added"
    print(f"Runs {', '.join(m['started'] for m in machines)}; {machines[0]['cores']} cores; {condition}; "
          f"{sum(len(v) for v in runs.values()) // len(runs)} rounds per row. Before each round: load average (1 min) "
          f"{min(all_loads):.2f}–{max(all_loads):.2f} (median {statistics.median(all_loads):.2f}), other runnable threads "
          f"{min(all_runnable):.1f}–{max(all_runnable):.1f} (median {statistics.median(all_runnable):.1f}).")
    print()
    cells = " | ".join(f"{t} thread{'s' if t > 1 else ''}: ms (CPU ms)" for t in counts)
    ratios = " | ".join(f"{t} / {base}: median (rounds), 10th pct, undisturbed (n)" for t in counts if t != base)
    print(f"| row | forward FLOPs 2·params·batch | policy | {cells} | {ratios} | load (1 min) | other runnable |")
    print("|---|---|---|" + "---|" * len(counts) + "---|" * (len(counts) - 1) + "---|---|")
    for row in rows:
        rs = runs[row]

        def of(run, t):
            return [(x, w) for x, w, h in zip(run["times_ms"], run["scheduler_wait_ms"], run["threads"]) if h == t]

        pooled = {t: [x for r in rs for x, _ in of(r, t)] for t in counts}
        quiet = {t: [x for r in rs for x, w in of(r, t) if w < UNDISTURBED * x] for t in counts}
        time_cells = [f"{fmt(statistics.median(pooled[t]))} ({fmt(statistics.median(r['cpu_ms_per_iteration'][str(t)] for r in rs))})"
                      for t in counts]
        ratio_cells = []
        for t in counts:
            if t == base:
                continue
            per_round = [statistics.median(x for x, _ in of(r, t)) / statistics.median(x for x, _ in of(r, base)) for r in rs]
            undisturbed = (f"{statistics.median(quiet[t]) / statistics.median(quiet[base]):.2f} ({len(quiet[base])}, {len(quiet[t])})"
                           if quiet[t] and quiet[base] else f"– ({len(quiet[base])}, {len(quiet[t])})")
            ratio_cells.append(f"**{statistics.median(pooled[t]) / statistics.median(pooled[base]):.2f}** "
                               f"({min(per_round):.2f}–{max(per_round):.2f}), {p10(pooled[t]) / p10(pooled[base]):.2f}, {undisturbed}")
        print(f"| {row} | {rs[0]['forward_flops']:.3g} | {rs[0]['policy_threads']} | {' | '.join(time_cells)} | {' | '.join(ratio_cells)} | "
              f"{min(loads[row]):.2f}–{max(loads[row]):.2f} | {min(runnable[row]):.1f}–{max(runnable[row]):.1f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
