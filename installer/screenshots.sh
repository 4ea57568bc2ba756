#!/usr/bin/env bash
# Renders every panel of the console (and the first-run wizard) to docs/screenshots/*.png under a
# virtual X server, with sample users and live traffic. Needs the test dependencies
# (installer/install-deps.sh --test brings xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${KEYWARD_PRESET:-ci}
cmake --preset "$preset" >/dev/null
cmake --build "build/$preset" --target keyward_screenshots -j2
export QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" "build/$preset/tests/keyward_screenshots" docs/screenshots
