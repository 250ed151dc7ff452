// Model and generation speed on this machine, printed as JSON:
//   prefill tokens/s (one prompt through the decoder onto the KV cache), decode tokens/s at batch 1
//   and batch 16 (generate(), greedy, text prompts, after the first token), time to first token
//   with one image (vision tower + projector + prefill + first step), the weight bytes a decode step
//   reads, and the process's peak RSS (VmHWM).
// Configurations (random weights, N(0, 0.02) matrices as the demo initialises them):
//   "tiny"     test-sized;
//   "demo"     the shape of `stllava demo run`'s model at the default scale (core/demo/demo_settings);
//   "100M"     a ~100M-parameter LLaVA (Llama decoder 768 x 8 layers, vocabulary 32000, small CLIP);
//   "1B"       a ~1.1B decoder shaped like TinyLlama (2048 x 22 layers, 4 KV heads) with a CLIP-B/16;
//   "7B-layer" one decoder layer shaped like Llama-7B's (multiply its per-token time by 32).
// Float32 on the CPU unless --dtype/--device say otherwise. --quant int8|q4 quantises the decoder's
// linear layers after building or loading (model/quantize_model.h).
//   bench_model [--only NAME] [--dtype f32|bf16|f16] [--device cpu|cuda] [--new-tokens N] [--prompt-tokens N]
//               [--quant none|int8|q4]
//               [--model DIR]   time the model folder DIR (written by --save) instead of fresh weights
//   bench_model --only NAME --save DIR
//               writes the configuration with random weights as a model folder (config.json,
//               model.safetensors) plus DIR/reference.json + DIR/reference.f32: our logits for a
//               short prompt, greedy cached decode steps and an image prompt, which the anchors
//               (bench/eager_llava.py, bench/llama_cpp_anchor.mjs) check themselves against.
#include "common/openmp_spin.h"
#include "generation/generate.h"
#include "model/checkpoint_io.h"
#include "model/llava_model.h"
#include "model/quantize_model.h"
#include "nn/threads.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <filesystem>
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
                std::int64_t patch, std::int64_t image) {
    c.vision.hidden_size = hidden;
    c.vision.intermediate_size = inter;
    c.vision.num_hidden_layers = layers;
    c.vision.num_attention_heads = heads;
    c.vision.patch_size = patch;
    c.vision.image_size = image;
    c.vision_config_known = true;
    c.mm_hidden_size = hidden;
    c.mm_projector_type = "mlp2x_gelu";
    c.mm_vision_select_layer = -2;
    c.mm_vision_tower = "bench-random-tower";  // its weights are in the model file
}

std::vector<BenchCase> allCases(int new_tokens, std::int64_t prompt_tokens) {
    std::vector<BenchCase> cases;
    auto p = [&](std::int64_t dflt) { return prompt_tokens > 0 ? prompt_tokens : dflt; };
    {
        auto c = textConfig(256, 64, 128, 2, 4, 2);
        withVision(c, 32, 64, 2, 4, 14, 56);  // 16 image tokens
        cases.push_back({"tiny", c, p(128), new_tokens, new_tokens});
    }
    {
        // demoSettingsFor(DemoScale::Default).model: vocabulary 1000, decoder 128 x 2 layers,
        // CLIP-like tower 48 x 2 layers at 64 px / 16 (16 image tokens).
        auto c = textConfig(1000, 128, 344, 2, 4, 4);
        c.text.max_position_embeddings = 1024;
        withVision(c, 48, 192, 2, 4, 16, 64);
        cases.push_back({"demo", c, p(256), new_tokens, new_tokens});
    }
    {
        auto c = textConfig(32000, 768, 2048, 8, 12, 12);  // ~106M decoder incl. embeddings and lm_head
        withVision(c, 256, 1024, 4, 4, 14, 224);            // 256 image tokens
        cases.push_back({"100M", c, p(512), new_tokens, std::max(1, new_tokens / 2)});
    }
    {
        auto c = textConfig(32000, 2048, 5632, 22, 32, 4);  // TinyLlama-1.1B's decoder shape
        withVision(c, 768, 3072, 12, 12, 16, 224);           // CLIP ViT-B/16: 196 image tokens
        cases.push_back({"1B", c, p(512), new_tokens, std::max(1, new_tokens / 2)});
    }
    {
        auto c = textConfig(256, 4096, 11008, 1, 32, 32);  // one Llama-7B-shaped layer; tiny vocabulary
        c.mm_projector_type.clear();                       // text only
        cases.push_back({"7B-layer", c, p(512), new_tokens, std::max(1, new_tokens / 2)});
    }
    return cases;
}

