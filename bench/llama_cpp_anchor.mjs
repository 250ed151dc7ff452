// llama.cpp anchor for bench_model, through npm's node-llama-cpp (its prebuilt llama.cpp CPU
// binaries): loads a GGUF written by bench/gguf_writer.py, checks its greedy tokens on our reference
// prompt (MODEL_DIR/reference.json, token ids fed directly, no tokenizer) against ours, then times
// prefill (P tokens onto an empty sequence, best of 2), greedy decode at batch 1 (32-token prompt)
// and at batch 16 (16 sequences of one context, prompts of 32 + i tokens, decoded together by
// node-llama-cpp's batching), all on the CPU with the given threads. Prints one JSON object.
//   node bench/llama_cpp_anchor.mjs NODE_DIR MODEL.gguf MODEL_DIR [--threads 2] [--prompt-tokens 512]
//        [--new-tokens 32] [--new-tokens-16 16]
// NODE_DIR: the folder npm installed node-llama-cpp into (bench/run_all.sh keeps it in ~/.cache).
import fs from "node:fs";
import path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
if (args.length < 3) {
    console.error("usage: llama_cpp_anchor.mjs NODE_DIR MODEL.gguf MODEL_DIR [--threads N] [--prompt-tokens N] [--new-tokens N] [--new-tokens-16 N]");
    process.exit(2);
}
const [nodeDir, ggufPath, modelDir] = args;
const opt = { threads: 2, promptTokens: 512, newTokens: 32, newTokens16: 16 };
for (let i = 3; i + 1 < args.length; i += 2) {
    const key = { "--threads": "threads", "--prompt-tokens": "promptTokens", "--new-tokens": "newTokens", "--new-tokens-16": "newTokens16" }[args[i]];
    if (!key) {
        console.error(`llama_cpp_anchor.mjs: unknown option ${args[i]}`);
        process.exit(2);
    }
    opt[key] = Number(args[i + 1]);
}

const entry = path.join(nodeDir, "node_modules", "node-llama-cpp", "dist", "index.js");
if (!fs.existsSync(entry)) {
    console.log(JSON.stringify({ error: `node-llama-cpp is not installed in ${nodeDir}` }));
    process.exit(1);
}
const { getLlama, LlamaLogLevel } = await import(pathToFileURL(entry).href);
const ref = JSON.parse(fs.readFileSync(path.join(modelDir, "reference.json"), "utf8"));
const vocab = ref.vocab_size;

// A fixed-seed generator so every run feeds the same random prompts.
let state = 12345;
const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const randomIds = (n) => Array.from({ length: n }, () => 3 + Math.floor(rand() * (vocab - 3)));
const now = () => Number(process.hrtime.bigint()) / 1e9;

const llama = await getLlama({ gpu: false, build: "never", usePrebuiltBinaries: true, maxThreads: opt.threads,
                               logLevel: LlamaLogLevel.error, progressLogs: false });
const model = await llama.loadModel({ modelPath: ggufPath, gpuLayers: 0, useMmap: true });
const out = { impl: "llama.cpp via node-llama-cpp", gguf: path.basename(ggufPath), threads: opt.threads,
              build: llama.buildType, cpu_backend: llama.cpuMathCores !== undefined ? `${llama.cpuMathCores} math cores` : undefined };

// Greedy generation of n tokens after `prompt` on a sequence; returns the tokens and the times.
async function greedy(seq, prompt, n) {
    const tokens = [];
    const times = [];
    for await (const t of seq.evaluate(prompt, { temperature: 0 })) {
        tokens.push(Number(t));
        times.push(now());
        if (tokens.length >= n) break;
    }
    return { tokens, times };
}

{
    // Parity: our greedy tokens on the reference prompt.
    const ctx = await model.createContext({ contextSize: 256, batchSize: 256, threads: opt.threads, sequences: 1 });
    const seq = ctx.getSequence();
    const { tokens } = await greedy(seq, ref.prompt_ids, ref.greedy_tokens.length);
    let same = 0;
    for (let i = 0; i < ref.greedy_tokens.length; ++i) same += tokens[i] === ref.greedy_tokens[i] ? 1 : 0;
    out.parity = { greedy_tokens_equal: same, greedy_tokens_total: ref.greedy_tokens.length, tokens, ours: ref.greedy_tokens };
    await ctx.dispose();
}
{
    // Prefill: P tokens onto an empty sequence (one batch), best of 2.
    const P = opt.promptTokens;
    const ctx = await model.createContext({ contextSize: P + 16, batchSize: P, threads: opt.threads, sequences: 1 });
    const seq = ctx.getSequence();
    const ids = randomIds(P);
    let best = 1e30;
    for (let rep = 0; rep < 2; ++rep) {
        await seq.clearHistory();
        const t0 = now();
        await seq.evaluateWithoutGeneratingNewTokens(ids);
        best = Math.min(best, now() - t0);
    }
    out.prefill_tokens = P;
    out.prefill_tokens_per_s = P / best;
    await ctx.dispose();
}
{
    // Decode at batch 1: 32-token prompt, tokens/s after the first token.
    const N = opt.newTokens;
    const ctx = await model.createContext({ contextSize: 64 + N, batchSize: 64, threads: opt.threads, sequences: 1 });
    const seq = ctx.getSequence();
    await greedy(seq, randomIds(32), 4);  // warm-up
    await seq.clearHistory();
    const { times } = await greedy(seq, randomIds(32), N);
    out.decode_prompt_tokens = 32;
    out.new_tokens_batch1 = N;
    out.decode_tokens_per_s_batch1 = (times.length - 1) / (times[times.length - 1] - times[0]);
    await ctx.dispose();
}
{
    // Decode at batch 16: 16 sequences of one context, generated concurrently.
    const N = opt.newTokens16;
    const B = 16;
    const ctx = await model.createContext({ contextSize: B * (48 + N + 8), batchSize: 512, threads: opt.threads, sequences: B });
    const seqs = Array.from({ length: B }, () => ctx.getSequence());
    const runs = await Promise.all(seqs.map((s, i) => greedy(s, randomIds(32 + i), N)));
    const first = Math.min(...runs.map((r) => r.times[0]));
    const last = Math.max(...runs.map((r) => r.times[r.times.length - 1]));
    const after = runs.reduce((n, r) => n + r.times.length - 1, 0);
    out.new_tokens_batch16 = N;
    out.decode_tokens_per_s_batch16 = after / (last - first);
    await ctx.dispose();
}
const status = fs.readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+) kB/);
out.peak_rss_bytes = status ? Number(status[1]) * 1024 : null;
await model.dispose();
console.log(JSON.stringify(out));
process.exit(0);
