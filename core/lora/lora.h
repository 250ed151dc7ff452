// LoRA on a module tree: attach, enable/disable, merge/unmerge adapters on the stllava::nn::Linear
// layers of any torch::nn::Module tree, and read/write them in Hugging Face PEFT's layout.
//
// Module paths are the dotted names torch gives submodules (root.named_modules()), which for the
// model tree are the original LLaVA names, e.g. "model.layers.0.self_attn.q_proj" or
// "model.vision_tower.vision_tower.vision_model.encoder.layers.3.self_attn.v_proj".
//
// PEFT layout (a folder):
//   adapter_model.safetensors  "base_model.model.<module path>.lora_A.weight"  [rank, in]
//                              "base_model.model.<module path>.lora_B.weight"  [out, rank]
//   adapter_config.json        {"peft_type":"LORA","task_type":"CAUSAL_LM","r","lora_alpha",
//                               "lora_dropout","target_modules","bias":"none","fan_in_fan_out":false,
//                               "base_model_name_or_path","use_rslora","rank_pattern","alpha_pattern"}
// Layers whose rank/alpha differ from the top-level r/lora_alpha (e.g. the ViT with r=32 beside the
// LLM with r=128) are written to rank_pattern/alpha_pattern under their full module path, as PEFT does.
//
// Errors: std::runtime_error naming the folder/file, the key or module, and the problem.
#pragma once

#include "nn/linear.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stllava::lora {

// Which linear layers get an adapter, and its hyper-parameters.
struct LoraConfig {
    std::int64_t rank = 8;      // r
    double alpha = 16.0;        // lora_alpha; scale = alpha / rank (alpha / sqrt(rank) with rslora)
    double dropout = 0.0;       // lora_dropout, applied to the adapter input in training mode
    bool use_rslora = false;
    // PEFT semantics for a list: a module matches when its path equals an entry or ends with
    // "." + entry ("q_proj" matches "model.layers.0.self_attn.q_proj"). Empty = no name filter.
    std::vector<std::string> target_modules = {"q_proj", "k_proj", "v_proj", "o_proj",
                                               "gate_proj", "up_proj", "down_proj"};
    // When non-empty, used instead of target_modules: a module matches when the regex matches its
    // whole path (PEFT's string form of target_modules), e.g. "model\\.layers\\.\\d+\\..*_proj".
    std::string target_regex;
    // Path prefix filters, matched on whole components ("model.layers" matches "model.layers.3.mlp"
    // but not "model.layersX"). include empty = everything; exclude wins over include.
    std::vector<std::string> include_prefixes;
    std::vector<std::string> exclude_prefixes;  // e.g. {"model.vision_tower"} for LLM-only LoRA
    // PEFT's per-layer overrides: key = a regex matched against the end of the module path on a
    // component boundary (PEFT: "(.*\.)?key$"); the first matching key (map order) wins.
    std::map<std::string, std::int64_t> rank_pattern;
    std::map<std::string, double> alpha_pattern;

    nn::LoraOptions options() const;  // rank, alpha, dropout, use_rslora as the Linear's options
    nn::LoraOptions optionsFor(const std::string& module_path) const;  // with rank/alpha_pattern applied
    bool matches(const std::string& module_path) const;
};

// Every stllava::nn::Linear in the tree with its dotted path, in named_modules() order.
std::vector<std::pair<std::string, nn::Linear>> linearLayers(torch::nn::Module& root);
// Only the layers that carry an adapter.
std::vector<std::pair<std::string, nn::Linear>> adaptedLayers(torch::nn::Module& root);

// Attaches a fresh adapter (A kaiming-uniform, B = 0, so outputs are unchanged) to every matching
// Linear; a layer that already has one gets it replaced. Returns the number of adapted layers.
// Call it once per config (e.g. LLM and ViT with different ranks, via include/exclude prefixes).
int attachLora(torch::nn::Module& root, const LoraConfig& config);
void detachLora(torch::nn::Module& root);                  // removes all adapters (unmerges first)
void setLoraEnabled(torch::nn::Module& root, bool enabled);  // false = base model (DPO reference)
void mergeLora(torch::nn::Module& root);                   // W += scale B A on every adapted layer
void unmergeLora(torch::nn::Module& root);                 // W -= scale B A

