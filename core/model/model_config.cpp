#include "model/model_config.h"

#include "common/atomic_file.h"

#include <filesystem>
#include <stdexcept>
#include <type_traits>

namespace stllava::model {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

[[noreturn]] void fail(const std::string& origin, const std::string& what) {
    throw std::runtime_error(origin + ": " + what);
}

// The JSON kind a field of type T must have (nlohmann's get<> alone would turn true into 1 and 4.5
// into 4).
template <typename T>
bool hasKind(const json& v) {
    if constexpr (std::is_same_v<T, bool>)
        return v.is_boolean();
    else if constexpr (std::is_integral_v<T>)
        return v.is_number_integer();
    else if constexpr (std::is_floating_point_v<T>)
        return v.is_number();
    else
        return v.is_string();
}

template <typename T>
const char* kindName() {
    if constexpr (std::is_same_v<T, bool>)
        return "true or false";
    else if constexpr (std::is_integral_v<T>)
        return "an integer";
    else if constexpr (std::is_floating_point_v<T>)
        return "a number";
    else
        return "a string";
}

template <typename T>
T as(const json& v, const std::string& key, const std::string& origin) {
    if (!hasKind<T>(v)) fail(origin, "field '" + key + "' must be " + kindName<T>() + ", not " + v.dump());
    return v.get<T>();
}

template <typename T>
T get(const json& j, const char* key, T fallback, const std::string& origin) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    return as<T>(*it, key, origin);
}

// An optional object field (e.g. vision_config): null when absent, an error when not an object.
const json* object(const json& j, const char* key, const std::string& origin) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    if (!it->is_object())
        fail(origin, std::string("field '") + key + "' must be an object, not " + it->dump());
    return &*it;
}

// transformers' LlamaConfig / MistralConfig defaults for fields a config may leave out.
TextConfig textDefaults(const std::string& family) {
    TextConfig t;
    t.model_type = family;
    t.rms_norm_eps = 1e-6;
    if (family == "mistral") {
        t.intermediate_size = 14336;
        t.num_key_value_heads = 8;
        t.max_position_embeddings = 4096 * 32;
    } else {
        t.max_position_embeddings = 2048;
    }
    return t;
}

TextConfig parseText(const json& j, const std::string& family, const std::string& origin) {
    TextConfig t = textDefaults(family);
    t.vocab_size = get<std::int64_t>(j, "vocab_size", t.vocab_size, origin);
    t.hidden_size = get<std::int64_t>(j, "hidden_size", t.hidden_size, origin);
    t.intermediate_size = get<std::int64_t>(j, "intermediate_size", t.intermediate_size, origin);
    t.num_hidden_layers = get<std::int64_t>(j, "num_hidden_layers", t.num_hidden_layers, origin);
    t.num_attention_heads = get<std::int64_t>(j, "num_attention_heads", t.num_attention_heads, origin);
    const std::int64_t kv_default = family == "mistral" ? t.num_key_value_heads : t.num_attention_heads;
    t.num_key_value_heads = get<std::int64_t>(j, "num_key_value_heads", kv_default, origin);
    t.rope_theta = get<double>(j, "rope_theta", t.rope_theta, origin);
    t.rms_norm_eps = get<double>(j, "rms_norm_eps", t.rms_norm_eps, origin);
    t.max_position_embeddings = get<std::int64_t>(j, "max_position_embeddings", t.max_position_embeddings, origin);
    t.tie_word_embeddings = get<bool>(j, "tie_word_embeddings", t.tie_word_embeddings, origin);
    t.hidden_act = get<std::string>(j, "hidden_act", t.hidden_act, origin);
    t.bos_token_id = get<std::int64_t>(j, "bos_token_id", t.bos_token_id, origin);
    if (j.contains("eos_token_id") && j["eos_token_id"].is_array()) {
        if (j["eos_token_id"].empty()) fail(origin, "field 'eos_token_id' is an empty list");
        t.eos_token_id = as<std::int64_t>(j["eos_token_id"][0], "eos_token_id[0]", origin);
    } else {
        t.eos_token_id = get<std::int64_t>(j, "eos_token_id", t.eos_token_id, origin);
    }
    t.pad_token_id = get<std::int64_t>(j, "pad_token_id", -1, origin);
    if (j.contains("rope_scaling") && !j["rope_scaling"].is_null())
        fail(origin, "rope_scaling " + j["rope_scaling"].dump() + " is not supported (plain RoPE only)");
    const std::int64_t head_dim = get<std::int64_t>(j, "head_dim", -1, origin);
    if (head_dim >= 0 && t.num_attention_heads > 0 && head_dim != t.hidden_size / t.num_attention_heads)
        fail(origin, "head_dim " + std::to_string(head_dim) +
                         " differs from hidden_size / num_attention_heads; not supported");
    if (t.hidden_act != "silu") fail(origin, "hidden_act '" + t.hidden_act + "' is not supported (silu only)");
    return t;
}

