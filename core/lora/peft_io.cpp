// PEFT adapter folders (adapter_model.safetensors + adapter_config.json) and STLLaVA's
// non_lora_trainables, read into and written from a module tree.
#include "lora/lora.h"

#include "common/atomic_file.h"
#include "lora/paths.h"
#include "safetensors/safetensors.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <regex>
#include <set>
#include <stdexcept>

namespace stllava::lora {
namespace {

const std::string kPeftPrefix = "base_model.model.";
const std::string kWeightsFile = "adapter_model.safetensors";
const std::string kConfigFile = "adapter_config.json";

bool isDir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
std::string parentOf(const std::string& p) {
    const auto slash = p.find_last_of('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : p.substr(0, slash));
}

nlohmann::json number(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
    return v;
}

std::string joinAlternatives(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : "|") + regexEscape(i);
    return s;
}

// The selection of `config` (names or regex, include/exclude prefixes) as one regex for PEFT's
// string form of target_modules (Python re and ECMAScript agree on this subset).
std::string configRegex(const LoraConfig& config) {
    std::string r = "^";
    if (!config.exclude_prefixes.empty()) r += "(?!(?:" + joinAlternatives(config.exclude_prefixes) + ")(?:\\.|$))";
    bool include_all = config.include_prefixes.empty();
    for (const auto& p : config.include_prefixes) include_all |= p.empty();
    if (!include_all) r += "(?=(?:" + joinAlternatives(config.include_prefixes) + ")(?:\\.|$))";
    if (!config.target_regex.empty())
        r += "(?:" + config.target_regex + ")";
    else if (config.target_modules.empty())
        r += ".*";
    else
        r += "(?:.*\\.)?(?:" + joinAlternatives(config.target_modules) + ")";
    return r + "$";
}

// True when `target_modules`, read back as readAdapterConfig reads it, selects exactly `adapted`.
bool selectsExactly(torch::nn::Module& root, const nlohmann::json& target_modules, const std::set<std::string>& adapted) {
    LoraConfig read;
    if (target_modules.is_string())
        read.target_regex = target_modules.get<std::string>();
    else
        read.target_modules = target_modules.get<std::vector<std::string>>();
    for (auto& [path, layer] : linearLayers(root))
        if (read.matches(path) != (adapted.count(path) > 0)) return false;
    return true;
}

// PEFT's target_modules for the adapted set: the name list when it selects exactly these layers,
// else the config's selection as one regex, else a regex listing their paths.
nlohmann::json targetModulesFor(torch::nn::Module& root, const LoraConfig& config, const std::set<std::string>& adapted) {
    std::vector<nlohmann::json> candidates;
    if (config.target_regex.empty() && !config.target_modules.empty()) candidates.emplace_back(config.target_modules);
    candidates.emplace_back(configRegex(config));
    for (const auto& c : candidates)
        if (selectsExactly(root, c, adapted)) return c;
    return "^(?:" + joinAlternatives({adapted.begin(), adapted.end()}) + ")$";
}

std::string removePeftPrefix(const std::string& key) {
    return startsWith(key, kPeftPrefix) ? key.substr(kPeftPrefix.size()) : key;
}

}  // namespace

void saveAdapter(const std::string& dir, torch::nn::Module& root, const SaveAdapterOptions& options) {
    const auto layers = adaptedLayers(root);
    if (layers.empty()) throw std::runtime_error("cannot save LoRA adapter to '" + dir + "': the model has no adapters attached");
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        throw std::runtime_error("cannot create adapter folder '" + dir + "': " + std::strerror(errno));

    const LoraConfig& config = options.config;
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    std::set<std::string> adapted;
    nlohmann::json rank_pattern = nlohmann::json::object(), alpha_pattern = nlohmann::json::object();
    for (const auto& [path, layer] : layers) {
        auto a = layer->lora_A->weight.detach();
        auto b = layer->lora_B->weight.detach();
        if (options.dtype) {
            a = a.to(*options.dtype);
            b = b.to(*options.dtype);
        }
        tensors.emplace_back(kPeftPrefix + path + ".lora_A.weight", a);
        tensors.emplace_back(kPeftPrefix + path + ".lora_B.weight", b);
        adapted.insert(path);
        const auto& lo = layer->loraOptions();
        if (lo.rank != config.rank) rank_pattern[path] = lo.rank;
        if (lo.alpha != config.alpha) alpha_pattern[path] = number(lo.alpha);
        if (lo.use_rslora != config.use_rslora)
            throw std::runtime_error("cannot save LoRA adapter to '" + dir + "': layer '" + path +
                                     "' differs from the config in use_rslora, which PEFT cannot express per layer");
    }

    nlohmann::ordered_json cfg;
    cfg["peft_type"] = "LORA";
    cfg["task_type"] = "CAUSAL_LM";
    cfg["base_model_name_or_path"] = options.base_model_name_or_path;
    cfg["r"] = config.rank;
    cfg["lora_alpha"] = number(config.alpha);
    cfg["lora_dropout"] = config.dropout;
    cfg["target_modules"] = targetModulesFor(root, config, adapted);
    cfg["bias"] = "none";
    cfg["fan_in_fan_out"] = false;
    cfg["use_rslora"] = config.use_rslora;
    cfg["use_dora"] = false;
    cfg["init_lora_weights"] = true;
    cfg["inference_mode"] = true;
    cfg["modules_to_save"] = nullptr;
    cfg["layers_to_transform"] = nullptr;
    cfg["rank_pattern"] = rank_pattern;
    cfg["alpha_pattern"] = alpha_pattern;

    st::save(dir + "/" + kWeightsFile, tensors, {{"format", "pt"}});
    writeFileAtomic(dir + "/" + kConfigFile, cfg.dump(2) + "\n");
}

LoraConfig readAdapterConfig(const std::string& path) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readFile(path));
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error("adapter config '" + path + "' is not valid JSON: " + e.what());
    }
    const auto fail = [&](const std::string& problem) { throw std::runtime_error("adapter config '" + path + "': " + problem); };
    if (!j.is_object()) fail("not a JSON object");
    if (j.contains("peft_type") && j["peft_type"] != "LORA") fail("peft_type " + j["peft_type"].dump() + " is not LORA");
    if (!j.contains("r") || !j["r"].is_number_integer() || j["r"].get<std::int64_t>() <= 0) fail("\"r\" must be a positive integer");
    if (!j.contains("lora_alpha") || !j["lora_alpha"].is_number()) fail("\"lora_alpha\" must be a number");
    if (j.value("fan_in_fan_out", false)) fail("fan_in_fan_out = true (Conv1D-style weights) is not supported");
    if (j.value("use_dora", false)) fail("use_dora = true (DoRA) is not supported");
    if (j.contains("bias") && j["bias"].is_string() && j["bias"] != "none")
        fail("bias \"" + j["bias"].get<std::string>() + "\" (trained biases) is not supported; only \"none\"");

    LoraConfig c;
    c.rank = j["r"].get<std::int64_t>();
    c.alpha = j["lora_alpha"].get<double>();
    if (j.contains("lora_dropout") && j["lora_dropout"].is_number()) c.dropout = j["lora_dropout"].get<double>();
    if (j.contains("use_rslora") && j["use_rslora"].is_boolean()) c.use_rslora = j["use_rslora"].get<bool>();
    c.target_modules.clear();
    const auto tm = j.find("target_modules");
    if (tm != j.end() && tm->is_string()) {
        c.target_regex = tm->get<std::string>();
    } else if (tm != j.end() && tm->is_array()) {
        for (const auto& t : *tm) {
            if (!t.is_string()) fail("target_modules entries must be strings");
            c.target_modules.push_back(t.get<std::string>());
        }
    } else if (tm != j.end() && !tm->is_null()) {
        fail("target_modules must be a list of names or a regex string");
    }
    for (const char* key : {"rank_pattern", "alpha_pattern"}) {
        const auto p = j.find(key);
        if (p == j.end() || p->is_null()) continue;
        if (!p->is_object()) fail(std::string(key) + " must be an object");
        for (auto it = p->begin(); it != p->end(); ++it) {
            if (!it.value().is_number()) fail(std::string(key) + " value of '" + it.key() + "' is not a number");
            if (std::string(key) == "rank_pattern")
                c.rank_pattern[it.key()] = it.value().get<std::int64_t>();
            else
                c.alpha_pattern[it.key()] = it.value().get<double>();
        }
    }
    return c;
}

