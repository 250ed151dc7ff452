#include "training/trainer.h"

#include "lora/lora.h"
#include "training/digest.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

namespace stllava::training {

using model::kIgnoreIndex;


namespace {

bool isLoraName(const std::string& name) {
    return name.find(".lora_A.") != std::string::npos || name.find(".lora_B.") != std::string::npos;
}

// bfloat16 autocast around a forward pass on CUDA (no-op on CPU).
class AutocastGuard {
public:
    explicit AutocastGuard(bool on) : on_(on) {
        if (!on_) return;
#if TORCH_VERSION_MAJOR >= 2
        at::autocast::set_autocast_enabled(at::kCUDA, true);
        at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
        at::autocast::set_enabled(true);
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
    }
    ~AutocastGuard() {
        if (!on_) return;
        at::autocast::clear_cache();
#if TORCH_VERSION_MAJOR >= 2
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
    }
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

private:
    bool on_;
};

std::string describeError(const std::exception& e) {
    const std::string what = e.what();
    if (what.find("out of memory") != std::string::npos || what.find("CUDA out of memory") != std::string::npos ||
        dynamic_cast<const std::bad_alloc*>(&e))
        return "out of memory (lower batch_size and raise grad_accum, or lower max_length): " + what.substr(0, 300);
    return what;
}

}  // namespace

std::int64_t peakResidentBytes() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
    return 0;
}

int prepareModel(model::LlavaForCausalLMImpl& m, const TrainConfig& c) {
    m.setActivationCheckpointing(c.activation_checkpointing);
    if (c.decoder == "lora") {
        lora::LoraConfig lc;
        lc.rank = c.llm_lora.rank;
        lc.alpha = c.llm_lora.alpha;
        lc.dropout = c.llm_lora.dropout;
        lc.include_prefixes = {"model.layers"};
        lora::attachLora(m, lc);
    }
    if (c.vision == "lora" && m.hasVision()) {
        lora::LoraConfig lc;
        lc.rank = c.vision_lora.rank;
        lc.alpha = c.vision_lora.alpha;
        lc.dropout = c.vision_lora.dropout;
        lc.target_modules = {"q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2"};
        lc.include_prefixes = {"model.vision_tower"};
        lora::attachLora(m, lc);
    }
    int n = 0;
    for (auto& item : m.named_parameters()) {
        bool t = false;
        if (isLoraName(item.key())) {
            t = true;
        } else {
            switch (partOf(item.key())) {
                case ParamPart::Decoder: t = c.decoder == "full"; break;
                case ParamPart::Vision: t = c.vision == "full"; break;
                case ParamPart::Projector: t = c.train_projector; break;
                case ParamPart::Other: t = false; break;
            }
        }
        item.value().set_requires_grad(t);
        n += t ? 1 : 0;
    }
    return n;
}

Trainer::Trainer(model::LlavaForCausalLM model, const Tokenizer& tokenizer, TrainConfig config, ProcessGroup* group)
    : model_(std::move(model)), tok_(tokenizer), config_(std::move(config)), group_(group) {
    std::set<const void*> seen;
    for (auto& item : model_->named_parameters())
        if (item.value().requires_grad() && seen.insert(item.value().unsafeGetTensorImpl()).second)
            trainable_.emplace_back(item.key(), item.value());
    if (trainable_.empty()) throw std::runtime_error("training: nothing to train (decoder, vision and projector are all frozen)");
    data_options_.image_folder = config_.image_folder;
    if (group_ && group_->worldSize() > 1) {  // every rank starts from rank 0's weights and buffers (as DDP)
        std::vector<torch::Tensor> state;
        for (const auto& p : model_->parameters()) state.push_back(p.detach());
        for (const auto& b : model_->buffers()) state.push_back(b);
        group_->broadcast(state, 0);
    }
}

CollateOptions Trainer::collateOptions() const {
    CollateOptions co;
    co.template_name = config_.template_name;
    co.sq_r = config_.stage == "sft" ? config_.sq_r : 0.0;
    co.seed = config_.seed;
    co.max_length = config_.max_length;
    co.image_tokens = model_->hasVision() ? model_->imageTokens() : 0;
    co.pad_id = tok_.padId() >= 0 ? tok_.padId() : tok_.unkId();
    return co;
}

