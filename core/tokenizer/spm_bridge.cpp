// libstllava_spm_bridge.so: the only code that touches sentencepiece. Exposes spm_bridge_api.h.
#include "spm_bridge_api.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#define BRIDGE_EXPORT extern "C" __attribute__((visibility("default")))

struct stllava_spm {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

void setError(char* err, size_t cap, const std::string& msg) {
    if (!err || cap == 0) return;
    const size_t n = msg.size() < cap - 1 ? msg.size() : cap - 1;
    std::memcpy(err, msg.data(), n);
    err[n] = '\0';
}

long copyOut(const std::string& s, char* out, size_t cap) {
    if (out && s.size() <= cap) std::memcpy(out, s.data(), s.size());
    return static_cast<long>(s.size());
}

}  // namespace

BRIDGE_EXPORT int stllava_spm_abi_version(void) { return STLLAVA_SPM_BRIDGE_ABI; }

BRIDGE_EXPORT const char* stllava_spm_library_version(void) {
#ifdef SENTENCEPIECE_VERSION
    return SENTENCEPIECE_VERSION;
#else
    return "version not exported by the library";
#endif
}

BRIDGE_EXPORT stllava_spm* stllava_spm_load(const char* path, char* err, size_t err_cap) {
    try {
        auto spm = std::make_unique<stllava_spm>();
        const auto status = spm->processor.Load(std::string(path));
        if (!status.ok()) {
            setError(err, err_cap, status.ToString());
            return nullptr;
        }
        return spm.release();
    } catch (const std::exception& e) {
        setError(err, err_cap, e.what());
    } catch (...) {
        setError(err, err_cap, "unknown error in sentencepiece");
    }
    return nullptr;
}

BRIDGE_EXPORT void stllava_spm_free(stllava_spm* spm) { delete spm; }

BRIDGE_EXPORT long stllava_spm_encode(const stllava_spm* spm, const char* text, size_t len, int32_t* ids,
                                      size_t cap, char* err, size_t err_cap) {
    try {
        std::vector<int> pieces;
        const auto status = spm->processor.Encode(std::string_view(text, len), &pieces);
        if (!status.ok()) {
            setError(err, err_cap, status.ToString());
            return -1;
        }
        if (ids && pieces.size() <= cap)
            for (size_t i = 0; i < pieces.size(); ++i) ids[i] = pieces[i];
        return static_cast<long>(pieces.size());
    } catch (const std::exception& e) {
        setError(err, err_cap, e.what());
    }
    return -1;
}

BRIDGE_EXPORT long stllava_spm_decode(const stllava_spm* spm, const int32_t* ids, size_t n, char* out,
                                      size_t cap, char* err, size_t err_cap) {
    try {
        const int vocab = spm->processor.GetPieceSize();
        std::vector<int> v(n);
        for (size_t i = 0; i < n; ++i) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                setError(err, err_cap, "token id " + std::to_string(ids[i]) + " is outside the vocabulary (size " +
                                           std::to_string(vocab) + ")");
                return -1;
            }
            v[i] = ids[i];
        }
        std::string text;
        const auto status = spm->processor.Decode(v, &text);
        if (!status.ok()) {
            setError(err, err_cap, status.ToString());
            return -1;
        }
        return copyOut(text, out, cap);
    } catch (const std::exception& e) {
        setError(err, err_cap, e.what());
    }
    return -1;
}

BRIDGE_EXPORT int32_t stllava_spm_vocab_size(const stllava_spm* spm) { return spm->processor.GetPieceSize(); }
BRIDGE_EXPORT int32_t stllava_spm_bos_id(const stllava_spm* spm) { return spm->processor.bos_id(); }
BRIDGE_EXPORT int32_t stllava_spm_eos_id(const stllava_spm* spm) { return spm->processor.eos_id(); }
BRIDGE_EXPORT int32_t stllava_spm_unk_id(const stllava_spm* spm) { return spm->processor.unk_id(); }
BRIDGE_EXPORT int32_t stllava_spm_pad_id(const stllava_spm* spm) { return spm->processor.pad_id(); }

BRIDGE_EXPORT int32_t stllava_spm_piece_to_id(const stllava_spm* spm, const char* piece, size_t len) {
    return spm->processor.PieceToId(std::string_view(piece, len));
}

BRIDGE_EXPORT long stllava_spm_id_to_piece(const stllava_spm* spm, int32_t id, char* out, size_t cap) {
    if (id < 0 || id >= spm->processor.GetPieceSize()) return -1;
    return copyOut(spm->processor.IdToPiece(id), out, cap);
}

BRIDGE_EXPORT int stllava_spm_piece_kind(const stllava_spm* spm, int32_t id) {
    if (id < 0 || id >= spm->processor.GetPieceSize()) return 0;
    if (spm->processor.IsByte(id)) return 1;
    if (spm->processor.IsControl(id)) return 2;
    if (spm->processor.IsUnknown(id)) return 3;
    return 0;
}

BRIDGE_EXPORT int stllava_spm_train(const char* args, unsigned int seed, char* err, size_t err_cap) {
    try {
        sentencepiece::SetRandomGeneratorSeed(seed);
        // One "name=value" per line: values (paths) keep their spaces, which the flag-string form
        // of Train() would split on.
        std::unordered_map<std::string, std::string> kwargs;
        for (const char* line = args; *line;) {
            const char* end = std::strchr(line, '\n');
            if (!end) end = line + std::strlen(line);
            const std::string entry(line, end);
            const auto eq = entry.find('=');
            if (!entry.empty() && eq != std::string::npos) kwargs[entry.substr(0, eq)] = entry.substr(eq + 1);
            line = *end ? end + 1 : end;
        }
        const auto status = sentencepiece::SentencePieceTrainer::Train(kwargs);
        if (!status.ok()) {
            setError(err, err_cap, status.ToString());
            return -1;
        }
        return 0;
    } catch (const std::exception& e) {
        setError(err, err_cap, e.what());
    } catch (...) {
        setError(err, err_cap, "unknown error in sentencepiece trainer");
    }
    return -1;
}
