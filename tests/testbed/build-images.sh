#!/usr/bin/env bash
# Builds the images Wharf's integration tests read from a real registry, and describes them.
#
#   tests/testbed/build-images.sh OUTDIR
#
# Produces, under OUTDIR:
#   layout/          an OCI image layout (umoci) holding every image below
#   registry-root/   a docker-registry (CNCF Distribution) filesystem storage root with the images
#                    pushed by skopeo; RegistryProcess serves it read-mostly to the tests
#   images.json      what the registry holds: repository -> tag -> digest, media type, size,
#                    platforms (manifest, config and layer descriptors), attestations, file changes
#   .stamp           hash of this script and the tool versions; a second run with the same stamp
#                    does nothing
#
# Repositories:
#   multi:latest        OCI index, pretty-printed by hand: linux/amd64, linux/arm64/v8, linux/arm/v7
#                       (each: own config with architecture/variant, 2 layers of which the second is
#                       shared by all three, history with empty_layer steps), then one buildkit-style
#                       attestation manifest per platform (platform unknown/unknown, in-toto layer)
#   layers:base         OCI manifest, 2 layers
#   layers:app          layers:base + 2 layers: (3) umoci repack of a deleted file (whiteout), a
#                       modified file and added files; (4) a hand-made tar replacing usr/share/doc
#                       with an opaque whiteout. images.json lists every tar entry and the changes.
#   single:1.0          OCI manifest, linux/amd64, 2 layers
#   docker-v2s2:latest  single:1.0 converted by skopeo --format v2s2 (Docker schema 2)
#   zstd:latest         its own content, layers recompressed by skopeo to +zstd
#   manytags:<260 tags> one tiny image under 260 tags (v1.M.P, 2.M, 2.0.0-rc.N, nightly-..., latest, ...)
#
# Contents are deterministic (pseudo-random bytes from openssl aes-ctr, fixed timestamps), so
# digests are normally the same from one build to the next; the tests read them from images.json
# all the same. umoci writes OCI manifests without the optional mediaType field; the attestation
# manifests and the index written here carry it.
set -euo pipefail
shopt -s inherit_errexit

