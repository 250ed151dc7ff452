// The figures a self-training run reports: what the judge was asked and what it cost, how often
// its verdict changed when the answers were swapped (order-flip rate), how often the answer shown
// first won (position bias), and how the chosen answer's length relates to its win (length bias).
#pragma once

#include "selftrain/pairs.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace stllava::selftrain {

struct JudgementTotals {
    long long requests = 0, ok = 0, unparseable = 0, failed = 0, cached = 0;
    long long prompt_tokens = 0, completion_tokens = 0;  // paid ones (cache hits left out)
    double cost_usd = 0.0;
    long long unpriced = 0;  // judgements with tokens but no configured price
};
JudgementTotals totalJudgements(const std::vector<Judgement>& judgements);
nlohmann::json toJson(const JudgementTotals& t);

struct BiasFigures {
    // Items with both orders parsed.
    long long both_orders = 0, orders_agree = 0, order_flips = 0;
    double order_flip_rate = 0.0;  // flips / both_orders (a verdict that reverses with the order)
    // Parsed judgements with a winner.
    long long decisive = 0, first_shown_won = 0;
    double first_shown_win_rate = 0.0;     // 0.5 = no position bias
    double mean_first_minus_second = 0.0;  // over all parsed judgements
    // Auto-accepted pairs.
    long long accepted = 0, chosen_longer = 0;
    double chosen_longer_rate = 0.0;
    double length_score_correlation =
        0.0;  // Pearson r of (len1-len2) and (score1-score2), items with a winner
    long long correlation_n = 0;
};
BiasFigures measureBias(const std::vector<PairDecision>& decisions);
nlohmann::json toJson(const BiasFigures& b);

// Counts per status and per reason.
std::map<std::string, long long> countStatuses(const std::vector<PairDecision>& decisions);
std::map<std::string, long long> countReasons(const std::vector<PairDecision>& decisions);

}  // namespace stllava::selftrain
