// `stllava chat`: one question about one image, the answer streamed to stdout as it is generated.
//   stllava chat --model DIR [--adapter A] [--vision-tower DIR] --image FILE [--frame N] [--template NAME]
//                [--temperature T] [--top-p P] [--top-k K] [--max-new-tokens N] [--seed S] [--dtype ...]
//                [--device ...] "question"
// Everything model-side goes through the session layer (core/pipeline): loading in any layout, the
// adapter, the template, the image (DICOM or raster, display window) and its preprocessing.
#include "cli_support.h"
#include "command_registry.h"
#include "exit_codes.h"

#include "pipeline/llava_session.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

namespace {

using namespace stllava;

struct ChatOptions {
    pipeline::ModelSource source;
    std::string image, question;
    int frame = 0;
    double temperature = 0.2, top_p = 1.0, repetition_penalty = 1.0;
    int top_k = 0, max_new_tokens = 512;
    std::uint64_t seed = 0;
    bool stats = false;
};

int runChat(ChatOptions& o) {
    using secs = std::chrono::duration<double>;
    const auto t0 = std::chrono::steady_clock::now();
    o.source.text_only = o.image.empty();
    auto session = pipeline::LlavaSession::open(o.source);

    pipeline::Request req;
    req.conversation = {{prompt::Role::User, o.question}};
    if (!o.image.empty()) req.images.push_back(pipeline::ImageInput::file(o.image, o.frame));
    req.sampling.temperature = o.temperature;
    req.sampling.greedy = o.temperature == 0.0;
    req.sampling.top_p = o.top_p;
    req.sampling.top_k = o.top_k;
    req.sampling.repetition_penalty = o.repetition_penalty;
    req.sampling.max_new_tokens = o.max_new_tokens;
    req.sampling.seed = o.seed;

    CancelToken cancel;
    cli::InterruptScope interrupt(cancel);
    const auto t_loaded = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point t_first;
    bool first = true;
    pipeline::GenerateSettings settings;
    settings.cancel = &cancel;
    const pipeline::Reply r = session->generate(
        req,
        [&](std::size_t, std::string_view delta) {
            if (first) t_first = std::chrono::steady_clock::now(), first = false;
            std::fwrite(delta.data(), 1, delta.size(), stdout);
            std::fflush(stdout);
            return true;
        },
        settings);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    if (o.stats) {
        const auto t_end = std::chrono::steady_clock::now();
        const double decode_s = first ? 0.0 : secs(t_end - t_first).count();
        std::fprintf(
            stderr,
            "[chat] template %s, %lld prompt positions, %zu generated (%s), load %.2f s, first token %.2f s, "
            "%.1f tokens/s after it\n",
            session->info().template_name.c_str(), static_cast<long long>(r.prompt_tokens), r.tokens.size(),
            r.stop_reason.c_str(), secs(t_loaded - t0).count(),
            first ? 0.0 : secs(t_first - t_loaded).count(),
            decode_s > 0 && r.tokens.size() > 1 ? static_cast<double>(r.tokens.size() - 1) / decode_s : 0.0);
    }
    return r.stop_reason == "cancelled" ? exit_code::kCancelled : exit_code::kOk;
}

CommandRun addChat(CLI::App& app) {
    auto o = std::make_shared<ChatOptions>();
    CLI::App* cmd = app.add_subcommand("chat", "Ask a question about an image; the answer streams to stdout");
    cmd->add_option("--model", o->source.model_dir,
                    "Model folder (config.json, safetensors, tokenizer.model)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cli::addModelOptions(*cmd, o->source);
    cli::addQuantOption(*cmd, o->source);
    cmd->add_option("--image", o->image,
                    "Image file (DICOM, PNG, JPEG, TIFF, BMP); omit for a text-only question")
        ->check(CLI::ExistingFile);
    cmd->add_option("--frame", o->frame, "Frame of a multi-frame DICOM (0-based)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--temperature", o->temperature, "Sampling temperature; 0 = greedy")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--top-p", o->top_p, "Nucleus sampling threshold (1 = off)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--top-k", o->top_k, "Keep the k most likely tokens (0 = off)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--repetition-penalty", o->repetition_penalty, "Repetition penalty (1 = off)")
        ->capture_default_str();
    cmd->add_option("--max-new-tokens", o->max_new_tokens, "Most tokens to generate")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--seed", o->seed, "Sampling seed")->capture_default_str();
    cmd->add_flag("--stats", o->stats, "Print timing figures to stderr");
    cmd->add_option("question", o->question, "The question")->required();
    return [o]() { return runChat(*o); };
}

const bool registered = registerCommand({"chat", 20, &addChat});

}  // namespace
