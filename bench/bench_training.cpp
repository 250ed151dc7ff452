// Training throughput: SFT tokens/s and DPO pairs/s (one policy forward over chosen + rejected rows,
// cached reference log-probs) with peak resident memory, for a ~100M Llama decoder, full fine-tune
// in float32 on CPU; then the same architecture, batch and sequence in plain PyTorch
// (bench/reference_training.py on /usr/bin/python3) and the ratios. Prints one JSON object.
// Also the peak memory of the LM-head loss chunked and through the full [B, T, V] logits.
//   bench_training [--vocab 32000] [--layers 8] [--hidden 768] [--heads 12] [--inter 2048] [--seq 128] [--batch 2]
//                  [--steps 3] [--threads N] [--no-python] [--logprob-chunk 1024 (0: full logits)] [--no-memory]
#include "common/openmp_spin.h"
#include "model/llava_model.h"
#include "training/optim.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

namespace {

template <typename F>
double timed(F&& step, int steps) {
    step();  // warm-up
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i) step();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / steps;
}

// Resident memory now (VmRSS) and the peak since the last reset (VmHWM), in bytes.
std::int64_t statusBytes(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::size_t n = std::strlen(key);
    while (std::getline(in, line))
        if (line.compare(0, n, key) == 0) return std::stoll(line.substr(n)) * 1024;
    return 0;
}
void resetPeakResident() { std::ofstream("/proc/self/clear_refs") << "5"; }  // VmHWM := VmRSS (Linux >= 4.0)

// Peak memory of one forward + backward of the LM-head loss above the resident memory before it,
// with the log-prob chunked (chunk > 0) or through the full [B, T, V] logits (chunk 0).
nlohmann::json lmHeadMemory(std::int64_t vocab, std::int64_t batch, std::int64_t seq, std::int64_t chunk) {
    using namespace stllava;
    model::LlavaConfig c;
    c.mm_projector_type.clear();
    c.text.vocab_size = vocab;
    c.text.hidden_size = 256;
    c.text.num_hidden_layers = 1;
    c.text.num_attention_heads = 4;
    c.text.num_key_value_heads = 4;
    c.text.intermediate_size = 512;
    c.text.max_position_embeddings = seq;
    model::BuildOptions b;
    b.with_vision_tower = false;
    torch::manual_seed(0);
    model::LlavaForCausalLM m(c, b);
    m->train();
    const auto ids = torch::randint(3, vocab, {batch, seq}, torch::kInt64);  // [B, T], every label counts
    model::ForwardOptions fo;
    fo.return_logits = false;
    fo.logprob_chunk = chunk;
    resetPeakResident();
    const std::int64_t before = statusBytes("VmRSS:");
    const auto t0 = std::chrono::steady_clock::now();
    auto out = m->forward(ids, {}, torch::ones({batch, seq}, torch::kInt64), ids, fo);
    out.loss.backward();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::int64_t peak = statusBytes("VmHWM:") - before;
    return {{"chunk", chunk}, {"peak_above_start_bytes", peak}, {"step_s", s}, {"loss", out.loss.item<double>()}};
}

}  // namespace

