// Scores 1,000,000 synthetic LLaVA-Med predictions (OPEN and CLOSED, answers of 1-4 words,
// predictions of 0-25 words with punctuation, numbers and articles) on one thread and prints JSON:
// {"predictions": N, "seconds": s, "predictions_per_s": r, ...}.
// Usage: bench_scoring [N] [--pairs-out FILE [--pairs K]]: --pairs-out also writes the first K (all)
// pairs as JSON for the Python anchor (bench/scoring_reference.py, LLaVA-Med's functions).
#include "metrics/aggregate.h"
#include "metrics/answer_scores.h"
#include "metrics/bootstrap.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace stllava::metrics;

int main(int argc, char** argv) {
    std::size_t n = 1000000, pairs = 0;
    std::string pairs_out;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--pairs-out") && i + 1 < argc) pairs_out = argv[++i];
        else if (!std::strcmp(argv[i], "--pairs") && i + 1 < argc) pairs = std::strtoull(argv[++i], nullptr, 10);
        else if (std::strtoull(argv[i], nullptr, 10) > 0) n = std::strtoull(argv[i], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: bench_scoring [N] [--pairs-out FILE [--pairs K]]\n");
            return 2;
        }
    }
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
    if (!pairs_out.empty()) {
        auto quoted = [](const std::string& v) {
            std::string q = "\"";
            for (char ch : v) {
                if (ch == '"' || ch == '\\') q += '\\';
                q += ch;
            }
            return q + "\"";
        };
        std::ofstream out(pairs_out + ".part");
        const std::size_t k = pairs ? std::min(pairs, n) : n;
        out << "[";
        for (std::size_t i = 0; i < k; ++i)
            out << (i ? ",\n" : "\n") << "{\"answer_type\": \"" << (types[i] == AnswerType::Closed ? "CLOSED" : "OPEN")
                << "\", \"reference\": " << quoted(refs[i]) << ", \"prediction\": " << quoted(preds[i]) << "}";
        out << "\n]\n";
        out.close();
        if (!out || std::rename((pairs_out + ".part").c_str(), pairs_out.c_str()) != 0) {
            std::fprintf(stderr, "bench_scoring: cannot write %s\n", pairs_out.c_str());
            return 1;
        }
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
