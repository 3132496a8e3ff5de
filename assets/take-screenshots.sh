#!/usr/bin/env bash
# Takes the README's screenshots from the real window on a virtual display (needs xvfb, xdotool, imagemagick:
# apt-get install xvfb xdotool imagemagick). Usage, from the project's root after building the jar:
#   bash assets/take-screenshots.sh [CHECKPOINT]
# CHECKPOINT (for the Predict view) defaults to the newest of outputs/Demo-Cleft/. The positions clicked are those
# of the 1280 x 800 window; the window trains the demo model for 150 s for the Training view, with its live prediction.
set -euo pipefail
out=assets/screenshots
display=:77
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; pkill -f WorkbenchLauncher || true' EXIT
export DISPLAY=$display
sleep 1
java -jar target/synapse-workbench.jar workbench --workspace=/tmp/screenshots-workspace.properties >/dev/null 2>&1 &
sleep 15
window=$(xdotool search --name "Synapse Workbench" | head -1)
xdotool windowmove "$window" 0 0
sleep 0.5
shot() { sleep "${2:-1}"; import -window "$window" "$out/$1.png"; }
# viewer: section 15, auto-contrast, the cursor over a synapse
xdotool mousemove 400 400 click 1
for _ in $(seq 14); do xdotool key Next; done
xdotool key a mousemove 690 440
shot viewer 1.5
xdotool mousemove 848 46 click 1
shot config
# training: Ctrl+T starts it (the live prediction of the view appears after 100 iterations), Ctrl+Shift+T stops it
xdotool mousemove 910 46 click 1 && sleep 0.5 && xdotool key ctrl+t
shot training 150
xdotool key ctrl+shift+t
sleep 6
xdotool mousemove 975 46 click 1
if [ $# -ge 1 ]; then
    xdotool mousemove 945 103 click --repeat 3 1 key ctrl+a
    xdotool type --delay 5 "$1"
    xdotool key Return
fi
xdotool mousemove 810 135 click 1
sleep 50
xdotool mousemove 400 400
shot predict
echo "screenshots written to $out"
