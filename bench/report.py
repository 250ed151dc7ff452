#!/usr/bin/python3
"""Turns the raw outputs of bench/run_all.sh (one NAME.out/.log/.rc/.time or NAME.skip per step) into
BENCHMARKS.md (a table per workload: ours, each anchor, the speed ratio, the bandwidth bound where
one applies, the peak RSS of the process that measured the row, the check that the anchor computes
what we compute) and bench-results.json (the same rows plus every step's raw JSON). A step that did
not run or failed becomes a row "not measured: <reason>"; nothing is dropped.
  /usr/bin/python3 bench/report.py RAW_DIR --configs demo,100M --md BENCHMARKS.md --json bench-results.json
      [--quick 0|1] [--threads 2] [--start ISO] [--command "..."] [--repo DIR]
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess


class Step:
    """One step's outcome: status ok / failed / skipped / missing, its JSON, peak RSS, the reason."""

    def __init__(self, raw, name):
        self.name = name
        self.data = None
        self.rss_mb = None
        self.wall_s = None
        self.reason = ""
        base = os.path.join(raw, name)
        if os.path.exists(base + ".skip"):
            self.status = "skipped"
            self.reason = read(base + ".skip").strip()
            return
        if not os.path.exists(base + ".rc"):
            self.status = "missing"
            self.reason = "the step did not run"
            return
        rc = int(read(base + ".rc").strip() or "1")
        self.data = parse_json(read(base + ".out"))
        t = read(base + ".time")
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)
        if m:
            self.rss_mb = int(m.group(1)) / 1024.0
        m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", t)
        if m:
            parts = [float(x) for x in m.group(1).split(":")]
            self.wall_s = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        if rc == 0 and self.data is not None:
            self.status = "ok"
            return
        self.status = "failed"
        err = self.data.get("error") if isinstance(self.data, dict) else None
        if err:
            self.reason = err
        else:
            lines = [x for x in read(base + ".log").splitlines() if x.strip()]
            tail = lines[-1] if lines else "no output"
            self.reason = f"exit status {rc}" + ("" if rc != 124 else " (timed out)") + f": {tail[:300]}"

    def get(self, *path):
        d = self.data
        for p in path:
            if isinstance(d, dict) and p in d:
                d = d[p]
            elif isinstance(d, list) and isinstance(p, int) and -len(d) <= p < len(d):
                d = d[p]
            else:
                return None
        return d


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def parse_json(text):
    """The whole text as JSON, else the JSON lines merged (bench_imaging prints several)."""
    text = text.strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        pass
    merged = {}
    for line in text.splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            merged.update(obj)
    return merged or None


def fmt(v, unit=""):
    if v is None:
        return "—"
    if unit == "s":
        return f"{v:.3f} s" if v < 10 else f"{v:.1f} s"
    if v >= 1000:
        return f"{v:,.0f}"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def machine_line(repo):
    cpu = "unknown CPU"
    for line in read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = re.search(r"MemTotal:\s+(\d+) kB", read("/proc/meminfo"))
    mem_gb = int(mem.group(1)) / 1024 / 1024 if mem else 0
    rev = ""
    try:
        rev = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem_gb, 1), "kernel": platform.release(),
            "os": read("/etc/debian_version").strip() and "Debian " + read("/etc/debian_version").strip(),
            "commit": rev}


def node_llama_cpp_versions():
    node_dir = os.environ.get("STLLAVA_BENCH_NODE_DIR", os.path.expanduser("~/.cache/stllava-bench/node"))
    pkg = os.path.join(node_dir, "node_modules", "node-llama-cpp", "package.json")
    meta = os.path.join(node_dir, "node_modules", "@node-llama-cpp", "linux-x64", "bins", "linux-x64", "_nlcBuildMetadata.json")
    out = {}
    try:
        out["node_llama_cpp"] = json.loads(read(pkg))["version"]
    except (ValueError, KeyError):
        pass
    try:
        out["llama_cpp_release"] = json.loads(read(meta))["buildOptions"]["llamaCpp"]["release"]
    except (ValueError, KeyError):
        pass
    return out


