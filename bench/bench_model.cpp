// Model and generation speed on this machine, printed as JSON:
//   prefill tokens/s (one prompt through the decoder onto the KV cache), decode tokens/s at batch 1
//   and batch 16 (generate(), greedy, after the first token), time to first token with one image
//   (vision tower + projector + prefill + first step), and the process's peak RSS (VmHWM).
// Configurations: "tiny" (test-sized), "100M" (a ~100M-parameter LLaVA with a small CLIP) and
// "7B-layer" (one decoder layer shaped like Llama-7B's: hidden 4096, 32 heads, intermediate 11008;
// multiply its per-token time by 32 for a 7B decoder's). Random weights; float32 on the CPU unless
// --dtype/--device say otherwise.
// --quant int8|q4 quantises the decoder's linear layers after building (model/quantize_model.h).
//   bench_model [--only NAME] [--dtype f32|bf16|f16] [--device cpu|cuda] [--new-tokens N] [--quant none|int8|q4]
#include "generation/generate.h"
#include "model/llava_model.h"
#include "model/quantize_model.h"
#include "nn/threads.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
using stllava::model::LlavaConfig;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double vmHwmMb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // kB -> MB
    return -1.0;
}

struct BenchCase {
    std::string name;
    LlavaConfig config;
    std::int64_t prompt_tokens;  // text tokens of the prefill measurement
    int new_tokens_b1, new_tokens_b16;
};

LlavaConfig textConfig(std::int64_t vocab, std::int64_t hidden, std::int64_t inter, std::int64_t layers, std::int64_t heads,
                       std::int64_t kv_heads) {
    LlavaConfig c;
    c.text.vocab_size = vocab;
    c.text.hidden_size = hidden;
    c.text.intermediate_size = inter;
    c.text.num_hidden_layers = layers;
    c.text.num_attention_heads = heads;
    c.text.num_key_value_heads = kv_heads;
    c.text.max_position_embeddings = 4096;
    return c;
}

void withVision(LlavaConfig& c, std::int64_t hidden, std::int64_t inter, std::int64_t layers, std::int64_t heads,
                std::int64_t image) {
    c.vision.hidden_size = hidden;
    c.vision.intermediate_size = inter;
    c.vision.num_hidden_layers = layers;
    c.vision.num_attention_heads = heads;
    c.vision.patch_size = 14;
    c.vision.image_size = image;
    c.vision_config_known = true;
    c.mm_hidden_size = hidden;
    c.mm_projector_type = "mlp2x_gelu";
}

std::vector<std::int64_t> promptIds(std::int64_t n, std::int64_t vocab, bool image) {
    auto t = torch::randint(3, vocab, {n}, torch::kInt64);
    std::vector<std::int64_t> ids(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + n);
    if (image) ids[1] = stllava::model::kImageTokenId;
    return ids;
}