// As the demo initialises its model (core/demo/demo_model.cpp): N(0, 0.02) matrices and embeddings,
// norms at 1, biases at 0; libtorch's defaults (N(0, 1) embeddings) would make the logits huge.
void initialise(stllava::model::LlavaForCausalLM& m) {
    torch::NoGradGuard no_grad;
    for (auto& p : m->named_parameters()) {
        auto& t = p.value();
        const std::string& name = p.key();
        const bool bias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
        if (t.dim() >= 2) t.normal_(0.0, 0.02);
        else if (bias) t.zero_();
        else if (name.find("norm") != std::string::npos || name.find("layrnorm") != std::string::npos) t.fill_(1.0);
        else t.normal_(0.0, 0.02);
    }
}

std::vector<std::int64_t> promptIds(std::int64_t n, std::int64_t vocab, bool image) {
    auto t = torch::randint(3, vocab, {n}, torch::kInt64);
    std::vector<std::int64_t> ids(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + n);
    if (image) ids[1] = stllava::model::kImageTokenId;
    return ids;
}

// The image every anchor can rebuild without a file: sin(0.001 * i) over the [1, 3, S, S] elements.
torch::Tensor referencePixels(std::int64_t S) {
    return torch::arange(3 * S * S, torch::kFloat64).mul(0.001).sin().to(torch::kFloat32).reshape({1, 3, S, S});
}

// Bytes one decode step reads: every decoder matrix and norm, the lm_head (the embedding table only
// one row, left out). The KV cache is added by the report from the context length.
std::int64_t weightBytesPerToken(stllava::model::LlavaForCausalLM& m) {
    std::int64_t bytes = 0;
    for (const auto& p : m->named_parameters()) {
        const auto& k = p.key();
        if (k.rfind("model.layers.", 0) == 0 || k.rfind("model.norm.", 0) == 0 || k.rfind("lm_head.", 0) == 0)
            bytes += p.value().numel() * static_cast<std::int64_t>(p.value().element_size());
    }
    return bytes;
}

