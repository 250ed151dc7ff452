// LLaVA-Med scoring: every normalisation rule and quirk, OPEN/CLOSED edge cases, a hand-computed
// 20-question benchmark, bootstrap intervals, McNemar and the sign test.
#include "metrics/aggregate.h"
#include "metrics/answer_scores.h"
#include "metrics/bootstrap.h"
#include "metrics/paired_tests.h"
#include "metrics/vqa_normalize.h"

#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace stllava::metrics;

namespace {
bool near(double a, double b, double tol = 1e-12) { return std::fabs(a - b) <= tol; }
}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalize_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("once");
        // number words (manualMap), only whole words
        QTest::newRow("number one") << "One" << "1";
        QTest::newRow("number none") << "none" << "0";
        QTest::newRow("number zero") << "zero" << "0";
        QTest::newRow("number ten") << "ten" << "10";
        QTest::newRow("not a number word") << "eleven" << "eleven";
        QTest::newRow("number inside sentence") << "No, there is none." << "no there is 0";
        // articles
        QTest::newRow("article the") << "the liver" << "liver";
        QTest::newRow("article a") << "a lesion" << "lesion";
        QTest::newRow("article an") << "an mri" << "mri";
        QTest::newRow("article prefix kept") << "theory" << "theory";
        QTest::newRow("article from punctuation") << "(a)" << "";
        QTest::newRow("article after hyphen") << "a-b, c" << "b c";
        // contractions (VQA table; capital-I keys never match, somebody'd is backwards)
        QTest::newRow("contraction dont") << "dont" << "don't";
        QTest::newRow("contraction isnt") << "Isnt" << "isn't";
        QTest::newRow("contraction capital key") << "Im" << "im";
        QTest::newRow("contraction backwards") << "somebody'd" << "somebodyd";
        QTest::newRow("contraction twas") << "twas" << "'twas";
        // punctuation: replaced by a space without adjacent spaces, deleted with them
        QTest::newRow("hyphen no space") << "left-sided" << "left sided";
        QTest::newRow("hyphen spaced") << "left - sided" << "left sided";
        QTest::newRow("one spaced mark deletes all") << "x-y z -w" << "xy z w";
        QTest::newRow("slash no space") << "x/y" << "x y";
        QTest::newRow("slash later spaced") << "x/y and z /" << "xy and z";
        QTest::newRow("trailing mark") << "yes!" << "yes";
        QTest::newRow("question mark") << "what?" << "what";
        QTest::newRow("quotes") << "\"quoted\"" << "quoted";
        QTest::newRow("comma after word") << "yes, there is a nodule" << "yes there is nodule";
        QTest::newRow("comma no space") << "a,b" << "b";
        QTest::newRow("spaced comma digits") << "5 , 6" << "5 6";
        QTest::newRow("backslash") << "a\\b" << "b";
        QTest::newRow("brackets braces") << "[x]{y}" << "x y";
        // digit-comma-digit anywhere: every mark is deleted
        QTest::newRow("digit comma digit") << "1,000" << "1000";
        QTest::newRow("digit comma digit deletes others") << "1,000 (approx)" << "1000 approx";
        QTest::newRow("digit comma digit inside") << "x1,2y-z" << "x12yz";
        // periods: deleted unless followed by a digit (the look-behind has no effect)
        QTest::newRow("period end") << "Yes." << "yes";
        QTest::newRow("period between digits") << "3.5" << "3.5";
        QTest::newRow("period after digit") << "3." << "3";
        QTest::newRow("period before digit") << ".5" << ".5";
        QTest::newRow("period abbreviation") << "e.g." << "eg";
        QTest::newRow("period then end") << "3.5." << "3.5";
        QTest::newRow("period after mark replaced") << "3.-5" << "3 5";
        QTest::newRow("at most 32 periods") << (QString(40, '.') + "x") << (QString(8, '.') + "x");
        // whitespace (Python str.split)
        QTest::newRow("tab") << "tab\tsep" << "tab sep";
        QTest::newRow("many spaces") << "  a   b  " << "b";
        QTest::newRow("no-break space") << QString::fromUtf8("x\xc2\xa0y") << "x y";
        QTest::newRow("empty") << "" << "";
    }
    void normalize() {
        QFETCH(QString, input);
        QFETCH(QString, once);
        const std::string got = normalizeAnswer(input.toStdString());
        QCOMPARE(QString::fromStdString(got), once);
    }

    void secondPassRemovesMorePeriods() {
        const std::string s = std::string(40, '.') + "x";
        QCOMPARE(QString::fromStdString(normalizeAnswerTwice(s)), QStringLiteral("x"));
        // The OPEN metrics see the second pass: recall 1 although the once-normalised prediction
        // still carries 8 periods.
        AnswerScorer scorer;
        const ItemScore o = scorer.score(AnswerType::Open, "x", s);
        QCOMPARE(o.recall, 1.0);
        QCOMPARE(QString::fromStdString(scorer.lastPredictionNormalized()), QString(8, '.') + "x");
    }

    void contractionTable() {
        QCOMPARE(vqaContractionCount(), std::size_t(120));
        QCOMPARE(QString(vqaContraction("wont")), QStringLiteral("won't"));
        QVERIFY(vqaContraction("won't") == nullptr);
    }

    void answerTypes() {
        QVERIFY(answerTypeFromLlavaMed("OPEN") == AnswerType::Open);
        QVERIFY(answerTypeFromLlavaMed("CLOSED") == AnswerType::Closed);
        QVERIFY(answerTypeFromLlavaMed("closed") == AnswerType::Unscored);  // exact, as the reference
        QVERIFY(answerTypeFromLlavaMed(" OPEN") == AnswerType::Unscored);
    }

    void openEdgeCases() {
        AnswerScorer s;
        // empty prediction: all zero
        ItemScore r = s.score(AnswerType::Open, "liver", "");
        QCOMPARE(r.recall, 0.0);
        QCOMPARE(r.exact, 0.0);
        // empty reference, non-empty prediction: all zero
        r = s.score(AnswerType::Open, "", "liver");
        QCOMPARE(r.recall, 0.0);
        QCOMPARE(r.precision, 0.0);
        QCOMPARE(r.exact, 0.0);
        // multiplicity: tp counts the prediction's copies -> recall 3/4
        r = s.score(AnswerType::Open, "x y", "x x x");
        QCOMPARE(r.recall, 0.75);
        QCOMPARE(r.precision, 1.0);
        QVERIFY(near(r.f1, 2 * 0.75 / 1.75));
        QVERIFY(near(r.exact, 1.0 / 3.0));  // one distinct reference word over 3 prediction words
        // multi-word answer, partial overlap, order does not matter
        r = s.score(AnswerType::Open, "pleural effusion right", "right sided effusion");
        QVERIFY(near(r.recall, 2.0 / 3.0));
        QVERIFY(near(r.precision, 2.0 / 3.0));
        // articles and punctuation do not count as words
        r = s.score(AnswerType::Open, "The left kidney.", "left-kidney");
        QCOMPARE(r.recall, 1.0);
        QCOMPARE(r.precision, 1.0);
        QCOMPARE(r.exact, 1.0);
        // a word repeated in the reference: fn counts its copies only when absent from the prediction
        r = s.score(AnswerType::Open, "b b c", "b");
        QCOMPARE(r.recall, 0.5);  // tp = 1 (prediction count), fn = 1 (c)
        QCOMPARE(r.exact, 1.0);   // distinct reference words found (b) / prediction words (1)
    }

    void closedEdgeCases_data() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("prediction");
        QTest::addColumn<bool>("hit");
        QTest::addColumn<bool>("strict");
        QTest::newRow("plain yes") << "yes" << "Yes." << true << true;
        QTest::newRow("empty prediction") << "yes" << "" << false << false;
        QTest::newRow("both yes and no, ref yes") << "yes" << "yes and no" << true << false;
        QTest::newRow("both yes and no, ref no") << "no" << "yes and no" << true << false;
        QTest::newRow("normal contains no") << "no" << "normal" << true << false;
        QTest::newRow("nodule contains no") << "no" << "nodule present" << true << false;
        QTest::newRow("not contains no") << "no" << "It is not." << true << false;
        QTest::newRow("wrong answer") << "yes" << "no" << false << false;
        QTest::newRow("no yes/no at all") << "yes" << "the lesion is benign" << false << false;
        QTest::newRow("non-yes/no reference needs yes/no") << "left" << "left" << false << true;
        QTest::newRow("non-yes/no reference with no") << "left" << "no, left" << true << true;
        QTest::newRow("sentence") << "no" << "No, there is none." << true << true;
        QTest::newRow("multi-word reference") << "left lung" << "yes, the left lung" << true << true;
        QTest::newRow("partial word strict") << "yes" << "yesterday" << true << false;
    }
    void closedEdgeCases() {
        QFETCH(QString, reference);
        QFETCH(QString, prediction);
        QFETCH(bool, hit);
        QFETCH(bool, strict);
        AnswerScorer s;
        const ItemScore r = s.score(AnswerType::Closed, reference.toStdString(), prediction.toStdString());
        QCOMPARE(r.closed_hit, hit);
        QCOMPARE(r.closed_hit_strict, strict);
        QCOMPARE(r.recall, 0.0);  // OPEN fields stay zero for CLOSED questions
    }

    // 20 questions, every number computed by hand:
    //  OPEN  ref | pred                     -> recall precision f1     exact
    //   1 liver | liver                       1      1        1      1
    //   2 left kidney | the left kidney       1      1        1      1     (article dropped)
    //   3 right lung | left lung              .5     .5       .5     .5    (1 ref word found / 2)
    //   4 mri | ""                            0      0        0      0
    //   5 ct | it is a ct scan                1      .25      .4     .25   (4 pred words)
    //   6 two | 2 lesions                     1      .5       2/3    .5    (two -> 2)
    //   7 brain | brain brain                 1      1        1      .5    (tp = 2; 1 distinct / 2)
    //   8 pleural effusion | effusion         .5     1        2/3    1
    //   9 axial | coronal                     0      0        0      0
    //  10 t2-weighted mri | T2 weighted       2/3    1        .8     1     (hyphen -> space)
    //  sums: recall 6 + 2/3 -> mean 2/3; precision 6.25 -> .625; f1 4.7 + 4/3 -> .603333...;
    //        exact 5.75 -> .575
    //  CLOSED ref | pred               llava-med  strict
    //  11 yes | Yes                       1        1
    //  12 no | No, there is none.         1        1
    //  13 no | normal                     1        0   ("no" substring)
    //  14 yes | yes and no                1        0   (both words)
    //  15 no | nodule present             1        0
    //  16 yes | the lesion is benign      0        0   (neither yes nor no)
    //  17 left | left                     0        1   (no yes/no substring)
    //  18 yes | no                        0        0
    //  19 no | ""                         0        0
    //  20 yes | yes, there is a nodule    1        1
    //  closed accuracy 6/10 = .6, strict 4/10 = .4
    void handComputedTwentyItems() {
        const std::vector<std::pair<std::string, std::string>> open = {
            {"liver", "liver"},         {"left kidney", "the left kidney"}, {"right lung", "left lung"},
            {"mri", ""},                {"ct", "it is a ct scan"},          {"two", "2 lesions"},
            {"brain", "brain brain"},   {"pleural effusion", "effusion"},   {"axial", "coronal"},
            {"t2-weighted mri", "T2 weighted"}};
        const std::vector<std::pair<std::string, std::string>> closed = {
            {"yes", "Yes"},    {"no", "No, there is none."}, {"no", "normal"}, {"yes", "yes and no"},
            {"no", "nodule present"}, {"yes", "the lesion is benign"}, {"left", "left"}, {"yes", "no"},
            {"no", ""},        {"yes", "yes, there is a nodule"}};
        AnswerScorer scorer;
        std::vector<ItemScore> scores;
        for (const auto& [r, p] : open) scores.push_back(scorer.score(AnswerType::Open, r, p));
        for (const auto& [r, p] : closed) scores.push_back(scorer.score(AnswerType::Closed, r, p));
        const Summary s = summarize(scores);
        QCOMPARE(s.n_open, std::size_t(10));
        QCOMPARE(s.n_closed, std::size_t(10));
        QVERIFY2(near(s[Metric::OpenRecall], 2.0 / 3.0), qPrintable(QString::number(s[Metric::OpenRecall])));
        QVERIFY(near(s[Metric::OpenPrecision], 0.625));
        QVERIFY2(near(s[Metric::OpenF1], (4.7 + 4.0 / 3.0) / 10.0), qPrintable(QString::number(s[Metric::OpenF1])));
        QVERIFY(near(s[Metric::ExactMatch], 0.575));
        QVERIFY(near(s[Metric::ClosedAccuracy], 0.6));
        QVERIFY(near(s[Metric::ClosedAccuracyStrict], 0.4));

        // Breakdown: first half "a", second half "b", one unlabelled
        std::vector<std::string> labels(20, "a");
        for (int i = 10; i < 20; ++i) labels[i] = "b";
        labels[0] = "";
        const auto groups = summarizeByGroup(scores, labels);
        QCOMPARE(groups.size(), std::size_t(2));
        QCOMPARE(groups.at("a").n_open, std::size_t(9));
        QVERIFY(near(groups.at("a")[Metric::OpenRecall], (6.0 + 2.0 / 3.0 - 1.0) / 9.0));
        QCOMPARE(groups.at("b").n_closed, std::size_t(10));
        QCOMPARE(groups.at("b").n_open, std::size_t(0));
        QCOMPARE(groups.at("b")[Metric::OpenRecall], 0.0);

        // Bootstrap: intervals contain the point estimate, are deterministic for a seed.
        BootstrapOptions opt;
        opt.resamples = 1000;
        opt.seed = 7;
        const auto ci = bootstrapIntervals(scores, opt);
        const auto ci2 = bootstrapIntervals(scores, opt);
        for (Metric m : kAllMetrics) {
            const auto k = static_cast<std::size_t>(m);
            QVERIFY2(ci[k].lo <= s[m] && s[m] <= ci[k].hi, metricKey(m));
            QVERIFY(ci[k].lo < ci[k].hi);  // 10 varied questions: a real spread
            QCOMPARE(ci[k].lo, ci2[k].lo);
            QCOMPARE(ci[k].hi, ci2[k].hi);
            QVERIFY(ci[k].lo >= 0.0 && ci[k].hi <= 1.0);
        }
        opt.seed = 8;
        const auto ci3 = bootstrapIntervals(scores, opt);
        bool differs = false;
        for (std::size_t k = 0; k < kMetricCount; ++k) differs |= ci3[k].lo != ci[k].lo || ci3[k].hi != ci[k].hi;
        QVERIFY(differs);
    }

    void percentile() {
        const std::vector<double> v = {1, 2, 3, 4, 5};
        QCOMPARE(percentileSorted(v, 0.0), 1.0);
        QCOMPARE(percentileSorted(v, 1.0), 5.0);
        QCOMPARE(percentileSorted(v, 0.5), 3.0);
        QCOMPARE(percentileSorted(v, 0.125), 1.5);  // position 0.5 between 1 and 2
    }

    void rngBelowIsInRangeAndSeeded() {
        Rng a(42), b(42);
        for (int i = 0; i < 1000; ++i) {
            const auto x = a.below(7);
            QVERIFY(x < 7);
            QCOMPARE(x, b.below(7));
        }
    }

    void mcnemarHandTable() {
        // A right & B wrong: 8, A wrong & B right: 2. X ~ Bin(10, 1/2):
        // P(X <= 2) = (1 + 10 + 45) / 1024 = 56/1024 -> exact p = 112/1024 = 0.109375
        // mid-p = 0.109375 - P(X = 2) = 0.109375 - 45/1024 = 0.0654296875
        std::vector<bool> a, b;
        auto add = [&](bool x, bool y, int n) {
            for (int i = 0; i < n; ++i) a.push_back(x), b.push_back(y);
        };
        add(true, true, 30);
        add(true, false, 8);
        add(false, true, 2);
        add(false, false, 5);
        const McNemarResult r = mcnemar(a, b);
        QCOMPARE(r.both_hit, std::size_t(30));
        QCOMPARE(r.only_a, std::size_t(8));
        QCOMPARE(r.only_b, std::size_t(2));
        QCOMPARE(r.both_miss, std::size_t(5));
        QVERIFY(near(r.p_exact, 0.109375, 1e-12));
        QVERIFY(near(r.p_mid, 0.0654296875, 1e-12));
        // symmetric, equal and empty tables
        QVERIFY(near(mcnemarFromCounts(2, 8).p_exact, 0.109375, 1e-12));
        QCOMPARE(mcnemarFromCounts(5, 5).p_exact, 1.0);
        QCOMPARE(mcnemarFromCounts(5, 5).p_mid, 1.0);
        QCOMPARE(mcnemarFromCounts(0, 0).p_exact, 1.0);
        // 0 vs 6: 2 / 64
        QVERIFY(near(mcnemarFromCounts(0, 6).p_exact, 2.0 / 64.0, 1e-12));
        QVERIFY(near(mcnemarFromCounts(0, 6).p_mid, 1.0 / 64.0, 1e-12));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mcnemar({true}, {true, false}));
    }

    void signTestAndPairedDifference() {
        // 1 success in 6: P(X <= 1) = 7/64 -> p = 14/64
        QVERIFY(near(signTestP(1, 6), 14.0 / 64.0, 1e-12));
        QVERIFY(near(signTestP(5, 6), 14.0 / 64.0, 1e-12));
        QCOMPARE(signTestP(0, 0), 1.0);
        const std::vector<double> a = {0, 0.5, 1, 1, 0, 0.25};
        const std::vector<double> b = {1, 0.5, 1, 0, 1, 0.75};
        BootstrapOptions opt;
        opt.seed = 3;
        const PairedDifference d = pairedDifference(a, b, opt);
        QCOMPARE(d.n, std::size_t(6));
        QCOMPARE(d.n_better, std::size_t(3));  // questions 1, 5, 6
        QCOMPARE(d.n_worse, std::size_t(1));   // question 4
        QCOMPARE(d.n_tied, std::size_t(2));
        QVERIFY(near(d.mean_a, 2.75 / 6.0));
        QVERIFY(near(d.mean_b, 4.25 / 6.0));
        QVERIFY(near(d.mean_diff, 1.5 / 6.0));
        QVERIFY(d.diff_ci.lo <= d.mean_diff && d.mean_diff <= d.diff_ci.hi);
        QVERIFY(near(d.sign_test_p, signTestP(3, 4), 1e-15));  // ties dropped: 3 of 4 -> 10/16
        QVERIFY(near(d.sign_test_p, 10.0 / 16.0, 1e-12));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
