#!/usr/bin/python3
"""Raster files written by PIL (python3-pil), with PIL's own decoding as the reference, for
tests/test_imaging_codecs.cpp.

Usage: pil_images.py OUT_DIR
Writes OUT_DIR/<name>.<ext> and OUT_DIR/<name>.f32 (float32, [height, width, channels]): grey
modes (1, L, LA, I;16) as one channel of the grey band, every other mode as convert('RGB'), which
is what LLaVA's loader feeds the model. Lists the names, one "name ext channels" line each, in
OUT_DIR/list.txt. Exit status 2 when PIL or numpy is missing.
"""
import os
import sys

try:
    import numpy as np
    from PIL import Image
except ImportError as e:
    print(f"pil_images.py: {e}: install python3-pil and python3-numpy", file=sys.stderr)
    sys.exit(2)

out = sys.argv[1]
rng = np.random.default_rng(7)
W, H = 45, 29
yy, xx = np.mgrid[0:H, 0:W]
smooth = ((np.sin(xx * 0.21) + np.cos(yy * 0.17)) * 60 + 128).astype(np.uint8)
rgb = np.stack([smooth, np.roll(smooth, 7, axis=1), 255 - smooth], axis=-1)


def grey_reference(im):
    if im.mode in ("1", "L", "P"):
        return np.asarray(im.convert("L"), dtype=np.float32)
    if im.mode == "LA":
        return np.asarray(im.getchannel("L"), dtype=np.float32)
    return np.asarray(im, dtype=np.float32)  # I;16 and I


cases = []
def add(name, ext, image, grey, **save):
    path = os.path.join(out, f"{name}.{ext}")
    image.save(path, **save)
    back = Image.open(path)
    ref = grey_reference(back)[..., None] if grey else np.asarray(back.convert("RGB"), dtype=np.float32)
    ref.astype(np.float32).tofile(os.path.join(out, f"{name}.f32"))
    cases.append(f"{name} {ext} {1 if grey else 3}")


add("rgb8", "png", Image.fromarray(rgb, "RGB"), False)
add("rgb8_interlaced", "png", Image.fromarray(rgb, "RGB"), False, interlace=1)
add("rgba8", "png", Image.fromarray(np.dstack([rgb, smooth]), "RGBA"), False)
add("grey8", "png", Image.fromarray(smooth, "L"), True)
add("grey_alpha", "png", Image.fromarray(np.dstack([smooth, 255 - smooth]), "LA"), True)
add("grey1", "png", Image.fromarray(smooth > 128).convert("1"), True)
add("grey4", "png", Image.fromarray(smooth, "L"), True, bits=4)
grey16 = (smooth.astype(np.uint16) * 257 + rng.integers(0, 200, size=smooth.shape)).astype(np.uint16)
add("grey16", "png", Image.fromarray(grey16, "I;16"), True)
palette = Image.fromarray(rgb, "RGB").quantize(colors=16)
add("palette", "png", palette, False)
add("palette_transparent", "png", palette, False, transparency=3)
add("jpeg_q90", "jpg", Image.fromarray(rgb, "RGB"), False, quality=90)
add("jpeg_444", "jpg", Image.fromarray(rgb, "RGB"), False, quality=80, subsampling=0)
add("jpeg_progressive", "jpg", Image.fromarray(rgb, "RGB"), False, quality=85, progressive=True)
add("jpeg_grey", "jpg", Image.fromarray(smooth, "L"), True, quality=90)
add("jpeg_cmyk", "jpg", Image.fromarray(rgb, "RGB").convert("CMYK"), False, quality=95)
with open(os.path.join(out, "list.txt"), "w") as f:
    f.write("\n".join(cases) + "\n")
print(f"wrote {len(cases)} images")
