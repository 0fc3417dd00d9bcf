#!/usr/bin/env bash
# GanSharp at 1 thread against 2 (or any counts), row by row, alternated in rounds: the measurements behind
# ThreadPolicy's rule (docs/threads.md). Each run is a fresh process; odd rounds run the counts in the order given,
# even rounds in reverse, so drift in the machine's load hits every count. The load average (1 min) is recorded
# before every run. Results go to bench/results/threads-<UTC stamp>/ and a markdown table is printed.
#
# Besides the load average, each run records the mean count of other runnable threads (procs_running, minus this
# shell) over the second before it, which follows a shared machine's load more closely than the 1-minute average.
#
# Usage: bench/threads.sh [--rounds N] [--rows "toy64 toy512w256 dcgan28 ..."] [--threads "1 2"] [--busy]
#                         [--wait-quiet R] [--no-build]
#   --busy: a second process (python3 -c "while True: pass") keeps one core busy for the whole run.
#   --wait-quiet R: before each row's runs, wait (up to 20 seconds) until the mean count of other runnable threads
#                   over one second is at most R (with --busy, the busy process counts too).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5
rows="toy64w64 toy128w64 toy256w64 toy512w64 toy1024w64 toy64 toy128 toy256 toy512 toy1024 toy64w256 toy128w256 toy256w256 toy512w256 toy1024w256 dcgan28 dcgan28b128"
counts="1 2"
busy=0
build=1
wait_quiet=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --threads) counts="$2"; shift 2 ;;
    --busy) busy=1; shift ;;
    --wait-quiet) wait_quiet="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# Iterations per run: one to two seconds of work on a 2-core machine, from the forward FLOPs of the MLP rows (≈ 2·b·2w²).
iterations_for() {
  case "$1" in
    dcgan28b*) echo 4 ;;
    dcgan*) echo 6 ;;
    toy*)
      local spec=${1#toy} b w
      b=${spec%%w*}; w=128; [[ $spec == *w* ]] && w=${spec#*w}
      local flops=$(( 4 * b * w * w ))
      if (( flops < 20000000 )); then echo 200; elif (( flops < 80000000 )); then echo 100; else echo 40; fi ;;
    *) echo 20 ;;
  esac
}
warmup_for() { case "$1" in dcgan*) echo 2 ;; *) echo 40 ;; esac; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
suffix=""; [ "$busy" = 1 ] && suffix="-busy"
out=bench/results/threads-$stamp$suffix
mkdir -p "$out"
if [ "$build" = 1 ]; then
  echo "building Release..." >&2
  dotnet build -c Release bench/GanSharp.Bench -v q -nologo >&2
fi
gansharp=(dotnet bench/GanSharp.Bench/bin/Release/net10.0/GanSharp.Bench.dll)
echo "{\"cores\": $(nproc), \"started\": \"$stamp\", \"busy\": $busy, \"rounds\": $rounds, \"load_at_start\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" > "$out/machine.json"

# Mean of procs_running over one second (10 samples), minus this shell, in hundredths.
runnable_centi() {
  local sum=0 k v _ i
  for ((i = 0; i < 10; i++)); do
    while read -r k v _; do [ "$k" = procs_running ] && sum=$(( sum + v - 1 )); done < /proc/stat
    sleep 0.1
  done
  echo $(( sum * 10 ))
}
wait_until_quiet() {
  [ -n "$wait_quiet" ] || return 0
  local limit=$(awk "BEGIN{print int($wait_quiet * 100)}") deadline=$(( SECONDS + 20 ))
  while (( $(runnable_centi) > limit && SECONDS < deadline )); do :; done
}
centi() { printf '%d.%02d' $(( $1 / 100 )) $(( $1 % 100 )); }

busy_pid=""
stop_busy() { if [ -n "$busy_pid" ]; then kill "$busy_pid" 2>/dev/null || true; wait "$busy_pid" 2>/dev/null || true; busy_pid=""; fi; }
trap stop_busy EXIT
if [ "$busy" = 1 ]; then /usr/bin/python3 -c "while True: pass" & busy_pid=$!; fi

read -r -a order <<< "$counts"
for ((r = 1; r <= rounds; r++)); do
  if (( r % 2 == 0 )); then
    reversed=(); for ((i = ${#order[@]} - 1; i >= 0; i--)); do reversed+=("${order[i]}"); done
    round_order=("${reversed[@]}")
  else
    round_order=("${order[@]}")
  fi
  for row in $rows; do
    wait_until_quiet
    for t in "${round_order[@]}"; do
      cut -d' ' -f1 /proc/loadavg > "$out/$row-t$t-load-$r.txt"
      centi "$(runnable_centi)" > "$out/$row-t$t-runnable-$r.txt"
      "${gansharp[@]}" "$row" --threads "$t" --iterations "$(iterations_for "$row")" --warmup "$(warmup_for "$row")" --out "$out/$row-t$t-$r.json"
    done
  done
done
stop_busy
/usr/bin/python3 bench/summarize_threads.py "$out" | tee "$out/summary.md"
