# Sourced by bench-pull.sh and bench-layers.sh: a private docker-registry on a kernel-chosen loopback
# port, and the figures both print (machine CPU, median, maximum).

TICKS=$(getconf CLK_TCK)
# CPU seconds the whole machine has been busy so far (all but idle and iowait in /proc/stat).
machine_cpu() { awk -v hz="$TICKS" '$1 == "cpu" { printf "%.3f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# start_registry NAME: serves $RUN/registry-root on 127.0.0.1:0 and sets REG (HOST:PORT) and
# registry_pid; the registry stops when the script exits. NAME prefixes the error message.
start_registry() {
    local name=$1
    mkdir -p "$RUN/registry-root"
    cat >"$RUN/registry.yml" <<YAML
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $RUN/registry-root
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:0
  secret: wharf-bench
YAML
    REGISTRY_LOG=$RUN/registry.log
    env -u REGISTRY_HTTP_ADDR docker-registry serve "$RUN/registry.yml" >"$REGISTRY_LOG" 2>&1 &
    registry_pid=$!
    trap 'kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true' EXIT
    trap 'exit 130' INT TERM

    # Port 0 lets the kernel pick a free port; the registry logs the address it listens on.
    REG=
    for _ in $(seq 100); do
        REG=$(grep -so 'listening on 127\.0\.0\.1:[0-9]*' "$REGISTRY_LOG" | cut -d' ' -f3) || true
        [[ -n $REG ]] && break
        kill -0 "$registry_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z $REG ]] || ! curl -fsS -o /dev/null "http://$REG/v2/"; then
        echo "$name: the registry did not start:" >&2
        cat "$REGISTRY_LOG" >&2
        exit 1
    fi
}
