"""Turns a bench/results/threads-<stamp> folder (bench/threads.sh) into the markdown table of docs/threads.md.

Usage: summarize_threads.py <results-folder>
For each row and thread count: the median over all timed iterations of all rounds, the CPU time per iteration
(median of rounds), and, against the first count, the ratio of pooled medians, the min–max of the per-round
ratios (each round runs every count back to back, so a round's ratio is measured under one load) and the ratio of
pooled 10th percentiles (the least disturbed iterations: the nearest a shared machine comes to a quiet one).
"""
import glob
import json
import os
import re
import statistics
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def p10(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 10]


def fmt(ms):
    return f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def main(folder):
    machine = load(os.path.join(folder, "machine.json"))
    runs = {}  # (row, threads) -> {round: json}
    for path in glob.glob(os.path.join(folder, "*-t*-*.json")):
        m = re.fullmatch(r"(.+)-t(\d+)-(\d+)\.json", os.path.basename(path))
        if m:
            runs.setdefault((m[1], int(m[2])), {})[int(m[3])] = load(path)
    rows = list(dict.fromkeys(row for row, _ in sorted(runs, key=lambda k: (runs[k][min(runs[k])]["forward_flops"], k[0]))))
    counts = sorted({t for _, t in runs})
    base = counts[0]
    loads = [float(open(f).read()) for f in glob.glob(os.path.join(folder, "*-load-*.txt"))]
    runnable = [float(open(f).read()) for f in glob.glob(os.path.join(folder, "*-runnable-*.txt"))]
    condition = "one core busy (python3 -c \"while True: pass\")" if machine.get("busy") else "no extra load added"
    print(f"Run {machine['started']}, {machine['cores']} cores, {condition}, {machine['rounds']} rounds; "
          f"load average (1 min) before the runs {min(loads):.2f}–{max(loads):.2f} (median {statistics.median(loads):.2f}); "
          f"other runnable threads in the second before each run {min(runnable):.1f}–{max(runnable):.1f} (median {statistics.median(runnable):.1f}).")
    print()
    header = " | ".join(f"{t} thread{'s' if t > 1 else ''}: ms (CPU ms)" for t in counts)
    ratios = " | ".join(f"{t} / {base}: median (rounds min–max), 10th pct" for t in counts if t != base)
    print(f"| row | forward FLOPs (2·params·batch) | {header} | {ratios} | load (1 min) | other runnable |")
    print("|---|---|" + "---|" * len(counts) + "---|" * (len(counts) - 1) + "---|---|")
    for row in rows:
        cells, ratio_cells = [], []
        first = runs[(row, base)]
        flops = first[min(first)]["forward_flops"]
        pooled, fast = {}, {}
        for t in counts:
            rs = runs.get((row, t), {})
            if not rs:
                cells.append("–")
                continue
            pooled[t] = statistics.median([x for r in rs.values() for x in r["times_ms"]])
            fast[t] = p10([x for r in rs.values() for x in r["times_ms"]])
            cpu = statistics.median(r["cpu_ms_per_iteration"] for r in rs.values())
            cells.append(f"{fmt(pooled[t])} ({fmt(cpu)})")
        for t in counts:
            if t == base:
                continue
            rs = runs.get((row, t), {})
            per_round = [statistics.median(rs[k]["times_ms"]) / statistics.median(first[k]["times_ms"]) for k in rs if k in first]
            ratio_cells.append(f"**{pooled[t] / pooled[base]:.2f}** ({min(per_round):.2f}–{max(per_round):.2f}), {fast[t] / fast[base]:.2f}" if per_round else "–")
        row_loads = [float(open(f).read()) for f in glob.glob(os.path.join(folder, f"{row}-t*-load-*.txt"))]
        row_runnable = [float(open(f).read()) for f in glob.glob(os.path.join(folder, f"{row}-t*-runnable-*.txt"))]
        print(f"| {row} | {flops:.3g} | {' | '.join(cells)} | {' | '.join(ratio_cells)} | {min(row_loads):.2f}–{max(row_loads):.2f} | "
              f"{min(row_runnable):.1f}–{max(row_runnable):.1f} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
