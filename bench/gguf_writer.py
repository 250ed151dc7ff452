#!/usr/bin/python3
"""Writes the decoder of a model folder (config.json + model.safetensors, as bench_model --save
writes it) as a GGUF file for llama.cpp's "llama" architecture, in F32, Q8_0 or Q4_0, following the
GGUF specification (ggml/docs/gguf.md) and llama.cpp's own converter (convert_hf_to_gguf.py: the q
and k projections permuted from rotate_half to llama.cpp's interleaved RoPE; tensor names blk.N.*).
The vocabulary is placeholder pieces (<unk>, <s>, </s>, the 256 byte pieces, then "▁tN"): the
benchmark feeds token ids directly, so no text is ever tokenised.
Quantisation as ggml's reference quantize_row_q8_0 / quantize_row_q4_0: blocks of 32 weights along a
row with one float16 scale; matrices whose rows are not a multiple of 32 stay F32 (llama.cpp's
quantiser falls back the same way).
  /usr/bin/python3 bench/gguf_writer.py MODEL_DIR OUT.gguf [--type f32|q8_0|q4_0]
"""
import argparse
import json
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_file import read_safetensors  # noqa: E402

ALIGN = 32
# gguf metadata value types
U32, I32, F32V, BOOL, STRING, ARRAY = 4, 5, 6, 7, 8, 9
# ggml tensor types
GGML_F32, GGML_Q4_0, GGML_Q8_0 = 0, 2, 8
FILE_TYPE = {"f32": 0, "q4_0": 2, "q8_0": 7}  # llama_ftype: ALL_F32, MOSTLY_Q4_0, MOSTLY_Q8_0


def gguf_string(s):
    b = s.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def kv(key, vtype, value):
    out = gguf_string(key) + struct.pack("<I", vtype)
    if vtype == U32:
        return out + struct.pack("<I", value)
    if vtype == F32V:
        return out + struct.pack("<f", value)
    if vtype == BOOL:
        return out + struct.pack("<?", value)
    if vtype == STRING:
        return out + gguf_string(value)
    raise ValueError(vtype)


def kv_array(key, etype, values):
    out = gguf_string(key) + struct.pack("<IIQ", ARRAY, etype, len(values))
    if etype == STRING:
        return out + b"".join(gguf_string(v) for v in values)
    if etype == F32V:
        return out + np.asarray(values, dtype="<f4").tobytes()
    if etype == I32:
        return out + np.asarray(values, dtype="<i4").tobytes()
    raise ValueError(etype)


def quantize_q8_0(w):
    """ggml quantize_row_q8_0_ref: d = amax / 127, q = round(x / d)."""
    x = w.reshape(-1, 32).astype(np.float32)
    amax = np.abs(x).max(axis=1)
    d = amax / 127.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.clip(np.trunc(x * inv[:, None] + np.copysign(0.5, x)), -128, 127).astype(np.int8)  # roundf
    blocks = np.zeros(x.shape[0], dtype=[("d", "<f2"), ("qs", "i1", 32)])
    blocks["d"] = d.astype(np.float16)
    blocks["qs"] = q
    return blocks.tobytes()


def quantize_q4_0(w):
    """ggml quantize_row_q4_0_ref: d = (the signed value of largest magnitude) / -8,
    q = min(15, (int8)(x / d + 8.5)), two 4-bit values a byte (j and j + 16)."""
    x = w.reshape(-1, 32).astype(np.float32)
    idx = np.abs(x).argmax(axis=1)
    mx = x[np.arange(x.shape[0]), idx]
    d = mx / -8.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.minimum(15, np.trunc(x * inv[:, None] + 8.5)).astype(np.uint8)
    packed = (q[:, :16] | (q[:, 16:] << 4)).astype(np.uint8)
    blocks = np.zeros(x.shape[0], dtype=[("d", "<f2"), ("qs", "u1", 16)])
    blocks["d"] = d.astype(np.float16)
    blocks["qs"] = packed
    return blocks.tobytes()


