#!/usr/bin/env bash
# Kill, resume, compare: trains a tiny run on points and a tiny run on images once without interruption, then starts each
# again N times, kills it with SIGKILL at a random moment, resumes it (`gansharp train --resume`) and compares the final
# weights and numbers with the uninterrupted run's: generator.bin, discriminator.bin and both optimiser states of the final
# checkpoint byte for byte, metrics.json without its wall-clock seconds, and samples.csv (points). The kill lands at a random
# moment of training: after the run folder holds config.json (the process has started and checked everything) and before
# 0.8 × the uninterrupted run's training time has passed. Not part of `dotnet test`: it takes minutes.
# Results (one line per kill and the count of identical runs) go to bench/results/kill-resume-<UTC stamp>/.
#
# Usage: bench/kill-resume.sh [--kills N] [--kinds "points images"] [--seed S] [--no-build]
#   --kills N: kills per kind (default 20).  --seed S: seed of the kill moments (default 1).
#   The point run: ring, 120 iterations of 16-unit MLPs, a checkpoint every 10. The image run: Fashion-MNIST
#   (/usr/share/datasets/fashion-mnist), 24 iterations of a DCGAN with 4 feature maps, a checkpoint every 4.
set -euo pipefail
cd "$(dirname "$0")/.."

kills=20
kinds="points images"
seed=1
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --kinds) kinds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$build" = 1 ]; then dotnet build src/GanSharp.Cli -c Release -nologo -v q >/dev/null; fi
cli="src/GanSharp.Cli/bin/Release/net10.0/GanSharp.Cli.dll"
out="bench/results/kill-resume-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
echo "bench/kill-resume.sh --kills $kills --kinds \"$kinds\" --seed $seed; $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/summary.txt"
RANDOM=$seed

settings() {
  case "$1" in
    points) echo "--data ring --iterations 120 --g-width 16 --d-width 16 --frames-every 60 --checkpoint-every 10 --seed 3 --threads 1" ;;
    images) echo "--data fashion-mnist --max-iterations 24 --features 4 --latent-dim 16 --batch-size 32 --sample-every 12 --samples 16 --checkpoint-every 4 --seed 3 --threads 1" ;;
  esac
}

# The final checkpoint's weights and optimiser states, metrics.json without seconds, and samples.csv, as one digest per file.
fingerprint() {
  python3 - "$1" <<'PY'
import hashlib, json, pathlib, sys, zipfile
run = pathlib.Path(sys.argv[1])
final = sorted((run / "checkpoints").glob("checkpoint-*.gsckpt"))[-1]
rows = []
with zipfile.ZipFile(final) as z:
    for entry in ("generator.bin", "discriminator.bin", "generator-optimizer.bin", "discriminator-optimizer.bin"):
        rows.append(f"{final.name}/{entry} {hashlib.sha256(z.read(entry)).hexdigest()}")
def drop_seconds(node):
    if isinstance(node, dict): return {k: drop_seconds(v) for k, v in node.items() if k != "seconds"}
    if isinstance(node, list): return [drop_seconds(v) for v in node]
    return node
metrics = drop_seconds(json.loads((run / "metrics.json").read_text()))
rows.append("metrics.json " + hashlib.sha256(json.dumps(metrics, sort_keys=True).encode()).hexdigest())
if (run / "samples.csv").exists():
    rows.append("samples.csv " + hashlib.sha256((run / "samples.csv").read_bytes()).hexdigest())
print("\n".join(rows))
PY
}

# Waits until the run in $1 has written config.json, or its process $2 has ended.
wait_for_config() {
  while [ ! -f "$1/config.json" ] && kill -0 "$2" 2>/dev/null; do sleep 0.05; done
}

total=0
identical=0
for kind in $kinds; do
  args=$(settings "$kind")
  # shellcheck disable=SC2086
  nice -n 5 dotnet "$cli" train $args --out "$out/$kind-reference" >"$out/$kind-reference.log" 2>&1 &
  pid=$!
  wait_for_config "$out/$kind-reference" "$pid"
  start=$(date +%s.%N)
  wait "$pid"
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  fingerprint "$out/$kind-reference" >"$out/$kind-reference.digest"
  echo "$kind: uninterrupted run trains for $seconds s after writing config.json" | tee -a "$out/summary.txt"
  killed=0
  attempts=0
  # A process that finishes before its kill moment (the machine ran faster than for the reference) is not counted: the loop
  # goes on until it has killed N processes (at most 3N attempts).
  while [ "$killed" -lt "$kills" ] && [ "$attempts" -lt $((3 * kills)) ]; do
    attempts=$((attempts + 1))
    dir="$out/$kind-$attempts"
    # A moment between 0 and 0.8 × the uninterrupted run's training time after config.json, in seconds.
    moment=$(echo "scale=3; ($RANDOM / 32768) * 0.8 * $seconds" | bc)
    # shellcheck disable=SC2086
    nice -n 5 dotnet "$cli" train $args --out "$dir" >"$dir.log" 2>&1 &
    pid=$!
    wait_for_config "$dir" "$pid"
    sleep "$moment"
    kill -KILL "$pid" 2>/dev/null || true
    rc=0
    wait "$pid" 2>/dev/null || rc=$?
    # 137 = 128 + SIGKILL; anything else means the process had ended by itself (a kill of a zombie succeeds too).
    if [ "$rc" != 137 ]; then
      echo "$kind attempt $attempts: finished (exit $rc) before ${moment} s after config.json; not counted" | tee -a "$out/summary.txt"
      continue
    fi
    killed=$((killed + 1))
    nice -n 5 dotnet "$cli" train --resume "$dir" >>"$dir.log" 2>&1
    fingerprint "$dir" >"$dir.digest"
    total=$((total + 1))
    if cmp -s "$dir.digest" "$out/$kind-reference.digest"; then
      identical=$((identical + 1)); verdict="identical"
    else
      verdict="DIFFERENT"
    fi
    echo "$kind kill $killed: SIGKILL ${moment} s after config.json, resumed: $verdict" | tee -a "$out/summary.txt"
  done
done
echo "$identical of $total interrupted runs identical to the uninterrupted ones (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt"
[ "$identical" = "$total" ]
