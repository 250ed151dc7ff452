#include "metrics/aggregate.h"

#include <stdexcept>

namespace stllava::metrics {

const char* metricKey(Metric m) {
    switch (m) {
    case Metric::OpenRecall: return "open_recall";
    case Metric::OpenPrecision: return "open_precision";
    case Metric::OpenF1: return "open_f1";
    case Metric::ExactMatch: return "exact_match";
    case Metric::ClosedAccuracy: return "closed_accuracy";
    case Metric::ClosedAccuracyStrict: return "closed_accuracy_strict";
    }
    return "?";
}

const char* metricLabel(Metric m) {
    switch (m) {
    case Metric::OpenRecall: return "Open recall (LLaVA-Med)";
    case Metric::OpenPrecision: return "Open precision (LLaVA-Med)";
    case Metric::OpenF1: return "Open F1 (LLaVA-Med)";
    case Metric::ExactMatch: return "Exact match (LLaVA-Med)";
    case Metric::ClosedAccuracy: return "Closed accuracy (LLaVA-Med substring rule)";
    case Metric::ClosedAccuracyStrict: return "Closed accuracy (strict whole-word)";
    }
    return "?";
}

bool isOpenMetric(Metric m) { return m != Metric::ClosedAccuracy && m != Metric::ClosedAccuracyStrict; }

double metricValue(const ItemScore& s, Metric m) {
    switch (m) {
    case Metric::OpenRecall: return s.recall;
    case Metric::OpenPrecision: return s.precision;
    case Metric::OpenF1: return s.f1;
    case Metric::ExactMatch: return s.exact;
    case Metric::ClosedAccuracy: return s.closed_hit ? 1.0 : 0.0;
    case Metric::ClosedAccuracyStrict: return s.closed_hit_strict ? 1.0 : 0.0;
    }
    return 0.0;
}

namespace {

struct Accumulator {
    Summary s;
    std::array<double, kMetricCount> sum{};
    void add(const ItemScore& x) {
        switch (x.type) {
        case AnswerType::Open:
            ++s.n_open;
            sum[0] += x.recall;
            sum[1] += x.precision;
            sum[2] += x.f1;
            sum[3] += x.exact;
            break;
        case AnswerType::Closed:
            ++s.n_closed;
            sum[4] += x.closed_hit ? 1.0 : 0.0;
            sum[5] += x.closed_hit_strict ? 1.0 : 0.0;
            break;
        case AnswerType::Unscored:
            ++s.n_unscored;
            break;
        }
    }
    Summary finish() {
        for (std::size_t k = 0; k < kMetricCount; ++k) {
            const std::size_t n = k < 4 ? s.n_open : s.n_closed;
            s.value[k] = n == 0 ? 0.0 : sum[k] / static_cast<double>(n);
        }
        return s;
    }
};

}  // namespace

Summary summarize(const std::vector<ItemScore>& scores) {
    Accumulator acc;
    for (const auto& x : scores) acc.add(x);
    return acc.finish();
}

Summary summarize(const std::vector<ItemScore>& scores, const std::vector<std::size_t>& indices) {
    Accumulator acc;
    for (const std::size_t i : indices) acc.add(scores.at(i));
    return acc.finish();
}

std::map<std::string, Summary> summarizeByGroup(const std::vector<ItemScore>& scores,
                                                const std::vector<std::string>& labels) {
    if (labels.size() != scores.size())
        throw std::invalid_argument("summarizeByGroup: " + std::to_string(labels.size()) + " labels for " +
                                    std::to_string(scores.size()) + " scores");
    std::map<std::string, Accumulator> acc;
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (!labels[i].empty()) acc[labels[i]].add(scores[i]);
    std::map<std::string, Summary> out;
    for (auto& [label, a] : acc) out.emplace(label, a.finish());
    return out;
}

}  // namespace stllava::metrics
