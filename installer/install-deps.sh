#!/usr/bin/env bash
# Installs the Debian 12 packages Keyward needs to build and run; with --test (or --bench) also what
# the test suite and the benchmark use. Idempotent: returns at once when
# everything is already installed.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql
    libargon2-dev libssl-dev libcrypt-dev libqrencode-dev libcbor-dev libcurl4-openssl-dev qtkeychain-qt6-dev zlib1g-dev libsystemd-dev
)
if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
    # clang with its sanitizer and libFuzzer runtimes: the `asan` build and the fuzzers.
    packages+=(clang libclang-rt-14-dev)
    packages+=(postgresql postgresql-contrib postgresql-client python3 python3-jwt python3-cryptography wrk curl jq
               oathtool zbar-tools librsvg2-bin python3-aiosmtpd dbus-daemon gnome-keyring libsecret-tools
               prometheus openssl chromium xvfb xauth bash-completion python3-yaml)
    # The package, unit and image tests: lintian and dpkg-shlibdeps, systemd-analyze, mmdebstrap, podman.
    packages+=(lintian dpkg-dev systemd mmdebstrap podman)
    # nginx: the failover test's load balancer, and the benchmark's ceiling.
    packages+=(nginx-light)
    # Node.js for the OpenAPI linter and the browser test: Debian's, unless one is installed already.
    command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "Installing: ${missing[*]}" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