class Table:
    def __init__(self, key, title, unit, higher_better, note=""):
        self.key, self.title, self.unit, self.higher_better, self.note = key, title, unit, higher_better, note
        self.rows = []
        self.has_bound = False

    def add(self, config, impl, step, value, ours=None, check="", bound=None, rss=True):
        """value: the figure or None (then the step's reason, or `check` as the reason, is shown)."""
        row = {"config": config, "implementation": impl, "value": value, "unit": self.unit, "check": check,
               "step": step.name if step else None, "peak_rss_mb": step.rss_mb if (step and rss) else None}
        if value is None:
            reason = (step.reason if step and step.status != "ok" else "") or check or "no figure in the output"
            row["status"] = "not measured: " + reason
            if reason == check:
                row["check"] = ""
        else:
            row["status"] = "measured"
            if ours is not None and ours != value and value > 0 and ours > 0:
                row["ours_speed_ratio"] = ours / value if self.higher_better else value / ours
        if bound is not None and value is not None and bound > 0:
            row["fraction_of_bound"] = value / bound
            self.has_bound = True
        self.rows.append(row)
        return row

    def markdown(self):
        better = "higher is better" if self.higher_better else "lower is better"
        out = [f"### {self.title} ({self.unit}, {better})", ""]
        if self.note:
            out += [self.note, ""]
        head = "| config | implementation | " + self.unit + " | ours ÷ this (speed) |"
        sep = "|---|---|---:|---:|"
        if self.has_bound:
            head += " % of bound |"
            sep += "---:|"
        head += " peak RSS (MB) | check |"
        sep += "---:|---|"
        out += [head, sep]
        for r in self.rows:
            if r["value"] is None:
                cells = [r["config"], r["implementation"], r["status"], "", ]
            else:
                ratio = r.get("ours_speed_ratio")
                cells = [r["config"], r["implementation"], fmt(r["value"], "s" if self.unit == "s" else ""),
                         f"{ratio:.2f}×" if ratio else "—"]
            if self.has_bound:
                fb = r.get("fraction_of_bound")
                cells.append(f"{100 * fb:.0f}%" if fb is not None else "")
            cells.append(fmt(r["peak_rss_mb"]) if r["peak_rss_mb"] else "")
            cells.append(r["check"])
            out.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        out.append("")
        return "\n".join(out)


