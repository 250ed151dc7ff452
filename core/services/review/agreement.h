// Chance-corrected agreement between two raters who put the same items into K categories:
// Cohen's kappa and Gwet's AC1 (AC1 stays meaningful when one category dominates, where kappa
// drops towards 0 or below although the raters nearly always agree: the "kappa paradox").
// Plain C++17.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace stllava::review {

struct Agreement {
    std::size_t n = 0;       // items both raters rated
    double observed = 0.0;   // p_o: share of items with the same category
    double kappa = 0.0;      // NaN when undefined (p_e = 1: both raters used one category only)
    double ac1 = 0.0;        // NaN when n = 0
};

// `ratings`: (category of rater A, category of rater B) per item, each in [0, categories).
// Throws std::invalid_argument for a category out of range or categories < 2.
Agreement measureAgreement(const std::vector<std::pair<int, int>>& ratings, int categories);

}  // namespace stllava::review
