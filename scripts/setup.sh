#!/usr/bin/env bash
# Installs every Debian 12 package STLLaVA-Med Studio needs (idempotent: quick when all is there),
# then configures and builds in Release.
#   scripts/setup.sh [BUILD_DIR]        default BUILD_DIR=build
# Environment: STLLAVA_CMAKE_ARGS adds configure options; STLLAVA_JOBS sets build parallelism.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/build}

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libtorch-dev libopenblas0-pthread libgloo-dev
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools libqt6sql6-sqlite
  libqt6sql6-psql postgresql
  qt6-qpa-plugins qtkeychain-qt6-dev
  libdcmtk-dev dcmtk libopenjp2-7-dev
  libopencv-dev libpng-dev libjpeg62-turbo-dev
  libsentencepiece-dev
  clang libclang-rt-14-dev llvm
  nlohmann-json3-dev libcli11-dev libcpp-httplib-dev
  python3-torch python3-numpy python3-pydicom python3-pil python3-sentencepiece
  xvfb xauth
  dpkg-dev lintian desktop-file-utils appstream librsvg2-bin fonts-noto-cjk poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all ${#packages[@]} Debian packages present"
fi

# OpenBLAS takes over libblas.so.3 when installed; say so if someone pinned the reference BLAS.
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)
case "$blas" in
  *openblas*) ;;
  *) echo "setup: WARNING: libblas.so.3 is $blas, not OpenBLAS (matrix products ~28x slower)." \
          "Fix: update-alternatives --auto libblas.so.3-x86_64-linux-gnu" >&2 ;;
esac

# ccache: share hits between clones in different folders (CI builds a fresh clone each time) and
# let it cache compilations that use the precompiled <torch/torch.h>.
export CCACHE_BASEDIR="$here"
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"

jobs=${STLLAVA_JOBS:-$(nproc)}
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release ${STLLAVA_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$jobs"
ln -sf "$build/compile_commands.json" "$here/compile_commands.json" 2>/dev/null || true
echo "setup: built in $build"
