#!/usr/bin/env bash
# Sets up (scripts/setup.sh), builds and runs every test with ctest; prints ctest's summary line.
#   scripts/test.sh [BUILD_DIR] [extra ctest args...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
shift || true
"$here/scripts/setup.sh" "$build"
cd "$build"
# A skipped suite is a failure here: a missing reference package must never pass silently.
log="$build/ctest-output.log"
set +e
ctest --output-on-failure --timeout 900 -j "${STLLAVA_TEST_JOBS:-2}" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
skipped=$(grep -c -E -- '\(Skipped\)$' "$log" || true)
if [ "$skipped" -gt 0 ]; then
  echo "test.sh: FAILED: $skipped test suite(s) skipped (see 'The following tests did not run' above)" >&2
  [ "$rc" -ne 0 ] || rc=1
fi
exit "$rc"
