#include "synthetic/ct_slice.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace stllava::synthetic {
namespace {

constexpr double kAirHu = -1000.0;

struct Blob {
    double cx, cy, rx, ry;
};

// One patient: body habitus and organ placement (shared by every slice), lesion centres in 3-D.
struct CtCase {
    double S = 256, cx = 128, cy = 128;
    double bodyRx = 100, bodyRy = 75, fat = 8;
    double lungDepth = 1.0;  // lung size factor (inspiration)
    double liverHu = 60, spleenHu = 50, aortaHu = 160;
    double noiseHu = 12;
    CtSpec spec;
    // Lesion centres: x, y in pixels relative to the organ, z in mm.
    double liverU = 0, liverV = 0, liverZ = 0;
    double noduleU = 0, noduleV = 0, noduleZ = 0;
    double liverContrast = 0;
};

// Anatomy at level t (0 = most cranial slice of the series, 1 = most caudal).
struct Level {
    Blob lung[2];  // [0] patient's right (viewer's left)
    Blob liver, spleen, stomach, heart;
    double heartShare = 0;
};

Level levelAt(const CtCase& c, double t) {
    const double S = c.S;
    Level l;
    const double lungScale = c.lungDepth * (1.0 - 0.55 * t);
    for (int i = 0; i < 2; ++i) {
        const double sign = i == 0 ? -1.0 : 1.0;
        l.lung[i] = {c.cx + sign * 0.2 * S, c.cy + 0.06 * S + 0.05 * S * t, 0.13 * S * std::sqrt(lungScale),
                     0.19 * S * lungScale};
    }
    const double liverScale = 0.55 + 0.45 * t;
    l.liver = {c.cx - 0.12 * S, c.cy - 0.01 * S, 0.21 * S * liverScale, 0.18 * S * liverScale};
    l.spleen = {c.cx + 0.23 * S, c.cy + 0.07 * S, 0.065 * S * liverScale, 0.1 * S * liverScale};
    l.stomach = {c.cx + 0.12 * S, c.cy - 0.08 * S, 0.1 * S * liverScale, 0.08 * S * liverScale};
    l.heartShare = std::clamp((0.45 - t) / 0.45, 0.0, 1.0);
    l.heart = {c.cx + 0.04 * S, c.cy - 0.06 * S, 0.16 * S * l.heartShare, 0.13 * S * l.heartShare};
    return l;
}

void fillBlob(Canvas& hu, const Blob& b, double value, double edge = 1.5) {
    if (b.rx < 0.5 || b.ry < 0.5) return;
    blendEllipse(hu, b.cx, b.cy, b.rx, b.ry, 0.0, value, edge);
}

// The visible diameter on a slice of a sphere of diameter d (mm) centred dz mm away (0 when missed).
double visibleDiameter(double d, double dz) {
    const double r = 0.5 * d;
    return std::abs(dz) >= r ? 0.0 : 2.0 * std::sqrt(r * r - dz * dz);
}

CtCase makeCase(const CtSpec& spec, Rng& rng, const CtOptions& o, double zLesionLo, double zLesionHi) {
    CtCase c;
    c.S = o.size;
    c.cx = c.S * (0.5 + rng.uniform(-0.02, 0.02));
    c.cy = c.S * (0.5 + rng.uniform(-0.02, 0.02));
    c.bodyRx = c.S * rng.uniform(0.38, 0.45);
    c.bodyRy = c.S * rng.uniform(0.28, 0.33);
    c.fat = c.S * rng.uniform(0.015, 0.045);
    c.lungDepth = rng.uniform(0.9, 1.1);
    c.liverHu = rng.uniform(52, 68);
    c.spleenHu = rng.uniform(42, 55);
    c.aortaHu = rng.uniform(120, 220);
    c.noiseHu = rng.uniform(8, 18);
    c.spec = spec;
    c.liverU = rng.uniform(-0.45, 0.35);
    c.liverV = rng.uniform(-0.45, 0.45);
    c.liverZ = rng.uniform(zLesionLo, zLesionHi);
    c.noduleU = rng.uniform(-0.5, 0.5);
    c.noduleV = rng.uniform(-0.55, 0.3);
    c.noduleZ = rng.uniform(zLesionLo, zLesionHi);
    return c;
}

CtSlice renderSlice(const CtCase& c, double t, double z, const CtOptions& o, std::uint64_t noiseSeed,
                    const std::string& imageId) {
    const int S = o.size;
    const double spacing = o.fieldOfViewMm / S;
    const Level lv = levelAt(c, t);
    CtSlice out;
    Canvas& hu = out.hu;
    hu = Canvas(S, S, static_cast<float>(kAirHu));
    // Couch under the patient, then the body: subcutaneous fat around muscle and soft tissue.
    const double couchY = c.cy + c.bodyRy + 0.03 * S;
    addSegment(hu, 0.1 * S, couchY, 0.9 * S, couchY, 0.008 * S, 1200.0, 1.5);
    fillBlob(hu, {c.cx, c.cy, c.bodyRx, c.bodyRy}, -100.0, 2.0);
    fillBlob(hu, {c.cx, c.cy, c.bodyRx - c.fat, c.bodyRy - c.fat}, 35.0, 2.0);
    const ValueNoise soft(noiseSeed ^ 0x51ull, 6.0);
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x)
            if (hu.at(x, y) > -200.f) hu.at(x, y) += static_cast<float>(8.0 * soft.at(x, y));
    // Ribs around the wall.
    for (int i = 0; i < 14; ++i) {
        const double a =
            3.14159265358979 * (0.08 + 0.84 * i / 13.0) * (i % 2 ? 1 : -1) + (i % 2 ? 0 : 3.14159265358979);
        const double rx = c.bodyRx - c.fat - 0.02 * S, ry = c.bodyRy - c.fat - 0.02 * S;
        fillBlob(hu, {c.cx + rx * std::cos(a), c.cy + ry * std::sin(a), 0.013 * S, 0.009 * S}, 700.0, 1.0);
    }
    fillBlob(hu, {lv.stomach.cx, lv.stomach.cy, lv.stomach.rx, lv.stomach.ry}, 20.0);
    fillBlob(hu,
             {lv.stomach.cx, lv.stomach.cy - 0.55 * lv.stomach.ry, 0.5 * lv.stomach.rx, 0.3 * lv.stomach.ry},
             kAirHu);
    fillBlob(hu, lv.liver, c.liverHu);
    fillBlob(hu, lv.spleen, c.spleenHu);
    fillBlob(hu, lv.heart, 40.0);
    // Lungs with vessels (bright dots of noise), and a dependent effusion.
    const ValueNoise vessels(noiseSeed ^ 0xA5ull, 2.2);
    for (int i = 0; i < 2; ++i) {
        const Blob& b = lv.lung[i];
        const Side side = i == 0 ? Side::Right : Side::Left;
        const double fluidY =
            b.cy + b.ry -
            2.0 * b.ry * (c.spec.effusion && c.spec.effusionSide == side ? c.spec.effusionExtent : 0.0);
        const int x0 = std::max(0, static_cast<int>(b.cx - b.rx - 3)),
                  x1 = std::min(S, static_cast<int>(b.cx + b.rx + 4));
        const int y0 = std::max(0, static_cast<int>(b.cy - b.ry - 3)),
                  y1 = std::min(S, static_cast<int>(b.cy + b.ry + 4));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const double cov = ellipseCoverage(x, y, b.cx, b.cy, b.rx, b.ry, 0.0, 2.0);
                if (cov <= 0.0) continue;
                const double v = std::max(0.0, vessels.at(x, y) - 0.45);
                double value = -860.0 + 2200.0 * v * v;
                if (y > fluidY) value = 12.0;
                float& p = hu.at(x, y);
                p = static_cast<float>(p * (1.0 - cov) + value * cov);
            }
    }
    // Great vessels and the spine.
    fillBlob(hu, {c.cx + 0.035 * S, c.cy + 0.11 * S, 0.026 * S, 0.026 * S}, c.aortaHu);
    fillBlob(hu, {c.cx - 0.07 * S, c.cy + 0.08 * S, 0.024 * S, 0.02 * S}, 90.0);
    fillBlob(hu, {c.cx, c.cy + 0.18 * S, 0.052 * S, 0.045 * S}, 850.0);
    fillBlob(hu, {c.cx, c.cy + 0.18 * S, 0.042 * S, 0.036 * S}, 280.0);
    fillBlob(hu, {c.cx, c.cy + 0.245 * S, 0.018 * S, 0.016 * S}, 15.0);
    addSegment(hu, c.cx, c.cy + 0.265 * S, c.cx, c.cy + 0.3 * S, 0.01 * S, 500.0, 1.5);

    ImageFindings& f = out.findings;
    f.imageId = imageId;
    f.modality = Modality::CtSlice;
    f.width = f.height = S;
    f.pixelSpacingMm = spacing;
    f.organ = "abdomen";
    f.ct.sliceZMm = z;
    f.ct.sliceThicknessMm = o.sliceSpacingMm;
    if (c.spec.liverLesion) {
        const double d = visibleDiameter(c.spec.liverLesionSizeMm, z - c.liverZ);
        const double r = 0.5 * d / spacing;
        if (d >= 4.0 && lv.liver.rx > r + 3.0) {
            const double x = lv.liver.cx + c.liverU * std::max(0.0, lv.liver.rx - r - 2.0);
            const double y = lv.liver.cy + c.liverV * std::max(0.0, lv.liver.ry - r - 2.0);
            fillBlob(hu, {x, y, r, r * 0.92}, c.spec.liverLesionHu, std::max(1.0, 0.25 * r));
            f.ct.liverLesion = {true, Side::None, d, x, y, c.spec.liverLesionHu - c.liverHu};
        }
    }
    if (c.spec.lungNodule) {
        const Blob& b = lv.lung[c.spec.lungNoduleSide == Side::Left ? 1 : 0];
        const double d = visibleDiameter(c.spec.lungNoduleSizeMm, z - c.noduleZ);
        const double r = 0.5 * d / spacing;
        if (d >= 3.0 && b.rx > r + 3.0 && b.ry > r + 3.0) {
            const double x = b.cx + c.noduleU * (b.rx - r - 2.0);
            const double y = b.cy + c.noduleV * (b.ry - r - 2.0);
            fillBlob(hu, {x, y, r, r}, 35.0, std::max(0.8, 0.2 * r));
            f.ct.lungNodule = {true, c.spec.lungNoduleSide, d, x, y, 35.0 + 860.0};
        }
    }
    if (c.spec.effusion && lv.lung[0].ry > 4.0)
        f.ct.effusion = {true, c.spec.effusionSide, c.spec.effusionExtent};
    boxBlur(hu, S >= 192 ? 1 : 0);
    Rng noise(noiseSeed);
    addGaussianNoise(hu, noise, c.noiseHu);
    return out;
}

}  // namespace

