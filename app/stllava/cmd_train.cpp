// `stllava train sft|dpo --config FILE.json`: stage-1 instruction tuning (with question learning)
// and DPO. Human progress on a terminal, JSON lines with --json. Ctrl-C cancels at the next
// micro-step and writes a checkpoint (a second Ctrl-C kills at once). Data parallel: start one
// process per device with torchrun-style variables (RANK, WORLD_SIZE, MASTER_ADDR, ...; see
// docs/distributed-training.md).
#include "cli_support.h"
#include "command_registry.h"
#include "exit_codes.h"

#include "lora/lora.h"
#include "model/checkpoint_io.h"
#include "pipeline/model_assembly.h"
#include "training/dataset.h"
#include "training/distributed.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <map>
#include <csignal>
#include <cstdio>
#include <filesystem>
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
        nlohmann::json j = {{"event", p.event}, {"stage", p.stage}, {"epoch", p.epoch}, {"step", p.step},
                            {"total_steps", p.total_steps}, {"loss", p.loss}, {"lr", p.lr}, {"grad_norm", p.grad_norm},
                            {"tokens_per_s", p.tokens_per_s}, {"eta_s", p.eta_s}, {"memory_bytes", p.memory_bytes}};
        if (p.stage == "dpo")
            j.update({{"reward_accuracy", p.reward_accuracy}, {"margin", p.margin}, {"chosen_reward", p.chosen_reward},
                      {"rejected_reward", p.rejected_reward}});
        if (!p.checkpoint.empty()) j["checkpoint"] = p.checkpoint;
        if (!p.detail.empty()) j["detail"] = p.detail;
        std::cout << j.dump() << std::endl;
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
    TrainConfig c;
    try {
        c = readTrainConfig(o.config, stage);
    } catch (const std::exception& e) {
        throw stllava::BadInput(e.what());
    }
    for (const auto& [field, value] : {std::pair<const char*, std::string>{"model_path", c.model_path}, {"data_path", c.data_path},
                                       {"output_dir", c.output_dir}})
        if (value.empty()) throw stllava::BadInput("training config '" + o.config + "': '" + field + "' is required");
    if (!c.resume_from.empty() && !std::filesystem::is_directory(c.resume_from))
        throw stllava::BadInput("training config '" + o.config + "': 'resume_from' " + c.resume_from + ": no such checkpoint folder");

    const DistEnv env = distEnvFromEnvironment();
    const bool main_rank = env.rank == 0;
    const torch::Device device = torch::cuda::is_available() ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(env.local_rank))
                                                             : torch::Device(torch::kCPU);
    auto group = ProcessGroup::create(env, device);

    DataOptions data_options;
    data_options.image_folder = c.image_folder;
    // The model through the session layer's assembly (any layout, tower, tokenizer), kept
    // trainable; images through the same loader and preprocessing as chat and evaluation.
    stllava::pipeline::ModelSource source;
    source.model_dir = c.model_path;
    source.vision_tower_dir = c.vision_tower_path;
    source.device = device.str();
    source.dtype = "f32";
    stllava::pipeline::AssembleOptions assemble;
    assemble.for_training = true;
    source.adapter_dir = c.init_adapter;  // merged at load
    stllava::pipeline::AssembledModel loaded = stllava::pipeline::assembleModel(source, assemble);
    const stllava::Tokenizer& tok = *loaded.tokenizer;
    // Starting from an adapter (DPO after stage 1): it becomes part of the weights the new adapter
    // trains on and the reference is; kept aside to be stacked into the saved adapter.
    std::map<std::string, stllava::lora::AdapterWeights> init_weights;
    if (!c.init_adapter.empty()) {
        init_weights = stllava::lora::copyAdapters(*loaded.model);
        stllava::lora::bakeLora(*loaded.model);
        if (main_rank)
            std::cerr << "starting from adapter " << c.init_adapter << " (" << init_weights.size() << " layers, merged)\n";
    }
    // The config's seed also seeds torch's generator (LoRA initialisation, dropout), as the reference
    // trainer's set_seed does: without it every process draws its own seed and two runs of the same
    // config differ. A resumed run restores the checkpoint's generator state over this.
    torch::manual_seed(c.seed);
    prepareModel(*loaded.model, c);
    Trainer trainer(loaded.model, tok, c, group.get());
    trainer.setImageLoader(stllava::pipeline::trainingImageLoader(loaded.clip));

    TrainControl control;
    g_cancel = &control.cancel;
    std::signal(SIGINT, onSigint);
    const bool tty = ::isatty(STDOUT_FILENO) != 0 && !o.json;
    auto callback = [&](const TrainProgress& p) {
        if (main_rank) printProgress(p, o.json, tty);
    };
    auto report = [&](const DataReport& r) {
        if (!main_rank) return;
        if (o.json) std::cout << nlohmann::json{{"event", "data"}, {"path", r.path}, {"total", r.total}, {"usable", r.usable},
                                                {"issues", r.issues.size()}}.dump() << std::endl;
        if (!r.issues.empty() || !o.json) std::cerr << r.summary() << std::endl;
        if (r.usable == 0) throw stllava::BadInput(r.path + ": no usable items");
    };
    TrainResult result;
    if (stage == "sft") {
        const InstructDataset data = loadInstructData(c.data_path, data_options);
        report(data.report);
        result = trainer.trainSft(data, control, callback);
    } else {
        const PreferenceDataset data = loadPreferenceData(c.data_path, data_options);
        report(data.report);
        result = trainer.trainDpo(data, control, callback);
    }
    g_cancel = nullptr;
    std::signal(SIGINT, SIG_DFL);
    if (tty) std::cout << "\n";
    if (main_rank && !result.cancelled) {
        // The trained result, ready to use: a PEFT adapter folder, or a full model folder.
        if (!stllava::lora::adaptedLayers(*loaded.model).empty()) {
            stllava::lora::SaveAdapterOptions so;
            so.base_model_name_or_path = c.model_path;
            so.config.rank = c.llm_lora.rank;
            so.config.alpha = c.llm_lora.alpha;
            so.config.dropout = c.llm_lora.dropout;
            if (!init_weights.empty()) {
                // One standard PEFT adapter for the original model: [stage 1; this run] per layer, scale 1.
                stllava::lora::stackOnto(*loaded.model, init_weights);
                so.config.rank = c.llm_lora.rank + loaded.info.adapter.rank;
                so.config.alpha = static_cast<double>(so.config.rank);
            }
            stllava::lora::saveAdapter(c.output_dir + "/adapter", *loaded.model, so);
            if ((c.train_projector || !loaded.info.adapter.non_lora_loaded.empty()) && loaded.model->hasVision())
                stllava::lora::saveNonLoraTrainables(c.output_dir + "/adapter/non_lora_trainables.safetensors", *loaded.model,
                                                     {"model.mm_projector"});
        } else {
            stllava::model::SaveOptions so;
            so.tokenizer_model_path = loaded.tokenizer_path;
            stllava::model::saveModel(c.output_dir + "/model", loaded.model, so);
        }
    }
    if (main_rank) {
        if (o.json)
            std::cout << nlohmann::json{{"event", "done"}, {"steps", result.steps}, {"cancelled", result.cancelled},
                                        {"resumed_from", result.resumed_from}, {"loss", result.last_loss},
                                        {"checkpoint", result.last_checkpoint}}.dump() << std::endl;
        else
            std::cout << (result.cancelled ? "cancelled after step " : "finished: step ") << result.steps
                      << (result.last_checkpoint.empty() ? "" : "; checkpoint " + result.last_checkpoint) << std::endl;
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
