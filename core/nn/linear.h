// Linear layer with an optional LoRA adapter slot. Every linear layer of the model tree is one of
// these, so LoRA (core/lora) can attach, disable, merge and unmerge adapters on any of them by name.
//   y = x W^T + b                                   (no adapter, or adapter disabled, or merged)
//   y = x W^T + b + scale * B(A(dropout(x)))        (adapter attached and enabled, not merged)
// Parameter names match PyTorch/PEFT: "weight", "bias", "lora_A.weight", "lora_B.weight".
// For inference on the CPU the weight may be replaced by a quantised copy (quantize()); a decode
// step's few rows in float32 run the row kernels of core/quant instead of libtorch's sgemm.
#pragma once

#include "quant/quantized_weight.h"

#include <torch/torch.h>

#include <memory>

namespace stllava::nn {

struct LinearOptions {
    LinearOptions(std::int64_t in, std::int64_t out) : in_features(in), out_features(out) {}
    std::int64_t in_features;
    std::int64_t out_features;
    bool bias = true;
    LinearOptions& with_bias(bool b) { bias = b; return *this; }
};

struct LoraOptions {
    std::int64_t rank = 8;
    double alpha = 16.0;
    double dropout = 0.0;
    bool use_rslora = false;  // scale = alpha / sqrt(rank) instead of alpha / rank
    double scale() const;
};

class LinearImpl : public torch::nn::Module {
public:
    explicit LinearImpl(const LinearOptions& options);
    torch::Tensor forward(const torch::Tensor& x);
    void reset_parameters();

    // LoRA adapter slot. attach: A ~ kaiming-uniform, B = 0 (the layer's output is unchanged).
    void attachLora(const LoraOptions& options);
    void detachLora();  // unmerges first if merged
    bool hasLora() const { return !lora_A.is_empty(); }
    bool loraMerged() const { return merged_; }
    void setLoraEnabled(bool enabled) { enabled_ = enabled; }  // disabled = base model (DPO reference)
    bool loraEnabled() const { return enabled_; }
    // W += scale * B A (in W's dtype, computed in float32); forward then skips the adapter.
    void mergeLora();
    // W -= scale * B A; exact up to float rounding of the merge.
    void unmergeLora();
    // W += scale * B A, then the adapter slot is emptied: the layer is the adapted one, for good
    // (a stage-1 adapter becoming the base that a new adapter and the DPO reference start from).
    void bakeLora();
    const LoraOptions& loraOptions() const { return lora_options_; }

    // Inference only: forward multiplies with a quantised copy of the weight from now on (an
    // attached adapter still adds its part). With release_float the float weight's storage is
    // freed (the parameter becomes an empty tensor of its dtype and device); keep it when the
    // weight is shared (a tied lm_head). Throws std::invalid_argument for a weight that is not on
    // the CPU or for Format::None; merging an adapter
    // into a quantised layer throws std::logic_error.
    void quantize(quant::Format format, bool release_float);
    const quant::QuantizedWeight* quantized() const { return quantized_.get(); }

    LinearOptions options;
    torch::Tensor weight;  // [out, in]
    torch::Tensor bias;    // [out] or undefined
    torch::nn::Linear lora_A{nullptr};  // [rank, in], no bias
    torch::nn::Linear lora_B{nullptr};  // [out, rank], no bias

private:
    std::shared_ptr<const quant::QuantizedWeight> quantized_;
    LoraOptions lora_options_;
    bool enabled_ = true;
    bool merged_ = false;
};
TORCH_MODULE(Linear);

}  // namespace stllava::nn
