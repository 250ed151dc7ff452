// `stllava chat`: one question about one image, the answer streamed to stdout as it is generated.
//   stllava chat --model DIR [--vision-tower DIR] --image FILE [--template NAME] [--temperature T]
//                [--top-p P] [--top-k K] [--max-new-tokens N] [--seed S] [--dtype ...] [--device ...] "question"
// The image goes through core/imaging (DICOM or raster, display window) and core/vision_input (LLaVA's
// "pad" CLIP preprocessing); the prompt through core/prompt's conversation templates.
#include "command_registry.h"
#include "exit_codes.h"

#include "generation/generate.h"
#include "imaging/image_loader.h"
#include "model/checkpoint_io.h"
#include "prompt/conversation.h"
#include "prompt/tokenize.h"
#include "tokenizer/tokenizer.h"
#include "vision_input/clip_preprocess.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

namespace {

struct ChatOptions {
    std::string model_dir, vision_tower, image, templ, question, dtype = "auto", device = "cpu";
    double temperature = 0.2, top_p = 1.0, repetition_penalty = 1.0;
    int top_k = 0, max_new_tokens = 512;
    std::uint64_t seed = 0;
    bool stats = false;
};

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted.store(true); }

torch::Dtype parseDtype(const std::string& name, const torch::Device& device) {
    if (name == "f32") return torch::kFloat32;
    if (name == "bf16") return torch::kBFloat16;
    if (name == "f16") return torch::kFloat16;
    return device.is_cuda() ? torch::kFloat16 : torch::kFloat32;  // auto
}

const CLI::Validator kDeviceName(
    [](std::string& s) -> std::string {
        try {
            torch::Device d(s);
            if (d.is_cpu() || d.is_cuda()) return {};
        } catch (const std::exception&) {
        }
        return "expected cpu or cuda[:N], got '" + s + "'";
    },
    "DEVICE");

int runChat(const ChatOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    const torch::Device device(o.device);
    if (device.is_cuda() && !torch::cuda::is_available())
        throw std::runtime_error("--device " + o.device + ": this libtorch has no CUDA device available");
    stllava::model::LoadOptions lo;
    lo.dtype = parseDtype(o.dtype, device);
    lo.device = device;
    lo.vision_tower_path = o.vision_tower;
    lo.text_only = o.image.empty();
    stllava::model::LoadedModel loaded;
    try {
        loaded = stllava::model::loadModel(o.model_dir, lo);
    } catch (const std::exception& e) {
        throw stllava::BadInput(e.what());
    }
    const auto tokenizer = stllava::Tokenizer::load(loaded.tokenizer_path);

    torch::Tensor pixels;
    if (!o.image.empty()) {
        stllava::RgbImage image;
        try {
            image = stllava::loadDisplayImage(o.image);
        } catch (const std::exception& e) {
            throw stllava::BadInput(e.what());
        }
        stllava::ClipPreprocessOptions pre;
        pre.imageSize = static_cast<int>(loaded.config.vision.image_size);
        pre.padToSquare = loaded.config.image_aspect_ratio == "pad";
        pixels = stllava::clipPreprocess(image, pre).unsqueeze(0);  // [1, 3, S, S]
    }

    const auto template_name = stllava::prompt::chooseTemplate(o.model_dir, loaded.config.conv_mode, o.templ);
    const auto& tmpl = stllava::prompt::getTemplate(template_name);
    stllava::prompt::Conversation conv;
    conv.push_back({stllava::prompt::Role::User, o.image.empty() ? o.question : stllava::prompt::withImage(o.question)});
    const auto text = stllava::prompt::renderForGeneration(tmpl, conv);
    const auto tokens = stllava::prompt::tokenizePrompt(tokenizer, text);

    stllava::GenerateOptions go;
    go.sampling.temperature = o.temperature;
    go.sampling.greedy = o.temperature == 0.0;
    go.sampling.top_p = o.top_p;
    go.sampling.top_k = o.top_k;
    go.sampling.repetition_penalty = o.repetition_penalty;
    go.sampling.max_new_tokens = o.max_new_tokens;
    go.sampling.seed = o.seed;
    if (!tmpl.sep2.empty()) go.sampling.stop_strings.push_back(tmpl.sep2);  // LLaVA stops at "</s>" too
    go.cancel = &g_interrupted;
    stllava::GenerationRequest req;
    req.input_ids = tokens.ids;
    req.pixel_values = pixels;

    auto previous = std::signal(SIGINT, onInterrupt);
    const auto t_loaded = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point t_first;
    bool first = true;
    auto results = stllava::generate(loaded.model, &tokenizer, {req}, go, [&](int, std::int32_t, std::string_view delta) {
        if (first) t_first = std::chrono::steady_clock::now(), first = false;
        std::fwrite(delta.data(), 1, delta.size(), stdout);
        std::fflush(stdout);
        return true;
    });
    std::signal(SIGINT, previous);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    const auto& r = results.front();
    if (o.stats) {
        using secs = std::chrono::duration<double>;
        const auto t_end = std::chrono::steady_clock::now();
        const double decode_s = first ? 0.0 : secs(t_end - t_first).count();
        std::fprintf(stderr,
                     "[chat] template %s, %zu prompt tokens, %zu generated (%s), load %.2f s, first token %.2f s, "
                     "%.1f tokens/s after it\n",
                     template_name.c_str(), tokens.ids.size(), r.tokens.size(), stllava::stopReasonName(r.stop_reason),
                     secs(t_loaded - t0).count(), first ? 0.0 : secs(t_first - t_loaded).count(),
                     decode_s > 0 && r.tokens.size() > 1 ? (r.tokens.size() - 1) / decode_s : 0.0);
    }
    return r.stop_reason == stllava::GenerationResult::StopReason::Cancelled ? stllava::exit_code::kCancelled
                                                                            : stllava::exit_code::kOk;
}

