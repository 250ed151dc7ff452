// Multimodal projectors mapping vision features [N, L, Dv] to decoder embeddings [N, L', H]:
//   "linear"        one nn::Linear (mm_projector.weight/bias)
//   "mlp{K}x_gelu"  Linear, GELU(erf), Linear, ... registered as "0", "2", "4", ... (LLaVA-1.5:
//                   mlp2x_gelu -> mm_projector.{0,2}.{weight,bias})
//   "cluster"       SQ-LLaVA's clustering projector (cluster_projector.cpp; ../shared/METHOD.md)
#pragma once

#include "model/model_config.h"
#include "nn/linear.h"

#include <torch/torch.h>

#include <vector>

namespace stllava::model {

class MlpGeluProjectorImpl : public torch::nn::Module {
public:
    MlpGeluProjectorImpl(std::int64_t in, std::int64_t out, int depth);
    torch::Tensor forward(const torch::Tensor& features);
    std::vector<nn::Linear> linears;  // registered as "0", "2", ...
};
TORCH_MODULE(MlpGeluProjector);

// SQ-LLaVA "cluster". Parameters: sim_alpha, sim_beta [1,1,1]; c, v, f (D -> D); ln_1 (unused);
// mlp.0 (D -> H), QuickGELU, mlp.2 (H -> H).
class ClusterProjectorImpl : public torch::nn::Module {
public:
    ClusterProjectorImpl(std::int64_t dim, std::int64_t hidden, std::int64_t num_centres, double ln_eps = 1e-5);
    torch::Tensor forward(const torch::Tensor& features);  // [B, L, D] -> [B, L, H]
    torch::Tensor sim_alpha, sim_beta;  // [1, 1, 1]
    nn::Linear c{nullptr}, v{nullptr}, f{nullptr};
    torch::nn::LayerNorm ln_1{nullptr};
    torch::nn::Sequential mlp{nullptr};  // "0": nn::Linear, "1": QuickGELU, "2": nn::Linear
    std::int64_t num_centres;
};
TORCH_MODULE(ClusterProjector);

// Builds the projector named by config.mm_projector_type (for "linear" the nn::Linear itself);
// throws naming the type when unknown. Every projector keeps the number of tokens.
torch::nn::AnyModule makeProjector(const LlavaConfig& config);

// Adaptive average pooling over the token axis as torch's adaptive_avg_pool1d: bin i of N averages
// tokens floor(i*L/N) .. ceil((i+1)*L/N)-1. x [B, L, D] -> [B, N, D].
torch::Tensor adaptivePoolTokens(const torch::Tensor& x, std::int64_t num_bins);

}  // namespace stllava::model
