#!/usr/bin/env bash
# Pull benchmark (issue 3): `wharf pull` against `skopeo copy` from the same private
# docker-registry on loopback, in the same run, alternately, each into a fresh destination.
#
#   tests/bench/bench-pull.sh [--rounds N] [--jobs N] [--repulls N] [--dir DIR] [--strict]
#
# Environment (the options win):
#   WHARF         the wharf binary (default: <repo>/build/app/wharf); the bench_pull CMake target
#                 sets it to the build's own
#   BENCH_DIR     where the image, the registry storage and the destinations go (default:
#                 <repo>/build/bench); needs ~1.6 GB
#   BENCH_ROUNDS  timed rounds, each one skopeo copy and one wharf pull (default 5)
#   BENCH_JOBS    wharf pull --jobs (default 4)
#   BENCH_STRICT  1 = as --strict: exit 1 when a target is missed
#
# What it does: builds the ~400 MB image (make-big-image.sh, cached), starts docker-registry on a
# kernel-chosen port, pushes the image once with skopeo, pulls it once with each tool untimed (warm
# page cache, warm registry), then runs the rounds — skopeo first in odd rounds, wharf first in
# even ones — each after a `sync`, into a destination that does not exist yet. For each run it
# records the wall time, the peak RSS and the CPU time of the puller (GNU time), the CPU time the
# registry spent meanwhile, and the CPU time the rest of the machine used (the noise). Last, it
# pulls again into the filled Wharf store (--repulls times) and checks from the registry's access
# log that no blob was fetched, and from the store that no blob file was rewritten.
#
# Targets: wharf median wall <= 0.7 x skopeo median wall; wharf peak RSS <= 64 MiB (the largest of
# its runs); re-pull median < 0.2 s with no blob GET. Prints PASS/FAIL for each; exits 1 on a FAIL
# only with --strict (a failed pull or a wrong result is always exit 1).
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C # '.' in $EPOCHREALTIME and in printf's %f

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"

WHARF=${WHARF:-$REPO/build/app/wharf}
DIR=${BENCH_DIR:-$REPO/build/bench}
ROUNDS=${BENCH_ROUNDS:-5}
JOBS=${BENCH_JOBS:-4}
REPULLS=3
STRICT=${BENCH_STRICT:-0}

TARGET_RATIO=0.7
TARGET_RSS_MIB=64
TARGET_REPULL_S=0.2

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --repulls) REPULLS=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        --strict) STRICT=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench-pull: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $JOBS =~ ^[1-9][0-9]*$ && $REPULLS =~ ^[1-9][0-9]*$ ]] \
    || { echo "bench-pull: --rounds, --jobs and --repulls take a positive number" >&2; exit 2; }

