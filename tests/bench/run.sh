#!/usr/bin/env bash
# The one benchmark: a Release build on loopback under wrk, each figure with its ratio to nginx's
# `return 200` on the same machine and run (the ceiling of an HTTP server here).
#   ceiling       nginx-light, 2 workers, `return 200`
#   bare          GET /health/live
#   me            GET /api/v1/me with a valid RS256 token
#   list-20       GET /api/v1/users?limit=20
#   search        GET /api/v1/users?q=userNNNNNN (one user) and ?q=user (everyone)
#   login         POST /api/v1/auth/login, a different seeded user per request (argon2id-bound)
#   refresh       POST /api/v1/auth/refresh, every token used once (rotation)
#   create        POST /api/v1/users (argon2id-bound)
#   login storm   login at full speed while GET /api/v1/me is measured beside it: at a steady
#                 2,000 req/s (a service's own traffic under a flood of sign-ins), then as a
#                 second flood (two floods on two cores share them: neither keeps its ceiling)
# Usage: tests/bench/run.sh [sqlite|postgresql]   (postgresql: KEYWARD_BENCH_POSTGRES_URL, an empty
# database). KEYWARD_BENCH_USERS (100000), KEYWARD_BENCH_SECONDS (10), KEYWARD_BENCH_CONNECTIONS (32).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
backend=${1:-sqlite}
users=${KEYWARD_BENCH_USERS:-100000}
duration=${KEYWARD_BENCH_SECONDS:-10}
connections=${KEYWARD_BENCH_CONNECTIONS:-32}
bench="$root/tests/bench"

"$root/installer/install-deps.sh" --bench
cmake --preset release -S "$root" -DKEYWARD_BUILD_BENCH=ON >/dev/null
cmake --build --preset release --target keyward-server keyward-bench-seed >/dev/null
bin="$root/build/release"

work=$(mkdir -p /tmp && mktemp -d /tmp/keyward-bench.XXXXXX)
server_pid=""
nginx_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The ceiling: nginx as Debian ships it, two workers like this machine's two cores.
nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx;
    server { listen 127.0.0.1:$nginx_port; location / { return 200 "ok\n"; } }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/error.log" &
nginx_pid=$!

if [[ "$backend" == postgresql ]]; then
    database=${KEYWARD_BENCH_POSTGRES_URL:?set KEYWARD_BENCH_POSTGRES_URL to an empty database}
else
    database="sqlite://$work/keyward.db"
fi
# The installation first (its master key, made only for a new database), then the users.
"$bin/app/keyward-server" --data-dir "$work" --database "$database" --log-level warning migrate >/dev/null
"$bin/tests/bench/keyward-bench-seed" --database "$database" --users "$users"

port=$(free_port)
url="http://127.0.0.1:$port"
serve() {
    "$bin/app/keyward-server" --data-dir "$work" --database "$database" --listen "127.0.0.1:$port" \
        --log-level warning serve 2>>"$work/server.log" &
    server_pid=$!
    for _ in $(seq 3000); do curl -sf "$url/health/ready" >/dev/null && return; sleep 0.005; done
    echo "keyward-server did not become ready" >&2
    exit 1
}
# One start untimed (the first after seeding), then one timed from exec to ready.
serve
kill "$server_pid" && wait "$server_pid" || true
started=$(date +%s%N)
serve
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
sleep 2
idle_rss=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/" >/dev/null && break; sleep 0.1; done

login() { curl -sf -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"bench password\"}"; }
admin_token=$(login admin | jq -r .access_token)
user_token=$(login user000001 | jq -r .access_token)
# One client address drives all the load: measure the server, not its rate limiter.
curl -sf -X PATCH "$url/api/v1/settings" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -d '{"rate_limits":{"enabled":false}}' >/dev/null
# Refresh tokens, two per connection: each chain is used by one request at a time.
for i in $(seq 1 $((connections * 2))); do login "$(printf 'user%06d' $((i + 1000)))" | jq -r .refresh_token; done \
    >"$work/refresh_tokens"

# An application of the OpenID Connect provider, and a browser signed in there for user000001:
# its cookie and an access token its code was exchanged for.
client_id=$(curl -sf -X POST "$url/api/v1/oauth2/clients" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -d '{"name":"Bench","type":"public","first_party":true,
    "redirect_uris":["https://app.example/cb"],"scopes":["openid","profile","email"]}' | jq -r .id)
