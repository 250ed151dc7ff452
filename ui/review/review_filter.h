// Which pairs the Review workspace lists and in what order: the filters (undecided by me, needs
// review, ties, low margin, order disagreement, judge status, adjudication queue), the curator
// filter (pairs one curator decided) and the sort by margin. Plain functions over store values.
#pragma once

#include "services/review/review_types.h"

#include <QString>

#include <vector>

namespace stllava::ui {

enum class PairFilter {
    All,
    Undecided,          // not yet decided by the current curator
    NeedsReview,        // the judge's status: needs_review
    Ties,               // the judge scored both answers alike (or called it a tie)
    LowMargin,          // averaged score difference below kLowMargin
    OrderDisagreement,  // the verdict changed with the order the answers were shown in
    AutoAccepted,
    Rejected,           // the judge's status: rejected
    Adjudication,       // curators decided differently; decisions here are adjudications
};
inline constexpr double kLowMargin = 2.0;
inline constexpr int kPairFilterCount = 9;

enum class PairSort { ImportOrder, MarginAscending, MarginDescending };

QString pairFilterLabel(PairFilter f);  // translated
QString pairSortLabel(PairSort s);

bool matchesFilter(PairFilter f, const review::ReviewPair& p, const review::PairState& mine,
                   const review::Resolution& resolution);

// Sorts `pairs` (indices into `all`) in place; ties keep the import order.
void sortPairs(std::vector<const review::ReviewPair*>& pairs, PairSort sort);

}  // namespace stllava::ui