for tool in skopeo docker-registry curl sha256sum awk; do
    command -v "$tool" >/dev/null || { echo "bench-pull: $tool not found (scripts/setup-deps --test)" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench-pull: GNU time not found (apt-get install time; scripts/setup-deps --test)" >&2; exit 1; }
if ! "$WHARF" pull --help >/dev/null 2>&1; then
    echo "bench-pull: '$WHARF pull --help' fails: build wharf first, or set WHARF=/path/to/wharf" >&2
    exit 1
fi

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
RUN=$DIR/run
exec 9>"$DIR/.lock"
flock -n 9 || { echo "bench-pull: another benchmark is running in $DIR" >&2; exit 1; }

bash "$HERE/make-big-image.sh" "$DIR/image"
LAYOUT=$DIR/image/layout

rm -rf "$RUN"
mkdir -p "$RUN/registry-root"

# ---------------------------------------------------------------------------------------------
# The image's blobs, as "HEX SIZE" lines (manifest, config, layers), and their total size

manifest_hex=$(grep -o '"digest":"sha256:[0-9a-f]\{64\}"' "$LAYOUT/index.json" | head -1 | cut -d: -f3 | tr -d '"')
mapfile -t BLOBS < <(
    printf '%s %s\n' "$manifest_hex" "$(stat -c %s "$LAYOUT/blobs/sha256/$manifest_hex")"
    grep -o '"digest":"sha256:[0-9a-f]\{64\}","size":[0-9]*' "$LAYOUT/blobs/sha256/$manifest_hex" \
        | sed 's/"digest":"sha256:\([0-9a-f]*\)","size":\([0-9]*\)/\1 \2/')
IMAGE_BYTES=0
for b in "${BLOBS[@]}"; do IMAGE_BYTES=$((IMAGE_BYTES + ${b#* })); done
LAYER_COUNT=$((${#BLOBS[@]} - 2))

# check_copy ROOT WHAT — every blob of the image is in the layout at ROOT, with its size.
check_copy() {
    local b hex size file
    for b in "${BLOBS[@]}"; do
        read -r hex size <<<"$b"
        file=$1/blobs/sha256/$hex
        if [[ ! -f $file || $(stat -c %s "$file") != "$size" ]]; then
            echo "bench-pull: $2 left no blob sha256:$hex of $size bytes in $1" >&2
            exit 1
        fi
    done
}

# ---------------------------------------------------------------------------------------------
# The registry

start_registry bench-pull
REF=$REG/big:latest

push_started=$EPOCHREALTIME
skopeo --insecure-policy copy --quiet --dest-tls-verify=false --preserve-digests "oci:$LAYOUT:big" "docker://$REF"
echo "bench-pull: pushed $LAYER_COUNT layers, $((IMAGE_BYTES / 1000000)) MB to $REF in" \
    "$(awk -v a="$push_started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"

# CPU seconds the registry has used so far (utime + stime of /proc/PID/stat).
registry_cpu() { awk -v hz="$TICKS" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$registry_pid/stat"; }

# ---------------------------------------------------------------------------------------------
# One measured run

# measure TOOL DEST LOG — runs TOOL's pull into DEST; sets WALL, RSS_KIB, CPU, REG_CPU and
# OTHER_CPU: what the rest of the machine used meanwhile (other engineers' builds), the noise.
measure() {
    local tool=$1 dest=$2 log=$3 timing=$RUN/time.out reg_before machine_before started status=0
    local -a command
    if [[ $tool == skopeo ]]; then
        command=(skopeo --insecure-policy copy --quiet --src-tls-verify=false "docker://$REF" "oci:$dest:big")
    else
        command=("$WHARF" pull "$REF" --platform linux/amd64 --store "$dest" --jobs "$JOBS")
    fi
    sync # what an earlier run left dirty is not this run's to write
    reg_before=$(registry_cpu)
    machine_before=$(machine_cpu)
    started=$EPOCHREALTIME
    /usr/bin/time -f '%M %U %S' -o "$timing" "${command[@]}" </dev/null >"$log" 2>&1 || status=$?
    WALL=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
    if ((status != 0)); then
        echo "bench-pull: $tool exited with status $status (${command[*]}):" >&2
        cat "$log" >&2
        exit 1
    fi
    local user sys
    read -r RSS_KIB user sys < <(tail -n 1 "$timing")
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    REG_CPU=$(awk -v a="$reg_before" -v b="$(registry_cpu)" 'BEGIN { printf "%.2f", b - a }')
    OTHER_CPU=$(awk -v a="$machine_before" -v b="$(machine_cpu)" -v c="$CPU" -v r="$REG_CPU" \
        'BEGIN { o = b - a - c - r; printf "%.2f", o < 0 ? 0 : o }')
}

mb_per_s() { awk -v bytes="$IMAGE_BYTES" -v s="$1" 'BEGIN { printf "%.0f", bytes / 1e6 / s }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

columns() { printf '%-7s %-7s %9s %8s %10s %9s %13s %10s\n' "$@"; }
row() { # row ROUND TOOL
    columns "$1" "$2" "$WALL" "$(mb_per_s "$WALL")" "$(mib "$RSS_KIB")" "$CPU" "$REG_CPU" "$OTHER_CPU"
}

skopeo_walls=() skopeo_rss=() wharf_walls=() wharf_rss=()
timed_wall=0 timed_other=0
last_wharf_store=

# run ROUND TOOL — one pull into a fresh destination, checked, printed; kept in the lists unless
# ROUND is the warm-up.
run() {
    local dest=$RUN/dest-$2-$1
    rm -rf "$dest"
    measure "$2" "$dest" "$RUN/$2-$1.log"
    check_copy "$dest" "$2 pull (round $1)"
    row "$1" "$2"
    if [[ $1 != warm ]]; then
        timed_wall=$(awk -v a="$timed_wall" -v b="$WALL" 'BEGIN { print a + b }')
        timed_other=$(awk -v a="$timed_other" -v b="$OTHER_CPU" 'BEGIN { print a + b }')
        if [[ $2 == skopeo ]]; then skopeo_walls+=("$WALL"); skopeo_rss+=("$RSS_KIB")
        else wharf_walls+=("$WALL"); wharf_rss+=("$RSS_KIB"); fi
    fi
    # Only the newest Wharf store stays, for the re-pull; copies are removed untimed.
    if [[ $2 == wharf ]]; then
        [[ -n $last_wharf_store ]] && rm -rf "$last_wharf_store"
        last_wharf_store=$dest
    else
        rm -rf "$dest"
    fi
}

echo "bench-pull: $("$WHARF" --version 2>/dev/null | head -1 || echo wharf) ($WHARF), $(skopeo --version)"
echo "bench-pull: $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
columns round tool "wall s" "MB/s" "peak MiB" "cpu s" "registry cpu" "other cpu"
run warm skopeo
run warm wharf
for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then
        run "$round" skopeo
        run "$round" wharf
    else
        run "$round" wharf
        run "$round" skopeo
    fi
done

# ---------------------------------------------------------------------------------------------
# Re-pull into the filled store: no blob fetched, no blob rewritten

store_state() { stat -c '%n %i %s %Y.%y' "$last_wharf_store"/blobs/sha256/* | sort; }
repull_walls=()
repull_blob_gets=0
repull_rewritten=0
echo
printf '%-7s %9s %9s  %s\n' re-pull "wall s" "peak MiB" "registry requests"
for ((i = 1; i <= REPULLS; i++)); do
    before=$(store_state)
    log_offset=$(stat -c %s "$REGISTRY_LOG")
    measure wharf "$last_wharf_store" "$RUN/repull-$i.log"
    sleep 0.2 # the registry logs a request once its handler has returned
    requests=$(tail -c +"$((log_offset + 1))" "$REGISTRY_LOG" | grep -o '"[A-Z]* /v2/[^ ]* HTTP/[0-9.]*" [0-9]*' || true)
    gets=$(grep -c '^"GET /v2/[^ ]*/blobs/' <<<"$requests" || true)
    repull_blob_gets=$((repull_blob_gets + gets))
    [[ $(store_state) == "$before" ]] || repull_rewritten=$((repull_rewritten + 1))
    summary=$(sed 's/^"\([A-Z]*\) \([^ ]*\) HTTP[^"]*" \([0-9]*\)$/\1 \2 \3/; s/sha256:\([0-9a-f]\{12\}\)[0-9a-f]*/sha256:\1…/' <<<"$requests" | paste -sd ";" | sed "s/;/; /g")
    printf '%-7s %9s %9s  %s\n' "$i" "$WALL" "$(mib "$RSS_KIB")" "${summary:-none}"
    repull_walls+=("$WALL")
done

# ---------------------------------------------------------------------------------------------
# Summary

skopeo_median=$(median "${skopeo_walls[@]}")
wharf_median=$(median "${wharf_walls[@]}")
ratio=$(awk -v w="$wharf_median" -v s="$skopeo_median" 'BEGIN { printf "%.2f", w / s }')
wharf_peak=$(mib "$(maximum "${wharf_rss[@]}")")
skopeo_peak=$(mib "$(maximum "${skopeo_rss[@]}")")
repull_median=$(median "${repull_walls[@]}")

verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = op == "<" ? v < t : v <= t; print ok ? "PASS" : "FAIL" }'; }
ratio_verdict=$(verdict "$ratio" "$TARGET_RATIO" "<=")
rss_verdict=$(verdict "$wharf_peak" "$TARGET_RSS_MIB" "<=")
repull_verdict=$(verdict "$repull_median" "$TARGET_REPULL_S" "<")
((repull_blob_gets == 0 && repull_rewritten == 0)) && fetch_verdict=PASS || fetch_verdict=FAIL

echo
echo "image: $LAYER_COUNT layers, $IMAGE_BYTES bytes; $ROUNDS rounds; wharf --jobs $JOBS"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); during the timed runs the rest of the machine" \
    "kept $(awk -v o="$timed_other" -v w="$timed_wall" 'BEGIN { printf "%.2f", o / w }') of $(nproc) CPUs busy"
printf 'skopeo median wall  %7.3f s  %5s MB/s   peak RSS %6s MiB\n' "$skopeo_median" "$(mb_per_s "$skopeo_median")" "$skopeo_peak"
printf 'wharf  median wall  %7.3f s  %5s MB/s   peak RSS %6s MiB\n' "$wharf_median" "$(mb_per_s "$wharf_median")" "$wharf_peak"
echo
printf '%-32s %11s   target %-10s %s\n' \
    "wharf/skopeo median wall" "${ratio}x" "<= ${TARGET_RATIO}x" "$ratio_verdict" \
    "wharf peak RSS" "$wharf_peak MiB" "<= $TARGET_RSS_MIB MiB" "$rss_verdict" \
    "re-pull median wall" "$repull_median s" "< $TARGET_REPULL_S s" "$repull_verdict" \
    "re-pull blob GETs / rewritten" "$repull_blob_gets / $repull_rewritten" "0 / 0" "$fetch_verdict"

rm -rf "$last_wharf_store"
if [[ "$ratio_verdict $rss_verdict $repull_verdict $fetch_verdict" == *FAIL* ]]; then
    echo "bench-pull: FAIL"
    [[ $STRICT == 1 ]] && exit 1
    exit 0
fi
echo "bench-pull: PASS"
