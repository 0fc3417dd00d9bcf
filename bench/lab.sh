#!/usr/bin/env bash
# gansharp lab: the frame rate a page receives, and what an open (or slow) page costs training, in one run.
# One `gansharp lab --play` process (Release, --threads 1) trains the ring; blocks of --seconds each alternate, round after round:
#   closed: no page;
#   open:   headless chromium showing the page (it parses and draws every frame, on the same machine);
#   slow:   a reader of the event stream limited to 20 kB/s (a page that cannot keep up; frames are dropped, not queued).
# Each block reads /status (iterations done, frames sent) after a settling second (three for the browser's start), and again --seconds later.
# Output: iterations a second per block, frames a second in the open blocks, the ratios open/closed and slow/closed
# (of the summed iterations over the summed seconds), and the load average before and after.
#
# Usage: bench/lab.sh [--rounds N] [--seconds S] [--no-build] [extra gansharp lab options...]
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
seconds=10
build=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) extra+=("$1"); shift ;;
  esac
done
command -v chromium >/dev/null || { echo "bench/lab.sh needs chromium (apt-get install chromium)" >&2; exit 1; }
if [ "$build" = 1 ]; then dotnet build src/GanSharp.Cli -c Release -nologo -v q >/dev/null; fi

work=$(mktemp -d)
cleanup() {
  [ -n "${browser:-}" ] && kill "$browser" 2>/dev/null || true
  [ -n "${reader:-}" ] && kill "$reader" 2>/dev/null || true
  [ -n "${lab:-}" ] && kill -TERM "$lab" 2>/dev/null && wait "$lab" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
dotnet src/GanSharp.Cli/bin/Release/net10.0/GanSharp.Cli.dll lab --play --port 0 --threads 1 --iterations 100000000 \
  --frames-every 0 --checkpoint-every 100000000 --out "$work/run" "${extra[@]}" >"$work/lab.log" 2>&1 &
lab=$!
for _ in $(seq 1 120); do
  url=$(grep -o 'http://[^ ]*' "$work/lab.log" | head -n 1 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { cat "$work/lab.log" >&2; exit 1; }
status() { curl -s "${url}status" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["iteration"], s["frames"])'; }
sleep 3   # the first iterations (TorchSharp's warm-up) belong to no block

declare -A iterations=( [closed]=0 [open]=0 [slow]=0 ) elapsed=( [closed]=0 [open]=0 [slow]=0 )
open_frames=0
printf '%-6s %-6s %12s %10s %14s\n' round block "iter/s" "frames/s" "last frame ms"
for round in $(seq 1 "$rounds"); do
  for block in closed open slow; do
    case "$block" in
      open) chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$work/profile" "$url" >/dev/null 2>&1 & browser=$! ;;
      slow) curl -s -N --limit-rate 20k "${url}events" >/dev/null & reader=$! ;;
    esac
    # Settle: a second, or three for the browser, whose start (processes, page load, first draw) is not the page's steady cost.
    if [ "$block" = open ]; then sleep 3; else sleep 1; fi
    read -r i0 f0 < <(status); t0=$(date +%s.%N)
    sleep "$seconds"
    read -r i1 f1 < <(status); t1=$(date +%s.%N)
    # What the last frame cost the training thread (ms), as the frame itself reports it.
    frame_ms=$(curl -s "${url}frame" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("build_ms", 0))')
    case "$block" in
      open) kill "$browser"; wait "$browser" 2>/dev/null || true; browser="" ;;
      slow) kill "$reader"; wait "$reader" 2>/dev/null || true; reader="" ;;
    esac
    dt=$(python3 -c "print($t1 - $t0)")
    iterations[$block]=$(( ${iterations[$block]} + i1 - i0 ))
    elapsed[$block]=$(python3 -c "print(${elapsed[$block]} + $dt)")
    [ "$block" = open ] && open_frames=$(( open_frames + f1 - f0 ))
    printf '%-6s %-6s %12.1f %10.1f %14s\n' "$round" "$block" "$(python3 -c "print(($i1 - $i0) / $dt)")" "$(python3 -c "print(($f1 - $f0) / $dt)")" "$frame_ms"
  done
done
python3 - <<PY
closed = ${iterations[closed]} / ${elapsed[closed]}
opened = ${iterations[open]} / ${elapsed[open]}
slow = ${iterations[slow]} / ${elapsed[slow]}
print(f"training, page closed: {closed:.1f} iterations/s; page open: {opened:.1f} (ratio {opened / closed:.3f}); slow reader: {slow:.1f} (ratio {slow / closed:.3f})")
print(f"frames sent to the open page: {${open_frames} / ${elapsed[open]}:.1f} a second")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); server memory (RSS) at the end: $(ps -o rss= -p "$lab") kB"
