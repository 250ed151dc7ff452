#include "selftrain/pairs.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace stllava::selftrain {
namespace {

int sign(double v) {
    return (v > 0) - (v < 0);
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

void decide(PairDecision& d, const PairOptions& o) {
    const auto& answers = d.item.answers;
    if (answers.size() != 2) {
        d.status = PairStatus::Rejected;
        d.reason = reason::kNotTwoAnswers;
        return;
    }
    if (blank(answers[0]) || blank(answers[1])) {
        d.status = PairStatus::Rejected;
        d.reason = reason::kEmptyAnswer;
        return;
    }
    if (answers[0] == answers[1]) {
        d.status = PairStatus::Rejected;
        d.reason = reason::kIdentical;
        return;
    }
    if (!d.forward && !d.swapped) {
        d.status = PairStatus::Incomplete;
        d.reason = reason::kNotJudged;
        return;
    }
    if ((!d.forward || !d.swapped) && !o.allow_single_order) {
        d.status = PairStatus::Incomplete;
        d.reason = reason::kOrderMissing;
        return;
    }
    for (const auto* j : {&d.forward, &d.swapped}) {
        if (*j && (*j)->status != JudgeStatus::Ok) {
            d.status = PairStatus::NeedsReview;
            d.reason = reason::kUnparseable;
            return;
        }
    }
    double sum1 = 0, sum2 = 0;
    int n = 0;
    for (const auto* j : {&d.forward, &d.swapped}) {
        if (!*j) continue;
        sum1 += *(*j)->scoreOfAnswer(1);
        sum2 += *(*j)->scoreOfAnswer(2);
        ++n;
    }
    d.score1 = sum1 / n;
    d.score2 = sum2 / n;
    d.margin = std::fabs(*d.score1 - *d.score2);
    if (*d.score1 != *d.score2) d.chosen = *d.score1 > *d.score2 ? 1 : 2;
    bool flip = false;
    if (d.forward && d.swapped) {
        const int f = sign(*d.forward->scoreOfAnswer(1) - *d.forward->scoreOfAnswer(2));
        const int s = sign(*d.swapped->scoreOfAnswer(1) - *d.swapped->scoreOfAnswer(2));
        d.orders_agree = f == s;
        flip = f * s < 0;
    }
    d.status = PairStatus::NeedsReview;
    if (flip)
        d.reason = reason::kOrderFlip;
    else if (d.chosen == 0)
        d.reason = reason::kTie;
    else if (std::max(*d.score1, *d.score2) < o.both_wrong_floor)
        d.reason = reason::kBothBelowFloor;
    else if (d.margin < o.min_margin)
        d.reason = reason::kSmallMargin;
    else
        d.status = PairStatus::AutoAccepted;
}

}  // namespace

const char* pairStatusName(PairStatus s) {
    switch (s) {
        case PairStatus::AutoAccepted:
            return "auto_accepted";
        case PairStatus::NeedsReview:
            return "needs_review";
        case PairStatus::Rejected:
            return "rejected";
        case PairStatus::Incomplete:
            return "incomplete";
    }
    return "incomplete";
}

std::vector<PairDecision> decidePairs(const std::vector<GeneratedItem>& items,
                                      const std::vector<Judgement>& judgements, const PairOptions& options) {
    std::unordered_map<std::string, const Judgement*> latest;
    for (const auto& j : judgements)
        if (j.status != JudgeStatus::Failed) latest[judgementKey(j.item_id, j.order)] = &j;
    std::vector<PairDecision> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        PairDecision d;
        d.item = item;
        for (auto [order, slot] :
             {std::pair{AnswerOrder::Forward, &d.forward}, std::pair{AnswerOrder::Swapped, &d.swapped}}) {
            const auto it = latest.find(judgementKey(item.item_id, order));
            if (it != latest.end()) {
                *slot = *it->second;
                if (d.judge_model.empty()) d.judge_model = it->second->judge_model;
            }
        }
        decide(d, options);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace stllava::selftrain
