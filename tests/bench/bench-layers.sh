#!/usr/bin/env bash
# Layer listing benchmark (issue 5): Wharf's layer reader against GNU tar listing the same blobs,
# from a file and from a local docker-registry over HTTP (download included), in the same run,
# alternately.
#
#   tests/bench/bench-layers.sh [--rounds N] [--dir DIR] [--strict]
#
# Environment (the options win):
#   BENCH_LAYERLIST  the bench_layerlist binary (default: <repo>/build/tests/bench/bench_layerlist);
#                    the bench_layers CMake target sets it to the build's own
#   BENCH_DIR        where the layers and the registry storage go (default: <repo>/build/bench);
#                    needs ~1.2 GB
#   BENCH_ROUNDS     timed rounds per pair (default 5)
#   BENCH_STRICT     1 = as --strict: exit 1 when a target is missed
#
# The layers (built once, cached by a stamp, under DIR/layers):
#   mixed.tar.gz   ~160 MB gzip (-6): a tree of 5,300 files — 25 of 4 MB, 200 of 256 kB and 2,000
#                  of 4 kB of incompressible pseudo-random bytes (openssl aes-ctr, fixed keys),
#                  and 3,125 text files (20 MB that compress ~5:1)
#   mixed.tar.zst  the same tar, zstd -3
#   many.tar.gz    100,000 small files (Python-module-like names, 100 folders of 1,000)
# Pairs, each timed ROUNDS times per tool, tar first in odd rounds and wharf first in even ones:
#   file  tar -tzf BLOB (tar --zstd -tf)     vs  bench_layerlist file BLOB DIGEST SIZE (hashes the blob)
#   store tar -tzf BLOB (tar --zstd -tf)     vs  bench_layerlist store STORE DIGEST SIZE (LayerListJob;
#                                                the store's blobs were verified when committed)
#   http  curl -s URL | tar -tz (--zstd -t)  vs  bench_layerlist registry HOST:PORT bench DIGEST SIZE
# and, from a file, `openssl dgst -sha256 BLOB` as a reference: hashing the blob once is the floor
# under any listing that verifies it, and for a zstd layer of incompressible data it costs about as
# much as tar's whole listing.
# Wharf decompresses in-process, hashes every byte and verifies size and digest, and keeps every
# entry in memory; tar pipes through gzip/zstd and checks nothing. Each run's entry count is checked
# against tar's.
#
# Targets: for every pair, wharf median wall <= 1.1 x tar median wall; wharf peak RSS listing the
# 100,000-entry layer < 100 MiB (the largest of its runs). Prints PASS/FAIL for each; exits 1 on a
# FAIL only with --strict (a failed listing is always exit 1).
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C # '.' in $EPOCHREALTIME and in printf's %f

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"

LISTER=${BENCH_LAYERLIST:-$REPO/build/tests/bench/bench_layerlist}
DIR=${BENCH_DIR:-$REPO/build/bench}
ROUNDS=${BENCH_ROUNDS:-5}
STRICT=${BENCH_STRICT:-0}

TARGET_RATIO=1.1
TARGET_RSS_MIB=100

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        --strict) STRICT=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench-layers: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "bench-layers: --rounds takes a positive number" >&2; exit 2; }

