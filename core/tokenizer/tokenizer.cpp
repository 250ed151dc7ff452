#include "tokenizer/tokenizer.h"

#include "tokenizer/spm_bridge_api.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

// AddressSanitizer's build (scripts/sanitize.sh): gcc says so with __SANITIZE_ADDRESS__, clang 14
// through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define STLLAVA_TOKENIZER_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STLLAVA_TOKENIZER_UNDER_ASAN 1
#endif
#endif

namespace stllava {
namespace {

// The bridge's functions, resolved once with dlsym.
struct BridgeApi {
    void* lib = nullptr;
    std::string path;
    decltype(&stllava_spm_abi_version) abi_version = nullptr;
    decltype(&stllava_spm_library_version) library_version = nullptr;
    decltype(&stllava_spm_load) load = nullptr;
    decltype(&stllava_spm_free) free = nullptr;
    decltype(&stllava_spm_encode) encode = nullptr;
    decltype(&stllava_spm_decode) decode = nullptr;
    decltype(&stllava_spm_vocab_size) vocab_size = nullptr;
    decltype(&stllava_spm_bos_id) bos_id = nullptr;
    decltype(&stllava_spm_eos_id) eos_id = nullptr;
    decltype(&stllava_spm_unk_id) unk_id = nullptr;
    decltype(&stllava_spm_pad_id) pad_id = nullptr;
    decltype(&stllava_spm_piece_to_id) piece_to_id = nullptr;
    decltype(&stllava_spm_id_to_piece) id_to_piece = nullptr;
    decltype(&stllava_spm_piece_kind) piece_kind = nullptr;
    decltype(&stllava_spm_train) train = nullptr;
};

bool fileExists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string executableDir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0) return {};
    std::string exe(buf, static_cast<std::size_t>(n));
    const auto slash = exe.find_last_of('/');
    return slash == std::string::npos ? std::string{} : exe.substr(0, slash);
}

// Where the bridge may be: $STLLAVA_SPM_BRIDGE, beside an installed program, the build tree.
std::vector<std::string> bridgeCandidates() {
    std::vector<std::string> c;
    if (const char* env = std::getenv("STLLAVA_SPM_BRIDGE"); env && *env) c.emplace_back(env);
    const std::string exe_dir = executableDir();
    const std::string name = "libstllava_spm_bridge.so";
    if (!exe_dir.empty()) {
        c.push_back(exe_dir + "/../" STLLAVA_SPM_BRIDGE_INSTALL_SUBDIR "/" + name);
        c.push_back(exe_dir + "/../lib/" + name);
        c.push_back(exe_dir + "/" + name);
    }
    c.emplace_back(STLLAVA_SPM_BRIDGE_BUILD_PATH);
    return c;
}

using DlopenFunction = void* (*)(const char*, int);

// The dlopen that opens the bridge. Under AddressSanitizer, dlopen is ASan's interceptor, which
// aborts the process on RTLD_DEEPBIND (a deep-bound library reaches libc's malloc and string
// functions instead of ASan's). The bridge needs RTLD_DEEPBIND (its protobuf copy, see
// CMakeLists.txt), so the sanitizer build calls libc's own dlopen, found in libc.so.6 (already
// loaded). What that costs: the calls sentencepiece and the bridge make straight to malloc/free
// and libc's string functions are not checked (sentencepiece is not instrumented anyway);
// everything else, our side of every bridge call included, is.
DlopenFunction bridgeDlopen() {
#ifdef STLLAVA_TOKENIZER_UNDER_ASAN
    if (void* libc = ::dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD))
        if (void* fn = ::dlsym(libc, "dlopen")) return reinterpret_cast<DlopenFunction>(fn);
#endif
    return &::dlopen;
}

template <typename F>
void resolve(BridgeApi& api, F& fn, const char* symbol) {
    fn = reinterpret_cast<F>(::dlsym(api.lib, symbol));
    if (!fn) throw std::runtime_error("tokenizer bridge '" + api.path + "' lacks symbol " + symbol);
}

