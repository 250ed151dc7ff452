// Float rasters and the few drawing primitives the synthetic generators share: soft-edged ellipses
// (filled or blended), smooth value noise, Gaussian pixel noise and box blur. Internal to
// core/synthetic; plain C++17.
#pragma once

#include "synthetic/rng.h"

#include <cstdint>
#include <vector>

namespace stllava::synthetic {

// One float per pixel, row-major.
struct Canvas {
    int width = 0;
    int height = 0;
    std::vector<float> v;
    Canvas() = default;
    Canvas(int w, int h, float fill = 0.f) : width(w), height(h), v(static_cast<std::size_t>(w) * h, fill) {}
    float& at(int x, int y) { return v[static_cast<std::size_t>(y) * width + x]; }
    float at(int x, int y) const { return v[static_cast<std::size_t>(y) * width + x]; }
};

// Coverage of pixel (x, y) by the ellipse (cx, cy, rx, ry) rotated by `angle` radians: 1 inside,
// 0 outside, a linear ramp `edge` pixels wide across the border.
double ellipseCoverage(double x, double y, double cx, double cy, double rx, double ry, double angle,
                       double edge);

// Signed distance in pixels (approximate: scaled by the mean radius) from the ellipse's border;
// negative inside.
double ellipseDistance(double x, double y, double cx, double cy, double rx, double ry, double angle);

// Adds value * coverage inside the ellipse.
void addEllipse(Canvas& c, double cx, double cy, double rx, double ry, double angle, double value,
                double edge);
// Moves pixels towards `value` by the coverage: v = v + (value - v) * coverage * opacity.
void blendEllipse(Canvas& c, double cx, double cy, double rx, double ry, double angle, double value,
                  double edge, double opacity = 1.0);
// A thick polyline-like band: adds `value` within `halfWidth` (soft over `edge`) of the segment.
void addSegment(Canvas& c, double x0, double y0, double x1, double y1, double halfWidth, double value,
                double edge);

// Smooth lattice noise in [-1, 1] with features about `cell` pixels across (smoothstep interpolation
// of hashed lattice values); deterministic from the seed.
class ValueNoise {
public:
    ValueNoise(std::uint64_t seed, double cell);
    double at(double x, double y) const;

private:
    double lattice(std::int64_t ix, std::int64_t iy) const;
    std::uint64_t m_seed;
    double m_cell;
};

void addGaussianNoise(Canvas& c, Rng& rng, double sigma);
// Box blur with the given radius (separable, edges clamped); radius 0 does nothing.
void boxBlur(Canvas& c, int radius);

// Clamps to [0, 1] and scales to 8 bits, rounding.
std::uint8_t toByte(double v);

}  // namespace stllava::synthetic
