// Shared by the training test suites: a sentencepiece tokenizer trained on a small medical corpus,
// a tiny LlavaForCausalLM (text-only or with a 2x2-patch vision tower), data files in the LLaVA,
// STLLaVA and TRL layouts, and helpers to compare weights.
#pragma once

#include "model/llava_model.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <string>
#include <vector>

namespace fixtures {

inline const std::vector<std::string>& questions() {
    static const std::vector<std::string> q = {
        "What is shown in this chest X-ray?", "Is the heart size normal?", "What organ is shown?",
        "Is there a pleural effusion?", "What modality is this image?", "Where is the lesion?",
        "Is there a fracture?", "What is the abnormality?"};
    return q;
}
inline const std::vector<std::string>& answers() {
    static const std::vector<std::string> a = {
        "The chest X-ray shows a small effusion.", "Yes, the heart size is normal.", "The lungs.",
        "No, the angles are sharp.", "This is a CT scan.", "The lesion is in the liver.",
        "No fracture is seen.", "A nodule in the right lung."};
    return a;
}

inline std::string trainTokenizer(const std::string& dir) {
    const std::string corpus = dir + "/corpus.txt";
    std::ofstream out(corpus);
    const char* extra[] = {"A chat between a curious user and an artificial intelligence assistant.",
                           "The assistant gives helpful, detailed, and polite answers to the user's questions.",
                           "USER: ASSISTANT: VUSER: Also, the artificial intelligence assistant is a curious virtual user.",
                           "good answer bad answer wrong right"};
    for (int rep = 0; rep < 20; ++rep) {
        for (const auto& q : questions()) out << q << "\n";
        for (const auto& a : answers()) out << a << "\n";
        for (const char* e : extra) out << e << "\n";
    }
    out.close();
    stllava::TokenizerTrainOptions opt;
    opt.input_path = corpus;
    opt.model_prefix = dir + "/tok";
    opt.vocab_size = 400;
    opt.user_defined_symbols = {"<image>"};
    stllava::Tokenizer::train(opt);
    return opt.model_prefix + ".model";
}

// A tiny Llama decoder (and optionally a tiny CLIP tower: 28 px, patch 14 -> 4 image tokens).
inline stllava::model::LlavaConfig tinyConfig(std::int64_t vocab, bool vision) {
    stllava::model::LlavaConfig c;
    c.text.vocab_size = vocab;
    c.text.hidden_size = 32;
    c.text.intermediate_size = 64;
    c.text.num_hidden_layers = 2;
    c.text.num_attention_heads = 4;
    c.text.num_key_value_heads = 4;
    c.text.max_position_embeddings = 512;
    c.vision.hidden_size = 16;
    c.vision.intermediate_size = 32;
    c.vision.num_hidden_layers = 2;
    c.vision.num_attention_heads = 2;
    c.vision.patch_size = 14;
    c.vision.image_size = 28;
    c.vision_config_known = true;
    c.mm_hidden_size = 16;
    c.mm_vision_select_layer = -2;
    if (!vision) c.mm_projector_type.clear();
    return c;
}

inline stllava::model::LlavaForCausalLM tinyModel(std::int64_t vocab, bool vision, std::uint64_t seed = 1) {
    torch::manual_seed(seed);
    stllava::model::BuildOptions b;
    b.with_vision_tower = vision;
    return stllava::model::LlavaForCausalLM(tinyConfig(vocab, vision), b);
}

inline void writeJson(const std::string& path, const nlohmann::json& j) {
    std::ofstream(path) << j.dump(1);
}

// n single-turn or multi-turn items without images (text-only model).
inline nlohmann::json instructItems(int n, int turns = 1) {
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < n; ++i) {
        nlohmann::json conv = nlohmann::json::array();
        for (int t = 0; t < turns; ++t) {
            const auto k = static_cast<std::size_t>((i + t) % 8);
            conv.push_back({{"from", "human"}, {"value", questions()[k]}});
            conv.push_back({{"from", "gpt"}, {"value", answers()[k]}});
        }
        items.push_back({{"id", "item" + std::to_string(i)}, {"conversations", conv}});
    }
    return items;
}

// Bit-for-bit comparison of two tensor lists.
inline bool identical(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i])) return false;
    return true;
}

inline std::vector<torch::Tensor> snapshot(torch::nn::Module& m) {
    std::vector<torch::Tensor> out;
    for (const auto& p : m.parameters()) out.push_back(p.detach().clone());
    return out;
}

}  // namespace fixtures
