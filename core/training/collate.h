// From data items to model inputs: template rendering (core/prompt), question learning, tokenisation
// with labels on targets only, truncation that never cuts an image, padding, and the epoch's batch
// order (seeded shuffle, optional length grouping as LLaVA's LengthGroupedSampler).
#pragma once

#include "prompt/conversation.h"
#include "prompt/tokenize.h"
#include "tokenizer/tokenizer.h"
#include "training/dataset.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace stllava::training {

// An image file -> [3, S, S] float tensor (the model's preprocessing). Supplied by the caller
// (the command line wires core/imaging + core/vision_input); training itself reads no images.
using ImageLoader = std::function<torch::Tensor(const std::string& path)>;

struct CollateOptions {
    std::string template_name = "v1_sq";
    double sq_r = 0.0;               // question learning: P(human turn after the first -> VUSER)
    std::uint64_t seed = 42;         // question learning and shuffling
    std::int64_t max_length = 2048;  // decoder positions after image expansion
    std::int64_t image_tokens = 576; // positions one image marker becomes in the model
    std::int64_t pad_id = 0;         // LLaVA pads with <unk> (id 0) for Llama tokenizers
};

struct Example {
    std::vector<std::int64_t> ids;     // kImageTokenId at the image place
    std::vector<std::int64_t> labels;  // kIgnoreIndex or the token id
    std::string image;                 // full image path ("" = none)
    std::int64_t expandedLength(std::int64_t image_tokens) const;
    std::int64_t targets() const;
};

// Question learning with a generator seeded by (seed, epoch, index): the same item in the same epoch
// always gets the same roles, whatever the order or the process (exact resume, data parallel).
prompt::Conversation questionLearning(const prompt::Conversation& conv, double sq_r, std::uint64_t seed,
                                      std::uint64_t epoch, std::uint64_t index);

// Cuts the tail so the expanded length fits max_length. Throws std::runtime_error when the cut
// would fall inside an image's positions or leave no target token.
void truncate(Example& ex, std::int64_t max_length, std::int64_t image_tokens);

// Stage 1 example (rendered, question learning applied, tokenised, truncated). Throws naming the item.
Example instructExample(const Tokenizer& tok, const InstructItem& item, const DataOptions& data,
                        const CollateOptions& options, std::uint64_t epoch, std::uint64_t index);
// DPO: prompt + one answer; only the final answer (with its "</s>") is a target.
Example preferenceExample(const Tokenizer& tok, const PreferenceItem& item, bool chosen, const DataOptions& data,
                          const CollateOptions& options);

struct Batch {
    torch::Tensor input_ids;       // [B, T] int64 (right-padded with pad_id)
    torch::Tensor attention_mask;  // [B, T] int64
    torch::Tensor labels;          // [B, T] int64
    torch::Tensor pixel_values;    // [N, 3, S, S], one per image marker in row order; undefined if none
    std::int64_t tokens = 0;       // real (unpadded) expanded positions
    std::int64_t target_tokens = 0;
};
Batch collate(const std::vector<Example>& examples, const CollateOptions& options, const ImageLoader& load_image);

// The epoch's batches of item indices: a permutation seeded by (seed, epoch); with group_by_length,
// mega-batches of `mega_batch` items are sorted by length (longest first) before being cut into
// batches, so batches hold similar lengths (fewer pad tokens). The last batch may be short.
std::vector<std::vector<std::size_t>> epochBatches(const std::vector<std::int64_t>& lengths, std::int64_t batch_size,
                                                   std::uint64_t seed, std::uint64_t epoch, bool shuffle,
                                                   bool group_by_length, std::int64_t mega_batch);

// splitmix64, the mixer behind the seeded generators here.
std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b);

}  // namespace stllava::training