// Adapter values of one layer, copied out of the tree (float32, on the layer's device).
struct AdapterWeights {
    torch::Tensor A;  // [rank, in]
    torch::Tensor B;  // [out, rank]
    double scale = 1.0;
    double dropout = 0.0;
};
// Every adapted layer's adapter, by module path.
std::map<std::string, AdapterWeights> copyAdapters(torch::nn::Module& root);
// W += scale B A on every adapted layer, then the adapters are removed: the tree now is the adapted
// model with plain layers. A new adapter attached afterwards (DPO after stage 1) trains on top of it,
// and the DPO reference (adapters disabled) is exactly this model.
void bakeLora(torch::nn::Module& root);
// Undoes bakeLora(earlier) while keeping what was trained since: on each layer, W -= scale1 B1 A1
// and the adapter becomes the concatenation of both (A = [A1; A2], B = [scale1 B1, scale2 B2],
// rank r1 + r2, scale 1), so base W + the stacked adapter compute the same function as before and
// the tree saves as one standard PEFT adapter on the original base model. Layers with only an
// earlier adapter get it back. Returns the number of stacked layers.
int stackOnto(torch::nn::Module& root, const std::map<std::string, AdapterWeights>& earlier);

// The adapter parameters, named "<module path>.lora_A.weight" / ".lora_B.weight" (tree order).
std::vector<std::pair<std::string, torch::Tensor>> loraParameters(torch::nn::Module& root);
// requires_grad = false on every parameter except the adapters' (and except parameters whose path
// starts, on whole components, with one of `also_trainable`, e.g. "model.mm_projector").
// Returns the number of trainable tensors left.
int freezeAllButLora(torch::nn::Module& root, const std::vector<std::string>& also_trainable = {});

// ---- PEFT folder I/O ----
struct SaveAdapterOptions {
    std::string base_model_name_or_path;
    std::optional<torch::Dtype> dtype;  // convert on write (e.g. kBFloat16); default: as in memory
    LoraConfig config;                  // top-level r/lora_alpha/dropout/target_modules written
};
// Writes adapter_model.safetensors and adapter_config.json into `dir` (created if needed), each
// atomically. Throws when the tree has no adapters.
void saveAdapter(const std::string& dir, torch::nn::Module& root, const SaveAdapterOptions& options);

struct AdapterLoadReport {
    std::vector<std::string> loaded_modules;  // module paths that received A and B
    // Layers that match the folder's target_modules but have no weights in the file (left without
    // an adapter, or with their existing one untouched). Not an error; shown to the user.
    std::vector<std::string> missing_modules;
    LoraConfig config;  // as read from adapter_config.json
};
struct LoadAdapterOptions {
    // Maps a module path as found in the file (prefix "base_model.model." already removed) to the
    // tree's path; identity when empty. Lets an adapter trained on another layout load here.
    std::function<std::string(const std::string&)> map_module_path;
};
// Reads a PEFT folder (or its adapter_model.safetensors directly) and attaches the adapters with
// their stored weights, converted to each layer's dtype/device. Accepts key variants
// "...lora_A.weight", "...lora_A.default.weight" and keys without the "base_model.model." prefix.
// Errors (nothing is changed in the tree then): unexpected keys (no such Linear, not a LoRA tensor,
// e.g. DoRA's lora_magnitude_vector or embedding adapters), A without B, shape mismatches, a rank
// that disagrees with r/rank_pattern, peft_type other than LORA, a missing/invalid config. Every
// offending key is listed by name in the message.
AdapterLoadReport loadAdapter(const std::string& path, torch::nn::Module& root,
                              const LoadAdapterOptions& options = {});
LoraConfig readAdapterConfig(const std::string& config_json_path);

// ---- non-LoRA trainables (projector, etc.) ----
// Loads STLLaVA-Med/LLaVA's `non_lora_trainables` (converted to safetensors) into the matching base
// parameters or buffers. Key forms accepted: "base_model.model.<path>" and "<path>", and LLaVA's
// "base_model.model.model.model.X" double prefix is reduced as LLaVA's loader does. Values are
// converted to the parameter's dtype/device. Unknown keys and shape mismatches are errors (listed).
// Returns the tree paths that were loaded.
std::vector<std::string> loadNonLoraTrainables(const std::string& safetensors_path, torch::nn::Module& root,
                                               const LoadAdapterOptions& options = {});
// Writes every parameter whose path starts (whole components) with one of `prefixes` as
// "base_model.model.<path>" (the layout loadNonLoraTrainables reads). Throws when none matches.
void saveNonLoraTrainables(const std::string& safetensors_path, torch::nn::Module& root,
                           const std::vector<std::string>& prefixes,
                           std::optional<torch::Dtype> dtype = std::nullopt);

}  // namespace stllava::lora
