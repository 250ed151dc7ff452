// SQ-LLaVA's clustering projector, step by step as ../shared/METHOD.md describes it.
#include "model/projector.h"

#include <stdexcept>

namespace stllava::model {

namespace F = torch::nn::functional;

torch::Tensor adaptivePoolTokens(const torch::Tensor& x, std::int64_t num_bins) {
    // adaptive_avg_pool1d over the token axis: [B, L, D] -> [B, D, L] -> [B, D, N] -> [B, N, D]
    return torch::adaptive_avg_pool1d(x.transpose(1, 2), {num_bins}).transpose(1, 2);
}

ClusterProjectorImpl::ClusterProjectorImpl(std::int64_t dim, std::int64_t hidden, std::int64_t centres, double ln_eps)
    : num_centres(centres) {
    sim_alpha = register_parameter("sim_alpha", torch::ones({1, 1, 1}));
    sim_beta = register_parameter("sim_beta", torch::zeros({1, 1, 1}));
    c = register_module("c", nn::Linear(nn::LinearOptions(dim, dim)));
    v = register_module("v", nn::Linear(nn::LinearOptions(dim, dim)));
    f = register_module("f", nn::Linear(nn::LinearOptions(dim, dim)));
    ln_1 = register_module("ln_1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(ln_eps)));  // stored, unused
    mlp = register_module("mlp", torch::nn::Sequential(
                                     nn::Linear(nn::LinearOptions(dim, hidden)),
                                     torch::nn::Functional([](const torch::Tensor& t) { return t * torch::sigmoid(1.702 * t); }),
                                     nn::Linear(nn::LinearOptions(hidden, hidden))));
}

torch::Tensor ClusterProjectorImpl::forward(const torch::Tensor& x) {
    if (x.dim() != 3 || x.size(1) < num_centres)
        throw std::runtime_error("cluster projector: expects [B, L >= " + std::to_string(num_centres) + ", D], got " +
                                 c10::str(x.sizes()));
    const auto norm_last = F::NormalizeFuncOptions().dim(-1);
    // 1. feature [B, L, D]; value [B, D, L]
    auto feature = f->forward(x);
    auto value = v->forward(x).transpose(1, 2);
    // 2. centres by adaptive average pooling over tokens: [B, N, D]
    auto centres = adaptivePoolTokens(x, num_centres);
    auto centres_feature = adaptivePoolTokens(feature, num_centres);
    // 3. two refinement rounds; value is normalised over its last axis (the tokens), as the reference
    auto value_n = F::normalize(value, norm_last);  // [B, D, L]
    for (int round = 0; round < 2; ++round) {
        centres = c->forward(centres);                                                        // [B, N, D]
        auto sim = torch::softmax(torch::matmul(F::normalize(centres, norm_last), value_n), 1);  // [B, N, L]
        centres = torch::matmul(sim, feature);                                                // [B, N, D]
    }
    // 4. similarity of each token to each centre; each token keeps only its most similar centre
    auto cos = torch::matmul(F::normalize(centres, norm_last), F::normalize(x, norm_last).transpose(1, 2));  // [B, N, L]
    auto similarity = torch::sigmoid(sim_beta + sim_alpha * cos);                                           // [B, N, L]
    auto best = std::get<1>(similarity.max(1, /*keepdim=*/true));                                            // [B, 1, L]
    auto mask = torch::zeros_like(similarity).scatter_(1, best, 1.0);
    similarity = similarity * mask;
    // 5. per centre: (sum of its tokens' feature * similarity + centres_feature) / (count + 1)
    auto agg = (torch::matmul(similarity, feature) + centres_feature) / (mask.sum(-1, /*keepdim=*/true) + 1.0);  // [B, N, D]
    // 6. each token adds its centre's aggregate scaled by its similarity; then the MLP
    auto out = x + torch::matmul(similarity.transpose(1, 2), agg);  // [B, L, D]
    return mlp->forward(out);
}

}  // namespace stllava::model
