#!/usr/bin/python3
"""Reference pixels for tests/test_dicom_pydicom.cpp, computed by pydicom (numpy + Pillow handlers).

Usage: pydicom_pixels.py FOLDER OUT_DIR
For every file under FOLDER that pydicom reads and decodes, writes OUT_DIR/<n>.f32 (all frames,
float32, [frames, rows, columns, channels]) in the convention of stllava's ImageData:
monochrome values after the modality LUT (apply_modality_lut); colour as RGB (YBR_FULL and
YBR_FULL_422 converted with pydicom's convert_color_space; YBR_ICT/RCT JPEG 2000 frames already come
out as RGB from OpenJPEG through Pillow). One JSON line per decoded file goes to OUT_DIR/manifest.jsonl.
Exit status 2 when pydicom or numpy cannot be imported (the test must then fail, not skip).
"""
import json
import os
import sys
import warnings

try:
    import numpy as np
    import pydicom
    from pydicom.pixel_data_handlers.util import apply_modality_lut, convert_color_space
except ImportError as e:
    print(f"pydicom_pixels.py: {e}: install python3-pydicom and python3-numpy", file=sys.stderr)
    sys.exit(2)

warnings.simplefilter("ignore")
LOSSY = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91"}

folder, out_dir = sys.argv[1], sys.argv[2]
manifest = open(os.path.join(out_dir, "manifest.jsonl"), "w")
index = 0
for root, _, names in sorted(os.walk(folder)):
    for name in sorted(names):
        path = os.path.join(root, name)
        try:
            ds = pydicom.dcmread(path)
            if "PixelData" not in ds:
                continue
            arr = ds.pixel_array
        except Exception:
            continue
        frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
        spp = int(ds.get("SamplesPerPixel", 1))
        pi = str(ds.get("PhotometricInterpretation", ""))
        if frames == 1:
            arr = arr[np.newaxis, ...]
        if spp == 1:
            arr = np.stack([apply_modality_lut(f, ds) for f in arr])[..., np.newaxis]
        elif pi in ("YBR_FULL", "YBR_FULL_422"):
            arr = np.stack([convert_color_space(f, pi, "RGB") for f in arr])
        syntax = str(ds.file_meta.get("TransferSyntaxUID", "")) if hasattr(ds, "file_meta") else ""
        out = os.path.join(out_dir, f"{index}.f32")
        np.asarray(arr, dtype=np.float32).tofile(out)
        manifest.write(json.dumps({
            "file": os.path.relpath(path, folder), "values": out, "frames": frames, "rows": int(ds.Rows),
            "columns": int(ds.Columns), "channels": spp, "photometric": pi, "syntax": syntax,
            "lossy": syntax in LOSSY or str(ds.get("LossyImageCompression", "00")) == "01",
            "bits_stored": int(ds.get("BitsStored", 0))}) + "\n")
        index += 1
manifest.close()
print(f"pydicom decoded {index} files")
