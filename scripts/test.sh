#!/usr/bin/env bash
# Sets up (scripts/setup.sh), builds and runs every test with ctest; prints ctest's summary line.
# Then the sanitizer suite and a short fuzz pass (scripts/sanitize.sh -f: the core suites under
# ASan + UBSan and each libFuzzer target for STLLAVA_FUZZ_SECONDS, default 60, in BUILD_DIR-asan-fuzz).
#   scripts/test.sh [BUILD_DIR] [extra ctest args...]
# STLLAVA_SANITIZE_SUITE=0 leaves the sanitizer suite out (CI always runs it).
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
if [ "${STLLAVA_SANITIZE_SUITE:-1}" != 0 ]; then
  "$here/scripts/sanitize.sh" -b "$build-asan-fuzz" -f "${STLLAVA_FUZZ_SECONDS:-60}" -j "${STLLAVA_TEST_JOBS:-2}" || rc=1
fi
exit "$rc"
