#!/usr/bin/env bash
# Installs what Keyward needs, builds it (Release) and starts it on 127.0.0.1:8080 with SQLite in
# the default data directory (~/.local/share/keyward). Extra arguments go to keyward-server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/installer/install-deps.sh"
cmake --preset release -S "$root" >/dev/null
cmake --build --preset release
exec "$root/build/release/app/keyward-server" "$@"
