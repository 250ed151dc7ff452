"""Reads a safetensors file into numpy arrays (float32), without the safetensors package: an 8-byte
little-endian header length, a JSON header (name -> dtype, shape, data_offsets), the raw data.
Used by the benchmark anchors (eager_llava.py, gguf_writer.py)."""
import json
import struct

import numpy as np


def read_safetensors(path):
    """{name: float32 numpy array} for every tensor of `path` (F32, F16 or BF16)."""
    try:
        with open(path, "rb") as f:
            (n,) = struct.unpack("<Q", f.read(8))
            header = json.loads(f.read(n))
    except (OSError, struct.error, ValueError) as e:
        raise SystemExit(f"{path}: not a readable safetensors file ({e})")
    base = 8 + n
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        chunk = raw[base + a:base + b]
        kind = info["dtype"]
        if kind == "F32":
            arr = np.frombuffer(chunk, dtype="<f4").copy()
        elif kind == "F16":
            arr = np.frombuffer(chunk, dtype="<f2").astype(np.float32)
        elif kind == "BF16":
            arr = (np.frombuffer(chunk, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            raise SystemExit(f"{path}: tensor {name} has dtype {kind} (F32, F16 or BF16 expected)")
        out[name] = arr.reshape(info["shape"])
    return out
