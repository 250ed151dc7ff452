// Loading and saving LLaVA model folders.
//
// Accepted tensor layouts (detected from the names), all mapped onto the one module tree whose
// names are the original LLaVA layout (llava_model.h):
//   original LLaVA / LLaVA-Med / SQ-LLaVA: model.*, lm_head.*, model.mm_projector.*,
//       model.vision_tower.vision_tower.vision_model.* (the tower is often not saved)
//   llava-hf (older transformers): language_model.model.*, language_model.lm_head.*,
//       multi_modal_projector.linear_{1,2}.*, vision_tower.vision_model.*
//   llava-hf (newer transformers): model.language_model.*, model.vision_tower.vision_model.*,
//       model.multi_modal_projector.linear_{1,2}.*, lm_head.*
// A vision tower missing from the LLaVA checkpoint is read from a CLIP checkpoint folder
// (transformers CLIPModel or CLIPVisionModel, names vision_model.*).
// Errors: std::runtime_error naming the folder/file and the tensor(s).
#pragma once

#include "model/llava_model.h"
#include "model/model_config.h"

#include "common/progress.h"
#include "quant/quant_format.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace stllava::model {

enum class CheckpointLayout { Original, HfOld, HfNew };
const char* layoutName(CheckpointLayout layout);

// Detects the layout from tensor names; throws when the names fit none of them.
CheckpointLayout detectLayout(const std::vector<std::string>& names, const std::string& origin);
// Maps a checkpoint tensor name to the module tree's name (original layout). Names that have no
// place in the tree are returned unchanged (then reported as unexpected).
std::string toTreeName(const std::string& name, CheckpointLayout layout);
// Maps a module-tree name to the given layout (inverse of toTreeName).
std::string fromTreeName(const std::string& tree_name, CheckpointLayout layout);

struct LoadOptions {
    torch::Dtype dtype = torch::kFloat32;
    torch::Device device = torch::kCPU;
    // CLIP checkpoint folder for the vision tower when the LLaVA checkpoint lacks it. When empty
    // and the tower is missing, the folder named by mm_vision_tower is tried if it exists locally
    // (relative to the model folder first, then to the working directory).
    std::string vision_tower_path;
    bool allow_unexpected = false;  // unexpected tensors are an error unless allowed
    bool require_tokenizer = true;  // tokenizer.model must be in the folder
    bool text_only = false;         // build and load only the decoder (no tower, no projector)
    // Weight-only quantisation of the decoder's linear layers after loading (quantize_model.h);
    // CPU only, inference only.
    quant::Format quant = quant::Format::None;
    // Called after each tensor with the tensors loaded so far and in all; returning false stops the
    // load (throws stllava::Cancelled).
    ProgressFn progress;
};

struct LoadReport {
    CheckpointLayout layout = CheckpointLayout::Original;
    std::string checkpoint_path;
    std::string vision_tower_source;       // where the tower came from ("" = the LLaVA checkpoint)
    std::vector<std::string> unexpected;   // checkpoint names with no place in the tree (allowed)
    std::vector<std::string> ignored;      // known-harmless extras (rotary inv_freq, position_ids, ...)
    std::int64_t tensors_loaded = 0;
    std::int64_t bytes_loaded = 0;
};

struct LoadedModel {
    LlavaConfig config;
    LlavaForCausalLM model{nullptr};
    std::string tokenizer_path;  // <dir>/tokenizer.model when present, else ""
    LoadReport report;
};

// Loads a model folder (config.json + safetensors, single or sharded). The model is in eval mode.
LoadedModel loadModel(const std::string& dir, const LoadOptions& options = {});

struct SaveOptions {
    std::optional<torch::Dtype> dtype;     // convert on write; default as in memory
    bool include_vision_tower = true;      // false: as LLaVA saves (tower from the CLIP folder)
    std::string tokenizer_model_path;      // copied to <dir>/tokenizer.model when non-empty
    CheckpointLayout layout = CheckpointLayout::Original;
};
// Writes <dir>/config.json, <dir>/model.safetensors (base weights; LoRA adapters are not included)
// and optionally tokenizer.model. Creates the folder. Each file is written atomically.
void saveModel(const std::string& dir, LlavaForCausalLM& model, const SaveOptions& options = {});

// The base tensors of the tree in checkpoint order, named for `layout` (tied lm_head and LoRA
// adapter tensors left out).
std::vector<std::pair<std::string, torch::Tensor>> namedBaseTensors(LlavaForCausalLM& model,
                                                                    CheckpointLayout layout = CheckpointLayout::Original,
                                                                    bool include_vision_tower = true);

}  // namespace stllava::model
