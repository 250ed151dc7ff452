#include "model/quantize_model.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace stllava::model {

QuantizeReport quantizeForInference(LlavaForCausalLMImpl& model, quant::Format format) {
    QuantizeReport report;
    if (format == quant::Format::None) return report;
    if (!model.device().is_cpu())
        throw std::invalid_argument(std::string("quant ") + quant::formatName(format) + ": the model is on " +
                                    model.device().str() + "; quantised decoding runs on the CPU only");
    struct Target {
        nn::LinearImpl* linear;
        quant::Format format;
        bool release;
        std::string name;
    };
    std::vector<Target> targets;
    auto& layers = model.model->layers;
    for (std::size_t i = 0; i < layers->size(); ++i) {
        auto* layer = layers[i]->as<LlamaDecoderLayerImpl>();
        const std::string base = "model.layers." + std::to_string(i) + ".";
        auto& a = *layer->self_attn;
        auto& m = *layer->mlp;
        targets.push_back({a.q_proj.get(), format, true, base + "self_attn.q_proj"});
        targets.push_back({a.k_proj.get(), format, true, base + "self_attn.k_proj"});
        targets.push_back({a.v_proj.get(), format, true, base + "self_attn.v_proj"});
        targets.push_back({a.o_proj.get(), format, true, base + "self_attn.o_proj"});
        targets.push_back({m.gate_proj.get(), format, true, base + "mlp.gate_proj"});
        targets.push_back({m.up_proj.get(), format, true, base + "mlp.up_proj"});
        targets.push_back({m.down_proj.get(), format, true, base + "mlp.down_proj"});
    }
    const bool tied = model.lm_head->weight.is_same(model.model->embed_tokens->weight);
    targets.push_back({model.lm_head.get(), quant::Format::Int8, !tied, "lm_head"});
    // Check every layer first, so that a bad shape leaves the model untouched.
    for (const auto& t : targets) {
        if (t.linear->quantized()) throw std::invalid_argument("quant: " + t.name + " is already quantised");
    }
    for (const auto& t : targets) {
        report.float_bytes += static_cast<std::int64_t>(t.linear->weight.nbytes());
        t.linear->quantize(t.format, t.release);
        report.quantized_bytes += t.linear->quantized()->bytes();
        ++report.layers;
    }
    return report;
}

}  // namespace stllava::model
