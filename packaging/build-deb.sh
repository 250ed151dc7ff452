#!/usr/bin/env bash
# Builds the Debian package on a clean clone: configures (Release, Ninja) if needed, builds the
# package's targets (the two programs, the tokenizer library, icons, manual pages), runs cpack and
# lintian. The .deb lands in BUILD_DIR (stllava-med-studio_<version>_amd64.deb).
#   packaging/build-deb.sh [BUILD_DIR]        default BUILD_DIR=build
# Packages it needs (scripts/setup.sh installs them): dpkg-dev, librsvg2-bin, lintian.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}
export CCACHE_BASEDIR="$here"
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"
[[ -f $build/CMakeCache.txt ]] ||
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release ${STLLAVA_CMAKE_ARGS:-} > /dev/null
cmake --build "$build" -j "${STLLAVA_JOBS:-$(nproc)}" --target stllava stllava-studio stllava_spm_bridge stllava_package_files
(cd "$build" && cpack -G DEB)
deb=$(ls -t "$build"/stllava-med-studio_*.deb | head -1)
echo "build-deb.sh: $deb ($(du -h "$deb" | cut -f1))"
if command -v lintian > /dev/null; then
  lintian --info "$deb" || true   # packaging/README.md lists what it still reports and why
fi
