#!/usr/bin/python3
"""Python reference for bench_training: the same ~100M Llama decoder, batch and sequence length,
trained the way LLaVA's training code does it (model(input_ids, labels) -> loss; loss.backward();
clip_grad_norm_; AdamW.step()), in plain PyTorch (Debian's python3-torch, libtorch 1.13).
Prints one JSON object: SFT tokens/s, DPO pairs/s, peak resident memory.
  /usr/bin/python3 bench/reference_training.py [--layers 8] [--hidden 768] [--seq 128] [--batch 2] [--steps 3]
"""
import argparse
import json
import math
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        var = x.float().pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(var + self.eps))


def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


class Attention(nn.Module):
    def __init__(self, h, heads):
        super().__init__()
        self.heads, self.hd = heads, h // heads
        self.q_proj = nn.Linear(h, h, bias=False)
        self.k_proj = nn.Linear(h, h, bias=False)
        self.v_proj = nn.Linear(h, h, bias=False)
        self.o_proj = nn.Linear(h, h, bias=False)

    def forward(self, x, cos, sin, mask):
        B, T, H = x.shape
        q = self.q_proj(x).view(B, T, self.heads, self.hd).transpose(1, 2)  # [B, nh, T, hd]
        k = self.k_proj(x).view(B, T, self.heads, self.hd).transpose(1, 2)
        v = self.v_proj(x).view(B, T, self.heads, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        att = (q @ k.transpose(-1, -2)) / math.sqrt(self.hd) + mask  # [B, nh, T, T]
        out = att.softmax(-1) @ v
        return self.o_proj(out.transpose(1, 2).reshape(B, T, H))


class Block(nn.Module):
    def __init__(self, h, heads, inter):
        super().__init__()
        self.input_layernorm = RMSNorm(h)
        self.self_attn = Attention(h, heads)
        self.post_attention_layernorm = RMSNorm(h)
        self.gate_proj = nn.Linear(h, inter, bias=False)
        self.up_proj = nn.Linear(h, inter, bias=False)
        self.down_proj = nn.Linear(inter, h, bias=False)

    def forward(self, x, cos, sin, mask):
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, mask)
        y = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(y)) * self.up_proj(y))


class Llama(nn.Module):
    def __init__(self, vocab, h, layers, heads, inter):
        super().__init__()
        self.embed_tokens = nn.Embedding(vocab, h)
        self.layers = nn.ModuleList([Block(h, heads, inter) for _ in range(layers)])
        self.norm = RMSNorm(h)
        self.lm_head = nn.Linear(h, vocab, bias=False)
        self.hd = h // heads

    def forward(self, input_ids, labels):
        B, T = input_ids.shape
        inv = 1.0 / (10000 ** (torch.arange(0, self.hd, 2).float() / self.hd))
        freqs = torch.outer(torch.arange(T).float(), inv)
        emb = torch.cat((freqs, freqs), -1)
        cos, sin = emb.cos(), emb.sin()
        mask = torch.full((T, T), float("-inf")).triu(1)
        x = self.embed_tokens(input_ids)
        for layer in self.layers:
            x = layer(x, cos, sin, mask)
        logits = self.lm_head(self.norm(x)).float()
        shift_logits, shift_labels = logits[:, :-1], labels[:, 1:]
        loss = F.cross_entropy(shift_logits.reshape(-1, shift_logits.size(-1)), shift_labels.reshape(-1), ignore_index=-100)
        logp = torch.gather(shift_logits.log_softmax(-1), 2, shift_labels.clamp(min=0).unsqueeze(-1)).squeeze(-1)
        seq_logps = (logp * (shift_labels != -100)).sum(-1)
        return loss, seq_logps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", type=int, default=32000)
    ap.add_argument("--hidden", type=int, default=768)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--heads", type=int, default=12)
    ap.add_argument("--inter", type=int, default=2048)
    ap.add_argument("--seq", type=int, default=128)
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = Llama(a.vocab, a.hidden, a.layers, a.heads, a.inter)
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=1e-5, weight_decay=0.0)
    ids = torch.randint(3, a.vocab, (a.batch, a.seq))
    labels = ids.clone()
    labels[:, : a.seq // 2] = -100  # the prompt half is ignored, as LLaVA masks the question

    def sft_step():
        loss, _ = model(ids, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad()

    # DPO: chosen and rejected rows in one batch, cached reference log-probs, sigmoid loss.
    dpo_ids = torch.cat([ids, ids.flip(1)], 0)
    dpo_labels = torch.cat([labels, labels.flip(1)], 0)
    ref = torch.zeros(2 * a.batch)

    def dpo_step():
        _, lp = model(dpo_ids, dpo_labels)
        d = (lp[: a.batch] - ref[: a.batch]) - (lp[a.batch:] - ref[a.batch:])
        loss = -F.logsigmoid(0.1 * d).mean()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad()

    def timed(fn):
        fn()  # warm-up
        t0 = time.perf_counter()
        for _ in range(a.steps):
            fn()
        return (time.perf_counter() - t0) / a.steps

    sft_s = timed(sft_step)
    dpo_s = timed(dpo_step)
    print(json.dumps({
        "impl": "python", "params": params, "threads": torch.get_num_threads(),
        "batch": a.batch, "seq": a.seq, "sft_step_s": sft_s, "sft_tokens_per_s": a.batch * a.seq / sft_s,
        "dpo_step_s": dpo_s, "dpo_pairs_per_s": a.batch / dpo_s,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))


if __name__ == "__main__":
    main()
