#include "pipeline/model_assembly.h"

#include "common/input_error.h"
#include "common/sha256.h"
#include "imaging/image_loader.h"
#include "lora/lora.h"
#include "model/quantize_model.h"
#include "prompt/conversation.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace stllava::pipeline {
namespace fs = std::filesystem;

namespace {

bool report(const ProgressFn& progress, const char* stage, std::int64_t done, std::int64_t total) {
    return !progress || progress(Progress{done, total, stage});
}

// SHA-256 of config.json plus, for every weight file, its name, size and (for safetensors) the
// header: identifies the weights without reading gigabytes of tensor data.
std::string weightsIdentity(const std::string& dir) {
    Sha256 h;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file()) continue;
        const auto name = e.path().filename().string();
        const auto ext = e.path().extension().string();
        if (name == "config.json" || ext == ".safetensors" || name == "model.safetensors.index.json")
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        const auto size = fs::file_size(p, ec);
        h.update(p.filename().string());
        h.update(std::to_string(ec ? 0 : size));
        std::ifstream in(p, std::ios::binary);
        if (p.extension() == ".safetensors") {
            unsigned char len[8] = {};
            in.read(reinterpret_cast<char*>(len), 8);
            std::uint64_t n = 0;
            for (int i = 7; i >= 0; --i) n = (n << 8) | len[i];
            n = std::min<std::uint64_t>(n, 100u << 20);
            std::string header(n, '\0');
            in.read(header.data(), static_cast<std::streamsize>(n));
            header.resize(static_cast<std::size_t>(in.gcount()));
            h.update(header);
        } else {
            h.update(std::string(std::istreambuf_iterator<char>(in), {}));
        }
    }
    return h.finishHex();
}

void loadAdapterInto(const ModelSource& source, AssembledModel& m, const AssembleOptions& options) {
    const std::string& dir = source.adapter_dir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InputError(dir +
                         ": not a folder (a LoRA adapter is a PEFT folder with adapter_config.json and "
                         "adapter_model.safetensors)");
    const fs::path weights = fs::path(dir) / "adapter_model.safetensors";
    if (!fs::exists(weights) && fs::exists(fs::path(dir) / "adapter_model.bin"))
        throw InputError(
            dir +
            ": adapter_model.bin is a Python pickle, which this program never loads (it can run code); "
            "convert it once to adapter_model.safetensors");
    AdapterInfo& info = m.info.adapter;
    info.path = dir;
    info.mode = adapterModeName(source.adapter_mode);
    try {
        const lora::AdapterLoadReport r = lora::loadAdapter(dir, *m.model);
        info.rank = r.config.rank;
        info.alpha = r.config.alpha;
        info.adapted_layers = static_cast<std::int64_t>(r.loaded_modules.size());
        info.missing_modules = r.missing_modules;
        Sha256 digest;
        digest.update(sha256File(weights.string()));
        const fs::path non_lora = fs::path(dir) / "non_lora_trainables.safetensors";
        if (fs::exists(non_lora)) {
            info.non_lora_loaded = lora::loadNonLoraTrainables(non_lora.string(), *m.model);
            digest.update(sha256File(non_lora.string()));
        } else if (fs::exists(fs::path(dir) / "non_lora_trainables.bin")) {
            throw InputError(
                dir +
                ": non_lora_trainables.bin is a Python pickle, which this program never loads; convert it "
                "once to non_lora_trainables.safetensors");
        }
        info.digest = digest.finishHex();
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    if (info.adapted_layers == 0)
        throw InputError(dir + ": the adapter has no LoRA weights for any layer of this model");
    if (source.adapter_mode == AdapterMode::Merge) lora::mergeLora(*m.model);
    if (!options.for_training)
        for (auto& p : m.model->parameters()) p.set_requires_grad(false);
}

}  // namespace

const char* adapterModeName(AdapterMode mode) {
    return mode == AdapterMode::Merge ? "merge" : "live";
}

void validate(const ModelSource& source) {
    if (source.model_dir.empty()) throw std::invalid_argument("model folder: not given");
    if (source.dtype != "auto" && source.dtype != "f32" && source.dtype != "bf16" && source.dtype != "f16" &&
        source.dtype != "float32" && source.dtype != "bfloat16" && source.dtype != "float16")
        throw std::invalid_argument("dtype '" + source.dtype + "': expected auto, f32, bf16 or f16");
    if (!source.template_name.empty()) prompt::getTemplate(source.template_name);  // throws for unknown names
    quant::parseFormat(source.quant);  // throws for unknown names
}

