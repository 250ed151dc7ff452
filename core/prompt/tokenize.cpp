// Prompt tokenisation as LLaVA's tokenizer_image_token, with labels derived from the segments by
// aligning every token's text with the rendered string.
#include "prompt/tokenize.h"

#include <algorithm>
#include <stdexcept>

namespace stllava::prompt {
namespace {

const std::string kEosText = "</s>";
const std::string kSpaceMark = "\xE2\x96\x81";  // U+2581, sentencepiece's space

// The text one token stands for: U+2581 -> ' ', "<0xNN>" -> that byte, control pieces -> "".
std::string pieceText(const Tokenizer& tok, std::int32_t id) {
    const auto kind = tok.pieceKind(id);
    const std::string piece = tok.idToPiece(id);
    if (kind == Tokenizer::PieceKind::Control) return {};
    if (kind == Tokenizer::PieceKind::Byte) {
        if (piece.size() == 6 && piece.compare(0, 3, "<0x") == 0 && piece[5] == '>')
            return std::string(1, static_cast<char>(std::stoi(piece.substr(3, 2), nullptr, 16)));
        throw std::runtime_error("tokenizer '" + tok.path() + "': byte piece '" + piece +
                                 "' is not of the form <0xNN>");
    }
    if (kind == Tokenizer::PieceKind::Unknown)
        throw std::runtime_error("tokenizer '" + tok.path() +
                                 "' produced <unk> (no byte fallback): cannot place token labels");
    std::string out;
    for (std::size_t i = 0; i < piece.size();) {
        if (piece.compare(i, kSpaceMark.size(), kSpaceMark) == 0) {
            out += ' ';
            i += kSpaceMark.size();
        } else {
            out += piece[i++];
        }
    }
    return out;
}

// Collects ids and, for each token, its byte span [begin, end) in the rendered text (a span that
// holds only sentencepiece's dummy-prefix space is empty).
struct Builder {
    const Tokenizer& tok;
    const std::string& text;
    TokenizedPrompt out;
    std::vector<std::pair<long, long>> spans;

    void push(std::int64_t id, long begin, long end) {
        out.ids.push_back(id);
        spans.emplace_back(begin, end);
    }

    // One encode call on text[begin, end), as the Hugging Face tokenizer encodes the text between
    // special tokens: on its own, with sentencepiece's dummy prefix.
    void encodePlain(std::size_t begin, std::size_t end) {
        if (begin >= end) return;
        const std::string_view part(text.data() + begin, end - begin);
        const auto ids = tok.encode(part);
        std::vector<std::string> texts;
        std::string joined;
        for (auto id : ids) {
            texts.push_back(pieceText(tok, id));
            joined += texts.back();
        }
        long shift;
        if (joined == part)
            shift = 0;
        else if (joined.size() == part.size() + 1 && joined[0] == ' ' &&
                 joined.compare(1, std::string::npos, part) == 0)
            shift = -1;  // dummy prefix
        else
            throw std::runtime_error("tokenizer '" + tok.path() +
                                     "': its pieces do not spell the input text (a normalising " +
                                     "tokenizer?), so token labels cannot be placed; text: \"" +
                                     std::string(part.substr(0, 80)) + "\"");
        long pos = static_cast<long>(begin) + shift;
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const long len = static_cast<long>(texts[k].size());
            push(ids[k], std::max(pos, static_cast<long>(begin)),
                 pos + len);  // the dummy prefix is no character of the text
            pos += len;
        }
    }

    void encodeChunk(std::size_t begin, std::size_t end, bool eos_from_text) {
        std::size_t pos = begin;
        while (eos_from_text) {
            const auto hit = text.find(kEosText, pos);
            if (hit == std::string::npos || hit + kEosText.size() > end) break;
            encodePlain(pos, hit);
            push(tok.eosId(), static_cast<long>(hit), static_cast<long>(hit + kEosText.size()));
            pos = hit + kEosText.size();
        }
        encodePlain(pos, end);
    }

    void run(const TokenizeOptions& options) {
        if (options.add_bos) push(tok.bosId(), 0, 0);
        const std::string image = kImagePlaceholder;
        std::size_t pos = 0;
        for (;;) {
            const auto hit = text.find(image, pos);
            encodeChunk(pos, hit == std::string::npos ? text.size() : hit, options.eos_from_text);
            if (hit == std::string::npos) break;
            out.image_positions.push_back(static_cast<std::int64_t>(out.ids.size()));
            push(kImageTokenId, static_cast<long>(hit), static_cast<long>(hit + image.size()));
            pos = hit + image.size();
        }
    }
};

}  // namespace

int TokenizedPrompt::targetCount() const {
    int n = 0;
    for (auto l : labels) n += l != kIgnoreIndex ? 1 : 0;
    return n;
}

TokenizedPrompt tokenizePrompt(const Tokenizer& tokenizer, const std::string& prompt,
                               const TokenizeOptions& options) {
    Builder b{tokenizer, prompt, {}, {}};
    b.run(options);
    b.out.labels.assign(b.out.ids.size(), kIgnoreIndex);
    return std::move(b.out);
}

TokenizedPrompt tokenizeSegments(const Tokenizer& tokenizer, const std::vector<Segment>& segments,
                                 const TokenizeOptions& options) {
    const std::string text = joinSegments(segments);
    std::vector<char> target(text.size(), 0);  // per byte
    std::size_t at = 0;
    for (const auto& s : segments) {
        if (s.target) {
            std::fill(target.begin() + static_cast<long>(at),
                      target.begin() + static_cast<long>(at + s.text.size()), 1);
            // LLaVA masks the role prefix by token count (len(tokens("... ASSISTANT: ")) - 2): the
            // target starts right after the prefix's ":" token, so the space that ends the prefix
            // belongs to the target. It matters when sentencepiece writes that space as a lone "▁"
            // (a target starting with a digit, punctuation or a byte-fallback character).
            if (at > 0 && text[at - 1] == ' ') target[at - 1] = 1;
        }
        at += s.text.size();
    }
    Builder b{tokenizer, text, {}, {}};
    b.run(options);
    b.out.labels.assign(b.out.ids.size(), kIgnoreIndex);
    for (std::size_t k = 0; k < b.out.ids.size(); ++k) {
        if (b.out.ids[k] == kImageTokenId) continue;
        long begin = b.spans[k].first;
        const long end = b.spans[k].second;
        if (begin >= end) continue;  // BOS, or a token that is only the dummy prefix
        if (text[static_cast<std::size_t>(begin)] == ' ' && begin + 1 < end)
            ++begin;  // a leading space belongs to what precedes
        bool all = true;
        for (long i = begin; i < end && all; ++i) all = target[static_cast<std::size_t>(i)] != 0;
        if (all) b.out.labels[k] = b.out.ids[k];
    }
    return std::move(b.out);
}

}  // namespace stllava::prompt
