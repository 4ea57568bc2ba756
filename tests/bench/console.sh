#!/usr/bin/env bash
# Benchmarks the desktop console on a Release build: the users table over a seeded database
# (default 1,000,000 users) and the Logs panel at 1,000 lines a second. Prints its figures.
# Usage: tests/bench/console.sh [users]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
users=${1:-1000000}
"$root/installer/install-deps.sh" --test
cmake --preset release -S "$root" -DKEYWARD_BUILD_BENCH=ON >/dev/null
cmake --build --preset release --target keyward-bench-seed keyward-bench-console >/dev/null
bin="$root/build/release/tests/bench"
work=$(mktemp -d /tmp/keyward-bench-console.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$bin/keyward-bench-seed" --database "sqlite://$work/keyward.db" --users "$users"
"$bin/keyward-bench-console" --data-dir "$work" --database "sqlite://$work/keyward.db"