const BridgeApi& bridge() {
    static std::once_flag once;
    static BridgeApi api;
    static std::string failure;
    std::call_once(once, [] {
        std::ostringstream tried;
        for (const auto& candidate : bridgeCandidates()) {
            if (!fileExists(candidate)) {
                tried << "\n  " << candidate << " (not found)";
                continue;
            }
            int flags = RTLD_NOW | RTLD_LOCAL;
#ifdef RTLD_DEEPBIND
            flags |= RTLD_DEEPBIND;  // the bridge binds to its own protobuf copy, not libtorch's
#endif
            void* lib = bridgeDlopen()(candidate.c_str(), flags);
            if (!lib) {
                tried << "\n  " << candidate << " (" << ::dlerror() << ")";
                continue;
            }
            api.lib = lib;
            api.path = candidate;
            break;
        }
        if (!api.lib) {
            failure = "cannot load the tokenizer library libstllava_spm_bridge.so; tried:" + tried.str() +
                      "\nSet STLLAVA_SPM_BRIDGE to its path.";
            return;
        }
        try {
            resolve(api, api.abi_version, "stllava_spm_abi_version");
            if (api.abi_version() != STLLAVA_SPM_BRIDGE_ABI)
                throw std::runtime_error("tokenizer bridge '" + api.path + "' has ABI " +
                                         std::to_string(api.abi_version()) + ", expected " +
                                         std::to_string(STLLAVA_SPM_BRIDGE_ABI));
            resolve(api, api.library_version, "stllava_spm_library_version");
            resolve(api, api.load, "stllava_spm_load");
            resolve(api, api.free, "stllava_spm_free");
            resolve(api, api.encode, "stllava_spm_encode");
            resolve(api, api.decode, "stllava_spm_decode");
            resolve(api, api.vocab_size, "stllava_spm_vocab_size");
            resolve(api, api.bos_id, "stllava_spm_bos_id");
            resolve(api, api.eos_id, "stllava_spm_eos_id");
            resolve(api, api.unk_id, "stllava_spm_unk_id");
            resolve(api, api.pad_id, "stllava_spm_pad_id");
            resolve(api, api.piece_to_id, "stllava_spm_piece_to_id");
            resolve(api, api.id_to_piece, "stllava_spm_id_to_piece");
            resolve(api, api.piece_kind, "stllava_spm_piece_kind");
            resolve(api, api.train, "stllava_spm_train");
        } catch (const std::exception& e) {
            failure = e.what();
            api.lib = nullptr;
        }
    });
    if (!api.lib) throw std::runtime_error(failure);
    return api;
}

constexpr std::size_t kErrCap = 1024;

}  // namespace

struct Tokenizer::Handle {
    stllava_spm* spm = nullptr;
    ~Handle() {
        if (spm) bridge().free(spm);
    }
};

std::string Tokenizer::bridgeInfo() {
    const auto& api = bridge();
    return api.path + " (sentencepiece " + api.library_version() + ")";
}

Tokenizer Tokenizer::load(const std::string& model_path) {
    const auto& api = bridge();
    struct stat st {};
    if (::stat(model_path.c_str(), &st) != 0)
        throw std::runtime_error("tokenizer model '" + model_path + "' does not exist");
    if (!S_ISREG(st.st_mode)) throw std::runtime_error("tokenizer model '" + model_path + "' is not a file");
    char err[kErrCap] = {0};
    stllava_spm* spm = api.load(model_path.c_str(), err, sizeof(err));
    if (!spm)
        throw std::runtime_error("tokenizer model '" + model_path +
                                 "' is not a valid sentencepiece model: " + std::string(err));
    Tokenizer t;
    t.handle_ = std::make_shared<Handle>();
    t.handle_->spm = spm;
    t.path_ = model_path;
    t.vocab_size_ = api.vocab_size(spm);
    t.bos_ = api.bos_id(spm);
    t.eos_ = api.eos_id(spm);
    t.unk_ = api.unk_id(spm);
    t.pad_ = api.pad_id(spm);
    if (t.vocab_size_ <= 0) throw std::runtime_error("tokenizer model '" + model_path + "' has an empty vocabulary");
    return t;
}

