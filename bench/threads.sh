#!/usr/bin/env bash
# GanSharp at 1 thread against 2 (or other counts), row by row: the measurements behind ThreadPolicy's rule
# (BENCHMARKS.md, "Thread count"). Each row runs in one process per round that switches thread count every 5 iterations
# (GanSharp.Bench --alternate), so whatever else the machine does hits every count alike; odd rounds start with the
# first count, even rounds with the last. Before every process the load average (1 min) and the mean count of other
# runnable threads over one second (procs_running) are recorded, and every timed iteration records the share of the
# machine that other processes used in its quarter second (/proc/stat less this process), so that quiet stretches of a
# shared machine can be told apart. Results go to bench/results/threads-<UTC stamp>/ and a markdown table is printed
# (bench/summarize_threads.py).
#
# Usage: bench/threads.sh [--rounds N] [--rows "toy64 toy512w256 dcgan28 ..."] [--threads "1 2"] [--busy]
#                         [--wait-quiet R] [--max-wait S] [--no-build]
#   --busy: a second process (python3 -c "while True: pass") keeps one core busy for the whole run.
#   --wait-quiet S: before each row, wait (up to --max-wait seconds, default 60) until the machine's busy share over
#                   one second is at most S, e.g. 0.1 (with --busy, the busy process counts too: use 0.6).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5
rows="toy64w64 toy128w64 toy256w64 toy512w64 toy1024w64 toy64 toy128 toy256 toy384 toy512 toy768 toy1024 toy64w256 toy128w256 toy192w256 toy256w256 toy512w256 toy1024w256 dcgan28 dcgan28b128"
counts="1 2"
busy=0
build=1
wait_quiet=""
max_wait=60
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --threads) counts="$2"; shift 2 ;;
    --busy) busy=1; shift ;;
    --wait-quiet) wait_quiet="$2"; shift 2 ;;
    --max-wait) max_wait="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# Timed iterations per thread count: about a second of work per count on a 2-core machine, from the forward FLOPs
# of the MLP rows (≈ 2·b·2w²).
iterations_for() {
  case "$1" in
    dcgan28b*) echo 5 ;;
    dcgan*) echo 10 ;;
    toy*)
      local spec=${1#toy} b w
      b=${spec%%w*}; w=128; [[ $spec == *w* ]] && w=${spec#*w}
      local flops=$(( 4 * b * w * w ))
      if (( flops < 20000000 )); then echo 150; elif (( flops < 80000000 )); then echo 60; else echo 25; fi ;;
    *) echo 20 ;;
  esac
}
warmup_for() { case "$1" in dcgan*) echo 2 ;; *) echo 30 ;; esac; }

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
# Busy share of the whole machine over one second, in hundredths (from /proc/stat's idle and iowait ticks).
busy_centi() {
  local a b
  read -r -a a < /proc/stat; sleep 1; read -r -a b < /proc/stat
  local total=0 idle i
  for ((i = 1; i <= 8; i++)); do total=$(( total + b[i] - a[i] )); done
  idle=$(( b[4] - a[4] + b[5] - a[5] ))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
wait_until_quiet() {
  [ -n "$wait_quiet" ] || return 0
  local limit deadline=$(( SECONDS + max_wait ))
  limit=$(awk "BEGIN{print int($wait_quiet * 100)}")
  while (( $(busy_centi) > limit && SECONDS < deadline )); do :; done
}
centi() { printf '%d.%02d' $(( $1 / 100 )) $(( $1 % 100 )); }

busy_pid=""
stop_busy() { if [ -n "$busy_pid" ]; then kill "$busy_pid" 2>/dev/null || true; wait "$busy_pid" 2>/dev/null || true; busy_pid=""; fi; }
trap stop_busy EXIT
if [ "$busy" = 1 ]; then /usr/bin/python3 -c "while True: pass" & busy_pid=$!; fi

forward=$(echo $counts | tr ' ' ','); backward=$(echo $counts | tr ' ' '\n' | tac | paste -sd,)
for ((r = 1; r <= rounds; r++)); do
  order=$forward; (( r % 2 )) || order=$backward
  for row in $rows; do
    wait_until_quiet
    cut -d' ' -f1 /proc/loadavg > "$out/$row-load-$r.txt"
    centi "$(runnable_centi)" > "$out/$row-runnable-$r.txt"
    "${gansharp[@]}" "$row" --alternate "$order" --iterations "$(iterations_for "$row")" --warmup "$(warmup_for "$row")" --out "$out/$row-$r.json"
  done
done
stop_busy
/usr/bin/python3 bench/summarize_threads.py "$out" | tee "$out/summary.md"