VisionConfig parseVision(const json& j, const std::string& origin) {
    VisionConfig v;  // transformers' CLIPVisionConfig defaults for fields left out
    v.hidden_size = 768;
    v.intermediate_size = 3072;
    v.num_hidden_layers = 12;
    v.num_attention_heads = 12;
    v.patch_size = 32;
    v.image_size = 224;
    v.hidden_size = get<std::int64_t>(j, "hidden_size", v.hidden_size, origin);
    v.intermediate_size = get<std::int64_t>(j, "intermediate_size", v.intermediate_size, origin);
    v.num_hidden_layers = get<std::int64_t>(j, "num_hidden_layers", v.num_hidden_layers, origin);
    v.num_attention_heads = get<std::int64_t>(j, "num_attention_heads", v.num_attention_heads, origin);
    v.patch_size = get<std::int64_t>(j, "patch_size", v.patch_size, origin);
    v.image_size = get<std::int64_t>(j, "image_size", v.image_size, origin);
    v.num_channels = get<std::int64_t>(j, "num_channels", v.num_channels, origin);
    v.layer_norm_eps = get<double>(j, "layer_norm_eps", v.layer_norm_eps, origin);
    v.hidden_act = get<std::string>(j, "hidden_act", v.hidden_act, origin);
    if (v.hidden_act != "quick_gelu" && v.hidden_act != "gelu")
        fail(origin, "vision hidden_act '" + v.hidden_act + "' is not supported (quick_gelu or gelu)");
    const auto type = get<std::string>(j, "model_type", "clip_vision_model", origin);
    if (type != "clip_vision_model" && type != "clip")
        fail(origin, "vision model_type '" + type + "' is not supported (CLIP only)");
    return v;
}

bool knownProjector(const std::string& type) {
    if (type == "linear" || type == "cluster") return true;
    if (type.size() > 8 && type.rfind("mlp", 0) == 0 && type.substr(type.size() - 6) == "x_gelu") {
        const auto digits = type.substr(3, type.size() - 9);
        return !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos && std::stoi(digits) >= 1;
    }
    return false;
}

LlavaConfig parseHf(const json& j, const std::string& origin) {
    LlavaConfig c;
    c.source_format = "llava-hf";
    const json& tj = *object(j, "text_config", origin);
    const auto family = get<std::string>(tj, "model_type", "llama", origin);
    if (family != "llama" && family != "mistral")
        fail(origin, "text_config.model_type '" + family + "' is not supported (llama or mistral decoders only)");
    c.text = parseText(tj, family, origin + " text_config");
    if (!tj.contains("vocab_size"))
        c.text.vocab_size = get<std::int64_t>(j, "vocab_size", c.text.vocab_size, origin);
    if (!tj.contains("tie_word_embeddings"))
        c.text.tie_word_embeddings = get<bool>(j, "tie_word_embeddings", c.text.tie_word_embeddings, origin);
    c.model_type = family == "mistral" ? "llava_mistral" : "llava";
    if (const json* vj = object(j, "vision_config", origin)) {
        c.vision = parseVision(*vj, origin + " vision_config");
        c.vision_config_known = true;
    } else {
        c.vision = parseVision(json::object(), origin + " vision_config");
        c.vision_config_known = true;  // transformers uses CLIPVisionConfig defaults too
    }
    const auto act = get<std::string>(j, "projector_hidden_act", "gelu", origin);
    if (act != "gelu") fail(origin, "projector_hidden_act '" + act + "' is not supported (gelu only)");
    if (!get<bool>(j, "multimodal_projector_bias", true, origin))
        fail(origin, "multimodal_projector_bias false is not supported");
    c.mm_projector_type = "mlp2x_gelu";
    c.mm_hidden_size = c.vision.hidden_size;
    if (j.contains("vision_feature_layer") && j["vision_feature_layer"].is_array())
        fail(origin, "a list for vision_feature_layer (multi-layer features) is not supported");
    c.mm_vision_select_layer = get<std::int64_t>(j, "vision_feature_layer", -2, origin);
    const auto strategy = get<std::string>(j, "vision_feature_select_strategy", "default", origin);
    if (strategy == "default") c.mm_vision_select_feature = "patch";
    else if (strategy == "full") c.mm_vision_select_feature = "cls_patch";
    else fail(origin, "vision_feature_select_strategy '" + strategy + "' is not supported (default or full)");
    c.hf_image_token_index = get<std::int64_t>(j, "image_token_index", get<std::int64_t>(j, "image_token_id", 32000, origin), origin);
    c.mm_vision_tower = get<std::string>(j, "_name_or_path", "", origin);
    return c;
}

