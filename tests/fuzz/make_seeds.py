#!/usr/bin/python3
"""The seed files of make_seeds.sh (run it, not this): make_seeds.py REPO CORPUS WORK."""
import ast
import base64
import io
import json
import os
import re
import struct
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian,
                         JPEG2000Lossless, JPEG2000, generate_uid)
from PIL import Image

repo, corpus, work = sys.argv[1:4]


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(corpus, target, "seed-" + name), "wb") as f:
        f.write(data)


def source(rel):
    with open(os.path.join(repo, rel), encoding="utf-8") as f:
        return f.read()


def raw_literals(text):
    """Every C++ raw string literal R"delim(...)delim" of a source file."""
    out = []
    for m in re.finditer(r'R"([^()\s]{0,16})\(', text):
        end = text.find(")" + m.group(1) + '"', m.end())
        if end > 0:
            out.append(text[m.end():end])
    return out


def newrow_strings(text):
    """The first plain string after each QTest::newRow(...) <<, C escapes decoded."""
    out = []
    for m in re.finditer(r'newRow\("(?:[^"\\]|\\.)*"\)\s*<<\s*((?:"(?:[^"\\]|\\.)*"\s*)+)', text):
        parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
        out.append("".join(ast.literal_eval('"' + p + '"') for p in parts))
    return out


def json_literals(*files):
    seen = []
    for rel in files:
        for lit in raw_literals(source(rel)):
            s = lit.strip()
            if s[:1] in "[{" and s not in seen:
                seen.append(s)
    return seen


# ---- safetensors: every dtype, metadata, empty and scalar tensors, several tensors ----
def safetensors_file(tensors, metadata=None):
    header, data = {}, b""
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    if metadata is not None:
        header["__metadata__"] = metadata
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h)) + h + data


sizes = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "U16": 2,
         "U32": 4, "U64": 8, "BOOL": 1, "F8_E4M3": 1, "F8_E5M2": 1, "F8_E4M3FNUZ": 1, "F8_E5M2FNUZ": 1,
         "F8_E8M0": 1, "C64": 8}
for dtype, size in sizes.items():
    raw = bytes((i * 37 + 11) & 0xFF for i in range(6 * size))
    put("safetensors", dtype.lower() + ".safetensors", safetensors_file([("w", dtype, [2, 3], raw)]))
put("safetensors", "metadata.safetensors",
    safetensors_file([("model.embed.weight", "F32", [4, 2], struct.pack("<8f", *range(8))),
                      ("model.norm.bias", "BF16", [4], b"\x80\x3f" * 4)], {"format": "pt", "step": "12"}))
put("safetensors", "empty-and-scalar.safetensors",
    safetensors_file([("empty", "F32", [0, 5], b""), ("scalar", "I64", [], struct.pack("<q", -7)),
                      ("u64", "U64", [1], struct.pack("<Q", 2**63 + 5))]))
put("safetensors", "header-only.safetensors", safetensors_file([], {}))
literal_headers = [s for s in json_literals("tests/test_safetensors.cpp") if s.startswith("{")]
for i, h in enumerate(literal_headers):
    put("safetensors", "test-literal-%02d.safetensors" % i, struct.pack("<Q", len(h.encode())) + h.encode() + b"\0" * 64)


# ---- images and DICOM ----
rng = np.random.RandomState(7)
grey8 = (np.add.outer(np.arange(24) * 9, np.arange(32) * 5) % 256).astype(np.uint8)
rgb8 = np.stack([grey8, grey8[::-1], 255 - grey8], axis=-1).astype(np.uint8)
ct16 = (np.add.outer(np.arange(24) * 40, np.arange(32) * 30) - 1024).astype(np.int16)

