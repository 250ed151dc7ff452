#include "synthetic/pathology_tile.h"

#include "synthetic/canvas.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stllava::synthetic {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Optical density of the two stains: hematoxylin (nuclei) and eosin (cytoplasm, stroma, red cells).
struct Stain {
    Canvas h, e;
};

struct Circle {
    double x, y, r;
};

bool overlaps(const std::vector<Circle>& placed, double x, double y, double r) {
    for (const Circle& c : placed)
        if (std::hypot(c.x - x, c.y - y) < c.r + r) return true;
    return false;
}

// A nucleus: an ellipse of hematoxylin with chromatin texture. Returns 1 (counted).
int nucleus(Stain& s, Rng& rng, double x, double y, double r, double elong, double angle, double darkness) {
    addEllipse(s.h, x, y, r, r * elong, angle, darkness, 1.2);
    if (r > 3.0)
        addEllipse(s.h, x + rng.uniform(-0.3, 0.3) * r, y + rng.uniform(-0.3, 0.3) * r, 0.3 * r, 0.3 * r, 0.0,
                   0.35 * darkness, 1.0);  // a nucleolus / chromatin clump
    return 1;
}

// A gland: white lumen, eosinophilic epithelial ring, nuclei along the base. Returns the nuclei drawn.
int gland(Stain& s, Rng& rng, const Circle& g, bool irregular) {
    const double squash = irregular ? rng.uniform(0.6, 1.0) : rng.uniform(0.85, 1.0);
    const double angle = rng.uniform(0.0, kPi);
    blendEllipse(s.e, g.x, g.y, g.r, g.r * squash, angle, 0.55, 2.0);                // epithelium
    blendEllipse(s.e, g.x, g.y, g.r * 0.55, g.r * 0.55 * squash, angle, 0.04, 1.5);  // lumen
    blendEllipse(s.h, g.x, g.y, g.r * 0.55, g.r * 0.55 * squash, angle, 0.0, 1.5);
    if (irregular)  // cribriform: a second lumen
        blendEllipse(s.e, g.x + 0.35 * g.r, g.y - 0.2 * g.r, g.r * 0.22, g.r * 0.2, 0.0, 0.04, 1.2);
    int n = 0;
    const int count = static_cast<int>(2.0 * kPi * g.r * 0.85 / (irregular ? 4.5 : 5.5));
    for (int i = 0; i < count; ++i) {
        const double a = 2.0 * kPi * i / count + rng.uniform(-0.08, 0.08);
        const double rr = g.r * (irregular ? rng.uniform(0.62, 0.95) : 0.85);
        const double nx = g.x + rr * std::cos(a), ny = g.y + rr * squash * std::sin(a);
        const double size = irregular ? rng.uniform(2.4, 4.2) : rng.uniform(1.6, 2.2);
        n +=
            nucleus(s, rng, nx, ny, size, irregular ? rng.uniform(0.7, 1.0) : 0.55, a, irregular ? 1.3 : 1.0);
    }
    return n;
}

// A vessel: an elongated lumen lined by flat endothelial nuclei, filled with red blood cells.
int vessel(Stain& s, Rng& rng, double x, double y, double len, double width, double angle, bool congested) {
    blendEllipse(s.e, x, y, len, width, angle, 0.08, 1.5);
    blendEllipse(s.h, x, y, len, width, angle, 0.0, 1.5);
    const int cells = static_cast<int>(len * width / (congested ? 6.0 : 14.0));
    for (int i = 0; i < cells; ++i) {
        const double u = rng.uniform(-0.8, 0.8) * len, v = rng.uniform(-0.7, 0.7) * width;
        const double ca = std::cos(angle), sa = std::sin(angle);
        addEllipse(s.e, x + u * ca - v * sa, y + u * sa + v * ca, 2.2, 2.2, 0.0, 1.1, 1.0);
    }
    int n = 0;
    for (int i = 0; i < 6; ++i) {
        const double u = (-0.8 + 1.6 * i / 5.0) * len, side = i % 2 ? 1.0 : -1.0;
        const double ca = std::cos(angle), sa = std::sin(angle);
        const double nx = x + u * ca - side * width * sa, ny = y + u * sa + side * width * ca;
        n += nucleus(s, rng, nx, ny, 2.6, 0.4, angle, 1.0);
    }
    return n;
}

}  // namespace

