#include "metrics/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stllava::metrics {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

void checkOptions(const BootstrapOptions& o) {
    if (o.resamples < 1) throw std::invalid_argument("bootstrap: resamples must be at least 1");
    if (!(o.level > 0.0 && o.level < 1.0)) throw std::invalid_argument("bootstrap: level must be in (0, 1)");
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
    for (auto& s : m_s) s = splitmix64(seed);
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Lemire (2019): multiply, reject the biased low range.
    unsigned __int128 m = static_cast<unsigned __int128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<unsigned __int128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double percentileSorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0.0;
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

std::array<Interval, kMetricCount> bootstrapIntervals(const std::vector<ItemScore>& scores,
                                                      const BootstrapOptions& options) {
    checkOptions(options);
    // Per-type value columns: OPEN -> recall, precision, f1, exact; CLOSED -> hit, strict hit.
    std::vector<std::array<double, 4>> open;
    std::vector<std::array<double, 2>> closed;
    for (const auto& s : scores) {
        if (s.type == AnswerType::Open) open.push_back({s.recall, s.precision, s.f1, s.exact});
        if (s.type == AnswerType::Closed)
            closed.push_back({s.closed_hit ? 1.0 : 0.0, s.closed_hit_strict ? 1.0 : 0.0});
    }
    const auto B = static_cast<std::size_t>(options.resamples);
    std::array<std::vector<double>, kMetricCount> stats;
    for (auto& v : stats) v.reserve(B);
    Rng rng(options.seed);
    for (std::size_t b = 0; b < B; ++b) {
        if (!open.empty()) {
            std::array<double, 4> sum{};
            for (std::size_t k = 0; k < open.size(); ++k) {
                const auto& row = open[rng.below(open.size())];
                for (int m = 0; m < 4; ++m) sum[m] += row[m];
            }
            for (int m = 0; m < 4; ++m) stats[m].push_back(sum[m] / static_cast<double>(open.size()));
        }
        if (!closed.empty()) {
            std::array<double, 2> sum{};
            for (std::size_t k = 0; k < closed.size(); ++k) {
                const auto& row = closed[rng.below(closed.size())];
                sum[0] += row[0];
                sum[1] += row[1];
            }
            for (int m = 0; m < 2; ++m) stats[4 + m].push_back(sum[m] / static_cast<double>(closed.size()));
        }
    }
    const double alpha = (1.0 - options.level) / 2.0;
    std::array<Interval, kMetricCount> out{};
    for (std::size_t m = 0; m < kMetricCount; ++m) {
        auto& v = stats[m];
        if (v.empty()) continue;
        std::sort(v.begin(), v.end());
        out[m] = {percentileSorted(v, alpha), percentileSorted(v, 1.0 - alpha)};
    }
    return out;
}

Interval bootstrapMeanInterval(const std::vector<double>& values, const BootstrapOptions& options) {
    checkOptions(options);
    if (values.empty()) return {};
    Rng rng(options.seed);
    std::vector<double> stats;
    stats.reserve(static_cast<std::size_t>(options.resamples));
    for (int b = 0; b < options.resamples; ++b) {
        double sum = 0;
        for (std::size_t k = 0; k < values.size(); ++k) sum += values[rng.below(values.size())];
        stats.push_back(sum / static_cast<double>(values.size()));
    }
    std::sort(stats.begin(), stats.end());
    const double alpha = (1.0 - options.level) / 2.0;
    return {percentileSorted(stats, alpha), percentileSorted(stats, 1.0 - alpha)};
}

}  // namespace stllava::metrics
