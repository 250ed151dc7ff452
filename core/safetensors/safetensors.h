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

// One .safetensors file, memory-mapped for its lifetime.
class File {
public:
    // Validates the whole header up front (size cap 100 MB, JSON, dtypes, shape x dtype = bytes,
    // offsets contiguous, in bounds and non-overlapping, no duplicate names).
    static std::shared_ptr<File> open(const std::string& path);
    ~File();

    const std::string& path() const { return path_; }
    const std::vector<TensorInfo>& tensors() const { return tensors_; }  // in file order
    const TensorInfo* find(const std::string& name) const;              // nullptr when absent
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    // A CPU tensor owning its memory (a copy out of the map), converted to `dtype` when given.
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
// bfloat16, float32, float64.
void save(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
          const std::map<std::string, std::string>& metadata = {});

// "F32" -> torch::kFloat32 etc.; throws for dtypes libtorch cannot hold (U16, U32, U64 in 1.13 are
// widened on load: U16 -> int32, U32/U64 -> int64).
torch::Dtype torchDtypeFor(const std::string& safetensors_dtype);
std::string safetensorsDtypeName(torch::Dtype dtype);

}  // namespace stllava::st
