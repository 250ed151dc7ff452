#!/usr/bin/env bash
# Sets up (scripts/setup.sh), builds and runs every test with ctest; prints ctest's summary line.
#   scripts/test.sh [BUILD_DIR] [extra ctest args...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
shift || true
"$here/scripts/setup.sh" "$build"
cd "$build"
ctest --output-on-failure --timeout 900 -j "${STLLAVA_TEST_JOBS:-2}" "$@"
