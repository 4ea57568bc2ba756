#!/usr/bin/env bash
# Every user-visible string of the console (ui/) has a German and a French translation: lupdate
# runs over the current sources into copies of the .ts files, and any entry it leaves unfinished
# or empty fails the test, named.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for lang in de fr; do
    cp "$root/translations/keyward_$lang.ts" "$tmp/"
    "$lupdate" -silent -no-obsolete -locations none "$root/ui" -ts "$tmp/keyward_$lang.ts"
    python3 - "$tmp/keyward_$lang.ts" "$lang" <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
path, lang = sys.argv[1], sys.argv[2]
bad = []
for context in ET.parse(path).getroot().iter('context'):
    for m in context.iter('message'):
        t = m.find('translation')
        forms = [f.text for f in t.iter('numerusform')] if m.get('numerus') == 'yes' else [t.text]
        if t.get('type') in ('unfinished', 'vanished') or not all(f and f.strip() for f in forms):
            bad.append(f"{context.find('name').text}: {m.find('source').text!r}")
for b in bad:
    print(f"untranslated ({lang}) {b}")
print(f"{lang}: {len(bad)} untranslated")
sys.exit(1 if bad else 0)
PY
done
exit $status
