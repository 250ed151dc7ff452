// Sampler: greedy, HF processors (repetition penalty, temperature, top-k, top-p) checked against
// hand-computed values and against empirical frequencies, seeding and batch independence.
#include "generation/sampler.h"

#include <torch/torch.h>

#include <QTest>

#include <cmath>
#include <map>

using stllava::Sampler;
using stllava::SamplingParams;

namespace {

SamplingParams sampling(double temperature, int top_k = 0, double top_p = 1.0, std::uint64_t seed = 7) {
    SamplingParams p;
    p.temperature = temperature;
    p.top_k = top_k;
    p.top_p = top_p;
    p.seed = seed;
    return p;
}

// Draws `n` tokens from one row with fixed logits; returns the frequency of each token.
std::vector<double> frequencies(const SamplingParams& params, const std::vector<float>& logits, int n,
                                const std::vector<std::int32_t>& history = {}) {
    Sampler sampler(params, 1);
    const auto t = torch::tensor(logits).reshape({1, -1});  // [1, V]
    std::vector<std::vector<std::int32_t>> hist;
    if (!history.empty()) hist.push_back(history);
    std::vector<double> freq(logits.size(), 0.0);
    std::vector<std::int32_t> out;
    for (int i = 0; i < n; ++i) {
        sampler.sampleInto(t, hist, out);
        freq[static_cast<std::size_t>(out[0])] += 1.0 / n;
    }
    return freq;
}

std::vector<double> softmax(const std::vector<double>& x) {
    double mx = -INFINITY;
    for (double v : x) mx = std::max(mx, v);
    std::vector<double> p(x.size());
    double sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i) sum += (p[i] = std::isinf(x[i]) ? 0.0 : std::exp(x[i] - mx));
    for (auto& v : p) v /= sum;
    return p;
}

// Each empirical frequency within 5 standard errors of its expected probability (plus 1e-3);
// a token with probability 0 must never appear.
QString compareFrequencies(const std::vector<double>& freq, const std::vector<double>& expected, int n) {
    for (std::size_t i = 0; i < freq.size(); ++i) {
        const double p = expected[i];
        const double tol = 5.0 * std::sqrt(p * (1.0 - p) / n) + 1e-3;
        if ((p == 0.0 && freq[i] != 0.0) || std::abs(freq[i] - p) > tol)
            return QString("token %1: frequency %2, expected %3 +- %4").arg(i).arg(freq[i]).arg(p).arg(tol);
    }
    return {};
}

std::vector<std::int32_t> argmaxRows(const torch::Tensor& logits) {
    const auto a = logits.to(torch::kFloat).argmax(-1);
    std::vector<std::int32_t> out;
    for (std::int64_t i = 0; i < a.size(0); ++i)
        out.push_back(static_cast<std::int32_t>(a[i].item<std::int64_t>()));
    return out;
}

// Hugging Face's logits processors as written in transformers (generation/logits_process.py),
// ported line by line to libtorch ops: the reference the sampler's loops are checked against.
torch::Tensor hfDistribution(torch::Tensor scores, const std::vector<std::vector<std::int32_t>>& histories,
                             const SamplingParams& p) {
    scores = scores.to(torch::kFloat).clone();  // [N, V]
    const auto vocab = scores.size(1);
    if (p.repetition_penalty != 1.0)  // RepetitionPenaltyLogitsProcessor
        for (std::size_t r = 0; r < histories.size(); ++r) {
            const auto ids =
                torch::tensor(std::vector<std::int64_t>(histories[r].begin(), histories[r].end()));
            auto row = scores[static_cast<std::int64_t>(r)];
            auto score = row.gather(0, ids);
            score = torch::where(score < 0, score * p.repetition_penalty, score / p.repetition_penalty);
            row.scatter_(0, ids, score);
        }
    if (p.isGreedy()) return torch::zeros_like(scores).scatter_(1, scores.argmax(-1, true), 1.0);
    scores = scores / p.temperature;  // TemperatureLogitsWarper
    if (p.top_k > 0) {                // TopKLogitsWarper
        const auto k = std::min<std::int64_t>(p.top_k, vocab);
        const auto kth = std::get<0>(torch::topk(scores, k)).narrow(-1, k - 1, 1);  // [N, 1]
        scores = scores.masked_fill(scores < kth, -INFINITY);
    }
    if (p.top_p < 1.0) {  // TopPLogitsWarper
        const auto [sorted_logits, sorted_indices] = torch::sort(scores, -1, /*descending=*/false);
        const auto cumulative_probs = sorted_logits.softmax(-1).cumsum(-1);
        auto sorted_indices_to_remove = cumulative_probs <= (1 - p.top_p);
        sorted_indices_to_remove.narrow(-1, vocab - 1, 1).fill_(false);  // min_tokens_to_keep = 1
        const auto indices_to_remove =
            sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove);
        scores = scores.masked_fill(indices_to_remove, -INFINITY);
    }
    return scores.softmax(-1);
}

}  // namespace

