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
# Sum the per-assembly totals that the test runner prints ("Failed: 0, Passed: 12, Skipped: 1, Total: 13").
read -r passed failed skipped < <(grep -Eo 'Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+' "$results/console.log" \
    | awk -F'[:,] *' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the build or the runner itself failed
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
