#!/usr/bin/env bash
# The systemd unit as systemd itself judges it: `systemd-analyze verify` finds nothing (with
# ExecStart pointed at the binary under test), `systemd-analyze security --offline` rates its
# exposure at most 2.0 ("OK"), and it is Type=notify with the master key as a credential.
# Usage: systemd_unit.sh KEYWARD_SERVER_BINARY
set -euo pipefail
binary=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unit="$work/keyward.service"
sed "s|^ExecStart=/usr/bin/keyward-server|ExecStart=$binary|" "$root/installer/keyward.service" >"$unit"

status=0
if ! findings=$(systemd-analyze verify "$unit" 2>&1) || [[ -n "$findings" ]]; then
    echo "FAIL: systemd-analyze verify: $findings"
    status=1
fi
exposure=$(systemd-analyze security --offline=true "$unit" 2>&1 | sed -n 's/.*Overall exposure level for keyward.service: \([0-9.]*\).*/\1/p')
if [[ -z "$exposure" ]] || ! awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }'; then
    echo "FAIL: exposure level '${exposure}', above 2.0"
    systemd-analyze security --offline=true "$unit" 2>&1 | grep '✗' || true
    status=1
fi
for line in '^Type=notify' '^WatchdogSec=' '^LoadCredential=master.key:' '^Environment=KEYWARD_MASTER_KEY_FILE=%d/master.key'; do
    grep -q "$line" "$unit" || { echo "FAIL: the unit lacks $line"; status=1; }
done
[[ $status -ne 0 ]] || echo "keyward.service: verify clean, exposure $exposure"
exit $status
