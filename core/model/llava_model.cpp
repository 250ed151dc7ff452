#include "model/llava_model.h"

#include "model/lm_head_logprob.h"

#include "model/projector.h"

#include <torch/version.h>

#include <algorithm>

#include <stdexcept>

namespace stllava::model {
namespace {

// libtorch 1.13 has no float16 CPU kernels for matmul, softmax, norms or activations.
void checkComputable(const torch::Tensor& weight) {
#if TORCH_VERSION_MAJOR < 2
    if (weight.scalar_type() == torch::kHalf && weight.device().is_cpu())
        throw std::runtime_error("model: float16 compute on the CPU is not available in libtorch " TORCH_VERSION
                                 "; use bfloat16 or float32 on the CPU (float16 works on CUDA)");
#else
    (void)weight;
#endif
}

}  // namespace

LlavaModelImpl::LlavaModelImpl(const LlavaConfig& config, const BuildOptions& build) {
    const auto& t = config.text;
    const auto to = [&](torch::nn::Module& m) { m.to(build.device, build.dtype); };
    embed_tokens = register_module("embed_tokens", torch::nn::Embedding(t.vocab_size, t.hidden_size));
    to(*embed_tokens);
    layers = register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < t.num_hidden_layers; ++i) {
        LlamaDecoderLayer layer(t);
        to(*layer);  // one layer at a time in float32 before conversion
        layers->push_back(layer);
    }
    norm = register_module("norm", RMSNorm(t.hidden_size, t.rms_norm_eps));
    to(*norm);
    if (build.with_vision_tower && config.hasVision()) {
        mm_projector = makeProjector(config);
        register_module("mm_projector", mm_projector.ptr());
        to(*mm_projector.ptr());
        vision_tower = register_module("vision_tower", ClipVisionTower(config.vision, config.mm_vision_select_layer,
                                                                       config.mm_vision_select_feature));
        to(*vision_tower);
    }
}

LlavaForCausalLMImpl::LlavaForCausalLMImpl(const LlavaConfig& config, const BuildOptions& build)
    : config_(config),
      // Long enough for any context the model is used with (transformers extends the table on
      // demand; a fixed table keeps forward free of shared mutable state).
      rope_(config.text.headDim(), config.text.rope_theta, std::max<std::int64_t>(config.text.max_position_embeddings, 8192),
            build.device) {
    model = register_module("model", LlavaModel(config, build));
    if (!config.text.tie_word_embeddings) {
        lm_head = register_module("lm_head", nn::Linear(nn::LinearOptions(config.text.hidden_size, config.text.vocab_size).with_bias(false)));
        lm_head->to(build.device, build.dtype);
    }
}

torch::Dtype LlavaForCausalLMImpl::dtype() const { return model->embed_tokens->weight.scalar_type(); }
torch::Device LlavaForCausalLMImpl::device() const { return model->embed_tokens->weight.device(); }

torch::Tensor LlavaForCausalLMImpl::encodeImages(const torch::Tensor& pixel_values) {
    if (!hasVision()) throw std::runtime_error("model: this model has no vision tower (text-only build)");
    checkComputable(model->embed_tokens->weight);
    auto features = model->vision_tower->forward(pixel_values.to(device(), dtype()));  // [N, P, Dv]
    return model->mm_projector.forward(features);                                     // [N, P, H]
}

torch::Tensor LlavaForCausalLMImpl::embedTokens(const torch::Tensor& ids) {
    return model->embed_tokens->forward(ids.to(device(), torch::kInt64));
}

