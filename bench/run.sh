#!/usr/bin/env bash
# The GanSharp-vs-PyTorch benchmark (BENCHMARKS.md): builds Release, times every row on both sides alternately
# in rounds (so drift hits both), once on a quiet machine and once with a busy process on one core, samples
# resident memory over 20,000 toy iterations, writes bench/results/<stamp>/*.json and prints a markdown table.
#
# Usage: bench/run.sh [--rounds N] [--rows "toy100 toy512 ..."] [--quick] [--no-contention] [--no-memory]
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5
rows="toy100 toy512 dcgan28 dcgan64 sample64 matmul"
contention=1
memory=1
memory_iterations=20000
declare -A iterations=([toy100]=300 [toy512]=200 [dcgan28]=8 [dcgan64]=2 [sample64]=3 [matmul]=5)
# Warm-up long enough for .NET's tiered JIT to finish recompiling the hot path (same count on both sides).
declare -A warmup=([toy100]=100 [toy512]=60 [dcgan28]=2 [dcgan64]=1 [sample64]=1 [matmul]=1)
# The DCGAN-64 rows take seconds per iteration on a 2-core machine: two rounds each, no busy-core repeat, and PyTorch runs them with the setting that was fastest on the DCGAN-28 row (same layer types).
declare -A max_rounds=([dcgan28]=3 [dcgan64]=2 [sample64]=2 [matmul]=1)
declare -A no_busy=([dcgan64]=1 [sample64]=1 [matmul]=1)
declare -A calibrate_like=([dcgan64]=dcgan28 [sample64]=dcgan28)
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --quick) rounds=2; memory_iterations=4000; for r in toy100 toy512; do iterations[$r]=$(( (iterations[$r] + 2) / 3 )); done; shift ;;
    --no-contention) contention=0; shift ;;
    --no-memory) memory=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

python=/usr/bin/python3
openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/$stamp
mkdir -p "$out"

echo "building Release..." >&2
dotnet build -c Release bench/GanSharp.Bench -v q -nologo >&2
gansharp=(dotnet bench/GanSharp.Bench/bin/Release/net10.0/GanSharp.Bench.dll)

# PyTorch's candidate settings; each row is compared against the fastest of them on this machine.
# Every candidate sets OMP_WAIT_POLICY=PASSIVE (sleeping, not spinning, OpenMP workers).
pytorch_configs=("reference-blas threads=1" "reference-blas threads=$(nproc)")
if [ -e "$openblas/libblas.so.3" ]; then
  pytorch_configs+=("openblas threads=1" "openblas threads=$(nproc)")
fi
run_pytorch() { # config row extra-args...
  local blas=${1%% *} threads=${1##*=}; shift
  if [ "$blas" = openblas ]; then
    OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 LD_LIBRARY_PATH="$openblas" "$python" bench/pytorch/bench.py "$@" --threads "$threads"
  else
    OMP_WAIT_POLICY=PASSIVE "$python" bench/pytorch/bench.py "$@" --threads "$threads"
  fi
}

{
  echo "{\"cpu\": \"$(lscpu | sed -n 's/^Model name: *//p' | head -1)\", \"cores\": $(nproc),"
  echo " \"openblas\": \"$(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || echo none)\","
  echo " \"reference_blas\": \"$(dpkg-query -W -f='${Version}' libblas3 2>/dev/null || echo none)\","
  echo " \"python_torch\": \"$(dpkg-query -W -f='${Version}' python3-torch 2>/dev/null || echo unknown)\","
  echo " \"dotnet\": \"$(dotnet --version)\", \"started\": \"$stamp\", \"load_at_start\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
} > "$out/machine.json"

busy_pid=""
stop_busy() { if [ -n "$busy_pid" ]; then kill "$busy_pid" 2>/dev/null || true; wait "$busy_pid" 2>/dev/null || true; busy_pid=""; fi; }
trap stop_busy EXIT

for row in $rows; do
  n=${iterations[$row]:-50}; w=${warmup[$row]:-5}
  row_rounds=$rounds
  [ -n "${max_rounds[$row]:-}" ] && (( max_rounds[$row] < rounds )) && row_rounds=${max_rounds[$row]}
  # Calibration: a short run of each PyTorch candidate; the fastest median is this row's PyTorch.
  best=""; best_ms=""
  like=${calibrate_like[$row]:-}
  if [ -n "$like" ] && [ -e "$out/pytorch-config-$like.txt" ]; then best=$(cat "$out/pytorch-config-$like.txt"); fi
  candidates=("${pytorch_configs[@]}")
  # Outside the toy rows only OpenBLAS is tried: the reference BLAS is 10–30 times slower on the toy rows already.
  if [[ $row != toy* ]] && [ -e "$openblas/libblas.so.3" ]; then candidates=("openblas threads=1" "openblas threads=$(nproc)"); fi
  [ -n "$best" ] || for config in "${candidates[@]}"; do
    run_pytorch "$config" "$row" --iterations $(( (n + 3) / 4 )) --warmup "$w" --out "$out/calibrate-$row-${config// /_}.json" 2>/dev/null
    ms=$("$python" bench/summarize.py --median "$out/calibrate-$row-${config// /_}.json")
    echo "calibrate $row pytorch [$config]: median $ms ms" >&2
    if [ -z "$best" ] || awk "BEGIN{exit !($ms < $best_ms)}"; then best=$config; best_ms=$ms; fi
  done
  echo "$best" > "$out/pytorch-config-$row.txt"

  for condition in quiet busy; do
    [ "$condition" = busy ] && { [ "$contention" = 0 ] || [ -n "${no_busy[$row]:-}" ]; } && continue
    condition_rounds=$row_rounds
    [ "$condition" = busy ] && [ -n "${max_rounds[$row]:-}" ] && condition_rounds=1
    if [ "$condition" = busy ]; then
      # The second process: one core kept busy for as long as the row's rounds take.
      "$python" -c "while True: pass" & busy_pid=$!
    fi
    for ((r = 1; r <= condition_rounds; r++)); do
      load=$(cut -d' ' -f1 /proc/loadavg)
      g="$out/$row-$condition-gansharp-$r.json"; p="$out/$row-$condition-pytorch-$r.json"
      if (( r % 2 )); then
        "${gansharp[@]}" "$row" --iterations "$n" --warmup "$w" --out "$g"
        run_pytorch "$best" "$row" --iterations "$n" --warmup "$w" --out "$p"
      else
        run_pytorch "$best" "$row" --iterations "$n" --warmup "$w" --out "$p"
        "${gansharp[@]}" "$row" --iterations "$n" --warmup "$w" --out "$g"
      fi
      echo "$load" > "$out/$row-$condition-load-$r.txt"
    done
    stop_busy
  done
done

if [ "$memory" = 1 ]; then
  echo "memory: $memory_iterations toy100 iterations, resident memory every 1,000..." >&2
  "${gansharp[@]}" toy100 --iterations "$memory_iterations" --warmup 0 --rss-every 1000 --out "$out/memory-gansharp.json"
fi

"$python" bench/summarize.py "$out" | tee "$out/summary.md"
