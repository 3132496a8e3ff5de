#!/usr/bin/env bash
# Runs a packaged Synapse Workbench headless, as a user would, and checks what it does against `java -jar`:
#   installer/check.sh LAUNCHER [JAR]
# LAUNCHER: bin/synapse-workbench of an app-image, of an unpacked .deb, or /usr/bin/synapse-workbench once installed.
# JAR: the jar to compare with (default target/synapse-workbench.jar); its results must be the launcher's.
# Linux only (it reads /proc). Checks --version, doctor (libtorch from the install folder, nothing unpacked), generate,
# info, exit codes, two training iterations of the demo config in a child process that
# is the launcher itself with glibc's malloc tuned, Ctrl-C during training (a checkpoint, exit code 130), and infer.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher="$(readlink -f "$1")"
jar="${2:-target/synapse-workbench.jar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() {
  echo "check failed: $*" >&2
  exit 1
}
ok() {
  echo "ok: $*"
}

version="$("$launcher" --version)"
[[ "$version" == "Synapse Workbench "* ]] || fail "--version printed '$version'"
ok "$version"

# libtorch from the install folder, nothing unpacked into DJL's cache
DJL_CACHE_DIR="$work/djl-cache" "$launcher" doctor > "$work/doctor.txt" || fail "doctor: $(cat "$work/doctor.txt")"
libtorch_dir="$(dirname "$(dirname "$launcher")")/lib/app/libtorch"
grep -q "^libtorch: *2.7.1 cpu, the CPU libtorch installed with the program, loaded from $libtorch_dir\$" "$work/doctor.txt" \
  || fail "doctor says: $(grep libtorch "$work/doctor.txt")"
[ ! -e "$work/djl-cache" ] || fail "DJL unpacked into its cache: $(find "$work/djl-cache" | head -3)"
ok "doctor: libtorch loaded from $libtorch_dir, nothing unpacked"

"$launcher" generate --output "$work/s.h5" --size 12,96,96 --seed 5 --density 24 --layout both >/dev/null
[ -f "$work/s-image.h5" ] && [ -f "$work/s-clefts.h5" ] || fail "generate wrote no sample"
"$launcher" info "$work/s.h5" > "$work/info-launcher.txt"
java -jar "$jar" info "$work/s.h5" > "$work/info-jar.txt"
cmp -s "$work/info-launcher.txt" "$work/info-jar.txt" || fail "info differs from the jar's"
grep -q "volumes/labels/clefts" "$work/info-launcher.txt" || fail "info lists no clefts"
ok "generate and info, as the jar's"

set +e
"$launcher" info "$work/missing.h5" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "a missing file gave exit code $code, not 2"
grep -q "^error: File .*missing.h5' does not exist" "$work/err.txt" || fail "a missing file said: $(cat "$work/err.txt")"
ok "exit code 2 and one clear line for a missing file"

tiny=(MODEL.INPUT_SIZE "[5,33,33]" MODEL.FILTERS "[8,8,8,8,8]" DATASET.INPUT_PATH "$work" DATASET.IMAGE_NAME s-image.h5
  DATASET.LABEL_NAME s-clefts.h5 DATASET.PAD_SIZE "[1,8,8]" DATASET.REJECT_SAMPLING.SIZE_THRES 20
  SOLVER.SAMPLES_PER_BATCH 1 SYSTEM.NUM_CPUS 1 INFERENCE.INPUT_SIZE "[5,33,33]" INFERENCE.OUTPUT_SIZE "[5,33,33]"
  INFERENCE.PAD_SIZE "[1,8,8]" INFERENCE.STRIDE "[4,24,24]")

# two iterations; meanwhile the tuned child must be the launcher itself
"$launcher" train --config-file configs/Demo/Demo-Cleft.yaml --quiet "${tiny[@]}" DATASET.OUTPUT_PATH "$work/out" \
  SOLVER.ITERATION_TOTAL 2 SOLVER.ITERATION_SAVE 2 > "$work/train.txt" 2>&1 &
parent=$!
# (a child is forked, then runs jspawnhelper, then execs the program: wait until it has its own environment)
child=""
tunables=""
for _ in $(seq 1 400); do
  child="$(pgrep -P "$parent" | head -1 || true)"
  if [ -n "$child" ]; then
    tunables="$( (tr '\0' '\n' < "/proc/$child/environ" | grep '^GLIBC_TUNABLES=') 2>/dev/null || true)"
    [ -n "$tunables" ] && break
  fi
  sleep 0.05
done
[ -n "$child" ] || fail "train started no child process"
child_exe="$(readlink -f "/proc/$child/exe" || true)"
wait "$parent" || fail "train ended with exit code $?: $(cat "$work/train.txt")"
[ "$child_exe" = "$launcher" ] || fail "the tuned child is $child_exe, not the launcher $launcher"
[[ "$tunables" == *"glibc.malloc.arena_max=1"* ]] || fail "the child's malloc is not tuned ($tunables)"
[ -f "$work/out/checkpoint_000002.ckpt" ] || fail "no checkpoint after two iterations: $(cat "$work/train.txt")"
grep -q "Training finished at iteration 2" "$work/train.txt" || fail "train said: $(cat "$work/train.txt")"
ok "two training iterations in a child that is the launcher ($tunables)"

# Ctrl-C: the terminal signals the whole process group, parent and child. With job control on, the background job
# has a process group of its own and does not ignore SIGINT (as a non-interactive shell's background jobs do).
set -m
"$launcher" train --config-file configs/Demo/Demo-Cleft.yaml "${tiny[@]}" DATASET.OUTPUT_PATH "$work/stopped" \
  SOLVER.ITERATION_TOTAL 3000 SOLVER.ITERATION_SAVE 3000 > "$work/stop.txt" 2>&1 &
group=$!
set +m
for _ in $(seq 1 600); do
  grep -q "iter [1-9]" "$work/stop.txt" 2>/dev/null && break
  sleep 0.1
done
kill -INT -- "-$group"
set +e
wait "$group"
code=$?
set -e
[ "$code" = 130 ] || fail "Ctrl-C during training gave exit code $code, not 130: $(tail -c 300 "$work/stop.txt")"
ls "$work/stopped"/checkpoint_*.ckpt > /dev/null 2>&1 || fail "Ctrl-C left no checkpoint: $(tail -c 300 "$work/stop.txt")"
ok "Ctrl-C during training: exit code 130 and $(basename "$(ls "$work/stopped"/checkpoint_*.ckpt)")"

infer=(--checkpoint "$work/out/checkpoint_000002.ckpt" --quiet INFERENCE.INPUT_PATH "$work" INFERENCE.IMAGE_NAME s-image.h5)
"$launcher" infer "${infer[@]}" INFERENCE.OUTPUT_PATH "$work/pred-launcher" > /dev/null
java -jar "$jar" infer "${infer[@]}" INFERENCE.OUTPUT_PATH "$work/pred-jar" > /dev/null
"$launcher" info "$work/pred-launcher/result.h5" > "$work/pred-launcher.txt"
java -jar "$jar" info "$work/pred-jar/result.h5" | sed "s:pred-jar:pred-launcher:" > "$work/pred-jar.txt"
grep -q "\[1, 12, 96, 96\]" "$work/pred-launcher.txt" || fail "infer wrote $(cat "$work/pred-launcher.txt")"
cmp -s "$work/pred-launcher.txt" "$work/pred-jar.txt" || fail "the launcher's prediction differs from the jar's:
$(diff "$work/pred-launcher.txt" "$work/pred-jar.txt")"
ok "infer: the same prediction as the jar's"
echo "all checks passed for $launcher"