torch::Device parseDevice(const std::string& name) {
    try {
        torch::Device d(name);
        if (d.is_cpu() || d.is_cuda()) {
            if (d.is_cuda() && !torch::cuda::is_available())
                throw InputError("device '" + name + "': this libtorch has no CUDA device available");
            return d;
        }
    } catch (const InputError&) {
        throw;
    } catch (const std::exception&) {
    }
    throw InputError("device '" + name + "': expected cpu, cuda or cuda:N");
}

torch::Dtype parseDtype(const std::string& name, const torch::Device& device) {
    if (name == "f32" || name == "float32") return torch::kFloat32;
    if (name == "bf16" || name == "bfloat16") return torch::kBFloat16;
    if (name == "f16" || name == "float16") return torch::kFloat16;
    if (name == "auto" || name.empty()) return device.is_cuda() ? torch::kFloat16 : torch::kFloat32;
    throw InputError("dtype '" + name + "': expected auto, f32, bf16 or f16");
}

std::string dtypeName(torch::Dtype dtype) {
    switch (dtype) {
        case torch::kFloat32:
            return "float32";
        case torch::kBFloat16:
            return "bfloat16";
        case torch::kFloat16:
            return "float16";
        default:
            return std::string(c10::toString(dtype));
    }
}

AssembledModel assembleModel(const ModelSource& source, const AssembleOptions& options,
                             const ProgressFn& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    try {
        validate(source);
    } catch (const std::invalid_argument& e) {
        throw InputError(e.what());
    }
    AssembledModel m;
    m.device = parseDevice(source.device);
    m.dtype = parseDtype(source.dtype, m.device);
    if (m.device.is_cpu() && m.dtype == torch::kFloat16)
        throw InputError(
            "dtype f16 on the CPU: libtorch has no float16 matrix kernels there; use f32 or bf16");
    if (!report(progress, "config", 0, 0)) throw Cancelled();
    model::LoadOptions lo;
    lo.dtype = m.dtype;
    lo.device = m.device;
    lo.text_only = source.text_only;
    lo.allow_unexpected = source.allow_unexpected;
    model::LoadedModel loaded;
    try {
        lo.vision_tower_path = source.vision_tower_dir;  // else the loader tries mm_vision_tower
        lo.progress = progress;  // per tensor: "weights" done/total, and cancel
        loaded = model::loadModel(source.model_dir, lo);
        if (!report(progress, "tokenizer", 0, 0)) throw Cancelled();
        m.tokenizer = Tokenizer::load(loaded.tokenizer_path);
    } catch (const InputError&) {
        throw;
    } catch (const Cancelled&) {
        throw;
    } catch (const c10::Error& e) {
        throw InputError(source.model_dir + ": " + e.what_without_backtrace());
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    m.config = loaded.config;
    m.model = loaded.model;
    m.tokenizer_path = loaded.tokenizer_path;
    try {
        m.template_name = prompt::chooseTemplate(source.model_dir, m.config.conv_mode, source.template_name);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    m.clip.imageSize = static_cast<int>(m.config.vision.image_size);
    m.clip.padToSquare = m.config.image_aspect_ratio == "pad";

    ModelInfo& info = m.info;
    info.model_dir = source.model_dir;
    info.checkpoint = loaded.report.checkpoint_path;
    info.layout = model::layoutName(loaded.report.layout);
    info.model_type = m.config.text.model_type;
    info.dtype = dtypeName(m.dtype);
    info.device = m.device.str();
    info.template_name = m.template_name;
    const bool vision = m.model->hasVision();
    info.projector = vision ? m.config.mm_projector_type : "";
    info.vision_tower = !vision                                     ? ""
                        : loaded.report.vision_tower_source.empty() ? "checkpoint"
                                                                    : loaded.report.vision_tower_source;
    info.image_aspect_ratio = vision ? m.config.image_aspect_ratio : "";
    info.image_size = vision ? m.clip.imageSize : 0;
    info.image_tokens = vision ? m.config.imageTokens() : 0;
    info.tokenizer_vocab = m.tokenizer->vocabSize();
    info.unexpected = loaded.report.unexpected;
    info.ignored = loaded.report.ignored;
    info.digest = weightsIdentity(source.model_dir);

    if (!source.adapter_dir.empty()) {
        if (!report(progress, "adapter", 0, 0)) throw Cancelled();
        loadAdapterInto(source, m, options);
    } else if (!options.for_training) {
        for (auto& p : m.model->parameters()) p.set_requires_grad(false);
    }
    describeShapes(m.config, *m.model, m.dtype, info);
    if (const auto format = quant::parseFormat(source.quant); format != quant::Format::None) {
        if (options.for_training)
            throw InputError("quant " + source.quant + ": quantised weights are for inference, not training");
        if (!report(progress, "quantize", 0, 0)) throw Cancelled();
        try {
            model::quantizeForInference(*m.model, format);
        } catch (const std::invalid_argument& e) {
            throw InputError(source.model_dir + ": " + e.what());
        }
        info.quant = quant::formatName(format);
    }
    m.model->eval();
    info.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report(progress, "ready", 1, 1);
    return m;
}

void describeShapes(const model::LlavaConfig& config, torch::nn::Module& tree, torch::Dtype dtype,
                    ModelInfo& info) {
    const auto& t = config.text;
    info.vocab_size = t.vocab_size;
    info.hidden_size = t.hidden_size;
    info.layers = t.num_hidden_layers;
    info.heads = t.num_attention_heads;
    info.kv_heads = t.num_key_value_heads;
    info.context_length = t.max_position_embeddings;
    info.parameters = info.decoder_parameters = info.vision_parameters = info.projector_parameters = 0;
    std::int64_t weight_bytes = 0;
    for (const auto& item : tree.named_parameters(/*recurse=*/true)) {
        const std::string& name = item.key();
        const auto n = item.value().numel();
        weight_bytes += n * static_cast<std::int64_t>(item.value().element_size());
        if (name.find(".lora_") != std::string::npos) continue;  // adapters are counted in AdapterInfo
        info.parameters += n;
        if (name.rfind("model.vision_tower.", 0) == 0)
            info.vision_parameters += n;
        else if (name.rfind("model.mm_projector.", 0) == 0)
            info.projector_parameters += n;
        else
            info.decoder_parameters += n;
    }
    for (const auto& b : tree.buffers(/*recurse=*/true))
        weight_bytes += b.numel() * static_cast<std::int64_t>(b.element_size());

    MemoryEstimate& mem = info.memory;
    const std::int64_t es = static_cast<std::int64_t>(c10::elementSize(dtype));
    const std::int64_t ctx = std::min<std::int64_t>(t.max_position_embeddings, 2048);
    mem.weights = weight_bytes;
    mem.context_tokens = ctx;
    mem.kv_cache_per_token = 2 * t.num_hidden_layers * t.num_key_value_heads * t.headDim() * es;
    // One forward at batch 1 over ctx tokens: the hidden state, the MLP's two intermediate tensors and
    // the attention scores of one layer, plus the logits of the last position (generation keeps only it).
    const std::int64_t act = ctx * (t.hidden_size * 4 + t.intermediate_size * 3) * es +
                             t.num_attention_heads * ctx * ctx * es + t.vocab_size * 4;
    mem.run = mem.weights + mem.kv_cache_per_token * ctx + act;
    // LoRA r=128 on q,k,v,o,gate,up,down of every decoder layer.
    const std::int64_t r = 128, H = t.hidden_size, I = t.intermediate_size,
                       kv = t.num_key_value_heads * t.headDim();
    const std::int64_t per_layer =
        r * (H + H) * 2 /*q,o*/ + r * (H + kv) * 2 /*k,v*/ + r * (H + I) * 3 /*gate,up,down*/;
    mem.lora_parameters = per_layer * t.num_hidden_layers;
    const std::int64_t trained = mem.lora_parameters + info.projector_parameters;
    // Kept for backward per layer and token: inputs of the 7 linears, norms, attention output, MLP
    // intermediates (about 10 hidden-sized and 4 intermediate-sized tensors), plus the scores.
    const std::int64_t saved =
        t.num_hidden_layers * (ctx * (10 * H + 4 * I) * es + t.num_attention_heads * ctx * ctx * es);
    mem.train_lora =
        mem.weights + trained * 16 /*fp32 value, grad, two moments*/ + saved + ctx * t.vocab_size * 4 * 2;
}

torch::Tensor modelImage(const ImageInput& image, const ClipPreprocessOptions& clip) {
    RgbImage rgb = image.display;
    if (rgb.empty()) {
        if (image.path.empty()) throw InputError("image: neither a file nor pixels given");
        try {
            LoadOptions lo;
            lo.frame = image.frame;
            rgb = loadDisplayImage(image.path, lo);
        } catch (const std::exception& e) {
            throw InputError(e.what());  // the imaging module's messages start with the path
        }
    } else if (rgb.pixels.size() !=
               static_cast<std::size_t>(rgb.width) * static_cast<std::size_t>(rgb.height) * 3) {
        throw InputError("image " + image.identity() + ": pixel buffer size does not match " +
                         std::to_string(rgb.width) + "x" + std::to_string(rgb.height) + " RGB");
    }
    return clipPreprocess(rgb, clip);  // [3, S, S]
}

std::function<torch::Tensor(const std::string&)> trainingImageLoader(const ClipPreprocessOptions& clip) {
    return [clip](const std::string& path) { return modelImage(ImageInput::file(path), clip); };
}

}  // namespace stllava::pipeline
