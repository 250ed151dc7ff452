#!/usr/bin/env bash
# Screenshots of stllava-studio for the README: writes the demo world (`stllava demo world`), opens
# its first CT series in the Read workspace on the offscreen platform (no X server needed; the
# rendering is Qt's own raster engine, as on a desktop) and saves docs/screenshots/read.png, then
# the same window in each interface language: docs/screenshots/main-<code>.png (en, de, es, zh_CN;
# the Chinese one needs a CJK font: Debian fonts-noto-cjk), then, on the embedded demo (its model,
# judged self-training job and reports), the Review, Training and Reports workspaces:
# docs/screenshots/{review,training,reports}.png. The demo is the one in $STLLAVA_DEMO, else a small
# one made here (`stllava demo run --scale small`, about 3 minutes on two cores).
#   scripts/screenshots.sh [BUILD_DIR]     (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
stllava=${STLLAVA:-$build/bin/stllava}   # STLLAVA=... uses another build's command line
studio=$build/bin/stllava-studio
for exe in "$stllava" "$studio"; do
  [[ -x $exe ]] || { echo "screenshots.sh: $exe is missing: build it first (cmake --build $build --target stllava stllava-studio)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$stllava" demo world --out "$work/world" --scale small >/dev/null
study=$(ls -d "$work/world/studies"/ct-study-* 2>/dev/null | head -1)
[[ -n $study ]] || { echo "screenshots.sh: no CT study in the demo world ($work/world/studies)" >&2; exit 1; }
mkdir -p "$here/docs/screenshots"
# Settings and conversation history of this run stay in the temporary folder.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen
# The demo CT series is opened as a folder (series list with thumbnails), under the abdomen window.
"$studio" --no-restore-model --size 1440x900 --preset abdomen --screenshot "$here/docs/screenshots/read.png" \
  "$study"
echo "wrote $here/docs/screenshots/read.png"
for lang in en de es zh_CN; do
  "$studio" --no-restore-model --lang "$lang" --size 1440x900 --preset abdomen \
    --screenshot "$here/docs/screenshots/main-$lang.png" "$study"
  echo "wrote $here/docs/screenshots/main-$lang.png"
done
demo=${STLLAVA_DEMO:-}
if [[ -z $demo ]]; then
  demo=$work/demo
  echo "screenshots.sh: making a small demo in $demo (about 3 minutes)"
  "$stllava" demo run --out "$demo" --scale small >/dev/null
fi
for ws in review training reports; do
  "$studio" --no-restore-model --size 1440x900 --demo "$demo" --workspace "$ws" \
    --screenshot "$here/docs/screenshots/$ws.png"
  echo "wrote $here/docs/screenshots/$ws.png"
done
