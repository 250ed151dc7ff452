#!/usr/bin/env bash
# ctest test_deb_package: builds the Debian package with cpack from the build tree (what
# `cmake --build` already built: cpack with Ninja builds nothing itself), checks its control fields
# and file list, unpacks it with `dpkg -x` into a throwaway root and runs both programs from there.
# No LD_LIBRARY_PATH is set: the programs link only Debian's libraries, and stllava finds its
# private tokenizer library (dlopened) relative to itself, in <root>/usr/lib/.../stllava/ — the
# test checks `stllava doctor` names that copy, not the build tree's.
#   tests/packaging/test_deb_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: test_deb_package.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test_deb_package: FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" > "$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "cpack wrote no .deb into $work/out"
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == stllava-med-studio ]] || fail "Package is '$(field Package)'"
depends=$(field Depends)
for lib in libqt6widgets6 libtorch libdcmtk libsentencepiece0 libopenblas0-pthread qt6-qpa-plugins; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' > "$work/files"
for f in usr/bin/stllava usr/bin/stllava-studio usr/share/applications/stllava-studio.desktop \
         usr/share/metainfo/stllava-studio.metainfo.xml usr/share/icons/hicolor/48x48/apps/stllava-studio.png \
         usr/share/icons/hicolor/256x256/apps/stllava-studio.png usr/share/icons/hicolor/scalable/apps/stllava-studio.svg \
         usr/share/man/man1/stllava.1.gz usr/share/man/man1/stllava-studio.1.gz \
         usr/share/doc/stllava-med-studio/copyright usr/share/doc/stllava-med-studio/changelog.gz; do
  grep -qx "$f" "$work/files" || fail "the package lacks $f"
done
grep -Eq '^usr/lib/(.*/)?stllava/libstllava_spm_bridge\.so$' "$work/files" || fail "the package lacks the tokenizer bridge"

root=$work/root
dpkg -x "$deb" "$root"
unset STLLAVA_SPM_BRIDGE
for exe in stllava stllava-studio; do
  missing=$(ldd "$root/usr/bin/$exe" | grep 'not found' || true)
  [[ -z $missing ]] || fail "$exe: libraries not found: $missing"
done
version=$("$root/usr/bin/stllava-studio" --version) || fail "stllava-studio --version failed"
[[ $version == "stllava-studio "* ]] || fail "stllava-studio --version printed '$version'"
echo "$version"
"$root/usr/bin/stllava" --threads 1 doctor --quick --json --disk "$work" > "$work/doctor.json" ||
  { cat "$work/doctor.json"; fail "stllava doctor --quick failed"; }
python3 - "$work/doctor.json" "$root" <<'PY' || fail "stllava doctor did not load the packaged tokenizer library"
import json, os, sys
report = json.load(open(sys.argv[1]))
tokenizer = report.get("facts", report).get("tokenizer", {})
bridge = os.path.normpath(tokenizer.get("bridge", "").split(" (")[0])
print("doctor: tokenizer bridge", bridge or tokenizer)
sys.exit(0 if tokenizer.get("loaded") and bridge.startswith(sys.argv[2] + "/usr/lib/") else 1)
PY

# The installed GUI starts (offscreen), in German, with its icon from <root>/usr/share.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen
timeout 120 "$root/usr/bin/stllava-studio" --no-restore-model --lang de --size 800x600 \
  --screenshot "$work/de.png" > "$work/studio.log" 2>&1 || { cat "$work/studio.log"; fail "stllava-studio from the package did not start"; }
[[ -s $work/de.png ]] || fail "no screenshot from the packaged stllava-studio"

if command -v desktop-file-validate > /dev/null; then
  desktop-file-validate "$root/usr/share/applications/stllava-studio.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli > /dev/null; then
  # Warnings (the component id is not reverse-DNS) are reported, errors fail.
  out=$(appstreamcli validate --no-net "$root/usr/share/metainfo/stllava-studio.metainfo.xml" 2>&1 || true)
  echo "$out"
  ! grep -q '^E:' <<< "$out" || fail "appstreamcli validate reports errors"
fi
echo "test_deb_package: OK"
