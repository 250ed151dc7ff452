#include "common/moved_path.h"

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace stllava {

std::string relocatedPath(const std::string& recorded, const std::string& anchor_dir, int parents) {
    std::error_code ec;
    if (recorded.empty() || fs::exists(recorded, ec) || anchor_dir.empty()) return recorded;
    std::vector<fs::path> parts;
    for (const auto& p : fs::path(recorded).lexically_normal()) {
        const auto s = p.string();
        if (!s.empty() && s != "/" && s != "." && s != "..") parts.push_back(p);
    }
    std::vector<fs::path> anchors{fs::path(anchor_dir).lexically_normal()};
    for (int i = 0; i < parents; ++i) {
        const auto up = anchors.back().parent_path();
        if (up.empty() || up == anchors.back()) break;
        anchors.push_back(up);
    }
    // Longest tails first, down to two parts.
    for (std::size_t len = parts.size(); len >= 2; --len) {
        fs::path tail;
        for (std::size_t i = parts.size() - len; i < parts.size(); ++i) tail /= parts[i];
        for (const auto& a : anchors) {
            const fs::path candidate = a / tail;
            if (fs::exists(candidate, ec)) return candidate.string();
        }
    }
    return recorded;
}

}  // namespace stllava
