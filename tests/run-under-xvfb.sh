#!/usr/bin/env bash
# Runs a Qt test on a real X server with a real window manager, as a person's desktop has them: a
# private Xvfb (1280×800, the smallest screen Wharf promises to fit) and openbox managing its
# windows — decorations, focus, stacking, modal dialogs — instead of the offscreen platform.
# Both are stopped however the test ends. Headless, without stdin (CI).
#
#   tests/run-under-xvfb.sh <program> [arguments...]
set -euo pipefail

for tool in Xvfb openbox xprop; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-under-xvfb: $tool is not installed (packages xvfb, openbox, x11-utils)" >&2
        exit 1
    fi
done

root=$(mktemp -d "${TMPDIR:-/tmp}/wharf-xvfb.XXXXXX")
xvfb= wm=
cleanup() {
    for pid in $wm $xvfb; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$root"
}
trap cleanup EXIT

# A display number nobody uses: Xvfb picks it and writes it, with a newline, once it accepts
# connections (-displayfd).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -auth /dev/null 3>"$root/display" >"$root/xvfb.log" 2>&1 &
xvfb=$!
display=
for _ in $(seq 100); do
    if [[ $(tail -c 1 "$root/display" 2>/dev/null | od -An -c | tr -d ' ') == '\n' ]]; then
        display=$(head -n 1 "$root/display")
        break
    fi
    kill -0 "$xvfb" 2>/dev/null || { cat "$root/xvfb.log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$display" ]] || { echo "run-under-xvfb: Xvfb did not start" >&2; cat "$root/xvfb.log" >&2; exit 1; }
export DISPLAY=":$display"

# openbox, with a throw-away home so no user configuration applies; ready once it owns the screen.
HOME="$root" openbox --sm-disable >"$root/openbox.log" 2>&1 &
wm=$!
for _ in $(seq 100); do
    xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
    kill -0 "$wm" 2>/dev/null || { cat "$root/openbox.log" >&2; exit 1; }
    sleep 0.1
done
xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' || { echo "run-under-xvfb: openbox did not start" >&2; exit 1; }

export QT_QPA_PLATFORM=xcb WHARF_TEST_WINDOW_MANAGER=openbox
status=0
"$@" || status=$?
exit $status
