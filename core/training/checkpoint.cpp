#include "training/checkpoint.h"

#include "common/atomic_file.h"
#include "safetensors/safetensors.h"
#include "training/digest.h"

#include <ATen/CPUGeneratorImpl.h>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace stllava::training {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kFormat = "stllava-training-checkpoint";

void fsyncPath(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open '" + path + "' to sync it");
    ::fsync(fd);
    ::close(fd);
}

std::string stepName(std::int64_t step) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "checkpoint-%08lld", static_cast<long long>(step));
    return buf;
}

std::int64_t stepOf(const std::string& name) {
    if (name.rfind("checkpoint-", 0) != 0) return -1;
    try {
        std::size_t used = 0;
        const long long v = std::stoll(name.substr(11), &used);
        return used == name.size() - 11 ? v : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

// A hidden working folder beside the checkpoints: "." + stepName + ".tmp-<pid>" (being written) or
// ".old-<pid>" (being removed). Never listed as a checkpoint.
std::string hiddenName(std::int64_t step, const char* kind) {
    return "." + stepName(step) + "." + kind + "-" + std::to_string(::getpid());
}

// The process that owns a hidden working folder, from its name; -1 when the name is not one.
pid_t ownerOf(const std::string& name) {
    if (name.rfind(".checkpoint-", 0) != 0) return -1;
    const auto dash = name.find_last_of('-');
    const auto kind = name.find_last_of('.');
    if (dash == std::string::npos || kind == std::string::npos || kind > dash) return -1;
    const std::string k = name.substr(kind + 1, dash - kind - 1);
    if (k != "tmp" && k != "old") return -1;
    try {
        std::size_t used = 0;
        const long v = std::stol(name.substr(dash + 1), &used);
        return used == name.size() - dash - 1 && v > 0 ? static_cast<pid_t>(v) : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

}  // namespace

void removeStaleWorkFolders(const std::string& output_dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(output_dir, ec)) {
        const pid_t owner = ownerOf(e.path().filename().string());
        if (owner <= 0 || owner == ::getpid()) continue;
        if (::kill(owner, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
        std::error_code rm;
        fs::remove_all(e.path(), rm);
    }
}

namespace {

// Removes a folder without ever leaving it torn under its own name: renamed to a hidden name
// first, then deleted.
void removeCheckpointFolder(const std::string& dir, std::int64_t step) {
    const std::string old = (fs::path(dir).parent_path() / hiddenName(step, "old")).string();
    fs::remove_all(old);
    fs::rename(dir, old);
    fs::remove_all(old);
}

NamedTensors loadAll(const std::string& path) {
    auto f = st::File::open(path);
    NamedTensors out;
    for (const auto& info : f->tensors()) out.emplace_back(info.name, f->load(info.name));
    return out;
}

std::vector<std::string> filesUnder(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir).string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

std::string writeCheckpoint(const std::string& output_dir, std::int64_t step, const CheckpointData& data,
                            int keep_last, const std::function<void(const std::string& dir)>& extra) {
    const std::string final_dir = (fs::path(output_dir) / stepName(step)).string();
    const std::string tmp_dir = (fs::path(output_dir) / hiddenName(step, "tmp")).string();
    try {
        fs::create_directories(output_dir);
        removeStaleWorkFolders(output_dir);
        fs::remove_all(tmp_dir);
        fs::create_directories(tmp_dir);
        st::save(tmp_dir + "/trainable.safetensors", data.trainable, {{"format", "pt"}});
        st::save(tmp_dir + "/optimizer.safetensors", data.optimizer);
        st::save(tmp_dir + "/rng.safetensors", data.rng);
        writeFileAtomic(tmp_dir + "/state.json", data.state.dump(2));
        if (extra) extra(tmp_dir);
        json manifest = {{"format", kFormat}, {"version", 1}, {"step", step}, {"files", json::object()}};
        for (const auto& rel : filesUnder(tmp_dir)) {
            const std::string bytes = readFile(tmp_dir + "/" + rel);
            manifest["files"][rel] = {{"size", bytes.size()}, {"fnv1a64", hex64(fnv1aWords(bytes.data(), bytes.size()))}};
        }
        writeFileAtomic(tmp_dir + "/manifest.json", manifest.dump(2));
        for (const auto& e : fs::recursive_directory_iterator(tmp_dir))
            if (e.is_directory()) fsyncPath(e.path().string());
        fsyncPath(tmp_dir);
        // A checkpoint of the same step (an abandoned course's): moved aside, never deleted in place,
        // so a crash leaves it whole, or absent with the older ones intact.
        const std::string old = (fs::path(output_dir) / hiddenName(step, "old")).string();
        const bool replacing = fs::exists(final_dir);
        if (replacing) {
            fs::remove_all(old);
            fs::rename(final_dir, old);
        }
        fs::rename(tmp_dir, final_dir);
        fsyncPath(output_dir);
        if (replacing) fs::remove_all(old);
    } catch (const std::exception& e) {
        std::error_code ec;
        fs::remove_all(tmp_dir, ec);
        throw std::runtime_error("writing checkpoint '" + final_dir + "' failed: " + e.what());
    }
    if (keep_last > 0) {
        auto all = listCheckpoints(output_dir);
        for (std::size_t i = 0; i + static_cast<std::size_t>(keep_last) < all.size(); ++i) {
            try {
                removeCheckpointFolder(all[i], stepOf(fs::path(all[i]).filename().string()));
            } catch (const std::exception&) {
                // an old checkpoint that cannot be removed stays whole; the next write tries again
            }
        }
    }
    return final_dir;
}

void verifyCheckpoint(const std::string& dir) {
    const auto fail = [&dir](const std::string& what) {
        return std::runtime_error("checkpoint '" + dir + "' is corrupted or incomplete: " + what +
                                  "; resume from an older checkpoint or start afresh");
    };
    if (!fs::is_directory(dir)) throw std::runtime_error("checkpoint '" + dir + "' does not exist");
    json manifest;
    try {
        manifest = json::parse(readFile(dir + "/manifest.json"));
    } catch (const std::exception& e) {
        throw fail(std::string("manifest.json unreadable (") + e.what() + ")");
    }
    if (manifest.value("format", "") != kFormat || !manifest.contains("files")) throw fail("manifest.json is not a checkpoint manifest");
    for (const char* required : {"trainable.safetensors", "optimizer.safetensors", "rng.safetensors", "state.json"})
        if (!manifest["files"].contains(required)) throw fail(std::string("manifest lists no ") + required);
    for (const auto& [rel, info] : manifest["files"].items()) {
        std::string bytes;
        try {
            bytes = readFile(dir + "/" + rel);
        } catch (const std::exception&) {
            throw fail(rel + " is missing");
        }
        if (bytes.size() != info.value("size", std::uint64_t{0}))
            throw fail(rel + " has " + std::to_string(bytes.size()) + " bytes, the manifest says " +
                       std::to_string(info.value("size", std::uint64_t{0})));
        if (hex64(fnv1aWords(bytes.data(), bytes.size())) != info.value("fnv1a64", ""))
            throw fail(rel + " checksum mismatch (its content changed after it was written)");
    }
}

CheckpointData readCheckpoint(const std::string& dir) {
    verifyCheckpoint(dir);
    CheckpointData d;
    d.trainable = loadAll(dir + "/trainable.safetensors");
    d.optimizer = loadAll(dir + "/optimizer.safetensors");
    d.rng = loadAll(dir + "/rng.safetensors");
    d.state = json::parse(readFile(dir + "/state.json"));
    if (!d.state.contains("step")) throw std::runtime_error("checkpoint '" + dir + "': state.json has no step");
    return d;
}

std::vector<std::string> listCheckpoints(const std::string& output_dir) {
    std::vector<std::pair<std::int64_t, std::string>> found;
    std::error_code ec;
    if (!fs::is_directory(output_dir, ec)) return {};
    for (const auto& e : fs::directory_iterator(output_dir)) {
        const std::int64_t s = stepOf(e.path().filename().string());
        if (s >= 0 && e.is_directory()) found.emplace_back(s, e.path().string());
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(f.second);
    return out;
}

std::string latestCheckpoint(const std::string& output_dir) {
    auto all = listCheckpoints(output_dir);
    return all.empty() ? "" : all.back();
}

NamedTensors captureRngState() {
    NamedTensors out;
    out.emplace_back("cpu", at::detail::getDefaultCPUGenerator().get_state());
    if (torch::cuda::is_available())
        for (std::size_t i = 0; i < torch::cuda::device_count(); ++i) {
            auto gen = at::globalContext().defaultGenerator(at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(i)));
            std::lock_guard<std::mutex> lock(gen.mutex());
            out.emplace_back("cuda:" + std::to_string(i), gen.get_state());
        }
    return out;
}

void restoreRngState(const NamedTensors& rng) {
    for (const auto& [name, t] : rng) {
        if (name == "cpu") {
            auto gen = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(t);
        } else if (name.rfind("cuda:", 0) == 0 && torch::cuda::is_available()) {
            const auto index = static_cast<std::size_t>(std::stoul(name.substr(5)));
            if (index >= torch::cuda::device_count()) continue;  // fewer devices now: those states are not needed
            auto gen = at::globalContext().defaultGenerator(at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index)));
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(t);
        }
    }
}

}  // namespace stllava::training