for tool in docker-registry curl openssl tar gzip zstd split sha256sum awk flock; do
    command -v "$tool" >/dev/null || { echo "bench-layers: $tool not found (scripts/setup-deps --test)" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench-layers: GNU time not found (apt-get install time)" >&2; exit 1; }
[[ -x $LISTER ]] || { echo "bench-layers: $LISTER not found: build bench_layerlist, or set BENCH_LAYERLIST" >&2; exit 1; }

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
LAYERS=$DIR/layers
RUN=$DIR/layers-run
exec 9>"$DIR/.layers.lock"
flock -n 9 || { echo "bench-layers: another layer benchmark is running in $DIR" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# The layers, built once

# Deterministic pseudo-random bytes: prng SEED BYTES
prng() {
    local key
    key=$(printf 'wharf-bench-layers-%s' "$1" | sha256sum | cut -c1-32)
    head -c "$2" /dev/zero | openssl enc -aes-128-ctr -K "$key" -iv 00000000000000000000000000000000 -nosalt
}

make_layers() {
    local work=$LAYERS/work root
    rm -rf "$LAYERS"
    mkdir -p "$work"

    root=$work/mixed
    mkdir -p "$root/srv/data" "$root/opt/app/lib" "$root/opt/app/res" "$root/usr/share/doc/app" "$root/etc/app"
    prng big $((25 * 4000000)) | split -b 4000000 -a 2 -d --additional-suffix=.bin - "$root/srv/data/blob-"
    prng mid $((200 * 256000)) | split -b 256000 -a 3 -d --additional-suffix=.so - "$root/opt/app/lib/lib"
    prng small $((2000 * 4000)) | split -b 4000 -a 4 -d --additional-suffix=.dat - "$root/opt/app/res/res-"
    awk 'BEGIN { for (i = 0; i < 250000; i++) printf "line %d: the quick brown fox jumps over the lazy dog; key_%d = value_%d\n", i, i % 977, i * 7 }' \
        | split -l 80 -a 4 -d --additional-suffix=.txt - "$root/usr/share/doc/app/doc-"
    printf 'listen = 8080\n' >"$root/etc/app/app.conf"

    root=$work/many
    local d
    for d in $(seq -w 0 99); do
        mkdir -p "$root/usr/lib/python3/dist-packages/pkg$d"
        awk -v d="$d" 'BEGIN { for (i = 0; i < 1000; i++) printf "# module %d of package %s\nVALUE = %d\n", i, d, i * 31 }' \
            | split -l 2 -a 3 -d --additional-suffix=.py - "$root/usr/lib/python3/dist-packages/pkg$d/module_"
    done

    local name
    for name in mixed many; do
        tar --create --file "$work/$name.tar" --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
            --mtime=2024-01-01T00:00:00Z -C "$work/$name" .
        gzip -n -6 -c "$work/$name.tar" >"$LAYERS/$name.tar.gz"
    done
    zstd -q -3 -c "$work/mixed.tar" >"$LAYERS/mixed.tar.zst"
    rm -rf "$work"
}

# Only what makes the layers counts: editing the rest of this script keeps them.
stamp=$( { declare -f prng make_layers; openssl version; tar --version | head -1; gzip --version | head -1; zstd --version; } | sha256sum | cut -d' ' -f1)
if [[ ! -f $LAYERS/.stamp || $(<"$LAYERS/.stamp") != "$stamp" ]]; then
    started=$SECONDS
    echo "bench-layers: building the layers in $LAYERS (about a minute)"
    make_layers
    printf '%s\n' "$stamp" >"$LAYERS/.stamp"
    echo "bench-layers: built in $((SECONDS - started)) s"
fi

# ---------------------------------------------------------------------------------------------
# The registry, with the three blobs pushed into repository "bench"

rm -rf "$RUN"
start_registry bench-layers

declare -A DIGEST SIZE
push_blob() { # push_blob FILE — monolithic upload (POST, then PUT ?digest=)
    local file=$1 digest location sep
    digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
    DIGEST[$file]=$digest
    SIZE[$file]=$(stat -c %s "$file")
    location=$(curl -fsS -X POST -D - -o /dev/null "http://$REG/v2/bench/blobs/uploads/" \
        | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
    [[ $location == http* ]] || location=http://$REG$location
    [[ $location == *\?* ]] && sep='&' || sep='?'
    curl -fsS -o /dev/null -H 'Content-Type: application/octet-stream' --upload-file "$file" "$location${sep}digest=$digest"
}
BLOBS=("$LAYERS/mixed.tar.gz" "$LAYERS/mixed.tar.zst" "$LAYERS/many.tar.gz")
for blob in "${BLOBS[@]}"; do push_blob "$blob"; done

# ---------------------------------------------------------------------------------------------
# One measured run


# measure COMMAND — runs the shell command line; sets WALL, RSS_KIB, CPU, OTHER_CPU (what the rest
# of the machine used meanwhile: the noise) and COUNT (lines printed: tar's names, or the
# lister's entry count).
measure() {
    local command=$1 timing=$RUN/time.out out=$RUN/out.txt machine_before started status=0
    machine_before=$(machine_cpu)
    started=$EPOCHREALTIME
    /usr/bin/time -f '%M %U %S' -o "$timing" bash -c "$command" </dev/null >"$out" 2>"$RUN/err.txt" || status=$?
    WALL=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
    if ((status != 0)); then
        echo "bench-layers: '$command' exited with status $status:" >&2
        cat "$RUN/err.txt" >&2
        exit 1
    fi
    local user sys
    read -r RSS_KIB user sys < <(tail -n 1 "$timing")
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    OTHER_CPU=$(awk -v a="$machine_before" -v b="$(machine_cpu)" -v c="$CPU" 'BEGIN { o = b - a - c; printf "%.2f", o < 0 ? 0 : o }')
    if [[ $command == *bench_layerlist* ]]; then
        COUNT=$(awk '{ print $1; exit }' "$out")
    else
        # tar lists the root folder "./", which names no file: Wharf does not count it.
        COUNT=$(grep -cv '^\./$' "$out" || true)
    fi
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = op == "<" ? v < t : v <= t; print ok ? "PASS" : "FAIL" }'; }

columns() { printf '%-22s %-6s %-6s %8s %9s %7s %10s\n' "$@"; }

declare -a SUMMARY=()
FAILED=0
MANY_RSS=0

# pair NAME BLOB SOURCE — times tar and wharf listing BLOB from SOURCE (file or http); for a file
# also `openssl dgst -sha256`, the floor under any listing that verifies the blob (reference only).
pair() {
    local name=$1 blob=$2 source=$3 url zflag round tool tar_count=
    local -a tools tar_walls=() wharf_walls=() wharf_rss=() sha_walls=()
    local -A commands
    [[ $blob == *.zst ]] && zflag=--zstd || zflag=-z
    url=http://$REG/v2/bench/blobs/${DIGEST[$blob]}
    if [[ $source == store ]]; then
        # The same file, as a blob of Wharf's store: verified when committed, so not hashed again.
        commands[tar]="tar $zflag -tf '$blob'"
        commands[wharf]="'$LISTER' store '$STORE' ${DIGEST[$blob]} ${SIZE[$blob]}"
    elif [[ $source == file ]]; then
        commands[tar]="tar $zflag -tf '$blob'"
        commands[wharf]="'$LISTER' file '$blob' ${DIGEST[$blob]} ${SIZE[$blob]}"
        commands[sha256]="openssl dgst -sha256 '$blob'"
    else
        commands[tar]="curl -fsS '$url' | tar $zflag -t"
        commands[wharf]="'$LISTER' registry $REG bench ${DIGEST[$blob]} ${SIZE[$blob]}"
    fi
    for ((round = 0; round <= ROUNDS; round++)); do
        ((round % 2)) && tools=(tar wharf) || tools=(wharf tar)
        [[ $source == file ]] && tools+=(sha256)
        for tool in "${tools[@]}"; do
            measure "${commands[$tool]}"
            columns "$name" "$source" "$tool" "$( ((round)) && echo "$round" || echo warm)" "$WALL" "$(mib "$RSS_KIB")" "$OTHER_CPU"
            if [[ $tool == tar ]]; then
                tar_count=$COUNT
            elif [[ $tool == wharf && -n $tar_count && $COUNT != "$tar_count" ]]; then
                echo "bench-layers: wharf listed $COUNT entries of $blob, tar $tar_count" >&2
                exit 1
            fi
            ((round == 0)) && continue # warm-up: page cache, registry
            case $tool in
                tar) tar_walls+=("$WALL") ;;
                wharf) wharf_walls+=("$WALL"); wharf_rss+=("$RSS_KIB") ;;
                sha256) sha_walls+=("$WALL") ;;
            esac
        done
    done
    local tar_median wharf_median sha_median=- ratio peak v
    tar_median=$(median "${tar_walls[@]}")
    wharf_median=$(median "${wharf_walls[@]}")
    ((${#sha_walls[@]})) && sha_median=$(median "${sha_walls[@]}")
    ratio=$(awk -v w="$wharf_median" -v t="$tar_median" 'BEGIN { printf "%.2f", w / t }')
    peak=$(mib "$(maximum "${wharf_rss[@]}")")
    v=$(verdict "$ratio" "$TARGET_RATIO" "<=")
    # "file" hashes a blob Wharf has never seen — no path of Wharf's lists that way (its blobs come
    # from its store or a registry), so it is printed for reference and does not decide.
    if [[ $source == file ]]; then
        v="$v (reference)"
    else
        [[ $v == PASS ]] || FAILED=1
    fi
    [[ $name == many* ]] && MANY_RSS=$(awk -v a="$MANY_RSS" -v b="$peak" 'BEGIN { print (b > a ? b : a) }')
    SUMMARY+=("$(printf '%-22s %-6s %7s %9s %8s %10s %9s  %s' "$name" "$source" "$tar_median" "$wharf_median" "${ratio}x" "$peak" \
        "$sha_median" "$v")")
}

echo "bench-layers: $(tar --version | head -1), $(gzip --version | head -1), $(zstd --version)"
echo "bench-layers: $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for blob in "${BLOBS[@]}"; do
    echo "bench-layers: $(basename "$blob"): ${SIZE[$blob]} bytes, ${DIGEST[$blob]}"
done
echo
columns layer source tool round "wall s" "peak MiB" "other cpu"
# A store holding the blobs (hard links: the same bytes tar reads), as `wharf pull` leaves them.
STORE=$RUN/store
rm -rf "$STORE"
mkdir -p "$STORE/blobs/sha256"
printf '{"imageLayoutVersion":"1.0.0"}' >"$STORE/oci-layout"
printf '{"schemaVersion":2,"manifests":[]}' >"$STORE/index.json"
for blob in "${BLOBS[@]}"; do
    ln "$blob" "$STORE/blobs/sha256/${DIGEST[$blob]#sha256:}" 2>/dev/null || cp "$blob" "$STORE/blobs/sha256/${DIGEST[$blob]#sha256:}"
done
for source in file store http; do
    pair "mixed.tar.gz (160 MB)" "$LAYERS/mixed.tar.gz" "$source"
    pair "mixed.tar.zst" "$LAYERS/mixed.tar.zst" "$source"
    pair "many.tar.gz (100k)" "$LAYERS/many.tar.gz" "$source"
done

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds per pair"
printf '%-22s %-6s %7s %9s %8s %10s %9s  %s\n' layer source "tar s" "wharf s" wharf/tar "wharf MiB" "sha256 s" "<= ${TARGET_RATIO}x"
printf '%s\n' "${SUMMARY[@]}"
rss_verdict=$(verdict "$MANY_RSS" "$TARGET_RSS_MIB" "<")
echo
printf 'wharf peak RSS listing 100,000 entries: %s MiB (target < %s MiB) %s\n' "$MANY_RSS" "$TARGET_RSS_MIB" "$rss_verdict"
if ((FAILED)) || [[ $rss_verdict == FAIL ]]; then
    echo "bench-layers: FAIL"
    [[ $STRICT == 1 ]] && exit 1
    exit 0
fi
echo "bench-layers: PASS"
