#include "demo/world_findings.h"

#include "synthetic/findings_json.h"

#include <stdexcept>

namespace stllava::demo {

WorldFindings::WorldFindings(const std::string& world_dir) : index_(synthetic::readWorldIndex(world_dir)) {}

const synthetic::ImageFindings& WorldFindings::of(const selftrain::GeneratedItem& item) {
    const auto it = cache_.find(item.image);
    if (it != cache_.end()) return it->second;
    try {
        return cache_.emplace(item.image, synthetic::readFindingsFile(index_.findingsPath(item.image)))
            .first->second;
    } catch (const std::exception& e) {
        throw std::runtime_error("item '" + item.item_id + "': " + e.what());
    }
}

}  // namespace stllava::demo
