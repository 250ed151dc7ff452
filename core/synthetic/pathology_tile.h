// Pathology-like RGB tiles (H&E stain, colon-like mucosa), rendered in optical density space
// (hematoxylin and eosin absorption, Beer-Lambert) so the colours behave like a real stain: pink
// stroma, purple nuclei, white lumina, red blood cells. Tissue types: normal (regular glands with basal
// nuclei, low or moderate cellularity), inflamed (dense small round lymphocytes, congested vessels),
// carcinoma (crowded large pleomorphic nuclei, irregular glands or solid sheets, often necrosis).
// Deterministic from the seed.
#pragma once

#include "imaging/image_types.h"
#include "synthetic/findings.h"
#include "synthetic/rng.h"

#include <cstdint>
#include <string>

namespace stllava::synthetic {

struct PathologyOptions {
    int size = 256;  // square tile side in pixels (128..512)
    double micronsPerPixel = 1.0;
};

struct PathologySpec {
    TissueType tissue = TissueType::Normal;
    int glands = 3;   // 0..6
    int vessels = 1;  // 0..3
    bool necrosis = false;
    double cellularity = 1.0;  // stroma nuclei scale: 0.5 (sparse) .. 2.0 (crowded)
};

PathologySpec samplePathologySpec(Rng& rng);

// Nuclei per 256 x 256 pixels at which the density becomes moderate / high.
constexpr int kModerateDensityNuclei = 150;
constexpr int kHighDensityNuclei = 300;
Density densityForCount(int nuclei, int size);

struct PathologyTile {
    RgbImage image;
    ImageFindings findings;  // modality Pathology
};

PathologyTile renderPathologyTile(const PathologySpec& spec, std::uint64_t seed, const std::string& imageId,
                                  const PathologyOptions& options = {});
PathologyTile generatePathologyTile(std::uint64_t seed, const std::string& imageId,
                                    const PathologyOptions& options = {});

}  // namespace stllava::synthetic
