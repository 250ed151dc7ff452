#!/usr/bin/env python3
"""Independent reference of LLaVA's training labels and of the sequence log-probabilities they give,
for test_training_golden.

    llava_label_reference.py REQUEST.json OUT.json

REQUEST: {"tokenizer": sentencepiece .model, "model_dir": our model folder (see
llava_torch_reference.py), "pixels": safetensors of [3, S, S] images keyed by image name (or null),
"items": [{"template": "v1_sq" | "vicuna_v1", "image": name | null,
           "conversation": [{"from": "human" | "gpt" | "vuser", "value": str}, ...]}]}
OUT: {"items": [{"ids": [...], "labels": [...], "sum_logp": float, "count": int}]}

Written from LLaVA's code, not from ours: the prompt is rendered as conversation.py's get_prompt
(separator style TWO; SQ-LLaVA appends "</s>" to a VUSER message), tokenised as mm_utils.py's
tokenizer_image_token over the slow, legacy LlamaTokenizer (a literal "</s>" is the EOS id and the
text after it a new sentencepiece input), and masked as train.py's preprocess_v1 (LLaVA) and
preprocess_v1_sq2 (SQ-LLaVA, VUSER rounds): the conversation is split at "</s>" into rounds, each
round's role prefix is masked by count, instruction_len = len(tokens("... ASSISTANT: ")) - 2.
Logits come from llava_torch_reference.py's float64 forward. Needs torch, numpy and sentencepiece.
"""
import json
import os
import sys

import sentencepiece as spm
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from llava_torch_reference import clip, llama  # noqa: E402
from st_io import load_safetensors  # noqa: E402

IMAGE_TOKEN_INDEX = -200
IGNORE_INDEX = -100
VICUNA_SYSTEM = ("A chat between a curious user and an artificial intelligence assistant. "
                 "The assistant gives helpful, detailed, and polite answers to the user's questions.")
SQ_SUFFIX = ("Also, the artificial intelligence assistant is a curious virtual user. The virtual user asks complex "
             "questions that are relevant to the content in the image, for example, asking about background knowledge "
             "of the objects in the image, asking to discuss about events happening in the image, etc. Again, do not "
             "ask about uncertain details.")
SYSTEMS = {"vicuna_v1": VICUNA_SYSTEM, "v1_sq": VICUNA_SYSTEM + SQ_SUFFIX}
ROLES = {"human": "USER", "gpt": "ASSISTANT", "vuser": "VUSER"}
SEP, SEP2 = " ", "</s>"


class LegacyLlamaTokenizer:
    """tokenizer(text).input_ids of transformers' slow LlamaTokenizer (legacy): BOS, then the text
    split at the special token "</s>", each piece a separate sentencepiece input, EOS between."""

    def __init__(self, path):
        self.sp = spm.SentencePieceProcessor(model_file=path)
        self.bos_token_id = self.sp.bos_id()
        self.eos_token_id = self.sp.eos_id()

    def __call__(self, text):
        ids = [self.bos_token_id]
        for k, part in enumerate(text.split(SEP2)):
            if k > 0:
                ids.append(self.eos_token_id)
            if part:
                ids.extend(self.sp.encode(part))
        return ids


def tokenizer_image_token(prompt, tokenizer):
    chunks = [tokenizer(chunk) for chunk in prompt.split("<image>")]
    input_ids, offset = [], 0
    if chunks and chunks[0] and chunks[0][0] == tokenizer.bos_token_id:
        offset = 1
        input_ids.append(chunks[0][0])
    separated = []
    for k, chunk in enumerate(chunks):
        if k > 0:
            separated.append([IMAGE_TOKEN_INDEX] * (offset + 1))
        separated.append(chunk)
    for x in separated:
        input_ids.extend(x[offset:])
    return input_ids


def get_prompt(template, conversation):
    ret = SYSTEMS[template] + SEP
    for i, m in enumerate(conversation):
        text = m["value"] + (SEP2 if m["from"] == "vuser" else "")
        ret += ROLES[m["from"]] + ": " + text + (SEP, SEP2)[i % 2]
    return ret


def mask(conversation, tokenizer):
    """preprocess_v1 / preprocess_v1_sq2 on one rendered conversation (with an image)."""
    input_ids = tokenizer_image_token(conversation, tokenizer)
    target = list(input_ids)
    sep = SEP + "ASSISTANT" + ": "
    sep_vuser = "VUSER" + ": "
    cur_len = 1
    target[:cur_len] = [IGNORE_INDEX] * cur_len
    for i, rou in enumerate(conversation.split(SEP2)):
        if rou == "":
            break
        parts = rou.split(sep)
        round_len = len(tokenizer_image_token(rou, tokenizer))
        if len(parts) == 2:
            parts[0] += sep
            prefix_len = len(tokenizer_image_token(parts[0], tokenizer)) - 2
        else:  # a VUSER round (never the first one here)
            assert i > 0 and rou.startswith(sep_vuser), rou
            prefix_len = len(tokenizer_image_token(sep_vuser, tokenizer)) - 2
        end = min(cur_len + prefix_len, len(target))
        target[cur_len:end] = [IGNORE_INDEX] * (end - cur_len)
        cur_len += round_len
    target[cur_len:] = [IGNORE_INDEX] * max(0, len(target) - cur_len)
    if cur_len != len(input_ids):
        raise SystemExit(f"tokenization mismatch {cur_len} vs {len(input_ids)}: {conversation!r}")
    return input_ids, target


def sequence_logp(W, cfg, pixels, input_ids, labels):
    emb = W["model.embed_tokens.weight"]
    pieces, expanded = [], []
    for tok, lab in zip(input_ids, labels):
        if tok == IMAGE_TOKEN_INDEX:
            feats = clip(W, cfg["vision_config"], pixels.unsqueeze(0).to(torch.float64), cfg["mm_vision_select_layer"])
            img = F.gelu(feats @ W["model.mm_projector.0.weight"].T + W["model.mm_projector.0.bias"])
            img = img @ W["model.mm_projector.2.weight"].T + W["model.mm_projector.2.bias"]  # [1, P, H]
            pieces.append(img[0])
            expanded += [IGNORE_INDEX] * img.shape[1]
        else:
            pieces.append(emb[tok].unsqueeze(0))
            expanded.append(lab)
    logits = llama(W, cfg, torch.cat(pieces, 0).unsqueeze(0))[0]  # [T', V]
    logp = torch.log_softmax(logits, -1)
    total, count = 0.0, 0
    for t in range(len(expanded) - 1):  # position t predicts token t + 1
        if expanded[t + 1] != IGNORE_INDEX:
            total += logp[t, expanded[t + 1]].item()
            count += 1
    return total, count


def main():
    request_path, out_path = sys.argv[1:3]
    with open(request_path) as f:
        req = json.load(f)
    tokenizer = LegacyLlamaTokenizer(req["tokenizer"])
    with open(os.path.join(req["model_dir"], "config.json")) as f:
        cfg = json.load(f)
    W = {k: v.to(torch.float64) for k, v in load_safetensors(os.path.join(req["model_dir"], "model.safetensors")).items()}
    pixels = load_safetensors(req["pixels"]) if req.get("pixels") else {}
    out = []
    for item in req["items"]:
        ids, labels = mask(get_prompt(item["template"], item["conversation"]), tokenizer)
        total, count = sequence_logp(W, cfg, pixels.get(item.get("image")), ids, labels)
        out.append({"ids": ids, "labels": labels, "sum_logp": total, "count": count})
    with open(out_path, "w") as f:
        json.dump({"items": out}, f)


if __name__ == "__main__":
    main()
