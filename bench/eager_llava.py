#!/usr/bin/python3
"""Eager-PyTorch anchor for bench_model: LLaVA (CLIP tower -> mlp2x_gelu projector -> Llama decoder)
written the way transformers computes it (LlamaRMSNorm, rotate_half RoPE, repeat_kv, eager attention
with a float32 softmax, a DynamicCache that torch.cat's each step's keys/values, logits of the last
position only while generating, left padding with position ids from the attention mask), on
Debian's python3-torch. It loads the model folder bench_model --save wrote (config.json,
model.safetensors) and first checks its logits against ours (reference.json + reference.f32):
prefill, each cached greedy step, the image prompt. Only when they agree does it time prefill,
decode at batch 1 and 16 and the time to first token with an image, like bench_model does.
Prints one JSON object.
  /usr/bin/python3 bench/eager_llava.py MODEL_DIR [--threads 2] [--prompt-tokens 512] [--new-tokens 32]
      [--new-tokens-16 16] [--tol 1e-3]
"""
import argparse
import json
import math
import os
import resource
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_file import read_safetensors  # noqa: E402

IMAGE_TOKEN = -200


def load_safetensors(path):
    """The tensors of a safetensors file as float32 torch tensors, in memory as transformers has them."""
    return {k: torch.from_numpy(v) for k, v in read_safetensors(path).items()}


def rms_norm(x, w, eps):  # transformers' LlamaRMSNorm
    dtype = x.dtype
    x = x.to(torch.float32)
    var = x.pow(2).mean(-1, keepdim=True)
    return w * (x * torch.rsqrt(var + eps)).to(dtype)


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def repeat_kv(x, n):
    if n == 1:
        return x
    b, h, t, d = x.shape
    return x[:, :, None, :, :].expand(b, h, n, t, d).reshape(b, h * n, t, d)


