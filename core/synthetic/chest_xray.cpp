#include "synthetic/chest_xray.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stllava::synthetic {
namespace {

constexpr double kPi = 3.14159265358979323846;

// -1 for the patient's right (viewer's left), +1 for the patient's left.
double viewerSign(Side s) {
    return s == Side::Right ? -1.0 : 1.0;
}

struct Ellipse {
    double cx = 0, cy = 0, rx = 1, ry = 1, angle = 0;
    double coverage(double x, double y, double edge) const {
        return ellipseCoverage(x, y, cx, cy, rx, ry, angle, edge);
    }
    double distance(double x, double y) const { return ellipseDistance(x, y, cx, cy, rx, ry, angle); }
};

// One lung: an ellipse with the diaphragm dome cut out of its base.
struct Lung {
    Ellipse shape, dome;
    double top() const { return shape.cy - shape.ry; }
    double bottom() const { return shape.cy + shape.ry * 0.78; }
    double coverage(double x, double y) const {
        return shape.coverage(x, y, 3.0) * (1.0 - dome.coverage(x, y, 3.0));
    }
};

struct Anatomy {
    double size = 256, cx = 128, cy = 120, k = 1.0;
    Lung lung[2];  // [0] patient's right (viewer's left), [1] patient's left
    Ellipse heart;
    const Lung& of(Side s) const { return lung[s == Side::Left ? 1 : 0]; }
    double thoracicWidth() const {
        return (lung[1].shape.cx + lung[1].shape.rx) - (lung[0].shape.cx - lung[0].shape.rx);
    }
};

Anatomy layout(Rng& rng, int size, double ctr) {
    Anatomy a;
    const double S = size;
    a.size = S;
    a.k = rng.uniform(0.93, 1.04);
    a.cx = S * (0.5 + rng.uniform(-0.025, 0.025));
    a.cy = S * (0.47 + rng.uniform(-0.025, 0.025));
    for (int i = 0; i < 2; ++i) {
        const double sign = i == 0 ? -1.0 : 1.0;
        Lung& l = a.lung[i];
        l.shape = {a.cx + sign * 0.19 * S * a.k, a.cy, 0.135 * S * a.k * rng.uniform(0.95, 1.05),
                   0.29 * S * a.k * rng.uniform(0.95, 1.04), sign * rng.uniform(0.0, 0.06)};
        // The right hemidiaphragm sits a little higher (the liver below it).
        const double domeY = a.cy + 0.40 * S * a.k + (i == 0 ? -0.02 * S : 0.0);
        l.dome = {l.shape.cx + sign * 0.02 * S, domeY, 0.17 * S * a.k, 0.19 * S * a.k, 0.0};
    }
    const double halfWidth = 0.5 * ctr * a.thoracicWidth();
    a.heart = {a.cx + 0.035 * S + 0.35 * (halfWidth - 0.14 * S), a.cy + 0.15 * S * a.k, halfWidth,
               0.115 * S * a.k + 0.25 * (halfWidth - 0.14 * S), -0.3};
    return a;
}

// The collapsed lung of a pneumothorax: shrunk towards the hilum.
Ellipse collapsedLung(const Lung& l, Side side, double extent) {
    Ellipse c = l.shape;
    const double medial = -viewerSign(side);  // towards the midline
    c.cx += medial * extent * l.shape.rx * 0.55;
    c.rx *= 1.0 - extent;
    c.ry *= 1.0 - 0.35 * extent;
    c.cy += 0.2 * extent * l.shape.ry;
    return c;
}

// Fluid level of an effusion at column x (rises towards the lateral chest wall: the meniscus).
double fluidLevel(const Lung& l, Side side, double extent, double x) {
    const double height = l.bottom() - l.top();
    const double lateralEdge = l.shape.cx + viewerSign(side) * l.shape.rx;
    const double lateralness = std::clamp(1.0 - std::abs(x - lateralEdge) / (2.0 * l.shape.rx), 0.0, 1.0);
    return l.bottom() - extent * height - 0.12 * height * lateralness * lateralness;
}

void drawLungs(Canvas& c, const Anatomy& a, const ChestSpec& spec, std::uint64_t seed) {
    const ValueNoise fine(deriveSeed(seed, "markings-fine"), 2.5), coarse(deriveSeed(seed, "markings"), 7.0);
    for (int i = 0; i < 2; ++i) {
        const Lung& l = a.lung[i];
        const Side side = i == 0 ? Side::Right : Side::Left;
        const bool ptx = spec.pneumothorax && spec.pneumothoraxSide == side;
        const Ellipse collapsed = ptx ? collapsedLung(l, side, spec.pneumothoraxExtent) : l.shape;
        const double hilumX = l.shape.cx - viewerSign(side) * l.shape.rx * 0.7,
                     hilumY = l.shape.cy - 0.05 * a.size;
        const int x0 = std::max(0, static_cast<int>(l.shape.cx - l.shape.rx - 4)),
                  x1 = std::min(c.width, static_cast<int>(l.shape.cx + l.shape.rx + 5));
        const int y0 = std::max(0, static_cast<int>(l.top() - 4)),
                  y1 = std::min(c.height, static_cast<int>(l.bottom() + 5));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const double cov = l.coverage(x, y);
                if (cov <= 0.0) continue;
                const double dh = std::hypot(x - hilumX, y - hilumY) / (0.12 * a.size);
                const double markings =
                    0.045 * fine.at(x, y) + 0.035 * coarse.at(x, y) + 0.10 * std::exp(-dh * dh);
                double lungValue = 0.15 + markings;
                if (ptx) {
                    const double inside = collapsed.coverage(x, y, 2.0);
                    const double d = collapsed.distance(x, y);
                    const double pleura = 0.16 * std::exp(-d * d / 1.2);  // the visceral pleural line
                    lungValue = inside * lungValue + (1.0 - inside) * 0.06 + pleura;
                }
                float& p = c.at(x, y);
                p = static_cast<float>(p * (1.0 - cov) + lungValue * cov);
            }
    }
}