AdapterLoadReport loadAdapter(const std::string& path, torch::nn::Module& root, const LoadAdapterOptions& options) {
    const std::string dir = isDir(path) ? path : parentOf(path);
    const std::string weights = isDir(path) ? path + "/" + kWeightsFile : path;
    AdapterLoadReport report;
    report.config = readAdapterConfig(dir + "/" + kConfigFile);
    const auto file = st::File::open(weights);

    std::map<std::string, nn::Linear> layers;
    for (auto& [p, layer] : linearLayers(root)) layers.emplace(p, layer);

    // Group the file's tensors by module: key = [base_model.model.]<path>.lora_{A,B}[.<adapter>].weight
    static const std::regex key_form(R"(^(.+)\.lora_([AB])(\.[A-Za-z0-9_\-]+)?\.weight$)");
    struct Pair {
        std::string a_key, b_key;
    };
    std::map<std::string, Pair> modules;
    std::vector<std::string> unexpected, problems;
    for (const auto& t : file->tensors()) {
        std::smatch m;
        const std::string key = removePeftPrefix(t.name);
        if (!std::regex_match(key, m, key_form)) {
            unexpected.push_back(t.name + " (not a LoRA A/B weight)");
            continue;
        }
        std::string module = m[1].str();
        if (options.map_module_path) module = options.map_module_path(module);
        if (!layers.count(module)) {
            unexpected.push_back(t.name + " (no linear layer '" + module + "' in the model)");
            continue;
        }
        auto& slot = m[2].str() == "A" ? modules[module].a_key : modules[module].b_key;
        if (!slot.empty()) problems.push_back(t.name + " duplicates " + slot);
        slot = t.name;
    }
    if (!unexpected.empty())
        throw std::runtime_error("LoRA adapter '" + weights + "': " + std::to_string(unexpected.size()) +
                                 " unexpected tensor(s): " + listNames(unexpected));

    for (const auto& [module, pair] : modules) {
        if (pair.a_key.empty() || pair.b_key.empty()) {
            problems.push_back("module '" + module + "' has " + (pair.a_key.empty() ? "lora_B but no lora_A" : "lora_A but no lora_B"));
            continue;
        }
        const auto& a = *file->find(pair.a_key);
        const auto& b = *file->find(pair.b_key);
        const auto& lo = layers.at(module)->options;
        const auto expected_rank = report.config.optionsFor(module).rank;
        if (a.shape.size() != 2 || b.shape.size() != 2 || a.shape[1] != lo.in_features || b.shape[0] != lo.out_features ||
            a.shape[0] != b.shape[1]) {
            problems.push_back("module '" + module + "': lora_A " + std::to_string(a.shape.size()) + "-d [" +
                               (a.shape.size() == 2 ? std::to_string(a.shape[0]) + "," + std::to_string(a.shape[1]) : "?") + "], lora_B [" +
                               (b.shape.size() == 2 ? std::to_string(b.shape[0]) + "," + std::to_string(b.shape[1]) : "?") +
                               "] do not fit a linear layer of in=" + std::to_string(lo.in_features) +
                               " out=" + std::to_string(lo.out_features));
            continue;
        }
        if (a.shape[0] != expected_rank)
            problems.push_back("module '" + module + "': rank " + std::to_string(a.shape[0]) + " in the weights but " +
                               std::to_string(expected_rank) + " in adapter_config.json");
    }
    if (!problems.empty())
        throw std::runtime_error("LoRA adapter '" + weights + "': " + listNames(problems));

    torch::NoGradGuard no_grad;
    for (const auto& [module, pair] : modules) {
        auto& layer = layers.at(module);
        layer->attachLora(report.config.optionsFor(module));
        const auto& w = layer->weight;
        layer->lora_A->weight.copy_(file->load(pair.a_key).to(w.device(), w.scalar_type()));
        layer->lora_B->weight.copy_(file->load(pair.b_key).to(w.device(), w.scalar_type()));
        report.loaded_modules.push_back(module);
    }
    for (const auto& [p, layer] : layers)
        if (report.config.matches(p) && !modules.count(p)) report.missing_modules.push_back(p);
    return report;
}