Image.fromarray(rgb8, "RGB").save(os.path.join(work, "rgb.jpg"), quality=90)
for name, img, fmt in [("grey.png", Image.fromarray(grey8, "L"), "PNG"), ("rgb.png", Image.fromarray(rgb8, "RGB"), "PNG"),
                       ("rgb.jpg", Image.fromarray(rgb8, "RGB"), "JPEG"), ("grey.jpg", Image.fromarray(grey8, "L"), "JPEG"),
                       ("grey16.png", Image.fromarray(ct16.astype(np.uint16) + 2000, "I;16"), "PNG"),
                       ("rgba.png", Image.fromarray(np.dstack([rgb8, grey8]), "RGBA"), "PNG"),
                       ("grey.bmp", Image.fromarray(grey8, "L"), "BMP"), ("rgb.tif", Image.fromarray(rgb8, "RGB"), "TIFF")]:
    b = io.BytesIO()
    img.save(b, fmt)
    put("dicom", name, b.getvalue())


def dicom(pixels, photometric, signed=False, bits=None, syntax=ExplicitVRLittleEndian, frames=1, extra=None):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = "1.2.826.0.1.3680043.8.498.1"
    meta.TransferSyntaxUID = syntax
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = "CT" if signed else "OT"
    ds.PatientName = "Fuzz^Seed"
    ds.PatientID = "SEED"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.2"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.3"
    ds.Rows, ds.Columns = pixels.shape[-3 if photometric == "RGB" else -2:][:2]
    ds.SamplesPerPixel = 3 if photometric == "RGB" else 1
    if photometric == "RGB":
        ds.PlanarConfiguration = 0
    ds.PhotometricInterpretation = photometric
    alloc = pixels.dtype.itemsize * 8
    ds.BitsAllocated = alloc
    ds.BitsStored = bits or alloc
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 1 if signed else 0
    if frames > 1:
        ds.NumberOfFrames = frames
    for k, v in (extra or {}).items():
        setattr(ds, k, v)
    little = syntax != ExplicitVRBigEndian
    ds.is_little_endian = little
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    arr = pixels if little else pixels.byteswap()
    ds.PixelData = arr.tobytes()
    b = io.BytesIO()
    ds.save_as(b, write_like_original=False)
    return ds, b.getvalue()


_, b = dicom(grey8, "MONOCHROME2"); put("dicom", "mono8-explicit.dcm", b)
_, b = dicom(ct16, "MONOCHROME2", signed=True, bits=12,
             extra={"RescaleSlope": 1, "RescaleIntercept": 0, "WindowCenter": [40, 400], "WindowWidth": [400, 2000],
                    "WindowCenterWidthExplanation": ["SOFT", "BONE"]})
put("dicom", "ct16-explicit.dcm", b)
_, b = dicom(rgb8, "RGB"); put("dicom", "rgb8-explicit.dcm", b)
_, b = dicom(grey8, "MONOCHROME1", syntax=ImplicitVRLittleEndian); put("dicom", "mono1-implicit.dcm", b)
_, b = dicom(ct16, "MONOCHROME2", signed=True, syntax=ExplicitVRBigEndian,
             extra={"RescaleSlope": 2, "RescaleIntercept": -100, "VOILUTFunction": "SIGMOID",
                    "WindowCenter": 100, "WindowWidth": 300})