std::string Trainer::saveCheckpoint(std::int64_t step, std::int64_t steps_per_epoch, const NamedTensors& rng, double loss,
                                    AdamW& opt) {
    std::string dir;
    if (!group_ || group_->isMain()) {
        CheckpointData d;
        for (const auto& [name, p] : trainable_) d.trainable.emplace_back(name, p.detach().to(torch::kCPU).clone());
        for (auto& [name, t] : opt.stateTensors()) d.optimizer.emplace_back(name, t.to(torch::kCPU));
        d.rng = rng;
        d.state = {{"stage", config_.stage},
                   {"step", step},
                   {"epoch", step / steps_per_epoch},
                   {"position_in_epoch", (step % steps_per_epoch) * config_.grad_accum * (group_ ? group_->worldSize() : 1)},
                   {"steps_per_epoch", steps_per_epoch},
                   {"seed", config_.seed},
                   {"world_size", group_ ? group_->worldSize() : 1},
                   {"loss", loss},
                   {"config", toJson(config_)}};
        const bool has_lora = !lora::adaptedLayers(*model_).empty();
        auto extra = [&](const std::string& tmp) {
            if (!has_lora) return;
            lora::SaveAdapterOptions so;
            so.base_model_name_or_path = config_.model_path;
            so.config.rank = config_.llm_lora.rank;
            so.config.alpha = config_.llm_lora.alpha;
            so.config.dropout = config_.llm_lora.dropout;
            lora::saveAdapter(tmp + "/adapter", *model_, so);
            bool projector = false;
            for (const auto& [name, p] : trainable_) projector = projector || partOf(name) == ParamPart::Projector;
            if (projector)
                lora::saveNonLoraTrainables(tmp + "/adapter/non_lora_trainables.safetensors", *model_, {"model.mm_projector"});
        };
        dir = writeCheckpoint(config_.output_dir, step, d, config_.keep_last, extra);
    }
    if (group_) group_->barrier();
    return dir;
}

void Trainer::reportSkipped(const std::string& stage, const std::string& problems, const TrainCallback& callback) const {
    if (problems.empty() || !callback || (group_ && !group_->isMain())) return;
    TrainProgress p;
    p.event = "skipped";
    p.stage = stage;
    p.detail = "items left out (too long for max_length " + std::to_string(config_.max_length) + "):" + problems;
    callback(p);
}