class EagerLlava:
    def __init__(self, folder):
        with open(os.path.join(folder, "config.json")) as f:
            self.cfg = json.load(f)
        self.w = load_safetensors(os.path.join(folder, "model.safetensors"))
        c = self.cfg
        self.L = c["num_hidden_layers"]
        self.H = c["hidden_size"]
        self.nh = c["num_attention_heads"]
        self.nkv = c.get("num_key_value_heads", self.nh)
        self.hd = self.H // self.nh
        self.eps = c.get("rms_norm_eps", 1e-5)
        base = c.get("rope_theta", 10000.0)
        self.inv_freq = 1.0 / (base ** (torch.arange(0, self.hd, 2, dtype=torch.int64).float() / self.hd))
        self.lm_head = self.w.get("lm_head.weight", self.w["model.embed_tokens.weight"])
        self.vision = c.get("vision_config")
        self.select_layer = c.get("mm_vision_select_layer", -2)

    # --- vision: transformers' CLIPVisionTransformer, LLaVA's feature select, mlp2x_gelu ---
    def encode_images(self, pixels):
        v, w = self.vision, self.w
        p = "model.vision_tower.vision_tower.vision_model."
        x = F.conv2d(pixels, w[p + "embeddings.patch_embedding.weight"], stride=v["patch_size"])
        x = x.flatten(2).transpose(1, 2)
        cls = w[p + "embeddings.class_embedding"].expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], 1) + w[p + "embeddings.position_embedding.weight"][None, : x.shape[1] + 1]
        eps = v.get("layer_norm_eps", 1e-5)
        x = F.layer_norm(x, (x.shape[-1],), w[p + "pre_layrnorm.weight"], w[p + "pre_layrnorm.bias"], eps)
        states = [x]
        heads = v["num_attention_heads"]
        for i in range(v["num_hidden_layers"]):
            q = p + f"encoder.layers.{i}."
            r = x
            x = F.layer_norm(x, (x.shape[-1],), w[q + "layer_norm1.weight"], w[q + "layer_norm1.bias"], eps)
            B, T, C = x.shape
            d = C // heads
            qs = (F.linear(x, w[q + "self_attn.q_proj.weight"], w[q + "self_attn.q_proj.bias"]) * d ** -0.5)
            ks = F.linear(x, w[q + "self_attn.k_proj.weight"], w[q + "self_attn.k_proj.bias"])
            vs = F.linear(x, w[q + "self_attn.v_proj.weight"], w[q + "self_attn.v_proj.bias"])
            qs, ks, vs = (t.view(B, T, heads, d).transpose(1, 2) for t in (qs, ks, vs))
            att = torch.softmax(qs @ ks.transpose(-1, -2), dim=-1) @ vs
            att = att.transpose(1, 2).reshape(B, T, C)
            x = r + F.linear(att, w[q + "self_attn.out_proj.weight"], w[q + "self_attn.out_proj.bias"])
            r = x
            x = F.layer_norm(x, (C,), w[q + "layer_norm2.weight"], w[q + "layer_norm2.bias"], eps)
            x = F.linear(x, w[q + "mlp.fc1.weight"], w[q + "mlp.fc1.bias"])
            x = x * torch.sigmoid(1.702 * x) if v.get("hidden_act", "quick_gelu") == "quick_gelu" else F.gelu(x)
            x = r + F.linear(x, w[q + "mlp.fc2.weight"], w[q + "mlp.fc2.bias"])
            states.append(x)
        feats = states[self.select_layer]
        if self.cfg.get("mm_vision_select_feature", "patch") == "patch":
            feats = feats[:, 1:]
        h = F.linear(feats, w["model.mm_projector.0.weight"], w["model.mm_projector.0.bias"])
        return F.linear(F.gelu(h), w["model.mm_projector.2.weight"], w["model.mm_projector.2.bias"])

    def embed(self, ids, pixels=None):
        """LLaVA's prepare_inputs_labels_for_multimodal for one row: image markers -> features."""
        E = self.w["model.embed_tokens.weight"]
        if IMAGE_TOKEN not in ids:
            return E[torch.tensor(ids)][None]
        feats = self.encode_images(pixels)
        parts, k, start = [], 0, 0
        for i, t in enumerate(ids + [None]):
            if t is None or t == IMAGE_TOKEN:
                if i > start:
                    parts.append(E[torch.tensor(ids[start:i])])
                if t is not None:
                    parts.append(feats[k])
                    k += 1
                start = i + 1
        return torch.cat(parts, 0)[None]

    # --- decoder: transformers' LlamaModel with a DynamicCache ---
    def forward(self, x, position_ids, mask, cache):
        """x [B, T, H]; position_ids [B, T]; mask [B, 1, T, S] additive; cache: list of (k, v) or
        empty list to fill. Returns the final-norm hidden states."""
        freqs = position_ids[:, :, None].float() * self.inv_freq[None, None, :]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos()[:, None], emb.sin()[:, None]
        B, T, _ = x.shape
        w = self.w
        for i in range(self.L):
            p = f"model.layers.{i}."
            r = x
            h = rms_norm(x, w[p + "input_layernorm.weight"], self.eps)
            q = F.linear(h, w[p + "self_attn.q_proj.weight"]).view(B, T, self.nh, self.hd).transpose(1, 2)
            k = F.linear(h, w[p + "self_attn.k_proj.weight"]).view(B, T, self.nkv, self.hd).transpose(1, 2)
            v = F.linear(h, w[p + "self_attn.v_proj.weight"]).view(B, T, self.nkv, self.hd).transpose(1, 2)
            q = q * cos + rotate_half(q) * sin
            k = k * cos + rotate_half(k) * sin
            if len(cache) > i:  # DynamicCache.update
                k = torch.cat([cache[i][0], k], dim=-2)
                v = torch.cat([cache[i][1], v], dim=-2)
                cache[i] = (k, v)
            else:
                cache.append((k, v))
            k = repeat_kv(k, self.nh // self.nkv)
            v = repeat_kv(v, self.nh // self.nkv)
            att = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(self.hd) + mask
            att = torch.softmax(att, dim=-1, dtype=torch.float32).to(q.dtype)
            o = torch.matmul(att, v).transpose(1, 2).reshape(B, T, self.H)
            x = r + F.linear(o, w[p + "self_attn.o_proj.weight"])
            r = x
            h = rms_norm(x, w[p + "post_attention_layernorm.weight"], self.eps)
            x = r + F.linear(F.silu(F.linear(h, w[p + "mlp.gate_proj.weight"])) * F.linear(h, w[p + "mlp.up_proj.weight"]),
                             w[p + "mlp.down_proj.weight"])
        return rms_norm(x, w["model.norm.weight"], self.eps)

    def logits(self, h):
        return F.linear(h, self.lm_head)

    @staticmethod
    def mask_for(attn, T):
        """Additive [B, 1, T, S] mask: causal over the last T positions plus the padding of attn [B, S]."""
        B, S = attn.shape
        causal = torch.full((T, S), torch.finfo(torch.float32).min).triu(S - T + 1)
        pad = (1.0 - attn[:, None, None, :].float()) * torch.finfo(torch.float32).min
        return (causal[None, None] + pad).clamp(min=torch.finfo(torch.float32).min)

    def generate(self, embeds, attn, new_tokens, on_token=None):
        """Greedy generation from left-padded embeddings [B, T, H] with attn [B, T]."""
        cache = []
        pos = (attn.cumsum(-1) - 1).clamp(min=0)
        h = self.forward(embeds, pos, self.mask_for(attn, embeds.shape[1]), cache)
        tok = self.logits(h[:, -1:]).argmax(-1)  # [B, 1]
        out = [tok]
        if on_token:
            on_token()
        E = self.w["model.embed_tokens.weight"]
        for _ in range(new_tokens - 1):
            attn = torch.cat([attn, torch.ones_like(attn[:, :1])], 1)
            pos = pos[:, -1:] + 1
            h = self.forward(E[tok], pos, self.mask_for(attn, 1), cache)
            tok = self.logits(h[:, -1:]).argmax(-1)
            out.append(tok)
        return torch.cat(out, 1)


def check(model, folder, tol):
    with open(os.path.join(folder, "reference.json")) as f:
        ref = json.load(f)
    V = ref["vocab_size"]
    rows = np.fromfile(os.path.join(folder, "reference.f32"), dtype=np.float32).reshape(-1, V)
    rows = torch.from_numpy(rows)
    a, b = ref["logit_rows"]["text_steps"]
    ids = ref["prompt_ids"]
    diffs = []
    cache = []
    T = len(ids)
    attn = torch.ones(1, T, dtype=torch.int64)
    h = model.forward(model.embed(ids), torch.arange(T)[None], model.mask_for(attn, T), cache)
    lg = model.logits(h[0, -1])
    greedy = []
    E = model.w["model.embed_tokens.weight"]
    for s in range(b - a):  # teacher-forced with our tokens, so each row compares like with like
        diffs.append((lg - rows[a + s]).abs().max().item())
        greedy.append(int(lg.argmax()))
        tok = ref["greedy_tokens"][s]
        attn = torch.ones(1, T + s + 1, dtype=torch.int64)
        h = model.forward(E[torch.tensor([[tok]])], torch.tensor([[T + s]]), model.mask_for(attn, 1), cache)
        lg = model.logits(h[0, -1])
    result = {"text_max_abs_diff": max(diffs), "greedy_tokens_equal": sum(int(x == y) for x, y in zip(greedy, ref["greedy_tokens"])),
              "greedy_tokens_total": len(greedy), "reference_max_abs": rows.abs().max().item(), "tolerance": tol}
    if "image_last" in ref["logit_rows"]:
        S = ref["image_size"]
        pixels = torch.arange(3 * S * S, dtype=torch.float64).mul(0.001).sin().float().reshape(1, 3, S, S)
        e = model.embed(ref["image_prompt_ids"], pixels)
        Ti = e.shape[1]
        h = model.forward(e, torch.arange(Ti)[None], model.mask_for(torch.ones(1, Ti, dtype=torch.int64), Ti), [])
        result["image_max_abs_diff"] = (model.logits(h[0, -1]) - rows[ref["logit_rows"]["image_last"][0]]).abs().max().item()
    worst = max(result["text_max_abs_diff"], result.get("image_max_abs_diff", 0.0))
    result["pass"] = worst <= tol and result["greedy_tokens_equal"] == result["greedy_tokens_total"]
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--prompt-tokens", type=int, default=512)
    ap.add_argument("--new-tokens", type=int, default=32)
    ap.add_argument("--new-tokens-16", type=int, default=16)
    ap.add_argument("--tol", type=float, default=1e-3)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    out = {"impl": "eager PyTorch (transformers' Llama/LLaVA computation)", "torch": torch.__version__,
           "threads": torch.get_num_threads()}
    with torch.no_grad():
        t0 = time.perf_counter()
        model = EagerLlava(a.model_dir)
        out["load_s"] = time.perf_counter() - t0
        out["parity"] = check(model, a.model_dir, a.tol)
        if not out["parity"]["pass"]:
            out["error"] = "logits differ from ours beyond the tolerance: not timed"
            print(json.dumps(out))
            return 1
        V = model.lm_head.shape[0]
        # Prefill: P tokens onto an empty cache, last position's logits (best of 2).
        P = a.prompt_tokens
        ids = torch.randint(3, V, (P,)).tolist()
        best = 1e30
        for _ in range(2):
            t0 = time.perf_counter()
            attn = torch.ones(1, P, dtype=torch.int64)
            h = model.forward(model.embed(ids), torch.arange(P)[None], model.mask_for(attn, P), [])
            model.logits(h[:, -1:]).argmax(-1)
            best = min(best, time.perf_counter() - t0)
        out["prefill_tokens"] = P
        out["prefill_tokens_per_s"] = P / best

        def decode_rate(batch, new_tokens):
            rows = [torch.randint(3, V, (32 + i,)).tolist() for i in range(batch)]
            T = max(len(r) for r in rows)
            E = model.w["model.embed_tokens.weight"]
            embeds = torch.zeros(batch, T, model.H)
            attn = torch.zeros(batch, T, dtype=torch.int64)
            for i, r in enumerate(rows):  # left padding, as transformers' generate wants it
                embeds[i, T - len(r):] = E[torch.tensor(r)]
                attn[i, T - len(r):] = 1
            marks = []
            model.generate(embeds, attn, new_tokens, on_token=lambda: marks.append(time.perf_counter()))
            t_end = time.perf_counter()
            return batch * (new_tokens - 1) / (t_end - marks[0])

        decode_rate(1, 4)  # warm-up
        decode_rate(16, 2)
        out["decode_prompt_tokens"] = 32
        out["decode_tokens_per_s_batch1"] = decode_rate(1, a.new_tokens)
        out["decode_tokens_per_s_batch16"] = decode_rate(16, a.new_tokens_16)
        out["new_tokens_batch1"] = a.new_tokens
        out["new_tokens_batch16"] = a.new_tokens_16
        if model.vision:
            S = model.vision["image_size"]
            best = 1e30
            for _ in range(2):
                ids = torch.randint(3, V, (32,)).tolist()
                ids[1] = IMAGE_TOKEN
                pixels = torch.randn(1, 3, S, S)
                t0 = time.perf_counter()
                e = model.embed(ids, pixels)
                model.generate(e, torch.ones(1, e.shape[1], dtype=torch.int64), 1)
                best = min(best, time.perf_counter() - t0)
            out["ttft_one_image_s"] = best
    out["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
