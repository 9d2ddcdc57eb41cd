#!/usr/bin/env bash
# The window's benchmarks (issue 4): the Tags pane at 10,000 tags, start-up to a painted window,
# and the GUI thread's event-loop latency during a 400 MB pull. Prints each figure next to its
# target with PASS/FAIL. There is no peer GUI to compare with, so the figures are absolute: read
# them against the load average printed with them.
#
#   tests/bench/bench-gui.sh [--only tags,startup,pull] [--runs N] [--rounds N] [--qpa xvfb|offscreen]
#                            [--dir DIR] [--strict]
#
#   --only    which parts (default all three)
#   --runs    start-up: timed launches of the wharf binary, after one untimed (default 10)
#   --rounds  Tags pane: repositories opened per listing path (default 7); pull: pulls per
#             scenario (default 3)
#   --qpa     xvfb (default when xvfb-run is installed): a real X server, as a desktop paints;
#             offscreen: Qt's offscreen platform, no X at all
#   --strict  exit 1 when a target is missed (a benchmark that cannot run is always exit 1)
#
# Environment (the options win): WHARF, BENCH_TAGSPANE, BENCH_PULLPROBE (the programs; default
# <repo>/build/...), BENCH_DIR (default <repo>/build/bench: the 400 MB image, shared with
# bench-pull.sh, and the pull benchmark's registry storage, ~1.2 GB), BENCH_GUI_ONLY, BENCH_RUNS,
# BENCH_ROUNDS, BENCH_QPA, BENCH_STRICT=1. The bench_gui CMake target sets the programs.
#
# Targets: first page of tags painted <= 300 ms after its response; a filter keystroke over 10,000
# rows painted < 30 ms after the key; start-up to the first painted frame < 500 ms (median of the
# runs); no event-loop stall longer than 50 ms during a 400 MB pull.
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C # '.' in $EPOCHREALTIME and in printf's %f

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)

WHARF=${WHARF:-$REPO/build/app/wharf}
TAGSPANE=${BENCH_TAGSPANE:-$REPO/build/tests/bench/bench_tagspane}
PULLPROBE=${BENCH_PULLPROBE:-$REPO/build/tests/bench/bench_pullprobe}
DIR=${BENCH_DIR:-$REPO/build/bench}
ONLY=${BENCH_GUI_ONLY:-tags,startup,pull}
RUNS=${BENCH_RUNS:-10}
ROUNDS=${BENCH_ROUNDS:-}
STRICT=${BENCH_STRICT:-0}
if [[ -z ${BENCH_QPA:-} ]]; then
    command -v xvfb-run >/dev/null && BENCH_QPA=xvfb || BENCH_QPA=offscreen
fi
QPA=$BENCH_QPA
TARGET_STARTUP_MS=500

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
args=("$@")
while [[ $# -gt 0 ]]; do
    case $1 in
        --only) ONLY=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --qpa) QPA=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        --strict) STRICT=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench-gui: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && ( -z $ROUNDS || $ROUNDS =~ ^[1-9][0-9]*$ ) ]] \
    || { echo "bench-gui: --runs and --rounds take a positive number" >&2; exit 2; }
[[ $QPA == xvfb || $QPA == offscreen ]] || { echo "bench-gui: --qpa is xvfb or offscreen" >&2; exit 2; }
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

# Under xvfb, the whole script runs inside one X server (started once, not per launch).
if [[ $QPA == xvfb && -z ${BENCH_GUI_IN_XVFB:-} ]]; then
    command -v xvfb-run >/dev/null || { echo "bench-gui: xvfb-run not found (--qpa offscreen, or apt-get install xvfb xauth)" >&2; exit 1; }
    BENCH_GUI_IN_XVFB=1 BENCH_QPA=xvfb exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "${BASH_SOURCE[0]}" "${args[@]}"
fi
if [[ $QPA == xvfb ]]; then
    export QT_QPA_PLATFORM=xcb
else
    export QT_QPA_PLATFORM=offscreen
fi

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
exec 9>"$DIR/.gui-lock"
flock -n 9 || { echo "bench-gui: another GUI benchmark is running in $DIR" >&2; exit 1; }

verdicts=()
errors=0
echo "bench-gui: $("$WHARF" --version 2>/dev/null | head -1 || echo wharf) ($WHARF); platform $QT_QPA_PLATFORM" \
    "$([[ $QPA == xvfb ]] && echo "(Xvfb $DISPLAY)"); $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# run_program NAME COMMAND... — runs one C++ benchmark, shows its output, keeps its verdict.
