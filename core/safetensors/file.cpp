// safetensors reader: memory map, strict header validation, tensor materialisation.
#include "safetensors/safetensors.h"

#include "safetensors/dtypes.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "safetensors data is little-endian; this reader copies bytes as they are");

namespace stllava::st {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 100ull * 1000 * 1000;  // the reference implementation's cap

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw std::runtime_error("safetensors file '" + path + "': " + problem);
}
[[noreturn]] void failTensor(const std::string& path, const std::string& tensor, const std::string& problem) {
    throw std::runtime_error("safetensors file '" + path + "': tensor '" + tensor + "': " + problem);
}

// nlohmann keeps the last of duplicate keys silently; this parse callback sees every key and
// tracks one set per open object, so any duplicate (tensor names, fields, metadata) is an error.
struct DuplicateKeyCheck {
    std::vector<std::set<std::string>> open_objects;
    std::string duplicate;
    std::size_t duplicate_level = 0;  // 1 = a top-level key (a tensor name)

    bool operator()(int /*depth*/, nlohmann::ordered_json::parse_event_t event, nlohmann::ordered_json& parsed) {
        using E = nlohmann::ordered_json::parse_event_t;
        if (event == E::object_start) {
            open_objects.emplace_back();
        } else if (event == E::object_end) {
            if (!open_objects.empty()) open_objects.pop_back();
        } else if (event == E::key && !open_objects.empty()) {
            const std::string key = parsed.get<std::string>();
            if (!open_objects.back().insert(key).second && duplicate.empty()) {
                duplicate = key;
                duplicate_level = open_objects.size();
            }
        }
        return true;
    }
};

std::uint64_t readLe64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

std::string shapeString(const std::vector<std::int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

TensorInfo parseEntry(const std::string& path, const std::string& name, const nlohmann::ordered_json& entry) {
    if (!entry.is_object()) failTensor(path, name, "header entry is not a JSON object");
    TensorInfo info;
    info.name = name;
    const auto dtype = entry.find("dtype");
    if (dtype == entry.end() || !dtype->is_string()) failTensor(path, name, "missing or non-string \"dtype\"");
    info.dtype = dtype->get<std::string>();
    if (!isKnownDtype(info.dtype)) failTensor(path, name, "unknown dtype \"" + info.dtype + "\"");

    const auto shape = entry.find("shape");
    if (shape == entry.end() || !shape->is_array()) failTensor(path, name, "missing or non-array \"shape\"");
    std::uint64_t elements = 1;
    for (const auto& d : *shape) {
        if (!d.is_number_unsigned()) failTensor(path, name, "shape entries must be non-negative integers");
        const std::uint64_t v = d.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(INT64_MAX) || __builtin_mul_overflow(elements, v, &elements))
            failTensor(path, name, "shape is too large");
        info.shape.push_back(static_cast<std::int64_t>(v));
    }

    const auto offsets = entry.find("data_offsets");
    if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
        !(*offsets)[1].is_number_unsigned())
        failTensor(path, name, "\"data_offsets\" must be [begin, end] with non-negative integers");
    info.begin = (*offsets)[0].get<std::uint64_t>();
    info.end = (*offsets)[1].get<std::uint64_t>();
    if (info.end < info.begin)
        failTensor(path, name, "data_offsets end " + std::to_string(info.end) + " is before begin " + std::to_string(info.begin));

    std::uint64_t bytes = 0;
    if (__builtin_mul_overflow(elements, static_cast<std::uint64_t>(safetensorsDtypeSize(info.dtype)), &bytes))
        failTensor(path, name, "shape is too large");
    if (bytes != info.end - info.begin)
        failTensor(path, name,
                   "shape " + shapeString(info.shape) + " x " + info.dtype + " needs " + std::to_string(bytes) +
                       " bytes but data_offsets [" + std::to_string(info.begin) + ", " + std::to_string(info.end) +
                       "] hold " + std::to_string(info.end - info.begin));
    return info;
}

}  // namespace

File::~File() {
    if (map_ && map_ != MAP_FAILED) ::munmap(map_, map_size_);
}

