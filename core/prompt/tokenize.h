// Token ids and training labels for a rendered prompt, following LLaVA's tokenizer_image_token:
// the text is split on "<image>", each chunk is encoded on its own (sentencepiece adds its dummy
// prefix space to each), BOS is kept only at the very start, and the image marker kImageTokenId
// (-200) stands between chunks; the model splices the 576 projected image embeddings there.
// A literal "</s>" in the text is the EOS id (as Hugging Face's Llama tokenizer treats its special
// token), the text between two "</s>" being encoded separately.
// Labels follow the Segment flags at token level: token character spans are computed from the
// pieces (Tokenizer::idToPiece; U+2581 = space, <0xNN> = one byte, the dummy prefix skipped), and a
// token is a target when its text (a leading space ignored) lies inside target segments. As in
// LLaVA's preprocess (instruction_len = len(tokens(prompt up to "ASSISTANT: ")) - 2), a target
// begins right after the role prefix's tokens: the space ending the prefix, when sentencepiece
// writes it as a lone U+2581 piece (" 5 nodules" -> "▁", "5", "▁nodule", "s"), is a target token.
// Errors: std::runtime_error naming the tokenizer file and the problem.
#pragma once

#include "prompt/conversation.h"
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stllava::prompt {

inline constexpr std::int64_t kImageTokenId = -200;  // LLaVA's IMAGE_TOKEN_INDEX
inline constexpr std::int64_t kIgnoreIndex = -100;   // label ignored by the loss

struct TokenizedPrompt {
    std::vector<std::int64_t> ids;              // token ids, kImageTokenId at image places
    std::vector<std::int64_t> labels;           // same length; kIgnoreIndex or the token id
    std::vector<std::int64_t> image_positions;  // indices into ids where ids == kImageTokenId
    int targetCount() const;                    // number of labels != kIgnoreIndex
};

struct TokenizeOptions {
    bool add_bos = true;
    bool eos_from_text = true;  // a literal "</s>" becomes the EOS id (else plain text)
};

// For generation / scoring prompts: every label is kIgnoreIndex.
TokenizedPrompt tokenizePrompt(const Tokenizer& tokenizer, const std::string& prompt,
                               const TokenizeOptions& options = {});
// For training: labels from the segments (see renderTraining). Image markers are never targets.
TokenizedPrompt tokenizeSegments(const Tokenizer& tokenizer, const std::vector<Segment>& segments,
                                 const TokenizeOptions& options = {});

}  // namespace stllava::prompt
