"""Turns a bench/results/<stamp> folder into the markdown table of BENCHMARKS.md.

Usage: summarize.py <results-folder>   |   summarize.py --median <file.json>
"""
import glob
import json
import os
import re
import statistics
import sys

ROW_TITLES = {
    "toy100": "toy 2D GAN iteration (k = 1), batch 100",
    "toy512": "toy 2D GAN iteration (k = 1), batch 512",
    "dcgan28": "DCGAN-28 training iteration, batch 64",
    "dcgan64": "DCGAN-64 RGB training iteration, batch 64",
    "sample64": "DCGAN-64 sampling, batch 256 (no gradients)",
    "matmul": "float32 2048 × 2048 matmul (machine peak)",
}


def load(path):
    with open(path) as f:
        return json.load(f)


def median(values):
    return statistics.median(values)


def rounds(folder, row, condition, side):
    files = sorted(glob.glob(os.path.join(folder, f"{row}-{condition}-{side}-*.json")))
    return [load(f) for f in files]


def cell(runs):
    """Median over all timed iterations of all rounds, and the min–max of the rounds' medians."""
    times = [t for r in runs for t in r["times_ms"]]
    round_medians = [median(r["times_ms"]) for r in runs]
    return median(times), min(round_medians), max(round_medians)


def fmt(ms):
    return f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def main(folder):
    machine = load(os.path.join(folder, "machine.json"))
    rows = []
    for row in ROW_TITLES:
        if glob.glob(os.path.join(folder, f"{row}-quiet-gansharp-*.json")):
            rows.append(row)
    print(f"Machine: {machine['cpu']}, {machine['cores']} cores; python3-torch {machine['python_torch']}; "
          f"reference BLAS {machine['reference_blas']}; OpenBLAS {machine['openblas']}; .NET SDK {machine['dotnet']}; "
          f"run {machine['started']}, load average at start {machine['load_at_start']}.")
    print()
    print("| row | condition | GanSharp ms/iter (median, round min–max) | PyTorch ms/iter (median, round min–max) | GanSharp / PyTorch | CPU ms/iter GanSharp / PyTorch (ratio) | PyTorch settings | peak RSS MiB (GanSharp / PyTorch) | load (1 min) |")
    print("|---|---|---|---|---|---|---|---|---|")
    quiet = {}
    for row in rows:
        config_file = os.path.join(folder, f"pytorch-config-{row}.txt")
        config = open(config_file).read().strip() if os.path.exists(config_file) else "?"
        for condition in ("quiet", "busy"):
            g, p = rounds(folder, row, condition, "gansharp"), rounds(folder, row, condition, "pytorch")
            if not g or not p:
                continue
            gm, glo, ghi = cell(g)
            pm, plo, phi = cell(p)
            loads = [open(f).read().strip() for f in sorted(glob.glob(os.path.join(folder, f"{row}-{condition}-load-*.txt")))]
            threads = f"{config}, torch threads {p[0]['threads']}"
            rss = f"{max(r['peak_rss_mib'] for r in g):.0f} / {max(r['peak_rss_mib'] for r in p):.0f}"
            label = "quiet" if condition == "quiet" else "1 core busy"
            extra = ""
            if condition == "quiet":
                quiet[row] = (gm, pm)
            elif row in quiet:
                extra = f" (slowdown ×{gm / quiet[row][0]:.2f} / ×{pm / quiet[row][1]:.2f})"
            load_range = f"{min(map(float, loads)):.2f}–{max(map(float, loads)):.2f}" if loads else "?"
            gc, pc = median([r["cpu_ms_per_iteration"] for r in g]), median([r["cpu_ms_per_iteration"] for r in p])
            print(f"| {ROW_TITLES[row]} | {label} | {fmt(gm)} ({fmt(glo)}–{fmt(ghi)}) | {fmt(pm)} ({fmt(plo)}–{fmt(phi)}) | "
                  f"**{gm / pm:.2f}**{extra} | {fmt(gc)} / {fmt(pc)} ({gc / pc:.2f}) | {threads} | {rss} | {load_range} |")
    flops_rows = [row for row in rows if rounds(folder, row, "quiet", "gansharp")[0].get("flops_per_iteration")]
    if flops_rows:
        print()
        print("| row | GFLOP per iteration | GanSharp GFLOP/s | PyTorch GFLOP/s |")
        print("|---|---|---|---|")
        for row in flops_rows:
            flops = rounds(folder, row, "quiet", "gansharp")[0]["flops_per_iteration"]
            gm, pm = quiet[row]
            print(f"| {ROW_TITLES[row]} | {flops / 1e9:.2f} | {flops / gm / 1e6:.1f} | {flops / pm / 1e6:.1f} |")
    memory = os.path.join(folder, "memory-gansharp.json")
    if os.path.exists(memory):
        m = load(memory)
        samples = {int(i): mib for i, mib in m["rss_mib"]}
        last = max(samples)
        first = 2000 if 2000 in samples else min(samples)
        change = (samples[last] - samples[first]) / samples[first] * 100
        print()
        print(f"Resident memory over {last:,} toy iterations (batch 100): {samples[first]:.1f} MiB after {first:,}, "
              f"{samples[last]:.1f} MiB after {last:,} ({change:+.1f} %); peak {m['peak_rss_mib']:.0f} MiB. "
              f"Samples every 1,000: {', '.join(f'{samples[i]:.0f}' for i in sorted(samples))}.")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--median":
        print(f"{median(load(sys.argv[2])['times_ms']):.4f}")
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit(__doc__)
