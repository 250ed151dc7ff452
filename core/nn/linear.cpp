#include "nn/linear.h"

#include "quant/few_rows_linear.h"

#include <cmath>
#include <stdexcept>

namespace stllava::nn {

double LoraOptions::scale() const {
    return use_rslora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank);
}

LinearImpl::LinearImpl(const LinearOptions& opts) : options(opts) {
    weight = register_parameter("weight", torch::empty({opts.out_features, opts.in_features}));
    if (opts.bias) bias = register_parameter("bias", torch::empty({opts.out_features}));
    reset_parameters();
}

void LinearImpl::reset_parameters() {
    torch::NoGradGuard no_grad;
    // PyTorch's nn.Linear initialisation: kaiming_uniform(a=sqrt(5)) and a matching bias bound.
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    if (bias.defined()) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(options.in_features));
        torch::nn::init::uniform_(bias, -bound, bound);
    }
}

torch::Tensor LinearImpl::forward(const torch::Tensor& x) {
    torch::Tensor y;
    if (quantized_) {
        y = quantized_->linear(x).to(x.scalar_type());
        if (bias.defined()) y = y + bias;
    } else if (quant::fewRowsApplies(x, weight) && (!bias.defined() || !bias.requires_grad() ||
                                                     !torch::GradMode::is_enabled())) {
        y = quant::fewRowsLinear(x, weight);
        if (bias.defined()) y.add_(bias);
    } else {
        y = torch::nn::functional::linear(x, weight, bias);
    }
    if (lora_A && enabled_ && !merged_) {
        auto h = x;
        if (lora_options_.dropout > 0.0 && is_training())
            h = torch::dropout(h, lora_options_.dropout, /*train=*/true);
        y = y + lora_B->forward(lora_A->forward(h)) * lora_options_.scale();
    }
    return y;
}

void LinearImpl::quantize(quant::Format format, bool release_float) {
    if (!weight.device().is_cpu())
        throw std::invalid_argument("quantize: the weight is on " + weight.device().str() +
                                    "; quantised layers run on the CPU only");
    if (quantized_) return;
    quantized_ = std::make_shared<const quant::QuantizedWeight>(quant::QuantizedWeight::quantize(weight, format));
    if (release_float) {
        torch::NoGradGuard no_grad;
        weight.set_data(torch::empty({0}, weight.options()));
    }
}

void LinearImpl::attachLora(const LoraOptions& opts) {
    if (lora_A) detachLora();
    lora_options_ = opts;
    const auto dtype = weight.scalar_type();
    const auto device = weight.device();
    lora_A = register_module("lora_A", torch::nn::Linear(torch::nn::LinearOptions(options.in_features, opts.rank).bias(false)));
    lora_B = register_module("lora_B", torch::nn::Linear(torch::nn::LinearOptions(opts.rank, options.out_features).bias(false)));
    {
        torch::NoGradGuard no_grad;
        torch::nn::init::kaiming_uniform_(lora_A->weight, std::sqrt(5.0));
        lora_B->weight.zero_();
    }
    lora_A->to(device, dtype);
    lora_B->to(device, dtype);
    enabled_ = true;
    merged_ = false;
}

void LinearImpl::detachLora() {
    if (!lora_A) return;
    if (merged_) unmergeLora();
    unregister_module("lora_A");
    unregister_module("lora_B");
    lora_A = nullptr;
    lora_B = nullptr;
}

void LinearImpl::bakeLora() {
    if (!lora_A) return;
    mergeLora();
    unregister_module("lora_A");
    unregister_module("lora_B");
    lora_A = nullptr;
    lora_B = nullptr;
    merged_ = false;
}

void LinearImpl::mergeLora() {
    if (!lora_A || merged_) return;
    if (quantized_) throw std::logic_error("LoRA merge: the layer's weight is quantised (use a live adapter)");
    torch::NoGradGuard no_grad;
    const auto delta = torch::mm(lora_B->weight.to(torch::kFloat), lora_A->weight.to(torch::kFloat)) * lora_options_.scale();
    weight.copy_((weight.to(torch::kFloat) + delta).to(weight.scalar_type()));
    merged_ = true;
}

void LinearImpl::unmergeLora() {
    if (!lora_A || !merged_) return;
    if (quantized_) throw std::logic_error("LoRA unmerge: the layer's weight is quantised");
    torch::NoGradGuard no_grad;
    const auto delta = torch::mm(lora_B->weight.to(torch::kFloat), lora_A->weight.to(torch::kFloat)) * lora_options_.scale();
    weight.copy_((weight.to(torch::kFloat) - delta).to(weight.scalar_type()));
    merged_ = false;
}

}  // namespace stllava::nn
