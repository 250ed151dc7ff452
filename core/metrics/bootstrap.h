// 95% bootstrap confidence intervals (percentile method) for every benchmark metric, seeded and
// deterministic on every platform (own xoshiro256** generator and bounded draws, not <random>'s
// implementation-defined distributions). Resampling is stratified by answer type: each resample
// draws n_open OPEN questions and n_closed CLOSED questions with replacement, so every resample has
// the benchmark's own question counts.
#pragma once

#include "metrics/aggregate.h"

#include <array>
#include <cstdint>
#include <vector>

namespace stllava::metrics {

struct BootstrapOptions {
    int resamples = 1000;
    std::uint64_t seed = 20240611;
    double level = 0.95;  // two-sided coverage
};

struct Interval {
    double lo = 0, hi = 0;
};

// Seeded pseudo-random generator (xoshiro256**, seeded through splitmix64).
class Rng {
public:
    explicit Rng(std::uint64_t seed);
    std::uint64_t next();
    // Uniform in [0, n), n > 0 (Lemire's multiply-shift with rejection: exact, no modulo bias).
    std::uint64_t below(std::uint64_t n);

private:
    std::uint64_t m_s[4];
};

// Percentile of `sorted` at quantile q in [0, 1], linear interpolation between order statistics
// (numpy's default "linear" method).
double percentileSorted(const std::vector<double>& sorted, double q);

// One interval per metric; an interval is [0, 0] when its question set is empty.
std::array<Interval, kMetricCount> bootstrapIntervals(const std::vector<ItemScore>& scores,
                                                      const BootstrapOptions& options = {});

// Interval for the mean of `values` (resampled with replacement).
Interval bootstrapMeanInterval(const std::vector<double>& values, const BootstrapOptions& options = {});

}  // namespace stllava::metrics
