#!/usr/bin/env bash
# Every objective and the main remedies on the ring, the grid and the 1D two-mode mixture, seeds 1–3 (docs/objectives.md).
# Prints a Markdown table (modes captured, high-quality fraction, reverse KL, seconds, command); the runs stay in
# bench/results/objectives/. One libtorch thread per run; JOBS runs at a time (default 1: the machine is shared).
# Usage: JOBS=1 bench/objectives.sh [seeds...]        (default seeds: 1 2 3)
#        ONLY="ring:hinge grid:pack4" bench/objectives.sh 1   (a subset of data:variant cells)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
out=bench/results/objectives
mkdir -p "$out"
dotnet build src/GanSharp.Cli -v q -nologo > /dev/null

datas=(ring grid mixture1d)
variants=(minimax non-saturating kl reverse-kl jensen-shannon pearson hellinger wgan wgan-gp least-squares hinge hinge-sn pack2 pack4 r1 ema replay)

settings_of() {   # data → the documented base settings of that target
  case "$1" in
    ring) echo "--data ring --lr-schedule linear --iterations 3000" ;;
    grid) echo "--data grid --lr-schedule linear --iterations 6000 --prior uniform" ;;
    mixture1d) echo "--data mixture1d --lr-schedule linear --iterations 3000" ;;
  esac
}
variant_of() {    # variant → the options it adds
  case "$1" in
    hinge-sn) echo "--objective hinge --spectral-norm" ;;
    pack2) echo "--pack 2" ;;
    pack4) echo "--pack 4" ;;
    r1) echo "--r1 1" ;;
    ema) echo "--ema 0.99" ;;
    replay) echo "--replay 0.5" ;;
    *) echo "--objective $1" ;;
  esac
}
command_of() { echo "gansharp train $(settings_of "$1") $(variant_of "$2") --seed $3 --threads 1"; }
export -f settings_of variant_of command_of

run_one() {
  local data=$1 variant=$2 seed=$3
  # shellcheck disable=SC2046
  nice -n 5 dotnet src/GanSharp.Cli/bin/Debug/net10.0/GanSharp.Cli.dll train $(settings_of "$data") $(variant_of "$variant") --seed "$seed" \
    --threads 1 --frames-every 1000 --force --out "$out/$data-$variant-s$seed" > "$out/$data-$variant-s$seed.log" 2>&1 || true
}
export -f run_one
export out

cells() {
  for data in "${datas[@]}"; do for variant in "${variants[@]}"; do
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $data:$variant "* ]]; then continue; fi
    for seed in "${seeds[@]}"; do echo "$data $variant $seed"; done
  done; done
}
cells | xargs -P "${JOBS:-1}" -L 1 bash -c 'run_one "$0" "$1" "$2"'

field() { grep -m1 "\"$2\":" "$1" | sed -E 's/.*: ([^,]*),?/\1/'; }
echo "| data | objective / remedy | seed | modes captured | high-quality fraction | reverse KL | seconds | command |"
echo "|---|---|---|---|---|---|---|---|"
cells | while read -r data variant seed; do
  m="$out/$data-$variant-s$seed/metrics.json"
  if [ ! -f "$m" ] || grep -q '"diverged_at_iteration": [0-9]' "$m"; then
    echo "| $data | $variant | $seed | failed or diverged: see $out/$data-$variant-s$seed.log | | | | \`$(command_of "$data" "$variant" "$seed")\` |"
    continue
  fi
  kl=$(field "$m" reverse_kl)
  [ "$kl" = null ] || kl=$(printf '%.3f' "$kl")
  printf '| %s | %s | %s | %s / %s | %.3f | %s | %.0f | `%s` |\n' "$data" "$variant" "$seed" \
    "$(field "$m" modes_captured)" "$(field "$m" modes_total)" "$(field "$m" high_quality_fraction)" "$kl" "$(field "$m" seconds)" "$(command_of "$data" "$variant" "$seed")"
done