verifier=bench-verifier-0123456789abcdefghijklmnopqrstuvwxyz
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
authorize="$url/oauth2/authorize?response_type=code&client_id=$client_id&scope=openid%20profile%20email"
authorize+="&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_challenge=$challenge&code_challenge_method=S256"
# The page's forms (password, passkey) carry the same anti-forgery token: the first one's.
csrf=$(curl -sf -c "$work/jar" "$authorize" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
curl -sf -b "$work/jar" -c "$work/jar" -o /dev/null -X POST "$url/oauth2/authorize" \
    --data "${authorize#*\?}&csrf=$csrf&step=password&login=user000001&password=bench%20password"
# Signed in, the user is offered a passkey: not now.
code=$(curl -s -b "$work/jar" -c "$work/jar" -o /dev/null -w '%{redirect_url}' -X POST "$url/oauth2/authorize" \
    --data "${authorize#*\?}&csrf=$csrf&step=passkey-offer&decision=later" | sed 's/.*code=\([^&]*\).*/\1/')
client_token=$(curl -sf -X POST "$url/oauth2/token" --data "grant_type=authorization_code&client_id=$client_id" \
    --data "code=$code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_verifier=$verifier" | jq -r .access_token)
signed_in=$(awk '$6 == "keyward_signin" {print $7}' "$work/jar")

ceiling=""
measure() { # name, wrk arguments...
    local name=$1; shift
    local out rps p50 p99 ratio
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    [[ -z "$ceiling" ]] && ceiling=$rps
    last_rps=$rps
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')
    local errors
    errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
    printf '%-34s %10s req/s  %5s× nginx   p50 %9s   p99 %9s%s\n' "$name" "$rps" "$ratio" "$p50" "$p99" \
        "${errors:+   non-2xx $errors}"
}

export KEYWARD_BENCH_TOKEN=$admin_token KEYWARD_BENCH_USERS=$users KEYWARD_BENCH_REFRESH_FILE="$work/refresh_tokens"
echo "Keyward $("$bin/app/keyward-server" --version | cut -d' ' -f2) on $backend, $users users, $(nproc) cores," \
     "wrk -t2 -c$connections -d${duration}s"
measure "nginx return 200 (ceiling)" "http://127.0.0.1:$nginx_port/"
measure "GET /health/live" "$url/health/live"
measure "GET /api/v1/me" -H "Authorization: Bearer $user_token" "$url/api/v1/me"
measure "GET /api/v1/users?limit=20" -H "Authorization: Bearer $admin_token" "$url/api/v1/users?limit=20"
measure "search, one user" -s "$bench/search.lua" "$url"
measure "search, everyone" -s "$bench/search.lua" "$url" -- all
measure "POST /api/v1/auth/refresh" -s "$bench/refresh.lua" "$url" -- 2
measure "POST /api/v1/auth/login" -s "$bench/login.lua" "$url"
login_ceiling=$last_rps
measure "POST /api/v1/users" -s "$bench/create.lua" "$url"
measure "GET /oauth2/authorize, sign-in page" "$authorize"
measure "GET /oauth2/authorize, a code" -H "Cookie: keyward_signin=$signed_in" "$authorize"
measure "GET /oauth2/userinfo" -H "Authorization: Bearer $client_token" "$url/oauth2/userinfo"
storm() { # name, wrk arguments for the reads...
    local name=$1; shift
    wrk -t1 -c16 -d"${duration}s" -s "$bench/login.lua" "$url" >"$work/storm.txt" &
    local logins=$!
    measure "$name" -H "Authorization: Bearer $user_token" "$@"
    wait $logins
    local rps
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/storm.txt")
    printf '%-34s %10s req/s  %5s× the login figure above\n' "  (the storm's logins)" "$rps" \
        "$(awk -v a="$rps" -v b="$login_ceiling" 'BEGIN { printf "%.2f", a / b }')"
}
storm "GET /api/v1/me, 2,000/s, in a storm" -s "$bench/paced.lua" "$url/api/v1/me" -- 2000 "$connections"
storm "GET /api/v1/me flood in a storm" "$url/api/v1/me"
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")
echo "keyward-server: ready ${ready_ms} ms after start; RSS idle $((idle_rss / 1024)) MiB, after the run $((rss / 1024)) MiB"