// Values of an original LLaVA config.json that change what the model computes and that this
// implementation does not have: refused by name rather than silently run another way.
void refuseUnimplemented(const json& j, const LlavaConfig& c, const std::string& origin) {
    if (get<bool>(j, "mm_use_im_start_end", false, origin))
        fail(origin,
             "mm_use_im_start_end true (<im_start>/<im_end> tokens around the image) is not supported");
    get<bool>(j, "mm_use_im_patch_token", false, origin);  // only adds a token to the vocabulary: harmless
    const auto merge = get<std::string>(j, "mm_patch_merge_type", "flat", origin);
    if (merge != "flat") fail(origin, "mm_patch_merge_type '" + merge + "' is not supported (flat only)");
    if (c.image_aspect_ratio != "pad" && c.image_aspect_ratio != "square")
        fail(origin, "image_aspect_ratio '" + c.image_aspect_ratio + "' is not supported (pad or square)");
    if (c.mm_vision_select_feature != "patch" && c.mm_vision_select_feature != "cls_patch")
        fail(origin, "mm_vision_select_feature '" + c.mm_vision_select_feature +
                         "' is not supported (patch or cls_patch)");
    if (!knownProjector(c.mm_projector_type))
        fail(origin, "mm_projector_type '" + c.mm_projector_type +
                         "' is not supported (linear, mlp<N>x_gelu, cluster)");
}

LlavaConfig parseFlat(const json& j, const std::string& model_type, const std::string& origin) {
    LlavaConfig c;
    c.source_format = "llava";
    const bool mistral = model_type == "llava_mistral" || model_type == "mistral";
    c.model_type = mistral ? "llava_mistral" : "llava";
    c.text = parseText(j, mistral ? "mistral" : "llama", origin);
    const bool has_mm = j.contains("mm_vision_tower") || j.contains("mm_projector_type") || j.contains("mm_hidden_size");
    if (!has_mm) {
        if (model_type != "llama" && model_type != "mistral")
            fail(origin, "model_type '" + model_type + "' without mm_* fields (mm_vision_tower, mm_projector_type)");
        c.mm_projector_type.clear();
        c.mm_vision_tower.clear();
        return c;
    }
    c.mm_projector_type = get<std::string>(j, "mm_projector_type", "linear", origin);
    c.mm_vision_tower = get<std::string>(j, "mm_vision_tower", get<std::string>(j, "vision_tower", "", origin), origin);
    c.mm_vision_select_layer = get<std::int64_t>(j, "mm_vision_select_layer", -2, origin);
    c.mm_vision_select_feature = get<std::string>(j, "mm_vision_select_feature", "patch", origin);
    c.image_aspect_ratio = get<std::string>(j, "image_aspect_ratio", "pad", origin);
    c.cluster_num_centres = get<std::int64_t>(j, "mm_cluster_centres", 256, origin);
    c.conv_mode = get<std::string>(j, "conv_mode", "", origin);
    refuseUnimplemented(j, c, origin);
    if (const json* vj = object(j, "vision_config", origin)) {
        c.vision = parseVision(*vj, origin + " vision_config");
        c.vision_config_known = true;
    } else {
        try {
            c.vision = visionConfigForTower(c.mm_vision_tower);
            c.vision_config_known = true;
        } catch (const std::exception&) {
            c.vision_config_known = false;  // the loader reads the CLIP folder's config.json
        }
    }
    c.mm_hidden_size = get<std::int64_t>(j, "mm_hidden_size", c.vision.hidden_size, origin);
    return c;
}

}  // namespace

std::int64_t LlavaConfig::imageTokens() const {
    if (!hasVision()) throw std::runtime_error("config: a text-only model has no image tokens");
    return vision.numPatches() + (mm_vision_select_feature == "cls_patch" ? 1 : 0);
}

