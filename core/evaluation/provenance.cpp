#include "evaluation/provenance.h"

#include "evaluation/benchmark.h"
#include "common/sha256.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace stllava::eval {

namespace fs = std::filesystem;

nlohmann::json fileDigest(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw InputError(path + ": " + ec.message());
    try {
        return {{"path", path}, {"bytes", size}, {"sha256", sha256File(path)}};
    } catch (const std::runtime_error& e) {
        throw InputError(e.what());
    }
}

nlohmann::json modelDigest(const std::string& dir, bool hash_weights) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(dir + ": not a folder (expected a model folder)");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file()) files.push_back(e.path());
    if (ec) throw InputError(dir + ": " + ec.message());
    std::sort(files.begin(), files.end());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : files) {
        const std::string ext = p.extension().string();
        const bool weights = ext == ".safetensors" || ext == ".bin" || ext == ".pt" || ext == ".pth";
        nlohmann::json f = {{"name", p.filename().string()}, {"bytes", fs::file_size(p, ec)}};
        if (!weights || hash_weights) {
            try {
                f["sha256"] = sha256File(p.string());
            } catch (const std::runtime_error& e) {
                throw InputError(e.what());
            }
        } else {
            f["sha256"] = nullptr;  // not hashed (pass --hash-weights)
        }
        list.push_back(std::move(f));
    }
    return {{"path", dir}, {"files", list}};
}

std::string utcNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace stllava::eval
