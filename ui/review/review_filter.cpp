#include "review/review_filter.h"

#include <QCoreApplication>

#include <algorithm>

namespace stllava::ui {

namespace {
}

QString pairFilterLabel(PairFilter f) {
    switch (f) {
        case PairFilter::All: return QCoreApplication::translate("stllava::ui::PairFilter", "All pairs");
        case PairFilter::Undecided: return QCoreApplication::translate("stllava::ui::PairFilter", "Not decided by me");
        case PairFilter::NeedsReview: return QCoreApplication::translate("stllava::ui::PairFilter", "Needs review");
        case PairFilter::Ties: return QCoreApplication::translate("stllava::ui::PairFilter", "Ties");
        case PairFilter::LowMargin:
            return QCoreApplication::translate("stllava::ui::PairFilter", "Low margin (< %1)").arg(kLowMargin);
        case PairFilter::OrderDisagreement: return QCoreApplication::translate("stllava::ui::PairFilter", "Orders disagree");
        case PairFilter::AutoAccepted: return QCoreApplication::translate("stllava::ui::PairFilter", "Status: auto-accepted");
        case PairFilter::Rejected: return QCoreApplication::translate("stllava::ui::PairFilter", "Status: rejected");
        case PairFilter::Adjudication: return QCoreApplication::translate("stllava::ui::PairFilter", "Adjudication queue");
    }
    return {};
}

QString pairSortLabel(PairSort s) {
    switch (s) {
        case PairSort::ImportOrder: return QCoreApplication::translate("stllava::ui::PairFilter", "Job order");
        case PairSort::MarginAscending: return QCoreApplication::translate("stllava::ui::PairFilter", "Margin, smallest first");
        case PairSort::MarginDescending: return QCoreApplication::translate("stllava::ui::PairFilter", "Margin, largest first");
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
