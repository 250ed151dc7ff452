#include "model/clip_vision.h"

#include "model/attention.h"

#include <stdexcept>

namespace stllava::model {

ClipEmbeddingsImpl::ClipEmbeddingsImpl(const VisionConfig& c) {
    class_embedding = register_parameter("class_embedding", torch::randn({c.hidden_size}));
    patch_embedding = register_module(
        "patch_embedding",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(c.num_channels, c.hidden_size, c.patch_size).stride(c.patch_size).bias(false)));
    position_embedding = register_module("position_embedding", torch::nn::Embedding(c.numPatches() + 1, c.hidden_size));
}

torch::Tensor ClipEmbeddingsImpl::forward(const torch::Tensor& pixel_values) {
    const auto N = pixel_values.size(0);
    auto w = patch_embedding->weight;
    auto patches = patch_embedding->forward(pixel_values.to(w.device(), w.scalar_type()));  // [N, D, g, g]
    patches = patches.flatten(2).transpose(1, 2);                                               // [N, P, D]
    auto cls = class_embedding.view({1, 1, -1}).expand({N, 1, class_embedding.size(0)});       // [N, 1, D]
    auto x = torch::cat({cls, patches}, 1);                                                     // [N, 1+P, D]
    return x + position_embedding->weight.unsqueeze(0);
}

ClipAttentionImpl::ClipAttentionImpl(const VisionConfig& c) : num_heads(c.num_attention_heads), head_dim(c.headDim()) {
    const auto D = c.hidden_size;
    q_proj = register_module("q_proj", nn::Linear(nn::LinearOptions(D, D)));
    k_proj = register_module("k_proj", nn::Linear(nn::LinearOptions(D, D)));
    v_proj = register_module("v_proj", nn::Linear(nn::LinearOptions(D, D)));
    out_proj = register_module("out_proj", nn::Linear(nn::LinearOptions(D, D)));
}

torch::Tensor ClipAttentionImpl::forward(const torch::Tensor& x) {
    const auto N = x.size(0), L = x.size(1);
    auto q = q_proj->forward(x).view({N, L, num_heads, head_dim});                     // [N, L, h, d]
    auto k = k_proj->forward(x).view({N, L, num_heads, head_dim}).transpose(1, 2);     // [N, h, L, d]
    auto v = v_proj->forward(x).view({N, L, num_heads, head_dim}).transpose(1, 2);
    return out_proj->forward(attention(q, k, v, {}));  // [N, L, D]
}

ClipMLPImpl::ClipMLPImpl(const VisionConfig& c) : quick_gelu(c.hidden_act == "quick_gelu") {
    fc1 = register_module("fc1", nn::Linear(nn::LinearOptions(c.hidden_size, c.intermediate_size)));
    fc2 = register_module("fc2", nn::Linear(nn::LinearOptions(c.intermediate_size, c.hidden_size)));
}

torch::Tensor ClipMLPImpl::forward(const torch::Tensor& x) {
    auto h = fc1->forward(x);
    h = quick_gelu ? h * torch::sigmoid(1.702 * h) : torch::gelu(h);
    return fc2->forward(h);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const VisionConfig& c) {
    self_attn = register_module("self_attn", ClipAttention(c));
    layer_norm1 = register_module("layer_norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
    mlp = register_module("mlp", ClipMLP(c));
    layer_norm2 = register_module("layer_norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
}

torch::Tensor ClipEncoderLayerImpl::forward(const torch::Tensor& x) {
    auto h = x + self_attn->forward(layer_norm1->forward(x));
    return h + mlp->forward(layer_norm2->forward(h));
}

ClipEncoderImpl::ClipEncoderImpl(const VisionConfig& c) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < c.num_hidden_layers; ++i) layers->push_back(ClipEncoderLayer(c));
}

ClipVisionTransformerImpl::ClipVisionTransformerImpl(const VisionConfig& c) : config(c) {
    embeddings = register_module("embeddings", ClipEmbeddings(c));
    pre_layrnorm = register_module("pre_layrnorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
    encoder = register_module("encoder", ClipEncoder(c));
    post_layernorm = register_module("post_layernorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_size}).eps(c.layer_norm_eps)));
}

torch::Tensor ClipVisionTransformerImpl::hiddenState(const torch::Tensor& pixel_values, std::int64_t k) {
    if (k < 0 || k > static_cast<std::int64_t>(encoder->layers->size()))
        throw std::runtime_error("vision tower: hidden state " + std::to_string(k) + " does not exist");
    if (pixel_values.dim() != 4 || pixel_values.size(1) != config.num_channels || pixel_values.size(2) != config.image_size ||
        pixel_values.size(3) != config.image_size)
        throw std::runtime_error("vision tower: pixel_values must be [N, " + std::to_string(config.num_channels) + ", " +
                                 std::to_string(config.image_size) + ", " + std::to_string(config.image_size) + "], got " +
                                 c10::str(pixel_values.sizes()));
    auto x = pre_layrnorm->forward(embeddings->forward(pixel_values));  // hidden_states[0], [N, 1+P, D]
    for (std::int64_t i = 0; i < k; ++i) x = encoder->layers[static_cast<std::size_t>(i)]->as<ClipEncoderLayerImpl>()->forward(x);
    return x;
}

ClipVisionModelImpl::ClipVisionModelImpl(const VisionConfig& c) {
    vision_model = register_module("vision_model", ClipVisionTransformer(c));
}

ClipVisionTowerImpl::ClipVisionTowerImpl(const VisionConfig& c, std::int64_t select_layer_, const std::string& select_feature_)
    : select_layer(select_layer_), select_feature(select_feature_) {
    vision_tower = register_module("vision_tower", ClipVisionModel(c));
}

torch::Tensor ClipVisionTowerImpl::forward(const torch::Tensor& pixel_values) {
    auto& vm = vision_tower->vision_model;
    const auto L = static_cast<std::int64_t>(vm->encoder->layers->size());
    const auto k = select_layer < 0 ? L + 1 + select_layer : select_layer;
    auto h = vm->hiddenState(pixel_values, k);  // [N, 1+P, D]
    if (select_feature == "patch") return h.narrow(1, 1, h.size(1) - 1);  // [N, P, D]
    return h;
}

std::int64_t ClipVisionTowerImpl::numTokens() const {
    const auto P = vision_tower->vision_model->config.numPatches();
    return select_feature == "patch" ? P : P + 1;
}

}  // namespace stllava::model