def targets_markdown(dec1, sft, dpo, dicom, configs):
    """Issue 14's targets against this run's rows (llama.cpp: its faster thread count)."""
    def value(table, config_prefix, impl_prefix, pick=max):
        vals = [r["value"] for r in table.rows if r["value"] is not None and r["config"].split(" ")[0] == config_prefix
                and r["implementation"].startswith(impl_prefix)]
        return pick(vals) if vals else None

    lines = ["## Targets (issue 14) in this run", "", "| target | config | ours | target value | met |", "|---|---|---:|---:|---|"]

    def line(target, config, ours, goal):
        if ours is None or goal is None:
            lines.append(f"| {target} | {config} | {fmt(ours)} | {fmt(goal)} | not measured |")
        else:
            lines.append(f"| {target} | {config} | {fmt(ours)} | {fmt(goal)} | {'yes' if ours >= goal else 'no'} |")

    for C in configs:
        if C == "demo":
            continue
        ours = value(dec1, C, "stllava (ours),")
        line("decode batch 1 F32 ≥ llama.cpp F32 (tokens/s)", C, ours, value(dec1, C, "llama.cpp F32"))
        bound = value(dec1, C, "bandwidth bound")
        line("decode batch 1 F32 ≥ 70% of the bandwidth bound (tokens/s)", C, ours, 0.7 * bound if bound else None)
        for q, mine in (("Q8_0", "int8"), ("Q4_0", "q4")):
            line(f"{'int8' if q == 'Q8_0' else '4-bit'} decode batch 1 ≥ llama.cpp {q} (tokens/s)", C,
                 value(dec1, C, f"stllava (ours) --quant {mine}"), value(dec1, C, "llama.cpp " + q))
    for C in configs:
        if C == "1B":
            continue
        for table, what in ((sft, "SFT tokens/s"), (dpo, "DPO pairs/s")):
            eager = value(table, C, "eager")
            line(f"{what} ≥ 1.3× eager PyTorch", C, value(table, C, "stllava"), 1.3 * eager if eager else None)
    eager = next((r["value"] for r in dicom.rows if r["implementation"].startswith("pydicom")), None)
    ours = next((r["value"] for r in dicom.rows if r["implementation"].startswith("stllava")), None)
    line("DICOM path ≥ 5× pydicom + numpy + PIL (images/s)", "CT 512²", ours, 5 * eager if eager else None)
    return lines + [""]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--configs", default="demo,100M")
    ap.add_argument("--md", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--quick", default="0")
    ap.add_argument("--threads", default="2")
    ap.add_argument("--start", default="")
    ap.add_argument("--command", default="bench/run_all.sh")
    ap.add_argument("--repo", default=".")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when one of our rows is not measured or the eager anchor's logits differ")
    a = ap.parse_args()
    raw = a.raw
    configs = [c for c in a.configs.split(",") if c]
    steps = {}

    def step(name):
        if name not in steps:
            steps[name] = Step(raw, name)
        return steps[name]

    bw = step("bandwidth")
    bw_end = step("bandwidth_end")  # measured again at the end: the machine's bandwidth drifts
    candidates = [(s.get("read_bytes_per_s") or s.get("gemv_bytes_per_s"), s) for s in (bw, bw_end) if s.status == "ok"]
    candidates = [c for c in candidates if c[0]]
    bw_bytes, bw = max(candidates, key=lambda c: c[0]) if candidates else (None, bw)
    T = a.threads
    quant_names = {"f32": "F32", "q8_0": "Q8_0", "q4_0": "Q4_0"}

    prefill = Table("prefill", "Prefill: a prompt onto an empty KV cache", "tokens/s", True)
    dec1 = Table("decode_batch1", "Decode at batch 1: greedy, 32-token prompt, after the first token", "tokens/s", True,
                 "Bound: the best measured read bandwidth (see the header) ÷ the bytes one step reads in float32 (every decoder "
                 "matrix and norm, the lm_head, the KV cache at the mean context). % of bound: float32 rows only; "
                 "Q8_0/Q4_0 read 0.27/0.14 of those bytes.")
    dec16 = Table("decode_batch16", "Decode at batch 16: 16 prompts of 32..47 tokens, greedy, together", "tokens/s", True)
    ttft = Table("ttft_image", "Time to first token with one image (vision tower + projector + prefill + first step)",
                 "s", False, "Prompt: 32 tokens, one of them the image.")
    stage2 = Table("stage2", "Stage-2 workload per image: describe, 5 questions, 2 answers each (16 generations)",
                   "images/s", True, "The per-request way is one generate() call per request, as LLaVA-Med's scripts "
                   "call the model; no external implementation of this loop runs here.")
    sft = Table("sft", "SFT step (forward, backward, clip, AdamW), full fine-tune in float32, batch 2", "tokens/s", True)
    dpo = Table("dpo", "DPO step (chosen + rejected rows in one forward, cached reference log-probs)", "pairs/s", True)
    dicom = Table("dicom", "DICOM path: decode + window + CLIP preprocess, 512x512 12-bit CT, one thread each",
                  "images/s", True)
    scoring = Table("scoring", "Scoring LLaVA-Med's metrics (open recall, closed accuracy), one thread", "predictions/s", True)

    for C in configs:
        ours = step(f"ours_model_{C}")
        res = ours.get("results", 0)
        if ours.status == "ok" and not res:
            ours.status, ours.reason = "failed", "bench_model printed no result"
        r = res or {}
        eager = step(f"eager_{C}")
        par = eager.get("parity") or {}
        eager_check = ""
        if par:
            eager_check = (f"same safetensors; logits max abs diff {par.get('text_max_abs_diff', 0):.1e} (text, 8 cached steps)"
                           + (f", {par['image_max_abs_diff']:.1e} (image)" if "image_max_abs_diff" in par else "")
                           + f", greedy {par.get('greedy_tokens_equal')}/{par.get('greedy_tokens_total')}"
                           + ("" if par.get("pass") else " — FAILED, not timed"))
        cfg = {}
        try:
            with open(os.path.join(raw, f"model_{C}", "config.json")) as f:
                cfg = json.load(f)
        except (OSError, ValueError):
            pass
        bound = None
        bound_note = ""
        if r.get("weight_bytes_per_token") and bw_bytes and cfg:
            nkv = cfg.get("num_key_value_heads", cfg["num_attention_heads"])
            hd = cfg["hidden_size"] // cfg["num_attention_heads"]
            ctx = 32 + r.get("new_tokens_batch1", 32) / 2
            kv = 2 * cfg["num_hidden_layers"] * nkv * hd * 4 * ctx
            per_token = r["weight_bytes_per_token"] + kv
            bound = bw_bytes / per_token
            bound_note = f"{bw_bytes / 1e9:.1f} GB/s ÷ {per_token / 1e9:.3f} GB per token"
        label = f"{C} ({r['parameters'] / 1e6:.0f}M)" if r.get("parameters") else C
        ours_impl = f"stllava (ours), {T} threads"
        for table, key in ((prefill, "prefill_tokens_per_s"), (dec1, "decode_tokens_per_s_batch1"),
                           (dec16, "decode_tokens_per_s_batch16"), (ttft, "ttft_one_image_s")):
            mine = r.get(key)
            table.add(label, ours_impl, ours, mine, check="times the model folder the anchors load",
                      bound=bound if table is dec1 else None)
            for qname in ("int8", "q4"):
                qs = step(f"ours_model_{C}_{qname}")
                qres = qs.get("results", 0) or {}
                table.add(label, f"stllava (ours) --quant {qname}, {T} threads", qs, qres.get(key),
                          check=(f"{qres.get('quantized_layers')} decoder linears quantised, "
                                 f"{(qres.get('weight_bytes_per_token') or 0) / 1e6:.0f} MB read per token") if qres else "")
            table.add(label, f"eager PyTorch {eager.get('torch') or ''}, {T} threads", eager, eager.get(key), ours=mine,
                      check=eager_check, bound=bound if table is dec1 else None)
            if table is ttft:
                table.add(label, "llama.cpp", None, None,
                          check="the GGUF holds the decoder only (llama.cpp's LLaVA path needs a CLIP mmproj GGUF, not written here)")
                continue
            for q in ("f32", "q8_0", "q4_0"):
                for prefix, threads in (("llamacpp", T), ("llamacpp1", "1")):
                    if prefix == "llamacpp1" and T == "1":
                        continue
                    s = step(f"{prefix}_{C}_{q}")
                    if s.status in ("missing",) and prefix == "llamacpp1":
                        s.reason = step(f"llamacpp_{C}_{q}").reason or s.reason
                    p = s.get("parity") or {}
                    check = (f"greedy tokens {p.get('greedy_tokens_equal')}/{p.get('greedy_tokens_total')} equal to ours"
                             if p else "")
                    table.add(label, f"llama.cpp {quant_names[q]}, {threads} thread{'s' if threads != '1' else ''}", s,
                              s.get(key), ours=mine, check=check,
                              bound=bound if (table is dec1 and q == "f32") else None)
            if table is dec1:
                if bound is not None:
                    row = table.add(label, "bandwidth bound (float32)", bw, bound, ours=mine, check=bound_note, rss=False)
                    row["fraction_of_bound"] = 1.0
                else:
                    table.add(label, "bandwidth bound (float32)", bw, None,
                              check="needs the bandwidth step and bench_model's bytes per token")

        s2 = step(f"stage2_{C}")
        eng = s2.get("engine", "images_per_s")
        stage2.add(label, "stllava engine (ours): image once, forked prefixes, one batch", s2, eng,
                   check=f"{s2.get('engine', 'generated_tokens')} tokens generated" if s2.status == "ok" else "")
        stage2.add(label, "stllava per-request (LLaVA-Med's one call per request)", s2, s2.get("per_request", "images_per_s"),
                   ours=eng, check=f"{s2.get('per_request', 'generated_tokens')} tokens generated" if s2.status == "ok" else "",
                   rss=False)
        tr, tp = step(f"train_ours_{C}"), step(f"train_py_{C}")
        shape = (f"{tr.get('stllava', 'params') / 1e6:.0f}M params, seq {tr.get('stllava', 'seq')}"
                 if tr.get("stllava", "params") else "")
        for table, key in ((sft, "sft_tokens_per_s"), (dpo, "dpo_pairs_per_s")):
            mine = tr.get("stllava", key)
            table.add(C, f"stllava (ours), {T} threads", tr, mine, check=shape)
            table.add(C, f"eager PyTorch (LLaVA's training loop), {T} threads", tp, tp.get(key), ours=mine,
                      check="same shapes, batch, steps")

    io, ip = step("imaging_ours"), step("imaging_py")
    mine = io.get("images_per_s")
    dicom.add(f"{io.get('images') or ''} files", "stllava (DCMTK + libtorch)", io, mine,
              check=f"ms decode/window/preprocess {io.get('ms_decode')}/{io.get('ms_window')}/{io.get('ms_preprocess')}"
              if io.status == "ok" else "")
    dicom.add(f"{ip.get('images') or ''} files", "pydicom + numpy + PIL", ip, ip.get("images_per_s"), ours=mine,
              check=(f"ms {ip.get('ms_decode')}/{ip.get('ms_window')}/{ip.get('ms_preprocess')}; centre-pixel checksum "
                     f"{ip.get('checksum')} vs ours {io.get('checksum')}") if ip.status == "ok" else "")
    so, sp = step("scoring_ours"), step("scoring_py")
    mine = so.get("predictions_per_s")
    scoring.add(f"{so.get('predictions') or ''} predictions", "stllava (C++)", so, mine,
                check=f"open recall {so.get('open_recall')}, closed accuracy {so.get('closed_accuracy')}"
                if so.status == "ok" else "")
    scoring.add(f"{sp.get('predictions') or ''} predictions", "Python, LLaVA-Med's functions (tests/golden)", sp,
                sp.get("predictions_per_s"), ours=mine,
                check=(f"open recall {sp.get('open_recall'):.4f}, closed accuracy {sp.get('closed_accuracy'):.4f} on its "
                       f"{sp.get('predictions')}") if sp.status == "ok" else "")

    tables = [prefill, dec1, dec16, ttft, stage2, sft, dpo, dicom, scoring]
    machine = machine_line(a.repo)
    versions = node_llama_cpp_versions()
    load_start = read(os.path.join(raw, "load_start.txt")).split()[:3]
    load_end = read(os.path.join(raw, "load_end.txt")).split()[:3]
    compilers = (read(os.path.join(raw, "compilers_start.txt")).strip(), read(os.path.join(raw, "compilers_end.txt")).strip())
    date = a.start or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    not_measured = [(t.title, r) for t in tables for r in t.rows if r["value"] is None]

    md = ["# Benchmarks", ""]
    if a.quick == "1":
        md += ["**Quick mode: short prompts, few tokens and images. These figures check that the runner works; they are "
               "not measurements.**", ""]
    md += [f"- Date: {date} (UTC)",
           f"- Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB, Linux {machine['kernel']}"
           + (f", {machine['os']}" if machine["os"] else "") + ", no GPU",
           f"- Commit: {machine['commit']}; threads: {T} for the model and training rows (ours and every anchor), "
           "one for the DICOM and scoring rows",
           f"- Command: `{a.command}` (after `ninja -C build bench_model bench_training bench_imaging bench_stage2 "
           "bench_scoring`; options: `--configs demo,100M,1B`, `--with-1B`, `--quick`, `--out DIR`, `--report-dir DIR`, "
           "`--no-install`, `--strict`; raw outputs of every step under the --out folder)",
           f"- Load average (1, 5, 15 min) at the start {' '.join(load_start)}, at the end {' '.join(load_end)}; "
           f"compiler processes running at the start/end: {compilers[0]}/{compilers[1]}. Other work on this 2-core "
           "machine (other sessions compile at the same time) slows every figure unevenly: treat single figures as "
           "noisy (±30% and worse for llama.cpp, whose threads spin at barriers), ratios measured minutes apart likewise.",
           f"- Anchors: eager PyTorch = Debian's python3-torch {next((s.get('torch') for s in steps.values() if s.get('torch')), '')} "
           "(bench/eager_llava.py: the Llama/LLaVA computation as transformers writes it, loading the same "
           "model.safetensors, logits checked against ours before timing); llama.cpp = npm's node-llama-cpp "
           f"{versions.get('node_llama_cpp', '?')} (prebuilt llama.cpp {versions.get('llama_cpp_release', '?')} CPU "
           "binaries) on GGUF files bench/gguf_writer.py writes from that same safetensors file (token ids fed directly); "
           "pydicom + numpy + PIL (bench/imaging_reference.py); LLaVA-Med's scoring functions in Python "
           "(tests/golden/llava_med_score.py); bandwidth: bench/bandwidth.py. Our programs (stllava, stllava-studio and "
           "the bench_* of our engine) restart themselves at start with GOMP_SPINCOUNT=2000 (core/common/openmp_spin.h) "
           "unless OMP_WAIT_POLICY or GOMP_SPINCOUNT is set; the anchors run with their libraries' defaults, as users run them.",
           (f"- Bandwidth (bench/bandwidth.py at the start and at the end, the faster run): read "
            f"{fmt((bw_bytes or 0) / 1e9)} GB/s ({bw.get('read_test')}; gemv {fmt((bw.get('gemv_bytes_per_s') or 0) / 1e9)}, "
            f"torch sum {fmt((bw.get('torch_sum_bytes_per_s') or 0) / 1e9)}, on one thread "
            f"{fmt((bw.get('torch_sum_1_thread_bytes_per_s') or 0) / 1e9)}, numpy sums one thread per core "
            f"{fmt((bw.get('numpy_parallel_sum_bytes_per_s') or 0) / 1e9)}), copy {fmt((bw.get('copy_bytes_per_s') or 0) / 1e9)} "
            "GB/s (read + write). The bound is the best read measured here, not the memory's specification: a row above "
            "100% read faster than every test here managed." if bw_bytes
            else f"- Bandwidth: not measured: {bw.reason}"),
           "- Random weights (N(0, 0.02) matrices, as the demo initialises), float32. Configurations: demo = the shape of "
           "`stllava demo run`'s model at the default scale; 100M = Llama 768 x 8 layers, vocabulary 32000, CLIP 256 x 4 "
           "at 224 px; 1B = TinyLlama-1.1B's decoder shape (2048 x 22, 4 KV heads) with a CLIP-B/16.",
           "- ours ÷ this (speed): above 1 ours is faster. Peak RSS: /usr/bin/time -v of the process that measured the row "
           "(bench_model measures prefill, decode and the first token in one process).",
           ""]
    for t in tables:
        md.append(t.markdown())
    quant_md = os.path.join(raw, "quant-accuracy.md")
    quant_accuracy = None
    if a.quick != "1":
        md += ["### Accuracy cost of `--quant` on the demo's benchmarks (LLaVA-Med scoring, higher is better)", ""]
        if os.path.exists(quant_md) and os.path.exists(os.path.join(raw, "quant-accuracy.json")):
            with open(os.path.join(raw, "quant-accuracy.json"), encoding="utf-8") as f:
                quant_accuracy = json.load(f)
            md += [f"bench/quant_accuracy.sh: the demo's model (`{os.path.basename(quant_accuracy['model'])}`) answers the "
                   "synthetic world's VQA-RAD, SLAKE and PathVQA test sets (greedy, 32 new tokens, as `stllava demo run` "
                   "evaluates) with float32 weights, then with int8 and q4 decoder linears (`stllava eval run --quant`); "
                   "Δ is in percentage points against float32. A model this small (2 layers of 128) is a harsh case for "
                   "4-bit groups: its rows hold few weights each.", ""]
            with open(quant_md, encoding="utf-8") as f:
                md += [f.read().rstrip(), ""]
        else:
            qa = Step(raw, "quant_accuracy")
            md += [f"not measured: {qa.reason or 'bench/quant_accuracy.sh did not write its table'}", ""]
    # The LM-head loss (issue 14: training memory must not grow with vocabulary x sequence)
    lm_rows = []
    for c in configs:
        mem = step(f"train_ours_{c}").get("lm_head_memory")
        if mem:
            full, chunked = mem["full_logits"], mem["chunked"]
            lm_rows.append(f"| {c} | {mem['shape']} | {fmt(full['peak_above_start_bytes'] / 1e6)} | "
                           f"{fmt(chunked['peak_above_start_bytes'] / 1e6)} (chunks of {chunked['chunk']}) | "
                           f"{fmt(mem['peak_ratio_full_over_chunked'])}× | {full['loss']:.6f} / {chunked['loss']:.6f} |")
    if lm_rows:
        md += ["### LM-head loss memory: full [B, T, V] logits against the chunked log-prob (MB above the start, lower is better)", "",
               "bench_training: one forward + backward of the language-model loss, peak resident memory (VmHWM) above "
               "the memory before it.", "",
               "| config | shape | full logits | chunked | full ÷ chunked | loss (full / chunked) |", "|---|---|---:|---:|---:|---|"]
        md += lm_rows + [""]
    md += targets_markdown(dec1, sft, dpo, dicom, configs)
    md += ["## Not measured", ""]
    if not_measured:
        md += [f"- {title} — {r['config']}, {r['implementation']}: {r['status'][len('not measured: '):]}"
               for title, r in not_measured]
    else:
        md.append("- Everything above was measured.")
    md += ["", "GPU: no device machine was lent to this run; the suite runs on the CPU only.", ""]
    tmp = a.md + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    os.replace(tmp, a.md)
    result = {"date": date, "machine": machine, "versions": versions, "command": a.command, "quick": a.quick == "1",
              "threads": int(T), "configs": configs, "load_start": load_start, "load_end": load_end,
              "quant_accuracy": quant_accuracy,
              "workloads": {t.key: {"title": t.title, "unit": t.unit, "higher_is_better": t.higher_better, "rows": t.rows}
                            for t in tables},
              "steps": {n: {"status": s.status, "reason": s.reason, "peak_rss_mb": s.rss_mb, "wall_s": s.wall_s,
                            "output": s.data} for n, s in sorted(steps.items())}}
    tmp = a.json + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    os.replace(tmp, a.json)
    print(f"wrote {a.md} and {a.json}: {sum(len(t.rows) for t in tables)} rows, {len(not_measured)} not measured")
    if a.strict:
        problems = [f"{title}, {r['config']}, {r['implementation']}: {r['status']}" for title, r in not_measured
                    if r["implementation"].startswith("stllava") and "--quant" not in r["implementation"]]
        # (a quantised row may be refused for a shape, e.g. q4 needs inputs in multiples of 32: its reason is shown)
        problems += [f"{n}: {s.reason}" for n, s in steps.items()
                     if n.startswith("eager_") and (s.get("parity") or {}).get("pass") is False]
        for p in problems:
            print("strict:", p)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