int main(int argc, char** argv) {
    stllava::restartWithShortOpenMpSpin(argv);  // as stllava and stllava-studio run (common/openmp_spin.h)
    std::int64_t vocab = 32000, hidden = 768, layers = 8, heads = 12, inter = 2048, seq = 128, batch = 2;
    int steps = 3;
    std::int64_t chunk = 1024;
    bool python = true, memory = true;
    for (int i = 1; i < argc; ++i) {
        auto next = [&] {
            if (i + 1 >= argc) {
                std::cerr << "bench_training: " << argv[i] << " needs a value\n";
                std::exit(2);
            }
            return std::stoll(argv[++i]);
        };
        if (!std::strcmp(argv[i], "--layers")) layers = next();
        else if (!std::strcmp(argv[i], "--vocab")) vocab = next();
        else if (!std::strcmp(argv[i], "--heads")) heads = next();
        else if (!std::strcmp(argv[i], "--inter")) inter = next();
        else if (!std::strcmp(argv[i], "--hidden")) hidden = next();
        else if (!std::strcmp(argv[i], "--seq")) seq = next();
        else if (!std::strcmp(argv[i], "--batch")) batch = next();
        else if (!std::strcmp(argv[i], "--steps")) steps = static_cast<int>(next());
        else if (!std::strcmp(argv[i], "--threads")) torch::set_num_threads(static_cast<int>(next()));
        else if (!std::strcmp(argv[i], "--no-python")) python = false;
        else if (!std::strcmp(argv[i], "--logprob-chunk")) chunk = next();
        else if (!std::strcmp(argv[i], "--no-memory")) memory = false;
        else {
            std::cerr << "bench_training: unknown option " << argv[i] << "\n";
            return 2;
        }
    }
    using namespace stllava;
    model::LlavaConfig c;
    c.mm_projector_type.clear();
    c.text.vocab_size = vocab;
    c.text.hidden_size = hidden;
    c.text.num_hidden_layers = layers;
    c.text.num_attention_heads = heads;
    c.text.num_key_value_heads = heads;
    c.text.intermediate_size = inter;
    c.text.max_position_embeddings = 4096;
    model::BuildOptions b;
    b.with_vision_tower = false;
    torch::manual_seed(0);
    model::LlavaForCausalLM m(c, b);
    m->train();
    std::vector<std::pair<std::string, torch::Tensor>> named;
    std::vector<torch::Tensor> params;
    std::int64_t count = 0;
    for (const auto& item : m->named_parameters()) {
        named.emplace_back(item.key(), item.value());
        params.push_back(item.value());
        count += item.value().numel();
    }
    training::AdamW opt(training::makeParamGroups(named, {1e-5, 1e-5, 1e-5, 1e-5}, 0.0), {});

    const auto ids = torch::randint(3, vocab, {batch, seq}, torch::kInt64);  // [B, T]
    auto labels = ids.clone();
    labels.narrow(1, 0, seq / 2).fill_(model::kIgnoreIndex);  // the prompt half is ignored
    const auto mask = torch::ones({batch, seq}, torch::kInt64);
    model::ForwardOptions fo;
    fo.return_logits = false;
    fo.logprob_chunk = chunk;
    auto sft = [&] {
        auto out = m->forward(ids, {}, mask, labels, fo);
        out.loss.backward();
        training::clipGradNorm(params, 1.0);
        opt.step(1.0);
        opt.zeroGrad();
    };
    const auto dpo_ids = torch::cat({ids, ids.flip(1)}, 0);  // [2B, T]: chosen rows, rejected rows
    const auto dpo_labels = torch::cat({labels, labels.flip(1)}, 0);
    const auto dpo_mask = torch::ones({2 * batch, seq}, torch::kInt64);
    const auto ref = torch::zeros({2 * batch});
    auto dpo = [&] {
        auto out = m->forward(dpo_ids, {}, dpo_mask, dpo_labels, fo);
        const auto lp = out.sequence_logps;
        const auto d = (lp.narrow(0, 0, batch) - ref.narrow(0, 0, batch)) - (lp.narrow(0, batch, batch) - ref.narrow(0, batch, batch));
        (-torch::log_sigmoid(0.1 * d).mean()).backward();
        training::clipGradNorm(params, 1.0);
        opt.step(1.0);
        opt.zeroGrad();
    };
    const double sft_s = timed(sft, steps);
    const double dpo_s = timed(dpo, steps);
    nlohmann::json cpp = {{"impl", "stllava"}, {"params", count}, {"threads", torch::get_num_threads()}, {"batch", batch},
                          {"seq", seq}, {"logprob_chunk", chunk}, {"sft_step_s", sft_s}, {"sft_tokens_per_s", batch * seq / sft_s},
                          {"dpo_step_s", dpo_s}, {"dpo_pairs_per_s", batch / dpo_s}, {"peak_rss_bytes", training::peakResidentBytes()}};
    nlohmann::json result = {{"stllava", cpp}};
    if (memory) {
        // Where the LM head dominates: B=4, T=1024 and the vocabulary (32000: the full logits alone are 0.5 GB in float32).
        const auto full = lmHeadMemory(vocab, 4, 1024, 0), chunked = lmHeadMemory(vocab, 4, 1024, 1024);
        result["lm_head_memory"] = {{"shape", "B=4 T=1024 V=" + std::to_string(vocab) + " H=256, 1 layer, forward+backward"},
                                    {"full_logits", full}, {"chunked", chunked},
                                    {"peak_ratio_full_over_chunked", full["peak_above_start_bytes"].get<double>() /
                                                                         std::max(1.0, chunked["peak_above_start_bytes"].get<double>())}};
    }
    if (python) {
        const std::string cmd = std::string("/usr/bin/python3 ") + STLLAVA_SOURCE_DIR + "/bench/reference_training.py --vocab " + std::to_string(vocab) +
                                " --heads " + std::to_string(heads) + " --inter " + std::to_string(inter) + " --layers " +
                                std::to_string(layers) + " --hidden " + std::to_string(hidden) + " --seq " + std::to_string(seq) +
                                " --batch " + std::to_string(batch) + " --steps " + std::to_string(steps) + " --threads " +
                                std::to_string(torch::get_num_threads());
        std::string out;
        if (FILE* p = ::popen(cmd.c_str(), "r")) {
            char buf[4096];
            while (std::fgets(buf, sizeof buf, p)) out += buf;
            ::pclose(p);
        }
        try {
            const auto py = nlohmann::json::parse(out);
            result["python"] = py;
            result["sft_speed_ratio"] = cpp["sft_tokens_per_s"].get<double>() / py["sft_tokens_per_s"].get<double>();
            result["dpo_speed_ratio"] = cpp["dpo_pairs_per_s"].get<double>() / py["dpo_pairs_per_s"].get<double>();
            result["peak_memory_ratio"] = cpp["peak_rss_bytes"].get<double>() / py["peak_rss_bytes"].get<double>();
        } catch (const std::exception&) {
            result["python_error"] = "reference_training.py gave no JSON: " + out.substr(0, 500);
        }
    }
    std::cout << result.dump(2) << std::endl;
    return 0;
}
