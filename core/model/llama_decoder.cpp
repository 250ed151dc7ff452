#include "model/llama_decoder.h"

#include "nn/activation_checkpoint.h"

#include "model/attention.h"

#include <stdexcept>

namespace stllava::model {

RMSNormImpl::RMSNormImpl(std::int64_t dim, double eps_) : eps(eps_) {
    weight = register_parameter("weight", torch::ones({dim}));
}

torch::Tensor RMSNormImpl::forward(const torch::Tensor& x) {
    auto h = x.to(torch::kFloat32);
    h = h * torch::rsqrt(h.pow(2).mean(-1, /*keepdim=*/true) + eps);
    return weight * h.to(x.scalar_type());
}

RotaryTable::RotaryTable(std::int64_t head_dim, double theta, std::int64_t length, const torch::Device& device)
    : head_dim_(head_dim) {
    auto i64 = torch::TensorOptions().dtype(torch::kInt64).device(device);
    // transformers: inv_freq = 1 / theta^(arange(0, d, 2) / d), freqs = pos * inv_freq, emb = [freqs, freqs]
    auto inv = 1.0 / torch::pow(theta, torch::arange(0, head_dim, 2, i64).to(torch::kFloat32) / static_cast<double>(head_dim));  // [D/2]
    auto pos = torch::arange(length, i64).to(torch::kFloat32);
    auto freqs = pos.unsqueeze(1) * inv.unsqueeze(0);  // [L, D/2]
    auto emb = torch::cat({freqs, freqs}, -1);         // [L, D]
    cos_ = emb.cos();
    sin_ = emb.sin();
}

std::pair<torch::Tensor, torch::Tensor> RotaryTable::lookup(const torch::Tensor& positions, torch::Dtype dtype,
                                                            std::int64_t max_position) const {
    if (max_position > cos_.size(0))
        throw std::runtime_error("model: position " + std::to_string(max_position) + " is beyond the model's context of " +
                                 std::to_string(cos_.size(0)) + " positions (max_position_embeddings)");
    const auto B = positions.size(0), T = positions.size(1);
    auto flat = positions.reshape({-1});
    const bool here = cos_.device() == positions.device();
    const auto& cos_table = here ? cos_ : cos_.to(positions.device());
    const auto& sin_table = here ? sin_ : sin_.to(positions.device());
    auto cos = cos_table.index_select(0, flat).view({B, T, head_dim_}).to(dtype);  // [B, T, D]
    auto sin = sin_table.index_select(0, flat).view({B, T, head_dim_}).to(dtype);
    return {cos, sin};
}

namespace {

torch::Tensor rotateHalf(const torch::Tensor& x) {
    const auto half = x.size(-1) / 2;
    return torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
}

// x [B, T, heads, D]; cos/sin [B, T, D]
torch::Tensor applyRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    auto c = cos.unsqueeze(2), s = sin.unsqueeze(2);  // [B, T, 1, D]
    return x * c + rotateHalf(x) * s;
}

}  // namespace

LlamaAttentionImpl::LlamaAttentionImpl(const TextConfig& config)
    : num_heads(config.num_attention_heads), num_kv_heads(config.num_key_value_heads), head_dim(config.headDim()) {
    const auto H = config.hidden_size;
    q_proj = register_module("q_proj", nn::Linear(nn::LinearOptions(H, num_heads * head_dim).with_bias(false)));
    k_proj = register_module("k_proj", nn::Linear(nn::LinearOptions(H, num_kv_heads * head_dim).with_bias(false)));
    v_proj = register_module("v_proj", nn::Linear(nn::LinearOptions(H, num_kv_heads * head_dim).with_bias(false)));
    o_proj = register_module("o_proj", nn::Linear(nn::LinearOptions(num_heads * head_dim, H).with_bias(false)));
}

torch::Tensor LlamaAttentionImpl::forward(const torch::Tensor& x, const AttentionContext& ctx, std::int64_t layer_index) {
    const auto B = x.size(0), T = x.size(1);
    auto q = applyRope(q_proj->forward(x).view({B, T, num_heads, head_dim}), ctx.cos, ctx.sin);     // [B, T, H, D]
    auto k = applyRope(k_proj->forward(x).view({B, T, num_kv_heads, head_dim}), ctx.cos, ctx.sin);  // [B, T, Hkv, D]
    auto v = v_proj->forward(x).view({B, T, num_kv_heads, head_dim});
    k = k.transpose(1, 2);  // [B, Hkv, T, D]
    v = v.transpose(1, 2);
    if (ctx.cache) {
        auto& kc = ctx.cache->keys(layer_index);  // [B, Hkv, cap, D]
        auto& vc = ctx.cache->values(layer_index);
        kc.narrow(2, ctx.past, T).copy_(k);
        vc.narrow(2, ctx.past, T).copy_(v);
        k = kc.narrow(2, 0, ctx.past + T);  // [B, Hkv, S, D]
        v = vc.narrow(2, 0, ctx.past + T);
    }
    return o_proj->forward(attention(q, k, v, ctx.bias));  // [B, T, H*D] -> [B, T, hidden]
}

