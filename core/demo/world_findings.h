// The hidden findings of the images a self-training job was generated on, looked up through the
// synthetic world's index (world.json) and read once per image. Shared by the oracle judge and the
// learned judge's dataset. Plain C++ (no torch, no Qt).
#pragma once

#include "selftrain/job_records.h"
#include "synthetic/findings.h"
#include "synthetic/world.h"

#include <map>
#include <string>

namespace stllava::demo {

class WorldFindings {
public:
    // Throws std::runtime_error naming world.json when the world's index cannot be read.
    explicit WorldFindings(const std::string& world_dir);
    // The findings of the item's image; throws std::runtime_error naming the item when its image is
    // not part of the world or its findings file cannot be read.
    const synthetic::ImageFindings& of(const selftrain::GeneratedItem& item);

private:
    synthetic::WorldIndex index_;
    std::map<std::string, synthetic::ImageFindings> cache_;
};

}  // namespace stllava::demo
