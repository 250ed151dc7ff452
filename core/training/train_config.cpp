#include "training/train_config.h"

#include "common/atomic_file.h"
#include "prompt/conversation.h"

#include <set>
#include <stdexcept>

namespace stllava::training {

using nlohmann::json;

TrainConfig presetSft() { return TrainConfig{}; }

TrainConfig presetDpo() {
    TrainConfig c;
    c.stage = "dpo";
    c.sq_r = 0.0;
    c.epochs = 1;
    c.batch_size = 4;
    c.grad_accum = 16;
    c.lr = {5e-6, 2e-5, 2e-5, 5e-6};
    return c;
}

json toJson(const TrainConfig& c) {
    auto lora = [](const LoraSettings& l) { return json{{"rank", l.rank}, {"alpha", l.alpha}, {"dropout", l.dropout}}; };
    return json{{"stage", c.stage},
                {"model_path", c.model_path},
                {"vision_tower_path", c.vision_tower_path},
                {"init_adapter", c.init_adapter},
                {"data_path", c.data_path},
                {"image_folder", c.image_folder},
                {"output_dir", c.output_dir},
                {"reference_cache_dir", c.reference_cache_dir},
                {"template", c.template_name},
                {"sq_r", c.sq_r},
                {"max_length", c.max_length},
                {"group_by_length", c.group_by_length},
                {"seed", c.seed},
                {"decoder", c.decoder},
                {"vision", c.vision},
                {"train_projector", c.train_projector},
                {"llm_lora", lora(c.llm_lora)},
                {"vision_lora", lora(c.vision_lora)},
                {"batch_size", c.batch_size},
                {"grad_accum", c.grad_accum},
                {"epochs", c.epochs},
                {"max_steps", c.max_steps},
                {"lr", {{"decoder", c.lr.decoder}, {"vision", c.lr.vision}, {"projector", c.lr.projector}, {"other", c.lr.other}}},
                {"weight_decay", c.weight_decay},
                {"warmup_ratio", c.warmup_ratio},
                {"max_grad_norm", c.max_grad_norm},
                {"adam", {{"beta1", c.adam.beta1}, {"beta2", c.adam.beta2}, {"eps", c.adam.eps}}},
                {"bf16", c.bf16},
                {"activation_checkpointing", c.activation_checkpointing},
                {"beta", c.beta},
                {"cache_reference", c.cache_reference},
                {"save_steps", c.save_steps},
                {"keep_last", c.keep_last},
                {"resume", c.resume},
                {"resume_from", c.resume_from}};
}

namespace {

template <typename T>
void take(const json& j, const char* key, T& out, const std::string& origin) {
    if (!j.contains(key)) return;
    try {
        out = j.at(key).get<T>();
    } catch (const json::exception&) {
        throw std::runtime_error(origin + ": '" + key + "' has the wrong type (" + j.at(key).dump() + ")");
    }
}

void takeLora(const json& j, const char* key, LoraSettings& l, const std::string& origin) {
    if (!j.contains(key)) return;
    const json& o = j[key];
    if (!o.is_object()) throw std::runtime_error(origin + ": '" + key + "' must be an object {rank, alpha, dropout}");
    take(o, "rank", l.rank, origin);
    take(o, "alpha", l.alpha, origin);
    take(o, "dropout", l.dropout, origin);
}

}  // namespace

TrainConfig parseTrainConfig(const json& j, const std::string& origin, const std::string& stage) {
    if (!j.is_object()) throw std::runtime_error(origin + ": a training config must be a JSON object");
    const std::string s = !stage.empty() ? stage : j.value("stage", std::string("sft"));
    if (s != "sft" && s != "dpo") throw std::runtime_error(origin + ": stage must be 'sft' or 'dpo', not '" + s + "'");
    if (j.contains("stage") && !stage.empty() && j["stage"] != stage)
        throw std::runtime_error(origin + ": the file is a '" + j["stage"].get<std::string>() + "' config, not '" + stage + "'");
    TrainConfig c = s == "dpo" ? presetDpo() : presetSft();
    const json known = toJson(c);
    for (const auto& [k, v] : j.items())
        if (!known.contains(k)) throw std::runtime_error(origin + ": unknown key '" + k + "'");
    take(j, "model_path", c.model_path, origin);
    take(j, "vision_tower_path", c.vision_tower_path, origin);
    take(j, "init_adapter", c.init_adapter, origin);
    take(j, "data_path", c.data_path, origin);
    take(j, "image_folder", c.image_folder, origin);
    take(j, "output_dir", c.output_dir, origin);
    take(j, "reference_cache_dir", c.reference_cache_dir, origin);
    take(j, "template", c.template_name, origin);
    take(j, "sq_r", c.sq_r, origin);
    take(j, "max_length", c.max_length, origin);
    take(j, "group_by_length", c.group_by_length, origin);
    take(j, "seed", c.seed, origin);
    take(j, "decoder", c.decoder, origin);
    take(j, "vision", c.vision, origin);
    take(j, "train_projector", c.train_projector, origin);
    takeLora(j, "llm_lora", c.llm_lora, origin);
    takeLora(j, "vision_lora", c.vision_lora, origin);
    take(j, "batch_size", c.batch_size, origin);
    take(j, "grad_accum", c.grad_accum, origin);
    take(j, "epochs", c.epochs, origin);
    take(j, "max_steps", c.max_steps, origin);
    if (j.contains("lr")) {
        const json& lr = j["lr"];
        if (lr.is_number()) {
            c.lr.decoder = c.lr.other = lr.get<double>();
        } else if (lr.is_object()) {
            take(lr, "decoder", c.lr.decoder, origin);
            take(lr, "vision", c.lr.vision, origin);
            take(lr, "projector", c.lr.projector, origin);
            take(lr, "other", c.lr.other, origin);
        } else {
            throw std::runtime_error(origin + ": 'lr' must be a number or {decoder, vision, projector}");
        }
    }
    take(j, "weight_decay", c.weight_decay, origin);
    take(j, "warmup_ratio", c.warmup_ratio, origin);
    take(j, "max_grad_norm", c.max_grad_norm, origin);
    if (j.contains("adam")) {
        take(j["adam"], "beta1", c.adam.beta1, origin);
        take(j["adam"], "beta2", c.adam.beta2, origin);
        take(j["adam"], "eps", c.adam.eps, origin);
    }
    take(j, "bf16", c.bf16, origin);
    take(j, "activation_checkpointing", c.activation_checkpointing, origin);
    take(j, "beta", c.beta, origin);
    take(j, "cache_reference", c.cache_reference, origin);
    take(j, "save_steps", c.save_steps, origin);
    take(j, "keep_last", c.keep_last, origin);
    take(j, "resume", c.resume, origin);
    take(j, "resume_from", c.resume_from, origin);
    c.stage = s;
    const std::set<std::string> modes{"full", "lora", "frozen"};
    if (!modes.count(c.decoder)) throw std::runtime_error(origin + ": 'decoder' must be full, lora or frozen");
    if (!modes.count(c.vision)) throw std::runtime_error(origin + ": 'vision' must be full, lora or frozen");
    if (c.batch_size < 1 || c.grad_accum < 1 || c.epochs < 1)
        throw std::runtime_error(origin + ": batch_size, grad_accum and epochs must be at least 1");
    if (c.sq_r < 0.0 || c.sq_r > 1.0) throw std::runtime_error(origin + ": 'sq_r' must be in [0, 1]");
    if (c.max_length < 8) throw std::runtime_error(origin + ": 'max_length' is too small");
    try {
        const prompt::Template& t = prompt::getTemplate(c.template_name);
        if (c.stage == "sft" && c.sq_r > 0.0 && t.vuser_role.empty())
            throw std::runtime_error("question learning (sq_r > 0) needs a template with a VUSER role such as v1_sq; '" +
                                     c.template_name + "' has none (set sq_r to 0 or use v1_sq)");
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(origin + ": " + e.what());
    }
    return c;
}

TrainConfig readTrainConfig(const std::string& path, const std::string& stage) {
    json j;
    try {
        j = json::parse(readFile(path));
    } catch (const json::exception& e) {
        throw std::runtime_error("training config '" + path + "': not valid JSON: " + e.what());
    }
    return parseTrainConfig(j, "training config '" + path + "'", stage);
}

}  // namespace stllava::training