std::vector<std::string> loadNonLoraTrainables(const std::string& path, torch::nn::Module& root, const LoadAdapterOptions& options) {
    std::map<std::string, torch::Tensor> targets;
    for (auto& item : root.named_parameters(true)) targets.emplace(item.key(), item.value());
    for (auto& item : root.named_buffers(true)) targets.emplace(item.key(), item.value());

    const auto file = st::File::open(path);
    std::vector<std::pair<std::string, torch::Tensor*>> plan;  // file key -> target
    std::vector<std::string> unexpected, problems, loaded;
    for (const auto& t : file->tensors()) {
        // LLaVA's loader drops "base_model." and then the "model." of the PEFT wrapper: together the
        // "base_model.model." prefix. Keys without it are taken as tree paths.
        std::string name = removePeftPrefix(t.name);
        if (startsWith(name, "model.model.") && !targets.count(name)) name = name.substr(std::string("model.").size());
        if (options.map_module_path) name = options.map_module_path(name);
        const auto it = targets.find(name);
        if (it == targets.end()) {
            unexpected.push_back(t.name);
            continue;
        }
        if (t.shape != it->second.sizes().vec()) {
            problems.push_back("'" + t.name + "' has shape " + c10::str(c10::IntArrayRef(t.shape)) + " but '" + name + "' is " +
                               c10::str(it->second.sizes()));
            continue;
        }
        plan.emplace_back(t.name, &it->second);
        loaded.push_back(name);
    }
    if (!unexpected.empty())
        throw std::runtime_error("non-LoRA trainables '" + path + "': " + std::to_string(unexpected.size()) +
                                 " tensor(s) match no parameter of the model: " + listNames(unexpected));
    if (!problems.empty()) throw std::runtime_error("non-LoRA trainables '" + path + "': " + listNames(problems));
    torch::NoGradGuard no_grad;
    for (auto& [key, target] : plan) target->copy_(file->load(key).to(target->device(), target->scalar_type()));
    return loaded;
}

void saveNonLoraTrainables(const std::string& path, torch::nn::Module& root, const std::vector<std::string>& prefixes,
                           std::optional<torch::Dtype> dtype) {
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (auto& item : root.named_parameters(true)) {
        const std::string& name = item.key();
        if (name.find("lora_A.") != std::string::npos || name.find("lora_B.") != std::string::npos) continue;
        bool wanted = false;
        for (const auto& p : prefixes) wanted |= hasPathPrefix(name, p);
        if (!wanted) continue;
        auto t = item.value().detach();
        tensors.emplace_back(kPeftPrefix + name, dtype ? t.to(*dtype) : t);
    }
    if (tensors.empty())
        throw std::runtime_error("cannot write non-LoRA trainables '" + path + "': no parameter starts with " + listNames(prefixes));
    st::save(path, tensors, {{"format", "pt"}});
}

}  // namespace stllava::lora
