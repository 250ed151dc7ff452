// Tiny random LLaVA configurations and inputs shared by the model and generation tests.
#pragma once

#include "imaging/image_types.h"
#include "model/checkpoint_io.h"
#include "model/llava_model.h"
#include "tokenizer/tokenizer.h"

#include <torch/torch.h>

#include <fstream>
#include <string>
#include <vector>

namespace stllava::testing {

// vocab 96, hidden 32, 2 layers, 4 heads over 2 KV heads (GQA); CLIP 2 layers, patch 14, image 28
// (4 patches -> 4 image tokens); mlp2x_gelu projector unless `projector` says otherwise.
inline model::LlavaConfig tinyConfig(const std::string& projector = "mlp2x_gelu", std::int64_t image_size = 28) {
    model::LlavaConfig c;
    c.model_type = "llava";
    c.text.model_type = "llama";
    c.text.vocab_size = 96;
    c.text.hidden_size = 32;
    c.text.intermediate_size = 64;
    c.text.num_hidden_layers = 2;
    c.text.num_attention_heads = 4;
    c.text.num_key_value_heads = 2;
    c.text.rope_theta = 10000.0;
    c.text.rms_norm_eps = 1e-5;
    c.text.max_position_embeddings = 512;
    c.vision.hidden_size = 24;
    c.vision.intermediate_size = 48;
    c.vision.num_hidden_layers = 2;
    c.vision.num_attention_heads = 4;
    c.vision.patch_size = 14;
    c.vision.image_size = image_size;
    c.vision_config_known = true;
    c.mm_hidden_size = 24;
    c.mm_projector_type = projector;
    c.mm_vision_select_layer = -2;
    c.mm_vision_tower = "tiny-clip";
    c.cluster_num_centres = 3;
    return c;
}

// Random but deterministic parameters, scaled so that activations stay O(1) (norm weights too).
inline model::LlavaForCausalLM tinyModel(const model::LlavaConfig& config, std::uint64_t seed = 7,
                                         torch::Dtype dtype = torch::kFloat32) {
    torch::manual_seed(seed);
    model::BuildOptions build;
    model::LlavaForCausalLM m(config, build);
    torch::NoGradGuard no_grad;
    for (auto& p : m->parameters()) p.copy_(torch::randn(p.sizes()) * 0.2 + (p.dim() == 1 ? 1.0 : 0.0));
    m->to(dtype);
    m->eval();
    return m;
}

inline torch::Tensor randomPixels(std::int64_t n, std::int64_t size, std::uint64_t seed = 3) {
    torch::manual_seed(seed);
    return torch::randn({n, 3, size, size});
}

// One row of token ids in [3, vocab) with an image marker at `image_at` (-1: none).
inline std::vector<std::int64_t> randomIds(std::int64_t n, std::int64_t vocab, std::int64_t image_at, std::uint64_t seed) {
    auto t = torch::randint(3, vocab, {n}, torch::Generator(at::detail::createCPUGenerator(seed)));
    std::vector<std::int64_t> ids(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + n);
    if (image_at >= 0) ids[static_cast<std::size_t>(image_at)] = model::kImageTokenId;
    return ids;
}

inline torch::Tensor row(const std::vector<std::int64_t>& ids) {
    return torch::tensor(ids, torch::kInt64).unsqueeze(0);  // [1, T]
}

// Trains a small BPE sentencepiece model (byte fallback, "<image>" user symbol) on a few medical
// sentences in `dir`; returns the .model path.
inline std::string trainTinyTokenizer(const std::string& dir, int vocab_size) {
    const auto corpus = dir + "/corpus.txt";
    {
        std::ofstream out(corpus);
        for (int rep = 0; rep < 20; ++rep)
            out << "The chest X-ray shows no acute abnormality.\nIs there a lesion in the liver? Yes, a small one.\n"
                   "What organ is shown? The brain, on an axial MRI slice.\n";
    }
    TokenizerTrainOptions opt;
    opt.input_path = corpus;
    opt.model_prefix = dir + "/tok";
    opt.vocab_size = vocab_size;
    opt.user_defined_symbols = {"<image>"};
    Tokenizer::train(opt);
    return opt.model_prefix + ".model";
}

// A tiny model folder `dir`/`name` in the original LLaVA layout with a tokenizer trained in `dir`
// (vocab 300 for both): what a front end opens. Returns the model written.
inline model::LlavaForCausalLM writeTinyModelFolder(const std::string& dir, const std::string& name) {
    const auto tok = trainTinyTokenizer(dir, 300);
    auto cfg = tinyConfig();
    cfg.text.vocab_size = 300;
    auto m = tinyModel(cfg);
    model::SaveOptions so;
    so.tokenizer_model_path = tok;
    model::saveModel(dir + "/" + name, m, so);
    return m;
}

// A model folder `dir`/`name` (original LLaVA layout) of tinyModel(`config`), with a tokenizer
// of `config.text.vocab_size` pieces trained in `dir`; returns the folder.
inline std::string writeTinyModelFolder(const std::string& dir, const model::LlavaConfig& config,
                                        const std::string& name = "tiny-llava") {
    model::SaveOptions so;
    so.tokenizer_model_path = trainTinyTokenizer(dir, static_cast<int>(config.text.vocab_size));
    const std::string folder = dir + "/" + name;
    auto m = tinyModel(config);
    model::saveModel(folder, m, so);
    return folder;
}

// The 40x30 colour test scan (a gradient in each channel).
inline RgbImage tinyScan() {
    RgbImage img;
    img.width = 40;
    img.height = 30;
    for (int i = 0; i < img.width * img.height; ++i)
        img.pixels.insert(img.pixels.end(),
                          {std::uint8_t(i * 7), std::uint8_t(i * 3), std::uint8_t(255 - i)});
    return img;
}

}  // namespace stllava::testing
