#include "selftrain/pair_stats.h"

#include <cmath>

namespace stllava::selftrain {

using nlohmann::json;

JudgementTotals totalJudgements(const std::vector<Judgement>& judgements) {
    JudgementTotals t;
    for (const auto& j : judgements) {
        ++t.requests;
        if (j.status == JudgeStatus::Ok)
            ++t.ok;
        else if (j.status == JudgeStatus::Unparseable)
            ++t.unparseable;
        else
            ++t.failed;
        if (j.cached) ++t.cached;
        t.prompt_tokens += j.usage.prompt_tokens;
        t.completion_tokens += j.usage.completion_tokens;
        if (j.cost_usd)
            t.cost_usd += *j.cost_usd;
        else if (!j.cached && (j.usage.prompt_tokens || j.usage.completion_tokens))
            ++t.unpriced;
    }
    return t;
}

json toJson(const JudgementTotals& t) {
    return {{"requests", t.requests},
            {"ok", t.ok},
            {"unparseable", t.unparseable},
            {"failed", t.failed},
            {"cached", t.cached},
            {"prompt_tokens", t.prompt_tokens},
            {"completion_tokens", t.completion_tokens},
            {"cost_usd", t.cost_usd},
            {"unpriced_judgements", t.unpriced}};
}

namespace {
double ratio(long long a, long long b) {
    return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
}
}  // namespace

BiasFigures measureBias(const std::vector<PairDecision>& decisions) {
    BiasFigures b;
    double diff_sum = 0;
    long long diff_n = 0;
    std::vector<double> xs, ys;
    for (const auto& d : decisions) {
        for (const auto* j : {&d.forward, &d.swapped}) {
            if (!*j || (*j)->status != JudgeStatus::Ok) continue;
            const double diff = *(*j)->first_score - *(*j)->second_score;
            diff_sum += diff;
            ++diff_n;
            if (diff != 0) {
                ++b.decisive;
                if (diff > 0) ++b.first_shown_won;
            }
        }
        if (d.orders_agree) {
            ++b.both_orders;
            if (*d.orders_agree) ++b.orders_agree;
            if (d.reason == reason::kOrderFlip) ++b.order_flips;
        }
        if (d.status == PairStatus::AutoAccepted) {
            ++b.accepted;
            if (d.chosenAnswer().size() > d.rejectedAnswer().size()) ++b.chosen_longer;
        }
        if (d.score1 && d.score2 && d.item.answers.size() == 2 && d.chosen != 0) {
            xs.push_back(static_cast<double>(d.item.answers[0].size()) -
                         static_cast<double>(d.item.answers[1].size()));
            ys.push_back(*d.score1 - *d.score2);
        }
    }
    b.order_flip_rate = ratio(b.order_flips, b.both_orders);
    b.first_shown_win_rate = ratio(b.first_shown_won, b.decisive);
    b.mean_first_minus_second = diff_n ? diff_sum / static_cast<double>(diff_n) : 0.0;
    b.chosen_longer_rate = ratio(b.chosen_longer, b.accepted);
    b.correlation_n = static_cast<long long>(xs.size());
    if (xs.size() >= 2) {
        double mx = 0, my = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) mx += xs[i], my += ys[i];
        mx /= static_cast<double>(xs.size());
        my /= static_cast<double>(ys.size());
        double sxy = 0, sxx = 0, syy = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }
        if (sxx > 0 && syy > 0) b.length_score_correlation = sxy / std::sqrt(sxx * syy);
    }
    return b;
}

json toJson(const BiasFigures& b) {
    return {{"items_with_both_orders", b.both_orders},
            {"orders_agree", b.orders_agree},
            {"order_flips", b.order_flips},
            {"order_flip_rate", b.order_flip_rate},
            {"decisive_judgements", b.decisive},
            {"first_shown_won", b.first_shown_won},
            {"first_shown_win_rate", b.first_shown_win_rate},
            {"mean_first_minus_second_score", b.mean_first_minus_second},
            {"accepted_pairs", b.accepted},
            {"chosen_longer", b.chosen_longer},
            {"chosen_longer_rate", b.chosen_longer_rate},
            {"length_score_correlation", b.length_score_correlation},
            {"length_score_correlation_n", b.correlation_n}};
}

std::map<std::string, long long> countStatuses(const std::vector<PairDecision>& decisions) {
    std::map<std::string, long long> m;
    for (const char* s : {"auto_accepted", "needs_review", "rejected", "incomplete"}) m[s] = 0;
    for (const auto& d : decisions) ++m[pairStatusName(d.status)];
    return m;
}

std::map<std::string, long long> countReasons(const std::vector<PairDecision>& decisions) {
    std::map<std::string, long long> m;
    for (const auto& d : decisions)
        if (!d.reason.empty()) ++m[d.reason];
    return m;
}

}  // namespace stllava::selftrain