Density densityForCount(int nuclei, int size) {
    const double per = nuclei * (256.0 * 256.0) / (static_cast<double>(size) * size);
    if (per >= kHighDensityNuclei) return Density::High;
    if (per >= kModerateDensityNuclei) return Density::Moderate;
    return Density::Low;
}

PathologySpec samplePathologySpec(Rng& rng) {
    PathologySpec s;
    const double t = rng.uniform();
    s.tissue = t < 0.4 ? TissueType::Normal : t < 0.7 ? TissueType::Inflamed : TissueType::Carcinoma;
    switch (s.tissue) {
        case TissueType::Normal:
            s.glands = rng.range(2, 5);
            s.vessels = rng.range(0, 2);
            s.necrosis = false;
            s.cellularity = rng.uniform(0.5, 1.3);
            break;
        case TissueType::Inflamed:
            s.glands = rng.range(0, 3);
            s.vessels = rng.range(1, 3);
            s.necrosis = rng.chance(0.1);
            s.cellularity = rng.uniform(1.4, 2.0);
            break;
        case TissueType::Carcinoma:
            s.glands = rng.range(0, 4);
            s.vessels = rng.range(0, 2);
            s.necrosis = rng.chance(0.5);
            s.cellularity = rng.uniform(1.2, 2.0);
            break;
    }
    return s;
}

