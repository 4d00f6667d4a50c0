#!/usr/bin/env bash
# Runs every test (unit, bUnit, host, hub and browser end-to-end) and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"
results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"
export SUTWEB_TEST_RESULTS="$results"
dotnet test SutWeb.sln --logger "trx;LogFilePrefix=sutweb" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@"
status=$?
# Sum the counters of every TRX report: <Counters total=".." executed=".." passed=".." failed=".." ...>;
# skipped tests are the ones counted in total but not executed.
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' \
    | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]);
             if (kv[1] == "total") t += kv[2]; if (kv[1] == "executed") e += kv[2];
             if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2] } }
           END { print p + 0, f + 0, t - e }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the build or the runner itself failed
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
