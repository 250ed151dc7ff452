// What a front end asks to open: a model folder, optionally a CLIP tower folder and a LoRA
// adapter, on a device at a dtype. Plain value type (no torch): the UI, the server and the
// command line fill it from their settings.
#pragma once

#include <string>

namespace stllava::pipeline {

enum class AdapterMode {
    Merge,  // W += scale * B A at load: as fast as the base model; the adapter can't be switched off
    Live,   // the adapter stays beside W (can be disabled, e.g. for a DPO reference; a little slower)
};
const char* adapterModeName(AdapterMode mode);  // "merge", "live"

struct ModelSource {
    std::string model_dir;  // config.json + safetensors (any layout) + tokenizer.model
    // CLIP checkpoint folder when the model lacks its tower. "" = the checkpoint's own tower, else
    // the folder config.json's mm_vision_tower names, tried relative to the model folder, then the
    // working directory.
    std::string vision_tower_dir;
    // PEFT folder: adapter_config.json + adapter_model.safetensors, and optionally
    // non_lora_trainables.safetensors (the projector etc., loaded into the base weights). "" = none.
    std::string adapter_dir;
    AdapterMode adapter_mode = AdapterMode::Merge;
    std::string dtype = "auto";     // "auto" (f32 on CPU, f16 on CUDA), "f32", "bf16", "f16"
    std::string device = "cpu";     // "cpu", "cuda", "cuda:N"
    // Weight-only quantisation of the decoder's linear layers for CPU inference (after a merged
    // adapter): "none", "int8" (per output channel), "q4" (groups of 32). Not with training.
    std::string quant = "none";
    std::string template_name;      // conversation template; "" = chosen from the model
    bool text_only = false;         // decoder only (no tower, no projector)
    bool allow_unexpected = false;  // tolerate checkpoint tensors that have no place in the model
};

// Throws std::invalid_argument naming the bad value ("dtype 'f8': expected auto, f32, bf16 or f16",
// "quant 'q3': expected none, int8 or q4").
void validate(const ModelSource& source);

}  // namespace stllava::pipeline