void LlavaConfig::validate(const std::string& origin) const {
    const auto& t = text;
    if (t.vocab_size <= 0 || t.hidden_size <= 0 || t.intermediate_size <= 0 || t.num_hidden_layers <= 0 ||
        t.num_attention_heads <= 0 || t.num_key_value_heads <= 0)
        fail(origin, "decoder sizes must be positive (vocab_size, hidden_size, intermediate_size, num_hidden_layers, heads)");
    if (t.hidden_size % t.num_attention_heads != 0)
        fail(origin, "hidden_size " + std::to_string(t.hidden_size) + " is not divisible by num_attention_heads " +
                         std::to_string(t.num_attention_heads));
    if (t.num_attention_heads % t.num_key_value_heads != 0)
        fail(origin, "num_attention_heads " + std::to_string(t.num_attention_heads) +
                         " is not divisible by num_key_value_heads " + std::to_string(t.num_key_value_heads));
    if (t.headDim() % 2 != 0) fail(origin, "head dimension " + std::to_string(t.headDim()) + " must be even (RoPE)");
    if (!hasVision()) return;
    const auto& v = vision;
    if (v.hidden_size <= 0 || v.num_attention_heads <= 0 || v.hidden_size % v.num_attention_heads != 0)
        fail(origin, "vision hidden_size must be a positive multiple of vision num_attention_heads");
    if (v.patch_size <= 0 || v.image_size % v.patch_size != 0)
        fail(origin, "vision image_size " + std::to_string(v.image_size) + " is not a multiple of patch_size " +
                         std::to_string(v.patch_size));
    if (v.num_hidden_layers <= 0) fail(origin, "vision num_hidden_layers must be positive");
    const auto L = v.num_hidden_layers;
    if (mm_vision_select_layer < -(L + 1) || mm_vision_select_layer > L)
        fail(origin, "mm_vision_select_layer " + std::to_string(mm_vision_select_layer) + " is outside the " +
                         std::to_string(L + 1) + " hidden states of the vision tower");
    if (mm_vision_select_feature != "patch" && mm_vision_select_feature != "cls_patch")
        fail(origin, "mm_vision_select_feature '" + mm_vision_select_feature + "' is not supported (patch or cls_patch)");
    if (!knownProjector(mm_projector_type))
        fail(origin, "mm_projector_type '" + mm_projector_type + "' is not supported (linear, mlp<N>x_gelu, cluster)");
    if (mm_hidden_size != v.hidden_size)
        fail(origin, "mm_hidden_size " + std::to_string(mm_hidden_size) + " differs from the vision tower width " +
                         std::to_string(v.hidden_size));
    if (mm_projector_type == "cluster" && (cluster_num_centres <= 0 || cluster_num_centres > imageTokens()))
        fail(origin, "cluster projector: " + std::to_string(cluster_num_centres) + " centres for " +
                         std::to_string(imageTokens()) + " image tokens");
}

LlavaConfig parseConfig(const json& j, const std::string& origin) {
    if (!j.is_object()) fail(origin, "not a JSON object");
    LlavaConfig c;
    const auto model_type = get<std::string>(j, "model_type", "", origin);
    if (object(j, "text_config", origin)) {
        if (model_type != "llava" && !model_type.empty())
            fail(origin, "model_type '" + model_type + "' is not supported (llava-hf checkpoints have model_type llava)");
        c = parseHf(j, origin);
    } else if (model_type == "llava" || model_type == "llava_llama" || model_type == "llava_mistral" ||
               model_type == "llama" || model_type == "mistral") {
        c = parseFlat(j, model_type, origin);
    } else {
        fail(origin, "unknown architecture: model_type '" + model_type +
                         "' (supported: llava, llava_llama, llava_mistral, llama, mistral, and llava-hf configs)");
    }
    if (c.vision_config_known || !c.hasVision()) c.validate(origin);
    return c;
}

namespace {

// `path` is a config.json or a folder holding one; returns the parsed JSON and the file's path.
std::pair<json, std::string> readConfigJson(const std::string& path, const char* folder_kind) {
    std::string file = path;
    if (fs::is_directory(path)) file = (fs::path(path) / "config.json").string();
    if (!fs::exists(file)) throw std::runtime_error(file + ": no such file (" + folder_kind + " needs config.json)");
    try {
        return {json::parse(readFile(file)), file};
    } catch (const json::exception& e) {
        fail(file, std::string("invalid JSON: ") + e.what());
    }
}

}  // namespace

