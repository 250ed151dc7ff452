// Scored reports: scoring a small benchmark, JSON round trip, CSV quoting, the HTML page
// (escaping, inline SVG, drill-down), comparisons (McNemar, paired differences, changed questions).
#include "evaluation/compare.h"
#include "evaluation/eval_report.h"
#include "evaluation/html_util.h"
#include "evaluation/report_csv.h"
#include "evaluation/report_html.h"
#include "evaluation/report_json.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace stllava::eval;
using stllava::metrics::AnswerType;
using stllava::metrics::Metric;

namespace {

Benchmark makeBenchmark() {
    Benchmark b;
    b.format = DatasetFormat::Slake;
    b.path = "test.json";
    auto add = [&](const std::string& id, AnswerType t, const std::string& answer, const std::string& modality) {
        BenchmarkItem q;
        q.id = id;
        q.type = t;
        q.answer = answer;
        q.question = "question " + id;
        q.image = "img" + id + ".jpg";
        q.modality = modality;
        b.items.push_back(q);
    };
    add("1", AnswerType::Closed, "yes", "CT");
    add("2", AnswerType::Closed, "no", "CT");
    add("3", AnswerType::Closed, "yes", "MRI");
    add("4", AnswerType::Closed, "no", "MRI");
    add("5", AnswerType::Open, "left lung", "CT");
    add("6", AnswerType::Open, "liver", "MRI");
    return b;
}

std::vector<Prediction> makePredictions(const std::vector<std::string>& texts) {
    std::vector<Prediction> out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Prediction p;
        p.question_id = std::to_string(i + 1);
        p.text = texts[i];
        p.model_id = "model-x";
        out.push_back(p);
    }
    return out;
}

}  // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scoreAndSummarize() {
        const Benchmark b = makeBenchmark();
        // closed: hit, hit ("normal" contains "no"), miss, miss; open: recall 0.5, 1
        const auto preds = makePredictions({"Yes.", "normal", "no", "", "right lung", "<b>The liver</b>"});
        const EvalReport r = scorePredictions(b, preds);
        QCOMPARE(r.summary.n_closed, std::size_t(4));
        QCOMPARE(r.summary.n_open, std::size_t(2));
        QCOMPARE(r.summary[Metric::ClosedAccuracy], 0.5);
        QCOMPARE(r.summary[Metric::ClosedAccuracyStrict], 0.25);  // "normal" is not a whole-word "no"
        QCOMPARE(r.summary[Metric::OpenRecall], 0.75);
        QCOMPARE(QString::fromStdString(r.model_id), QStringLiteral("model-x"));
        QVERIFY(r.breakdown.count("modality"));
        QVERIFY(!r.breakdown.count("organ"));  // no labels -> no breakdown
        QCOMPARE(r.breakdown.at("modality").at("CT").n_closed, std::size_t(2));
        QCOMPARE(r.breakdown.at("modality").at("CT")[Metric::ClosedAccuracy], 1.0);
        QCOMPARE(r.breakdown.at("modality").at("MRI")[Metric::ClosedAccuracy], 0.0);
        QCOMPARE(r.breakdown.at("modality").at("MRI")[Metric::OpenRecall], 1.0);
        QCOMPARE(QString::fromStdString(r.questions[5].prediction_normalized), QStringLiteral("b liver b"));
    }

    void jsonRoundTrip() {
        EvalReport r = scorePredictions(makeBenchmark(), makePredictions({"yes", "no", "no", "yes", "left", "liver"}));
        r.dataset_sha256 = "abc";
        r.timing = {{"score_seconds", 0.5}};
        const auto j = reportToJson(r);
        QCOMPARE(j["kind"].get<std::string>(), std::string(kReportKind));
        QCOMPARE(j["metrics"]["closed_accuracy"]["value"].get<double>(), 50.0);  // percent
        QCOMPARE(j["metrics"]["open_recall"]["value"].get<double>(), 75.0);
        QVERIFY(j["metrics"]["open_recall"]["ci95"].is_array());
        QCOMPARE(j["questions"].size(), std::size_t(6));
        QVERIFY(j["config"]["scoring"]["closed_accuracy_strict"].is_string());
        const EvalReport back = reportFromJson(j.dump(), "r.json");
        QCOMPARE(back.summary[Metric::ClosedAccuracy], r.summary[Metric::ClosedAccuracy]);
        QCOMPARE(back.summary[Metric::OpenRecall], r.summary[Metric::OpenRecall]);
        QCOMPARE(back.ci[0].lo, r.ci[0].lo);  // same seed from the report's config
        QCOMPARE(QString::fromStdString(back.dataset_sha256), QStringLiteral("abc"));
        QCOMPARE(back.questions.size(), std::size_t(6));
        QVERIFY_THROWS_EXCEPTION(InputError, reportFromJson("{\"kind\": \"other\"}", "x.json"));
        // A number beyond double's range (nlohmann's out_of_range 406, found by fuzzing) is bad JSON too.
        QVERIFY_THROWS_EXCEPTION(InputError, reportFromJson("{\"kind\": 1E999}", "x.json"));
        QVERIFY_THROWS_EXCEPTION(InputError, reportFromJson("{not json", "x.json"));
        QVERIFY_THROWS_EXCEPTION(
            InputError, reportFromJson(R"({"kind": "stllava-eval-report", "dataset": {}, "predictions": {},
                                          "questions": [{"id": "1"}]})",
                                       "x.json"));
    }

    void csvQuoting() {
        QCOMPARE(QString::fromStdString(csvField("plain")), QStringLiteral("plain"));
        QCOMPARE(QString::fromStdString(csvField("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(QString::fromStdString(csvField("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(QString::fromStdString(csvField("two\nlines")), QStringLiteral("\"two\nlines\""));
        const EvalReport r = scorePredictions(makeBenchmark(), makePredictions({"Yes, it is", "no", "no", "yes", "left", "liver"}));
        const std::string csv = reportToCsv(r);
        QVERIFY(csv.rfind("id,answer_type,", 0) == 0);
        QVERIFY(csv.find("1,CLOSED,,CT,,img1.jpg,question 1,yes,\"Yes, it is\",yes,yes it is,,,,,1,1\r\n") != std::string::npos);
        QVERIFY(csv.find("5,OPEN,,CT,,img5.jpg,question 5,left lung,left,left lung,left,0.5,1,0.666667,1,,\r\n") !=
                std::string::npos);
        std::size_t lines = 0;
        for (char c : csv) lines += c == '\n';
        QCOMPARE(lines, std::size_t(7));
    }

    void htmlPage() {
        Benchmark bench = makeBenchmark();
        bench.items[1].image = bench.items[0].image;  // two questions on one image: one thumbnail
        const EvalReport r =
            scorePredictions(bench, makePredictions({"yes", "no", "<script>alert(1)</script>", "yes", "left", "liver"}));
        int thumbs = 0;
        const std::string page = reportToHtml(r, [&](const std::string& image) {
            ++thumbs;
            return image == "img1.jpg" ? std::string("data:image/png;base64,iVBORw0KGgo=") : std::string();
        });
        QVERIFY(page.rfind("<!DOCTYPE html>", 0) == 0);
        QVERIFY(page.find("<svg") != std::string::npos);
        QVERIFY(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        QVERIFY(page.find("<script>alert(1)") == std::string::npos);
        const std::string uri = "\"data:image/png;base64,iVBORw0KGgo=\"";
        QVERIFY(page.find(uri) != std::string::npos);
        QCOMPARE(page.find(uri), page.rfind(uri));  // stored once, shown lazily
        QCOMPARE(thumbs, 5);                        // once per distinct image
        QVERIFY(page.find("data-t=\"0\"") != std::string::npos);  // both questions on img1 point to it
        QCOMPARE(page.find("data-t=\"1\""), std::string::npos);   // the other images gave no thumbnail
        QVERIFY(page.find("Closed accuracy (strict whole-word)") != std::string::npos);
        QVERIFY(page.find("By modality") != std::string::npos);
        QVERIFY(page.find("http") == std::string::npos || page.find("http://www.w3.org/2000/svg") != std::string::npos);
        QVERIFY(page.find("<link") == std::string::npos);  // self-contained

        QTemporaryDir dir;
        const std::string path = dir.filePath("r.html").toStdString();
        writeReportHtml(r, path);
        QVERIFY(QFile::exists(QString::fromStdString(path)));
    }

    void base64() {
        QCOMPARE(QString::fromStdString(html::base64("")), QString());
        QCOMPARE(QString::fromStdString(html::base64("f")), QStringLiteral("Zg=="));
        QCOMPARE(QString::fromStdString(html::base64("fo")), QStringLiteral("Zm8="));
        QCOMPARE(QString::fromStdString(html::base64("foo")), QStringLiteral("Zm9v"));
        QCOMPARE(QString::fromStdString(html::base64("foobar")), QStringLiteral("Zm9vYmFy"));
        QCOMPARE(QString::fromStdString(html::base64(std::string("\xff\x00\x10", 3))), QStringLiteral("/wAQ"));
    }

    void compareRuns() {
        const Benchmark b = makeBenchmark();
        // A: closed hits 1,2 ; B: closed hits 1,2,3,4 -> only B = 2, only A = 0 -> p exact = 2 * (1/4) = 0.5
        EvalReport a = scorePredictions(b, makePredictions({"yes", "no", "no", "yes", "right lung", "liver"}));
        EvalReport c = scorePredictions(b, makePredictions({"yes", "no", "yes", "no", "left lung", "liver"}));
        const Comparison cmp = compareReports(a, c, "a.json", "b.json");
        QCOMPARE(cmp.closed.both_hit, std::size_t(2));
        QCOMPARE(cmp.closed.only_a, std::size_t(0));
        QCOMPARE(cmp.closed.only_b, std::size_t(2));
        QCOMPARE(cmp.closed.p_exact, 0.5);
        QCOMPARE(cmp.open_recall.n, std::size_t(2));
        QCOMPARE(cmp.open_recall.mean_diff, 0.25);  // (1 - 0.5 + 0) / 2
        QCOMPARE(cmp.open_recall.n_better, std::size_t(1));
        QCOMPARE(cmp.open_recall.n_tied, std::size_t(1));
        QCOMPARE(cmp.changed.size(), std::size_t(3));  // questions 3, 4, 5
        QCOMPARE(QString::fromStdString(cmp.changed[2].id), QStringLiteral("5"));
        const auto j = comparisonToJson(cmp);
        QCOMPARE(j["tests"]["closed_accuracy_mcnemar"]["only_b"].get<std::size_t>(), std::size_t(2));
        QVERIFY(comparisonToHtml(cmp).find("McNemar") != std::string::npos);

        // B in another order still pairs by id; a different benchmark does not
        std::reverse(c.questions.begin(), c.questions.end());
        QCOMPARE(compareReports(a, c, "a", "b").changed.size(), std::size_t(3));
        c.questions.pop_back();
        QVERIFY_THROWS_EXCEPTION(InputError, compareReports(a, c, "a", "b"));
        // checksums that differ are reported
        EvalReport d = a;
        a.dataset_sha256 = "x";
        d.dataset_sha256 = "y";
        QCOMPARE(compareReports(a, d, "a", "d").warnings.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
