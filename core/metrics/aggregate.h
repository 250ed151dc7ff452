// Benchmark-level metrics from per-question scores, as LLaVA-Med reports them (means over the OPEN
// questions for recall/precision/F1/exact match, mean hit over the CLOSED questions), and the same
// metrics per group (question type, modality, organ).
#pragma once

#include "metrics/answer_scores.h"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace stllava::metrics {

enum class Metric { OpenRecall, OpenPrecision, OpenF1, ExactMatch, ClosedAccuracy, ClosedAccuracyStrict };
constexpr std::size_t kMetricCount = 6;
constexpr std::array<Metric, kMetricCount> kAllMetrics = {Metric::OpenRecall,     Metric::OpenPrecision,
                                                          Metric::OpenF1,         Metric::ExactMatch,
                                                          Metric::ClosedAccuracy, Metric::ClosedAccuracyStrict};

// Stable machine names used in reports: "open_recall", ..., "closed_accuracy_strict".
const char* metricKey(Metric m);
// Human labels, saying which scoring produced them.
const char* metricLabel(Metric m);
// true for the OPEN metrics (averaged over OPEN questions), false for the CLOSED ones.
bool isOpenMetric(Metric m);

struct Summary {
    std::size_t n_open = 0, n_closed = 0, n_unscored = 0;
    // Fractions in [0, 1]; 0 when the metric's question set is empty (see n_open / n_closed).
    std::array<double, kMetricCount> value{};
    double operator[](Metric m) const { return value[static_cast<std::size_t>(m)]; }
};

// The value a question contributes to a metric (recall for OpenRecall, 0/1 hit for the CLOSED ones).
double metricValue(const ItemScore& s, Metric m);

Summary summarize(const std::vector<ItemScore>& scores);
// Over the questions whose indices are given.
Summary summarize(const std::vector<ItemScore>& scores, const std::vector<std::size_t>& indices);

// One Summary per distinct non-empty label (labels[i] belongs to scores[i]).
std::map<std::string, Summary> summarizeByGroup(const std::vector<ItemScore>& scores,
                                                const std::vector<std::string>& labels);

}  // namespace stllava::metrics