put("dicom", "ct16-bigendian.dcm", b)
_, b = dicom(np.stack([grey8, 255 - grey8]), "MONOCHROME2", frames=2); put("dicom", "mono8-2frames.dcm", b)
# a VOI LUT and a modality LUT sequence
lut = Dataset(); lut.LUTDescriptor = [256, 0, 16]; lut.LUTData = struct.pack("<256H", *[i * 200 for i in range(256)]); lut.LUTExplanation = "seed"
mlut = Dataset(); mlut.LUTDescriptor = [256, 0, 16]; mlut.ModalityLUTType = "HU"; mlut.LUTData = struct.pack("<256H", *[i * 4 for i in range(256)])
ds, _ = dicom(grey8, "MONOCHROME2")
ds.VOILUTSequence = [lut]
b = io.BytesIO(); ds.save_as(b, write_like_original=False); put("dicom", "mono8-voilut.dcm", b.getvalue())
ds, _ = dicom(grey8, "MONOCHROME2")
ds.ModalityLUTSequence = [mlut]
b = io.BytesIO(); ds.save_as(b, write_like_original=False); put("dicom", "mono8-modalitylut.dcm", b.getvalue())
# JPEG 2000 (OpenJPEG through Pillow), encapsulated
for name, arr, mode, syntax in [("mono8-j2k-lossless.dcm", grey8, "L", JPEG2000Lossless), ("rgb8-j2k.dcm", rgb8, "RGB", JPEG2000)]:
    j = io.BytesIO()
    Image.fromarray(arr, mode).save(j, "JPEG2000", irreversible=syntax == JPEG2000, no_jp2=True)
    ds, _ = dicom(arr, "RGB" if mode == "RGB" else "MONOCHROME2")
    ds.file_meta.TransferSyntaxUID = syntax
    if mode == "RGB":
        ds.PhotometricInterpretation = "YBR_ICT"
    ds.PixelData = encapsulate([j.getvalue()])
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    b = io.BytesIO(); ds.save_as(b, write_like_original=False); put("dicom", name, b.getvalue())
# small files of pydicom's own test folder the imaging tests also read (by path only: copied at
# fuzz time by run_fuzzers.sh, not committed)


# ---- benchmarks and predictions ----
for i, s in enumerate(json_literals("tests/test_eval_readers.cpp", "tests/test_eval_cli.cpp", "tests/test_eval_runner.cpp")):
    put("benchmark", "test-literal-%02d.json" % i, s)
put("benchmark", "pathvqa.json", json.dumps([{"image": "test/img1.jpg", "question": "what is present?", "answer": "tumor"},
                                             {"image": "test/img2.jpg", "question": "is it benign?", "answer": "yes"}]))
put("benchmark", "predictions.jsonl", "\n".join(json.dumps(p) for p in [
    {"question_id": 11, "prompt": "Is there a mass?", "text": "yes", "answer_id": "a1", "model_id": "m", "metadata": {}},
    {"question_id": "q12", "prompt": "Which organ?", "text": "liver", "answer_id": "a2", "model_id": "m", "metadata": {}}]) + "\n")
put("benchmark", "predictions-torn.jsonl", json.dumps({"question_id": 1, "text": "a"}) + "\n{\"question_id\": 2, \"te")


# ---- training data: LLaVA instruction, STLLaVA and TRL preference layouts ----
instruct = [{"id": "a", "image": "a.png", "conversations": [{"from": "human", "value": "<image>\nWhat is shown?"},
                                                            {"from": "gpt", "value": "A chest X-ray."},
                                                            {"from": "human", "value": "Any effusion?"},
                                                            {"from": "gpt", "value": "No."}]},
            {"id": "t", "conversations": [{"from": "human", "value": "Define edema."}, {"from": "gpt", "value": "Swelling."}]}]
put("dataset", "instruct.json", json.dumps(instruct))
put("dataset", "instruct.jsonl", "".join(json.dumps(x) + "\n" for x in instruct))
conv = [{"from": "human", "value": "<image>\nDescribe the image."}, {"from": "gpt", "value": "A CT slice."},
        {"from": "human", "value": "Is there a lesion?"}]
put("dataset", "stllava-pref.json", json.dumps([{"id": "p1", "image": "a.png",
                                                 "chosen_conversations": conv + [{"from": "gpt", "value": "Yes, in the liver."}],
                                                 "reject_conversations": conv + [{"from": "gpt", "value": "No."}]}]))
trl = {"id": "p2", "prompt": [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "Describe."}]},
                              {"role": "assistant", "content": [{"type": "text", "text": "An MRI."}]},
                              {"role": "user", "content": [{"type": "text", "text": "Which sequence?"}]}],
       "chosen": [{"role": "assistant", "content": [{"type": "text", "text": "T2."}]}],
       "rejected": [{"role": "assistant", "content": [{"type": "text", "text": "T1."}]}], "images": ["b.png"]}
