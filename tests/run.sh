#!/usr/bin/env bash
# Runs the whole test suite, as CI does:
#   1. formatting, then the `ci` build (gcc, warnings are errors) and every test on SQLite and PostgreSQL;
#   2. the `asan` build (clang, ASan + UBSan) and every test again under the sanitizers;
#   3. each fuzz target for 60 s (tests/fuzz/run.sh).
# It installs what it needs (Debian packages, the pinned npm test tools) and starts a throwaway
# PostgreSQL cluster on a free loopback port, removed at the end.
#   tests/run.sh           everything
#   tests/run.sh --quick   step 1 only (a few minutes)
#   tests/run.sh ARGS      step 1 only, with ARGS passed to ctest (e.g. -R tst_api)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
full=1
if [[ $# -gt 0 ]]; then
    full=0
    [[ "$1" == "--quick" ]] && shift
fi

installer/install-deps.sh --test
# The OpenAPI linter and the browser driver, pinned by tests/web/package-lock.json.
npm ci --prefix tests/web --no-audit --no-fund --loglevel=error
cmake --preset ci >/dev/null
cmake --build --preset ci --target format-check
cmake --build --preset ci

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/keyward-pg.XXXXXX)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$pgdir"   # initdb refuses to run as root
    as_pg=(runuser -u postgres --)
fi
stop_pg() {
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
}
trap stop_pg EXIT
echo keyward >"$pgdir/pwfile"
[[ ${#as_pg[@]} -eq 0 ]] || chown postgres: "$pgdir/pwfile"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U keyward --pwfile="$pgdir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 >"$pgdir/initdb.log"
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c max_connections=300" start >/dev/null
echo "PostgreSQL test cluster on 127.0.0.1:$port"

export KEYWARD_TEST_POSTGRES_URL="postgresql://keyward:keyward@127.0.0.1:$port/postgres"
export KEYWARD_TEST_REQUIRE_POSTGRES=1
export KEYWARD_TEST_REQUIRE_KEYCHAIN=1
# A private D-Bus session with an unlocked gnome-keyring: the keychain tests use a real daemon.
tests/with-keyring.sh ctest --preset ci -j 2 "$@"
[[ $full -eq 1 ]] || exit 0

echo "== the suite again under ASan + UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan
# The packages and the image are built and tried once, from the ci build.
tests/with-keyring.sh ctest --preset asan -j 2 --label-exclude package
echo "== fuzzing"
tests/fuzz/run.sh 60
