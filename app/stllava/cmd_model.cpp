// `stllava model info DIR [--adapter A] [--json]`: what a model folder holds and what it needs
// (layout, parameters, template, projector, tower, adapter, unexpected tensors, memory to run and
// to train with LoRA). `stllava model merge DIR --adapter A --out OUT`: a full model folder with the
// adapter merged in, usable without it.
#include "cli_support.h"
#include "command_registry.h"
#include "exit_codes.h"

#include "pipeline/llava_session.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace {

using namespace stllava;

struct ModelCliOptions {
    pipeline::ModelSource source;
    std::string out;
    bool json = false, force = false;
};

int runInfo(const ModelCliOptions& o) {
    auto session = pipeline::LlavaSession::open(o.source);
    if (o.json)
        std::cout << session->info().toJson().dump(2) << "\n";
    else
        std::cout << session->info().toText();
    return exit_code::kOk;
}

int runMerge(ModelCliOptions o) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(o.out, ec) && !fs::is_empty(o.out, ec) && !o.force)
        throw BadInput(o.out + ": the output folder exists and is not empty (pass --force to write into it)");
    if (fs::equivalent(o.out, o.source.model_dir, ec))
        throw BadInput(o.out + ": the output folder is the model folder itself");
    o.source.adapter_mode = pipeline::AdapterMode::Merge;
    auto session = cli::openSession(o.source, true);
    session->saveMerged(o.out);
    std::cerr << "merged model written to " << o.out << "\n";
    return exit_code::kOk;
}

CommandRun addModel(CLI::App& app) {
    auto o = std::make_shared<ModelCliOptions>();
    auto which = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "model", "Inspect a model folder, or merge a LoRA adapter into a full model folder");
    cmd->require_subcommand(1);
    CLI::App* info = cmd->add_subcommand("info", "What a model folder holds and the memory it needs");
    info->add_option("dir", o->source.model_dir, "Model folder")->required()->check(CLI::ExistingDirectory);
    cli::addModelOptions(*info, o->source);
    info->add_flag("--json", o->json, "JSON instead of the table");
    info->callback([which] { *which = "info"; });
    CLI::App* merge = cmd->add_subcommand("merge", "Write a full model folder with a LoRA adapter merged in");
    merge->add_option("dir", o->source.model_dir, "Base model folder")
        ->required()
        ->check(CLI::ExistingDirectory);
    cli::addModelOptions(*merge, o->source, false);
    merge->get_option("--adapter")->required();
    merge->add_option("--out", o->out, "Output folder (created)")->required();
    merge->add_flag("--force", o->force, "Write into an existing, non-empty output folder");
    merge->callback([which] { *which = "merge"; });
    return [o, which]() { return *which == "info" ? runInfo(*o) : runMerge(*o); };
}

const bool registered = registerCommand({"model", 25, &addModel});

}  // namespace