MultimodalInputs LlavaForCausalLMImpl::prepareInputs(const torch::Tensor& input_ids, const torch::Tensor& pixel_values,
                                                     const torch::Tensor& attention_mask, const torch::Tensor& labels,
                                                     PaddingSide padding, const torch::Tensor& image_features) {
    if (input_ids.dim() != 2) throw std::runtime_error("model: input_ids must be [B, T], got " + c10::str(input_ids.sizes()));
    const auto B = input_ids.size(0), T = input_ids.size(1);
    auto ids = input_ids.to(torch::kCPU, torch::kInt64).contiguous();
    auto mask = attention_mask.defined() ? attention_mask.to(torch::kCPU, torch::kInt64).contiguous() : torch::ones({B, T}, torch::kInt64);
    torch::Tensor lab = labels.defined() ? labels.to(torch::kCPU, torch::kInt64).contiguous() : torch::Tensor();
    if (mask.sizes() != ids.sizes() || (lab.defined() && lab.sizes() != ids.sizes()))
        throw std::runtime_error("model: attention_mask and labels must have the shape of input_ids " + c10::str(ids.sizes()));
    const auto* id = ids.data_ptr<std::int64_t>();
    const auto* m = mask.data_ptr<std::int64_t>();
    std::int64_t markers = 0;
    for (std::int64_t i = 0; i < B * T; ++i) {
        if (m[i] != 0 && id[i] == kImageTokenId) ++markers;
        else if (m[i] != 0 && (id[i] < 0 || id[i] >= config_.text.vocab_size))
            throw std::runtime_error("model: token id " + std::to_string(id[i]) + " is outside the vocabulary (" +
                                     std::to_string(config_.text.vocab_size) + ")");
    }
    torch::Tensor feats = image_features;
    if (markers > 0 && !feats.defined()) {
        if (!pixel_values.defined())
            throw std::runtime_error("model: input_ids hold " + std::to_string(markers) + " image markers but no pixel_values were given");
        feats = encodeImages(pixel_values);  // [N, P, H]
    }
    const std::int64_t n_images = feats.defined() ? feats.size(0) : 0;
    if (markers != n_images)
        throw std::runtime_error("model: input_ids hold " + std::to_string(markers) + " image markers but " +
                                 std::to_string(n_images) + " images were given");
    const std::int64_t P = feats.defined() ? feats.size(1) : 0;

    auto text = embedTokens(ids.masked_fill(ids == kImageTokenId, 0));  // [B, T, H]
    const auto H = text.size(2);
    // Per row: the real tokens in order, each image marker replaced by its P embeddings.
    std::vector<std::vector<torch::Tensor>> pieces(static_cast<std::size_t>(B));
    std::vector<std::vector<torch::Tensor>> label_pieces(static_cast<std::size_t>(B));
    std::vector<std::int64_t> lengths(static_cast<std::size_t>(B), 0);
    std::int64_t image = 0;
    for (std::int64_t b = 0; b < B; ++b) {
        auto& row = pieces[static_cast<std::size_t>(b)];
        auto& lrow = label_pieces[static_cast<std::size_t>(b)];
        std::int64_t t = 0;
        while (t < T) {
            if (m[b * T + t] == 0) { ++t; continue; }
            if (id[b * T + t] == kImageTokenId) {
                row.push_back(feats[image++]);  // [P, H]
                if (lab.defined()) lrow.push_back(torch::full({P}, kIgnoreIndex, torch::kInt64));
                lengths[static_cast<std::size_t>(b)] += P;
                ++t;
                continue;
            }
            std::int64_t end = t;
            while (end < T && m[b * T + end] != 0 && id[b * T + end] != kImageTokenId) ++end;
            row.push_back(text[b].narrow(0, t, end - t));  // [n, H]
            if (lab.defined()) lrow.push_back(lab[b].narrow(0, t, end - t));
            lengths[static_cast<std::size_t>(b)] += end - t;
            t = end;
        }
    }
    std::int64_t Tmax = 0;
    for (auto n : lengths) Tmax = std::max(Tmax, n);
    Tmax = std::max<std::int64_t>(Tmax, 1);

    MultimodalInputs out;
    auto out_mask = torch::zeros({B, Tmax}, torch::kInt64);
    torch::Tensor out_labels = lab.defined() ? torch::full({B, Tmax}, kIgnoreIndex, torch::kInt64) : torch::Tensor();
    std::vector<torch::Tensor> rows;
    for (std::int64_t b = 0; b < B; ++b) {
        const auto n = lengths[static_cast<std::size_t>(b)];
        const auto pad = Tmax - n;
        const auto start = padding == PaddingSide::Left ? pad : 0;
        auto& row = pieces[static_cast<std::size_t>(b)];
        auto zeros = torch::zeros({pad, H}, text.options());
        if (padding == PaddingSide::Left) row.insert(row.begin(), zeros);
        else row.push_back(zeros);
        rows.push_back(torch::cat(row, 0));  // [Tmax, H]
        if (n > 0) out_mask[b].narrow(0, start, n).fill_(1);
        if (lab.defined() && n > 0) out_labels[b].narrow(0, start, n).copy_(torch::cat(label_pieces[static_cast<std::size_t>(b)], 0));
    }
    out.embeds = torch::stack(rows, 0);  // [B, Tmax, H]
    out.attention_mask = out_mask.to(device());
    if (lab.defined()) out.labels = out_labels.to(device());
    return out;
}

torch::Tensor LlavaForCausalLMImpl::decode(const torch::Tensor& embeds, const torch::Tensor& attention_mask, KVCache* cache) {
    checkComputable(model->embed_tokens->weight);
    return runDecoder(model->layers, model->norm, rope_, embeds, attention_mask, cache);
}

