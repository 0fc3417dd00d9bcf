#!/usr/bin/env bash
# Minimax vs non-saturating on the ring and the grid, seeds 1–3, with the documented settings
# (README, docs/toy-results.md). Prints a Markdown table; the runs stay in bench/results/toy-objectives/.
# Usage: JOBS=3 bench/toy-objectives.sh [seeds...]   (default seeds: 1 2 3; JOBS runs at a time, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
out=bench/results/toy-objectives
mkdir -p "$out"
dotnet build src/GanSharp.Cli -v q -nologo > /dev/null

run_one() {
  local data=$1 objective=$2 seed=$3 settings
  case "$data" in
    ring) settings="--data ring --lr-schedule linear --iterations 3000" ;;
    grid) settings="--data grid --lr-schedule linear --iterations 6000 --prior uniform" ;;
  esac
  dotnet src/GanSharp.Cli/bin/Debug/net10.0/GanSharp.Cli.dll train $settings --objective "$objective" --seed "$seed" \
    --frames-every 500 --out "$out/$data-$objective-s$seed" > "$out/$data-$objective-s$seed.log" 2>&1 || true
}
export -f run_one
export out

for data in ring grid; do for objective in minimax non-saturating; do for seed in "${seeds[@]}"; do
  echo "$data $objective $seed"
done; done; done | xargs -P "${JOBS:-2}" -L 1 bash -c 'run_one "$0" "$1" "$2"'

field() { grep -m1 "\"$2\":" "$1" | sed -E 's/.*: ([^,]*),?/\1/'; }
echo "| data | objective | seed | modes captured | high-quality fraction | reverse KL | seconds |"
echo "|---|---|---|---|---|---|---|"
for data in ring grid; do for objective in minimax non-saturating; do for seed in "${seeds[@]}"; do
  m="$out/$data-$objective-s$seed/metrics.json"
  if [ ! -f "$m" ] || grep -q '"diverged_at_iteration": [0-9]' "$m"; then
    echo "| $data | $objective | $seed | failed: see $out/$data-$objective-s$seed.log | | | |"
    continue
  fi
  kl=$(field "$m" reverse_kl)
  [ "$kl" = null ] || kl=$(printf '%.3f' "$kl")
  printf '| %s | %s | %s | %s / %s | %.3f | %s | %.0f |\n' "$data" "$objective" "$seed" \
    "$(field "$m" modes_captured)" "$(field "$m" modes_total)" "$(field "$m" high_quality_fraction)" "$kl" "$(field "$m" seconds)"
done; done; done
