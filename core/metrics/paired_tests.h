// Paired comparison of two runs on the same questions: McNemar's test for CLOSED hits (exact
// binomial and mid-p), and for per-question OPEN scores a paired bootstrap interval of the mean
// difference plus an exact two-sided sign test.
#pragma once

#include "metrics/bootstrap.h"

#include <cstddef>
#include <vector>

namespace stllava::metrics {

struct McNemarResult {
    std::size_t both_hit = 0, only_a = 0, only_b = 0, both_miss = 0;
    double p_exact = 1.0;  // two-sided exact: min(1, 2 * P(X <= min(b, c))), X ~ Bin(b + c, 1/2)
    double p_mid = 1.0;    // mid-p: p_exact - P(X = min(b, c)) (1 when b == c)
};

// From the discordant counts: b = A right & B wrong, c = A wrong & B right.
McNemarResult mcnemarFromCounts(std::size_t b, std::size_t c);
// From per-question hits of runs A and B (same length).
McNemarResult mcnemar(const std::vector<bool>& a, const std::vector<bool>& b);

// Two-sided exact binomial test of k successes in n trials with p = 1/2:
// min(1, 2 * P(X <= min(k, n - k))). 1 when n == 0.
double signTestP(std::size_t k, std::size_t n);

struct PairedDifference {
    std::size_t n = 0;
    double mean_a = 0, mean_b = 0, mean_diff = 0;  // diff = B - A
    Interval diff_ci;                              // paired bootstrap, percentile method
    std::size_t n_better = 0, n_worse = 0, n_tied = 0;  // B above / below / equal to A
    double sign_test_p = 1.0;                            // ties dropped
};

// Per-question values of A and B in the same order (same length).
PairedDifference pairedDifference(const std::vector<double>& a, const std::vector<double>& b,
                                  const BootstrapOptions& options = {});

}  // namespace stllava::metrics