// --save: the model folder and our reference outputs.
void saveWithReference(const BenchCase& bc, const std::string& dir) {
    torch::NoGradGuard no_grad;
    torch::manual_seed(1);
    stllava::model::LlavaForCausalLM model(bc.config, stllava::model::BuildOptions{});
    initialise(model);
    model->eval();
    stllava::model::saveModel(dir, model);
    const auto V = bc.config.text.vocab_size;
    std::vector<torch::Tensor> rows;  // float32 logits rows, in the order reference.json lists them
    nlohmann::json ref;
    ref["config"] = bc.name;
    ref["vocab_size"] = V;
    // Text prompt: prefill onto the cache, then greedy cached steps (the decode path we time).
    const std::int64_t T = 16;
    const int steps = 8;
    const auto prompt = promptIds(T, V, false);
    ref["prompt_ids"] = prompt;
    stllava::model::KVCache cache;
    model->allocateCache(cache, 1, T + steps + 1);
    auto ids = torch::tensor(prompt, torch::kInt64).unsqueeze(0);
    auto h = model->decode(model->embedTokens(ids), {}, &cache);
    auto lg = model->logits(h.narrow(1, T - 1, 1)).reshape({V}).to(torch::kFloat32);
    std::vector<std::int64_t> greedy;
    for (int s = 0; s < steps; ++s) {
        rows.push_back(lg.clone());
        const auto tok = lg.argmax().item<std::int64_t>();
        greedy.push_back(tok);
        h = model->decode(model->embedTokens(torch::tensor({tok}, torch::kInt64).unsqueeze(0)), {}, &cache);
        lg = model->logits(h).reshape({V}).to(torch::kFloat32);
    }
    ref["greedy_tokens"] = greedy;  // rows 0..steps-1: the logits each greedy token was picked from
    ref["logit_rows"] = {{"text_steps", {0, steps}}};
    // The same prompt through generate() must pick the same tokens (our two paths agree).
    {
        stllava::GenerateOptions go;
        go.sampling.greedy = true;
        go.sampling.stop_on_eos = false;
        go.sampling.max_new_tokens = steps;
        auto res = stllava::generate(model, nullptr, {stllava::GenerationRequest{prompt, {}}}, go);
        ref["generate_tokens"] = std::vector<std::int64_t>(res[0].tokens.begin(), res[0].tokens.end());
    }
    if (bc.config.hasVision()) {
        auto iprompt = promptIds(12, V, false);
        iprompt[6] = stllava::model::kImageTokenId;
        const auto S = bc.config.vision.image_size;
        auto out = model->forward(torch::tensor(iprompt, torch::kInt64).unsqueeze(0), referencePixels(S), {});
        const auto Tp = out.logits.size(1);
        rows.push_back(out.logits[0][Tp - 1].to(torch::kFloat32).clone());
        ref["image_prompt_ids"] = iprompt;
        ref["image_size"] = S;
        ref["image_tokens"] = bc.config.imageTokens();
        ref["logit_rows"]["image_last"] = {steps, steps + 1};
    }
    auto all = torch::stack(rows).contiguous();
    {
        std::ofstream bin(dir + "/reference.f32", std::ios::binary);
        bin.write(reinterpret_cast<const char*>(all.data_ptr<float>()), static_cast<std::streamsize>(all.numel() * 4));
        if (!bin) throw std::runtime_error("cannot write " + dir + "/reference.f32");
    }
    ref["logit_rows_total"] = all.size(0);
    std::ofstream(dir + "/reference.json") << ref.dump(1) << "\n";
    std::int64_t params = 0;
    for (const auto& p : model->parameters()) params += p.numel();
    std::cout << nlohmann::json{{"saved", dir}, {"config", bc.name}, {"parameters", params}}.dump() << "\n";
}

