#!/usr/bin/env bash
# Attacks a running keyward-server the way an outsider would, with two independent tools, and
# prints what they find. Run before each release (it takes a while; it is not part of CI):
#   - sqlmap over every query and body parameter of the users list, the audit list and login;
#   - testssl.sh over the TLS listener (protocols, ciphers, known weaknesses).
# Usage: tests/security/run.sh [build-dir]   (default: build/ci; builds keyward-server if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/ci}
cd "$root"

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
for tool in sqlmap testssl; do
    command -v "$tool" >/dev/null || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap testssl.sh >/dev/null
done
[[ -x "$build/app/keyward-server" ]] || { cmake --preset ci >/dev/null; cmake --build --preset ci --target keyward-server; }

work=$(mktemp -d /tmp/keyward-security.XXXXXX)
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
    -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
server=("$build/app/keyward-server" --data-dir "$work/data" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem")
echo "a long security password" | "${server[@]}" admin create --username admin --email admin@example.com --password-stdin >/dev/null
"${server[@]}" --listen "127.0.0.1:$port" serve 2>"$work/server.log" &
server_pid=$!
base="https://127.0.0.1:$port"
for _ in $(seq 50); do curl -ksf "$base/health/ready" >/dev/null && break; sleep 0.2; done

token=$(curl -ks "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"login":"admin","password":"a long security password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
# sqlmap sends thousands of requests from one address: lift the rate limits for the run.
curl -ks -X PATCH "$base/api/v1/settings" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"rate_limits":{"enabled":false},"lockout":{"threshold":100}}' >/dev/null

sqlmap_run() {
    sqlmap --batch --level 3 --risk 2 --random-agent --flush-session --output-dir "$work/sqlmap" \
        --headers "Authorization: Bearer $token" "$@" 2>&1 | grep -E "is vulnerable|injectable|appears to be|all tested parameters|CRITICAL|ERROR|WARNING.*heuristic" || true
}
echo "== sqlmap: GET /api/v1/users"
sqlmap_run -u "$base/api/v1/users?q=alice&status=active&role=user&sort=username&limit=10&include_deleted=false&inactive_since=2026-01-01T00:00:00Z"
echo "== sqlmap: GET /api/v1/audit"
sqlmap_run -u "$base/api/v1/audit?actor=user:1&action=auth.login&target=user:1&outcome=success&since=2026-01-01T00:00:00Z&until=2030-01-01T00:00:00Z&limit=10"
echo "== sqlmap: POST /api/v1/auth/login (JSON)"
sqlmap_run -u "$base/api/v1/auth/login" --data '{"login":"admin*","password":"guess*"}' \
    --headers "Content-Type: application/json"
echo "== testssl.sh: $base"
testssl --quiet --color 0 --warnings off --fast "127.0.0.1:$port" 2>&1 |
    grep -E "not ok|NOT ok|VULNERABLE|offered \(NOT ok\)|Obsoleted|LUCKY13|TLS 1(\.0|\.1) +offered|SSLv" || echo "testssl.sh: no weakness reported"
if grep -q '"status":5[0-9][0-9]' "$work/server.log"; then
    echo "the server answered 5xx during the run:"; grep '"status":5[0-9][0-9]' "$work/server.log" | head
    exit 1
fi
echo "done: no 5xx during the run"
