#include "review/review_filter.h"

#include <QCoreApplication>

#include <algorithm>

namespace stllava::ui {

namespace {
const char* kContext = "stllava::ui::PairFilter";
}

QString pairFilterLabel(PairFilter f) {
    switch (f) {
        case PairFilter::All: return QCoreApplication::translate(kContext, "All pairs");
        case PairFilter::Undecided: return QCoreApplication::translate(kContext, "Not decided by me");
        case PairFilter::NeedsReview: return QCoreApplication::translate(kContext, "Needs review");
        case PairFilter::Ties: return QCoreApplication::translate(kContext, "Ties");
        case PairFilter::LowMargin:
            return QCoreApplication::translate(kContext, "Low margin (< %1)").arg(kLowMargin);
        case PairFilter::OrderDisagreement: return QCoreApplication::translate(kContext, "Orders disagree");
        case PairFilter::AutoAccepted: return QCoreApplication::translate(kContext, "Status: auto-accepted");
        case PairFilter::Rejected: return QCoreApplication::translate(kContext, "Status: rejected");
        case PairFilter::Adjudication: return QCoreApplication::translate(kContext, "Adjudication queue");
    }
    return {};
}

QString pairSortLabel(PairSort s) {
    switch (s) {
        case PairSort::ImportOrder: return QCoreApplication::translate(kContext, "Job order");
        case PairSort::MarginAscending: return QCoreApplication::translate(kContext, "Margin, smallest first");
        case PairSort::MarginDescending: return QCoreApplication::translate(kContext, "Margin, largest first");
    }
    return {};
}

bool matchesFilter(PairFilter f, const review::ReviewPair& p, const review::PairState& mine,
                   const review::Resolution& resolution) {
    switch (f) {
        case PairFilter::All: return true;
        case PairFilter::Undecided: return !mine.decided();
        case PairFilter::NeedsReview: return p.judgeStatus == QLatin1String("needs_review");
        case PairFilter::Ties:
            return p.reason == QLatin1String("tie") || (p.score1 && p.score2 && *p.score1 == *p.score2);
        case PairFilter::LowMargin: return p.score1 && p.score2 && p.margin < kLowMargin;
        case PairFilter::OrderDisagreement: return p.ordersAgree.has_value() && !*p.ordersAgree;
        case PairFilter::AutoAccepted: return p.judgeStatus == QLatin1String("auto_accepted");
        case PairFilter::Rejected: return p.judgeStatus == QLatin1String("rejected");
        case PairFilter::Adjudication: return resolution.conflict || resolution.adjudicated;
    }
    return true;
}

void sortPairs(std::vector<const review::ReviewPair*>& pairs, PairSort sort) {
    if (sort == PairSort::ImportOrder) return;
    std::stable_sort(pairs.begin(), pairs.end(), [sort](const review::ReviewPair* a, const review::ReviewPair* b) {
        return sort == PairSort::MarginAscending ? a->margin < b->margin : a->margin > b->margin;
    });
}

}  // namespace stllava::ui