run_program() {
    local name=$1 out status=0
    shift
    [[ -x $1 ]] || { echo "bench-gui: $1 not found: build it first (cmake --build build -t bench_gui)" >&2; errors=$((errors + 1)); return; }
    echo
    out=$("$@" 2> >(grep -v 'propagateSizeHints\|XDG_RUNTIME_DIR' >&2)) || status=$?
    printf '%s\n' "$out"
    if ((status != 0)) && ! grep -q "^$name: FAIL" <<<"$out"; then
        echo "bench-gui: $name did not run to its end (exit $status)" >&2
        errors=$((errors + 1))
        return
    fi
    verdicts+=("$name $(grep -o "^$name: \(PASS\|FAIL\)" <<<"$out" | cut -d' ' -f2)")
}

# ---------------------------------------------------------------------------------------------
# The Tags pane at 10,000 tags

if wants tags; then
    run_program bench_tagspane "$TAGSPANE" --rounds "${ROUNDS:-7}"
fi

# ---------------------------------------------------------------------------------------------
# Start-up: the real binary, from exec to its first painted frame

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if wants startup; then
    echo
    if ! "$WHARF" --version >/dev/null 2>&1; then
        echo "bench-gui: '$WHARF --version' fails: build wharf first, or set WHARF=/path/to/wharf" >&2
        errors=$((errors + 1))
    else
        # A home of its own: the settings the first run saves (geometry, splitters) are what the
        # next runs restore, as on a person's second start; the store under it stays empty.
        home=$DIR/startup-home
        rm -rf "$home"
        mkdir -p "$home"
        launch() { # launch — prints "LAUNCH_TO_FRAME_MS MAIN_TO_FRAME_MS"
            local started line
            started=$EPOCHREALTIME
            line=$(env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
                XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" WHARF_BENCH_STARTUP=1 \
                timeout 30 "$WHARF" 2>/dev/null | grep '^wharf-startup:') || true
            [[ -n $line ]] || { echo "bench-gui: wharf showed no frame (WHARF_BENCH_STARTUP=1 $WHARF)" >&2; return 1; }
            awk -v a="$started" '{ printf "%.1f %.1f\n", ($NF - a) * 1000, $4 }' <<<"$line"
        }
        echo "Start-up: $WHARF with WHARF_BENCH_STARTUP=1, exec -> first frame painted; 1 untimed run, then $RUNS"
        startup_ok=1
        launch >/dev/null || startup_ok=0
        walls=() mains=()
        for ((i = 1; i <= RUNS && startup_ok; i++)); do
            read -r wall main < <(launch) || { startup_ok=0; break; }
            walls+=("$wall")
            mains+=("$main")
            printf '  run %2d: %7s ms (main() -> frame %s ms)\n' "$i" "$wall" "$main"
        done
        if ((startup_ok)); then
            startup_median=$(median "${walls[@]}")
            startup_max=$(printf '%s\n' "${walls[@]}" | sort -g | tail -n 1)
            printf '  %-50s %9s ms\n' "main() -> frame, median" "$(median "${mains[@]}")"
            printf '  %-50s %9s ms\n' "exec -> frame, max" "$startup_max"
            verdict=$(awk -v v="$startup_median" -v t="$TARGET_STARTUP_MS" 'BEGIN { print v < t ? "PASS" : "FAIL" }')
            printf '  %-50s %9s ms   target <  %4s ms   %s\n' "exec -> first frame painted, median" "$startup_median" \
                "$TARGET_STARTUP_MS" "$verdict"
            verdicts+=("startup $verdict")
        else
            errors=$((errors + 1))
        fi
    fi
fi

# ---------------------------------------------------------------------------------------------
# Event-loop latency during a 400 MB pull

if wants pull; then
    for tool in skopeo docker-registry; do
        command -v "$tool" >/dev/null || { echo "bench-gui: $tool not found (scripts/setup-deps --test)" >&2; errors=$((errors + 1)); }
    done
    if command -v skopeo >/dev/null && command -v docker-registry >/dev/null; then
        echo
        bash "$HERE/make-big-image.sh" "$DIR/image"
        run_program bench_pullprobe "$PULLPROBE" --layout "$DIR/image/layout" --dir "$DIR/gui" --rounds "${ROUNDS:-3}"
    fi
fi

# ---------------------------------------------------------------------------------------------

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in "${verdicts[@]}"; do printf '  %-16s %s\n' "${v% *}" "${v##* }"; done
if ((errors > 0)); then
    echo "bench-gui: ERROR ($errors part(s) could not run)"
    exit 1
fi
if [[ " ${verdicts[*]} " == *FAIL* ]]; then
    echo "bench-gui: FAIL"
    [[ $STRICT == 1 ]] && exit 1
    exit 0
fi
echo "bench-gui: PASS"
