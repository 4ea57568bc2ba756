#!/usr/bin/env bash
# Builds the libFuzzer targets (the `asan` preset: clang, ASan + UBSan) and runs each for a while
# (default 60 s) from its corpus. A crash, a leak, undefined behaviour or a timeout fails the run
# and leaves the input in build/asan/fuzz-artifacts/: fix the bug, then add the input to
# tests/fuzz/corpus/<target>/ so every build runs it again.
# Usage: tests/fuzz/run.sh [seconds per target]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
cd "$root"
targets=(request_reader json_body jwt user_cursor password_hash import webauthn)
cmake --preset asan >/dev/null
cmake --build --preset asan --target "${targets[@]/#/fuzz_}"
artifacts="$root/build/asan/fuzz-artifacts"
mkdir -p "$artifacts"
status=0
for t in "${targets[@]}"; do
    work=$(mktemp -d /tmp/keyward-fuzz-$t.XXXXXX)
    log="$artifacts/$t.log"
    # New inputs go to the scratch directory; the committed corpus is only read.
    if ASAN_OPTIONS=detect_leaks=1 "$root/build/asan/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" "$work" \
        "$root/tests/fuzz/corpus/$t" >"$log" 2>&1; then
        runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
        echo "fuzz_$t: ${runs:-?} executions in ${seconds} s, no crash (corpus grew to $(ls "$work" | wc -l) inputs)"
    else
        echo "fuzz_$t: FAILED, see $log"; grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
        status=1
    fi
    rm -rf "$work"
done
exit $status
