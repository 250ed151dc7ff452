#include "synthetic/canvas.h"

#include <algorithm>
#include <cmath>

namespace stllava::synthetic {
namespace {

double smoothstep(double t) {
    return t * t * (3.0 - 2.0 * t);
}

// The pixel box [x0, x1) x [y0, y1) that a shape of this extent can touch, clipped to the canvas.
struct Box {
    int x0, y0, x1, y1;
};
Box boxAround(const Canvas& c, double cx, double cy, double r) {
    Box b;
    b.x0 = std::max(0, static_cast<int>(std::floor(cx - r)));
    b.y0 = std::max(0, static_cast<int>(std::floor(cy - r)));
    b.x1 = std::min(c.width, static_cast<int>(std::ceil(cx + r)) + 1);
    b.y1 = std::min(c.height, static_cast<int>(std::ceil(cy + r)) + 1);
    return b;
}

}  // namespace

double ellipseDistance(double x, double y, double cx, double cy, double rx, double ry, double angle) {
    const double dx = x - cx, dy = y - cy;
    double u = dx, w = dy;
    if (angle != 0.0) {
        const double ca = std::cos(angle), sa = std::sin(angle);
        u = dx * ca + dy * sa;
        w = -dx * sa + dy * ca;
    }
    const double rxs = std::max(rx, 1e-6), rys = std::max(ry, 1e-6);
    const double d = std::sqrt((u * u) / (rxs * rxs) + (w * w) / (rys * rys));  // 1 on the border
    return (d - 1.0) * 0.5 * (rxs + rys);
}

double ellipseCoverage(double x, double y, double cx, double cy, double rx, double ry, double angle,
                       double edge) {
    const double px = ellipseDistance(x, y, cx, cy, rx, ry, angle);
    const double e = std::max(edge, 1e-3);
    if (px <= -0.5 * e) return 1.0;
    if (px >= 0.5 * e) return 0.0;
    return 1.0 - smoothstep((px + 0.5 * e) / e);
}

void addEllipse(Canvas& c, double cx, double cy, double rx, double ry, double angle, double value,
                double edge) {
    const Box b = boxAround(c, cx, cy, std::max(rx, ry) + edge + 1.0);
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x) {
            const double m = ellipseCoverage(x, y, cx, cy, rx, ry, angle, edge);
            if (m > 0.0) c.at(x, y) += static_cast<float>(value * m);
        }
}

void blendEllipse(Canvas& c, double cx, double cy, double rx, double ry, double angle, double value,
                  double edge, double opacity) {
    const Box b = boxAround(c, cx, cy, std::max(rx, ry) + edge + 1.0);
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x) {
            const double m = ellipseCoverage(x, y, cx, cy, rx, ry, angle, edge) * opacity;
            if (m > 0.0) {
                float& p = c.at(x, y);
                p = static_cast<float>(p + (value - p) * m);
            }
        }
}

void addSegment(Canvas& c, double x0, double y0, double x1, double y1, double halfWidth, double value,
                double edge) {
    const double r = halfWidth + edge + 1.0;
    Box b;
    b.x0 = std::max(0, static_cast<int>(std::floor(std::min(x0, x1) - r)));
    b.y0 = std::max(0, static_cast<int>(std::floor(std::min(y0, y1) - r)));
    b.x1 = std::min(c.width, static_cast<int>(std::ceil(std::max(x0, x1) + r)) + 1);
    b.y1 = std::min(c.height, static_cast<int>(std::ceil(std::max(y0, y1) + r)) + 1);
    const double dx = x1 - x0, dy = y1 - y0;
    const double len2 = std::max(dx * dx + dy * dy, 1e-9);
    const double e = std::max(edge, 1e-3);
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x) {
            const double t = std::clamp(((x - x0) * dx + (y - y0) * dy) / len2, 0.0, 1.0);
            const double px = x - (x0 + t * dx), py = y - (y0 + t * dy);
            const double d = std::sqrt(px * px + py * py) - halfWidth;
            if (d >= 0.5 * e) continue;
            const double m = d <= -0.5 * e ? 1.0 : 1.0 - smoothstep((d + 0.5 * e) / e);
            c.at(x, y) += static_cast<float>(value * m);
        }
}

ValueNoise::ValueNoise(std::uint64_t seed, double cell) : m_seed(seed), m_cell(std::max(cell, 1e-3)) {}

double ValueNoise::lattice(std::int64_t ix, std::int64_t iy) const {
    std::uint64_t s = m_seed ^ (static_cast<std::uint64_t>(ix) * 0x9E3779B97F4A7C15ull) ^
                      (static_cast<std::uint64_t>(iy) * 0xC2B2AE3D27D4EB4Full);
    const std::uint64_t h = splitmix64(s);
    return static_cast<double>(h >> 11) * 0x1.0p-52 - 1.0;  // [-1, 1)
}

double ValueNoise::at(double x, double y) const {
    const double fx = x / m_cell, fy = y / m_cell;
    const double flx = std::floor(fx), fly = std::floor(fy);
    const auto ix = static_cast<std::int64_t>(flx), iy = static_cast<std::int64_t>(fly);
    const double tx = smoothstep(fx - flx), ty = smoothstep(fy - fly);
    const double a = lattice(ix, iy), b = lattice(ix + 1, iy);
    const double c = lattice(ix, iy + 1), d = lattice(ix + 1, iy + 1);
    return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

void addGaussianNoise(Canvas& c, Rng& rng, double sigma) {
    if (sigma <= 0.0) return;
    for (float& p : c.v) p = static_cast<float>(p + sigma * rng.normal());
}

void boxBlur(Canvas& c, int radius) {
    if (radius <= 0 || c.v.empty()) return;
    std::vector<float> tmp(c.v.size());
    const float norm = 1.0f / static_cast<float>(2 * radius + 1);
    // Rows, then columns; a running sum with clamped edges.
    for (int y = 0; y < c.height; ++y) {
        const float* row = &c.v[static_cast<std::size_t>(y) * c.width];
        float* out = &tmp[static_cast<std::size_t>(y) * c.width];
        float sum = 0.f;
        for (int k = -radius; k <= radius; ++k) sum += row[std::clamp(k, 0, c.width - 1)];
        for (int x = 0; x < c.width; ++x) {
            out[x] = sum * norm;
            sum += row[std::min(x + radius + 1, c.width - 1)] - row[std::max(x - radius, 0)];
        }
    }
    for (int x = 0; x < c.width; ++x) {
        float sum = 0.f;
        for (int k = -radius; k <= radius; ++k)
            sum += tmp[static_cast<std::size_t>(std::clamp(k, 0, c.height - 1)) * c.width + x];
        for (int y = 0; y < c.height; ++y) {
            c.v[static_cast<std::size_t>(y) * c.width + x] = sum * norm;
            sum += tmp[static_cast<std::size_t>(std::min(y + radius + 1, c.height - 1)) * c.width + x] -
                   tmp[static_cast<std::size_t>(std::max(y - radius, 0)) * c.width + x];
        }
    }
}

std::uint8_t toByte(double v) {
    const double s = std::clamp(v, 0.0, 1.0) * 255.0 + 0.5;
    return static_cast<std::uint8_t>(s);
}

}  // namespace stllava::synthetic