def permute(w, n_head):
    """convert_hf_to_gguf.py LlamaModel.permute: rotate_half halves -> interleaved pairs."""
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def vocab(n):
    if n < 259:
        raise SystemExit(f"vocabulary of {n} is too small for llama.cpp's SPM vocabulary (3 specials + 256 bytes)")
    tokens = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)] + [f"\u2581t{i}" for i in range(259, n)]
    types = [2, 3, 3] + [6] * 256 + [1] * (n - 259)  # UNKNOWN, CONTROL, BYTE, NORMAL
    scores = [0.0] * n
    return tokens, scores, types


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("out")
    ap.add_argument("--type", choices=["f32", "q8_0", "q4_0"], default="f32")
    a = ap.parse_args()
    cfg_path = os.path.join(a.model_dir, "config.json")
    try:
        with open(cfg_path) as f:
            c = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit(f"{cfg_path}: {e}")
    w = read_safetensors(os.path.join(a.model_dir, "model.safetensors"))
    L, H, nh = c["num_hidden_layers"], c["hidden_size"], c["num_attention_heads"]
    nkv = c.get("num_key_value_heads", nh)
    V = c["vocab_size"]
    names = [("token_embd.weight", w["model.embed_tokens.weight"]), ("output_norm.weight", w["model.norm.weight"]),
             ("output.weight", w.get("lm_head.weight", w["model.embed_tokens.weight"]))]
    for i in range(L):
        p = f"model.layers.{i}."
        names += [(f"blk.{i}.attn_norm.weight", w[p + "input_layernorm.weight"]),
                  (f"blk.{i}.attn_q.weight", permute(w[p + "self_attn.q_proj.weight"], nh)),
                  (f"blk.{i}.attn_k.weight", permute(w[p + "self_attn.k_proj.weight"], nkv)),
                  (f"blk.{i}.attn_v.weight", w[p + "self_attn.v_proj.weight"]),
                  (f"blk.{i}.attn_output.weight", w[p + "self_attn.o_proj.weight"]),
                  (f"blk.{i}.ffn_norm.weight", w[p + "post_attention_layernorm.weight"]),
                  (f"blk.{i}.ffn_gate.weight", w[p + "mlp.gate_proj.weight"]),
                  (f"blk.{i}.ffn_up.weight", w[p + "mlp.up_proj.weight"]),
                  (f"blk.{i}.ffn_down.weight", w[p + "mlp.down_proj.weight"])]
    tokens, scores, types = vocab(V)
    meta = [kv("general.architecture", STRING, "llama"), kv("general.name", STRING, "stllava-bench"),
            kv("general.alignment", U32, ALIGN), kv("general.file_type", U32, FILE_TYPE[a.type]),
            kv("llama.context_length", U32, int(c.get("max_position_embeddings", 4096))),
            kv("llama.embedding_length", U32, H), kv("llama.block_count", U32, L),
            kv("llama.feed_forward_length", U32, c["intermediate_size"]),
            kv("llama.attention.head_count", U32, nh), kv("llama.attention.head_count_kv", U32, nkv),
            kv("llama.attention.layer_norm_rms_epsilon", F32V, float(c.get("rms_norm_eps", 1e-5))),
            kv("llama.rope.freq_base", F32V, float(c.get("rope_theta", 10000.0))),
            kv("llama.rope.dimension_count", U32, H // nh), kv("llama.vocab_size", U32, V),
            kv("tokenizer.ggml.model", STRING, "llama"), kv_array("tokenizer.ggml.tokens", STRING, tokens),
            kv_array("tokenizer.ggml.scores", F32V, scores), kv_array("tokenizer.ggml.token_type", I32, types),
            kv("tokenizer.ggml.bos_token_id", U32, 1), kv("tokenizer.ggml.eos_token_id", U32, 2),
            kv("tokenizer.ggml.unknown_token_id", U32, 0), kv("tokenizer.ggml.add_bos_token", BOOL, False),
            kv("tokenizer.ggml.add_eos_token", BOOL, False)]
    # Sizes first (the header holds every offset), then the data streamed tensor by tensor.
    plan, infos, offset, kept_f32 = [], [], 0, 0
    block_bytes = {"q8_0": 34, "q4_0": 18}
    for name, t in names:
        ne = list(reversed(t.shape))  # ggml: ne[0] is the row length
        if a.type != "f32" and t.ndim == 2 and t.shape[1] % 32 == 0:
            gtype, size = (GGML_Q8_0 if a.type == "q8_0" else GGML_Q4_0), t.size // 32 * block_bytes[a.type]
        else:
            gtype, size = GGML_F32, t.size * 4
            kept_f32 += int(t.ndim == 2)
        infos.append(gguf_string(name) + struct.pack("<I", len(ne)) + struct.pack(f"<{len(ne)}Q", *ne)
                     + struct.pack("<IQ", gtype, offset))
        plan.append((t, gtype, size))
        offset += size + (-size) % ALIGN
    head = b"GGUF" + struct.pack("<IQQ", 3, len(names), len(meta)) + b"".join(meta) + b"".join(infos)
    head += b"\0" * ((-len(head)) % ALIGN)
    tmp = a.out + ".part"
    with open(tmp, "wb") as f:
        f.write(head)
        for t, gtype, size in plan:
            t = np.ascontiguousarray(t, dtype=np.float32)
            data = {GGML_F32: lambda x: x.astype("<f4").tobytes(), GGML_Q8_0: quantize_q8_0, GGML_Q4_0: quantize_q4_0}[gtype](t)
            assert len(data) == size, (len(data), size)
            f.write(data + b"\0" * ((-size) % ALIGN))
    os.replace(tmp, a.out)  # atomic: a half-written file never carries the final name
    print(json.dumps({"gguf": a.out, "type": a.type, "tensors": len(names), "bytes": os.path.getsize(a.out),
                      "matrices_kept_f32": kept_f32}))


if __name__ == "__main__":
    main()