TrainResult Trainer::run(const std::string& stage, const std::vector<std::int64_t>& lengths, const MicroFn& micro,
                         TrainControl& control, const TrainCallback& callback) {
    const int world = group_ ? group_->worldSize() : 1;
    const int rank = group_ ? group_->rank() : 0;
    const auto N = static_cast<std::int64_t>(lengths.size());
    if (N == 0) throw std::runtime_error(stage + ": the data set has no usable items");
    const std::int64_t B = config_.batch_size, accum = config_.grad_accum;
    const std::int64_t batches_per_epoch = (N + B - 1) / B;
    const std::int64_t micro_per_step = world * accum;
    const std::int64_t steps_per_epoch = (batches_per_epoch + micro_per_step - 1) / micro_per_step;
    std::int64_t total = steps_per_epoch * config_.epochs;
    if (config_.max_steps > 0) total = std::min(total, config_.max_steps);
    const std::int64_t warmup = warmupSteps(config_.warmup_ratio, total);
    const bool autocast = config_.bf16 && model_->device().is_cuda();

    AdamW opt(makeParamGroups(trainable_, config_.lr, config_.weight_decay), config_.adam);
    std::vector<torch::Tensor> params;
    for (const auto& [name, p] : trainable_) params.push_back(p);

    TrainResult result;
    std::int64_t start = 0;
    if (!config_.output_dir.empty() && (!group_ || group_->isMain())) removeStaleWorkFolders(config_.output_dir);
    if (!config_.resume_from.empty() || (config_.resume && !config_.output_dir.empty())) {
        // A chosen checkpoint, else the newest in output_dir. Later checkpoints of the abandoned
        // course are replaced as the run reaches their steps.
        const std::string ckpt = !config_.resume_from.empty() ? config_.resume_from : latestCheckpoint(config_.output_dir);
        if (!config_.resume_from.empty() && !std::filesystem::is_directory(ckpt))
            throw std::runtime_error("resume_from '" + ckpt + "': no such checkpoint folder");
        if (!ckpt.empty()) {
            CheckpointData d = readCheckpoint(ckpt);
            if (d.state.value("stage", "") != stage)
                throw std::runtime_error("checkpoint '" + ckpt + "' is from stage '" + d.state.value("stage", "") + "', not " + stage);
            if (d.state.value("steps_per_epoch", std::int64_t{0}) != steps_per_epoch)
                throw std::runtime_error("checkpoint '" + ckpt + "' was written with another data size, batch size, "
                                         "accumulation or world size (steps per epoch differ); use a new output folder");
            std::map<std::string, torch::Tensor> saved(d.trainable.begin(), d.trainable.end());
            torch::NoGradGuard ng;
            for (auto& [name, p] : trainable_) {
                auto it = saved.find(name);
                if (it == saved.end()) throw std::runtime_error("checkpoint '" + ckpt + "' has no tensor '" + name + "'");
                if (it->second.sizes() != p.sizes()) throw std::runtime_error("checkpoint '" + ckpt + "': '" + name + "' has the wrong shape");
                p.copy_(it->second);
            }
            opt.loadStateTensors(d.optimizer, "checkpoint '" + ckpt + "'");
            restoreRngState(d.rng);
            start = d.state["step"].get<std::int64_t>();
            result.resumed_from = start;
            result.last_checkpoint = ckpt;
        }
    }
    result.steps = start;

    model_->train();
    std::int64_t cur_epoch = -1;
    std::vector<std::vector<std::size_t>> batches;
    std::int64_t last_saved = start;
    std::int64_t micro_done = 0;
    const auto t0 = std::chrono::steady_clock::now();
    std::int64_t tokens_run = 0;

    for (std::int64_t step = start; step < total; ++step) {
        const std::int64_t epoch = step / steps_per_epoch, within = step % steps_per_epoch;
        if (epoch != cur_epoch) {
            batches = epochBatches(lengths, B, config_.seed, static_cast<std::uint64_t>(epoch), true, config_.group_by_length, B * world);
            cur_epoch = epoch;
        }
        const NamedTensors rng_at_step = captureRngState();
        // The epoch's last step takes only the micro-batches left (never wrapping around to the
        // epoch's first ones); its loss is the mean over those.
        const std::int64_t first_batch = within * micro_per_step;
        const std::int64_t step_batches = std::min(micro_per_step, batches_per_epoch - first_batch);
        const std::int64_t step_micro =
            (step_batches + world - 1) / world;  // micro-steps (same on every rank)
        const double loss_scale = static_cast<double>(world) / static_cast<double>(step_batches);
        opt.zeroGrad();
        auto stats = torch::zeros({8}, torch::kFloat64);  // loss, micro, tokens, acc, margin, chosen, rejected, pairs
        auto sa = stats.accessor<double, 1>();
        for (std::int64_t k = 0; k < step_micro; ++k) {
            while (control.pause.load() && !control.cancel.load()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            bool stop = control.cancel.load();
            if (group_ && world > 1) {  // every rank stops at the same micro-step
                auto flag = torch::full({1}, stop ? 1.0 : 0.0, torch::kFloat64);
                group_->allReduceSum(flag);
                stop = flag.item<double>() > 0.0;
            }
            if (stop) {
                opt.zeroGrad();
                if (step > last_saved && !config_.output_dir.empty())
                    result.last_checkpoint = saveCheckpoint(step, steps_per_epoch, rng_at_step, result.last_loss, opt);
                result.cancelled = true;
                result.steps = step;
                return result;
            }
            const std::int64_t gi = first_batch + k * world + rank;
            if (gi >= batches_per_epoch) continue;  // nothing left for this rank in this step
            Micro r;
            try {
                AutocastGuard ag(autocast);
                r = micro(batches[static_cast<std::size_t>(gi)], epoch);
            } catch (const std::exception& e) {
                throw std::runtime_error(stage + " step " + std::to_string(step + 1) + " (epoch " + std::to_string(epoch) +
                                         ", micro-step " + std::to_string(k) + ") failed: " + describeError(e) +
                                         (result.last_checkpoint.empty() ? "" : "; last good checkpoint: " + result.last_checkpoint));
            }
            if (!std::isfinite(r.loss_value)) {
                std::string ids;
                for (auto i : batches[static_cast<std::size_t>(gi)]) ids += (ids.empty() ? "" : ",") + std::to_string(i);
                throw std::runtime_error(stage + " step " + std::to_string(step + 1) + ": the loss is " +
                                         (std::isnan(r.loss_value) ? "NaN" : "infinite") + " (items " + ids +
                                         "); lower the learning rate or check the data" +
                                         (result.last_checkpoint.empty() ? "" : "; last good checkpoint: " + result.last_checkpoint));
            }
            (r.loss * loss_scale).backward();  // ranks' gradients are averaged below
            sa[0] += r.loss_value;
            sa[1] += 1;
            sa[2] += static_cast<double>(r.tokens);
            sa[3] += r.acc_sum;
            sa[4] += r.margin_sum;
            sa[5] += r.chosen_sum;
            sa[6] += r.rejected_sum;
            sa[7] += static_cast<double>(r.pairs);
            ++micro_done;
            if (callback) {
                TrainProgress p;
                p.event = "micro";
                p.stage = stage;
                p.epoch = epoch;
                p.step = step;
                p.total_steps = total;
                p.micro_step = micro_done;
                callback(p);
            }
        }
        // Same gradient layout on every rank: parameters without a gradient get zeros.
        std::vector<torch::Tensor> grads;
        for (auto& p : params) {
            if (!p.grad().defined()) p.mutable_grad() = torch::zeros_like(p);
            grads.push_back(p.grad());
        }
        if (group_) group_->allReduceMean(grads);
        const double grad_norm = clipGradNorm(params, config_.max_grad_norm);
        const double factor = cosineWithWarmup(step, warmup, total);
        opt.step(factor);
        if (group_) group_->allReduceSum(stats);

        result.steps = step + 1;
        result.last_loss = sa[0] / std::max(1.0, sa[1]);
        tokens_run += static_cast<std::int64_t>(sa[2]);
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        TrainProgress p;
        p.event = "step";
        p.stage = stage;
        p.epoch = epoch;
        p.step = step + 1;
        p.total_steps = total;
        p.micro_step = micro_done;
        p.loss = result.last_loss;
        p.lr = opt.groups().empty() ? 0.0 : opt.groups().front().base_lr * factor;
        p.grad_norm = grad_norm;
        p.tokens_per_s = elapsed > 0 ? static_cast<double>(tokens_run) / elapsed : 0.0;
        p.eta_s = elapsed / static_cast<double>(step + 1 - start) * static_cast<double>(total - step - 1);
        p.memory_bytes = peakResidentBytes();
        if (sa[7] > 0) {
            p.reward_accuracy = sa[3] / sa[7];
            p.margin = sa[4] / sa[7];
            p.chosen_reward = sa[5] / sa[7];
            p.rejected_reward = sa[6] / sa[7];
        }
        if (callback) callback(p);

        const std::int64_t done = step + 1;
        const bool save = (config_.save_steps > 0 && done % config_.save_steps == 0) || done % steps_per_epoch == 0 || done == total;
        if (save && !config_.output_dir.empty()) {
            result.last_checkpoint = saveCheckpoint(done, steps_per_epoch, captureRngState(), result.last_loss, opt);
            last_saved = done;
            if (callback) {
                TrainProgress c = p;
                c.event = "checkpoint";
                c.checkpoint = result.last_checkpoint;
                callback(c);
            }
        }
    }
    return result;
}

TrainResult Trainer::trainSft(const InstructDataset& data_in, TrainControl& control, const TrainCallback& callback) {
    const CollateOptions co = collateOptions();
    // Lengths for grouping, and every item checked against max_length before the first step.
    // Lengths for grouping; every item checked against max_length before the first step. Items
    // that cannot fit (their image, or no answer token) are left out and reported.
    InstructDataset kept;
    std::vector<std::int64_t> lengths;
    std::string problems;
    for (std::size_t i = 0; i < data_in.items.size(); ++i) {
        try {
            CollateOptions plain = co;
            plain.sq_r = 0.0;
            lengths.push_back(instructExample(tok_, data_in.items[i], data_options_, plain, 0, i).expandedLength(co.image_tokens));
            kept.items.push_back(data_in.items[i]);
        } catch (const std::exception& e) {
            problems += std::string("\n  ") + e.what();
        }
    }
    if (kept.items.empty()) throw std::runtime_error("sft: no item can be trained on:" + problems);
    reportSkipped("sft", problems, callback);
    const InstructDataset& data = kept;
    const torch::Device device = model_->device();
    auto micro = [&](const std::vector<std::size_t>& items, std::int64_t epoch) {
        std::vector<Example> ex;
        for (auto i : items) ex.push_back(instructExample(tok_, data.items[i], data_options_, co, static_cast<std::uint64_t>(epoch), i));
        Batch b = collate(ex, co, load_image_);
        model::ForwardOptions fo;
        fo.return_logits = false;
        auto out = model_->forward(b.input_ids.to(device), b.pixel_values.defined() ? b.pixel_values.to(device) : b.pixel_values,
                                   b.attention_mask.to(device), b.labels.to(device), fo);
        Micro r;
        r.loss = out.loss;
        r.loss_value = out.loss.item<double>();
        r.tokens = b.tokens;
        return r;
    };
    return run("sft", lengths, micro, control, callback);
}

}  // namespace stllava::training
