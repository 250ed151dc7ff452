// Formulas, with p_o the observed agreement, p_{k.} and p_{.k} the shares of items rater A and
// rater B put into category k, N items and K categories:
//   Cohen's kappa (J. Cohen, "A coefficient of agreement for nominal scales", Educational and
//   Psychological Measurement 20(1):37-46, 1960):
//       p_e = sum_k p_{k.} p_{.k},                       kappa = (p_o - p_e) / (1 - p_e)
//   Gwet's AC1 (K. L. Gwet, "Computing inter-rater reliability and its variance in the presence of
//   high agreement", British Journal of Mathematical and Statistical Psychology 61(1):29-48, 2008,
//   eq. for two raters):
//       pi_k = (p_{k.} + p_{.k}) / 2,  p_e = 1/(K-1) sum_k pi_k (1 - pi_k),  AC1 = (p_o - p_e) / (1 - p_e)
#include "services/review/agreement.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace stllava::review {

Agreement measureAgreement(const std::vector<std::pair<int, int>>& ratings, int categories) {
    if (categories < 2) throw std::invalid_argument("agreement needs at least two categories");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Agreement a;
    a.n = ratings.size();
    if (a.n == 0) {
        a.kappa = a.ac1 = a.observed = nan;
        return a;
    }
    std::vector<double> rowA(static_cast<std::size_t>(categories), 0.0), colB(rowA);
    std::size_t same = 0;
    for (const auto& [ca, cb] : ratings) {
        if (ca < 0 || ca >= categories || cb < 0 || cb >= categories)
            throw std::invalid_argument("category out of range: " + std::to_string(ca) + ", " + std::to_string(cb));
        rowA[static_cast<std::size_t>(ca)] += 1.0;
        colB[static_cast<std::size_t>(cb)] += 1.0;
        if (ca == cb) ++same;
    }
    const double n = static_cast<double>(a.n);
    a.observed = static_cast<double>(same) / n;
    double peKappa = 0.0, peAc1 = 0.0;
    for (std::size_t k = 0; k < rowA.size(); ++k) {
        const double pa = rowA[k] / n, pb = colB[k] / n;
        peKappa += pa * pb;
        const double pi = (pa + pb) / 2.0;
        peAc1 += pi * (1.0 - pi);
    }
    peAc1 /= static_cast<double>(categories - 1);
    a.kappa = std::abs(1.0 - peKappa) < 1e-12 ? nan : (a.observed - peKappa) / (1.0 - peKappa);
    a.ac1 = std::abs(1.0 - peAc1) < 1e-12 ? nan : (a.observed - peAc1) / (1.0 - peAc1);
    return a;
}

}  // namespace stllava::review