class TestSampler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void greedyIsArgmax_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<bool>("viaTemperatureZero");
        QTest::newRow("float32") << int(torch::kFloat) << false;
        QTest::newRow("float32 temperature 0") << int(torch::kFloat) << true;
        QTest::newRow("bfloat16") << int(torch::kBFloat16) << false;
        QTest::newRow("float16") << int(torch::kHalf) << false;
        QTest::newRow("float64") << int(torch::kDouble) << false;
    }
    void greedyIsArgmax() {
        QFETCH(int, dtype);
        QFETCH(bool, viaTemperatureZero);
        torch::manual_seed(1);
        SamplingParams p;
        if (viaTemperatureZero)
            p.temperature = 0.0;
        else
            p.greedy = true;
        Sampler sampler(p, 5);
        for (int step = 0; step < 4; ++step) {
            const auto logits = (torch::randn({5, 1000}) * 3).to(torch::ScalarType(dtype));
            const auto got = sampler.sample(logits);
            QCOMPARE(got.dtype(), torch::kLong);
            QCOMPARE(got.size(0), 5);
            const auto want = argmaxRows(logits);
            for (int r = 0; r < 5; ++r)
                QCOMPARE(static_cast<std::int32_t>(got[r].item<std::int64_t>()), want[r]);
        }
        // [N, T, V]: the last position decides.
        const auto seq = torch::randn({5, 3, 50});
        const auto got = sampler.sample(seq);
        const auto want = argmaxRows(seq.select(1, 2));
        for (int r = 0; r < 5; ++r) QCOMPARE(static_cast<std::int32_t>(got[r].item<std::int64_t>()), want[r]);
    }

    void nonContiguousLogits() {
        torch::manual_seed(2);
        const auto big = torch::randn({50, 4});
        const auto logits = big.t();  // [4, 50], stride(1) != 1
        SamplingParams p;
        p.greedy = true;
        Sampler sampler(p, 4);
        const auto got = sampler.sample(logits);
        const auto want = argmaxRows(logits);
        for (int r = 0; r < 4; ++r) QCOMPARE(static_cast<std::int32_t>(got[r].item<std::int64_t>()), want[r]);
    }

    void reducedPrecisionLogitsSampleAsFloat32() {
        // bfloat16/float16 logits are widened to float32: same tokens as the widened tensor.
        torch::manual_seed(8);
        for (auto dtype : {torch::kBFloat16, torch::kHalf}) {
            const auto logits = (torch::randn({3, 20, 700}) * 2).to(dtype);  // 20 steps of [3, 700]
            Sampler a(sampling(1.2, 100, 0.95, 5), 3), b(sampling(1.2, 100, 0.95, 5), 3);
            std::vector<std::int32_t> ta, tb;
            for (int s = 0; s < 20; ++s) {
                a.sampleInto(logits.select(1, s), {}, ta);
                b.sampleInto(logits.select(1, s).to(torch::kFloat), {}, tb);
                QCOMPARE(ta, tb);
            }
        }
    }

    void matchesHuggingFaceProcessors_data() {
        QTest::addColumn<double>("temperature");
        QTest::addColumn<int>("topK");
        QTest::addColumn<double>("topP");
        QTest::addColumn<double>("penalty");
        QTest::addColumn<int>("vocab");
        QTest::newRow("stage 2 questions: T 1.2, k 300, p 0.95") << 1.2 << 300 << 0.95 << 1.0 << 32000;
        QTest::newRow("stage 2 answers: T 1.2, k 100, p 0.95") << 1.2 << 100 << 0.95 << 1.0 << 32000;
        QTest::newRow("top-p only: T 0.7, p 0.9") << 0.7 << 0 << 0.9 << 1.0 << 5000;
        QTest::newRow("top-k only: k 50") << 1.0 << 50 << 1.0 << 1.0 << 5000;
        QTest::newRow("penalty 1.3, T 0.8, k 40, p 0.8") << 0.8 << 40 << 0.8 << 1.3 << 3000;
        QTest::newRow("penalty 0.7, plain sampling") << 1.0 << 0 << 1.0 << 0.7 << 3000;
        QTest::newRow("greedy with penalty 1.5") << 0.0 << 0 << 1.0 << 1.5 << 3000;
    }
    void matchesHuggingFaceProcessors() {
        QFETCH(double, temperature);
        QFETCH(int, topK);
        QFETCH(double, topP);
        QFETCH(double, penalty);
        QFETCH(int, vocab);
        SamplingParams p = sampling(temperature, topK, topP);
        p.repetition_penalty = penalty;
        torch::manual_seed(9);
        const int rows = 4;
        const auto logits = torch::randn({rows, vocab}) * 3;  // [4, V]
        std::vector<std::vector<std::int32_t>> hist(rows);
        for (int r = 0; r < rows; ++r)  // the top tokens and some others, with repeats
            for (int t = 0; t < 60; ++t)
                hist[r].push_back(static_cast<std::int32_t>((t * 37 + r) % (t < 30 ? 100 : vocab)));
        const auto top = std::get<1>(logits.topk(20, -1));  // penalise some of the most likely tokens too
        for (int r = 0; r < rows; ++r)
            for (int j = 0; j < 20; j += 2) {
                hist[r].push_back(static_cast<std::int32_t>(top[r][j].item<std::int64_t>()));
                hist[r].push_back(hist[r].back());  // repeated: penalised once
            }

        Sampler sampler(p, rows);
        const auto got = sampler.distribution(logits, hist);  // [4, V]
        const auto want = hfDistribution(logits, hist, p);    // [4, V]
        QCOMPARE(got.sizes(), want.sizes());
        QVERIFY(torch::equal(got > 0, want > 0));  // the same kept set
        const double diff = (got - want).abs().max().item<double>();
        QVERIFY2(diff < 1e-5, qPrintable(QString("max |p - p_hf| = %1").arg(diff)));  // float32 rounding
        QVERIFY(torch::allclose(got.sum(-1), torch::ones({rows}), 1e-5, 1e-5));
        if (topK > 0) QVERIFY(((got > 0).sum(-1) <= topK).all().item<bool>());
    }

    void degenerateFiltersEqualGreedy_data() {
        QTest::addColumn<int>("topK");
        QTest::addColumn<double>("topP");
        QTest::newRow("top_k 1") << 1 << 1.0;
        QTest::newRow("top_p 1e-6") << 0 << 1e-6;
        QTest::newRow("top_k 1 and top_p 0.5") << 1 << 0.5;
    }
    void degenerateFiltersEqualGreedy() {
        QFETCH(int, topK);
        QFETCH(double, topP);
        torch::manual_seed(3);
        for (std::uint64_t seed : {1, 2, 3}) {
            Sampler sampler(sampling(1.5, topK, topP, seed), 8);
            for (int step = 0; step < 5; ++step) {
                const auto logits = torch::randn({8, 2000}) * 2;
                const auto got = sampler.sample(logits);
                const auto want = argmaxRows(logits);
                for (int r = 0; r < 8; ++r)
                    QCOMPARE(static_cast<std::int32_t>(got[r].item<std::int64_t>()), want[r]);
            }
        }
    }

    void temperatureDistribution_data() {
        QTest::addColumn<double>("temperature");
        QTest::newRow("T=0.5") << 0.5;
        QTest::newRow("T=1") << 1.0;
        QTest::newRow("T=1.2") << 1.2;
        QTest::newRow("T=3") << 3.0;
    }
    void temperatureDistribution() {
        QFETCH(double, temperature);
        const std::vector<float> logits = {2.0f, 1.0f, 0.5f, 0.0f, -1.0f, -3.0f};
        const int n = 20000;
        const auto freq = frequencies(sampling(temperature), logits, n);
        std::vector<double> scaled;
        for (float l : logits) scaled.push_back(l / temperature);
        const auto expected = softmax(scaled);
        const QString err = compareFrequencies(freq, expected, n);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        // The temperature visibly moves the distribution: the top token's share against T=1.
        const double p1 = softmax({2.0, 1.0, 0.5, 0.0, -1.0, -3.0})[0];
        if (temperature < 1.0) QVERIFY(freq[0] > p1 + 0.05);
        if (temperature > 1.0) QVERIFY(freq[0] < p1 - 0.03);
    }

    void topKDistribution() {
        // top_k 2 keeps token 1 and both tokens tied at the second value (HF keeps ties with the k-th).
        const std::vector<float> logits = {1.0f, 3.0f, 0.0f, 2.0f, 2.0f, -1.0f};
        const int n = 20000;
        const auto freq = frequencies(sampling(1.0, 2), logits, n);
        const auto expected = softmax({-INFINITY, 3.0, -INFINITY, 2.0, 2.0, -INFINITY});
        const QString err = compareFrequencies(freq, expected, n);
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void topPDistribution() {
        // probabilities 0.5, 0.25, 0.15, 0.1 (logits = log p). top_p 0.7: mass before token 2 is
        // 0.75 >= 0.7, so {0, 1} remain, renormalised to 2/3 and 1/3. top_p 0.8: {0, 1, 2}.
        const std::vector<double> probs = {0.5, 0.25, 0.15, 0.1};
        std::vector<float> logits;
        for (double p : probs) logits.push_back(static_cast<float>(std::log(p)));
        const int n = 20000;
        {
            const auto freq = frequencies(sampling(1.0, 0, 0.7), logits, n);
            const QString err = compareFrequencies(freq, {2.0 / 3, 1.0 / 3, 0.0, 0.0}, n);
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
        {
            const auto freq = frequencies(sampling(1.0, 0, 0.8), logits, n);
            const QString err = compareFrequencies(freq, {0.5 / 0.9, 0.25 / 0.9, 0.15 / 0.9, 0.0}, n);
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
    }

    void orderTemperatureThenTopP() {
        // Temperature is applied before top-p: T=0.5 squares the probabilities 0.5/0.25/0.15/0.1
        // (-> 0.25/0.0625/0.0225/0.01 normalised: 0.7246, 0.1812, 0.0652, 0.0290), so top_p 0.7
        // keeps only token 0. Applied after top-p it would keep two.
        const std::vector<float> logits = {std::log(0.5f), std::log(0.25f), std::log(0.15f), std::log(0.1f)};
        const auto freq = frequencies(sampling(0.5, 0, 0.7), logits, 2000);
        QCOMPARE(freq[0], 1.0);
    }

    void largeVocabularyTopP() {
        // Many candidates (flat logits): top-p has to look past the first sorted chunk.
        // 4000 equal logits and top_p 0.5: the first 2000 in sorted order (lowest ids) remain.
        const std::vector<float> logits(4000, 0.0f);
        Sampler sampler(sampling(1.0, 0, 0.5), 1);
        const auto t = torch::tensor(logits).reshape({1, -1});
        std::vector<std::int32_t> out;
        std::int32_t max_seen = 0;
        for (int i = 0; i < 3000; ++i) {
            sampler.sampleInto(t, {}, out);
            max_seen = std::max(max_seen, out[0]);
        }
        QVERIFY2(max_seen < 2000, qPrintable(QString::number(max_seen)));
        QVERIFY(max_seen > 1900);  // and the whole nucleus is reachable
    }

    void repetitionPenaltyGreedyThresholds_data() {
        // Two tokens; token 0 was generated before. Ties go to the lower id (argmax's first).
        QTest::addColumn<float>("logit0");
        QTest::addColumn<float>("logit1");
        QTest::addColumn<double>("penalty");
        QTest::addColumn<int>("expected");
        QTest::newRow("positive, no penalty") << 3.0f << 1.5f << 1.0 << 0;
        QTest::newRow("positive: 3/2 = 1.5 ties") << 3.0f << 1.5f << 2.0 << 0;
        QTest::newRow("positive: 3/2.01 < 1.5") << 3.0f << 1.5f << 2.01 << 1;
        QTest::newRow("negative: -1*2 = -2 ties") << -1.0f << -2.0f << 2.0 << 0;
        QTest::newRow("negative: -1*2.01 < -2") << -1.0f << -2.0f << 2.01 << 1;
        QTest::newRow("penalty < 1 rewards: 1/0.5 = 2 > 1.5") << 1.0f << 1.5f << 0.5 << 0;
        QTest::newRow("penalty < 1 on negative: -1*0.5 > -0.6") << -1.0f << -0.6f << 0.5 << 0;
    }
    void repetitionPenaltyGreedyThresholds() {
        QFETCH(float, logit0);
        QFETCH(float, logit1);
        QFETCH(double, penalty);
        QFETCH(int, expected);
        SamplingParams p;
        p.greedy = true;
        p.repetition_penalty = penalty;
        Sampler sampler(p, 1);
        const auto logits = torch::tensor({logit0, logit1}).reshape({1, 2});
        std::vector<std::int32_t> out;
        sampler.sampleInto(logits, {{0, 0, 0}}, out);  // repeated history entries: applied once
        QCOMPARE(out[0], expected);
    }

    void repetitionPenaltyDistribution() {
        // logits {2, -1, 0.5, 3, -2, 0}, history {0, 1, 1, 4, 5}, penalty 2, T = 1:
        // processed by hand {1, -2, 0.5, 3, -4, 0} (token 1 penalised once, 0 stays 0).
        const std::vector<float> logits = {2.0f, -1.0f, 0.5f, 3.0f, -2.0f, 0.0f};
        SamplingParams p = sampling(1.0);
        p.repetition_penalty = 2.0;
        const int n = 20000;
        const auto freq = frequencies(p, logits, n, {0, 1, 1, 4, 5});
        const QString err = compareFrequencies(freq, softmax({1.0, -2.0, 0.5, 3.0, -4.0, 0.0}), n);
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void penaltyDoesNotTouchCallerLogits() {
        SamplingParams p = sampling(1.0);
        p.repetition_penalty = 3.0;
        Sampler sampler(p, 1);
        const auto logits = torch::tensor({1.0f, 2.0f, 3.0f}).reshape({1, 3});
        const auto copy = logits.clone();
        sampler.sample(logits, {{0, 1, 2}});
        QVERIFY(torch::equal(logits, copy));
    }

    void seededReproducibility() {
        torch::manual_seed(4);
        const auto logits = torch::randn({3, 40, 500});  // 40 steps of [3, 500]
        auto run = [&](std::uint64_t seed) {
            Sampler sampler(sampling(1.2, 50, 0.95, seed), 3);
            std::vector<std::int32_t> all, out;
            for (int s = 0; s < 40; ++s) {
                sampler.sampleInto(logits.select(1, s), {}, out);
                all.insert(all.end(), out.begin(), out.end());
            }
            return all;
        };
        QCOMPARE(run(42), run(42));
        QVERIFY(run(42) != run(40));
        QVERIFY(Sampler::rowSeed(42, 0) != Sampler::rowSeed(42, 1));
        QVERIFY(Sampler::rowSeed(42, 0) != Sampler::rowSeed(40, 0));
    }

    void rowsIndependentOfBatch() {
        // Batched 4 rows == each row alone with its stream id == a permuted batch == a compacted
        // batch (row_map), step after step, with the repetition penalty on.
        torch::manual_seed(5);
        const int rows = 4, steps = 30, vocab = 300;
        const auto logits = torch::randn({rows, steps, vocab}) * 2;
        SamplingParams p = sampling(1.1, 40, 0.9, 11);
        p.repetition_penalty = 1.3;

        std::vector<std::vector<std::int32_t>> batched(rows);
        {
            Sampler sampler(p, rows);
            std::vector<std::int32_t> out;
            for (int s = 0; s < steps; ++s) {
                sampler.sampleInto(logits.select(1, s), batched, out);
                for (int r = 0; r < rows; ++r) batched[r].push_back(out[r]);
            }
        }
        for (int r = 0; r < rows; ++r) {
            Sampler alone(p, std::vector<std::uint64_t>{static_cast<std::uint64_t>(r)});
            std::vector<std::vector<std::int32_t>> hist(1);
            std::vector<std::int32_t> out;
            for (int s = 0; s < steps; ++s) {
                alone.sampleInto(logits.select(1, s).narrow(0, r, 1), hist, out);
                hist[0].push_back(out[0]);
            }
            QCOMPARE(hist[0], batched[r]);
        }
        {
            Sampler permuted(p, std::vector<std::uint64_t>{3, 1});
            std::vector<std::vector<std::int32_t>> hist(2);
            std::vector<std::int32_t> out;
            const auto idx = torch::tensor({3, 1}, torch::kLong);
            for (int s = 0; s < steps; ++s) {
                permuted.sampleInto(logits.select(1, s).index_select(0, idx), hist, out);
                for (int i = 0; i < 2; ++i) hist[i].push_back(out[i]);
            }
            QCOMPARE(hist[0], batched[3]);
            QCOMPARE(hist[1], batched[1]);
        }
        {
            // Rows 0 and 2 finish after 10 steps; the batch is compacted to rows {1, 3}.
            Sampler sampler(p, rows);
            std::vector<std::vector<std::int32_t>> hist(rows);
            std::vector<std::int32_t> out;
            for (int s = 0; s < 10; ++s) {
                sampler.sampleInto(logits.select(1, s), hist, out);
                for (int r = 0; r < rows; ++r) hist[r].push_back(out[r]);
            }
            const std::vector<std::int64_t> map = {1, 3};
            std::vector<std::vector<std::int32_t>> live = {hist[1], hist[3]};
            const auto idx = torch::tensor({1, 3}, torch::kLong);
            for (int s = 10; s < steps; ++s) {
                sampler.sampleInto(logits.select(1, s).index_select(0, idx), live, out, &map);
                for (int i = 0; i < 2; ++i) live[i].push_back(out[i]);
            }
            QCOMPARE(live[0], batched[1]);
            QCOMPARE(live[1], batched[3]);
        }
    }

    void stage2Settings_data() {
        QTest::addColumn<bool>("question");
        QTest::newRow("questions: T 1.2, top_k 300, top_p 0.95") << true;
        QTest::newRow("answers: T 1.2, top_k 100, top_p 0.95") << false;
    }
    void stage2Settings() {
        QFETCH(bool, question);
        const SamplingParams p =
            question ? SamplingParams::stage2Question(40) : SamplingParams::stage2Answer(42);
        QCOMPARE(p.temperature, 1.2);
        QCOMPARE(p.top_k, question ? 300 : 100);
        QCOMPARE(p.top_p, 0.95);
        QCOMPARE(p.max_new_tokens, question ? 300 : 1024);
        QVERIFY(!p.isGreedy());
        torch::manual_seed(6);
        const auto logits = torch::randn({4, 32000}) * 4;        // [4, V] as a Llama vocabulary
        const auto top = std::get<1>(logits.topk(p.top_k, -1));  // [4, k]
        Sampler sampler(p, 4);
        std::map<std::int64_t, int> distinct;
        for (int step = 0; step < 50; ++step) {
            const auto got = sampler.sample(logits);
            for (int r = 0; r < 4; ++r) {
                const auto t = got[r].item<std::int64_t>();
                QVERIFY2((top[r] == t).any().item<bool>(), "token outside the top-k set");
                ++distinct[t];
            }
        }
        QVERIFY(distinct.size() > 20);  // it samples, it does not collapse onto argmax
    }

    void maskedTokensNeverDrawn() {
        // -inf logits (masked tokens) are never drawn, even at a high temperature.
        std::vector<float> logits(100, -INFINITY);
        logits[7] = 0.0f;
        logits[42] = 0.1f;
        const auto freq = frequencies(sampling(5.0), logits, 500);
        QCOMPARE(freq[7] + freq[42], 1.0);
    }

    void badInputsThrow() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Sampler(sampling(-1.0), 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Sampler(sampling(1.0, -1), 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Sampler(sampling(1.0, 0, 0.0), 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Sampler(sampling(1.0, 0, 1.5), 1));
        SamplingParams bad_penalty = sampling(1.0);
        bad_penalty.repetition_penalty = 0.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Sampler(bad_penalty, 1));
        SamplingParams empty_stop = sampling(1.0);
        empty_stop.stop_strings = {""};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, empty_stop.validate());

        Sampler sampler(sampling(1.0), 2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 sampler.sample(torch::randn({3, 10})));  // 3 rows, sampler 2
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(torch::randn({10})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampler.sample(torch::ones({2, 10}, torch::kLong)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 sampler.sample(torch::randn({2, 10}), {{1}}));  // 1 history
        SamplingParams pen = sampling(1.0);
        pen.repetition_penalty = 1.5;
        Sampler penalised(pen, 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, penalised.sample(torch::randn({1, 10}), {{10}}));
        std::vector<std::int32_t> out;
        const std::vector<std::int64_t> dup = {1, 1}, outside = {0, 2};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 sampler.sampleInto(torch::randn({2, 10}), {}, out, &dup));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 sampler.sampleInto(torch::randn({2, 10}), {}, out, &outside));
        auto nan = torch::randn({2, 10});
        nan[1][3] = NAN;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, sampler.sample(nan));
        SamplingParams g;
        g.greedy = true;
        Sampler greedy(g, 2);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, greedy.sample(nan));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, sampler.sample(torch::full({2, 10}, -INFINITY)));
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "test_sampler.moc"