nlohmann::json runCase(const BenchCase& bc, torch::Dtype dtype, torch::Device device, const std::string& model_dir,
                       stllava::quant::Format quant) {
    torch::NoGradGuard no_grad;
    torch::manual_seed(1);
    const auto t_build = Clock::now();
    stllava::model::LlavaForCausalLM model{nullptr};
    LlavaConfig config = bc.config;
    if (model_dir.empty()) {
        stllava::model::BuildOptions build;
        build.dtype = dtype;
        build.device = device;
        model = stllava::model::LlavaForCausalLM(bc.config, build);
        initialise(model);
    } else {
        stllava::model::LoadOptions lo;
        lo.dtype = dtype;
        lo.device = device;
        lo.require_tokenizer = false;
        auto loaded = stllava::model::loadModel(model_dir, lo);
        model = loaded.model;
        config = loaded.config;
    }
    model->eval();
    std::int64_t params = 0;
    for (const auto& p : model->parameters()) params += p.numel();
    std::int64_t weight_bytes = weightBytesPerToken(model);
    const auto qreport = stllava::model::quantizeForInference(*model, quant);
    nlohmann::json j;
    j["config"] = bc.name;
    j["model_dir"] = model_dir;
    j["parameters"] = params;
    j["quant"] = stllava::quant::formatName(quant);
    if (quant != stllava::quant::Format::None) {
        j["quantized_layers"] = qreport.layers;
        j["quantized_bytes"] = qreport.quantized_bytes;
        j["quantized_float_bytes"] = qreport.float_bytes;
        weight_bytes = weight_bytes - static_cast<std::int64_t>(qreport.float_bytes) + static_cast<std::int64_t>(qreport.quantized_bytes);
    }
    j["weight_bytes_per_token"] = weight_bytes;
    j["build_s"] = seconds(t_build, Clock::now());
    const auto V = config.text.vocab_size;
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

    // Decode through generate(): tokens/s after the first token. Row i's prompt has 32 + i tokens.
    auto decodeRate = [&](int batch, int new_tokens, bool image, double* ttft) {
        std::vector<stllava::GenerationRequest> reqs(static_cast<std::size_t>(batch));
        for (int i = 0; i < batch; ++i) {
            reqs[static_cast<std::size_t>(i)].input_ids = promptIds(32 + i, V, image);
            if (image) {
                const auto S = config.vision.image_size;
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
        if (new_tokens < 2) return 0.0;
        // tokens of the rows after the step that produced the first token of row 0
        const double rows_after = static_cast<double>(after_first - (batch - 1));
        return rows_after / seconds(t_first, t_end);
    };
    decodeRate(1, 4, false, nullptr);  // warm-up
    j["decode_prompt_tokens"] = 32;
    j["decode_tokens_per_s_batch1"] = decodeRate(1, bc.new_tokens_b1, false, nullptr);
    j["decode_tokens_per_s_batch16"] = decodeRate(16, bc.new_tokens_b16, false, nullptr);
    j["new_tokens_batch1"] = bc.new_tokens_b1;
    j["new_tokens_batch16"] = bc.new_tokens_b16;
    if (model->hasVision()) {
        // 32 prompt tokens, one of them the image (best of 2, the first run warms the tower up)
        double best = 1e30;
        for (int rep = 0; rep < 2; ++rep) {
            double ttft = 0;
            decodeRate(1, 1, true, &ttft);
            best = std::min(best, ttft);
        }
        j["ttft_one_image_s"] = best;
        j["image_tokens"] = config.imageTokens();
    }
    j["vm_hwm_mb"] = vmHwmMb();
    return j;
}

}  // namespace

int main(int argc, char** argv) {
    stllava::restartWithShortOpenMpSpin(argv);  // as stllava and stllava-studio run (common/openmp_spin.h)
    std::string only, dtype_name = "f32", device_name = "cpu", save_dir, model_dir, quant_name = "none";
    int new_tokens = 32;
    std::int64_t prompt_tokens = 0;
    try {
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
            else if (a == "--prompt-tokens") prompt_tokens = std::stoll(next());
            else if (a == "--save") save_dir = next();
            else if (a == "--model") model_dir = next();
            else if (a == "--quant") quant_name = next();
            else throw std::runtime_error("unknown option " + a);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_model: " << e.what() << "\n"
                  << "usage: bench_model [--only tiny|demo|100M|1B|7B-layer] [--dtype f32|bf16|f16] [--device cpu|cuda]\n"
                     "                   [--new-tokens N] [--prompt-tokens N] [--model DIR] [--save DIR] [--quant none|int8|q4]\n";
        return 2;
    }
    stllava::nn::configureComputeThreads(0);  // all cores unless $STLLAVA_THREADS / $OMP_NUM_THREADS say otherwise
    const torch::Dtype dtype = dtype_name == "bf16" ? torch::kBFloat16 : dtype_name == "f16" ? torch::kFloat16 : torch::kFloat32;
    const torch::Device device(device_name);
    stllava::quant::Format quant;
    try {
        quant = stllava::quant::parseFormat(quant_name);
    } catch (const std::exception& e) {
        std::cerr << "bench_model: " << e.what() << "\n";
        return 2;
    }
    const auto cases = allCases(new_tokens, prompt_tokens);
    if ((!save_dir.empty() || !model_dir.empty()) && only.empty()) {
        std::cerr << "bench_model: --save and --model need --only NAME\n";
        return 2;
    }
    bool known = only.empty();
    for (const auto& bc : cases) known = known || bc.name == only;
    if (!known) {
        std::cerr << "bench_model: unknown configuration '" << only << "' (tiny, demo, 100M, 1B, 7B-layer)\n";
        return 2;
    }
    try {
        if (!save_dir.empty()) {
            for (const auto& bc : cases)
                if (bc.name == only) saveWithReference(bc, save_dir);
            return 0;
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
            if (only.empty() ? bc.name == "1B" : bc.name != only) continue;  // 1B only when asked for
            out["results"].push_back(runCase(bc, dtype, device, model_dir, quant));
            std::cerr << out["results"].back().dump() << "\n";
        }
        out["vm_hwm_mb"] = vmHwmMb();
        std::cout << out.dump(2) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "bench_model: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
