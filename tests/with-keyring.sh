#!/usr/bin/env bash
# Runs a command with a private D-Bus session bus and an unlocked gnome-keyring (the Secret
# Service), so the keychain tests talk to a real keychain daemon. The keyring lives in a
# temporary directory and disappears with the session.
set -euo pipefail
if [[ "${1:-}" != "--inside" ]]; then
    exec dbus-run-session -- "$0" --inside "$@"
fi
shift
keyrings=$(mktemp -d /tmp/keyward-keyring.XXXXXX)
trap 'rm -rf "$keyrings"' EXIT
export XDG_RUNTIME_DIR="$keyrings/run"
mkdir -m 0700 -p "$XDG_RUNTIME_DIR"
eval "$(printf 'keyward-tests' | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL KEYWARD_TEST_KEYCHAIN=1
"$@"
