#!/usr/bin/python3
"""Reference for bench_imaging: the same work in Python with Debian's pydicom + numpy (+ PIL for the
LLaVA/CLIP resize, as the reference implementation does it). Usage: imaging_reference.py FOLDER
Prints one JSON line: {"images": N, "seconds": s, "images_per_s": r, ...}."""
import glob
import json
import os
import sys
import time

import numpy as np
import pydicom
from PIL import Image

MEAN = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
STD = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)


def window_linear(x, c, w):
    # DICOM PS3.3 C.11.2.1.2.1 linear function to 0..255
    y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255.0
    y = np.where(x <= c - 0.5 - (w - 1) / 2, 0.0, np.where(x > c - 0.5 + (w - 1) / 2, 255.0, y))
    return np.rint(y).astype(np.uint8)


def expand2square(img, bg):
    w, h = img.size
    if w == h:
        return img
    side = max(w, h)
    out = Image.new(img.mode, (side, side), bg)
    out.paste(img, ((side - w) // 2, (side - h) // 2))
    return out


def main():
    files = sorted(glob.glob(os.path.join(sys.argv[1], "*.dcm")))
    t_dec = t_win = t_pre = 0.0
    checksum = 0.0
    start = time.perf_counter()
    for f in files:
        t0 = time.perf_counter()
        ds = pydicom.dcmread(f)
        hu = ds.pixel_array.astype(np.float32) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
        t1 = time.perf_counter()
        c = float(ds.WindowCenter[0] if ds["WindowCenter"].VM > 1 else ds.WindowCenter)
        w = float(ds.WindowWidth[0] if ds["WindowWidth"].VM > 1 else ds.WindowWidth)
        grey = window_linear(hu, c, w)
        t2 = time.perf_counter()
        img = expand2square(Image.fromarray(grey).convert("RGB"), tuple(int(x * 255) for x in MEAN))
        img = img.resize((336, 336), resample=Image.BICUBIC)
        x = (np.asarray(img, dtype=np.float32) / 255.0 - MEAN) / STD
        x = np.ascontiguousarray(x.transpose(2, 0, 1))  # [3, 336, 336]
        t3 = time.perf_counter()
        checksum += float(x[0, 168, 168])
        t_dec += t1 - t0
        t_win += t2 - t1
        t_pre += t3 - t2
    seconds = time.perf_counter() - start
    n = len(files)
    print(json.dumps({"implementation": "python3 pydicom+numpy+PIL", "images": n, "seconds": round(seconds, 4),
                      "images_per_s": round(n / seconds, 2) if seconds > 0 else 0,
                      "ms_decode": round(1000 * t_dec / max(n, 1), 3), "ms_window": round(1000 * t_win / max(n, 1), 3),
                      "ms_preprocess": round(1000 * t_pre / max(n, 1), 3), "checksum": round(checksum, 4),
                      "pydicom": pydicom.__version__, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
