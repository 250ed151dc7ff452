#include "metrics/answer_scores.h"

#include <algorithm>

namespace stllava::metrics {

AnswerType answerTypeFromLlavaMed(std::string_view answer_type) {
    if (answer_type == "OPEN") return AnswerType::Open;
    if (answer_type == "CLOSED") return AnswerType::Closed;
    return AnswerType::Unscored;
}

const char* answerTypeName(AnswerType type) {
    switch (type) {
    case AnswerType::Open: return "OPEN";
    case AnswerType::Closed: return "CLOSED";
    case AnswerType::Unscored: break;
    }
    return "UNSCORED";
}

ItemScore AnswerScorer::score(AnswerType type, std::string_view reference, std::string_view prediction) {
    // evaluate() lower-cases before normalising; normalisation lower-cases after steps 1-2, which do
    // not depend on case, so one ASCII lower-casing inside the normaliser gives the same strings.
    m_norm.normalizeInto(reference, m_ref1);
    m_norm.normalizeInto(prediction, m_pred1);
    ItemScore s;
    s.type = type;
    if (type == AnswerType::Open) {
        const OpenScore o = openScoreFromNormalized(m_pred1, m_ref1);
        s.recall = o.recall;
        s.precision = o.precision;
        s.f1 = o.f1;
        s.exact = o.exact;
    } else if (type == AnswerType::Closed) {
        s.closed_hit = closedHitFromNormalized(m_pred1, m_ref1);
        s.closed_hit_strict = closedHitStrictFromNormalized(m_pred1, m_ref1);
    }
    return s;
}

OpenScore AnswerScorer::openScoreFromNormalized(std::string_view prediction_once,
                                                std::string_view reference_once) {
    // Second normalisation pass, as calculate_f1score / calculate_exactmatch do.
    m_norm.normalizeInto(prediction_once, m_pred2);
    m_norm.normalizeInto(reference_once, m_ref2);
    splitWhitespace(m_pred2, m_predWords);
    splitWhitespace(m_ref2, m_refWords);
    OpenScore o;
    if (m_predWords.empty()) return o;  // exact: total == 0 -> 0; f1: no candidate words -> 0,0,0
    std::sort(m_predWords.begin(), m_predWords.end());
    std::sort(m_refWords.begin(), m_refWords.end());

    // Merge the two sorted word lists run by run (a run = one distinct word and its count).
    std::size_t tp = 0, fp = 0, fn = 0, distinct_ref_found = 0;
    std::size_t i = 0, j = 0;
    const std::size_t np = m_predWords.size(), nr = m_refWords.size();
    while (i < np || j < nr) {
        std::string_view w;
        if (j >= nr || (i < np && m_predWords[i] < m_refWords[j])) {
            w = m_predWords[i];
        } else {
            w = m_refWords[j];
        }
        std::size_t cp = 0, cr = 0;
        while (i < np && m_predWords[i] == w) ++i, ++cp;
        while (j < nr && m_refWords[j] == w) ++j, ++cr;
        if (cp > 0 && cr > 0) {
            tp += cp;
            ++distinct_ref_found;
        } else if (cp > 0) {
            fp += cp;
        } else {
            fn += cr;
        }
    }
    o.exact = static_cast<double>(distinct_ref_found) / static_cast<double>(np);
    if (nr == 0 || tp == 0) return o;
    o.precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
    o.recall = static_cast<double>(tp) / static_cast<double>(tp + fn);
    o.f1 = 2.0 * o.precision * o.recall / (o.precision + o.recall);
    return o;
}

bool AnswerScorer::closedHitFromNormalized(std::string_view prediction_once, std::string_view reference_once) {
    const bool yes_or_no = prediction_once.find("yes") != std::string_view::npos ||
                           prediction_once.find("no") != std::string_view::npos;
    return yes_or_no && prediction_once.find(reference_once) != std::string_view::npos;
}

bool AnswerScorer::closedHitStrictFromNormalized(std::string_view prediction_once,
                                                 std::string_view reference_once) {
    splitWhitespace(prediction_once, m_predWords);
    splitWhitespace(reference_once, m_refWords);
    if (m_refWords.empty() || m_refWords.size() > m_predWords.size()) return false;
    const auto found = std::search(m_predWords.begin(), m_predWords.end(), m_refWords.begin(), m_refWords.end());
    if (found == m_predWords.end()) return false;
    if (m_refWords.size() == 1 && (m_refWords[0] == "yes" || m_refWords[0] == "no")) {
        const std::string_view opposite = m_refWords[0] == "yes" ? "no" : "yes";
        if (std::find(m_predWords.begin(), m_predWords.end(), opposite) != m_predWords.end()) return false;
    }
    return true;
}

}  // namespace stllava::metrics
