#include "model/projector.h"

#include <stdexcept>

namespace stllava::model {

MlpGeluProjectorImpl::MlpGeluProjectorImpl(std::int64_t in, std::int64_t out, int depth) {
    for (int i = 0; i < depth; ++i) {
        auto layer = nn::Linear(nn::LinearOptions(i == 0 ? in : out, out));
        linears.push_back(register_module(std::to_string(2 * i), layer));
    }
}

torch::Tensor MlpGeluProjectorImpl::forward(const torch::Tensor& features) {
    auto x = features;
    for (std::size_t i = 0; i < linears.size(); ++i) {
        if (i > 0) x = torch::gelu(x);  // erf GELU, as nn.GELU()
        x = linears[i]->forward(x);
    }
    return x;
}

torch::nn::AnyModule makeProjector(const LlavaConfig& config) {
    const auto& type = config.mm_projector_type;
    const auto in = config.mm_hidden_size, out = config.text.hidden_size;
    if (type == "linear") return torch::nn::AnyModule(nn::Linear(nn::LinearOptions(in, out)));
    if (type == "cluster") return torch::nn::AnyModule(ClusterProjector(in, out, config.cluster_num_centres));
    if (type.rfind("mlp", 0) == 0 && type.size() > 9 && type.substr(type.size() - 6) == "x_gelu") {
        const int depth = std::stoi(type.substr(3, type.size() - 9));
        if (depth >= 1) return torch::nn::AnyModule(MlpGeluProjector(in, out, depth));
    }
    throw std::runtime_error("mm_projector_type '" + type + "' is not supported (linear, mlp<N>x_gelu, cluster)");
}

}  // namespace stllava::model
