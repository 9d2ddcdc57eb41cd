#!/usr/bin/env bash
# Pull-into-Docker benchmark (issue 13): `wharf pull --platform linux/amd64 --to docker` (pull into
# a fresh store while the image streams into POST /images/load in stages, each run of layers from
# the bottom as soon as it is in the store) against `docker pull --platform linux/amd64` of the same ~400 MB image from the
# same private docker-registry on loopback, in one run, alternately, both into one dockerd on vfs
# that the script starts (as root, own data root, exec root and socket, no network) and stops by pid.
#
#   tests/bench/bench-engines.sh [--rounds N] [--dir DIR]
#
# Environment: WHARF (default <repo>/build/app/wharf), BENCH_DIR (default <repo>/build/bench; needs
# ~2.5 GB: the image, the registry and vfs's full copy of every layer), BENCH_ROUNDS (default 3).
# Before each run the image is removed from Docker (docker rmi), so both start from an empty engine;
# each round also times `wharf load` alone (the store already full), and `docker load -i` of the
# image as `docker save` wrote it: Docker's own floor for one archive (it takes in the whole
# archive, then unpacks). Wharf's pull says (wharf.engines) when its last stage was all sent and
# when Docker answered: the time from one to the other is Docker unpacking what was left.
# Then `wharf layers docker-daemon:REF` against `docker save REF | tar -t` of the loaded image.
# Targets (the issue's): wharf's pull-and-load no slower than docker pull; the listing within 1.2×.
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"

WHARF=${WHARF:-$REPO/build/app/wharf}
DIR=${BENCH_DIR:-$REPO/build/bench}
ROUNDS=${BENCH_ROUNDS:-3}
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-engines: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $(id -u) -eq 0 ]] || { echo "bench-engines: dockerd needs root" >&2; exit 1; }
for tool in skopeo docker-registry dockerd docker curl; do
    command -v "$tool" >/dev/null || { echo "bench-engines: $tool not found (scripts/setup-deps --test)" >&2; exit 1; }
done

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
RUN=$DIR/engines-run
exec 9>"$DIR/.lock-engines"
flock -n 9 || { echo "bench-engines: another benchmark is running in $DIR" >&2; exit 1; }
bash "$HERE/make-big-image.sh" "$DIR/image"
rm -rf "$RUN"
mkdir -p "$RUN"

start_registry bench-engines
REF=$REG/big:latest
skopeo --insecure-policy copy --quiet --dest-tls-verify=false --preserve-digests "oci:$DIR/image/layout:big" "docker://$REF"

# dockerd: its own everything; unix socket paths must stay short, so the exec root goes under /tmp.
SHORT=$(mktemp -d /tmp/wharf-bench-XXXXXX)
dockerd --data-root "$RUN/docker" --exec-root "$SHORT/x" --pidfile "$SHORT/dockerd.pid" -H "unix://$SHORT/docker.sock" \
    --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none >"$RUN/dockerd.log" 2>&1 &
dockerd_pid=$!
stop_all() {
    kill "$dockerd_pid" 2>/dev/null && wait "$dockerd_pid" 2>/dev/null || true
    umount -l "$RUN/docker" 2>/dev/null || true
    rm -rf "$SHORT"
    kill "$registry_pid" 2>/dev/null || true
    wait "$registry_pid" 2>/dev/null || true
}
trap stop_all EXIT
export DOCKER_HOST=unix://$SHORT/docker.sock
for _ in $(seq 100); do curl -fs --unix-socket "$SHORT/docker.sock" http://d/_ping >/dev/null 2>&1 && break; sleep 0.1; done
docker version --format '{{.Server.Version}}' >/dev/null || { cat "$RUN/dockerd.log" >&2; exit 1; }

