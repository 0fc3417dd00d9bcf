#!/usr/bin/env bash
# Before/after timing of one GanSharp change: runs two builds of GanSharp.Bench alternately, in rounds.
# Usage: bench/compare.sh <before-build-dir> <after-build-dir> <row> [rounds] [iterations] [extra bench args...]
# (a build dir is a copy of bench/GanSharp.Bench/bin/Release/net10.0 made before and after the change)
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2 row=$3 rounds=${4:-4} n=${5:-200}
shift $(( $# < 5 ? $# : 5 ))
tmp=$(mktemp -d)
for ((r = 1; r <= rounds; r++)); do
  order=(before after); (( r % 2 )) || order=(after before)
  for side in "${order[@]}"; do
    dir=$before; [ "$side" = after ] && dir=$after
    dotnet "$dir/GanSharp.Bench.dll" "$row" --iterations "$n" --out "$tmp/$side-$r.json" "$@" 2>/dev/null
  done
  echo "round $r (load $(cut -d' ' -f1 /proc/loadavg)): before $(/usr/bin/python3 bench/summarize.py --median "$tmp/before-$r.json") ms, after $(/usr/bin/python3 bench/summarize.py --median "$tmp/after-$r.json") ms"
done
/usr/bin/python3 - "$tmp" <<'PY'
import glob, json, statistics, sys
med = lambda side: statistics.median(t for f in glob.glob(f"{sys.argv[1]}/{side}-*.json") for t in json.load(open(f))["times_ms"])
cpu = lambda side: statistics.median(json.load(open(f))["cpu_ms_per_iteration"] for f in glob.glob(f"{sys.argv[1]}/{side}-*.json"))
b, a = med("before"), med("after")
print(f"pooled median wall: before {b:.3f} ms, after {a:.3f} ms, after/before {a / b:.3f}; "
      f"CPU per iteration (median of rounds): before {cpu('before'):.3f} ms, after {cpu('after'):.3f} ms, after/before {cpu('after') / cpu('before'):.3f}")
PY
rm -rf "$tmp"
