// Per-question scores exactly as LLaVA-Med's evaluate() (llava/eval/run_eval.py) computes them,
// plus a strict whole-word CLOSED variant beside the reference rule.
//
// OPEN (reference and prediction normalised once by evaluate(), then again inside
// calculate_f1score / calculate_exactmatch; words counted with multiplicity):
//   tp = sum over words in both of the word's count in the PREDICTION; fp = prediction counts of words
//   not in the reference; fn = reference counts of words not in the prediction.
//   recall = tp/(tp+fn), precision = tp/(tp+fp), F1 = 2PR/(P+R); all 0 when either side has no
//   words or tp = 0.  exact = (distinct reference words found in the prediction) / (prediction word
//   count), 0 when the prediction has no words.
// CLOSED "llava-med" (normalised once): hit when the prediction contains "yes" or "no" as SUBSTRINGS
//   ("normal", "nodule", "not" count as containing "no") and contains the reference as a substring.
// CLOSED "strict" (our variant, labelled so in reports): the reference's words occur as a contiguous
//   whole-word run in the prediction's words, and for a yes/no reference the prediction does not
//   contain the opposite word ("no" for "yes", "yes" for "no") as a whole word.
#pragma once

#include "metrics/vqa_normalize.h"

#include <string>
#include <string_view>
#include <vector>

namespace stllava::metrics {

enum class AnswerType { Open, Closed, Unscored };

// LLaVA-Med compares answer_type with "OPEN" / "CLOSED" exactly; anything else is not scored.
AnswerType answerTypeFromLlavaMed(std::string_view answer_type);
const char* answerTypeName(AnswerType type);  // "OPEN", "CLOSED", "UNSCORED"

struct ItemScore {
    AnswerType type = AnswerType::Unscored;
    // OPEN questions (0 otherwise)
    double recall = 0, precision = 0, f1 = 0, exact = 0;
    // CLOSED questions (false otherwise)
    bool closed_hit = false;         // LLaVA-Med's rule
    bool closed_hit_strict = false;  // whole-word variant
};

struct OpenScore {
    double recall = 0, precision = 0, f1 = 0, exact = 0;
};

// Reusable scorer (keeps buffers; not thread-safe: one per thread).
class AnswerScorer {
public:
    // Takes the raw reference answer and the raw prediction text, as they stand in the files.
    ItemScore score(AnswerType type, std::string_view reference, std::string_view prediction);

    // The metric functions on once-normalised inputs (they normalise again, as the reference does).
    OpenScore openScoreFromNormalized(std::string_view prediction_once, std::string_view reference_once);
    static bool closedHitFromNormalized(std::string_view prediction_once, std::string_view reference_once);
    bool closedHitStrictFromNormalized(std::string_view prediction_once, std::string_view reference_once);

    // The normalised forms of the last score() call (for reports).
    const std::string& lastReferenceNormalized() const { return m_ref1; }
    const std::string& lastPredictionNormalized() const { return m_pred1; }

private:
    VqaNormalizer m_norm;
    std::string m_ref1, m_pred1, m_ref2, m_pred2;
    std::vector<std::string_view> m_refWords, m_predWords;
};

}  // namespace stllava::metrics
