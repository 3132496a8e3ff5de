#!/usr/bin/env bash
# Figures for the installers (a measurement, not a test): sizes, what takes the space, and the time from start to the
# first window (mapped, then with the EM section drawn) for the packaged launcher against `java -jar`, alternated in
# one run on a virtual display.
#   installer/measure.sh [LAUNCHER] [RUNS]
# LAUNCHER: default target/installer/synapse-workbench/bin/synapse-workbench (or /usr/bin/synapse-workbench once the
# .deb is installed); RUNS: starts of each, default 3. Needs Xvfb, xdotool and ImageMagick (Debian: xvfb xdotool
# imagemagick). Run it on a quiet machine: no build or training alongside.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher="$(readlink -f "${1:-target/installer/synapse-workbench/bin/synapse-workbench}")"
runs="${2:-3}"
app="$(dirname "$(dirname "$launcher")")"
work="$(mktemp -d)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x900x24 > /dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$display"
sleep 1

mib() {
  echo "$(( $1 / 1048576 )) MiB"
}
echo "== sizes"
deb="$(ls target/installer/synapse-workbench_*.deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] && echo ".deb:                      $(mib "$(stat -c %s "$deb")") ($(basename "$deb"))"
echo "installed (app folder):     $(mib $(( $(du -sk "$app" | cut -f1) * 1024 )))"
echo "  libtorch (CPU) + JNI:     $(mib $(( $(du -sk "$app/lib/app/libtorch" | cut -f1) * 1024 )))  largest: $(cd "$app/lib/app/libtorch" && ls -S | head -1) $(mib "$(stat -c %s "$app/lib/app/libtorch/$(cd "$app/lib/app/libtorch" && ls -S | head -1)")")"
echo "  Java runtime (jlink):     $(mib $(( $(du -sk "$app/lib/runtime" | cut -f1) * 1024 )))"
echo "  program and libraries:    $(mib $(( ($(du -sk "$app/lib/app" | cut -f1) - $(du -sk "$app/lib/app/libtorch" | cut -f1)) * 1024 )))  largest: $(cd "$app/lib/app/lib" && ls -S | head -3 | tr '\n' ' ')"

echo "== start to first window ($runs starts each, alternated; the image is a 32 x 320 x 320 sample)"
java -jar target/synapse-workbench.jar generate --output "$work/sample.h5" > /dev/null
# seconds from start until a window named Synapse Workbench is visible, then until its view shows the EM section
start_once() {
  local t0 window t1 t2 pid
  t0=$(date +%s.%N)
  "$@" workbench --workspace="$work/ws.properties" "$work/sample.h5:volumes/raw" > "$work/log.txt" 2>&1 &
  pid=$!
  window=""
  for _ in $(seq 1 1200); do
    window="$(timeout 5 xdotool search --onlyvisible --name '^Synapse Workbench' 2>/dev/null | head -1 || true)"
    [ -n "$window" ] && break
    sleep 0.05
  done
  t1=$(date +%s.%N)
  [ -n "$window" ] || { echo "error: no window within a minute: $(head -c 300 "$work/log.txt")" >&2; kill "$pid"; exit 1; }
  # drawn: the view's centre is no longer one flat colour
  for _ in $(seq 1 600); do
    sd="$(timeout 5 import -window "$window" -crop 200x200+250+200 -colorspace gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)"
    awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' && break
    sleep 0.05
  done
  t2=$(date +%s.%N)
  pkill -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while pgrep -f "$work/ws.properties" > /dev/null; do sleep 0.2; done
  echo "$(awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.2f %.2f", b - a, c - a }')"
}
launcher_times=()
jar_times=()
for i in $(seq 1 "$runs"); do
  # each goes first every other run; a pause lets the last one's processes end
  if [ $((i % 2)) = 1 ]; then
    launcher_times+=("$(start_once "$launcher")"); sleep 3
    jar_times+=("$(start_once java -jar target/synapse-workbench.jar)"); sleep 3
  else
    jar_times+=("$(start_once java -jar target/synapse-workbench.jar)"); sleep 3
    launcher_times+=("$(start_once "$launcher")"); sleep 3
  fi
  echo "run $i: launcher ${launcher_times[-1]} s, java -jar ${jar_times[-1]} s (window, drawn)"
done
median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
lw="$(printf '%s\n' "${launcher_times[@]}" | cut -d' ' -f1 | median)"
ld="$(printf '%s\n' "${launcher_times[@]}" | cut -d' ' -f2 | median)"
jw="$(printf '%s\n' "${jar_times[@]}" | cut -d' ' -f1 | median)"
jd="$(printf '%s\n' "${jar_times[@]}" | cut -d' ' -f2 | median)"
echo "median window: launcher $lw s, java -jar $jw s, ratio $(awk -v a="$lw" -v b="$jw" 'BEGIN { printf "%.2f", a / b }')"
echo "median drawn:  launcher $ld s, java -jar $jd s, ratio $(awk -v a="$ld" -v b="$jd" 'BEGIN { printf "%.2f", a / b }')"
