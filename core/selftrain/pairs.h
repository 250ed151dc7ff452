// Preference pairs from judged items. Each item is judged in both answer orders; the two orders'
// scores are averaged per answer. Nothing ambiguous is decided silently: ties, verdicts that flip
// with the order, both answers under a floor, margins under a minimum and unparseable replies
// become NEEDS_REVIEW (kept out of the pairs, counted, listed for review with their reason).
#pragma once

#include "selftrain/job_records.h"

#include <optional>
#include <string>
#include <vector>

namespace stllava::selftrain {

struct PairOptions {
    double min_margin = 1.0;          // averaged score difference needed to accept a pair
    double both_wrong_floor = 4.0;    // both averaged scores below it: "both wrong", to review
    bool allow_single_order = false;  // accept items judged in one order only (--single-order jobs)
};

enum class PairStatus { AutoAccepted, NeedsReview, Rejected, Incomplete };
const char* pairStatusName(PairStatus s);  // "auto_accepted", "needs_review", "rejected", "incomplete"

// Why a pair has its status (empty for auto-accepted ones).
namespace reason {
inline constexpr const char* kTie = "tie";
inline constexpr const char* kOrderFlip = "order_flip";  // the winner changes with the order shown
inline constexpr const char* kBothBelowFloor = "both_below_floor";
inline constexpr const char* kSmallMargin = "margin_below_minimum";
inline constexpr const char* kUnparseable = "unparseable_reply";
inline constexpr const char* kIdentical = "identical_answers";
inline constexpr const char* kEmptyAnswer = "empty_answer";
inline constexpr const char* kNotTwoAnswers = "not_two_answers";
inline constexpr const char* kNotJudged = "not_judged";
inline constexpr const char* kOrderMissing = "one_order_missing";
}  // namespace reason

struct PairDecision {
    GeneratedItem item;
    PairStatus status = PairStatus::Incomplete;
    std::string reason;
    std::optional<Judgement> forward, swapped;  // the latest usable judgement of each order
    std::optional<double> score1, score2;       // averaged over the orders judged
    int chosen = 0;                             // 1 or 2 when a winner is known (also for review items)
    double margin = 0.0;                        // |score1 - score2|
    std::optional<bool> orders_agree;           // both orders parsed: same verdict (or both ties)
    std::string judge_model;

    const std::string& chosenAnswer() const { return item.answers[static_cast<std::size_t>(chosen - 1)]; }
    const std::string& rejectedAnswer() const { return item.answers[static_cast<std::size_t>(2 - chosen)]; }
};

// One decision per item, in item order. For each (item, order) the last non-failed judgement counts.
std::vector<PairDecision> decidePairs(const std::vector<GeneratedItem>& items,
                                      const std::vector<Judgement>& judgements,
                                      const PairOptions& options = {});

}  // namespace stllava::selftrain
