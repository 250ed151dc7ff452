// CT-like axial slices in Hounsfield units through the lower chest and upper abdomen: body outline
// with subcutaneous fat, lungs (shrinking towards the feet), liver (growing), spleen, stomach with an
// air bubble, aorta, IVC, vertebra with spinal canal, ribs; findings: a hypodense liver lesion, a lung
// nodule and a dependent pleural effusion. A series is several slices of one case; each lesion is a
// sphere, so its size on a slice depends on the slice's distance from the lesion centre, and each
// slice's findings list only what is visible on it. Viewed from the feet: the patient's right on the
// viewer's left, anterior at the top.
#pragma once

#include "synthetic/canvas.h"
#include "synthetic/findings.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stllava::synthetic {

struct CtOptions {
    int size = 256;                 // rows = columns (128..512)
    double fieldOfViewMm = 360.0;   // pixel spacing = fieldOfViewMm / size
    int sliceCount = 8;             // slices in a series (1..64)
    double sliceSpacingMm = 5.0;    // also the slice thickness
    double firstSliceZMm = -120.0;  // table position of the first (most cranial) slice
};

struct CtSpec {
    bool liverLesion = false;
    double liverLesionSizeMm = 20.0;  // sphere diameter, 10..40
    double liverLesionHu = 20.0;      // 0..35 (liver is about 60)
    bool lungNodule = false;
    Side lungNoduleSide = Side::Right;
    double lungNoduleSizeMm = 12.0;  // 6..25
    bool effusion = false;
    Side effusionSide = Side::Left;
    double effusionExtent = 0.3;  // share of the lung's depth filled, 0.15..0.45
};

// The world's mix of CT findings (each drawn independently).
CtSpec sampleCtSpec(Rng& rng);

struct CtSlice {
    Canvas hu;               // Hounsfield units, size x size
    ImageFindings findings;  // modality CtSlice; only what is visible on this slice
};

struct CtSeries {
    std::vector<CtSlice>
        slices;  // cranial to caudal; slices[i].findings.ct.sliceZMm increases by the spacing
};

// `idPrefix` + "-NN" (1-based, two digits) names each slice's findings.
CtSeries renderCtSeries(const CtSpec& spec, std::uint64_t seed, const std::string& idPrefix,
                        const CtOptions& options = {});
// One slice of a random case, through the middle of its lesions when it has any (for 2-D datasets).
CtSlice generateCtSlice(std::uint64_t seed, const std::string& imageId, const CtOptions& options = {});

// Window (centre, width in HU) to display intensity 0..1 (linear, clamped).
Canvas windowHu(const Canvas& hu, double center, double width);

}  // namespace stllava::synthetic