if [[ $# -ne 1 ]]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
for tool in umoci skopeo docker-registry curl openssl tar sha256sum flock; do
    command -v "$tool" >/dev/null || { echo "build-images: $tool not found (scripts/setup-deps --test)" >&2; exit 1; }
done

mkdir -p "$1"
OUT=$(cd "$1" && pwd)
LAYOUT=$OUT/layout
STORAGE=$OUT/registry-root
WORK=$OUT/work
STAMP=$OUT/.stamp

# Two builds into the same OUTDIR (two ctest runs) must not interleave.
exec 9>"$OUT/.lock"
flock 9

stamp=$( { cat "${BASH_SOURCE[0]}"; umoci --version; skopeo --version; docker-registry --version; } | sha256sum | cut -d' ' -f1)
if [[ -f $STAMP && $(<"$STAMP") == "$stamp" && -f $OUT/images.json && -d $STORAGE ]]; then
    echo "build-images: $OUT is up to date"
    exit 0
fi

started=$SECONDS
rm -rf "$LAYOUT" "$STORAGE" "$WORK" "$OUT/images.json" "$STAMP"
mkdir -p "$WORK"

rootless=()
[[ $EUID -ne 0 ]] && rootless=(--rootless)

# ---------------------------------------------------------------------------------------------
# Small helpers

T0=2024-01-01T00:00:00Z
step=0
# Each history step gets its own time, one minute after the previous one, in $NOW (a global: a
# $(...) subshell could not advance the count).
tick() { step=$((step + 1)); NOW=$(date -u -d "@$((1704067200 + step * 60))" +%Y-%m-%dT%H:%M:%SZ); }

# Deterministic pseudo-random bytes: prng SEED BYTES
prng() {
    local key
    key=$(printf '%s' "$1" | sha256sum | cut -c1-32)
    head -c "$2" /dev/zero | openssl enc -aes-128-ctr -K "$key" -iv 00000000000000000000000000000000 -nosalt
}

# A reproducible tar of the entries of DIR (names without a leading ./): make_tar DIR OUT.tar
make_tar() {
    local entries
    mapfile -t entries < <(cd "$1" && ls -A)
    tar --create --file "$2" --directory "$1" --sort=name --format=gnu \
        --owner=0 --group=0 --numeric-owner --mtime="$T0" --mode='u+rwX,go+rX,go-w' "${entries[@]}"
}

# umoci new + config: new_image TAG ARCH — an empty linux image whose first history step is empty.
new_image() {
    umoci new --image "$LAYOUT:$1"
    tick
    umoci config --image "$LAYOUT:$1" --os linux --architecture "$2" --created "$NOW" \
        --config.env 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --history.created "$NOW" \
        --history.created_by '/bin/sh -c #(nop)  ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
}

# add_layer TAG DIR CREATED_BY — appends DIR's content as one layer.
add_layer() {
    make_tar "$2" "$WORK/layer.tar"
    tick
    umoci raw add-layer --image "$LAYOUT:$1" --history.created "$NOW" --history.created_by "$3" "$WORK/layer.tar"
    rm -f "$WORK/layer.tar"
}

# finish_image TAG CMD — a last config-only (empty_layer) step; the image is created then.
finish_image() {
    tick
    umoci config --image "$LAYOUT:$1" --created "$NOW" --config.cmd "$2" \
        --config.label org.opencontainers.image.source=https://example.invalid/wharf-testbed \
        --history.created "$NOW" --history.created_by "/bin/sh -c #(nop)  CMD [\"$2\"]"
}

blob() { printf '%s/blobs/sha256/%s' "$LAYOUT" "${1#sha256:}"; }

# put_blob FILE — stores FILE in the layout, prints its digest.
put_blob() {
    local hex
    hex=$(sha256sum "$1" | cut -d' ' -f1)
    cp "$1" "$LAYOUT/blobs/sha256/$hex"
    printf 'sha256:%s' "$hex"
}
put_text() { printf '%s' "$1" >"$WORK/blob.tmp"; put_blob "$WORK/blob.tmp"; }
size_of() { stat -c %s "$1"; }

# The manifest digest tagged TAG in the layout's index.json (umoci writes it compactly).
tag_digest() {
    grep -o "\"digest\":\"sha256:[0-9a-f]\{64\}\",\"size\":[0-9]*,\"annotations\":{\"org.opencontainers.image.ref.name\":\"$1\"}" \
        "$LAYOUT/index.json" | grep -o 'sha256:[0-9a-f]*'
}

# Points TAG at a descriptor in the layout's index.json (replacing an umoci entry of that name).
set_tag() { # set_tag TAG MEDIATYPE DIGEST SIZE
    local entry="{\"mediaType\":\"$2\",\"digest\":\"$3\",\"size\":$4,\"annotations\":{\"org.opencontainers.image.ref.name\":\"$1\"}}"
    umoci rm --image "$LAYOUT:$1" 2>/dev/null || true
    local index
    index=$(tr -d '[:space:]' <"$LAYOUT/index.json")
    index=${index%]\}}
    [[ $index == *\[ ]] || index+=,
    printf '%s%s]}' "$index" "$entry" >"$LAYOUT/index.json"
}

# Manifest text without whitespace (no string in a manifest contains any), for the matchers below.
compact() { tr -d '[:space:]' <"$1"; }
json_str() { # json_str TEXT KEY — the first "KEY":"value"
    local re="\"$2\":\"([^\"]*)\""
    [[ $1 =~ $re ]] && printf '%s' "${BASH_REMATCH[1]}"
}
json_num() {
    local re="\"$2\":([0-9]+)"
    [[ $1 =~ $re ]] && printf '%s' "${BASH_REMATCH[1]}"
}
# descriptors TEXT KEY — the descriptor objects of array KEY, one per line.
descriptors() {
    local re="\"$2\":\\[([^]]*)\\]"
    [[ $1 =~ $re ]] || return 0
    grep -o '{[^{}]*\({[^{}]*}[^{}]*\)*}' <<<"${BASH_REMATCH[1]}"
}
descriptor_json() { # descriptor_json DESCRIPTOR_TEXT — normalized {mediaType, digest, size}
    printf '{"mediaType": "%s", "digest": "%s", "size": %s}' \
        "$(json_str "$1" mediaType)" "$(json_str "$1" digest)" "$(json_num "$1" size)"
}

# JSON array of tar entry names of a gzip layer: "etc/", "etc/motd", "etc/.wh.old", ...
layer_entries() {
    local names
    mapfile -t names < <(tar -tzf "$(blob "$1")")
    local out="" n
    for n in "${names[@]}"; do out+="${out:+, }\"$n\""; done
    printf '[%s]' "$out"
}

# image_json MANIFEST_FILE MEDIATYPE PLATFORM_JSON [with-entries] — one platform's entry in images.json.
image_json() {
    local text config layers="" line
    text=$(compact "$1")
    config=$(grep -o '"config":{[^}]*}' <<<"$text")
    while IFS= read -r line; do
        local d
        d=$(descriptor_json "$line")
        if [[ ${4:-} == with-entries ]]; then
            d="${d%\}}, \"entries\": $(layer_entries "$(json_str "$line" digest)")}"
        fi
        layers+="${layers:+,
            }$d"
    done < <(descriptors "$text" layers)
    printf '{"digest": "sha256:%s", "mediaType": "%s", "size": %s,\n' \
        "$(sha256sum "$1" | cut -d' ' -f1)" "$2" "$(size_of "$1")"
    printf '          "platform": %s,\n' "$3"
    printf '          "config": %s,\n' "$(descriptor_json "$config")"
    printf '          "layers": [\n            %s]}' "$layers"
}

OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json
OCI_INDEX=application/vnd.oci.image.index.v1+json
OCI_CONFIG=application/vnd.oci.image.config.v1+json

umoci init --layout "$LAYOUT"

# ---------------------------------------------------------------------------------------------
# multi:latest — three platforms, a shared second layer, attestations, a hand-written index

platforms=("amd64" "arm64 v8" "arm v7")
shared=$WORK/multi-shared
mkdir -p "$shared/usr/share/wharf"
printf 'Shared by every platform of multi:latest.\n' >"$shared/usr/share/wharf/README"
prng multi-shared 262144 >"$shared/usr/share/wharf/data.bin"

index_entries=()
attestation_entries=()
multi_platforms=()
multi_attestations=()
for p in "${platforms[@]}"; do
    read -r arch variant <<<"$p"
    name=linux/$arch${variant:+/$variant}
    tag=multi-$arch
    root=$WORK/$tag
    mkdir -p "$root/etc" "$root/bin"
    printf 'NAME="Wharf test bed"\nID=wharf\nVERSION_ID=1\n' >"$root/etc/os-release"
    printf '%s\n' "$name" >"$root/etc/platform"
    prng "multi-$arch-busybox" 524288 >"$root/bin/busybox"
    new_image "$tag" "$arch"
    add_layer "$tag" "$root" "/bin/sh -c #(nop) ADD file:rootfs-$arch.tar in / "
    add_layer "$tag" "$shared" '/bin/sh -c #(nop) COPY dir:shared in /usr/share/wharf '
    finish_image "$tag" /bin/busybox

    manifest_digest=$(tag_digest "$tag")
    if [[ -n $variant ]]; then
        # umoci has no --variant: add it to the config, then point a new manifest at that config.
        old_manifest=$(<"$(blob "$manifest_digest")")
        old_config=$(grep -o '"config":{[^}]*}' <<<"$old_manifest")
        old_config_digest=$(json_str "$old_config" digest)
        sed "s/\"architecture\":\"$arch\"/&,\"variant\":\"$variant\"/" "$(blob "$old_config_digest")" >"$WORK/config.json"
        grep -q "\"variant\":\"$variant\"" "$WORK/config.json"
        config_digest=$(put_blob "$WORK/config.json")
        new_config="\"config\":{\"mediaType\":\"$OCI_CONFIG\",\"digest\":\"$config_digest\",\"size\":$(size_of "$WORK/config.json")}"
        manifest_digest=$(put_text "${old_manifest/"$old_config"/"$new_config"}")
        set_tag "$tag" "$OCI_MANIFEST" "$manifest_digest" "$(size_of "$(blob "$manifest_digest")")"
    fi
    platform_json="{\"architecture\": \"$arch\", \"os\": \"linux\"${variant:+, \"variant\": \"$variant\"}}"
    index_entries+=("$(printf '    {\n      "mediaType": "%s",\n      "digest": "%s",\n      "size": %s,\n      "platform": %s\n    }' \
        "$OCI_MANIFEST" "$manifest_digest" "$(size_of "$(blob "$manifest_digest")")" "$platform_json")")
    multi_platforms+=("$(image_json "$(blob "$manifest_digest")" "$OCI_MANIFEST" "$platform_json")")

    # The attestation manifest buildkit pushes beside each image: an in-toto provenance statement
    # about the image's manifest, as the only layer of an OCI manifest for platform unknown/unknown.
    predicate=https://slsa.dev/provenance/v0.2
    statement_digest=$(put_text "{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"predicateType\":\"$predicate\",\"subject\":[{\"name\":\"pkg:docker/multi@latest?platform=${name//\//%2F}\",\"digest\":{\"sha256\":\"${manifest_digest#sha256:}\"}}],\"predicate\":{\"builder\":{\"id\":\"https://example.invalid/wharf-testbed\"},\"buildType\":\"https://mobyproject.org/buildkit@v1\",\"metadata\":{\"buildInvocationID\":\"wharf-testbed-$arch\"}}}")
    statement_size=$(size_of "$(blob "$statement_digest")")
    att_config_digest=$(put_text "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"$statement_digest\"]}}")
    att_digest=$(put_text "{\"schemaVersion\":2,\"mediaType\":\"$OCI_MANIFEST\",\"config\":{\"mediaType\":\"$OCI_CONFIG\",\"digest\":\"$att_config_digest\",\"size\":$(size_of "$(blob "$att_config_digest")")},\"layers\":[{\"mediaType\":\"application/vnd.in-toto+json\",\"digest\":\"$statement_digest\",\"size\":$statement_size,\"annotations\":{\"in-toto.io/predicate-type\":\"$predicate\"}}]}")
    att_size=$(size_of "$(blob "$att_digest")")
    attestation_entries+=("$(printf '    {\n      "mediaType": "%s",\n      "digest": "%s",\n      "size": %s,\n      "annotations": {\n        "vnd.docker.reference.digest": "%s",\n        "vnd.docker.reference.type": "attestation-manifest"\n      },\n      "platform": {\n        "architecture": "unknown",\n        "os": "unknown"\n      }\n    }' \
        "$OCI_MANIFEST" "$att_digest" "$att_size" "$manifest_digest")")
    multi_attestations+=("$(printf '{"digest": "%s", "mediaType": "%s", "size": %s, "referenceDigest": "%s", "predicateType": "%s",\n          "layers": [{"mediaType": "application/vnd.in-toto+json", "digest": "%s", "size": %s}]}' \
        "$att_digest" "$OCI_MANIFEST" "$att_size" "$manifest_digest" "$predicate" "$statement_digest" "$statement_size")")