CtSpec sampleCtSpec(Rng& rng) {
    CtSpec s;
    s.liverLesion = rng.chance(0.35);
    s.liverLesionSizeMm = std::round(rng.uniform(10.0, 40.0));
    s.liverLesionHu = rng.uniform(0.0, 35.0);
    s.lungNodule = rng.chance(0.3);
    s.lungNoduleSide = rng.chance(0.5) ? Side::Left : Side::Right;
    s.lungNoduleSizeMm = std::round(rng.uniform(6.0, 25.0));
    s.effusion = rng.chance(0.2);
    s.effusionSide = rng.chance(0.5) ? Side::Left : Side::Right;
    s.effusionExtent = rng.uniform(0.15, 0.45);
    return s;
}

CtSeries renderCtSeries(const CtSpec& spec, std::uint64_t seed, const std::string& idPrefix,
                        const CtOptions& options) {
    if (options.size < 64 || options.size > 1024)
        throw std::invalid_argument(idPrefix + ": CT size " + std::to_string(options.size) +
                                    " is outside 64..1024");
    if (options.sliceCount < 1 || options.sliceCount > 64)
        throw std::invalid_argument(idPrefix + ": CT slice count " + std::to_string(options.sliceCount) +
                                    " is outside 1..64");
    Rng rng(seed);
    const double z0 = options.firstSliceZMm;
    const double zEnd = z0 + (options.sliceCount - 1) * options.sliceSpacingMm;
    const double margin = 0.25 * (zEnd - z0);
    const CtCase c = makeCase(spec, rng, options, z0 + margin, zEnd - margin);
    CtSeries series;
    for (int i = 0; i < options.sliceCount; ++i) {
        const double t = options.sliceCount == 1 ? 0.5 : static_cast<double>(i) / (options.sliceCount - 1);
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "-%02d", i + 1);
        series.slices.push_back(renderSlice(c, 0.15 + 0.7 * t, z0 + i * options.sliceSpacingMm, options,
                                            deriveSeed(seed, "ct-noise", static_cast<std::uint64_t>(i)),
                                            idPrefix + suffix));
    }
    return series;
}

CtSlice generateCtSlice(std::uint64_t seed, const std::string& imageId, const CtOptions& options) {
    Rng rng(deriveSeed(seed, "ct-spec"));
    const CtSpec spec = sampleCtSpec(rng);
    Rng caseRng(seed);
    const double z = options.firstSliceZMm;
    const CtCase c = makeCase(spec, caseRng, options, z, z);  // lesions centred on this slice
    return renderSlice(c, caseRng.uniform(0.3, 0.8), z, options, deriveSeed(seed, "ct-noise"), imageId);
}

Canvas windowHu(const Canvas& hu, double center, double width) {
    Canvas out(hu.width, hu.height);
    const double lo = center - 0.5 * width, w = std::max(width, 1.0);
    for (std::size_t i = 0; i < hu.v.size(); ++i) out.v[i] = static_cast<float>((hu.v[i] - lo) / w);
    return out;
}

}  // namespace stllava::synthetic
