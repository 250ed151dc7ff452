// Typed configuration of a LLaVA model (decoder + CLIP vision tower + projector), read from the
// config.json of an original LLaVA / LLaVA-Med / SQ-LLaVA checkpoint (flat Llama fields plus
// `mm_*` fields) or of a llava-hf checkpoint (`text_config`, `vision_config`), and written back in
// the original layout for our own checkpoints. One place for every default.
// Errors: std::runtime_error naming the file (or "config") and the field.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace stllava::model {

// CLIP ViT (transformers' CLIPVisionConfig). Defaults: ViT-L/14 at 336 px.
struct VisionConfig {
    std::int64_t hidden_size = 1024;
    std::int64_t intermediate_size = 4096;
    std::int64_t num_hidden_layers = 24;
    std::int64_t num_attention_heads = 16;
    std::int64_t patch_size = 14;
    std::int64_t image_size = 336;
    std::int64_t num_channels = 3;
    double layer_norm_eps = 1e-5;
    std::string hidden_act = "quick_gelu";  // "quick_gelu" or "gelu"

    std::int64_t gridSize() const { return image_size / patch_size; }      // 24
    std::int64_t numPatches() const { return gridSize() * gridSize(); }    // 576
    std::int64_t headDim() const { return hidden_size / num_attention_heads; }
};

// Llama / Mistral decoder (transformers' LlamaConfig / MistralConfig fields).
struct TextConfig {
    std::string model_type = "llama";  // "llama" or "mistral"
    std::int64_t vocab_size = 32000;
    std::int64_t hidden_size = 4096;
    std::int64_t intermediate_size = 11008;
    std::int64_t num_hidden_layers = 32;
    std::int64_t num_attention_heads = 32;
    std::int64_t num_key_value_heads = 32;
    double rope_theta = 10000.0;
    double rms_norm_eps = 1e-5;
    std::int64_t max_position_embeddings = 4096;
    bool tie_word_embeddings = false;
    std::string hidden_act = "silu";
    std::int64_t bos_token_id = 1;
    std::int64_t eos_token_id = 2;
    std::int64_t pad_token_id = -1;  // -1: none

    std::int64_t headDim() const { return hidden_size / num_attention_heads; }
};

struct LlavaConfig {
    // "llava" (Llama decoder) or "llava_mistral"; llava-hf checkpoints read as "llava".
    std::string model_type = "llava";
    TextConfig text;
    VisionConfig vision;

    // Projector: "linear", "mlp{N}x_gelu" (LLaVA-1.5: mlp2x_gelu), or "cluster" (SQ-LLaVA).
    std::string mm_projector_type = "mlp2x_gelu";
    std::int64_t mm_hidden_size = 1024;       // vision width fed to the projector
    std::int64_t mm_vision_select_layer = -2; // index into hidden_states (0 = pre_layrnorm output)
    std::string mm_vision_select_feature = "patch";  // "patch" (CLS dropped) or "cls_patch"
    std::string image_aspect_ratio = "pad";
    std::string mm_vision_tower = "openai/clip-vit-large-patch14-336";
    std::int64_t cluster_num_centres = 256;   // SQ-LLaVA's cluster projector (N)
    // Where the config came from: "llava" (original layout) or "llava-hf".
    std::string source_format = "llava";
    // llava-hf's image token id in its vocabulary (32000 for llava-1.5-hf); -1 when not given.
    std::int64_t hf_image_token_index = -1;
    // Conversation mode hint (conv_mode field, if any) for prompt::chooseTemplate.
    std::string conv_mode;
    // Whether `vision` was given explicitly or derived from the tower name (false: the defaults
    // above are provisional; the loader then reads the CLIP folder's config.json).
    bool vision_config_known = false;

    // A config without mm_* fields (plain llama / mistral) describes a text-only decoder.
    bool hasVision() const { return !mm_projector_type.empty(); }

    // Number of image tokens one image becomes in the decoder (576 for 336/14 "patch").
    std::int64_t imageTokens() const;
    // Checks the numbers fit together (heads divide widths, select layer in range, ...).
    void validate(const std::string& origin) const;
};

// Parses a config.json object (either style). `origin` names the file in error messages.
// Unknown architectures (model_type other than llava, llava_llama, llava_mistral, llama, mistral,
// or a llava-hf text_config of another kind) are an error that names the model_type.
LlavaConfig parseConfig(const nlohmann::json& j, const std::string& origin = "config");
LlavaConfig readConfig(const std::string& path);  // a config.json file, or a folder holding one

// Vision config of a named CLIP tower ("openai/clip-vit-large-patch14-336", "...-patch14",
// "openai/clip-vit-base-patch16", "...-patch32"); throws for unknown names.
VisionConfig visionConfigForTower(const std::string& tower_name);
// Reads a CLIP checkpoint folder's config.json (CLIPConfig with vision_config, or CLIPVisionConfig).
VisionConfig readClipVisionConfig(const std::string& path);

// Original LLaVA layout (flat Llama fields + mm_* fields) plus an explicit "vision_config" object,
// so the folder is self-describing. Round-trips through parseConfig.
nlohmann::json toJson(const LlavaConfig& config);
void writeConfig(const std::string& path, const LlavaConfig& config);  // atomic write

}  // namespace stllava::model
