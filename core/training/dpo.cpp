// DPO (sigmoid loss) on top of the Trainer loop, and the on-disk cache of reference log-probs.
#include "training/trainer.h"

#include "lora/lora.h"
#include "safetensors/safetensors.h"
#include "training/digest.h"

#include <filesystem>
#include <set>
#include <stdexcept>

namespace stllava::training {
namespace {

namespace fs = std::filesystem;

// Restores adapters and training mode when leaving a reference computation.
class ReferenceMode {
public:
    explicit ReferenceMode(torch::nn::Module& m) : m_(m), was_training_(m.is_training()) {
        lora::setLoraEnabled(m_, false);
    }
    ~ReferenceMode() {
        lora::setLoraEnabled(m_, true);
        m_.train(was_training_);
    }
    ReferenceMode(const ReferenceMode&) = delete;
    ReferenceMode& operator=(const ReferenceMode&) = delete;

private:
    torch::nn::Module& m_;
    bool was_training_;
};

// Digest of the base weights (adapters left out: the reference is the model without them).
std::uint64_t baseModelDigest(torch::nn::Module& m) {
    std::uint64_t h = kFnvOffset;
    for (const auto& item : m.named_parameters()) {
        if (item.key().find(".lora_") != std::string::npos) continue;
        h = fnv1a(item.key(), h);
        const torch::Tensor t = item.value().detach().to(torch::kCPU).contiguous();
        h = fnv1aWords(t.data_ptr(), static_cast<std::size_t>(t.numel()) * t.element_size(), h);
        h = fnv1a(std::string(c10::toString(t.scalar_type())), h);
    }
    return h;
}

}  // namespace

void Trainer::refuseDriftingLiveReference() const {
    // A live reference is the policy with its adapters disabled: any other trained tensor (the
    // projector, a fully trained tower or decoder) would move it away from the frozen stage-1 model.
    std::set<std::string> keys;
    std::string example;
    for (const auto& [name, p] : trainable_) {
        if (name.find(".lora_") != std::string::npos) continue;
        switch (partOf(name)) {
            case ParamPart::Projector:
                keys.insert("'train_projector': true");
                break;
            case ParamPart::Vision:
                keys.insert("'vision': \"" + config_.vision + "\"");
                break;
            case ParamPart::Decoder:
                keys.insert("'decoder': \"" + config_.decoder + "\"");
                break;
            case ParamPart::Other:
                keys.insert("a trained tensor outside decoder, vision and projector");
                break;
        }
        if (example.empty()) example = name;
    }
    if (keys.empty()) return;
    std::string list;
    for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    throw std::runtime_error(
        "dpo: 'cache_reference': false (a live reference: the policy with its LoRA adapters disabled) "
        "cannot be combined with " +
        list + " (e.g. '" + example +
        "' trains outside the adapters, so the reference would drift from the frozen stage-1 "
        "model); set 'cache_reference' to true (reference log-probs computed once, before "
        "training) or train only LoRA adapters");
}

torch::Tensor Trainer::referenceLogps(const PreferenceDataset& data, bool* cache_hit) {
    const CollateOptions co = collateOptions();
    const auto N = static_cast<std::int64_t>(data.items.size());
    std::uint64_t dkey = datasetDigest(data.items);
    dkey = fnv1a(co.template_name + "|" + std::to_string(co.max_length) + "|" + std::to_string(co.image_tokens) + "|" +
                     data_options_.image_folder,
                 dkey);
    const std::uint64_t mkey = baseModelDigest(*model_);
    const std::string dir = !config_.reference_cache_dir.empty()
                                ? config_.reference_cache_dir
                                : (config_.output_dir.empty() ? std::string() : config_.output_dir + "/reference_cache");
    const std::string path = dir.empty() ? "" : dir + "/ref_logps-" + hex64(mkey) + "-" + hex64(dkey) + ".safetensors";
    if (!path.empty() && fs::exists(path)) {
        auto f = st::File::open(path);
        torch::Tensor t = f->load("logps", torch::kFloat32);
        if (t.dim() != 2 || t.size(0) != N || t.size(1) != 2)
            throw std::runtime_error("reference cache '" + path + "' has shape " + c10::str(t.sizes()) + ", expected [" +
                                     std::to_string(N) + ", 2]; delete it to recompute");
        if (cache_hit) *cache_hit = true;
        return t;
    }
    if (cache_hit) *cache_hit = false;
    const int world = group_ ? group_->worldSize() : 1, rank = group_ ? group_->rank() : 0;
    auto out = torch::zeros({N, 2}, torch::kFloat32);  // [N, (chosen, rejected)]
    {
        ReferenceMode ref(*model_);
        model_->eval();
        torch::NoGradGuard ng;
        const torch::Device device = model_->device();
        std::vector<std::size_t> mine;
        for (std::int64_t i = rank; i < N; i += world) mine.push_back(static_cast<std::size_t>(i));
        for (std::size_t s = 0; s < mine.size(); s += static_cast<std::size_t>(config_.batch_size)) {
            std::vector<std::size_t> idx(mine.begin() + static_cast<std::ptrdiff_t>(s),
                                         mine.begin() + static_cast<std::ptrdiff_t>(std::min(mine.size(), s + static_cast<std::size_t>(config_.batch_size))));
            std::vector<Example> ex;
            for (auto i : idx) ex.push_back(preferenceExample(tok_, data.items[i], true, data_options_, co));
            for (auto i : idx) ex.push_back(preferenceExample(tok_, data.items[i], false, data_options_, co));
            Batch b = collate(ex, co, load_image_);
            model::ForwardOptions fo;
            fo.return_logits = false;
            auto r = model_->forward(b.input_ids.to(device), b.pixel_values.defined() ? b.pixel_values.to(device) : b.pixel_values,
                                     b.attention_mask.to(device), b.labels.to(device), fo);
            const torch::Tensor lp = r.sequence_logps.to(torch::kCPU, torch::kFloat32);  // [2b]
            const auto nb = static_cast<std::int64_t>(idx.size());
            for (std::int64_t j = 0; j < nb; ++j) {
                out[static_cast<std::int64_t>(idx[static_cast<std::size_t>(j)])][0] = lp[j];
                out[static_cast<std::int64_t>(idx[static_cast<std::size_t>(j)])][1] = lp[nb + j];
            }
        }
    }
    if (group_) group_->allReduceSum(out);
    if (!path.empty() && (!group_ || group_->isMain())) {
        fs::create_directories(dir);
        st::save(path, {{"logps", out}}, {{"model_digest", hex64(mkey)}, {"data_digest", hex64(dkey)}, {"items", std::to_string(N)}});
    }
    if (group_) group_->barrier();
    return out;
}

TrainResult Trainer::trainDpo(const PreferenceDataset& data_in, TrainControl& control, const TrainCallback& callback) {
    const CollateOptions co = collateOptions();
    const bool has_lora = !lora::adaptedLayers(*model_).empty();
    if (!config_.cache_reference && !has_lora)
        throw std::runtime_error("dpo: a live reference needs LoRA (the base model with adapters disabled); "
                                 "with full fine-tuning set cache_reference to true");
    if (!config_.cache_reference) refuseDriftingLiveReference();
    PreferenceDataset kept;
    std::vector<std::int64_t> lengths;
    std::string problems;
    for (std::size_t i = 0; i < data_in.items.size(); ++i) {
        try {
            const Example c = preferenceExample(tok_, data_in.items[i], true, data_options_, co);
            const Example r = preferenceExample(tok_, data_in.items[i], false, data_options_, co);
            lengths.push_back(std::max(c.expandedLength(co.image_tokens), r.expandedLength(co.image_tokens)));
            kept.items.push_back(data_in.items[i]);
        } catch (const std::exception& e) {
            problems += std::string("\n  ") + e.what();
        }
    }
    if (kept.items.empty()) throw std::runtime_error("dpo: no pair can be trained on:" + problems);
    reportSkipped("dpo", problems, callback);
    const PreferenceDataset& data = kept;

    // Before any resume: the reference is the model as given (adapters disabled).
    torch::Tensor ref;
    if (config_.cache_reference) {
        bool hit = false;
        ref = referenceLogps(data, &hit);
        if (callback) {
            TrainProgress p;
            p.event = "reference";
            p.stage = "dpo";
            p.detail = hit ? "cache hit" : "computed";
            callback(p);
        }
    }
    const torch::Device device = model_->device();
    const double beta = config_.beta;
    auto micro = [&](const std::vector<std::size_t>& items, std::int64_t) {
        std::vector<Example> ex;
        for (auto i : items) ex.push_back(preferenceExample(tok_, data.items[i], true, data_options_, co));
        for (auto i : items) ex.push_back(preferenceExample(tok_, data.items[i], false, data_options_, co));
        Batch b = collate(ex, co, load_image_);
        const auto nb = static_cast<std::int64_t>(items.size());
        model::ForwardOptions fo;
        fo.return_logits = false;
        const auto ids = b.input_ids.to(device), mask = b.attention_mask.to(device), labels = b.labels.to(device);
        const auto pix = b.pixel_values.defined() ? b.pixel_values.to(device) : b.pixel_values;
        auto out = model_->forward(ids, pix, mask, labels, fo);
        const torch::Tensor logp = out.sequence_logps.to(torch::kFloat32);  // [2b]: chosen rows, then rejected rows
        torch::Tensor ref_c, ref_r;
        if (ref.defined()) {
            std::vector<std::int64_t> idx(items.begin(), items.end());
            const auto rows = ref.index_select(0, torch::tensor(idx, torch::kInt64)).to(logp.device());  // [b, 2]
            ref_c = rows.select(1, 0);
            ref_r = rows.select(1, 1);
        } else {
            ReferenceMode rm(*model_);
            torch::NoGradGuard ng;
            const torch::Tensor rl = model_->forward(ids, pix, mask, labels, fo).sequence_logps.to(torch::kFloat32);
            ref_c = rl.narrow(0, 0, nb);
            ref_r = rl.narrow(0, nb, nb);
        }
        const torch::Tensor chosen = beta * (logp.narrow(0, 0, nb) - ref_c);     // [b]
        const torch::Tensor rejected = beta * (logp.narrow(0, nb, nb) - ref_r);  // [b]
        const torch::Tensor loss = -torch::log_sigmoid(chosen - rejected).mean();
        Micro r;
        r.loss = loss;
        r.loss_value = loss.item<double>();
        r.tokens = b.tokens;
        const torch::Tensor c = chosen.detach().to(torch::kCPU, torch::kFloat64), rj = rejected.detach().to(torch::kCPU, torch::kFloat64);
        r.acc_sum = (c > rj).sum().item<double>();
        r.margin_sum = (c - rj).sum().item<double>();
        r.chosen_sum = c.sum().item<double>();
        r.rejected_sum = rj.sum().item<double>();
        r.pairs = nb;
        return r;
    };
    return run("dpo", lengths, micro, control, callback);
}

}  // namespace stllava::training
