#!/usr/bin/env bash
# Every objective and the main remedies on the ring, the grid and the 1D two-mode mixture, seeds 1–3 (docs/objectives.md).
# Prints a Markdown table (modes captured, high-quality fraction, reverse KL, seconds, command); the runs stay in
# bench/results/objectives/. One libtorch thread per run; JOBS runs at a time (default 1: the machine is shared).
# The grid's cells start from the minimax game, U(-1, 1)^2 and linear decay over 6,000 iterations, without packing or R1 (the
# grid's own defaults add R1: --objective minimax --pack 1 --r1 0 are spelt out unless the variant sets them), so each objective
# and remedy is measured on its own; the ring and the 1D mixture start from the point defaults.
# Usage: JOBS=1 bench/objectives.sh [seeds...]        (default seeds: 1 2 3)
#        ONLY="ring:hinge grid:pack4" bench/objectives.sh 1   (a subset of data:variant cells)
#        GANSHARP_DLL=path/GanSharp.Cli.dll bench/objectives.sh   (a built CLI, e.g. from dotnet publish, instead of building Debug)
#        REPORT_ONLY=1 bench/objectives.sh 1 2 3   (print the tables from the runs already in bench/results/objectives)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
out=bench/results/objectives
mkdir -p "$out"
if [ -n "${REPORT_ONLY:-}" ]; then
  :
elif [ -z "${GANSHARP_DLL:-}" ]; then
  dotnet build src/GanSharp.Cli -v q -nologo > /dev/null
  GANSHARP_DLL=src/GanSharp.Cli/bin/Debug/net10.0/GanSharp.Cli.dll
fi
[ -n "${REPORT_ONLY:-}" ] || [ -f "$GANSHARP_DLL" ] || { echo "GANSHARP_DLL: no such file: $GANSHARP_DLL" >&2; exit 2; }
export GANSHARP_DLL

datas=(ring grid mixture1d)
variants=(minimax non-saturating kl reverse-kl jensen-shannon pearson hellinger wgan wgan-gp least-squares hinge hinge-sn pack2 pack4 r1 ema replay)

settings_of() {   # data → the documented base settings of that target
  case "$1" in
    ring) echo "--data ring --lr-schedule linear --iterations 3000" ;;
    grid) echo "--data grid --lr-schedule linear --iterations 6000 --prior uniform" ;;   # + grid_base_of
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
grid_base_of() {  # data, variant → on the grid, the base game that the variant does not set itself
  [ "$1" = grid ] || return 0
  local v; v=$(variant_of "$2")
  [[ "$v" == *--objective* ]] || echo -n "--objective minimax "
  [[ "$v" == *--pack* ]] || echo -n "--pack 1 "
  [[ "$v" == *--r1* ]] || echo -n "--r1 0"
}
options_of() { echo "$(settings_of "$1") $(variant_of "$2") $(grid_base_of "$1" "$2")"; }
command_of() { echo gansharp train $(options_of "$1" "$2") --seed "$3" --threads 1; }
export -f settings_of variant_of grid_base_of options_of command_of

run_one() {
  local data=$1 variant=$2 seed=$3
  # shellcheck disable=SC2046
  nice -n 5 dotnet "$GANSHARP_DLL" train $(options_of "$data" "$variant") --seed "$seed" \
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
if [ -z "${REPORT_ONLY:-}" ]; then
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  cells | xargs -P "${JOBS:-1}" -L 1 bash -c 'run_one "$0" "$1" "$2"'
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
fi

field() { grep -m1 "\"$2\":" "$1" | sed -E 's/.*: ([^,]*),?/\1/'; }
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
echo "| data | objective / remedy | seed | modes captured | high-quality fraction | reverse KL | seconds | command |"
echo "|---|---|---|---|---|---|---|---|"
cells | while read -r data variant seed; do
  m="$out/$data-$variant-s$seed/metrics.json"
  if [ ! -f "$m" ] && [ ! -f "$out/$data-$variant-s$seed.log" ]; then
    echo "| $data | $variant | $seed | not run | | | | \`$(command_of "$data" "$variant" "$seed")\` |"
    continue
  fi
  if [ ! -f "$m" ] || grep -q '"diverged_at_iteration": [0-9]' "$m"; then
    what="failed: see $out/$data-$variant-s$seed.log"
    [ -f "$m" ] && what="diverged at iteration $(field "$m" diverged_at_iteration)"
    echo "| $data | $variant | $seed | $what | | | | \`$(command_of "$data" "$variant" "$seed")\` |"
    printf '%s\t%s\tfailed\n' "$data" "$variant" >> "$summary"
    continue
  fi
  kl=$(field "$m" reverse_kl)
  [ "$kl" = null ] || kl=$(printf '%.3f' "$kl")
  printf '| %s | %s | %s | %s / %s | %.3f | %s | %.0f | `%s` |\n' "$data" "$variant" "$seed" \
    "$(field "$m" modes_captured)" "$(field "$m" modes_total)" "$(field "$m" high_quality_fraction)" "$kl" "$(field "$m" seconds)" "$(command_of "$data" "$variant" "$seed")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$data" "$variant" "$(field "$m" modes_captured)" "$(field "$m" modes_total)" \
    "$(field "$m" high_quality_fraction)" "$kl" "$(field "$m" seconds)" >> "$summary"
done

# One row per data × objective/remedy over its seeds: mean modes, seeds with every mode, mean high-quality fraction and reverse KL
# (over the seeds where it is defined: no sample near any mode leaves it undefined), mean seconds.
echo
echo "| data | objective / remedy | seeds | mean modes | seeds with all modes | mean high-quality fraction | mean reverse KL | mean seconds |"
echo "|---|---|---|---|---|---|---|---|"
awk -F '\t' '
  { key = $1 "\t" $2; if (!(key in n)) order[++keys] = key; n[key]++ }
  $3 == "failed" { failed[key]++; next }
  { ok[key]++; modes[key] += $3; total[key] = $4; all[key] += ($3 == $4); hq[key] += $5; secs[key] += $7
    if ($6 != "null") { kl[key] += $6; kln[key]++ } }
  END {
    for (i = 1; i <= keys; i++) {
      k = order[i]; split(k, p, "\t")
      if (!ok[k]) { printf "| %s | %s | %d | all diverged or failed | | | | |\n", p[1], p[2], n[k]; continue }
      printf "| %s | %s | %d%s | %.1f / %d | %d | %.3f | %s | %.0f |\n", p[1], p[2], n[k], failed[k] ? " (" failed[k] " diverged or failed)" : "",
        modes[k] / ok[k], total[k], all[k], hq[k] / ok[k], kln[k] ? sprintf("%.3f", kl[k] / kln[k]) : "–", secs[k] / ok[k]
    }
  }' "$summary"
