#!/usr/bin/env bash
# Minimax vs non-saturating on the ring and the grid, seeds 1–3, with the documented settings
# (README, docs/toy-results.md). Prints a Markdown table; the runs stay in bench/results/toy-objectives/.
# Usage: bench/toy-objectives.sh [seeds...]   (default: 1 2 3)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("${@:-1 2 3}")
seeds=(${seeds[*]})
out=bench/results/toy-objectives
mkdir -p "$out"
dotnet build src/GanSharp.Cli -v q -nologo > /dev/null

declare -A settings=(
  [ring]="--data ring --lr-schedule linear --iterations 3000"
  [grid]="--data grid --lr-schedule linear --iterations 6000 --prior uniform"
)

field() { grep -m1 "\"$2\":" "$1" | sed -E 's/.*: ([^,]*),?/\1/'; }

echo "| data | objective | seed | modes captured | high-quality fraction | reverse KL | seconds |"
echo "|---|---|---|---|---|---|---|"
for data in ring grid; do
  for objective in minimax non-saturating; do
    for seed in "${seeds[@]}"; do
      dir="$out/$data-$objective-s$seed"
      dotnet run --project src/GanSharp.Cli --no-build -- train ${settings[$data]} --objective "$objective" --seed "$seed" \
        --frames-every 500 --out "$dir" > "$dir.log" 2>&1 || { echo "| $data | $objective | $seed | failed: see $dir.log | | | |"; continue; }
      m="$dir/metrics.json"
      printf '| %s | %s | %s | %s / %s | %.3f | %s | %.0f |\n' "$data" "$objective" "$seed" \
        "$(field "$m" modes_captured)" "$(field "$m" modes_total)" "$(field "$m" high_quality_fraction)" \
        "$(field "$m" reverse_kl)" "$(field "$m" seconds)"
    done
  done
done
