#include "pipeline/model_info.h"

#include <cstdio>
#include <sstream>

namespace stllava::pipeline {
namespace {

std::string bytesText(std::int64_t b) {
    char buf[32];
    if (b >= (1LL << 30))
        std::snprintf(buf, sizeof buf, "%.2f GiB", static_cast<double>(b) / (1LL << 30));
    else if (b >= (1LL << 20))
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(b) / (1LL << 20));
    else
        std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(b) / 1024.0);
    return buf;
}

std::string countText(std::int64_t n) {
    char buf[32];
    if (n >= 1000000000)
        std::snprintf(buf, sizeof buf, "%.2fB", static_cast<double>(n) / 1e9);
    else if (n >= 1000000)
        std::snprintf(buf, sizeof buf, "%.1fM", static_cast<double>(n) / 1e6);
    else
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
    return buf;
}

std::string listText(const std::vector<std::string>& v, std::size_t max = 8) {
    if (v.empty()) return "none";
    std::string s;
    for (std::size_t i = 0; i < v.size() && i < max; ++i) s += (i ? ", " : "") + v[i];
    if (v.size() > max) s += ", ... (" + std::to_string(v.size()) + " in all)";
    return s;
}

}  // namespace

nlohmann::json ModelInfo::toJson() const {
    nlohmann::json adapter_json = nullptr;
    if (!adapter.path.empty())
        adapter_json = {{"path", adapter.path},
                        {"mode", adapter.mode},
                        {"rank", adapter.rank},
                        {"alpha", adapter.alpha},
                        {"adapted_layers", adapter.adapted_layers},
                        {"missing_modules", adapter.missing_modules},
                        {"non_lora_loaded", adapter.non_lora_loaded},
                        {"sha256", adapter.digest}};
    return {{"model_dir", model_dir},
            {"checkpoint", checkpoint},
            {"layout", layout},
            {"model_type", model_type},
            {"dtype", dtype},
            {"quant", quant},
            {"device", device},
            {"template", template_name},
            {"projector", projector},
            {"vision_tower", vision_tower},
            {"image_aspect_ratio", image_aspect_ratio},
            {"image_size", image_size},
            {"image_tokens", image_tokens},
            {"vocab_size", vocab_size},
            {"tokenizer_vocab", tokenizer_vocab},
            {"hidden_size", hidden_size},
            {"layers", layers},
            {"heads", heads},
            {"kv_heads", kv_heads},
            {"context_length", context_length},
            {"parameters",
             {{"total", parameters},
              {"decoder", decoder_parameters},
              {"vision", vision_parameters},
              {"projector", projector_parameters}}},
            {"tensors", {{"missing", missing}, {"unexpected", unexpected}, {"ignored", ignored}}},
            {"adapter", adapter_json},
            {"memory_bytes",
             {{"weights", memory.weights},
              {"kv_cache_per_token", memory.kv_cache_per_token},
              {"context_tokens", memory.context_tokens},
              {"run", memory.run},
              {"train_lora", memory.train_lora},
              {"lora_parameters", memory.lora_parameters}}},
            {"digest", digest},
            {"load_seconds", load_seconds}};
}

std::string ModelInfo::toText() const {
    std::ostringstream o;
    auto row = [&](const char* k, const std::string& v) {
        o << "  " << k << std::string(k[0] ? 22 - std::string(k).size() : 0, ' ') << v << "\n";
    };
    o << model_dir << "\n";
    row("layout", layout + " (" + checkpoint + ")");
    row("decoder", model_type + ", " + std::to_string(layers) + " layers, hidden " +
                       std::to_string(hidden_size) + ", " + std::to_string(heads) + " heads (" +
                       std::to_string(kv_heads) + " KV), context " + std::to_string(context_length));
    row("vocabulary", std::to_string(vocab_size) + " (tokenizer " + std::to_string(tokenizer_vocab) + ")");
    if (!projector.empty()) {
        row("vision tower", vision_tower + ", " + std::to_string(image_size) + " px -> " +
                                std::to_string(image_tokens) + " tokens");
        row("projector", projector);
        row("image preprocessing", image_aspect_ratio);
    } else {
        row("vision", "none (text only)");
    }
    row("template", template_name);
    row("parameters", countText(parameters) + " (decoder " + countText(decoder_parameters) + ", vision " +
                          countText(vision_parameters) + ", projector " + countText(projector_parameters) +
                          ")");
    row("dtype / device", dtype + " on " + device);
    if (quant != "none") row("quantised", quant + " (decoder linear layers; lm_head int8)");
    if (!adapter.path.empty()) {
        row("adapter", adapter.path + " (" + adapter.mode + ", r=" + std::to_string(adapter.rank) +
                           ", alpha=" + std::to_string(static_cast<long long>(adapter.alpha)) + ", " +
                           std::to_string(adapter.adapted_layers) + " layers)");
        if (!adapter.non_lora_loaded.empty()) row("non-LoRA weights", listText(adapter.non_lora_loaded));
        if (!adapter.missing_modules.empty()) row("adapter missing", listText(adapter.missing_modules));
    }
    row("unexpected tensors", listText(unexpected));
    row("ignored tensors", listText(ignored));
    row("memory: weights", bytesText(memory.weights));
    row("memory: to run", bytesText(memory.run) + " (batch 1, " + std::to_string(memory.context_tokens) +
                              " tokens; KV cache " + bytesText(memory.kv_cache_per_token) + " per token)");
    row("memory: LoRA training", bytesText(memory.train_lora) + " (r=128 on the decoder, " +
                                     countText(memory.lora_parameters) +
                                     " adapter parameters, AdamW, no activation checkpointing)");
    row("digest", digest);
    return o.str();
}

}  // namespace stllava::pipeline
