// Chest-radiograph-like greyscale images (PA view): body outline, lungs with vascular markings, heart,
// mediastinum, spine, ribs and clavicles; findings drawn on top: a pulmonary nodule (side, size in mm),
// pleural effusion (side), pneumothorax (side) and cardiomegaly. Deterministic from the seed.
// Patient's right is on the viewer's left (radiological convention).
#pragma once

#include "synthetic/canvas.h"
#include "synthetic/findings.h"

#include <cstdint>
#include <string>

namespace stllava::synthetic {

struct ChestXrayOptions {
    int size = 256;                // square image side in pixels (128..512)
    double fieldOfViewMm = 380.0;  // detector width shown; pixel spacing = fieldOfViewMm / size
};

// Which findings to draw. Positions and contrasts are chosen by the renderer.
struct ChestSpec {
    bool nodule = false;
    Side noduleSide = Side::Left;
    double noduleSizeMm = 12.0;  // 8..30
    bool effusion = false;
    Side effusionSide = Side::Right;
    double effusionExtent = 0.3;  // share of the lung height filled, 0.15..0.45
    bool pneumothorax = false;
    Side pneumothoraxSide = Side::Right;
    double pneumothoraxExtent = 0.3;  // share of the lung width collapsed, 0.2..0.45
    bool cardiomegaly = false;
    double cardiothoracicRatio = 0.45;  // normal 0.38..0.48; cardiomegaly 0.56..0.66
};

// The findings mix of the world: each finding drawn independently (about a third come out normal).
ChestSpec sampleChestSpec(Rng& rng);

struct ChestXray {
    Canvas intensity;        // display intensity 0 (black, air) .. 1 (white, bone), size x size
    ImageFindings findings;  // modality ChestXray, positions filled in
};

ChestXray renderChestXray(const ChestSpec& spec, std::uint64_t seed, const std::string& imageId,
                          const ChestXrayOptions& options = {});
// sampleChestSpec + renderChestXray from one seed.
ChestXray generateChestXray(std::uint64_t seed, const std::string& imageId,
                            const ChestXrayOptions& options = {});

}  // namespace stllava::synthetic
