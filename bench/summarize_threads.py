"""Turns bench/results/threads-<stamp> folders (bench/threads.sh) into the markdown tables of BENCHMARKS.md ("Thread count").

Usage: summarize_threads.py <results-folder> [more folders of the same kind...]

Per row and thread count: the median time over all timed iterations of all rounds, the median over the quiet ones
(iterations in windows of a quarter second or more during which other processes used at most 10 % of the machine), and the CPU time per iteration
(median of rounds). Against the first count: the ratio of the medians, with the min–max of the rounds' ratios (a
round is one process that alternates the counts every few iterations, so its ratio is measured under one load), and
the ratio of the quiet medians with how many quiet iterations each count had.
"""
import glob
import json
import os
import re
import statistics
import sys

QUIET_SHARE = 0.10


def load(path):
    with open(path) as f:
        return json.load(f)


def fmt(ms):
    return "–" if ms is None else f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def median_or_none(values):
    return statistics.median(values) if values else None


def floats(pattern):
    return [float(open(f).read()) for f in glob.glob(pattern)]


def main(folders):
    runs, loads, machines = {}, {}, []
    for folder in folders:
        machines.append(load(os.path.join(folder, "machine.json")))
        for path in glob.glob(os.path.join(folder, "*.json")):
            m = re.fullmatch(r"(.+)-(\d+)\.json", os.path.basename(path))
            if m:
                runs.setdefault(m[1], []).append(load(path))
                loads.setdefault(m[1], []).extend(floats(os.path.join(folder, f"{m[1]}-load-{m[2]}.txt")))
    rows = sorted(runs, key=lambda row: (runs[row][0]["forward_flops"], row))
    counts = sorted(runs[rows[0]][0]["alternate"])
    base = counts[0]
    all_loads = [x for v in loads.values() for x in v]
    shares = [s for rs in runs.values() for r in rs for s in r["others_share"]]
    busy = {bool(m.get("busy")) for m in machines}
    condition = "one core kept busy (python3 -c \"while True: pass\")" if busy == {True} else "no load added"
    print(f"Runs {', '.join(m['started'] for m in machines)}; {machines[0]['cores']} cores; {condition}; "
          f"{min(len(v) for v in runs.values())}–{max(len(v) for v in runs.values())} rounds per row. Load average (1 min) before each "
          f"round {min(all_loads):.2f}–{max(all_loads):.2f} (median {statistics.median(all_loads):.2f}); share of the machine "
          f"used by other processes during the timed blocks: median {statistics.median(shares):.2f}, "
          f"{sum(s <= QUIET_SHARE for s in shares) / len(shares):.0%} of iterations at most {QUIET_SHARE:.2f} (quiet).")
    print()
    cells = " | ".join(f"{t} thread{'s' if t > 1 else ''}: ms all / quiet (CPU)" for t in counts)
    ratios = " | ".join(f"{t} / {base}: all (rounds) | {t} / {base}: quiet (n)" for t in counts if t != base)
    print(f"| row | forward FLOPs 2·params·batch | policy | {cells} | {ratios} | others' share (median) | load (1 min) |")
    print("|---|---|---|" + "---|" * len(counts) + "---|---|" * (len(counts) - 1) + "---|---|")
    for row in rows:
        rs = runs[row]

        def of(run, t):
            return [(x, s) for x, s, h in zip(run["times_ms"], run["others_share"], run["threads"]) if h == t]

        every = {t: [x for r in rs for x, _ in of(r, t)] for t in counts}
        quiet = {t: [x for r in rs for x, s in of(r, t) if s <= QUIET_SHARE] for t in counts}
        time_cells = [f"{fmt(statistics.median(every[t]))} / {fmt(median_or_none(quiet[t]))} "
                      f"({fmt(statistics.median(r['cpu_ms_per_iteration'][str(t)] for r in rs))})" for t in counts]
        ratio_cells = []
        for t in counts:
            if t == base:
                continue
            per_round = [statistics.median(x for x, _ in of(r, t)) / statistics.median(x for x, _ in of(r, base)) for r in rs]
            q = (f"{statistics.median(quiet[t]) / statistics.median(quiet[base]):.2f}" if quiet[t] and quiet[base] else "–")
            ratio_cells.append(f"**{statistics.median(every[t]) / statistics.median(every[base]):.2f}** "
                               f"({min(per_round):.2f}–{max(per_round):.2f}) | **{q}** ({len(quiet[base])}, {len(quiet[t])})")
        row_shares = [s for r in rs for s in r["others_share"]]
        print(f"| {row} | {rs[0]['forward_flops']:.3g} | {rs[0]['policy_threads']} | {' | '.join(time_cells)} | {' | '.join(ratio_cells)} | "
              f"{statistics.median(row_shares):.2f} | {min(loads[row]):.2f}–{max(loads[row]):.2f} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
