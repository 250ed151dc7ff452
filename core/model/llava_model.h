// LLaVA for causal LM: CLIP vision tower -> projector -> Llama/Mistral decoder -> lm_head.
//
// PUBLIC INTERFACE (used by core/generation, core/training, core/evaluation): keep it stable.
//
// The module tree carries exactly the original LLaVA checkpoint names, so named_parameters() keys
// equal the original layout:
//   model.embed_tokens.weight                                   [V, H]
//   model.layers.{i}.self_attn.{q,k,v,o}_proj.weight            [*, H]
//   model.layers.{i}.mlp.{gate,up,down}_proj.weight
//   model.layers.{i}.{input,post_attention}_layernorm.weight    [H]
//   model.norm.weight                                           [H]
//   model.mm_projector.{0,2}.{weight,bias}   (mlp2x_gelu; cluster: model.mm_projector.<its names>)
//   model.vision_tower.vision_tower.vision_model.*              (CLIP names)
//   lm_head.weight                                              [V, H] (shares embed_tokens when tied)
// Every linear layer is a stllava::nn::Linear (LoRA slot, driven by core/lora by module path).
//
// Inputs: input_ids [B, T] int64 where kImageTokenId (-200) marks an image; each marker expands to
// imageTokens() positions (576 for 336 px / 14). pixel_values [N, 3, S, S]: one image per marker,
// in order (row by row, left to right). attention_mask [B, T] (1 = token, 0 = padding).
// labels [B, T] with kIgnoreIndex (-100) for ignored positions; image positions become -100.
#pragma once

#include "model/clip_vision.h"
#include "model/kv_cache.h"
#include "model/llama_decoder.h"
#include "model/model_config.h"
#include "nn/linear.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>

namespace stllava::model {

inline constexpr std::int64_t kImageTokenId = -200;  // LLaVA's IMAGE_TOKEN_INDEX
inline constexpr std::int64_t kIgnoreIndex = -100;   // label ignored by the loss

enum class PaddingSide { Right, Left };

// How the module tree is built: parameters are created (randomly initialised like PyTorch's
// defaults) layer by layer and moved to dtype/device at once, so peak host memory stays near the
// final model size.
struct BuildOptions {
    torch::Dtype dtype = torch::kFloat32;
    torch::Device device = torch::kCPU;
    bool with_vision_tower = true;  // false: a text-only decoder (no tower, no projector)
};

// The decoder's embeddings after image features were spliced in.
struct MultimodalInputs {
    torch::Tensor embeds;          // [B, T', H] in the model dtype
    torch::Tensor attention_mask;  // [B, T'] int64
    torch::Tensor labels;          // [B, T'] int64 (undefined when no labels were given)
};

struct ForwardOutput {
    torch::Tensor logits;          // [B, T', V] in the model dtype (undefined if not requested)
    torch::Tensor attention_mask;  // [B, T'] int64, expanded
    torch::Tensor labels;          // [B, T'] int64, expanded (undefined without labels)
    // With labels (next-token targets: logits at t predict labels at t + 1):
    torch::Tensor loss;            // scalar float32: mean cross-entropy over label tokens
    torch::Tensor sequence_logps;  // [B] float32: summed log-probs of each row's label tokens (DPO)
    torch::Tensor token_counts;    // [B] int64: label tokens per row
};

struct ForwardOptions {
    PaddingSide padding = PaddingSide::Right;  // where rows are padded after image expansion
    bool return_logits = true;                 // false saves [B, T', V] when only loss/logps matter
    // Without logits but with labels: the LM head and log-softmax run over this many label
    // positions at a time (lm_head_logprob.h), only where a label counts; 0: the full [B, T', V].
    std::int64_t logprob_chunk = 1024;
};

class LlavaModelImpl : public torch::nn::Module {
public:
    LlavaModelImpl(const LlavaConfig& config, const BuildOptions& build);
    torch::nn::Embedding embed_tokens{nullptr};
    torch::nn::ModuleList layers{nullptr};
    RMSNorm norm{nullptr};
    torch::nn::AnyModule mm_projector;          // registered as "mm_projector" (empty text-only)
    ClipVisionTower vision_tower{nullptr};      // registered as "vision_tower" (null text-only)
};
TORCH_MODULE(LlavaModel);

class LlavaForCausalLMImpl : public torch::nn::Module {
public:
    explicit LlavaForCausalLMImpl(const LlavaConfig& config, const BuildOptions& build = {});

    // Training / scoring forward pass (full sequence, no cache).
    ForwardOutput forward(const torch::Tensor& input_ids, const torch::Tensor& pixel_values,
                          const torch::Tensor& attention_mask, const torch::Tensor& labels = {},
                          const ForwardOptions& options = {});

    // Images -> projected embeddings. [N, 3, S, S] -> [N, imageTokens(), H] in the model dtype.
    torch::Tensor encodeImages(const torch::Tensor& pixel_values);
    // Token ids (no image markers) -> [*, H] embeddings.
    torch::Tensor embedTokens(const torch::Tensor& ids);
    // Expands image markers (see the header comment). attention_mask undefined = all ones;
    // labels may be undefined. Image features may be given precomputed (from encodeImages).
    MultimodalInputs prepareInputs(const torch::Tensor& input_ids, const torch::Tensor& pixel_values,
                                   const torch::Tensor& attention_mask, const torch::Tensor& labels,
                                   PaddingSide padding, const torch::Tensor& image_features = {});

    // Decoder over embeddings [B, T, H] with mask [B, T] (undefined = all ones). Without a cache:
    // causal over the call. With a cache (allocated by allocateCache): appends to it.
    // Returns hidden states after the final norm [B, T, H].
    torch::Tensor decode(const torch::Tensor& embeds, const torch::Tensor& attention_mask, KVCache* cache);
    // lm_head over hidden states [.., H] -> logits [.., V].
    torch::Tensor logits(const torch::Tensor& hidden);
    void allocateCache(KVCache& cache, std::int64_t batch, std::int64_t capacity) const;
    // Activation checkpointing of every decoder layer while training (less memory, one extra
    // forward per layer in backward); no effect in eval mode or with a KV cache.
    void setActivationCheckpointing(bool enabled);

    // Loss and per-row summed log-probs of labels from logits [B, T, V] and labels [B, T]
    // (shifted by one inside). Computed in float32.
    static void lossAndLogps(const torch::Tensor& logits, const torch::Tensor& labels, ForwardOutput& out);
    // The same from hidden states [B, T, H] through the LM head in chunks of `chunk` label
    // positions (memory O(chunk x V)); positions whose next label is ignored are skipped.
    void chunkedLossAndLogps(const torch::Tensor& hidden, const torch::Tensor& labels, std::int64_t chunk, ForwardOutput& out);

    const LlavaConfig& config() const { return config_; }
    std::int64_t imageTokens() const { return config_.imageTokens(); }
    bool hasVision() const { return !model->vision_tower.is_empty(); }
    torch::Dtype dtype() const;
    torch::Device device() const;

    LlavaModel model{nullptr};
    nn::Linear lm_head{nullptr};  // weight shared with model.embed_tokens when tied

private:
    LlavaConfig config_;
    RotaryTable rope_;
};
TORCH_MODULE(LlavaForCausalLM);

}  // namespace stllava::model
