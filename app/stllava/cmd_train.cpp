// `stllava train sft|dpo --config FILE.json`: stage-1 instruction tuning (with question learning)
// and DPO. Human progress on a terminal, JSON lines with --json. Ctrl-C cancels at the next
// micro-step and writes a checkpoint (a second Ctrl-C kills at once). Data parallel: start one
// process per device with torchrun-style variables (RANK, WORLD_SIZE, MASTER_ADDR, ...; see
// docs/distributed-training.md).
#include "cli_support.h"
#include "command_registry.h"
#include "exit_codes.h"

#include "pipeline/training_run.h"
#include "training/progress_json.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace {

using namespace stllava::training;

std::atomic<bool>* g_cancel = nullptr;

extern "C" void onSigint(int) {
    if (g_cancel) g_cancel->store(true);
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process
}

struct TrainOptions {
    std::string config;
    bool json = false;
};

void printProgress(const TrainProgress& p, bool json, bool tty) {
    if (p.event == "micro") return;
    if (json) {
        std::cout << progressJson(p).dump() << std::endl;
        return;
    }
    if (p.event == "checkpoint") {
        std::cout << (tty ? "\n" : "") << "checkpoint written: " << p.checkpoint << std::endl;
        return;
    }
    if (p.event == "reference") {
        std::cout << "reference log-probs: " << p.detail << std::endl;
        return;
    }
    if (p.event == "skipped") {
        std::cerr << p.detail << std::endl;
        return;
    }
    char line[320];
    int n = std::snprintf(line, sizeof line, "epoch %lld  step %lld/%lld  loss %.4f  lr %.3g  grad %.3g  %.0f tok/s  ETA %s  mem %.2f GB",
                          static_cast<long long>(p.epoch), static_cast<long long>(p.step), static_cast<long long>(p.total_steps),
                          p.loss, p.lr, p.grad_norm, p.tokens_per_s, stllava::cli::formatDuration(p.eta_s).c_str(), p.memory_bytes / 1e9);
    if (p.stage == "dpo" && n > 0 && n < static_cast<int>(sizeof line))
        std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), "  acc %.3f  margin %.4f", p.reward_accuracy, p.margin);
    std::cout << (tty ? "\r" : "") << line << (tty ? "" : "\n") << std::flush;
}

int runTrain(const std::string& stage, const TrainOptions& o) {
    TrainControl control;
    g_cancel = &control.cancel;
    std::signal(SIGINT, onSigint);
    const bool tty = ::isatty(STDOUT_FILENO) != 0 && !o.json;
    stllava::pipeline::TrainingRunHooks hooks;
    hooks.progress = [&](const TrainProgress& p) { printProgress(p, o.json, tty); };
    hooks.data = [&](const DataReport& r) {
        if (o.json) std::cout << dataReportJson(r).dump() << std::endl;
        if (!r.issues.empty() || !o.json) std::cerr << r.summary() << std::endl;
    };
    hooks.note = [](const std::string& line) { std::cerr << line << "\n"; };
    stllava::pipeline::TrainingRunOutcome out;
    try {
        out = stllava::pipeline::runTrainingStage(stage, o.config, control, hooks);
    } catch (...) {
        g_cancel = nullptr;
        std::signal(SIGINT, SIG_DFL);
        throw;
    }
    g_cancel = nullptr;
    std::signal(SIGINT, SIG_DFL);
    if (tty) std::cout << "\n";
    const TrainResult& result = out.result;
    if (out.main_rank) {
        if (o.json)
            std::cout << doneJson(result).dump() << std::endl;
        else
            std::cout << (result.cancelled ? "cancelled after step " : "finished: step ") << result.steps
                      << (result.last_checkpoint.empty() ? "" : "; checkpoint " + result.last_checkpoint)
                      << (out.saved.empty() ? "" : "; saved " + out.saved) << std::endl;
    }
    return result.cancelled ? stllava::exit_code::kCancelled : stllava::exit_code::kOk;
}

stllava::CommandRun addTrain(CLI::App& app) {
    auto opts = std::make_shared<TrainOptions>();
    auto stage = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("train", "Train: stage-1 instruction tuning with question learning (sft) or DPO (dpo)");
    cmd->require_subcommand(1);
    for (const char* name : {"sft", "dpo"}) {
        CLI::App* sub = cmd->add_subcommand(name, std::string(name) == std::string("sft")
                                                      ? "Stage 1: instruction tuning with question learning (LLaVA JSON)"
                                                      : "DPO on preference pairs (STLLaVA or TRL JSON)");
        sub->add_option("--config", opts->config, "Training config JSON (fields override the stage's paper preset)")
            ->required()
            ->check(CLI::ExistingFile);
        sub->add_flag("--json", opts->json, "Progress as JSON lines");
        sub->callback([stage, name] { *stage = name; });
    }
    return [opts, stage]() { return runTrain(*stage, *opts); };
}

const bool registered = stllava::registerCommand({"train", 40, &addTrain});

}  // namespace
