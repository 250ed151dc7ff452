#include "metrics/paired_tests.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace stllava::metrics {
namespace {

// P(X = k) for X ~ Bin(n, 1/2), in log space so that n in the thousands stays exact enough.
double binomHalfPmf(std::size_t k, std::size_t n) {
    const double dn = static_cast<double>(n), dk = static_cast<double>(k);
    return std::exp(std::lgamma(dn + 1) - std::lgamma(dk + 1) - std::lgamma(dn - dk + 1) - dn * std::log(2.0));
}

double binomHalfCdf(std::size_t k, std::size_t n) {
    double sum = 0;
    for (std::size_t i = 0; i <= k; ++i) sum += binomHalfPmf(i, n);
    return sum;
}

}  // namespace

double signTestP(std::size_t k, std::size_t n) {
    if (n == 0) return 1.0;
    if (k > n) throw std::invalid_argument("signTestP: k > n");
    const std::size_t m = std::min(k, n - k);
    return std::min(1.0, 2.0 * binomHalfCdf(m, n));
}

McNemarResult mcnemarFromCounts(std::size_t b, std::size_t c) {
    McNemarResult r;
    r.only_a = b;
    r.only_b = c;
    const std::size_t n = b + c;
    if (n == 0) return r;
    const std::size_t m = std::min(b, c);
    r.p_exact = std::min(1.0, 2.0 * binomHalfCdf(m, n));
    r.p_mid = b == c ? 1.0 : 2.0 * binomHalfCdf(m, n) - binomHalfPmf(m, n);
    return r;
}

McNemarResult mcnemar(const std::vector<bool>& a, const std::vector<bool>& b) {
    if (a.size() != b.size())
        throw std::invalid_argument("mcnemar: runs have " + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()) + " questions");
    std::size_t both = 0, only_a = 0, only_b = 0, none = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] && b[i]) ++both;
        else if (a[i]) ++only_a;
        else if (b[i]) ++only_b;
        else ++none;
    }
    McNemarResult r = mcnemarFromCounts(only_a, only_b);
    r.both_hit = both;
    r.both_miss = none;
    return r;
}

PairedDifference pairedDifference(const std::vector<double>& a, const std::vector<double>& b,
                                  const BootstrapOptions& options) {
    if (a.size() != b.size())
        throw std::invalid_argument("pairedDifference: runs have " + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()) + " questions");
    PairedDifference r;
    r.n = a.size();
    if (r.n == 0) return r;
    std::vector<double> diff(r.n);
    double sa = 0, sb = 0;
    for (std::size_t i = 0; i < r.n; ++i) {
        sa += a[i];
        sb += b[i];
        diff[i] = b[i] - a[i];
        if (diff[i] > 0) ++r.n_better;
        else if (diff[i] < 0) ++r.n_worse;
        else ++r.n_tied;
    }
    r.mean_a = sa / static_cast<double>(r.n);
    r.mean_b = sb / static_cast<double>(r.n);
    r.mean_diff = r.mean_b - r.mean_a;
    r.diff_ci = bootstrapMeanInterval(diff, options);
    r.sign_test_p = signTestP(r.n_better, r.n_better + r.n_worse);
    return r;
}

}  // namespace stllava::metrics
