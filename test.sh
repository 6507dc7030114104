#!/usr/bin/env bash
# Sets up and runs the whole test suite:
#   1. installs what the tests need when it is missing (Debian's auditd package: the reference
#      auditctl/ausearch the kernel tests compare against; needs root),
#   2. builds the release layout (dist/), which the end-to-end tests run as a real process,
#   3. runs every test project, kernel tests included (they need root; with CI=true they never skip),
#   4. prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v auditctl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq auditd >/dev/null
  else
    echo "test.sh: auditctl is missing and we are not root: kernel tests will be skipped (install the auditd package)" >&2
  fi
fi

./build.sh

log=$(mktemp)
trap 'rm -f "$log" "$log.failed"' EXIT
status=0
dotnet test Shipper.sln -c Release --nologo \
  --blame-hang --blame-hang-timeout 10m \
  --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# Repeat every failed test with its message and stack at the end, where a CI log's tail shows it:
# from a "  Failed Name [time]" line up to the next per-test line or project summary.
awk '/^  Failed / { show = 1; print "---- " substr($0, 3); next }
     /^  (Passed|Skipped) / || /^Test Run / || /^Total tests:/ { show = 0 }
     show' "$log" | head -n 400 > "$log.failed"
if [ -s "$log.failed" ]; then
  echo "==== failed tests ===="
  cat "$log.failed"
fi
rm -f "$log.failed"

# Sum the per-project summaries. With the console logger at normal verbosity each project ends with
#   Total tests: 66
#        Passed: 65
#        Failed: 1
#       Skipped: 0
# (lines for zero counts are left out); per-test lines ("  Passed Name [1 ms]") have no colon.
awk '/^ +(Passed|Failed|Skipped): +[0-9]+ *$/ {
       n = $2 + 0; if ($1 == "Passed:") p += n; else if ($1 == "Failed:") f += n; else s += n }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s; if (p + f == 0) exit 3 }' "$log" || { [ "$status" = 0 ] && status=3; }
exit "$status"
