#include "model/checkpoint_io.h"

#include "model/quantize_model.h"

#include "common/atomic_file.h"
#include "safetensors/safetensors.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>

namespace stllava::model {
namespace {

namespace fs = std::filesystem;

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Replaces the first matching prefix of `rules` (from -> to).
std::string mapPrefix(const std::string& name, const std::vector<std::pair<std::string, std::string>>& rules) {
    for (const auto& [from, to] : rules)
        if (startsWith(name, from)) return to + name.substr(from.size());
    return name;
}

const std::string kTowerTree = "model.vision_tower.vision_tower.vision_model.";

const std::vector<std::pair<std::string, std::string>>& toTreeRules(CheckpointLayout layout) {
    static const std::vector<std::pair<std::string, std::string>> original;
    static const std::vector<std::pair<std::string, std::string>> hf_old = {
        {"language_model.model.", "model."},
        {"language_model.lm_head.", "lm_head."},
        {"multi_modal_projector.linear_1.", "model.mm_projector.0."},
        {"multi_modal_projector.linear_2.", "model.mm_projector.2."},
        {"vision_tower.vision_model.", kTowerTree},
    };
    static const std::vector<std::pair<std::string, std::string>> hf_new = {
        {"model.language_model.", "model."},
        {"model.multi_modal_projector.linear_1.", "model.mm_projector.0."},
        {"model.multi_modal_projector.linear_2.", "model.mm_projector.2."},
        {"model.vision_tower.vision_model.", kTowerTree},
        {"lm_head.", "lm_head."},
    };
    switch (layout) {
        case CheckpointLayout::HfOld: return hf_old;
        case CheckpointLayout::HfNew: return hf_new;
        default: return original;
    }
}

const std::vector<std::pair<std::string, std::string>>& fromTreeRules(CheckpointLayout layout) {
    static const std::vector<std::pair<std::string, std::string>> original;
    static const std::vector<std::pair<std::string, std::string>> hf_old = {
        {"model.mm_projector.0.", "multi_modal_projector.linear_1."},
        {"model.mm_projector.2.", "multi_modal_projector.linear_2."},
        {kTowerTree, "vision_tower.vision_model."},
        {"model.", "language_model.model."},
        {"lm_head.", "language_model.lm_head."},
    };
    static const std::vector<std::pair<std::string, std::string>> hf_new = {
        {"model.mm_projector.0.", "model.multi_modal_projector.linear_1."},
        {"model.mm_projector.2.", "model.multi_modal_projector.linear_2."},
        {kTowerTree, "model.vision_tower.vision_model."},
        {"model.", "model.language_model."},
    };
    switch (layout) {
        case CheckpointLayout::HfOld: return hf_old;
        case CheckpointLayout::HfNew: return hf_new;
        default: return original;
    }
}

// Extras that checkpoints carry and that have no parameter here: rotary tables, position id buffers.
bool harmlessExtra(const std::string& name) {
    return endsWith(name, ".rotary_emb.inv_freq") || endsWith(name, "embeddings.position_ids");
}

std::string listNames(const std::vector<std::string>& names, std::size_t max_shown = 20) {
    std::ostringstream os;
    for (std::size_t i = 0; i < names.size() && i < max_shown; ++i) os << (i ? ", " : "") << names[i];
    if (names.size() > max_shown) os << ", ... (" << names.size() << " in all)";
    return os.str();
}

std::string shapeString(const std::vector<std::int64_t>& shape) {
    std::ostringstream os;
    os << "[";
    for (std::size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
    os << "]";
    return os.str();
}

// The file that holds `name` (for messages): the checkpoint itself when it is a file, else the
// folder's model.safetensors or the shard its index names; the index file when `name` is empty.
std::string fileOf(const st::Checkpoint& ckpt, const std::string& name = "") {
    const fs::path p(ckpt.path());
    if (!fs::is_directory(p)) return p.string();
    if (fs::exists(p / "model.safetensors")) return (p / "model.safetensors").string();
    const auto index = p / "model.safetensors.index.json";
    if (!name.empty() && fs::exists(index)) {
        try {
            const auto j = nlohmann::json::parse(readFile(index.string()));
            if (j.contains("weight_map") && j["weight_map"].contains(name)) return (p / j["weight_map"][name].get<std::string>()).string();
        } catch (const std::exception&) {
        }
    }
    return fs::exists(index) ? index.string() : p.string();
}

using TreeMap = std::map<std::string, torch::Tensor>;

TreeMap treeTensors(torch::nn::Module& root) {
    TreeMap map;
    for (const auto& p : root.named_parameters(true)) map[p.key()] = p.value();
    for (const auto& b : root.named_buffers(true)) map[b.key()] = b.value();
    return map;
}

struct LoadPass {
    const st::Checkpoint& ckpt;
    TreeMap& tree;
    std::set<std::string>& loaded;
    LoadReport& report;
    const ProgressFn& progress;
    std::int64_t total = 0;  // tensors to load in all (for progress)
};

// Loads one checkpoint tensor into the tree tensor `tree_name` after checking its shape.
void loadOne(LoadPass& pass, const std::string& name, const std::string& tree_name) {
    auto& target = pass.tree.at(tree_name);
    const auto& info = pass.ckpt.info(name);
    if (torch::IntArrayRef(info.shape) != target.sizes())
        throw std::runtime_error(fileOf(pass.ckpt, name) + ": tensor '" + name + "' has shape " + shapeString(info.shape) +
                                 ", the model expects " + c10::str(target.sizes()) + " for '" + tree_name + "'");
    if (!pass.loaded.insert(tree_name).second)
        throw std::runtime_error(fileOf(pass.ckpt, name) + ": tensor '" + name + "' maps to '" + tree_name +
                                 "', which another tensor of the checkpoint already filled");
    auto value = pass.ckpt.load(name, target.scalar_type());
    torch::NoGradGuard no_grad;
    target.copy_(value);
    ++pass.report.tensors_loaded;
    pass.report.bytes_loaded += static_cast<std::int64_t>(value.nbytes());
    if (pass.progress && !pass.progress(Progress{pass.report.tensors_loaded, pass.total, "weights"}))
        throw Cancelled();
}

// --vision-tower, else mm_vision_tower as a local folder: relative to the model folder first (released
// checkpoints often name "./clip-vit-large-patch14-336" beside them), then to the working directory.
std::string towerFolder(const std::string& dir, const LlavaConfig& config, const LoadOptions& options) {
    if (!options.vision_tower_path.empty()) return options.vision_tower_path;
    if (config.mm_vision_tower.empty()) return "";
    std::error_code ec;
    const fs::path named(config.mm_vision_tower);
    if (named.is_relative() && fs::is_directory(fs::path(dir) / named, ec)) return (fs::path(dir) / named).string();
    if (fs::is_directory(named, ec)) return config.mm_vision_tower;
    return "";
}

}  // namespace

const char* layoutName(CheckpointLayout layout) {
    switch (layout) {
        case CheckpointLayout::HfOld: return "llava-hf (language_model.*)";
        case CheckpointLayout::HfNew: return "llava-hf (model.language_model.*)";
        default: return "original LLaVA (model.*)";
    }
}

CheckpointLayout detectLayout(const std::vector<std::string>& names, const std::string& origin) {
    bool original = false;
    for (const auto& n : names) {
        if (startsWith(n, "model.language_model.") || startsWith(n, "model.multi_modal_projector.") ||
            startsWith(n, "model.vision_tower.vision_model."))
            return CheckpointLayout::HfNew;
        if (startsWith(n, "language_model.") || startsWith(n, "multi_modal_projector.") || startsWith(n, "vision_tower.vision_model."))
            return CheckpointLayout::HfOld;
        if (startsWith(n, "model.") || startsWith(n, "lm_head.")) original = true;
    }
    if (original) return CheckpointLayout::Original;
    std::vector<std::string> first(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(names.size(), 5)));
    throw std::runtime_error(origin + ": the tensor names fit no known LLaVA layout (model.*, language_model.*, "
                                      "model.language_model.*); first names: " + listNames(first));
}

std::string toTreeName(const std::string& name, CheckpointLayout layout) { return mapPrefix(name, toTreeRules(layout)); }
std::string fromTreeName(const std::string& tree_name, CheckpointLayout layout) {
    return mapPrefix(tree_name, fromTreeRules(layout));
}

LoadedModel loadModel(const std::string& dir, const LoadOptions& options) {
    LoadedModel out;
    out.config = readConfig(dir);
    auto& config = out.config;
    const bool vision = config.hasVision() && !options.text_only;
    const std::string tower_dir = towerFolder(dir, config, options);
    if (config.hasVision() && !config.vision_config_known) {
        if (tower_dir.empty()) visionConfigForTower(config.mm_vision_tower);  // throws with advice
        config.vision = readClipVisionConfig(tower_dir);
        config.vision_config_known = true;
        config.validate(dir);
    }
    auto ckpt = st::Checkpoint::open(dir);
    const auto names = ckpt.names();
    auto& report = out.report;
    report.checkpoint_path = ckpt.path();
    report.layout = detectLayout(names, ckpt.path());

    BuildOptions build;
    build.dtype = options.dtype;
    build.device = options.device;
    build.with_vision_tower = vision;
    out.model = LlavaForCausalLM(config, build);
    auto tree = treeTensors(*out.model);
    std::set<std::string> loaded;
    LoadPass pass{ckpt, tree, loaded, report, options.progress,
                  static_cast<std::int64_t>(tree.size())};  // each tree tensor is filled once
    bool tower_in_checkpoint = false;
    for (const auto& name : names) {
        const auto tree_name = toTreeName(name, report.layout);
        if (harmlessExtra(name) || (config.text.tie_word_embeddings && tree_name == "lm_head.weight")) {
            report.ignored.push_back(name);
            continue;
        }
        if (!vision && (startsWith(tree_name, "model.mm_projector.") || startsWith(tree_name, "model.vision_tower."))) {
            report.ignored.push_back(name);
            continue;
        }
        if (!tree.count(tree_name)) {
            report.unexpected.push_back(name);
            continue;
        }
        if (startsWith(tree_name, kTowerTree)) tower_in_checkpoint = true;
        loadOne(pass, name, tree_name);
    }
    if (!report.unexpected.empty() && !options.allow_unexpected)
        throw std::runtime_error(fileOf(ckpt, report.unexpected.front()) + ": unexpected tensors (no place in the " + config.model_type + " model): " +
                                 listNames(report.unexpected));

    if (vision && !tower_in_checkpoint) {
        if (tower_dir.empty())
            throw std::runtime_error(ckpt.path() + ": the vision tower weights are not in the checkpoint; give the CLIP "
                                     "checkpoint folder of '" + config.mm_vision_tower + "' (vision_tower_path, --vision-tower)");
        auto clip = st::Checkpoint::open(tower_dir);
        LoadPass clip_pass{clip, tree, loaded, report, options.progress, pass.total};
        std::vector<std::string> clip_unexpected;
        for (const auto& name : clip.names()) {
            if (!startsWith(name, "vision_model.") || harmlessExtra(name)) continue;  // CLIPModel's text half etc.
            const auto tree_name = "model.vision_tower.vision_tower." + name;
            if (!tree.count(tree_name)) {
                clip_unexpected.push_back(name);
                continue;
            }
            loadOne(clip_pass, name, tree_name);
        }
        if (!clip_unexpected.empty() && !options.allow_unexpected)
            throw std::runtime_error(fileOf(clip, clip_unexpected.front()) + ": unexpected vision tower tensors: " + listNames(clip_unexpected));
        report.vision_tower_source = clip.path();
    }

    std::vector<std::string> missing;
    for (const auto& [tree_name, tensor] : tree)
        if (!loaded.count(tree_name)) missing.push_back(fromTreeName(tree_name, report.layout));
    if (!missing.empty())
        throw std::runtime_error(fileOf(ckpt) + ": missing tensors (" + std::to_string(missing.size()) + "): " + listNames(missing));

    out.model->eval();
    if (options.quant != quant::Format::None) {
        try {
            quantizeForInference(*out.model, options.quant);
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(dir + ": " + e.what());
        }
    }
    const auto tok = fs::path(dir) / "tokenizer.model";
    if (fs::is_directory(dir) && fs::exists(tok)) out.tokenizer_path = tok.string();
    else if (options.require_tokenizer)
        throw std::runtime_error(dir + ": no tokenizer.model in the model folder");
    return out;
}

std::vector<std::pair<std::string, torch::Tensor>> namedBaseTensors(LlavaForCausalLM& model, CheckpointLayout layout,
                                                                    bool include_vision_tower) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& p : model->named_parameters(true)) {
        const auto& name = p.key();
        if (name.find(".lora_A.") != std::string::npos || name.find(".lora_B.") != std::string::npos) continue;
        if (!include_vision_tower && startsWith(name, "model.vision_tower.")) continue;
        out.emplace_back(fromTreeName(name, layout), p.value().detach());
    }
    return out;
}

void saveModel(const std::string& dir, LlavaForCausalLM& model, const SaveOptions& options) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error(dir + ": cannot create the folder: " + ec.message());
    auto tensors = namedBaseTensors(model, options.layout, options.include_vision_tower);
    if (options.dtype)
        for (auto& [name, t] : tensors) t = t.to(*options.dtype);
    writeConfig((fs::path(dir) / "config.json").string(), model->config());
    st::save((fs::path(dir) / "model.safetensors").string(), tensors, {{"format", "pt"}});
    if (!options.tokenizer_model_path.empty()) {
        const auto target = fs::path(dir) / "tokenizer.model";
        if (fs::weakly_canonical(options.tokenizer_model_path) != fs::weakly_canonical(target))
            writeFileAtomic(target.string(), readFile(options.tokenizer_model_path));
    }
}

}  // namespace stllava::model
