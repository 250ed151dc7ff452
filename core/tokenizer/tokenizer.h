// Tokenizer: a sentencepiece model (Llama, Vicuna and Mistral ship theirs as tokenizer.model),
// reached through the isolated bridge library so it can share a process with libtorch.
// Thread safety: a loaded Tokenizer is immutable; encode/decode may run from several threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stllava {

struct TokenizerTrainOptions {
    std::string input_path;    // plain text, one sentence per line
    std::string model_prefix;  // writes <prefix>.model and <prefix>.vocab
    int vocab_size = 1000;
    std::string model_type = "bpe";  // Llama's tokenizers are BPE with byte fallback
    bool byte_fallback = true;
    double character_coverage = 0.9995;
    int num_threads = 1;
    // Ids as Llama assigns them: <unk>=0, <s>=1, </s>=2, no pad.
    int unk_id = 0, bos_id = 1, eos_id = 2, pad_id = -1;
    std::vector<std::string> user_defined_symbols;  // e.g. "<image>"
    std::uint32_t seed = 1;  // sentencepiece shuffles its input; fixed for reproducible models
};

class Tokenizer {
public:
    enum class PieceKind { Normal, Byte, Control, Unknown };  // user-defined pieces read as Normal

    // Loads a sentencepiece .model file. Throws std::runtime_error naming the file and the problem.
    static Tokenizer load(const std::string& model_path);
    // Trains a new model from a text corpus. Throws with sentencepiece's message on failure.
    static void train(const TokenizerTrainOptions& options);
    // Loads the bridge library (once per process); throws a message saying where it looked.
    static std::string bridgeInfo();

    std::vector<std::int32_t> encode(std::string_view text, bool add_bos = false, bool add_eos = false) const;
    // Appends to `out` (no allocation when its capacity suffices).
    void encodeInto(std::string_view text, std::vector<std::int32_t>& out) const;
    std::string decode(const std::vector<std::int32_t>& ids) const;
    std::string decode(const std::int32_t* ids, std::size_t n) const;

    std::int32_t vocabSize() const { return vocab_size_; }
    std::int32_t bosId() const { return bos_; }
    std::int32_t eosId() const { return eos_; }
    std::int32_t unkId() const { return unk_; }
    std::int32_t padId() const { return pad_; }  // -1 when the model has none (Llama)
    std::int32_t pieceToId(std::string_view piece) const;  // unkId() when absent
    std::string idToPiece(std::int32_t id) const;          // throws for ids out of range
    PieceKind pieceKind(std::int32_t id) const;
    const std::string& path() const { return path_; }

private:
    struct Handle;
    std::shared_ptr<Handle> handle_;
    std::string path_;
    std::int32_t vocab_size_ = 0, bos_ = -1, eos_ = -1, unk_ = -1, pad_ = -1;
};

}  // namespace stllava
