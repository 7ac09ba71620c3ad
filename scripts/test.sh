#!/usr/bin/env bash
# Runs every TapBot test suite: unit, Graph-emulator contract, storage (SQLite and PostgreSQL), integration (real
# host over HTTP), app package, cards (golden files, the adaptivecards library), and end-to-end (Agents Playground in
# headless Chromium). Installs what the suites need when it is missing, then prints "N passed, N failed, N skipped"
# as its last line.
set -uo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "The tests need the .NET 10 SDK (dotnet) on PATH."; echo "0 passed, 1 failed"; exit 1; }

bash scripts/install-test-deps.sh || { echo "Could not install what the tests need (see above)."; echo "0 passed, 1 failed"; exit 1; }

# A throwaway PostgreSQL server for the storage suite's PostgreSQL run (installed from Debian when missing).
TAPBOT_TEST_POSTGRES=$(bash scripts/postgres.sh) || { echo "Could not start PostgreSQL (see above)."; echo "0 passed, 1 failed"; exit 1; }
export TAPBOT_TEST_POSTGRES
trap 'bash scripts/postgres.sh stop' EXIT

log=$(mktemp)
# TapBot.sln holds every suite that needs nothing but .NET (plain "dotnet test" runs them). The PostgreSQL,
# manifest, card and end-to-end suites need the server, npm packages and Chromium set up above, so they run on their own.
dotnet test TapBot.sln -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
for suite in tests/TapBot.Storage.PostgreSqlTests tests/TapBot.MultiInstanceTests tests/TapBot.ManifestTests tests/TapBot.CardTests tests/TapBot.EndToEndTests; do
  dotnet test "$suite" -nologo "$@" 2>&1 | tee -a "$log"
  suite_status=${PIPESTATUS[0]}
  if [[ $status -eq 0 ]]; then status=$suite_status; fi
done

# One summary line per test project: "Passed!  - Failed:     0, Passed:    34, Skipped:     0, Total: ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '^(Passed|Failed)! +- ' "$log" || true)
expected=$(ls tests/*/*.csproj | wc -l)
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi   # a build error or a crashed test host
if [[ $projects -lt $expected && $failed -eq 0 ]]; then
  echo "Only $projects of $expected test projects reported results."
  failed=1; status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
