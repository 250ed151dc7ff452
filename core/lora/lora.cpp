// LoRA over a module tree: selection, attach/enable/merge, parameters and freezing.
#include "lora/lora.h"

#include "lora/paths.h"

#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <stdexcept>

namespace stllava::lora {

const std::regex& compiledRegex(const std::string& pattern, const std::string& what) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<std::regex>> cache;  // guarded by mutex
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[pattern];
    if (!slot) {
        try {
            slot = std::make_unique<std::regex>(pattern);
        } catch (const std::regex_error& e) {
            cache.erase(pattern);
            throw std::runtime_error(what + " '" + pattern + "' is not a valid regular expression: " + e.what());
        }
    }
    return *slot;  // entries are never removed once compiled, so the reference stays valid
}

nn::LoraOptions LoraConfig::options() const {
    nn::LoraOptions o;
    o.rank = rank;
    o.alpha = alpha;
    o.dropout = dropout;
    o.use_rslora = use_rslora;
    return o;
}

nn::LoraOptions LoraConfig::optionsFor(const std::string& module_path) const {
    nn::LoraOptions o = options();
    const auto patternMatches = [&](const std::string& key) {
        return std::regex_match(module_path, compiledRegex("(.*\\.)?(" + key + ")", "LoRA rank/alpha pattern"));
    };
    for (const auto& [key, r] : rank_pattern)
        if (patternMatches(key)) {
            o.rank = r;
            break;
        }
    for (const auto& [key, a] : alpha_pattern)
        if (patternMatches(key)) {
            o.alpha = a;
            break;
        }
    return o;
}

bool LoraConfig::matches(const std::string& module_path) const {
    for (const auto& p : exclude_prefixes)
        if (hasPathPrefix(module_path, p)) return false;
    if (!include_prefixes.empty()) {
        bool included = false;
        for (const auto& p : include_prefixes) included |= hasPathPrefix(module_path, p);
        if (!included) return false;
    }
    if (!target_regex.empty()) return std::regex_match(module_path, compiledRegex(target_regex, "LoRA target_regex"));
    if (target_modules.empty()) return true;
    for (const auto& t : target_modules)
        if (module_path == t || endsWith(module_path, "." + t)) return true;
    return false;
}

std::vector<std::pair<std::string, nn::Linear>> linearLayers(torch::nn::Module& root) {
    std::vector<std::pair<std::string, nn::Linear>> out;
    for (const auto& item : root.named_modules(/*name_prefix=*/"", /*include_self=*/false)) {
        if (auto linear = std::dynamic_pointer_cast<nn::LinearImpl>(item.value())) out.emplace_back(item.key(), nn::Linear(linear));
    }
    return out;
}

std::vector<std::pair<std::string, nn::Linear>> adaptedLayers(torch::nn::Module& root) {
    auto all = linearLayers(root);
    std::vector<std::pair<std::string, nn::Linear>> out;
    for (auto& item : all)
        if (item.second->hasLora()) out.push_back(std::move(item));
    return out;
}

int attachLora(torch::nn::Module& root, const LoraConfig& config) {
    if (config.rank <= 0) throw std::runtime_error("LoRA rank must be positive (got " + std::to_string(config.rank) + ")");
    if (config.dropout < 0.0 || config.dropout >= 1.0)
        throw std::runtime_error("LoRA dropout must be in [0, 1) (got " + std::to_string(config.dropout) + ")");
    int count = 0;
    for (auto& [path, layer] : linearLayers(root)) {
        if (!config.matches(path)) continue;
        const auto options = config.optionsFor(path);
        if (options.rank <= 0) throw std::runtime_error("LoRA rank for '" + path + "' must be positive");
        layer->attachLora(options);
        ++count;
    }
    return count;
}

void detachLora(torch::nn::Module& root) {
    for (auto& item : adaptedLayers(root)) item.second->detachLora();
}

void setLoraEnabled(torch::nn::Module& root, bool enabled) {
    for (auto& item : adaptedLayers(root)) item.second->setLoraEnabled(enabled);
}

void mergeLora(torch::nn::Module& root) {
    for (auto& item : adaptedLayers(root)) item.second->mergeLora();
}

void unmergeLora(torch::nn::Module& root) {
    for (auto& item : adaptedLayers(root)) item.second->unmergeLora();
}

std::map<std::string, AdapterWeights> copyAdapters(torch::nn::Module& root) {
    std::map<std::string, AdapterWeights> out;
    torch::NoGradGuard no_grad;
    for (auto& [path, layer] : adaptedLayers(root)) {
        AdapterWeights w;
        w.A = layer->lora_A->weight.detach().to(torch::kFloat32).clone();
        w.B = layer->lora_B->weight.detach().to(torch::kFloat32).clone();
        w.scale = layer->loraOptions().scale();
        w.dropout = layer->loraOptions().dropout;
        out.emplace(path, std::move(w));
    }
    return out;
}

void bakeLora(torch::nn::Module& root) {
    for (auto& item : adaptedLayers(root)) item.second->bakeLora();
}

int stackOnto(torch::nn::Module& root, const std::map<std::string, AdapterWeights>& earlier) {
    torch::NoGradGuard no_grad;
    int stacked = 0;
    for (auto& [path, layer] : linearLayers(root)) {
        const auto it = earlier.find(path);
        if (it == earlier.end()) continue;
        const AdapterWeights& e = it->second;
        auto& W = layer->weight;
        const auto dev = W.device();
        const auto A1 = e.A.to(dev), B1 = e.B.to(dev) * e.scale;  // scale folded into B
        W.copy_((W.to(torch::kFloat32) - torch::mm(B1, A1)).to(W.scalar_type()));
        torch::Tensor A = A1, B = B1;
        double dropout = e.dropout;
        if (layer->hasLora()) {
            if (layer->loraMerged()) layer->unmergeLora();
            const double s2 = layer->loraOptions().scale();
            dropout = layer->loraOptions().dropout;
            A = torch::cat({A1, layer->lora_A->weight.to(torch::kFloat32)}, 0);       // [r1 + r2, in]
            B = torch::cat({B1, layer->lora_B->weight.to(torch::kFloat32) * s2}, 1);  // [out, r1 + r2]
            ++stacked;
        }
        nn::LoraOptions o;
        o.rank = A.size(0);
        o.alpha = static_cast<double>(o.rank);  // scale 1: the scales live in B
        o.dropout = dropout;
        layer->attachLora(o);
        layer->lora_A->weight.copy_(A.to(layer->lora_A->weight.scalar_type()));
        layer->lora_B->weight.copy_(B.to(layer->lora_B->weight.scalar_type()));
    }
    return stacked;
}

std::vector<std::pair<std::string, torch::Tensor>> loraParameters(torch::nn::Module& root) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto& [path, layer] : adaptedLayers(root)) {
        out.emplace_back(path + ".lora_A.weight", layer->lora_A->weight);
        out.emplace_back(path + ".lora_B.weight", layer->lora_B->weight);
    }
    return out;
}

int freezeAllButLora(torch::nn::Module& root, const std::vector<std::string>& also_trainable) {
    int trainable = 0;
    for (auto& item : root.named_parameters(/*recurse=*/true)) {
        const std::string& name = item.key();
        bool keep = endsWith(name, ".lora_A.weight") || endsWith(name, ".lora_B.weight") || name == "lora_A.weight" ||
                    name == "lora_B.weight";
        for (const auto& p : also_trainable) keep |= hasPathPrefix(name, p);
        item.value().set_requires_grad(keep);
        trainable += keep ? 1 : 0;
    }
    return trainable;
}

}  // namespace stllava::lora
