#!/usr/bin/env bash
# Builds the ~400 MB multi-layer image the pull benchmark copies, as an OCI image layout.
#
#   tests/bench/make-big-image.sh OUTDIR
#
# Produces, under OUTDIR:
#   layout/   an OCI image layout whose index.json names one image, `big` (linux/amd64, OCI
#             manifest, gzip layers): three small text layers and eight layers of 30–70 MB of
#             incompressible pseudo-random bytes (openssl aes-ctr from fixed keys), 400 MB in all
#   .stamp    hash of this script and the tool versions; a second run with the same stamp does
#             nothing
#
# The blobs and the manifest are written by hand rather than by umoci: umoci add-layer would hash
# and copy each 50 MB tar once more, and only the bytes matter here. Contents, tar headers and gzip
# headers are fixed (no names, no times), so the digests are the same from one build to the next.
# The gzip step dominates (about 28 MB/s a core on incompressible data): about 10 s on 2 cores.
set -euo pipefail
shopt -s inherit_errexit

if [[ $# -ne 1 ]]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
for tool in openssl tar gzip sha256sum flock; do
    command -v "$tool" >/dev/null || { echo "make-big-image: $tool not found" >&2; exit 1; }
done

mkdir -p "$1"
OUT=$(cd "$1" && pwd)
LAYOUT=$OUT/layout
WORK=$OUT/work
STAMP=$OUT/.stamp

# Two runs into the same OUTDIR must not interleave.
exec 9>"$OUT/.lock"
flock 9

stamp=$( { cat "${BASH_SOURCE[0]}"; openssl version; tar --version | head -1; gzip --version | head -1; } | sha256sum | cut -d' ' -f1)
if [[ -f $STAMP && $(<"$STAMP") == "$stamp" && -f $LAYOUT/index.json ]]; then
    echo "make-big-image: $OUT is up to date"
    exit 0
fi

started=$SECONDS
rm -rf "$LAYOUT" "$WORK" "$STAMP"
mkdir -p "$LAYOUT/blobs/sha256" "$WORK"

T0=2024-01-01T00:00:00Z
OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json
OCI_CONFIG=application/vnd.oci.image.config.v1+json
OCI_LAYER=application/vnd.oci.image.layer.v1.tar+gzip

# Layers, bottom first: NAME SIZE — SIZE in MB (10^6 bytes) of pseudo-random data, or "text".
layers=(
    "base text"
    "data-1 30" "data-2 40" "data-3 45" "data-4 50"
    "config text"
    "data-5 55" "data-6 60" "data-7 70" "data-8 50"
    "app text"
)

# make_layer INDEX NAME SIZE — writes the layer's gzip blob and its digests to $WORK/INDEX.*
make_layer() {
    local index=$1 name=$2 size=$3 root=$WORK/root-$1
    mkdir -p "$root"
    if [[ $size == text ]]; then
        mkdir -p "$root/etc/$name"
        printf 'Wharf pull benchmark, layer %s.\n' "$name" >"$root/etc/$name/README"
        printf 'layer=%s\nindex=%s\n' "$name" "$index" >"$root/etc/$name/$name.conf"
    else
        mkdir -p "$root/srv/$name"
        local key
        key=$(printf 'wharf-bench-%s' "$name" | sha256sum | cut -c1-32)
        head -c "$((size * 1000 * 1000))" /dev/zero \
            | openssl enc -aes-128-ctr -K "$key" -iv 00000000000000000000000000000000 -nosalt \
            >"$root/srv/$name/data.bin"
    fi
    local entries
    mapfile -t entries < <(cd "$root" && ls -A)
    # The diff_id is the digest of the tar, the layer digest that of its gzip.
    tar --create --directory "$root" --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
        --mtime="$T0" --mode='u+rwX,go+rX,go-w' "${entries[@]}" \
        | tee >(sha256sum | cut -d' ' -f1 >"$WORK/$index.diffid") \
        | gzip -1 --no-name >"$WORK/$index.gz"
    rm -rf "$root"
    local hex
    hex=$(sha256sum "$WORK/$index.gz" | cut -d' ' -f1)
    mv "$WORK/$index.gz" "$LAYOUT/blobs/sha256/$hex"
    printf '%s %s\n' "$hex" "$(stat -c %s "$LAYOUT/blobs/sha256/$hex")" >"$WORK/$index.digest"
}

# Two layers at a time: gzip is single-threaded and the build machine has two cores.
pids=()
for i in "${!layers[@]}"; do
    read -r name size <<<"${layers[$i]}"
    make_layer "$i" "$name" "$size" &
    pids+=($!)
    if ((${#pids[@]} == 2)); then
        wait "${pids[0]}"
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

layer_descriptors=""
diff_ids=""
history=""
total=0
for i in "${!layers[@]}"; do
    read -r name size <<<"${layers[$i]}"
    # The diff_id file is written by a process substitution that may finish just after tar.
    for _ in $(seq 50); do [[ -s $WORK/$i.diffid ]] && break; sleep 0.1; done
    read -r hex bytes <"$WORK/$i.digest"
    layer_descriptors+="${layer_descriptors:+,}{\"mediaType\":\"$OCI_LAYER\",\"digest\":\"sha256:$hex\",\"size\":$bytes}"
    diff_ids+="${diff_ids:+,}\"sha256:$(<"$WORK/$i.diffid")\""
    history+="${history:+,}{\"created\":\"$T0\",\"created_by\":\"/bin/sh -c #(nop) COPY $name in / \"}"
    total=$((total + bytes))
done

put_text() { # put_text TEXT — stores TEXT as a blob; prints "HEX SIZE"
    printf '%s' "$1" >"$WORK/blob.tmp"
    local hex
    hex=$(sha256sum "$WORK/blob.tmp" | cut -d' ' -f1)
    mv "$WORK/blob.tmp" "$LAYOUT/blobs/sha256/$hex"
    printf '%s %s' "$hex" "$(stat -c %s "$LAYOUT/blobs/sha256/$hex")"
}

config="{\"created\":\"$T0\",\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Cmd\":[\"/bin/sh\"],\"Labels\":{\"org.opencontainers.image.source\":\"https://example.invalid/wharf-bench\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[$diff_ids]},\"history\":[$history]}"
read -r config_hex config_size <<<"$(put_text "$config")"
manifest="{\"schemaVersion\":2,\"mediaType\":\"$OCI_MANIFEST\",\"config\":{\"mediaType\":\"$OCI_CONFIG\",\"digest\":\"sha256:$config_hex\",\"size\":$config_size},\"layers\":[$layer_descriptors]}"
read -r manifest_hex manifest_size <<<"$(put_text "$manifest")"

printf '{"imageLayoutVersion":"1.0.0"}' >"$LAYOUT/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"%s","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"big"}}]}' \
    "$OCI_MANIFEST" "$manifest_hex" "$manifest_size" >"$LAYOUT/index.json"

rm -rf "$WORK"
printf '%s\n' "$stamp" >"$STAMP"
echo "make-big-image: built $OUT/layout:big in $((SECONDS - started)) s:" \
    "${#layers[@]} layers, $((total / 1000000)) MB of layer blobs, manifest sha256:$manifest_hex"
