// CLIP ViT vision tower (transformers' CLIPVisionModel) with the checkpoint's module names:
//   vision_model.embeddings.{class_embedding, patch_embedding (conv, no bias), position_embedding}
//   vision_model.pre_layrnorm (spelled so)
//   vision_model.encoder.layers.{i}.{self_attn.{q,k,v,out}_proj, layer_norm1, mlp.{fc1,fc2}, layer_norm2}
//   vision_model.post_layernorm (stored, unused: LLaVA takes hidden states before it)
// The LLaVA wrapper (CLIPVisionTower) adds one more level named "vision_tower", so the full names
// in the original LLaVA layout are model.vision_tower.vision_tower.vision_model.*.
#pragma once

#include "model/model_config.h"
#include "nn/linear.h"

#include <torch/torch.h>

namespace stllava::model {

class ClipEmbeddingsImpl : public torch::nn::Module {
public:
    explicit ClipEmbeddingsImpl(const VisionConfig& config);
    torch::Tensor forward(const torch::Tensor& pixel_values);  // [N, 3, S, S] -> [N, 1 + P, D]
    torch::Tensor class_embedding;                // [D]
    torch::nn::Conv2d patch_embedding{nullptr};   // [D, 3, p, p], no bias
    torch::nn::Embedding position_embedding{nullptr};  // [1 + P, D]
};
TORCH_MODULE(ClipEmbeddings);

class ClipAttentionImpl : public torch::nn::Module {
public:
    explicit ClipAttentionImpl(const VisionConfig& config);
    torch::Tensor forward(const torch::Tensor& x);  // [N, L, D] -> [N, L, D], no mask
    nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};
    std::int64_t num_heads, head_dim;
};
TORCH_MODULE(ClipAttention);

class ClipMLPImpl : public torch::nn::Module {
public:
    explicit ClipMLPImpl(const VisionConfig& config);
    torch::Tensor forward(const torch::Tensor& x);
    nn::Linear fc1{nullptr}, fc2{nullptr};
    bool quick_gelu;
};
TORCH_MODULE(ClipMLP);

class ClipEncoderLayerImpl : public torch::nn::Module {
public:
    explicit ClipEncoderLayerImpl(const VisionConfig& config);
    torch::Tensor forward(const torch::Tensor& x);
    ClipAttention self_attn{nullptr};
    torch::nn::LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
    ClipMLP mlp{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

class ClipEncoderImpl : public torch::nn::Module {
public:
    explicit ClipEncoderImpl(const VisionConfig& config);
    torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(ClipEncoder);

class ClipVisionTransformerImpl : public torch::nn::Module {
public:
    explicit ClipVisionTransformerImpl(const VisionConfig& config);
    // hidden_states[k] (k = 0: pre_layrnorm output; k = i: output of block i - 1); only the blocks
    // needed are run. [N, 3, S, S] -> [N, 1 + P, D].
    torch::Tensor hiddenState(const torch::Tensor& pixel_values, std::int64_t k);
    ClipEmbeddings embeddings{nullptr};
    torch::nn::LayerNorm pre_layrnorm{nullptr};
    ClipEncoder encoder{nullptr};
    torch::nn::LayerNorm post_layernorm{nullptr};
    VisionConfig config;
};
TORCH_MODULE(ClipVisionTransformer);

// transformers' CLIPVisionModel: holds "vision_model".
class ClipVisionModelImpl : public torch::nn::Module {
public:
    explicit ClipVisionModelImpl(const VisionConfig& config);
    ClipVisionTransformer vision_model{nullptr};
};
TORCH_MODULE(ClipVisionModel);

// LLaVA's CLIPVisionTower: holds "vision_tower" and selects the feature layer.
class ClipVisionTowerImpl : public torch::nn::Module {
public:
    ClipVisionTowerImpl(const VisionConfig& config, std::int64_t select_layer, const std::string& select_feature);
    // [N, 3, S, S] -> [N, P, D] ("patch": CLS dropped) or [N, 1 + P, D] ("cls_patch").
    torch::Tensor forward(const torch::Tensor& pixel_values);
    std::int64_t numTokens() const;
    ClipVisionModel vision_tower{nullptr};
    std::int64_t select_layer;
    std::string select_feature;
};
TORCH_MODULE(ClipVisionTower);

}  // namespace stllava::model
