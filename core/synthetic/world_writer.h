// Internal to core/synthetic: the state shared by the parts of generateWorld() (world.cpp writes the
// images, stage 1, the pool, the studies and world.json; world_benchmarks.cpp the three benchmarks).
#pragma once

#include "synthetic/findings.h"
#include "synthetic/world.h"

#include <nlohmann/json.hpp>

#include <string>

namespace stllava::synthetic {

class WorldWriter {
public:
    WorldWriter(const WorldOptions& options, const ProgressFn& progress);

    const WorldOptions& options() const { return m_options; }
    const WorldCounts& counts() const { return m_counts; }
    WorldSummary& summary() { return m_summary; }

    // Generates an image of `modality` from (seed, part, index), writes it as PNG at `relPath` (relative to
    // the world folder) and its findings file; records it in the index. Returns its findings.
    ImageFindings image(Modality modality, const std::string& part, int index, const std::string& imageId,
                        const std::string& relPath);
    // Writes JSON (pretty, 1-space indent) atomically at `relPath`.
    void json(const std::string& relPath, const nlohmann::json& j);
    // Writes bytes atomically and counts them.
    void bytes(const std::string& relPath, const std::string& data);
    // Records an image (path relative to the world folder) written elsewhere and its findings.
    void recordImage(const std::string& relPath, const ImageFindings& f);
    void findings(const ImageFindings& f);
    // Reports progress; throws Cancelled when the callback says stop.
    void tick(const std::string& stage, int done, int total);
    std::string path(const std::string& relPath) const;  // absolute, parent folders created
    const nlohmann::json& index() const { return m_index; }

private:
    WorldOptions m_options;
    WorldCounts m_counts;
    ProgressFn m_progress;
    WorldSummary m_summary;
    nlohmann::json m_index = nlohmann::json::object();  // image path -> image id
};

// The three benchmarks (world_benchmarks.cpp).
void writeVqaRad(WorldWriter& w);
void writeSlake(WorldWriter& w);
void writePathVqa(WorldWriter& w);

// "%06d"
std::string zeroPadded(int value, int width);

}  // namespace stllava::synthetic