PathologyTile renderPathologyTile(const PathologySpec& spec, std::uint64_t seed, const std::string& imageId,
                                  const PathologyOptions& options) {
    if (options.size < 64 || options.size > 1024)
        throw std::invalid_argument(imageId + ": pathology tile size " + std::to_string(options.size) +
                                    " is outside 64..1024");
    Rng rng(seed);
    const int S = options.size;
    const double scale = S / 256.0;
    Stain s{Canvas(S, S), Canvas(S, S)};
    // Stroma: eosin with fibrous (stretched) texture, a trace of hematoxylin.
    const ValueNoise fibres(deriveSeed(seed, "fibres"), 5.0), patches(deriveSeed(seed, "patches"), 40.0);
    const double fibreAngle = rng.uniform(0.0, kPi);
    const double ca = std::cos(fibreAngle), sa = std::sin(fibreAngle);
    const double eBase = rng.uniform(0.30, 0.42);
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x) {
            const double u = x * ca + y * sa, v = -x * sa + y * ca;
            s.e.at(x, y) =
                static_cast<float>(eBase + 0.07 * fibres.at(u * 0.35, v * 2.5) + 0.06 * patches.at(x, y));
            s.h.at(x, y) = 0.04f;
        }

    PathologyFindings p;
    p.tissue = spec.tissue;
    const bool cancer = spec.tissue == TissueType::Carcinoma;
    int nuclei = 0;
    std::vector<Circle> placed;
    if (spec.necrosis) {  // pale smudged area with nuclear dust
        const Circle n{rng.uniform(0.25, 0.75) * S, rng.uniform(0.25, 0.75) * S,
                       rng.uniform(28.0, 50.0) * scale};
        blendEllipse(s.e, n.x, n.y, n.r, n.r * rng.uniform(0.7, 1.0), rng.uniform(0.0, kPi), 0.62, 10.0);
        for (int i = 0; i < 70; ++i) {
            const double a = rng.uniform(0.0, 2.0 * kPi), d = n.r * std::sqrt(rng.uniform()) * 0.8;
            addEllipse(s.h, n.x + d * std::cos(a), n.y + d * std::sin(a), rng.uniform(0.6, 1.3),
                       rng.uniform(0.6, 1.3), 0.0, 0.7, 0.8);
        }
        placed.push_back(n);
        p.necrosis = true;
    }
    for (int i = 0; i < spec.glands; ++i) {
        for (int attempt = 0; attempt < 40; ++attempt) {
            const double r = rng.uniform(cancer ? 16.0 : 20.0, cancer ? 34.0 : 30.0) * scale;
            const double x = rng.uniform(r, S - r), y = rng.uniform(r, S - r);
            if (overlaps(placed, x, y, r + 4.0)) continue;
            placed.push_back({x, y, r});
            nuclei += gland(s, rng, placed.back(), cancer);
            ++p.glandCount;
            break;
        }
    }
    for (int i = 0; i < spec.vessels; ++i) {
        for (int attempt = 0; attempt < 40; ++attempt) {
            const double len = rng.uniform(12.0, 26.0) * scale, width = rng.uniform(4.0, 8.0) * scale;
            const double x = rng.uniform(len, S - len), y = rng.uniform(len, S - len);
            if (overlaps(placed, x, y, len + 3.0)) continue;
            placed.push_back({x, y, len});
            nuclei +=
                vessel(s, rng, x, y, len, width, rng.uniform(0.0, kPi), spec.tissue == TissueType::Inflamed);
            ++p.vesselCount;
            break;
        }
    }
    // Stroma nuclei: fibroblasts (normal), lymphocytes (inflamed), tumour cells (carcinoma).
    const int stroma = static_cast<int>(std::round(95.0 * spec.cellularity * scale * scale *
                                                   (spec.tissue == TissueType::Inflamed ? 2.2
                                                    : cancer                            ? 1.6
                                                                                        : 1.0)));
    for (int i = 0; i < stroma; ++i) {
        const double x = rng.uniform(0.0, S), y = rng.uniform(0.0, S);
        if (overlaps(placed, x, y, 1.0)) continue;
        switch (spec.tissue) {
            case TissueType::Normal:
                nuclei += nucleus(s, rng, x, y, rng.uniform(1.8, 2.6) * scale, rng.uniform(0.35, 0.6),
                                  fibreAngle, 0.9);
                break;
            case TissueType::Inflamed:
                nuclei +=
                    nucleus(s, rng, x, y, rng.uniform(1.8, 2.5) * scale, rng.uniform(0.85, 1.0), 0.0, 1.5);
                break;
            case TissueType::Carcinoma:
                nuclei += nucleus(s, rng, x, y, rng.uniform(3.0, 5.5) * scale, rng.uniform(0.6, 1.0),
                                  rng.uniform(0.0, kPi), rng.uniform(1.1, 1.6));
                break;
        }
    }
    p.nucleusCount = nuclei;
    p.density = densityForCount(nuclei, S);

    // Optical density to RGB; stain strength varies a little between slides.
    const double hs = rng.uniform(0.85, 1.15), es = rng.uniform(0.85, 1.15);
    const double hv[3] = {0.65, 0.70, 0.29}, ev[3] = {0.07, 0.99, 0.11};
    PathologyTile out;
    out.image.width = out.image.height = S;
    out.image.pixels.resize(static_cast<std::size_t>(S) * S * 3);
    for (std::size_t i = 0; i < s.h.v.size(); ++i) {
        const double h = std::max(0.0f, s.h.v[i]) * hs, e = std::max(0.0f, s.e.v[i]) * es;
        for (int ch = 0; ch < 3; ++ch) {
            const double od = h * hv[ch] * 1.6 + e * ev[ch] * 1.1 + 0.02 * rng.normal();
            out.image.pixels[3 * i + ch] = toByte(0.96 * std::exp(-od));
        }
    }
    ImageFindings& f = out.findings;
    f.imageId = imageId;
    f.modality = Modality::Pathology;
    f.width = f.height = S;
    f.pixelSpacingMm = options.micronsPerPixel / 1000.0;
    f.organ = p.organ;
    f.pathology = p;
    return out;
}

PathologyTile generatePathologyTile(std::uint64_t seed, const std::string& imageId,
                                    const PathologyOptions& options) {
    Rng rng(deriveSeed(seed, "pathology-spec"));
    return renderPathologyTile(samplePathologySpec(rng), seed, imageId, options);
}

}  // namespace stllava::synthetic