std::shared_ptr<File> File::open(const std::string& path) {
    std::shared_ptr<File> file(new File());
    file->path_ = path;

    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        fail(path, std::string("cannot stat: ") + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(path, "not a regular file");
    }
    const auto file_size = static_cast<std::uint64_t>(st.st_size);
    if (file_size < 8) {
        ::close(fd);
        fail(path, "file is " + std::to_string(file_size) + " bytes, too short for the 8-byte header length");
    }
    void* map = ::mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int map_errno = errno;
    ::close(fd);
    if (map == MAP_FAILED) fail(path, std::string("cannot memory-map: ") + std::strerror(map_errno));
    file->map_ = map;
    file->map_size_ = file_size;
    const auto* bytes = static_cast<const std::uint8_t*>(map);

    const std::uint64_t header_len = readLe64(bytes);
    if (header_len > kMaxHeaderBytes)
        fail(path, "header length " + std::to_string(header_len) + " exceeds the 100 MB limit (corrupt or not a safetensors file)");
    if (header_len > file_size - 8)
        fail(path, "header length " + std::to_string(header_len) + " is larger than the file (" + std::to_string(file_size) +
                       " bytes; truncated or not a safetensors file)");
    const char* header_begin = reinterpret_cast<const char*>(bytes + 8);
    const std::uint64_t data_size = file_size - 8 - header_len;
    file->data_ = bytes + 8 + header_len;

    DuplicateKeyCheck dup;
    nlohmann::ordered_json header;
    try {
        header = nlohmann::ordered_json::parse(header_begin, header_begin + header_len, std::ref(dup));
    } catch (const nlohmann::json::exception& e) {
        fail(path, std::string("header is not valid JSON: ") + e.what());
    }
    if (!dup.duplicate.empty()) {
        if (dup.duplicate_level == 1) failTensor(path, dup.duplicate, "name appears more than once in the header");
        fail(path, "duplicate key \"" + dup.duplicate + "\" in the header");
    }
    if (!header.is_object()) fail(path, "header is not a JSON object");

    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it.value().is_object()) fail(path, "\"__metadata__\" is not an object");
            for (auto m = it.value().begin(); m != it.value().end(); ++m) {
                if (!m.value().is_string()) fail(path, "metadata value of \"" + m.key() + "\" is not a string");
                file->metadata_[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        file->tensors_.push_back(parseEntry(path, it.key(), it.value()));
    }

    // Offsets: sorted, they must tile [0, data_size) exactly: no gap, no overlap, nothing beyond.
    std::stable_sort(file->tensors_.begin(), file->tensors_.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    std::uint64_t expected = 0;
    const TensorInfo* previous = nullptr;
    for (const auto& t : file->tensors_) {
        if (t.end > data_size)
            failTensor(path, t.name,
                       "data_offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end) + "] run past the end of the data (" +
                           std::to_string(data_size) + " bytes; file truncated?)");
        if (t.begin < expected)
            failTensor(path, t.name, "data_offsets overlap tensor '" + (previous ? previous->name : std::string()) + "'");
        if (t.begin > expected)
            failTensor(path, t.name,
                       "gap of " + std::to_string(t.begin - expected) + " bytes before its data (offsets must be contiguous)");
        expected = t.end;
        previous = &t;
    }
    if (expected != data_size)
        fail(path, std::to_string(data_size - expected) + " bytes after the last tensor's data (offsets must cover the data exactly)");

    for (std::size_t i = 0; i < file->tensors_.size(); ++i) file->index_[file->tensors_[i].name] = i;
    return file;
}

const TensorInfo* File::find(const std::string& name) const {
    const auto it = index_.find(name);
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

torch::Tensor File::load(const std::string& name, std::optional<torch::Dtype> dtype) const {
    const TensorInfo* info = find(name);
    if (!info) failTensor(path_, name, "no such tensor in the file");
    torch::Tensor t;
    try {
        t = materialise(*info, data_ + info->begin);
    } catch (const std::exception& e) {
        failTensor(path_, name, e.what());
    }
    if (dtype && t.scalar_type() != *dtype) t = t.to(*dtype);
    return t;
}

}  // namespace stllava::st