void drawEffusion(Canvas& c, const Anatomy& a, const ChestSpec& spec) {
    const Lung& l = a.of(spec.effusionSide);
    const int x0 = std::max(0, static_cast<int>(l.shape.cx - l.shape.rx - 4)),
              x1 = std::min(c.width, static_cast<int>(l.shape.cx + l.shape.rx + 5));
    const int y0 = std::max(0, static_cast<int>(l.top())),
              y1 = std::min(c.height, static_cast<int>(l.bottom() + 12));
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const double level = fluidLevel(l, spec.effusionSide, spec.effusionExtent, x);
            const double t = std::clamp((y - level + 3.0) / 6.0, 0.0, 1.0);
            const double fluid =
                t * t * (3.0 - 2.0 * t) * std::max(l.shape.coverage(x, y, 6.0), l.coverage(x, y));
            if (fluid <= 0.0) continue;
            float& p = c.at(x, y);
            p = static_cast<float>(p + (0.52 - p) * fluid * 0.95);
        }
}

void drawRibs(Canvas& c, const Anatomy& a, Rng& rng) {
    const double S = a.size;
    for (int side = 0; side < 2; ++side) {
        const double sign = side == 0 ? -1.0 : 1.0;
        const Lung& l = a.lung[side];
        const double reach = std::abs(l.shape.cx + sign * l.shape.rx * 1.08 - a.cx);
        for (int i = 0; i < 10; ++i) {
            const double y0 = l.top() - 0.01 * S + i * 0.058 * S * a.k;
            const double value = 0.035 + rng.uniform(0.0, 0.02);
            const double half = 0.0085 * S * a.k;
            double px = a.cx + sign * 0.03 * S, py = y0;
            for (int s = 1; s <= 14; ++s) {  // posterior rib: leaves the spine, rises, curves down laterally
                const double t = s / 14.0;
                const double x = a.cx + sign * (0.03 * S + t * (reach - 0.03 * S));
                const double y = y0 - 0.02 * S * std::sin(kPi * t) + 0.11 * S * t * t;
                addSegment(c, px, py, x, y, half, value, 2.0);
                px = x;
                py = y;
            }
            double ax = px,
                   ay = py;  // anterior rib: from the lateral wall down towards the midline (fainter)
            for (int s = 1; s <= 10; ++s) {
                const double t = s / 10.0;
                const double x = px - sign * t * 0.6 * reach;
                const double y = py + 0.02 * S * t + 0.07 * S * t * t;
                addSegment(c, ax, ay, x, y, half * 0.8, value * 0.45, 2.0);
                ax = x;
                ay = y;
            }
        }
        // Clavicle: from the sternal notch up and out towards the shoulder.
        addSegment(c, a.cx + sign * 0.035 * S, l.top() - 0.015 * S, a.cx + sign * 0.33 * S * a.k,
                   l.top() - 0.07 * S, 0.013 * S, 0.10, 2.5);
    }
}