LlavaConfig readConfig(const std::string& path) {
    const auto [j, file] = readConfigJson(path, "a model folder");
    return parseConfig(j, file);
}

VisionConfig visionConfigForTower(const std::string& tower_name) {
    VisionConfig v;
    const std::string n = tower_name;
    auto has = [&](const char* s) { return n.find(s) != std::string::npos; };
    if (has("clip-vit-large-patch14-336")) {
        v.image_size = 336;
    } else if (has("clip-vit-large-patch14")) {
        v.image_size = 224;
    } else if (has("clip-vit-base-patch16") || has("clip-vit-base-patch32")) {
        v.hidden_size = 768;
        v.intermediate_size = 3072;
        v.num_hidden_layers = 12;
        v.num_attention_heads = 12;
        v.image_size = 224;
        v.patch_size = has("patch16") ? 16 : 32;
    } else {
        throw std::runtime_error("vision tower '" + tower_name +
                                 "' is not a known CLIP tower (openai/clip-vit-large-patch14-336, "
                                 "clip-vit-large-patch14, clip-vit-base-patch16/32); give the CLIP folder "
                                 "(--vision-tower) so its config.json can be read");
    }
    return v;
}

VisionConfig readClipVisionConfig(const std::string& path) {
    const auto [j, file] = readConfigJson(path, "a CLIP folder");
    if (j.contains("vision_config") && j["vision_config"].is_object()) return parseVision(j["vision_config"], file + " vision_config");
    return parseVision(j, file);
}

json toJson(const LlavaConfig& c) {
    const auto& t = c.text;
    const bool mistral = t.model_type == "mistral";
    json j;
    j["architectures"] = json::array({mistral ? "LlavaMistralForCausalLM" : "LlavaLlamaForCausalLM"});
    j["model_type"] = c.hasVision() ? (mistral ? "llava_mistral" : "llava") : t.model_type;
    j["vocab_size"] = t.vocab_size;
    j["hidden_size"] = t.hidden_size;
    j["intermediate_size"] = t.intermediate_size;
    j["num_hidden_layers"] = t.num_hidden_layers;
    j["num_attention_heads"] = t.num_attention_heads;
    j["num_key_value_heads"] = t.num_key_value_heads;
    j["rope_theta"] = t.rope_theta;
    j["rms_norm_eps"] = t.rms_norm_eps;
    j["max_position_embeddings"] = t.max_position_embeddings;
    j["tie_word_embeddings"] = t.tie_word_embeddings;
    j["hidden_act"] = t.hidden_act;
    j["bos_token_id"] = t.bos_token_id;
    j["eos_token_id"] = t.eos_token_id;
    if (t.pad_token_id >= 0) j["pad_token_id"] = t.pad_token_id;
    j["rope_scaling"] = nullptr;
    if (c.hasVision()) {
        j["mm_vision_tower"] = c.mm_vision_tower;
        j["mm_projector_type"] = c.mm_projector_type;
        j["mm_hidden_size"] = c.mm_hidden_size;
        j["mm_vision_select_layer"] = c.mm_vision_select_layer;
        j["mm_vision_select_feature"] = c.mm_vision_select_feature;
        j["image_aspect_ratio"] = c.image_aspect_ratio;
        j["mm_use_im_start_end"] = false;
        j["mm_use_im_patch_token"] = false;
        if (c.mm_projector_type == "cluster") j["mm_cluster_centres"] = c.cluster_num_centres;
        const auto& v = c.vision;
        j["vision_config"] = {{"model_type", "clip_vision_model"},
                              {"hidden_size", v.hidden_size},
                              {"intermediate_size", v.intermediate_size},
                              {"num_hidden_layers", v.num_hidden_layers},
                              {"num_attention_heads", v.num_attention_heads},
                              {"patch_size", v.patch_size},
                              {"image_size", v.image_size},
                              {"num_channels", v.num_channels},
                              {"layer_norm_eps", v.layer_norm_eps},
                              {"hidden_act", v.hidden_act}};
    }
    if (!c.conv_mode.empty()) j["conv_mode"] = c.conv_mode;
    return j;
}

void writeConfig(const std::string& path, const LlavaConfig& config) {
    writeFileAtomic(path, toJson(config).dump(2) + "\n");
}

}  // namespace stllava::model
