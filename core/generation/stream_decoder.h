// Incremental detokenisation for streaming. push() returns the text a new token adds; every delta
// is valid UTF-8 and the concatenation of all deltas (plus flush()) equals tokenizer.decode(all ids)
// exactly, including sentencepiece's removal of the first piece's leading space. Bytes of a
// multi-byte character split over byte-fallback tokens (<0xNN>) are held back until complete.
// Cost per token is a decode of a short window (the tokens since the last stable point), not of the
// whole sequence.
#pragma once

#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stllava {

class StreamDecoder {
public:
    // The tokenizer must outlive the decoder.
    explicit StreamDecoder(const Tokenizer& tokenizer);

    std::string push(std::int32_t token);
    // End of the stream: whatever is still held (an unfinished byte sequence decodes as U+FFFD, as
    // in decode()).
    std::string flush();

    const std::vector<std::int32_t>& ids() const { return ids_; }
    const std::string& text() const { return text_; }  // all text emitted so far
    // Ids decoded again at the next push (the window since the last stable point): stays short
    // (a few ids) in normal text; only an unfinished byte sequence or leading empty pieces grow it.
    std::size_t windowLength() const { return ids_.size() - window_; }
    void reset();

private:
    std::string decodeWindow() const;  // decode(ids_[window_:]) as it appears inside the sequence

    const Tokenizer* tok_;
    std::int32_t anchor_ = -1;  // a piece with non-empty text, prepended to mid-sequence windows
    std::string anchor_text_;   // decode({anchor_})
    std::vector<std::int32_t> ids_;
    std::size_t window_ = 0;          // first id of the current window
    std::size_t window_emitted_ = 0;  // bytes of the window's text already emitted
    std::string text_;
    mutable std::vector<std::int32_t> buf_;
};

}  // namespace stllava
