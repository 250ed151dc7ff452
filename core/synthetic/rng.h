// A small, portable pseudo-random generator for the synthetic world: xoshiro256** seeded through
// splitmix64 (metrics::Rng), with its own uniform and normal draws. The standard library's distributions are
// not used on purpose: their output differs between standard libraries, and the world must give the same
// bytes for the same seed everywhere. (Normal draws use std::log/std::sqrt/std::cos, which glibc
// computes correctly rounded for these inputs; on another libm the last bit may differ.)
#pragma once

#include "metrics/bootstrap.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stllava::synthetic {

// splitmix64 step: a well-mixed 64-bit value from a counter (also used to derive sub-seeds).
inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// A stable 64-bit mix of a seed and a label (FNV-1a over the label, then splitmix64), so that
// every part of the world draws from its own stream: deriveSeed(seed, "vqa-rad", 17).
inline std::uint64_t deriveSeed(std::uint64_t seed, std::string_view label, std::uint64_t index = 0) {
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : label) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    std::uint64_t s = seed ^ h;
    splitmix64(s);
    s ^= index * 0xD1B54A32D192ED03ull;
    return splitmix64(s);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_core(seed) {}

    // The next 64 random bits (xoshiro256** seeded through splitmix64: metrics::Rng, shared with the
    // bootstrap).
    std::uint64_t next() { return m_core.next(); }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi] (inclusive); lo <= hi.
    int range(int lo, int hi) {
        const std::uint64_t span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
        return lo + static_cast<int>(m_core.below(span));
    }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Box-Muller; the second value of each pair is kept for the next call).
    double normal() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u1 = uniform();
        if (u1 < 1e-300) u1 = 1e-300;
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double a = 6.283185307179586 * uniform();
        m_spare = r * std::sin(a);
        m_hasSpare = true;
        return r * std::cos(a);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // Picks one element index of a container of size n (n > 0).
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(m_core.below(n)); }

private:
    metrics::Rng m_core;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

}  // namespace stllava::synthetic
