#!/usr/bin/env bash
# The container image as it ships: its root filesystem made with mmdebstrap from Debian packages and
# keyward-server's .deb (built here with cpack from BUILD_DIR), the image built with podman from
# installer/container/Containerfile; its configuration checked (non-root user, entrypoint,
# healthcheck on /health/live, the data volume, port 8080), no master key inside, and the root
# filesystem's keyward-server run with chroot (podman run is refused in this sandbox) until it
# answers /health/live. Needs root, mmdebstrap, podman and a Debian mirror: skipped (77) without root.
# Usage: container.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: mmdebstrap and chroot need root"
    exit 77
fi
work=$(mktemp -d /var/tmp/keyward-container.XXXXXX)
image=localhost/keyward-test:$$
server_pid=""
cleanup() {
    [[ -z "$server_pid" ]] || kill "$server_pid" 2>/dev/null || true
    podman rmi -f "$image" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}

(cd "$build" && cpack -G DEB -B "$work/deb" >"$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/deb/keyward-server_*_amd64.deb)
mkdir "$work/context"
"$root/installer/container/build-rootfs.sh" "$deb" "$work/context/rootfs.tar" >"$work/mmdebstrap.log" 2>&1 ||
    { tail -40 "$work/mmdebstrap.log"; fail "mmdebstrap"; }
echo "root filesystem: $(du -h "$work/context/rootfs.tar" | cut -f1)"
podman build --quiet --format docker -t "$image" -f "$root/installer/container/Containerfile" "$work/context" >"$work/podman.log" 2>&1 ||
    { cat "$work/podman.log"; fail "podman build"; }

config=$(podman image inspect --format json "$image")
check() { # check JQ-EXPRESSION DESCRIPTION
    jq -e ".[0].Config | $1" <<<"$config" >/dev/null || fail "image config: $2 ($(jq -c '.[0].Config' <<<"$config"))"
}
check '.User == "10001:10001"' "runs as 10001, not root"
check '.Entrypoint == ["/usr/bin/keyward-server"]' "the entrypoint is keyward-server"
check '.Cmd == ["serve"]' "the command is serve"
# podman keeps a docker-format image's healthcheck beside the config, docker inside it.
jq -e '(.[0].Healthcheck // .[0].Config.Healthcheck).Test | join(" ") | contains("/health/live")' <<<"$config" \
    >/dev/null || fail "image config: the healthcheck does not ask /health/live"
check '.Volumes | has("/var/lib/keyward")' "/var/lib/keyward is a volume"
check '.ExposedPorts | has("8080/tcp")' "port 8080 is exposed"
echo "image $(podman image inspect --format '{{.Size}}' "$image") bytes, config checked"

mkdir "$work/rootfs"
tar -C "$work/rootfs" -xf "$work/context/rootfs.tar"
[[ ! -e "$work/rootfs/etc/keyward/master.key" ]] || fail "the image holds a master key"
[[ $(stat -c '%u %a' "$work/rootfs/var/lib/keyward") == "10001 700" ]] || fail "/var/lib/keyward is not 10001's alone"
[[ ! -e "$work/rootfs/usr/bin/apt-get" ]] || fail "the image carries apt"
ldd_missing=$(chroot "$work/rootfs" /usr/bin/ldd /usr/bin/keyward-server 2>/dev/null | grep -c 'not found' || true)
[[ "$ldd_missing" == 0 ]] || fail "libraries missing in the image"

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
chroot --userspec=10001:10001 "$work/rootfs" /usr/bin/env -i KEYWARD_DATA_DIR=/var/lib/keyward \
    /usr/bin/keyward-server --listen "127.0.0.1:$port" serve >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/live" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; fail "keyward-server stopped in the chroot"; }
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null || { cat "$work/serve.log"; fail "no answer on /health/live"; }
echo "the image's keyward-server serves /health/live from its chroot"
