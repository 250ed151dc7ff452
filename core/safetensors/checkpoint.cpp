// A checkpoint made of one safetensors file or of shards listed by an index .json.
#include "safetensors/safetensors.h"

#include "common/atomic_file.h"

#include <nlohmann/json.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace stllava::st {
namespace {

bool isDir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
bool isFile(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
std::string parentOf(const std::string& p) {
    const auto slash = p.find_last_of('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : p.substr(0, slash));
}

std::vector<std::string> listFiles(const std::string& dir, const std::string& suffix) {
    std::vector<std::string> out;
    std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), &::closedir);
    if (!d) return out;
    while (const dirent* e = ::readdir(d.get())) {
        const std::string name = e->d_name;
        if (endsWith(name, suffix) && isFile(dir + "/" + name)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

}  // namespace

Checkpoint Checkpoint::open(const std::string& path) {
    std::string target = path;
    if (isDir(path)) {
        const auto indexes = listFiles(path, ".safetensors.index.json");
        const auto files = listFiles(path, ".safetensors");
        if (isFile(path + "/model.safetensors.index.json")) {
            target = path + "/model.safetensors.index.json";
        } else if (isFile(path + "/model.safetensors")) {
            target = path + "/model.safetensors";
        } else if (indexes.size() == 1) {
            target = path + "/" + indexes[0];
        } else if (indexes.empty() && files.size() == 1) {
            target = path + "/" + files[0];
        } else if (indexes.empty() && files.empty()) {
            throw std::runtime_error("checkpoint folder '" + path + "' holds no .safetensors file (a pickle .bin must be converted first)");
        } else {
            throw std::runtime_error("checkpoint folder '" + path + "' is ambiguous: no model.safetensors[.index.json] and several candidates: " +
                                     joinNames(indexes.empty() ? files : indexes) + "; give the file itself");
        }
    } else if (!isFile(path)) {
        throw std::runtime_error("checkpoint '" + path + "' does not exist");
    }

    Checkpoint ck;
    ck.path_ = path;
    if (!endsWith(target, ".json")) {
        const auto file = File::open(target);
        for (const auto& t : file->tensors()) ck.by_name_[t.name] = file;
        return ck;
    }

    nlohmann::json index;
    try {
        index = nlohmann::json::parse(readFile(target));
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error("checkpoint index '" + target + "' is not valid JSON: " + e.what());
    }
    const auto wm = index.find("weight_map");
    if (!index.is_object() || wm == index.end() || !wm->is_object())
        throw std::runtime_error("checkpoint index '" + target + "' has no \"weight_map\" object");
    const std::string folder = parentOf(target);
    std::map<std::string, std::shared_ptr<File>> shards;
    for (auto it = wm->begin(); it != wm->end(); ++it) {
        if (!it.value().is_string())
            throw std::runtime_error("checkpoint index '" + target + "': weight_map entry of tensor '" + it.key() + "' is not a file name");
        const std::string shard = it.value().get<std::string>();
        if (shard.empty() || shard.find('/') != std::string::npos || shard == "." || shard == "..")
            throw std::runtime_error("checkpoint index '" + target + "': tensor '" + it.key() + "' names shard '" + shard +
                                     "', which is not a plain file name beside the index");
        auto& file = shards[shard];
        if (!file) {
            if (!isFile(folder + "/" + shard))
                throw std::runtime_error("checkpoint index '" + target + "': shard '" + shard + "' (holding tensor '" + it.key() + "') is missing");
            file = File::open(folder + "/" + shard);
        }
        if (!file->find(it.key()))
            throw std::runtime_error("checkpoint index '" + target + "': tensor '" + it.key() + "' is not in its shard '" + file->path() + "'");
        ck.by_name_[it.key()] = file;
    }
    return ck;
}

std::vector<std::string> Checkpoint::names() const {
    std::vector<std::string> out;
    out.reserve(by_name_.size());
    for (const auto& kv : by_name_) out.push_back(kv.first);
    return out;
}

bool Checkpoint::contains(const std::string& name) const { return by_name_.count(name) > 0; }

const TensorInfo& Checkpoint::info(const std::string& name) const {
    const auto it = by_name_.find(name);
    if (it == by_name_.end()) throw std::runtime_error("checkpoint '" + path_ + "': no tensor '" + name + "'");
    return *it->second->find(name);
}

torch::Tensor Checkpoint::load(const std::string& name, std::optional<torch::Dtype> dtype) const {
    const auto it = by_name_.find(name);
    if (it == by_name_.end()) throw std::runtime_error("checkpoint '" + path_ + "': no tensor '" + name + "'");
    return it->second->load(name, dtype);
}

std::map<std::string, std::string> Checkpoint::metadata() const {
    std::map<std::string, std::string> merged;
    std::set<const File*> seen;
    for (const auto& kv : by_name_)
        if (seen.insert(kv.second.get()).second)
            for (const auto& m : kv.second->metadata()) merged.emplace(m.first, m.second);
    return merged;
}

}  // namespace stllava::st
