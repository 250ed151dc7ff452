// Scores 1,000,000 synthetic LLaVA-Med predictions (OPEN and CLOSED, answers of 1-4 words,
// predictions of 0-25 words with punctuation, numbers and articles) on one thread and prints JSON:
// {"predictions": N, "seconds": s, "predictions_per_s": r, ...}. Usage: bench_scoring [N]
#include "metrics/aggregate.h"
#include "metrics/answer_scores.h"
#include "metrics/bootstrap.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace stllava::metrics;

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const char* vocab[] = {"yes", "no", "the", "left", "right", "lung", "liver", "kidney", "lesion", "is",
                           "there", "a", "mass", "in", "normal", "nodule", "two", "3.5", "cm", "ct",
                           "mri", "t2-weighted", "effusion,", "(pleural)", "e.g.", "1,000", "not", "brain"};
    const std::size_t nv = sizeof(vocab) / sizeof(vocab[0]);
    Rng rng(1);
    std::vector<std::string> refs(n), preds(n);
    std::vector<AnswerType> types(n);
    for (std::size_t i = 0; i < n; ++i) {
        types[i] = rng.below(2) ? AnswerType::Open : AnswerType::Closed;
        const auto nr = types[i] == AnswerType::Closed ? 1 : 1 + rng.below(4);
        for (std::uint64_t k = 0; k < nr; ++k)
            refs[i] += (k ? " " : "") + std::string(types[i] == AnswerType::Closed ? vocab[rng.below(2)] : vocab[rng.below(nv)]);
        const auto np = rng.below(26);
        for (std::uint64_t k = 0; k < np; ++k) {
            preds[i] += k ? " " : "";
            preds[i] += vocab[rng.below(nv)];
        }
        if (rng.below(3) == 0) preds[i] = "Yes, " + preds[i] + ".";
    }
    std::size_t pred_bytes = 0;
    for (const auto& p : preds) pred_bytes += p.size();

    const auto t0 = std::chrono::steady_clock::now();
    AnswerScorer scorer;
    std::vector<ItemScore> scores;
    scores.reserve(n);
    for (std::size_t i = 0; i < n; ++i) scores.push_back(scorer.score(types[i], refs[i], preds[i]));
    const Summary s = summarize(scores);
    const auto t1 = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(t1 - t0).count();

    std::printf(
        "{\"benchmark\": \"bench_scoring\", \"predictions\": %zu, \"mean_prediction_bytes\": %.1f, \"threads\": 1, "
        "\"seconds\": %.3f, \"predictions_per_s\": %.0f, \"open_recall\": %.4f, \"closed_accuracy\": %.4f}\n",
        n, n ? static_cast<double>(pred_bytes) / static_cast<double>(n) : 0.0, seconds,
        seconds > 0 ? static_cast<double>(n) / seconds : 0.0, s[Metric::OpenRecall], s[Metric::ClosedAccuracy]);
    return 0;
}