nlohmann::json runCase(const BenchCase& bc, torch::Dtype dtype, torch::Device device, stllava::quant::Format quant) {
    torch::NoGradGuard no_grad;
    torch::manual_seed(1);
    const auto t_build = Clock::now();
    stllava::model::BuildOptions build;
    build.dtype = dtype;
    build.device = device;
    stllava::model::LlavaForCausalLM model(bc.config, build);
    model->eval();
    const auto qreport = stllava::model::quantizeForInference(*model, quant);
    std::int64_t params = 0;
    for (const auto& p : model->parameters()) params += p.numel();
    nlohmann::json j;
    j["config"] = bc.name;
    j["parameters"] = params;
    j["build_s"] = seconds(t_build, Clock::now());
    j["quant"] = stllava::quant::formatName(quant);
    if (quant != stllava::quant::Format::None) {
        j["quantized_layers"] = qreport.layers;
        j["quantized_bytes"] = qreport.quantized_bytes;
        j["quantized_float_bytes"] = qreport.float_bytes;
    }
    const auto V = bc.config.text.vocab_size;
    auto sync = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };

    // Prefill: P text tokens through the decoder onto an empty cache (best of 2).
    {
        stllava::model::KVCache cache;
        auto ids = torch::randint(3, V, {1, bc.prompt_tokens}, torch::kInt64);
        double best = 1e30;
        for (int rep = 0; rep < 2; ++rep) {
            model->allocateCache(cache, 1, bc.prompt_tokens + 1);
            sync();
            const auto t0 = Clock::now();
            auto h = model->decode(model->embedTokens(ids), {}, &cache);
            model->logits(h.narrow(1, bc.prompt_tokens - 1, 1)).argmax(-1).item<std::int64_t>();
            sync();
            best = std::min(best, seconds(t0, Clock::now()));
        }
        j["prefill_tokens"] = bc.prompt_tokens;
        j["prefill_tokens_per_s"] = static_cast<double>(bc.prompt_tokens) / best;
    }

    // Decode through generate(): tokens/s after the first token, at batch 1 and 16.
    auto decodeRate = [&](int batch, int new_tokens, bool image, double* ttft) {
        std::vector<stllava::GenerationRequest> reqs(static_cast<std::size_t>(batch));
        for (int i = 0; i < batch; ++i) {
            reqs[static_cast<std::size_t>(i)].input_ids = promptIds(32 + i, V, image);
            if (image) {
                const auto S = bc.config.vision.image_size;
                reqs[static_cast<std::size_t>(i)].pixel_values = torch::randn({1, 3, S, S});
            }
        }
        stllava::GenerateOptions go;
        go.sampling.greedy = true;
        go.sampling.stop_on_eos = false;
        go.sampling.max_new_tokens = new_tokens;
        go.max_batch = batch;
        Clock::time_point t_first;
        bool first = true;
        std::int64_t after_first = 0;
        const auto t0 = Clock::now();
        stllava::generate(model, nullptr, reqs, go, [&](int, std::int32_t, std::string_view) {
            if (first) {
                t_first = Clock::now();
                first = false;
            } else {
                ++after_first;
            }
            return true;
        });
        sync();
        const auto t_end = Clock::now();
        if (ttft) *ttft = seconds(t0, t_first);
        // tokens of the rows after the step that produced the first token of row 0
        const double rows_after = static_cast<double>(after_first - (batch - 1));
        return rows_after / seconds(t_first, t_end);
    };
    const bool vision = bc.config.hasVision();
    decodeRate(1, 4, false, nullptr);  // warm-up
    double ttft = 0;
    j["decode_tokens_per_s_batch1"] = decodeRate(1, bc.new_tokens_b1, vision, vision ? &ttft : nullptr);
    if (vision) {
        j["ttft_one_image_s"] = ttft;
        j["image_tokens"] = bc.config.imageTokens();
    }
    j["decode_tokens_per_s_batch16"] = decodeRate(16, bc.new_tokens_b16, false, nullptr);
    j["new_tokens_batch1"] = bc.new_tokens_b1;
    j["new_tokens_batch16"] = bc.new_tokens_b16;
    j["vm_hwm_mb"] = vmHwmMb();
    return j;
}

}  // namespace

int main(int argc, char** argv) {
    std::string only, dtype_name = "f32", device_name = "cpu", quant_name = "none";
    int new_tokens = 32;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--only") only = next();
        else if (a == "--dtype") dtype_name = next();
        else if (a == "--device") device_name = next();
        else if (a == "--new-tokens") new_tokens = std::stoi(next());
        else if (a == "--quant") quant_name = next();
        else {
            std::cerr << "usage: bench_model [--only tiny|100M|7B-layer] [--dtype f32|bf16|f16] [--device cpu|cuda] [--new-tokens N] [--quant none|int8|q4]\n";
            return 2;
        }
    }
    stllava::nn::configureComputeThreads(0);  // all cores unless $STLLAVA_THREADS / $OMP_NUM_THREADS say otherwise
    const torch::Dtype dtype = dtype_name == "bf16" ? torch::kBFloat16 : dtype_name == "f16" ? torch::kFloat16 : torch::kFloat32;
    const torch::Device device(device_name);
    const auto quant = stllava::quant::parseFormat(quant_name);

    std::vector<BenchCase> cases;
    {
        auto c = textConfig(256, 64, 128, 2, 4, 2);
        withVision(c, 32, 64, 2, 4, 56);  // 16 image tokens
        cases.push_back({"tiny", c, 128, new_tokens, new_tokens});
    }
    {
        auto c = textConfig(32000, 768, 2048, 8, 12, 12);  // ~106M decoder incl. embeddings and lm_head
        withVision(c, 256, 1024, 4, 4, 224);                // 256 image tokens
        cases.push_back({"100M", c, 512, new_tokens, new_tokens / 2});
    }
    {
        auto c = textConfig(256, 4096, 11008, 1, 32, 32);  // one Llama-7B-shaped layer; tiny vocabulary
        c.mm_projector_type.clear();                       // text only
        cases.push_back({"7B-layer", c, 512, new_tokens, new_tokens / 2});
    }
    nlohmann::json out;
    out["torch_threads"] = torch::get_num_threads();
    {
        std::ifstream la("/proc/loadavg");
        double load = 0;
        la >> load;
        out["load_average_1min"] = load;  // other work on the machine slows every figure
    }
    out["dtype"] = dtype_name;
    out["quant"] = quant_name;
    out["device"] = device_name;
    out["results"] = nlohmann::json::array();
    for (const auto& bc : cases) {
        if (!only.empty() && bc.name != only) continue;
        out["results"].push_back(runCase(bc, dtype, device, quant));
        std::cerr << out["results"].back().dump() << "\n";
    }
    out["vm_hwm_mb"] = vmHwmMb();
    std::cout << out.dump(2) << "\n";
    return 0;
}