Lesion placeNodule(const Anatomy& a, const ChestSpec& spec, double spacing, Rng& rng) {
    Lesion n;
    n.present = true;
    n.side = spec.noduleSide;
    n.sizeMm = spec.noduleSizeMm;
    const double r = 0.5 * spec.noduleSizeMm / spacing;
    const Lung& l = a.of(spec.noduleSide);
    const Ellipse collapsed = spec.pneumothorax && spec.pneumothoraxSide == spec.noduleSide
                                  ? collapsedLung(l, spec.noduleSide, spec.pneumothoraxExtent)
                                  : l.shape;
    n.centerX = l.shape.cx;
    n.centerY = l.shape.cy - 0.4 * l.shape.ry;
    for (int attempt = 0; attempt < 60; ++attempt) {
        const double x = l.shape.cx + rng.uniform(-0.72, 0.72) * l.shape.rx;
        const double y = l.shape.cy + rng.uniform(-0.8, 0.55) * l.shape.ry;
        if (l.coverage(x, y) < 0.98 || l.shape.distance(x, y) > -r - 2.0) continue;
        if (a.heart.distance(x, y) < r + 3.0) continue;
        if (collapsed.distance(x, y) > -r - 1.0) continue;
        if (spec.effusion && spec.effusionSide == spec.noduleSide &&
            y + r + 3.0 > fluidLevel(l, spec.effusionSide, spec.effusionExtent, x))
            continue;
        n.centerX = x;
        n.centerY = y;
        break;
    }
    n.contrast = rng.uniform(0.17, 0.32);
    return n;
}

}  // namespace

ChestSpec sampleChestSpec(Rng& rng) {
    ChestSpec s;
    auto side = [&rng] { return rng.chance(0.5) ? Side::Left : Side::Right; };
    s.nodule = rng.chance(0.30);
    s.noduleSide = side();
    s.noduleSizeMm = std::round(rng.uniform(8.0, 30.0));
    s.effusion = rng.chance(0.25);
    s.effusionSide = side();
    s.effusionExtent = rng.uniform(0.15, 0.45);
    s.pneumothorax = rng.chance(0.15);
    s.pneumothoraxSide = side();
    s.pneumothoraxExtent = rng.uniform(0.2, 0.45);
    s.cardiomegaly = rng.chance(0.25);
    s.cardiothoracicRatio = s.cardiomegaly ? rng.uniform(0.56, 0.66) : rng.uniform(0.38, 0.48);
    return s;
}