void Tokenizer::train(const TokenizerTrainOptions& o) {
    const auto& api = bridge();
    if (!fileExists(o.input_path)) throw std::runtime_error("tokenizer corpus '" + o.input_path + "' does not exist");
    for (const std::string* path : {&o.input_path, &o.model_prefix})
        if (path->find('\n') != std::string::npos)
            throw std::runtime_error("tokenizer path '" + *path + "' holds a line break");
    std::ostringstream args;  // one flag per line (see spm_bridge_api.h)
    args << "input=" << o.input_path << "\nmodel_prefix=" << o.model_prefix << "\nvocab_size=" << o.vocab_size
         << "\nmodel_type=" << o.model_type << "\nbyte_fallback=" << (o.byte_fallback ? "true" : "false")
         << "\ncharacter_coverage=" << o.character_coverage << "\nnum_threads=" << o.num_threads
         << "\nunk_id=" << o.unk_id << "\nbos_id=" << o.bos_id << "\neos_id=" << o.eos_id << "\npad_id=" << o.pad_id
         << "\nminloglevel=2\nsplit_digits=true\nallow_whitespace_only_pieces=true\nremove_extra_whitespaces=false"
         << "\nnormalization_rule_name=identity";
    if (!o.user_defined_symbols.empty()) {
        args << "\nuser_defined_symbols=";
        for (std::size_t i = 0; i < o.user_defined_symbols.size(); ++i)
            args << (i ? "," : "") << o.user_defined_symbols[i];
    }
    char err[kErrCap] = {0};
    if (api.train(args.str().c_str(), o.seed, err, sizeof(err)) != 0)
        throw std::runtime_error("training a tokenizer from '" + o.input_path + "' failed: " + std::string(err));
}

void Tokenizer::encodeInto(std::string_view text, std::vector<std::int32_t>& out) const {
    const auto& api = bridge();
    const std::size_t base = out.size();
    // A byte-fallback model makes at most one piece per byte (plus a prefix space): one call suffices.
    out.resize(base + text.size() + 4);
    char err[kErrCap] = {0};
    long n = api.encode(handle_->spm, text.data(), text.size(), out.data() + base, out.size() - base, err, sizeof(err));
    if (n >= 0 && static_cast<std::size_t>(n) > out.size() - base) {
        out.resize(base + static_cast<std::size_t>(n));
        n = api.encode(handle_->spm, text.data(), text.size(), out.data() + base, out.size() - base, err, sizeof(err));
    }
    if (n < 0) {
        out.resize(base);
        throw std::runtime_error("tokenizer '" + path_ + "' cannot encode text: " + std::string(err));
    }
    out.resize(base + static_cast<std::size_t>(n));
}

std::vector<std::int32_t> Tokenizer::encode(std::string_view text, bool add_bos, bool add_eos) const {
    std::vector<std::int32_t> ids;
    ids.reserve(text.size() + 4);
    if (add_bos && bos_ >= 0) ids.push_back(bos_);
    encodeInto(text, ids);
    if (add_eos && eos_ >= 0) ids.push_back(eos_);
    return ids;
}

std::string Tokenizer::decode(const std::int32_t* ids, std::size_t n) const {
    const auto& api = bridge();
    std::string out(n * 8 + 16, '\0');
    char err[kErrCap] = {0};
    long len = api.decode(handle_->spm, ids, n, out.data(), out.size(), err, sizeof(err));
    if (len >= 0 && static_cast<std::size_t>(len) > out.size()) {
        out.resize(static_cast<std::size_t>(len));
        len = api.decode(handle_->spm, ids, n, out.data(), out.size(), err, sizeof(err));
    }
    if (len < 0) throw std::runtime_error("tokenizer '" + path_ + "' cannot decode: " + std::string(err));
    out.resize(static_cast<std::size_t>(len));
    return out;
}

std::string Tokenizer::decode(const std::vector<std::int32_t>& ids) const { return decode(ids.data(), ids.size()); }

std::int32_t Tokenizer::pieceToId(std::string_view piece) const {
    return bridge().piece_to_id(handle_->spm, piece.data(), piece.size());
}

std::string Tokenizer::idToPiece(std::int32_t id) const {
    const auto& api = bridge();
    std::string out(32, '\0');
    long len = api.id_to_piece(handle_->spm, id, out.data(), out.size());
    if (len < 0)
        throw std::runtime_error("token id " + std::to_string(id) + " is outside the vocabulary of '" + path_ + "'");
    if (static_cast<std::size_t>(len) > out.size()) {
        out.resize(static_cast<std::size_t>(len));
        len = api.id_to_piece(handle_->spm, id, out.data(), out.size());
    }
    out.resize(static_cast<std::size_t>(len));
    return out;
}

Tokenizer::PieceKind Tokenizer::pieceKind(std::int32_t id) const {
    switch (bridge().piece_kind(handle_->spm, id)) {
        case 1: return PieceKind::Byte;
        case 2: return PieceKind::Control;
        case 3: return PieceKind::Unknown;
        default: return PieceKind::Normal;
    }
}

}  // namespace stllava
