#!/usr/bin/env bash
# Runs a command against a real Secret Service that belongs to it alone: a private D-Bus session
# bus (dbus-run-session) with a gnome-keyring-daemon whose "login" keyring is created and
# unlocked with a test password, all under a throw-away HOME and XDG_RUNTIME_DIR, so the user's
# own keyring and files are never touched. Works headless, as root, without systemd and without
# stdin (CI). The command sees WHARF_TEST_KEYRING=1.
#
#   tests/run-with-keyring.sh <program> [arguments...]
set -euo pipefail

if [[ "${1:-}" != "--inside-session" ]]; then
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "run-with-keyring: $tool is not installed (packages dbus, gnome-keyring)" >&2
            exit 1
        fi
    done
    # Short paths: gnome-keyring puts its control socket under XDG_RUNTIME_DIR.
    root=$(mktemp -d "${TMPDIR:-/tmp}/wharf-keyring.XXXXXX")
    mkdir -m 700 "$root/home" "$root/runtime"
    export HOME="$root/home" XDG_RUNTIME_DIR="$root/runtime"
    export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
    unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    exec dbus-run-session -- bash "$0" --inside-session "$root" "$@"
fi

# Inside the private session bus.
root=$2
shift 2
log="$root/gnome-keyring.log"
daemon=

cleanup() {
    if [[ -n "$daemon" ]] && kill -0 "$daemon" 2>/dev/null; then
        kill "$daemon" 2>/dev/null || true
        wait "$daemon" 2>/dev/null || true
    fi
    rm -rf "$root"
}
trap cleanup EXIT

bus_call() {
    dbus-send --session --print-reply=literal "$@" 2>/dev/null
}

# --unlock reads the password from stdin and creates the login keyring (the "default" alias
# libsecret and QtKeychain write to) unlocked; no prompter is ever needed.
printf '%s' 'wharf-test-password' \
    | gnome-keyring-daemon --foreground --unlock --components=secrets >"$log" 2>&1 &
daemon=$!

# Wait until the daemon owns org.freedesktop.secrets (asked of the bus itself, so the query cannot
# D-Bus-activate a second daemon) and its login collection is unlocked.
ready=
for _ in $(seq 1 200); do
    if ! kill -0 "$daemon" 2>/dev/null; then
        echo "run-with-keyring: gnome-keyring-daemon exited early:" >&2
        cat "$log" >&2
        exit 1
    fi
    if [[ "$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
                string:org.freedesktop.secrets)" == *true* ]] \
        && [[ "$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
                org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection \
                string:Locked)" == *false* ]]; then
        ready=1
        break
    fi
    sleep 0.05
done
if [[ -z "$ready" ]]; then
    echo "run-with-keyring: the keyring did not come up within 10 s:" >&2
    cat "$log" >&2
    exit 1
fi

export WHARF_TEST_KEYRING=1
status=0
"$@" || status=$?
exit "$status"
