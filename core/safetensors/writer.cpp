// safetensors writer: one file (atomic) or a sharded folder with its index.
#include "safetensors/safetensors.h"

#include "common/atomic_file.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>
#include <stdexcept>

namespace stllava::st {
namespace {

void checkNames(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors) {
    std::set<std::string> seen;
    for (const auto& [name, t] : tensors) {
        if (name == "__metadata__") throw std::runtime_error("safetensors file '" + path + "': \"__metadata__\" is not a tensor name");
        if (!seen.insert(name).second)
            throw std::runtime_error("safetensors file '" + path + "': tensor '" + name + "' given more than once");
        if (!t.defined()) throw std::runtime_error("safetensors file '" + path + "': tensor '" + name + "' is undefined");
    }
}

std::uint64_t byteSize(const torch::Tensor& t) { return static_cast<std::uint64_t>(t.numel()) * t.element_size(); }

}  // namespace

void save(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
          const std::map<std::string, std::string>& metadata) {
    checkNames(path, tensors);
    std::vector<torch::Tensor> cpu;
    cpu.reserve(tensors.size());
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) {
        auto& m = header["__metadata__"] = nlohmann::ordered_json::object();
        for (const auto& [k, v] : metadata) m[k] = v;
    }
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        std::string dtype;
        try {
            dtype = safetensorsDtypeName(tensor.scalar_type());
        } catch (const std::exception& e) {
            throw std::runtime_error("safetensors file '" + path + "': tensor '" + name + "': " + e.what());
        }
        cpu.push_back(tensor.detach().to(torch::kCPU).contiguous());
        const std::uint64_t bytes = byteSize(cpu.back());
        header[name] = {{"dtype", dtype}, {"shape", cpu.back().sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // data section 8-byte aligned, padded with spaces as the reference does
    std::uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<std::uint8_t>((static_cast<std::uint64_t>(text.size()) >> (8 * i)) & 0xFF);

    writeFileAtomicStreamed(path, [&](int fd) {
        writeAll(fd, len, sizeof(len), path);
        writeAll(fd, text.data(), text.size(), path);
        for (const auto& t : cpu)
            if (t.numel() > 0) writeAll(fd, t.data_ptr(), static_cast<std::size_t>(byteSize(t)), path);
    });
}

std::vector<std::string> saveSharded(const std::string& dir, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                                     std::uint64_t max_shard_bytes, const std::map<std::string, std::string>& metadata) {
    checkNames(dir, tensors);
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        throw std::runtime_error("cannot create folder '" + dir + "': " + std::strerror(errno));
    // Greedy packing in the given order, as transformers' shard_checkpoint does.
    std::vector<std::vector<std::pair<std::string, torch::Tensor>>> shards(1);
    std::uint64_t current = 0, total = 0;
    for (const auto& item : tensors) {
        const std::uint64_t bytes = byteSize(item.second);
        if (!shards.back().empty() && current + bytes > max_shard_bytes) {
            shards.emplace_back();
            current = 0;
        }
        shards.back().push_back(item);
        current += bytes;
        total += bytes;
    }
    std::vector<std::string> written;
    if (shards.size() == 1) {
        save(dir + "/model.safetensors", shards[0], metadata);
        written.push_back("model.safetensors");
        return written;
    }
    nlohmann::ordered_json weight_map = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < shards.size(); ++i) {
        char name[64];
        std::snprintf(name, sizeof(name), "model-%05zu-of-%05zu.safetensors", i + 1, shards.size());
        save(dir + "/" + name, shards[i], metadata);
        written.emplace_back(name);
        for (const auto& item : shards[i]) weight_map[item.first] = name;
    }
    nlohmann::ordered_json index = {{"metadata", {{"total_size", total}}}, {"weight_map", weight_map}};
    writeFileAtomic(dir + "/model.safetensors.index.json", index.dump(2) + "\n");
    written.emplace_back("model.safetensors.index.json");
    return written;
}

}  // namespace stllava::st