stllava::CommandRun addChat(CLI::App& app) {
    auto o = std::make_shared<ChatOptions>();
    CLI::App* cmd = app.add_subcommand("chat", "Ask a question about an image; the answer streams to stdout");
    cmd->add_option("--model", o->model_dir, "Model folder (config.json, safetensors, tokenizer.model)")->required()->check(CLI::ExistingDirectory);
    cmd->add_option("--vision-tower", o->vision_tower, "CLIP checkpoint folder, when the model folder lacks the vision tower")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--image", o->image, "Image file (DICOM, PNG, JPEG, TIFF, BMP); omit for a text-only question")
        ->check(CLI::ExistingFile);
    cmd->add_option("--template", o->templ, "Conversation template (vicuna_v1, llava_v1, v1_sq, mistral_instruct); default: from the model");
    cmd->add_option("--temperature", o->temperature, "Sampling temperature; 0 = greedy")->capture_default_str()->check(CLI::NonNegativeNumber);
    cmd->add_option("--top-p", o->top_p, "Nucleus sampling threshold (1 = off)")->capture_default_str()->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--top-k", o->top_k, "Keep the k most likely tokens (0 = off)")->capture_default_str()->check(CLI::NonNegativeNumber);
    cmd->add_option("--repetition-penalty", o->repetition_penalty, "Repetition penalty (1 = off)")->capture_default_str();
    cmd->add_option("--max-new-tokens", o->max_new_tokens, "Most tokens to generate")->capture_default_str()->check(CLI::NonNegativeNumber);
    cmd->add_option("--seed", o->seed, "Sampling seed")->capture_default_str();
    cmd->add_option("--dtype", o->dtype, "auto (f32 on CPU, f16 on CUDA), f32, bf16 or f16")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "f32", "bf16", "f16"}));
    cmd->add_option("--device", o->device, "cpu or cuda[:N]")->capture_default_str()->check(kDeviceName);
    cmd->add_flag("--stats", o->stats, "Print timing figures to stderr");
    cmd->add_option("question", o->question, "The question")->required();
    return [o]() { return runChat(*o); };
}

const bool registered = stllava::registerCommand({"chat", 20, &addChat});

}  // namespace