put("dataset", "trl-pref.jsonl", json.dumps(trl) + "\n" +
    json.dumps({"prompt": "<image>\nWhat?", "chosen": "x", "rejected": "y", "images": ["c.png"]}) + "\n")


# ---- judge replies: the score parser's test rows, and a chat.completions body ----
for i, s in enumerate(newrow_strings(source("tests/test_selftrain_scores.cpp"))):
    put("judge_reply", "test-row-%02d.txt" % i, s)
put("judge_reply", "response.json", json.dumps({"id": "x", "object": "chat.completion", "choices": [
    {"index": 0, "message": {"role": "assistant", "content": "8 6\nAnswer 1 names the organ."}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 120, "completion_tokens": 9}}))
put("judge_reply", "response-labelled.json", json.dumps({"choices": [
    {"message": {"content": "Answer 1: 3/10\nAnswer 2: 9/10"}, "finish_reason": "length"}]}))


# ---- preference pair files, as selftrain's pair writers lay them out ----
evidence = {"status": "needs_review", "reason": "margin 1 below 1.5", "judge_model": "judge-x", "chosen_answer": 1,
            "seeds": {"chosen": 11, "rejected": 12},
            "scores": {"answer1": 7.5, "answer2": 6.5, "margin": 1.0, "orders_agree": True,
                       "order_12": {"status": "ok", "score_answer1": 8, "score_answer2": 6, "rationale": "r", "reply": None},
                       "order_21": {"status": "ok", "score_answer1": 7, "score_answer2": 7, "rationale": "r", "reply": None}}}
review = {"id": "b#q0", "image": "img.png", "describe_prompt": "Describe the image.", "description": "A CT.",
          "question": "Is there a lesion?", "answers": ["Yes.", "No."]}
review.update(evidence)
put("pair_import", "pairs.review.jsonl", json.dumps(review) + "\n" + json.dumps(dict(review, id="c#q0", chosen_answer=2)) + "\n")
stl = {"id": "a#q0", "image": "img.png", "chosen_conversations": conv + [{"from": "gpt", "value": "Yes."}],
       "reject_conversations": conv + [{"from": "gpt", "value": "No."}]}
stl.update(dict(evidence, status="auto_accepted"))
put("pair_import", "pairs.stllava.json", json.dumps([stl, {"id": "plain", "image": "x.png", "chosen_conversations": conv +
    [{"from": "gpt", "value": "a"}], "reject_conversations": conv + [{"from": "gpt", "value": "b"}]}]))
put("pair_import", "pairs.trl.jsonl", json.dumps(dict(trl, **evidence)) + "\n")
put("pair_import", "torn.jsonl", json.dumps(review) + "\n{\"id\": \"d")


# ---- chat completion requests: the protocol tests' bodies, and ones with real images ----
for i, s in enumerate(json_literals("tests/test_server_protocol.cpp", "tests/test_server_http.cpp")):
    put("server_request", "test-literal-%02d.json" % i, s)
for name, img, fmt, mime in [("png", Image.fromarray(grey8, "L"), "PNG", "image/png"),
                             ("jpeg", Image.fromarray(rgb8, "RGB"), "JPEG", "image/jpeg")]:
    b = io.BytesIO(); img.save(b, fmt)
    url = "data:%s;base64,%s" % (mime, base64.b64encode(b.getvalue()).decode())
    put("server_request", "image-%s.json" % name, json.dumps({
        "model": "stllava", "stream": True, "stream_options": {"include_usage": True}, "max_tokens": 64,
        "temperature": 0.2, "top_p": 0.9, "top_k": 40, "seed": 3, "stop": ["</s>"],
        "messages": [{"role": "system", "content": "You are a radiologist."},
                     {"role": "user", "content": [{"type": "text", "text": "What is shown?"},
                                                  {"type": "image_url", "image_url": {"url": url}}]},
                     {"role": "assistant", "content": "A scan."},
                     {"role": "user", "content": "Which organ?"}]}))
put("server_request", "bearer.txt", "Bearer fuzz-token")
