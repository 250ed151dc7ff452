// StreamDecoder. sentencepiece's decode is local to each piece except in two places:
//   - the first visible piece of a text loses its leading "▁" (add_dummy_prefix), and
//   - a run of byte pieces (<0xNN>) is decoded as one byte string, left to right, each structurally
//     invalid byte becoming U+FFFD (so an unfinished character reads as U+FFFD until it completes).
// So the decoder keeps a window of ids since the last stable point and decodes only that window.
// Mid-sequence windows are decoded behind an anchor piece whose text is known and non-empty: the
// anchor takes the leading-space removal, the window's pieces decode exactly as they do inside the
// whole sequence, and the anchor's text is cut off again. A point is stable when the text so far is
// non-empty (the leading-space removal is behind us) and the window does not end inside an
// unfinished byte sequence; the window then restarts after it.
#include "generation/stream_decoder.h"

#include <stdexcept>

namespace stllava {

namespace {

constexpr char kReplacement[] =
    "\xEF\xBF\xBD";  // U+FFFD, what decode() gives for an unfinished byte sequence

bool endsWithReplacement(const std::string& s) {
    return s.size() >= 3 && s.compare(s.size() - 3, 3, kReplacement) == 0;
}

}  // namespace

StreamDecoder::StreamDecoder(const Tokenizer& tokenizer) : tok_(&tokenizer) {
    for (std::int32_t id = 0; id < tokenizer.vocabSize(); ++id) {
        if (tokenizer.pieceKind(id) != Tokenizer::PieceKind::Normal) continue;
        std::string text = tokenizer.decode(&id, 1);
        if (text.empty()) continue;
        anchor_ = id;
        anchor_text_ = std::move(text);
        break;
    }
    // Without an anchor (a vocabulary with no visible normal piece) the window never restarts:
    // still exact, but each step decodes the whole sequence.
}

void StreamDecoder::reset() {
    ids_.clear();
    window_ = 0;
    window_emitted_ = 0;
    text_.clear();
}

std::string StreamDecoder::decodeWindow() const {
    if (window_ == 0) return tok_->decode(ids_.data(), ids_.size());
    buf_.clear();
    buf_.push_back(anchor_);
    buf_.insert(buf_.end(), ids_.begin() + static_cast<std::ptrdiff_t>(window_), ids_.end());
    std::string s = tok_->decode(buf_.data(), buf_.size());
    if (s.compare(0, anchor_text_.size(), anchor_text_) != 0)
        throw std::logic_error("StreamDecoder: the anchor piece " + std::to_string(anchor_) +
                               " of tokenizer " + tok_->path() + " does not decode to a fixed prefix");
    return s.substr(anchor_text_.size());
}

std::string StreamDecoder::push(std::int32_t token) {
    ids_.push_back(token);
    const bool is_byte = tok_->pieceKind(token) == Tokenizer::PieceKind::Byte;
    std::string window_text;
    try {
        window_text = decodeWindow();
    } catch (...) {
        ids_.pop_back();  // an invalid id leaves the decoder as it was
        throw;
    }
    // The window ends inside a byte run whose last character is not finished yet: hold it all.
    if (is_byte && endsWithReplacement(window_text)) return {};
    if (window_text.size() < window_emitted_)
        throw std::logic_error("StreamDecoder: decoded text of tokenizer " + tok_->path() +
                               " shrank while streaming");
    std::string delta = window_text.substr(window_emitted_);
    window_emitted_ = window_text.size();
    text_ += delta;
    if (anchor_ >= 0 && !text_.empty()) {  // stable point: restart the window after this token
        window_ = ids_.size();
        window_emitted_ = 0;
    }
    return delta;
}

std::string StreamDecoder::flush() {
    if (window_ >= ids_.size()) return {};
    const std::string window_text = decodeWindow();
    std::string delta = window_text.substr(std::min(window_emitted_, window_text.size()));
    text_ += delta;
    if (anchor_ >= 0 && !text_.empty()) {
        window_ = ids_.size();
        window_emitted_ = 0;
    } else {
        window_emitted_ = window_text.size();
    }
    return delta;
}

}  // namespace stllava