ChestXray renderChestXray(const ChestSpec& spec, std::uint64_t seed, const std::string& imageId,
                          const ChestXrayOptions& options) {
    if (options.size < 64 || options.size > 1024)
        throw std::invalid_argument(imageId + ": chest radiograph size " + std::to_string(options.size) +
                                    " is outside 64..1024 pixels");
    Rng rng(seed);
    const int S = options.size;
    const double spacing = options.fieldOfViewMm / S;
    const Anatomy a = layout(rng, S, spec.cardiothoracicRatio);

    ChestXray out;
    Canvas& c = out.intensity;
    c = Canvas(S, S, 0.03f);
    // Soft tissue of the trunk, neck and shoulders: thinner (darker) towards the sides.
    const double bodyRx = 0.47 * S * a.k, bodyRy = 0.64 * S, bodyCy = a.cy + 0.10 * S;
    const ValueNoise tissue(deriveSeed(seed, "tissue"), 18.0);
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x) {
            const double cov = ellipseCoverage(x, y, a.cx, bodyCy, bodyRx, bodyRy, 0.0, 8.0);
            if (cov <= 0.0) continue;
            const double u = (x - a.cx) / bodyRx;
            const double value = 0.40 * (0.7 + 0.3 * (1.0 - u * u)) + 0.03 * tissue.at(x, y);
            c.at(x, y) = static_cast<float>(c.at(x, y) * (1.0 - cov) + value * cov);
        }
    addSegment(c, a.cx, 0.0, a.cx, S, 0.032 * S * a.k, 0.06, 3.0);  // spine behind the mediastinum
    for (double y = a.lung[0].top(); y < S; y += 0.065 * S * a.k)
        addSegment(c, a.cx - 0.03 * S, y, a.cx + 0.03 * S, y, 0.004 * S, -0.03, 1.5);  // disc spaces
    addSegment(c, a.cx, a.lung[0].top() - 0.05 * S, a.cx + 0.01 * S, a.cy + 0.2 * S, 0.055 * S * a.k, 0.10,
               10.0);

    drawLungs(c, a, spec, seed);
    if (spec.effusion) drawEffusion(c, a, spec);

    ImageFindings& f = out.findings;
    f.imageId = imageId;
    f.modality = Modality::ChestXray;
    f.width = f.height = S;
    f.pixelSpacingMm = spacing;
    f.organ = "chest";
    if (spec.nodule) {
        f.chest.nodule = placeNodule(a, spec, spacing, rng);
        const double r = 0.5 * spec.noduleSizeMm / spacing;
        addEllipse(c, f.chest.nodule.centerX, f.chest.nodule.centerY, r, r * rng.uniform(0.85, 1.1),
                   rng.uniform(0.0, kPi), f.chest.nodule.contrast, std::max(1.2, 0.35 * r));
    }
    // Heart and aortic knob over the medial lungs.
    blendEllipse(c, a.heart.cx, a.heart.cy, a.heart.rx, a.heart.ry, a.heart.angle, 0.50, 4.0, 0.92);
    blendEllipse(c, a.cx + 0.045 * S, a.lung[0].top() + 0.13 * S, 0.035 * S, 0.03 * S, 0.0, 0.48, 3.0, 0.8);
    drawRibs(c, a, rng);

    // Exposure differences, detector blur and quantum noise.
    boxBlur(c, S >= 192 ? 1 : 0);
    const double gamma = rng.uniform(0.85, 1.15), gain = rng.uniform(0.9, 1.08),
                 offset = rng.uniform(-0.03, 0.04);
    for (float& p : c.v)
        p = static_cast<float>(offset + gain * std::pow(std::clamp<double>(p, 0.0, 1.0), gamma));
    addGaussianNoise(c, rng, rng.uniform(0.012, 0.028));

    if (spec.effusion) f.chest.effusion = {true, spec.effusionSide, spec.effusionExtent};
    if (spec.pneumothorax) f.chest.pneumothorax = {true, spec.pneumothoraxSide, spec.pneumothoraxExtent};
    f.chest.cardiomegaly = spec.cardiomegaly;
    f.chest.cardiothoracicRatio = spec.cardiothoracicRatio;
    return out;
}

ChestXray generateChestXray(std::uint64_t seed, const std::string& imageId, const ChestXrayOptions& options) {
    Rng rng(deriveSeed(seed, "chest-spec"));
    return renderChestXray(sampleChestSpec(rng), seed, imageId, options);
}

}  // namespace stllava::synthetic
