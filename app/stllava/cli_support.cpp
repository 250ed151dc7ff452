#include "cli_support.h"

#include <csignal>
#include <cstdio>
#include <iostream>

namespace stllava::cli {
namespace {

CancelToken* g_token = nullptr;

extern "C" void onInterrupt(int) {
    if (g_token) g_token->cancel();
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process
}

}  // namespace

InterruptScope::InterruptScope(CancelToken& token) {
    g_token = &token;
    previous_ = std::signal(SIGINT, onInterrupt);
}

InterruptScope::~InterruptScope() {
    std::signal(SIGINT, previous_ == SIG_ERR ? SIG_DFL : previous_);
    g_token = nullptr;
}

std::string formatDuration(double seconds, bool compact) {
    char buf[32];
    const long t = seconds > 0 ? static_cast<long>(seconds) : 0;
    if (compact) {
        if (t >= 3600)
            std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t % 3600) / 60);
        else
            std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    }
    return buf;
}

#ifdef STLLAVA_HAVE_PIPELINE
void addModelOptions(CLI::App& cmd, pipeline::ModelSource& s, bool with_template) {
    cmd.add_option(
           "--vision-tower", s.vision_tower_dir,
           "CLIP checkpoint folder, when the model folder lacks the vision tower (default: mm_vision_tower, "
           "relative to the model folder or the working directory)")
        ->check(CLI::ExistingDirectory);
    cmd.add_option("--adapter", s.adapter_dir,
                   "LoRA adapter folder (PEFT adapter_config.json + adapter_model.safetensors, optional "
                   "non_lora_trainables.safetensors), e.g. the adapter/ that `stllava train` writes")
        ->check(CLI::ExistingDirectory);
    cmd.add_option_function<std::string>(
           "--adapter-mode",
           [&s](const std::string& m) {
               s.adapter_mode = m == "live" ? pipeline::AdapterMode::Live : pipeline::AdapterMode::Merge;
           },
           "merge (into the weights at load: fastest) or live (kept beside them)")
        ->check(CLI::IsMember({"merge", "live"}))
        ->default_str("merge");
    cmd.add_option("--dtype", s.dtype, "auto (f32 on CPU, f16 on CUDA), f32, bf16 or f16")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "f32", "bf16", "f16", "float32", "bfloat16", "float16"}));
    static const CLI::Validator device_name(
        [](std::string& d) -> std::string {
            if (d == "cpu" || d == "cuda") return {};
            if (d.rfind("cuda:", 0) == 0 && d.size() > 5 &&
                d.find_first_not_of("0123456789", 5) == std::string::npos)
                return {};
            return "expected cpu, cuda or cuda:N, got '" + d + "'";
        },
        "DEVICE");
    cmd.add_option("--device", s.device, "cpu, cuda or cuda:N")->capture_default_str()->check(device_name);
    if (with_template)
        cmd.add_option(
            "--template", s.template_name,
            "Conversation template (vicuna_v1, llava_v1, v1_sq, mistral_instruct); default: from the model");
}

void addQuantOption(CLI::App& cmd, pipeline::ModelSource& s) {
    cmd.add_option("--quant", s.quant,
                   "Weight-only quantisation of the decoder's linear layers on the CPU: none, int8 (per "
                   "output channel) or q4 (4-bit, groups of 32); lm_head int8 with either")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "int8", "q4"}));
}

std::shared_ptr<pipeline::LlavaSession> openSession(const pipeline::ModelSource& source, bool verbose) {
    if (verbose)
        std::cerr << "loading " << source.model_dir
                  << (source.adapter_dir.empty() ? "" : " + " + source.adapter_dir) << " ...\n";
    auto session = pipeline::LlavaSession::open(source);
    if (verbose)
        std::cerr << "loaded in " << static_cast<int>(session->info().load_seconds * 1000) << " ms ("
                  << session->info().dtype << " on " << session->info().device << ", template "
                  << session->info().template_name << ")\n";
    return session;
}
#endif

}  // namespace stllava::cli
