#!/bin/sh
# Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/ (committed; the
# replay tests of the normal build run over them): the JSON and text inputs of the project's own
# tests (raw string literals and QTest rows of tests/*.cpp), files in the layouts the project's
# writers produce, and images and DICOM files made the way the imaging tests make theirs (DCMTK's
# img2dcm / dcmcjpeg / dcmcjpls / dcmcrle, pydicom and Pillow). Rerunning rewrites
# the same files (but for the new UIDs and dates DCMTK writes into the lossy JPEG ones). Inputs of
# past findings live in corpus/<target>/regression-* and are kept.
# Needs: /usr/bin/python3 with python3-pydicom, python3-numpy, python3-pil; dcmtk.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
corpus=$here/corpus
py=/usr/bin/python3
for tool in img2dcm dcmcjpeg dcmcjpls dcmcrle; do
  command -v $tool >/dev/null || { echo "make_seeds.sh: $tool (dcmtk) is missing" >&2; exit 2; }
done
mkdir -p "$corpus"
for t in safetensors dicom benchmark dataset judge_reply pair_import server_request; do
  mkdir -p "$corpus/$t"
  find "$corpus/$t" -maxdepth 1 -type f -name 'seed-*' -delete
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" "$here/make_seeds.py" "$repo" "$corpus" "$work"

# DICOM files through DCMTK's own encoders, from the uncompressed seeds the script wrote.
d=$corpus/dicom
for src in seed-mono8-explicit.dcm seed-rgb8-explicit.dcm seed-ct16-explicit.dcm; do
  base=${src%-explicit.dcm}
  case $base in  # baseline JPEG is 8-bit only; 12-bit data takes the extended process
    *16*) dcmcjpeg --encode-extended "$d/$src" "$d/$base-jpeg-extended.dcm" ;;
    *) dcmcjpeg --encode-baseline "$d/$src" "$d/$base-jpeg-baseline.dcm" ;;
  esac
  dcmcjpeg --encode-lossless-sv1 "$d/$src" "$d/$base-jpeg-lossless.dcm"
  dcmcjpls --encode-lossless "$d/$src" "$d/$base-jpegls.dcm"
  dcmcrle "$d/$src" "$d/$base-rle.dcm"
done
# img2dcm from a JPEG (as test_dicom_loader does), kept encapsulated.
img2dcm -i JPEG "$work/rgb.jpg" "$d/seed-img2dcm-jpeg.dcm"
for t in safetensors dicom benchmark dataset judge_reply pair_import server_request; do
  n=$(find "$corpus/$t" -type f | wc -l)
  s=$(du -sk "$corpus/$t" | cut -f1)
  echo "$t: $n files, ${s} KiB"
done