torch::Tensor LlavaForCausalLMImpl::logits(const torch::Tensor& hidden) {
    if (lm_head) return lm_head->forward(hidden);
    return torch::nn::functional::linear(hidden, model->embed_tokens->weight);  // tied
}

void LlavaForCausalLMImpl::allocateCache(KVCache& cache, std::int64_t batch, std::int64_t capacity) const {
    const auto& t = config_.text;
    cache.allocate(t.num_hidden_layers, batch, t.num_key_value_heads, t.headDim(), capacity,
                   torch::TensorOptions().dtype(dtype()).device(device()));
}

void LlavaForCausalLMImpl::lossAndLogps(const torch::Tensor& logits, const torch::Tensor& labels, ForwardOutput& out) {
    const auto T = logits.size(1);
    if (T < 2) {
        out.loss = torch::zeros({}, logits.options().dtype(torch::kFloat32));
        out.sequence_logps = torch::zeros({logits.size(0)}, logits.options().dtype(torch::kFloat32));
        out.token_counts = torch::zeros({logits.size(0)}, labels.options().dtype(torch::kInt64));
        return;
    }
    auto lg = logits.narrow(1, 0, T - 1).to(torch::kFloat32);  // [B, T-1, V]
    auto target = labels.narrow(1, 1, T - 1).to(logits.device());  // [B, T-1]
    auto valid = target != kIgnoreIndex;
    auto picked = lg.gather(-1, target.clamp_min(0).unsqueeze(-1)).squeeze(-1);  // [B, T-1]
    auto logp = (picked - lg.logsumexp(-1)) * valid.to(torch::kFloat32);
    out.sequence_logps = logp.sum(1);
    out.token_counts = valid.sum(1).to(torch::kInt64);
    out.loss = -logp.sum() / valid.sum().clamp_min(1).to(torch::kFloat32);
}

void LlavaForCausalLMImpl::chunkedLossAndLogps(const torch::Tensor& hidden, const torch::Tensor& labels, std::int64_t chunk,
                                               ForwardOutput& out) {
    const auto B = hidden.size(0), T = hidden.size(1), H = hidden.size(2);
    if (T < 2) {
        out.loss = torch::zeros({}, hidden.options().dtype(torch::kFloat32));
        out.sequence_logps = torch::zeros({B}, hidden.options().dtype(torch::kFloat32));
        out.token_counts = torch::zeros({B}, labels.options().dtype(torch::kInt64));
        return;
    }
    const auto target = labels.narrow(1, 1, T - 1).to(hidden.device());  // [B, T-1]: label of position t + 1
    const auto valid = target != kIgnoreIndex;                           // [B, T-1]
    const auto where = valid.nonzero();                                  // [M, 2] (row, position)
    const auto rows = where.select(1, 0), pos = where.select(1, 1);      // [M]
    const auto picked = hidden.reshape({B * T, H}).index_select(0, rows * T + pos);  // [M, H]
    const torch::Tensor weight = lm_head ? lm_head->weight : model->embed_tokens->weight;
    const auto logp = chunkedTargetLogprobs(picked, weight, target.index({rows, pos}), kIgnoreIndex, chunk);  // [M]
    out.sequence_logps = torch::zeros({B}, logp.options()).index_add(0, rows, logp);
    out.token_counts = valid.sum(1).to(torch::kInt64);
    out.loss = -logp.sum() / valid.sum().clamp_min(1).to(torch::kFloat32);
}

ForwardOutput LlavaForCausalLMImpl::forward(const torch::Tensor& input_ids, const torch::Tensor& pixel_values,
                                            const torch::Tensor& attention_mask, const torch::Tensor& labels,
                                            const ForwardOptions& options) {
    auto in = prepareInputs(input_ids, pixel_values, attention_mask, labels, options.padding);
    ForwardOutput out;
    out.attention_mask = in.attention_mask;
    out.labels = in.labels;
    auto hidden = decode(in.embeds, in.attention_mask, nullptr);  // [B, T', H]
    const bool plainHead = !lm_head || (!lm_head->hasLora() && !lm_head->bias.defined());
    if (in.labels.defined() && !options.return_logits && options.logprob_chunk > 0 && plainHead) {
        chunkedLossAndLogps(hidden, in.labels, options.logprob_chunk, out);
        return out;
    }
    auto lg = logits(hidden);                                       // [B, T', V]
    if (in.labels.defined()) lossAndLogps(lg, in.labels, out);
    if (options.return_logits) out.logits = lg;
    return out;
}

void LlavaForCausalLMImpl::setActivationCheckpointing(bool enabled) {
    for (const auto& layer : *model->layers) layer->as<LlamaDecoderLayerImpl>()->checkpoint_activations = enabled;
}

}  // namespace stllava::model
