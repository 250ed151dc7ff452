#!/usr/bin/env python3
"""Logits parity of our C++ LLaVA against transformers' LlavaForConditionalGeneration.

Not run in CI (needs torch + transformers). On a machine that has them:

    python3 tests/parity/llava_hf_parity.py OUT_DIR [--device cuda] [--dtype float32]
    BUILD/bin/llava_parity OUT_DIR [--device cuda] [--dtype f32] [--tol 1e-3]

This script builds a tiny random llava-hf model (Llama text config, CLIP vision config, mlp2x_gelu
projector), saves it with save_pretrained (safetensors) into OUT_DIR/model, runs it on two prompts
with one image each and writes OUT_DIR/parity.safetensors with input_ids, attention_mask,
pixel_values, logits (float32) and 8 greedily generated tokens per row. The safetensors bytes are
written here with torch only (the safetensors package is not needed).
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from st_io import save_safetensors  # noqa: E402

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--dtype", default="float32", choices=["float32", "bfloat16", "float16"])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    from transformers import CLIPVisionConfig, LlamaConfig, LlavaConfig, LlavaForConditionalGeneration
    import transformers

    torch.manual_seed(args.seed)
    image_token = 300
    text = LlamaConfig(vocab_size=320, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                       num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512,
                       rms_norm_eps=1e-5, rope_theta=10000.0, tie_word_embeddings=False)
    vision = CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=3, num_attention_heads=4,
                              image_size=56, patch_size=14, hidden_act="quick_gelu", projection_dim=32)
    cfg = LlavaConfig(vision_config=vision, text_config=text, image_token_index=image_token,
                      projector_hidden_act="gelu", vision_feature_layer=-2,
                      vision_feature_select_strategy="default")
    model = LlavaForConditionalGeneration(cfg).eval()
    # HF's init (std 0.02) leaves every layer close to the identity; make the weights matter.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() == 1 and ("norm" in name or "layrnorm" in name):
                p.uniform_(0.8, 1.2)
            else:
                p.normal_(0.0, 0.1)
    model_dir = os.path.join(args.out_dir, "model")
    os.makedirs(model_dir, exist_ok=True)
    model.save_pretrained(model_dir, safe_serialization=True)

    dtype = getattr(torch, args.dtype)
    model = model.to(args.device, dtype)
    n_patches = (56 // 14) ** 2
    texts = [torch.randint(3, 290, (9,)), torch.randint(3, 290, (9,))]
    pixel_values = torch.randn(2, 3, 56, 56)

    def build(expanded):
        rows = []
        for t in texts:
            img = [image_token] * (n_patches if expanded else 1)
            rows.append(torch.cat([t[:2], torch.tensor(img), t[2:]]))
        return torch.stack(rows)

    logits = None
    for expanded in (True, False):  # newer transformers: one image token per feature; older: one per image
        input_ids = build(expanded)
        try:
            with torch.no_grad():
                out = model(input_ids=input_ids.to(args.device), attention_mask=torch.ones_like(input_ids).to(args.device),
                            pixel_values=pixel_values.to(args.device, dtype))
            logits = out.logits.float().cpu()
            break
        except Exception as e:  # noqa: BLE001 - the other convention is tried next
            print(f"input convention expanded={expanded} rejected: {e}")
    if logits is None:
        raise SystemExit("neither image-token convention was accepted by this transformers version")
    attention_mask = torch.ones_like(input_ids)
    with torch.no_grad():
        gen = model.generate(input_ids=input_ids.to(args.device), attention_mask=attention_mask.to(args.device),
                             pixel_values=pixel_values.to(args.device, dtype), max_new_tokens=8, min_new_tokens=8,
                             do_sample=False, pad_token_id=0)
    generated = gen[:, input_ids.shape[1]:].cpu()
    save_safetensors(os.path.join(args.out_dir, "parity.safetensors"),
                     {"input_ids": input_ids, "attention_mask": attention_mask, "pixel_values": pixel_values,
                      "logits": logits, "generated": generated},
                     {"transformers": transformers.__version__, "torch": torch.__version__, "dtype": args.dtype,
                      "device": args.device})
    print(json.dumps({"out_dir": args.out_dir, "logits_shape": list(logits.shape), "transformers": transformers.__version__,
                      "torch": torch.__version__, "weights": sorted(os.listdir(model_dir))}))


if __name__ == "__main__":
    main()
