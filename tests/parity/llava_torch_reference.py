#!/usr/bin/env python3
"""Independent PyTorch reference of a LLaVA forward pass (float64), for test_model_golden.

    llava_torch_reference.py MODEL_DIR INPUTS.safetensors OUT.safetensors

MODEL_DIR: our config.json (original layout + vision_config) and model.safetensors (original
names). INPUTS: input_ids [1, T] int64 with -200 at the one image, pixel_values [1, 3, S, S].
Writes logits [1, T', V] (float64). Written from transformers' formulas (LlamaModel, CLIPVisionModel,
LLaVA's mlp2x_gelu projector and image splicing): RMSNorm, rotate_half RoPE, repeat_kv GQA,
quick_gelu CLIP, hidden_states[-2] without CLS. Needs torch and numpy only.
"""
import json
import math
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from st_io import load_safetensors, save_safetensors  # noqa: E402


def rms_norm(x, w, eps):
    return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def llama(W, cfg, embeds):
    T = embeds.shape[1]
    H, nh, nkv = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_key_value_heads"]
    d = H // nh
    inv = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.float64) / d))
    freqs = torch.arange(T, dtype=torch.float64)[:, None] * inv[None, :]
    emb = torch.cat([freqs, freqs], -1)
    cos, sin = emb.cos(), emb.sin()  # [T, d]
    causal = torch.full((T, T), float("-inf"), dtype=torch.float64).triu(1)
    x = embeds
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms_norm(x, W[p + "input_layernorm.weight"], cfg["rms_norm_eps"])
        q = (h @ W[p + "self_attn.q_proj.weight"].T).view(1, T, nh, d).transpose(1, 2)
        k = (h @ W[p + "self_attn.k_proj.weight"].T).view(1, T, nkv, d).transpose(1, 2)
        v = (h @ W[p + "self_attn.v_proj.weight"].T).view(1, T, nkv, d).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(nh // nkv, dim=1)  # repeat_kv
        v = v.repeat_interleave(nh // nkv, dim=1)
        a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + causal, dim=-1) @ v
        x = x + a.transpose(1, 2).reshape(1, T, H) @ W[p + "self_attn.o_proj.weight"].T
        h = rms_norm(x, W[p + "post_attention_layernorm.weight"], cfg["rms_norm_eps"])
        g = F.silu(h @ W[p + "mlp.gate_proj.weight"].T) * (h @ W[p + "mlp.up_proj.weight"].T)
        x = x + g @ W[p + "mlp.down_proj.weight"].T
    x = rms_norm(x, W["model.norm.weight"], cfg["rms_norm_eps"])
    return x @ W["lm_head.weight"].T


def clip(W, vc, pixels, select_layer):
    p = "model.vision_tower.vision_tower.vision_model."
    D, nh = vc["hidden_size"], vc["num_attention_heads"]
    d = D // nh
    eps = vc.get("layer_norm_eps", 1e-5)
    ln = lambda x, n: F.layer_norm(x, (D,), W[n + ".weight"], W[n + ".bias"], eps)  # noqa: E731
    lin = lambda x, n: x @ W[n + ".weight"].T + W[n + ".bias"]  # noqa: E731
    x = F.conv2d(pixels, W[p + "embeddings.patch_embedding.weight"], stride=vc["patch_size"]).flatten(2).transpose(1, 2)
    x = torch.cat([W[p + "embeddings.class_embedding"].view(1, 1, D), x], 1) + W[p + "embeddings.position_embedding.weight"]
    x = ln(x, p + "pre_layrnorm")
    hidden = [x]
    L = x.shape[1]
    for i in range(vc["num_hidden_layers"]):
        q_ = p + f"encoder.layers.{i}."
        h = ln(x, q_ + "layer_norm1")
        q = lin(h, q_ + "self_attn.q_proj").view(1, L, nh, d).transpose(1, 2)
        k = lin(h, q_ + "self_attn.k_proj").view(1, L, nh, d).transpose(1, 2)
        v = lin(h, q_ + "self_attn.v_proj").view(1, L, nh, d).transpose(1, 2)
        a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d), dim=-1) @ v
        x = x + lin(a.transpose(1, 2).reshape(1, L, D), q_ + "self_attn.out_proj")
        h = lin(ln(x, q_ + "layer_norm2"), q_ + "mlp.fc1")
        x = x + lin(h * torch.sigmoid(1.702 * h), q_ + "mlp.fc2")
        hidden.append(x)
    return hidden[select_layer][:, 1:]  # "patch": CLS dropped


def main():
    model_dir, inputs_path, out_path = sys.argv[1:4]
    with open(os.path.join(model_dir, "config.json")) as f:
        cfg = json.load(f)
    assert cfg["mm_projector_type"] == "mlp2x_gelu", "the reference covers mlp2x_gelu"
    W = {k: v.to(torch.float64) for k, v in load_safetensors(os.path.join(model_dir, "model.safetensors")).items()}
    inputs = load_safetensors(inputs_path)
    ids = inputs["input_ids"][0].tolist()
    feats = clip(W, cfg["vision_config"], inputs["pixel_values"].to(torch.float64), cfg["mm_vision_select_layer"])
    img = F.gelu(feats @ W["model.mm_projector.0.weight"].T + W["model.mm_projector.0.bias"])
    img = img @ W["model.mm_projector.2.weight"].T + W["model.mm_projector.2.bias"]  # [1, P, H]
    at = ids.index(-200)
    emb = W["model.embed_tokens.weight"]
    embeds = torch.cat([emb[ids[:at]], img[0], emb[ids[at + 1:]]], 0).unsqueeze(0)
    save_safetensors(out_path, {"logits": llama(W, cfg, embeds)})


if __name__ == "__main__":
    main()