run() { # run TOOL → prints seconds
    local tool=$1 started
    docker rmi -f "$REF" >/dev/null 2>&1 || true
    [[ $tool != floor ]] || docker rmi -f "$(cat "$RUN/saved.id")" >/dev/null 2>&1 || true
    [[ $tool != wharf ]] || rm -rf "$RUN/store"
    sync
    started=$EPOCHREALTIME
    if [[ $tool == docker ]]; then
        docker pull -q --platform linux/amd64 "$REF" >"$RUN/$tool.log" 2>&1
    elif [[ $tool == floor ]]; then
        docker load -q -i "$RUN/saved.tar" >"$RUN/$tool.log" 2>&1
    elif [[ $tool == load ]]; then
        "$WHARF" load "$REF" --to docker --store "$RUN/store" >"$RUN/$tool.log" 2>&1
    else
        QT_LOGGING_RULES=wharf.engines.debug=true \
            "$WHARF" pull "$REF" --platform linux/amd64 --to docker --store "$RUN/store" >"$RUN/$tool.log" 2>&1
    fi
    awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'
    docker image inspect "$REF" --format '{{.Id}} {{.Os}}/{{.Architecture}}' >>"$RUN/$tool.log"
}

run docker >/dev/null # warm: registry, page cache
docker save "$REF" -o "$RUN/saved.tar"
docker image inspect "$REF" --format '{{.Id}}' >"$RUN/saved.id"
declare -a DOCKER WHARF_S LOAD FLOOR SENT
for ((i = 1; i <= ROUNDS; i++)); do
    if ((i % 2)); then
        DOCKER+=("$(run docker)"); WHARF_S+=("$(run wharf)")
    else
        WHARF_S+=("$(run wharf)"); DOCKER+=("$(run docker)")
    fi
    # "archive of N bytes sent by A ms; Docker answered at B ms" (from the load's start, once planned)
    read -r sent answered < <(sed -n 's/.*bytes sent by \([0-9]*\) ms; .* answered at \([0-9]*\) ms.*/\1 \2/p' "$RUN/wharf.log") || true # an older wharf logs no timings
    SENT+=("$(awk -v a="${answered:-0}" -v b="${sent:-0}" 'BEGIN { printf "%.2f", (a - b) / 1000 }')")
    LOAD+=("$(run load)") # the second phase alone: the store already holds the image
    FLOOR+=("$(run floor)")
    echo "bench-engines: round $i: docker pull ${DOCKER[-1]} s, wharf pull --to docker ${WHARF_S[-1]} s" \
        "(archive all sent at $(awk -v a="${sent:-0}" 'BEGIN { printf "%.2f", a / 1000 }') s of the load, then Docker unpacking ${SENT[-1]} s);" \
        "wharf load alone ${LOAD[-1]} s, docker load -i ${FLOOR[-1]} s"
done
d=$(median "${DOCKER[@]}")
w=$(median "${WHARF_S[@]}")
echo "bench-engines: median docker pull $d s, wharf pull --to docker $w s (ratio $(awk -v a="$w" -v b="$d" 'BEGIN { printf "%.2f", a / b }')," \
    "max docker $(maximum "${DOCKER[@]}") s, wharf $(maximum "${WHARF_S[@]}") s), wharf load $(median "${LOAD[@]}") s," \
    "docker load -i $(median "${FLOOR[@]}") s, Docker unpacking after the last byte $(median "${SENT[@]}") s"
tail -n 1 "$RUN/wharf.log"
awk -v a="$w" -v b="$d" 'BEGIN { exit !(a <= b) }' && echo "bench-engines: PASS (no slower than docker pull)" \
    || echo "bench-engines: FAIL (slower than docker pull)"

# Listing the engine image's layers: wharf layers docker-daemon:REF against docker save | tar -t.
declare -a SAVE LIST
for ((i = 1; i <= ROUNDS; i++)); do
    started=$EPOCHREALTIME
    docker save "$REF" | tar -t >/dev/null
    SAVE+=("$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')")
    started=$EPOCHREALTIME
    "$WHARF" layers "docker-daemon:$REF" >"$RUN/layers.log" 2>&1
    LIST+=("$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')")
    echo "bench-engines: round $i: docker save | tar -t ${SAVE[-1]} s, wharf layers docker-daemon: ${LIST[-1]} s"
done
s=$(median "${SAVE[@]}")
l=$(median "${LIST[@]}")
echo "bench-engines: median docker save | tar -t $s s, wharf layers docker-daemon: $l s (ratio $(awk -v a="$l" -v b="$s" 'BEGIN { printf "%.2f", a / b }'))"
awk -v a="$l" -v b="$s" 'BEGIN { exit !(a <= 1.2 * b) }' && echo "bench-engines: PASS (listing within 1.2x)" \
    || echo "bench-engines: FAIL (listing over 1.2x)"
