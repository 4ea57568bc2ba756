#!/usr/bin/env bash
# Installs what Keyward needs, builds it (Release) and starts it on 127.0.0.1:8080 with SQLite in
# the default data directory (~/.local/share/keyward): the desktop console where a display exists,
# the headless server otherwise. Extra arguments go to the program.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/installer/install-deps.sh"
cmake --preset release -S "$root" >/dev/null
cmake --build --preset release
# keyward runs headless by itself when there is no display.
exec "$root/build/release/app/keyward" "$@"
