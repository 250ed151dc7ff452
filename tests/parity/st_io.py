"""Minimal safetensors reader/writer with torch + numpy only (no safetensors package)."""
import json
import struct

import numpy as np
import torch

_TO_NAME = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64", torch.int32: "I32",
            torch.float64: "F64", torch.uint8: "U8", torch.bool: "BOOL"}
_FROM_NAME = {"F32": (np.float32, torch.float32), "F16": (np.int16, torch.float16), "BF16": (np.int16, torch.bfloat16),
              "I64": (np.int64, torch.int64), "I32": (np.int32, torch.int32), "F64": (np.float64, torch.float64),
              "U8": (np.uint8, torch.uint8), "BOOL": (np.bool_, torch.bool)}


def save_safetensors(path, tensors, metadata=None):
    """8-byte LE header length, JSON header, raw LE row-major data."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        t = t.detach().to("cpu").contiguous()
        raw = t.view(torch.int16) if t.dtype in (torch.bfloat16, torch.float16) else t
        data = raw.numpy().tobytes()
        header[name] = {"dtype": _TO_NAME[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    with open(path, "rb") as f:
        buf = f.read()
    n = struct.unpack("<Q", buf[:8])[0]
    header = json.loads(buf[8:8 + n])
    data = buf[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        np_type, torch_type = _FROM_NAME[info["dtype"]]
        b, e = info["data_offsets"]
        arr = np.frombuffer(data[b:e], dtype=np_type).reshape(info["shape"]).copy()
        t = torch.from_numpy(arr)
        out[name] = t.view(torch_type) if torch_type in (torch.float16, torch.bfloat16) else t
    return out
