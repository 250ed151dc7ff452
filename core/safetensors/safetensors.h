// safetensors I/O (https://github.com/huggingface/safetensors format): 8-byte little-endian header
// length N, N bytes of JSON {name: {dtype, shape, data_offsets:[begin,end]}, "__metadata__": {...}},
// then raw little-endian row-major data. Reading is memory-mapped; tensors are materialised on load
// with dtype conversion. Every error names the file and, where it applies, the tensor.
//
// INTERFACE CONTRACT (used by core/model, core/lora, core/training): keep these signatures.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stllava::st {

struct TensorInfo {
    std::string name;
    std::string dtype;                // as in the file: "F32", "BF16", "F16", "I64", "F8_E4M3", ...
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0, end = 0;  // byte offsets relative to the start of the data section
};

// One .safetensors file, memory-mapped (read-only) for its lifetime. Immutable after open():
// load() may run from several threads at once. The file must not be truncated while open.
class File {
public:
    // Validates the whole header up front (size cap 100 MB, JSON, dtypes, shape x dtype = bytes,
    // offsets contiguous, in bounds and non-overlapping, no duplicate names).
    // Errors: std::runtime_error "safetensors file '<path>': [tensor '<name>': ]<problem>".
    static std::shared_ptr<File> open(const std::string& path);
    ~File();
    File(const File&) = delete;
    File& operator=(const File&) = delete;

    const std::string& path() const { return path_; }
    const std::vector<TensorInfo>& tensors() const { return tensors_; }  // in file (data offset) order
    const TensorInfo* find(const std::string& name) const;              // nullptr when absent
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    // A CPU tensor owning its memory (a copy out of the map), converted to `dtype` when given.
    // Without `dtype` the result has torchDtypeFor(info.dtype). Throws naming file and tensor
    // (absent name, U64 values above INT64_MAX).
    torch::Tensor load(const std::string& name, std::optional<torch::Dtype> dtype = std::nullopt) const;

private:
    File() = default;
    std::string path_;
    void* map_ = nullptr;
    std::size_t map_size_ = 0;
    const std::uint8_t* data_ = nullptr;  // start of the data section
    std::vector<TensorInfo> tensors_;
    std::map<std::string, std::size_t> index_;
    std::map<std::string, std::string> metadata_;
};

// A checkpoint: a single file, or a folder with model.safetensors, or a sharded folder with
// model.safetensors.index.json (its weight_map names the shard of each tensor).
class Checkpoint {
public:
    // `path` is a .safetensors file, an index .json file, or a folder holding either.
    static Checkpoint open(const std::string& path);
    std::vector<std::string> names() const;  // sorted
    bool contains(const std::string& name) const;
    const TensorInfo& info(const std::string& name) const;  // throws naming the checkpoint
    torch::Tensor load(const std::string& name, std::optional<torch::Dtype> dtype = std::nullopt) const;
    const std::string& path() const { return path_; }
    std::map<std::string, std::string> metadata() const;  // merged __metadata__ of all shards

private:
    std::string path_;
    std::map<std::string, std::shared_ptr<File>> by_name_;
};

// Writes tensors (any device; contiguous copies are made) atomically: temporary file, fsync,
// rename. Names must be unique. Dtypes: bool, uint8, int8, int16, int32, int64, float16,
// bfloat16, float32, float64, complex64. The header is padded with spaces to a multiple of 8 bytes.
void save(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
          const std::map<std::string, std::string>& metadata = {});

// The torch dtype File::load gives for a file dtype: "F32" -> torch::kFloat32 etc. Types libtorch
// 1.13 cannot hold are widened on load: U16 -> int32, U32/U64 -> int64, and the float8 types
// F8_E4M3, F8_E5M2, F8_E4M3FNUZ, F8_E5M2FNUZ, F8_E8M0 -> float32 (decoded exactly); C64 ->
// complex64. Throws for other names (including the sub-byte F4/F6_* of newer files).
torch::Dtype torchDtypeFor(const std::string& safetensors_dtype);
// torch::kFloat32 -> "F32" etc. for the dtypes save() writes; throws for others (complex, qint...).
std::string safetensorsDtypeName(torch::Dtype dtype);
// Bytes per element of a file dtype ("BF16" -> 2); throws for unknown names.
std::size_t safetensorsDtypeSize(const std::string& safetensors_dtype);

// Writes a sharded checkpoint into folder `dir`: shards "model-00001-of-0000N.safetensors" of at
// most `max_shard_bytes` of tensor data each (a larger tensor gets a shard of its own), and
// "model.safetensors.index.json" {"metadata":{"total_size":bytes},"weight_map":{name:shard}}, as
// Hugging Face writes them. A single shard is written as "model.safetensors" with no index.
// Returns the files written (names relative to `dir`).
std::vector<std::string> saveSharded(const std::string& dir,
                                     const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                                     std::uint64_t max_shard_bytes,
                                     const std::map<std::string, std::string>& metadata = {});

}  // namespace stllava::st
