#!/usr/bin/env bash
# Runs every test (unit, bUnit, host, hub and browser end-to-end) and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"
results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"
dotnet test SutWeb.sln --logger "trx;LogFilePrefix=sutweb" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
# Sum the counters of every TRX file (the console's summary line differs between SDK versions and verbosities).
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' \
    | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2] + 0
             if (kv[1] == "passed") p += v; else if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += v
             else if (kv[1] == "notExecuted") s += v } } END { print p + 0, f + 0, s + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the build or the runner itself failed
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
