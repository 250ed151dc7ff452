// What a session loaded, as a plain value type: shown by `stllava model info`, the desktop
// application's model panel, and written into every answer's provenance. No torch.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace stllava::pipeline {

// Memory the model needs, estimated from its shapes at the loaded dtype (bytes).
struct MemoryEstimate {
    std::int64_t weights = 0;             // parameters and buffers as loaded
    std::int64_t kv_cache_per_token = 0;  // one sequence, all layers, keys and values
    std::int64_t context_tokens = 0;      // the context the two figures below assume (batch 1)
    // weights + KV cache for context_tokens + the largest activations of one forward (logits, MLP)
    std::int64_t run = 0;
    // LoRA training as the paper does it (r=128 on every decoder linear layer, projector trained,
    // AdamW): weights + adapter params with gradients and two moments in float32 + activations
    // kept for backward over context_tokens (without activation checkpointing).
    std::int64_t train_lora = 0;
    std::int64_t lora_parameters = 0;  // adapter parameters of that LoRA
};

struct AdapterInfo {
    std::string path;  // the PEFT folder ("" = no adapter)
    std::string mode;  // "merge" or "live"
    std::int64_t rank = 0;
    double alpha = 0.0;
    std::int64_t adapted_layers = 0;
    std::vector<std::string> missing_modules;  // matched target_modules but had no weights in the file
    std::vector<std::string> non_lora_loaded;  // base tensors from non_lora_trainables.safetensors
    std::string digest;                        // SHA-256 of the adapter's weight file(s)
};

struct ModelInfo {
    std::string model_dir;
    std::string checkpoint;     // the safetensors file or index read
    std::string layout;         // "original LLaVA (model.*)", "llava-hf (...)"
    std::string model_type;     // "llama", "mistral"
    std::string dtype;          // "float32", "bfloat16", "float16"
    std::string quant = "none"; // decoder linears: "none", "int8", "q4" (ModelSource::quant)
    std::string device;         // "cpu", "cuda:0"
    std::string template_name;  // the conversation template answers use
    std::string projector;      // "mlp2x_gelu", "cluster", "linear" ("" text-only)
    std::string vision_tower;   // where the tower came from: "checkpoint" or a folder ("" text-only)
    std::string image_aspect_ratio;
    int image_size = 0;  // pixels per side the tower takes
    std::int64_t image_tokens = 0;
    std::int64_t vocab_size = 0, tokenizer_vocab = 0;
    std::int64_t hidden_size = 0, layers = 0, heads = 0, kv_heads = 0, context_length = 0;
    std::int64_t parameters = 0, decoder_parameters = 0, vision_parameters = 0, projector_parameters = 0;
    std::vector<std::string> unexpected;  // checkpoint tensors with no place in the model (allowed)
    std::vector<std::string> ignored;     // known-harmless extras (rotary inv_freq, position_ids, ...)
    std::vector<std::string> missing;     // tensors the model needs that no file had (always empty
                                          // once open succeeded: a missing tensor is an error)
    AdapterInfo adapter;
    MemoryEstimate memory;
    // Identity of the weights for provenance: SHA-256 over config.json and every weight file's
    // name, size and safetensors header (cheap: the tensor data itself is not read).
    std::string digest;
    double load_seconds = 0.0;

    nlohmann::json toJson() const;
    std::string toText() const;  // the human table `stllava model info` prints
};

}  // namespace stllava::pipeline