LlamaMLPImpl::LlamaMLPImpl(const TextConfig& config) {
    const auto H = config.hidden_size, I = config.intermediate_size;
    gate_proj = register_module("gate_proj", nn::Linear(nn::LinearOptions(H, I).with_bias(false)));
    up_proj = register_module("up_proj", nn::Linear(nn::LinearOptions(H, I).with_bias(false)));
    down_proj = register_module("down_proj", nn::Linear(nn::LinearOptions(I, H).with_bias(false)));
}

torch::Tensor LlamaMLPImpl::forward(const torch::Tensor& x) {
    return down_proj->forward(torch::silu(gate_proj->forward(x)) * up_proj->forward(x));
}

LlamaDecoderLayerImpl::LlamaDecoderLayerImpl(const TextConfig& config) {
    self_attn = register_module("self_attn", LlamaAttention(config));
    mlp = register_module("mlp", LlamaMLP(config));
    input_layernorm = register_module("input_layernorm", RMSNorm(config.hidden_size, config.rms_norm_eps));
    post_attention_layernorm = register_module("post_attention_layernorm", RMSNorm(config.hidden_size, config.rms_norm_eps));
}

torch::Tensor LlamaDecoderLayerImpl::forward(const torch::Tensor& x, const AttentionContext& ctx, std::int64_t layer_index) {
    if (checkpoint_activations && is_training() && ctx.cache == nullptr && torch::GradMode::is_enabled()) {
        // The block runs again in backward, after this call returns: it holds the context by value.
        return nn::checkpointed([this, ctx, layer_index](const torch::Tensor& input) {
            return forwardBlock(input, ctx, layer_index);
        }, x);
    }
    return forwardBlock(x, ctx, layer_index);
}

torch::Tensor LlamaDecoderLayerImpl::forwardBlock(const torch::Tensor& x, const AttentionContext& ctx,
                                                  std::int64_t layer_index) {
    auto h = x + self_attn->forward(input_layernorm->forward(x), ctx, layer_index);
    return h + mlp->forward(post_attention_layernorm->forward(h));
}

torch::Tensor runDecoder(torch::nn::ModuleList& layers, RMSNorm& norm, const RotaryTable& rope, const torch::Tensor& embeds,
                         const torch::Tensor& attention_mask, KVCache* cache) {
    const auto B = embeds.size(0), T = embeds.size(1);
    const auto dev = embeds.device();
    auto mask = attention_mask.defined() ? attention_mask.to(dev, torch::kBool)
                                         : torch::ones({B, T}, torch::TensorOptions().dtype(torch::kBool).device(dev));
    auto counts = mask.to(torch::kInt64).cumsum(1);  // [B, T]
    AttentionContext ctx;
    ctx.cache = cache;
    torch::Tensor allowed;  // [B, 1, T, S] bool
    torch::Tensor positions;
    std::int64_t max_position = T;
    if (!cache) {
        positions = (counts - 1).clamp_min(0);  // [B, T]
        auto causal = torch::ones({T, T}, mask.options()).tril();  // [T, T]
        allowed = causal.unsqueeze(0).unsqueeze(0) & mask.view({B, 1, 1, T});
    } else {
        if (!cache->allocated() || cache->batch() != B)
            throw std::runtime_error("KV cache: allocated for batch " + std::to_string(cache->batch()) +
                                     ", called with batch " + std::to_string(B));
        const auto past = cache->length(), S = past + T;
        if (S > cache->capacity())
            throw std::runtime_error("KV cache: " + std::to_string(S) + " positions exceed its capacity " +
                                     std::to_string(cache->capacity()));
        ctx.past = past;
        positions = (cache->nextPosition().unsqueeze(1) + counts - 1).clamp_min(0);  // [B, T]
        // The rows' own RoPE positions, not the cache's slots: a row that joined a running batch
        // sits after left padding, so its slots run past its positions (and may pass the context).
        max_position = positions.max().item<std::int64_t>() + 1;
        cache->nextPosition().add_(counts.select(1, T - 1));
        cache->valid().narrow(1, past, T).copy_(mask);
        auto valid = cache->valid().narrow(1, 0, S).view({B, 1, 1, S});
        if (T == 1) {
            allowed = valid;
        } else {
            // query t (absolute past + t) sees keys s <= past + t
            auto causal = torch::ones({T, S}, mask.options()).tril(past);  // [T, S]
            allowed = causal.unsqueeze(0).unsqueeze(0) & valid;
        }
    }
    ctx.bias = torch::zeros(allowed.sizes(), embeds.options().dtype(torch::kFloat32)).masked_fill_(allowed.logical_not(), kMaskValue);
    std::tie(ctx.cos, ctx.sin) = rope.lookup(positions, embeds.scalar_type(), max_position);
    auto x = embeds;
    for (std::size_t i = 0; i < layers->size(); ++i)
        x = layers[i]->as<LlamaDecoderLayerImpl>()->forward(x, ctx, static_cast<std::int64_t>(i));
    if (cache) cache->advance(T);
    return norm->forward(x);
}

}  // namespace stllava::model
