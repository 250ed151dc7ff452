#include "pipeline/training_run.h"

#include "common/input_error.h"
#include "lora/lora.h"
#include "model/checkpoint_io.h"
#include "pipeline/model_assembly.h"
#include "training/distributed.h"
#include "training/trainer.h"

#include <filesystem>
#include <map>

namespace stllava::pipeline {

using namespace stllava::training;

namespace {

TrainConfig checkedConfig(const std::string& stage, const std::string& path) {
    TrainConfig c;
    try {
        c = readTrainConfig(path, stage);
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    for (const auto& [field, value] : {std::pair<const char*, std::string>{"model_path", c.model_path},
                                       {"data_path", c.data_path}, {"output_dir", c.output_dir}})
        if (value.empty()) throw InputError("training config '" + path + "': '" + field + "' is required");
    if (!c.resume_from.empty() && !std::filesystem::is_directory(c.resume_from))
        throw InputError("training config '" + path + "': 'resume_from' " + c.resume_from + ": no such checkpoint folder");
    return c;
}

// The trained result, ready to use: a PEFT adapter folder, or a full model folder.
std::string saveResult(const TrainConfig& c, AssembledModel& loaded,
                       std::map<std::string, lora::AdapterWeights>& init_weights) {
    if (lora::adaptedLayers(*loaded.model).empty()) {
        model::SaveOptions so;
        so.tokenizer_model_path = loaded.tokenizer_path;
        model::saveModel(c.output_dir + "/model", loaded.model, so);
        return c.output_dir + "/model";
    }
    lora::SaveAdapterOptions so;
    so.base_model_name_or_path = c.model_path;
    so.config.rank = c.llm_lora.rank;
    so.config.alpha = c.llm_lora.alpha;
    so.config.dropout = c.llm_lora.dropout;
    if (!init_weights.empty()) {
        // One standard PEFT adapter for the original model: [stage 1; this run] per layer, scale 1.
        lora::stackOnto(*loaded.model, init_weights);
        so.config.rank = c.llm_lora.rank + loaded.info.adapter.rank;
        so.config.alpha = static_cast<double>(so.config.rank);
    }
    const std::string dir = c.output_dir + "/adapter";
    lora::saveAdapter(dir, *loaded.model, so);
    if ((c.train_projector || !loaded.info.adapter.non_lora_loaded.empty()) && loaded.model->hasVision())
        lora::saveNonLoraTrainables(dir + "/non_lora_trainables.safetensors", *loaded.model, {"model.mm_projector"});
    return dir;
}

}  // namespace

TrainingRunOutcome runTrainingStage(const std::string& stage, const std::string& config_path, TrainControl& control,
                                    const TrainingRunHooks& hooks) {
    if (stage != "sft" && stage != "dpo") throw InputError("training stage '" + stage + "': expected sft or dpo");
    const TrainConfig c = checkedConfig(stage, config_path);

    TrainingRunOutcome out;
    const DistEnv env = distEnvFromEnvironment();
    out.main_rank = env.rank == 0;
    auto note = [&](const std::string& line) {
        if (out.main_rank && hooks.note) hooks.note(line);
    };
    const torch::Device device = torch::cuda::is_available()
                                     ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(env.local_rank))
                                     : torch::Device(torch::kCPU);
    auto group = ProcessGroup::create(env, device);

    // The model through the session layer's assembly (any layout, tower, tokenizer), kept
    // trainable; images through the same loader and preprocessing as chat and evaluation.
    ModelSource source;
    source.model_dir = c.model_path;
    source.vision_tower_dir = c.vision_tower_path;
    source.device = device.str();
    source.dtype = "f32";
    source.adapter_dir = c.init_adapter;  // merged at load
    AssembleOptions assemble;
    assemble.for_training = true;
    AssembledModel loaded = assembleModel(source, assemble);
    // Starting from an adapter (DPO after stage 1): it becomes part of the weights the new adapter
    // trains on and the reference is; kept aside to be stacked into the saved adapter.
    std::map<std::string, lora::AdapterWeights> init_weights;
    if (!c.init_adapter.empty()) {
        init_weights = lora::copyAdapters(*loaded.model);
        lora::bakeLora(*loaded.model);
        note("starting from adapter " + c.init_adapter + " (" + std::to_string(init_weights.size()) + " layers, merged)");
    }
    // The new adapters' initial values and the dropout masks come from the global generator:
    // seeded from the config, so a run depends on its config only, not on what this process did
    // before (the studio runs several in one process). A resume restores the checkpoint's state.
    torch::manual_seed(c.seed);
    prepareModel(*loaded.model, c);
    Trainer trainer(loaded.model, *loaded.tokenizer, c, group.get());
    trainer.setImageLoader(trainingImageLoader(loaded.clip));

    auto callback = [&](const TrainProgress& p) {
        if (out.main_rank && hooks.progress) hooks.progress(p);
    };
    auto report = [&](const DataReport& r) {
        if (out.main_rank && hooks.data) hooks.data(r);
        if (r.usable == 0) throw InputError(r.path + ": no usable items");
    };
    DataOptions data_options;
    data_options.image_folder = c.image_folder;
    if (stage == "sft") {
        const InstructDataset data = loadInstructData(c.data_path, data_options);
        report(data.report);
        out.result = trainer.trainSft(data, control, callback);
    } else {
        const PreferenceDataset data = loadPreferenceData(c.data_path, data_options);
        report(data.report);
        out.result = trainer.trainDpo(data, control, callback);
    }
    if (out.main_rank && !out.result.cancelled) out.saved = saveResult(c, loaded, init_weights);
    return out;
}

}  // namespace stllava::pipeline
