#!/usr/bin/env bash
# The problems of the "Nothing lost, nothing hangs" issue, as a hostile user meets them, through a built command line: run it
# with the GanSharp.Cli.dll of two commits to see how each behaved before and after (docs/reliability.md has both outputs).
# Safe on a small machine: no case asks for absurd threads or memory (those are in the fault suite, which fails them before work).
#
# Usage: bench/fault-scenarios.sh PATH/TO/GanSharp.Cli.dll WORK_FOLDER   (WORK_FOLDER is deleted and made again)
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 CLI_DLL WORK_FOLDER" >&2; exit 2; }
G="dotnet $(realpath "$1")"; W=$2; rm -rf "$W"; mkdir -p "$W"; cd "$W" || exit 1
T="--data ring --iterations 4 --g-width 8 --d-width 8 --frames-every 2 --threads 1"
$G train $T --out prev >/dev/null 2>&1
echo "== 1a leftovers without config.json"; mkdir stale; cp prev/metrics.json prev/training.gif stale/; cp prev/curves.png stale/leftover-curves.png; $G train --data moons --iterations 4 --g-width 8 --d-width 8 --threads 1 --out stale > o.txt 2>&1; echo "exit $?"; tail -1 o.txt | cut -c1-200; ls stale; cmp -s stale/metrics.json prev/metrics.json && echo "metrics.json still the previous run's" || echo "metrics.json rewritten"; ls stale | tr '\n' ' '; echo
echo "== 1b folder of pictures"; mkdir pics; cp prev/frames/*.png pics/; $G train $T --out pics > o.txt 2>&1; echo "exit $?"; tail -1 o.txt | cut -c1-200
echo "== 4 eval broken checkpoint, data dir nowhere"; head -c 100 /dev/urandom > broken.gsckpt; $G eval --checkpoint broken.gsckpt --data fashion-mnist --data-dir nowhere --cache-dir cache > o.txt 2>&1; echo "exit $?"; head -2 o.txt | cut -c1-200
echo "== 5 truncated png"; mkdir cut; for f in prev/frames/*.png; do cp $f cut/; done; f=$(ls cut/*.png | head -1); s=$(stat -c %s $f); head -c $((s/2)) $f > x && mv x $f; $G train --data cut --image-size 28 --channels 1 --features 2 --latent-dim 4 --batch-size 2 --epochs 1 --threads 1 --out cutrun > o.txt 2>&1; echo "exit $?"; grep -c "Skipped" o.txt
echo "== 6 corrupt generator.bin"; cp -r prev prev6; c=$(ls prev6/checkpoints/checkpoint-*.gsckpt | tail -1); python3 -c "
import zipfile,sys,shutil
src='$c'; tmp=src+'.x'
with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp,'w') as b:
    for i in a.infolist():
        b.writestr(i.filename, bytes((k*73+11)%256 for k in range(8192)) if False else (bytes(b if j==0 else b^0x5A for j,b in enumerate(a.read(i.filename))) if i.filename=='generator.bin' else a.read(i.filename)))
shutil.move(tmp,src)"; $G train --resume prev6 > o.txt 2>&1; echo "exit $?"; echo "lines $(wc -l < o.txt), bytes $(wc -c < o.txt), control chars $(tr -d '\n\r\t[:print:]' < o.txt | wc -c)"; head -c 300 o.txt | tr -c '[:print:]\n' '?'; echo
echo "== 9a sample into x.jpg"; $G train --data cut --image-size 28 --channels 1 --features 2 --latent-dim 4 --batch-size 2 --epochs 1 --threads 1 --out img --force >/dev/null 2>&1; $G sample --checkpoint img --n 4 --out x.jpg > o.txt 2>&1; echo "exit $?"; tail -1 o.txt | cut -c1-200; test -f x.jpg && head -c 8 x.jpg | od -c | head -1
echo "== 9b sample --out existing folder"; $G sample --checkpoint img --n 4 --out pics > o.txt 2>&1; echo "exit $?"; tail -1 o.txt | cut -c1-200
echo "== 9c SIGTERM (a background job ignores SIGINT)"; $G train --data ring --iterations 100000 --g-width 8 --d-width 8 --frames-every 0 --threads 1 --out sig > o.txt 2>&1 & p=$!; while [ ! -f sig/config.json ]; do sleep 0.1; done; sleep 1; kill -TERM $p; wait $p; echo "exit $?"
