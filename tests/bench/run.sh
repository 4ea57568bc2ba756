#!/usr/bin/env bash
# Benchmarks a Release build on loopback with wrk: login, GET /me, GET /users?limit=20 over
# 100,000 users, GET /health/live. Prints requests/s and p50/p99 per scenario.
# Usage: tests/bench/run.sh [sqlite|postgresql] (postgresql needs KEYWARD_BENCH_POSTGRES_URL)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
backend=${1:-sqlite}
users=${KEYWARD_BENCH_USERS:-100000}
duration=${KEYWARD_BENCH_SECONDS:-10}
connections=${KEYWARD_BENCH_CONNECTIONS:-32}

"$root/installer/install-deps.sh" --test
cmake --preset release -S "$root" -DKEYWARD_BUILD_BENCH=ON >/dev/null
cmake --build --preset release --target keyward-server keyward-bench-seed >/dev/null
bin="$root/build/release"

work=$(mkdir -p /tmp && mktemp -d /tmp/keyward-bench.XXXXXX)
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [[ "$backend" == postgresql ]]; then
    database=${KEYWARD_BENCH_POSTGRES_URL:?set KEYWARD_BENCH_POSTGRES_URL to an empty database}
else
    database="sqlite://$work/keyward.db"
fi
"$bin/tests/bench/keyward-bench-seed" --database "$database" --users "$users"

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/app/keyward-server" --data-dir "$work" --database "$database" --listen "127.0.0.1:$port" \
    --log-level warning serve 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

login() { curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"bench password\"}" | jq -r .access_token; }
admin_token=$(login admin)
user_token=$(login user000001)
# One client address drives all the load: measure the server, not its rate limiter.
curl -sf -X PATCH "http://127.0.0.1:$port/api/v1/settings" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -d '{"rate_limits":{"enabled":false}}' >/dev/null

measure() { # name, wrk arguments...
    local name=$1; shift
    local out
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")
    local rps p50 p99
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-28s %12s req/s   p50 %9s   p99 %9s\n' "$name" "$rps" "$p50" "$p99"
}

echo "Keyward $("$bin/app/keyward-server" --version | cut -d' ' -f2) on $backend, $users users, $(nproc) cores," \
     "wrk -t2 -c$connections -d${duration}s"
measure "GET /health/live" "http://127.0.0.1:$port/health/live"
measure "GET /api/v1/me" -H "Authorization: Bearer $user_token" "http://127.0.0.1:$port/api/v1/me"
measure "GET /api/v1/users?limit=20" -H "Authorization: Bearer $admin_token" "http://127.0.0.1:$port/api/v1/users?limit=20"
measure "POST /api/v1/auth/login" -s "$root/tests/bench/login.lua" "http://127.0.0.1:$port"