done

joined=$(printf '%s,\n' "${index_entries[@]}" "${attestation_entries[@]}")
printf '{\n  "schemaVersion": 2,\n  "mediaType": "%s",\n  "manifests": [\n%s\n  ]\n}\n' "$OCI_INDEX" "${joined%,}" >"$WORK/index.json"
multi_digest=$(put_blob "$WORK/index.json")
set_tag multi "$OCI_INDEX" "$multi_digest" "$(size_of "$WORK/index.json")"

# ---------------------------------------------------------------------------------------------
# layers:base and layers:app — shared base layers, whiteout, opaque directory, add, modify

base=$WORK/layers-base
mkdir -p "$base/etc" "$base/bin"
printf 'Welcome to the Wharf test bed (base).\n' >"$base/etc/motd"
printf 'setting = old\n' >"$base/etc/obsolete.conf"
printf 'testbed\n' >"$base/etc/hostname"
prng layers-tool 1048576 >"$base/bin/tool"
new_image layers-base amd64
add_layer layers-base "$base" '/bin/sh -c #(nop) ADD file:base-rootfs.tar in / '
rm -rf "${base:?}"/*
mkdir -p "$base/usr/share/doc/pkg"
printf 'pkg README\n' >"$base/usr/share/doc/pkg/README"
printf 'pkg licence text\n' >"$base/usr/share/doc/pkg/COPYING"
prng layers-changelog 65536 >"$base/usr/share/doc/pkg/changelog.bin"
add_layer layers-base "$base" '/bin/sh -c #(nop) COPY dir:docs in /usr/share/doc/pkg '
finish_image layers-base /bin/tool

# Layer 3 the way umoci sees a changed root filesystem: unpack, change, repack (a deletion
# becomes a .wh. whiteout entry).
bundle=$WORK/layers-bundle
umoci unpack "${rootless[@]}" --image "$LAYOUT:layers-base" "$bundle"
rm "$bundle/rootfs/etc/obsolete.conf"
printf 'Welcome to the Wharf test bed (app).\n' >"$bundle/rootfs/etc/motd"
printf 'listen = 8080\n' >"$bundle/rootfs/etc/app.conf"
mkdir -p "$bundle/rootfs/opt/app"
prng layers-server 524288 >"$bundle/rootfs/opt/app/server.bin"
# Fixed times keep the layer reproducible. umoci writes the changed parents too: etc/, and "."
# (the new opt/ changes the root's link count), an entry layer readers must take as the root.
touch -h -d "$T0" "$bundle/rootfs/etc/motd" "$bundle/rootfs/etc/app.conf" \
    "$bundle/rootfs/opt" "$bundle/rootfs/opt/app" "$bundle/rootfs/opt/app/server.bin"
touch -h -d 2024-01-02T00:00:00Z "$bundle/rootfs/etc" "$bundle/rootfs"
tick
umoci repack --image "$LAYOUT:layers-app" --history.created "$NOW" \
    --history.created_by '/bin/sh -c rm /etc/obsolete.conf && echo app >/etc/motd && install-app /opt/app' "$bundle"
rm -rf "$bundle"

# Layer 4 replaces /usr/share/doc wholesale. umoci repack writes one .wh. entry per removed child
# (usr/share/doc/.wh.pkg), never an opaque marker, and umoci 0.4.7's insert --opaque writes a tar
# without its end-of-archive blocks (umoci#436), so this layer is a hand-made tar.
opaque=$WORK/layers-opaque
mkdir -p "$opaque/usr/share/doc/app"
: >"$opaque/usr/share/doc/.wh..wh..opq"
printf 'app documentation\n' >"$opaque/usr/share/doc/app/README"
add_layer layers-app "$opaque" '/bin/sh -c rm -rf /usr/share/doc && mkdir -p /usr/share/doc/app && echo docs >/usr/share/doc/app/README'
finish_image layers-app /opt/app/server.bin

# The merged file systems, for layer-content tests.
merged_files() { # merged_files TAG — JSON array of the regular files of the unpacked image
    umoci unpack "${rootless[@]}" --image "$LAYOUT:$1" "$WORK/merged"
    local files out="" f
    mapfile -t files < <(cd "$WORK/merged/rootfs" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
    for f in "${files[@]}"; do out+="${out:+, }\"$f\""; done
    rm -rf "$WORK/merged"
    printf '[%s]' "$out"
}
base_files=$(merged_files layers-base)
app_files=$(merged_files layers-app)

# ---------------------------------------------------------------------------------------------
# single:1.0 (and, converted by skopeo, docker-v2s2:latest), zstd:latest, manytags

small_image() { # small_image TAG SEED KIB — two layers: some text, then KIB of pseudo-random data
    local root=$WORK/$1
    mkdir -p "$root/etc"
    printf '%s\n' "$1" >"$root/etc/image-name"
    new_image "$1" amd64
    add_layer "$1" "$root" "/bin/sh -c #(nop) ADD file:$1-etc.tar in / "
    rm -rf "$root"
    mkdir -p "$root/srv"
    prng "$2" $(($3 * 1024)) >"$root/srv/data.bin"
    add_layer "$1" "$root" '/bin/sh -c #(nop) COPY file:data.bin in /srv/ '
    finish_image "$1" /bin/sh
}
small_image single single-data 256
small_image zstd zstd-data 512

mkdir -p "$WORK/tiny/etc"
printf 'one image, many tags\n' >"$WORK/tiny/etc/issue"
new_image manytags amd64
add_layer manytags "$WORK/tiny" '/bin/sh -c #(nop) ADD file:issue in /etc/ '
finish_image manytags /bin/sh

umoci gc --layout "$LAYOUT"

# ---------------------------------------------------------------------------------------------
# Push into a private registry

mkdir -p "$STORAGE"
cat >"$WORK/registry.yml" <<EOF
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $STORAGE
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:0
  secret: wharf-testbed-builder
EOF
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
registry_pid=$!
trap 'kill "$registry_pid" 2>/dev/null; wait "$registry_pid" 2>/dev/null || true' EXIT

# Port 0 lets the kernel pick a free port; the registry logs the address it listens on.
REG=
for _ in $(seq 100); do
    REG=$(grep -so 'listening on 127\.0\.0\.1:[0-9]*' "$WORK/registry.log" | cut -d' ' -f3) || true
    [[ -n $REG ]] && break
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ -z $REG ]] || ! curl -fsS -o /dev/null "http://$REG/v2/"; then
    echo "build-images: the registry did not start:" >&2
    cat "$WORK/registry.log" >&2
    exit 1
fi

copy() { skopeo --insecure-policy copy --quiet --dest-tls-verify=false "$@"; }
copy --all --preserve-digests "oci:$LAYOUT:multi" "docker://$REG/multi:latest"
copy --preserve-digests "oci:$LAYOUT:layers-base" "docker://$REG/layers:base"
copy --preserve-digests "oci:$LAYOUT:layers-app" "docker://$REG/layers:app"
copy --preserve-digests "oci:$LAYOUT:single" "docker://$REG/single:1.0"
copy --format v2s2 "oci:$LAYOUT:single" "docker://$REG/docker-v2s2:latest"
# Through dir: so that skopeo recompresses the layers instead of reusing a gzip blob; the zstd
# image's content is its own, so no gzip variant of it is in the registry either.
copy "oci:$LAYOUT:zstd" "dir:$WORK/zstd-dir"
copy --dest-compress --dest-compress-format zstd "dir:$WORK/zstd-dir" "docker://$REG/zstd:latest"
copy --preserve-digests "oci:$LAYOUT:manytags" "docker://$REG/manytags:v1.0.0"

# 260 tags of one manifest: PUT the same bytes under every other name, in one curl.
manytags=()
for minor in $(seq 0 9); do for patch in $(seq 0 19); do manytags+=("v1.$minor.$patch"); done; done
for n in $(seq 1 10); do manytags+=("2.0.0-rc.$n"); done
for minor in $(seq 0 19); do manytags+=("2.$minor"); done
for day in $(seq -w 1 25); do manytags+=("nightly-2024-01-$day"); done
manytags+=(latest stable edge main dev)
urls=()
for t in "${manytags[@]}"; do [[ $t == v1.0.0 ]] || urls+=("http://$REG/v2/manytags/manifests/$t"); done
manytags_manifest=$(blob "$(tag_digest manytags)")
codes=$(curl -sS -X PUT -H "Content-Type: $OCI_MANIFEST" --data-binary "@$manytags_manifest" \
    -o /dev/null -w '%{http_code}\n' "${urls[@]}" | sort | uniq -c)
if [[ $codes != *"$(( ${#manytags[@]} - 1 )) 201" ]]; then
    echo "build-images: tagging manytags failed: $codes" >&2
    exit 1
fi

# ---------------------------------------------------------------------------------------------
# Describe, from what the registry serves

fetch_manifest() { # fetch_manifest REPO:TAG FILE — the registry's exact manifest bytes
    skopeo inspect --raw --tls-verify=false "docker://$REG/$1" >"$2"
}
registry_digest() { # registry_digest REPO REF — Docker-Content-Digest of a HEAD
    curl -fsS -I -o /dev/null -w '%header{docker-content-digest}' \
        -H "Accept: $OCI_INDEX, $OCI_MANIFEST, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json" \
        "http://$REG/v2/$1/manifests/$2"
}
single_tag_json() { # single_tag_json REPO:TAG [with-entries] [extra JSON members]
    local file=$WORK/manifest.json media text
    fetch_manifest "$1" "$file"
    text=$(compact "$file")
    # the manifest's own mediaType comes before its config descriptor; umoci's manifests have none
    media=$(json_str "${text%%\"config\":*}" mediaType) || media=$OCI_MANIFEST
    local image
    image=$(image_json "$file" "$media" '{"architecture": "amd64", "os": "linux"}' "${2:-}")
    printf '{"digest": "sha256:%s", "mediaType": "%s", "size": %s,%s\n        "platforms": [\n          %s],\n        "attestations": []}' \
        "$(sha256sum "$file" | cut -d' ' -f1)" "$media" "$(size_of "$file")" "${3:+
        $3,}" "$image"
}

ws=$'\n        '
platforms_joined=$(printf '%s,\n          ' "${multi_platforms[@]}")
attestations_joined=$(printf '%s,\n          ' "${multi_attestations[@]}")
multi_json=$(printf '{"digest": "%s", "mediaType": "%s", "size": %s,\n        "platforms": [\n          %s],\n        "attestations": [\n          %s]}' \
    "$multi_digest" "$OCI_INDEX" "$(size_of "$WORK/index.json")" \
    "${platforms_joined%,$'\n          '}" "${attestations_joined%,$'\n          '}")

# What layers:app changes, layer by layer (layerIndex counts from 0 in its layers array).
changes='"changes": [
          {"layerIndex": 2, "path": "etc/obsolete.conf", "change": "deleted", "entry": "etc/.wh.obsolete.conf"},
          {"layerIndex": 2, "path": "etc/motd", "change": "modified"},
          {"layerIndex": 2, "path": "etc/app.conf", "change": "added"},
          {"layerIndex": 2, "path": "opt/app/server.bin", "change": "added"},
          {"layerIndex": 3, "path": "usr/share/doc", "change": "opaque", "entry": "usr/share/doc/.wh..wh..opq"},
          {"layerIndex": 3, "path": "usr/share/doc/app/README", "change": "added"}]'
base_json=$(single_tag_json layers:base with-entries "\"files\": $base_files")
app_json=$(single_tag_json layers:app with-entries "\"files\": $app_files,$ws$changes")
single_json=$(single_tag_json single:1.0)
v2s2_json=$(single_tag_json docker-v2s2:latest)
zstd_json=$(single_tag_json zstd:latest)
tiny_json=$(single_tag_json manytags:v1.0.0)

manytags_json=
for t in $(printf '%s\n' "${manytags[@]}" | LC_ALL=C sort); do
    manytags_json+="${manytags_json:+,$ws}\"$t\": $tiny_json"
done

cat >"$WORK/images.json" <<EOF
{
  "format": 1,
  "generator": "tests/testbed/build-images.sh",
  "storageRoot": "registry-root",
  "layout": "layout",
  "repositories": {
    "multi": {
      "description": "OCI index: linux/amd64, linux/arm64/v8, linux/arm/v7 and one attestation manifest per platform",
      "tags": {
        "latest": $multi_json
      }
    },
    "layers": {
      "description": "app = base + a umoci repack layer (whiteout, modified, added files) + an opaque-directory layer",
      "tags": {
        "base": $base_json,
        "app": $app_json
      }
    },
    "single": {
      "description": "a single-platform OCI image manifest",
      "tags": {
        "1.0": $single_json
      }
    },
    "docker-v2s2": {
      "description": "single:1.0 converted to Docker schema 2 by skopeo",
      "tags": {
        "latest": $v2s2_json
      }
    },
    "zstd": {
      "description": "layers compressed with zstd",
      "tags": {
        "latest": $zstd_json
      }
    },
    "manytags": {
      "description": "one tiny image under ${#manytags[@]} tags",
      "tags": {
        $manytags_json
      }
    }
  }
}
EOF

# ---------------------------------------------------------------------------------------------
# Verify that the registry serves what images.json says

fail() { echo "build-images: $*" >&2; exit 1; }

[[ $(registry_digest multi latest) == "$multi_digest" ]] || fail "multi:latest digest changed on push"
fetch_manifest multi:latest "$WORK/check.json"
cmp -s "$WORK/check.json" "$WORK/index.json" || fail "multi:latest index bytes changed on push"
for p in "${platforms[@]}"; do
    read -r arch variant <<<"$p"
    arch_args=(--override-os linux --override-arch "$arch")
    [[ -n $variant ]] && arch_args+=(--override-variant "$variant")
    inspected=$(skopeo inspect --tls-verify=false "${arch_args[@]}" --format '{{.Architecture}} {{.Os}} {{len .Layers}}' "docker://$REG/multi:latest")
    [[ $inspected == "$arch linux 2" ]] || fail "multi:latest $arch: inspect says '$inspected'"
    # skopeo 1.9's inspect has no Variant field: read it from the chosen platform's config.
    config=$(skopeo inspect --tls-verify=false "${arch_args[@]}" --config --raw "docker://$REG/multi:latest")
    [[ -z $variant || $config == *"\"variant\":\"$variant\""* ]] || fail "multi:latest $arch: config lacks variant $variant"
done
for ref in layers:base layers:app single:1.0 docker-v2s2:latest zstd:latest manytags:v1.0.0; do
    fetch_manifest "$ref" "$WORK/check.json"
    grep -q "\"sha256:$(sha256sum "$WORK/check.json" | cut -d' ' -f1)\"" "$WORK/images.json" || fail "$ref is not in images.json"
    [[ $(skopeo inspect --tls-verify=false --format '{{.Architecture}}/{{.Os}}' "docker://$REG/$ref") == amd64/linux ]] || fail "$ref: not linux/amd64"
done
[[ $v2s2_json == *'"mediaType": "application/vnd.docker.distribution.manifest.v2+json"'* ]] || fail "docker-v2s2:latest is not Docker schema 2"
[[ $zstd_json == *'"application/vnd.oci.image.layer.v1.tar+zstd"'* && $zstd_json != *'tar+gzip'* ]] || fail "zstd:latest layers are not all +zstd"
[[ $app_json == *'"etc/.wh.obsolete.conf"'* && $app_json == *'"usr/share/doc/.wh..wh..opq"'* ]] || fail "layers:app lacks its whiteouts"
tags=$(curl -fsS "http://$REG/v2/manytags/tags/list")
[[ $(grep -o '"[^"]*"' <<<"${tags#*\"tags\":}" | wc -l) -eq ${#manytags[@]} ]] || fail "manytags has not ${#manytags[@]} tags"
tiny_digest=$(registry_digest manytags v1.0.0)
[[ $tiny_json == "{\"digest\": \"$tiny_digest\""* ]] || fail "manytags:v1.0.0 digest differs from images.json"
for t in latest v1.9.19 2.0.0-rc.10 nightly-2024-01-25; do
    [[ $(registry_digest manytags "$t") == "$tiny_digest" ]] || fail "manytags:$t has another digest"
done

kill "$registry_pid"
wait "$registry_pid" 2>/dev/null || true
trap - EXIT

mv "$WORK/images.json" "$OUT/images.json"
rm -rf "$WORK"
printf '%s\n' "$stamp" >"$STAMP"
echo "build-images: built $OUT in $((SECONDS - started)) s (registry at $REG while pushing)"
