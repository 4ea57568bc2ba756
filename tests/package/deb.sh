#!/usr/bin/env bash
# The Debian packages as an operator meets them: `cpack -G DEB` builds keyward-server and keyward
# from BUILD_DIR, lintian reports no error, the server package installs on this machine with apt,
# `keyward-server --version` and `check-config` run as the `keyward` user it made, with the master
# key it made, then it is removed and purged cleanly (its files gone, the data and key kept); the
# console's package installs beside it and runs; a hand-made installation's key is taken over.
# Needs root (it installs into the system): skipped (77) otherwise.
# Usage: deb.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: installing a package needs root"
    exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}

(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log") || { cat "$out/cpack.log"; fail "cpack"; }
server=$(ls "$out"/keyward-server_*_amd64.deb)
console=$(ls "$out"/keyward_*_amd64.deb)
echo "built $(basename "$server") and $(basename "$console")"

# The server package must not pull in the GUI.
if dpkg-deb -f "$server" Depends | grep -qiE 'libqt6widgets|libqt6gui|libqt6charts'; then
    fail "keyward-server depends on GUI libraries: $(dpkg-deb -f "$server" Depends)"
fi
for deb in "$server" "$console"; do
    lintian --fail-on error --tag-display-limit 0 "$deb" >"$out/lintian.log" 2>&1 || {
        cat "$out/lintian.log"
        fail "lintian finds errors in $(basename "$deb")"
    }
    echo "lintian $(basename "$deb"): $(grep -c '^W:' "$out/lintian.log" || true) warning(s)"
    grep '^W:' "$out/lintian.log" || true
done

apt-get purge -y -qq keyward-server keyward >/dev/null 2>&1 || true
# What the package keeps on purge is removed at the end if this test made it.
made=()
[[ -e /var/lib/keyward ]] || made+=(/var/lib/keyward)
[[ -e /etc/keyward ]] || made+=(/etc/keyward)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$server" >"$out/install.log" 2>&1 ||
    { cat "$out/install.log"; fail "apt-get install keyward-server"; }
cleanup() {
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq keyward keyward-server >/dev/null 2>&1 || true
    rm -rf "$out" "${made[@]}"
}
trap cleanup EXIT
getent passwd keyward >/dev/null || fail "no keyward user"
[[ $(stat -c '%U %a' /var/lib/keyward) == "keyward 700" ]] || fail "/var/lib/keyward is $(stat -c '%U %a' /var/lib/keyward)"
[[ $(stat -c '%U %a' /etc/keyward/master.key) == "root 600" ]] || fail "the master key is $(stat -c '%U %a' /etc/keyward/master.key)"
[[ $(tr -d '\n' </etc/keyward/master.key | wc -c) -eq 64 ]] || fail "the master key is not 64 hex characters"
key_before=$(sha256sum </etc/keyward/master.key)
runuser -u keyward -- /usr/bin/keyward-server --version | grep -q '^keyward ' || fail "keyward-server --version"
# As the service runs it: the key handed over (here: a copy only the keyward user reads).
chmod 0711 "$out" # the keyward user reaches the key in it, and nothing else
install -m 0400 -o keyward /etc/keyward/master.key "$out/credential.key"
runuser -u keyward -- env KEYWARD_DATA_DIR=/var/lib/keyward KEYWARD_MASTER_KEY_FILE="$out/credential.key" \
    /usr/bin/keyward-server check-config >"$out/check.log" 2>&1 || { cat "$out/check.log"; fail "check-config"; }
grep -q '/var/lib/keyward' "$out/check.log" || fail "check-config does not show the data directory"
runuser -u keyward -- env KEYWARD_DATA_DIR=/var/lib/keyward KEYWARD_MASTER_KEY_FILE="$out/credential.key" \
    /usr/bin/keyward-server migrate >"$out/migrate.log" 2>&1 || { cat "$out/migrate.log"; fail "migrate as keyward"; }
[[ $(stat -c '%U %a' /var/lib/keyward/keyward.db) == "keyward 600" ]] || fail "the database is not the keyward user's alone"
systemd-analyze verify /lib/systemd/system/keyward.service || fail "systemd-analyze verify on the installed unit"
[[ -f /usr/share/bash-completion/completions/keyward-server ]] || fail "no bash completion"

# The console's package beside it: its binary runs, its desktop entry and icon are where desktops look.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$console" >"$out/console.log" 2>&1 ||
    { cat "$out/console.log"; fail "apt-get install keyward"; }
QT_QPA_PLATFORM=offscreen /usr/bin/keyward --version | grep -q '^keyward ' || fail "keyward --version"
[[ -f /usr/share/applications/keyward.desktop && -f /usr/share/icons/hicolor/scalable/apps/keyward.svg ]] ||
    fail "the console's desktop entry or icon is missing"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq keyward >/dev/null 2>&1 || fail "apt-get purge keyward"
[[ ! -e /usr/bin/keyward && -e /usr/bin/keyward-server ]] || fail "purging the console touched the server"

# Reinstalling keeps the key: it is made once.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$server" >/dev/null 2>&1 || fail "reinstall"
[[ $(sha256sum </etc/keyward/master.key) == "$key_before" ]] || fail "a reinstall replaced the master key"

DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq keyward-server >"$out/purge.log" 2>&1 ||
    { cat "$out/purge.log"; fail "apt-get purge"; }
dpkg -s keyward-server >/dev/null 2>&1 && fail "still installed after purge"
for file in /usr/bin/keyward-server /lib/systemd/system/keyward.service /usr/lib/sysusers.d/keyward.conf; do
    [[ ! -e "$file" ]] || fail "$file left after purge"
done
[[ -f /etc/keyward/master.key ]] || fail "purge removed the master key (the only key to the backups)"

# An installation made by hand, its key in the data directory: the package takes that key over.
rm -f /etc/keyward/master.key
(umask 077 && printf '%064d' 7 >/var/lib/keyward/master.key)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$server" >/dev/null 2>&1 || fail "install over a hand-made one"
cmp -s /var/lib/keyward/master.key /etc/keyward/master.key || fail "the data directory's master key was not taken over"
[[ $(stat -c '%U %a' /etc/keyward/master.key) == "root 600" ]] || fail "the taken-over key is not root's alone"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq keyward-server >/dev/null 2>&1 || fail "second purge"
echo "keyward-server and keyward: built, lint-clean, installed, run, purged"
