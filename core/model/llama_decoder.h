// Llama / Mistral decoder as in transformers' LlamaModel: token embedding, N pre-norm layers
// (RMSNorm -> grouped-query self-attention with RoPE -> residual; RMSNorm -> SwiGLU MLP ->
// residual), final RMSNorm. Submodule names are the checkpoint names: embed_tokens, layers.{i}.
// {self_attn.{q,k,v,o}_proj, mlp.{gate,up,down}_proj, input_layernorm, post_attention_layernorm},
// norm. Every projection is a stllava::nn::Linear without bias (LoRA slot).
#pragma once

#include "model/kv_cache.h"
#include "model/model_config.h"
#include "nn/linear.h"

#include <torch/torch.h>

namespace stllava::model {

// RMSNorm computed in float32, result cast back to the input dtype, then scaled (HF order).
class RMSNormImpl : public torch::nn::Module {
public:
    RMSNormImpl(std::int64_t dim, double eps);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor weight;  // [dim]
    double eps;
};
TORCH_MODULE(RMSNorm);

// cos/sin tables of rotary embeddings (HF rotate_half convention: the two halves of each head).
class RotaryTable {
public:
    // Precomputes cos/sin for positions [0, length) on `device` (float32). Nothing changes after
    // construction, so forward passes from several threads may share the table.
    RotaryTable(std::int64_t head_dim, double theta, std::int64_t length, const torch::Device& device);
    // cos and sin for the given positions [B, T] (int64, all <= max_position), each [B, T, head_dim]
    // in `dtype`, on the positions' device (copied there per call when the model moved devices).
    // Throws when max_position is beyond the table (the model's context length).
    std::pair<torch::Tensor, torch::Tensor> lookup(const torch::Tensor& positions, torch::Dtype dtype,
                                                   std::int64_t max_position) const;
    std::int64_t length() const { return cos_.size(0); }

private:
    std::int64_t head_dim_;
    torch::Tensor cos_, sin_;  // [L, head_dim] float32
};

// Additive attention bias and positions shared by all layers of one forward call.
struct AttentionContext {
    torch::Tensor cos, sin;  // [B, T, head_dim]
    torch::Tensor bias;      // [B, 1, T, S] float32 additive (0 or a large negative), S = keys
    KVCache* cache = nullptr;
    std::int64_t past = 0;   // slots already in the cache before this call
};

class LlamaAttentionImpl : public torch::nn::Module {
public:
    explicit LlamaAttentionImpl(const TextConfig& config);
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& ctx, std::int64_t layer_index);
    nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};
    std::int64_t num_heads, num_kv_heads, head_dim;
};
TORCH_MODULE(LlamaAttention);

class LlamaMLPImpl : public torch::nn::Module {
public:
    explicit LlamaMLPImpl(const TextConfig& config);
    torch::Tensor forward(const torch::Tensor& x);  // down(silu(gate(x)) * up(x))
    nn::Linear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
};
TORCH_MODULE(LlamaMLP);

class LlamaDecoderLayerImpl : public torch::nn::Module {
public:
    explicit LlamaDecoderLayerImpl(const TextConfig& config);
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& ctx, std::int64_t layer_index);
    LlamaAttention self_attn{nullptr};
    LlamaMLP mlp{nullptr};
    RMSNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
    // Training without a cache: keep no activations of this layer, recompute them in backward.
    bool checkpoint_activations = false;

private:
    torch::Tensor forwardBlock(const torch::Tensor& x, const AttentionContext& ctx, std::int64_t layer_index);
};
TORCH_MODULE(LlamaDecoderLayer);

// Runs the layers and the final norm over input embeddings.
//   embeds [B, T, H]; mask [B, T] (1 real, 0 padding; undefined = all real) -> hidden [B, T, H].
// Without a cache: causal attention within the call, positions = cumsum(mask) - 1.
// With a cache: the T new tokens attend to the cache's valid slots and to each other causally;
// they are written at slots [length, length + T) and the cache advances by T.
torch::Tensor runDecoder(torch::nn::ModuleList& layers, RMSNorm& norm, const RotaryTable& rope,
                         const torch::Tensor& embeds, const torch::Tensor& mask, KVCache* cache);

}  // namespace stllava::model
