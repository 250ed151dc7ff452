// The benchmark runner: batches, prompt variants, resume after an interruption (cancel, torn last
// line) without duplicates, sharding + merge, refusing a foreign output file; and the real model
// path (tiny random LLaVA saved to a folder + a sentencepiece model trained here + PNG images):
// greedy answers are deterministic and do not depend on the batch size.
#include "fixtures/tiny_model.h"

#include "evaluation/eval_runner.h"
#include "pipeline/benchmark_answerer.h"
#include "evaluation/predictions.h"
#include "imaging/deidentify.h"
#include "model/checkpoint_io.h"
#include "tokenizer/tokenizer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <fstream>
#include <set>

using namespace stllava;
using namespace stllava::eval;

namespace {

Benchmark makeBenchmark(int n) {
    Benchmark b;
    b.path = "bench.json";
    b.format = DatasetFormat::LlavaMed;
    for (int i = 0; i < n; ++i) {
        BenchmarkItem q;
        q.id = std::to_string(100 + i);
        q.id_is_number = true;
        q.question = "question " + std::to_string(i);
        q.answer = i % 2 ? "yes" : "liver";
        q.type = i % 2 ? metrics::AnswerType::Closed : metrics::AnswerType::Open;
        q.image = "img" + std::to_string(i % 2) + ".png";
        b.items.push_back(q);
    }
    return b;
}

// Answers with the question text reversed, and counts the questions it saw.
struct CountingAnswerer {
    std::multiset<std::string> seen;
    int calls = 0;
    int fail_on_call = -1;
    AnswerBatchFn fn() {
        return [this](const std::vector<AnswerRequest>& batch) {
            if (calls++ == fail_on_call) throw std::runtime_error("answerer failed");
            std::vector<Answer> out;
            for (const auto& r : batch) {
                seen.insert(r.item->id);
                out.push_back({std::string(r.question.rbegin(), r.question.rend()), {{"k", 1}}});
            }
            return out;
        };
    }
};

std::vector<std::string> ids(const std::vector<Prediction>& p) {
    std::vector<std::string> out;
    for (const auto& x : p) out.push_back(x.question_id);
    return out;
}

std::vector<std::string> ids(const Benchmark& b) {
    std::vector<std::string> out;
    for (const auto& x : b.items) out.push_back(x.id);
    return out;
}

}  // namespace

class TestEvalRunner : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    // A tiny random LLaVA folder (with a tokenizer trained here) and two PNG images in m_dir.
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QTemporaryDir& dir = m_dir;
        const std::string tokenizer_model = testing::trainTinyTokenizer(dir.path().toStdString(), 320);
        auto config = testing::tinyConfig();
        config.text.vocab_size = 320;
        auto m = testing::tinyModel(config, 11);
        const std::string model_dir = dir.filePath("tiny-llava").toStdString();
        model::SaveOptions so;
        so.tokenizer_model_path = tokenizer_model;
        model::saveModel(model_dir, m, so);
        const std::string images = dir.filePath("images").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(images)));
        for (int k = 0; k < 2; ++k) {
            RgbImage img;
            img.width = 40 + 10 * k;
            img.height = 30;
            img.pixels.resize(static_cast<std::size_t>(img.width * img.height * 3));
            for (std::size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = static_cast<std::uint8_t>((i * (7 + k)) % 251);
            writePixelsPng(img, images + "/img" + std::to_string(k) + ".png");
        }
    }

    void variants() {
        const Benchmark b = makeBenchmark(2);
        QCOMPARE(QString::fromStdString(questionFor(b.items[0], PromptVariant::ClosedYesNo)), QStringLiteral("question 0"));
        QCOMPARE(QString::fromStdString(questionFor(b.items[1], PromptVariant::ClosedYesNo)),
                 QStringLiteral("question 1 Please choose from the following two options: [yes, no]."));
        QCOMPARE(QString::fromStdString(questionFor(b.items[1], PromptVariant::Plain)), QStringLiteral("question 1"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, promptVariantFromName("fancy"));
    }

    void runWritesLlavaMedLines() {
        QTemporaryDir dir;
        const Benchmark b = makeBenchmark(7);
        CountingAnswerer a;
        RunOptions o;
        o.out_path = dir.filePath("pred.jsonl").toStdString();
        o.batch = 3;
        o.model_id = "tiny";
        o.variant = PromptVariant::ClosedYesNo;
        int progress_calls = 0;
        o.progress = [&](const Progress& p) {
            ++progress_calls;
            return p.total == 7;
        };
        const RunStats s = runBenchmark(b, a.fn(), o);
        QCOMPARE(s.generated, std::size_t(7));
        QCOMPARE(a.calls, 3);            // batches of 3, 3, 1
        QCOMPARE(progress_calls, 4);     // once before, once per batch
        const auto p = readPredictions(o.out_path);
        QVERIFY(ids(p) == ids(b));
        QVERIFY(p[0].id_is_number);
        QCOMPARE(QString::fromStdString(p[1].prompt), QString::fromStdString(b.items[1].question + kYesNoOptions));
        QCOMPARE(QString::fromStdString(p[0].text), QStringLiteral("0 noitseuq"));
        QCOMPARE(QString::fromStdString(p[0].model_id), QStringLiteral("tiny"));
        QCOMPARE(p[0].answer_id.size(), std::size_t(22));
        QCOMPARE(QString::fromStdString(p[0].metadata["prompt_variant"].get<std::string>()), QStringLiteral("closed-yes-no"));
        checkPairing(b, p, o.out_path);  // scoreable as is
    }

    void resumeAfterCancelAndTornLine() {
        QTemporaryDir dir;
        const Benchmark b = makeBenchmark(10);
        RunOptions o;
        o.out_path = dir.filePath("pred.jsonl").toStdString();
        o.batch = 3;
        // Interrupted after the second batch (the progress callback asks to stop).
        CountingAnswerer first;
        o.progress = [](const Progress& p) { return p.done < 6; };
        QVERIFY_THROWS_EXCEPTION(Cancelled, runBenchmark(b, first.fn(), o));
        QCOMPARE(readPredictions(o.out_path).size(), std::size_t(6));
        // A crash in the middle of the next append leaves a torn line.
        {
            std::ofstream f(o.out_path, std::ios::app);
            f << "{\"question_id\": 106, \"prompt\": \"q";
        }
        QVERIFY_THROWS_EXCEPTION(InputError, readPredictions(o.out_path));
        // The resumed run cuts the torn tail first; its answerer then fails on the first batch,
        // which writes nothing.
        CountingAnswerer failing;
        failing.fail_on_call = 0;
        o.progress = {};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, runBenchmark(b, failing.fn(), o));
        QCOMPARE(readPredictions(o.out_path).size(), std::size_t(6));  // parses again: tail cut
        // Resume: only the 4 missing questions are answered; no duplicates.
        CountingAnswerer second;
        const RunStats s = runBenchmark(b, second.fn(), o);
        QCOMPARE(s.already_done, std::size_t(6));
        QCOMPARE(s.generated, std::size_t(4));
        QCOMPARE(s.torn_bytes_dropped, std::size_t(0));
        QCOMPARE(second.seen.size(), std::size_t(4));
        QVERIFY(!second.seen.count("100") && second.seen.count("109"));
        const auto p = readPredictions(o.out_path);  // parses: no torn line left
        QVERIFY(ids(p) == ids(b));
        // Running again answers nothing.
        CountingAnswerer third;
        QCOMPARE(runBenchmark(b, third.fn(), o).generated, std::size_t(0));
        QCOMPARE(third.calls, 0);
        QCOMPARE(readPredictions(o.out_path).size(), std::size_t(10));
    }

    void limit() {
        QTemporaryDir dir;
        const Benchmark b = makeBenchmark(5);
        RunOptions o;
        o.out_path = dir.filePath("p.jsonl").toStdString();
        o.limit = 2;
        CountingAnswerer a;
        QCOMPARE(runBenchmark(b, a.fn(), o).generated, std::size_t(2));
        QCOMPARE(runBenchmark(b, a.fn(), o).generated, std::size_t(2));
        o.limit = 0;
        QCOMPARE(runBenchmark(b, a.fn(), o).generated, std::size_t(1));
        QVERIFY(ids(readPredictions(o.out_path)) == ids(b));
    }

    void shardsAndMerge() {
        QTemporaryDir dir;
        const Benchmark b = makeBenchmark(7);
        const std::string out = dir.filePath("pred-{rank}.jsonl").toStdString();
        std::vector<Prediction> all;
        for (int rank = 0; rank < 3; ++rank) {
            RunOptions o;
            o.shard = {rank, 3};
            o.out_path = shardOutputPath(out, o.shard);
            o.batch = 2;
            CountingAnswerer a;
            const RunStats s = runBenchmark(b, a.fn(), o);
            QCOMPARE(s.shard_questions, std::size_t(rank == 0 ? 3 : 2));  // 0,3,6 | 1,4 | 2,5
            auto p = readPredictions(o.out_path);
            all.insert(all.end(), p.begin(), p.end());
        }
        QCOMPARE(QString::fromStdString(shardOutputPath(out, {1, 3})), dir.filePath("pred-1.jsonl"));
        QCOMPARE(QString::fromStdString(shardOutputPath("p.jsonl", {2, 4})), QStringLiteral("p.jsonl.rank2"));
        QCOMPARE(QString::fromStdString(shardOutputPath("p.jsonl", {0, 1})), QStringLiteral("p.jsonl"));
        const auto merged = orderLikeBenchmark(b, all, "shards");
        QVERIFY(ids(merged) == ids(b));

        // A shard's file given to another shard is refused (it holds foreign ids).
        RunOptions wrong;
        wrong.shard = {1, 3};
        wrong.out_path = shardOutputPath(out, {0, 3});
        CountingAnswerer a;
        QVERIFY_THROWS_EXCEPTION(InputError, runBenchmark(b, a.fn(), wrong));
    }

    void shardFromEnvironment() {
        qputenv("RANK", "2");
        qputenv("WORLD_SIZE", "4");
        Shard s = Shard::fromEnvironment();
        QCOMPARE(s.rank, 2);
        QCOMPARE(s.world, 4);
        qputenv("RANK", "4");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Shard::fromEnvironment());
        qputenv("RANK", "x");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Shard::fromEnvironment());
        qunsetenv("RANK");
        qunsetenv("WORLD_SIZE");
        s = Shard::fromEnvironment();
        QCOMPARE(s.rank, 0);
        QCOMPARE(s.world, 1);
    }

    // The real model path: tiny random LLaVA + tokenizer trained here + PNG images.
    void modelAnswererGreedyDeterministic() {
        torch::set_num_threads(2);
        const std::string model_dir = m_dir.filePath("tiny-llava").toStdString();
        const std::string images = m_dir.filePath("images").toStdString();
        QTemporaryDir dir;
        const Benchmark b = makeBenchmark(3);

        stllava::pipeline::BenchmarkAnswererOptions mo;
        mo.images_dir = images;
        mo.sampling.max_new_tokens = 6;
        mo.sampling.stop_on_eos = false;  // random weights: always 6 tokens
        mo.max_batch = 3;
        stllava::pipeline::ModelSource source;
        source.model_dir = model_dir;
        stllava::pipeline::BenchmarkAnswerer answerer(stllava::pipeline::LlavaSession::open(source), mo);
        QCOMPARE(QString::fromStdString(answerer.describe()["template"].get<std::string>()), QStringLiteral("vicuna_v1"));
        QVERIFY(answerer.describe()["sampling"]["greedy"].get<bool>());

        RunOptions o;
        o.batch = 3;
        o.out_path = dir.filePath("a.jsonl").toStdString();
        runBenchmark(b, answerer.asFunction(), o);
        o.batch = 1;
        o.out_path = dir.filePath("b.jsonl").toStdString();
        runBenchmark(b, answerer.asFunction(), o);
        const auto pa = readPredictions(dir.filePath("a.jsonl").toStdString());
        const auto pb = readPredictions(dir.filePath("b.jsonl").toStdString());
        QCOMPARE(pa.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(QString::fromStdString(pa[i].text), QString::fromStdString(pb[i].text));
            QCOMPARE(pa[i].metadata["new_tokens"].get<int>(), 6);
        }

        // a missing image names the question
        Benchmark broken = b;
        broken.items[0].image = "nope.png";
        o.out_path = dir.filePath("c.jsonl").toStdString();
        try {
            runBenchmark(broken, answerer.asFunction(), o);
            QFAIL("no error for a missing image");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("question 100") != std::string::npos, e.what());
        }
    }

    // `stllava eval run` end to end: an interrupted (--limit) run resumed to completion with a report
    // (model checksums, thumbnails), and two shards (RANK / WORLD_SIZE) merged in test order.
    void cliRunResumeShardsMerge() {
        QTemporaryDir dir;
        const QString test = dir.filePath("test.json");
        {
            QFile f(test);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"([
 {"id": 1, "image": "img0.png", "conversations": [{"from": "human", "value": "<image>\nIs there a mass?"}, {"from": "gpt", "value": "yes"}], "answer_type": "CLOSED"},
 {"id": 2, "image": "img1.png", "conversations": [{"from": "human", "value": "<image>\nWhich organ?"}, {"from": "gpt", "value": "liver"}], "answer_type": "OPEN"},
 {"id": 3, "image": "img0.png", "conversations": [{"from": "human", "value": "<image>\nIs it normal?"}, {"from": "gpt", "value": "no"}], "answer_type": "CLOSED"}])");
        }
        const QString model = m_dir.filePath("tiny-llava"), images = m_dir.filePath("images");
        const QString out = dir.filePath("pred.jsonl");
        const QStringList common = {"eval", "run", "--model", model, "--benchmark", test, "--images", images,
                                    "--max-new-tokens", "4", "--batch", "2", "--variant", "closed-yes-no"};
        auto run = [](const QStringList& args, const QProcessEnvironment& env) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"), args);
            if (!p.waitForFinished(300000)) return std::make_pair(-1, QByteArray("timeout"));
            return std::make_pair(p.exitCode(), p.readAllStandardError() + p.readAllStandardOutput());
        };
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove("RANK");
        env.remove("WORLD_SIZE");
        auto r = run(common + QStringList{"--out", out, "--limit", "1"}, env);
        QVERIFY2(r.first == 0, r.second.constData());
        QCOMPARE(readPredictions(out.toStdString()).size(), std::size_t(1));
        r = run(common + QStringList{"--out", out, "--report-dir", dir.filePath("report")}, env);
        QVERIFY2(r.first == 0, r.second.constData());
        QVERIFY2(r.second.contains("2 answered, 1 already present"), r.second.constData());
        const auto preds = readPredictions(out.toStdString());
        QCOMPARE(preds.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(preds[2].question_id), QStringLiteral("3"));
        QVERIFY(preds[0].prompt.find("[yes, no]") != std::string::npos);
        QCOMPARE(QString::fromStdString(preds[0].model_id), QStringLiteral("tiny-llava"));
        QFile rep(dir.filePath("report/report.json"));
        QVERIFY(rep.open(QIODevice::ReadOnly));
        const auto j = nlohmann::json::parse(rep.readAll().toStdString());
        QCOMPARE(j["counts"]["closed"].get<int>(), 2);
        bool config_hashed = false;
        for (const auto& f : j["model"]["files"])
            if (f["name"] == "config.json") config_hashed = f["sha256"].is_string() && f["sha256"].get<std::string>().size() == 64;
        QVERIFY(config_hashed);
        QCOMPARE(j["config"]["runner"]["template"].get<std::string>(), std::string("vicuna_v1"));
        QFile html(dir.filePath("report/report.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(html.readAll().contains("stllavaThumbs=[\"data:image/png;base64,iVBORw0KGgo"));  // a real PNG

        // Two shards, then merge: the same ids in test order; greedy answers equal the single run's.
        const QString shard = dir.filePath("shard-{rank}.jsonl");
        for (int rank = 0; rank < 2; ++rank) {
            auto e = env;
            e.insert("RANK", QString::number(rank));
            e.insert("WORLD_SIZE", "2");
            r = run(common + QStringList{"--out", shard}, e);
            QVERIFY2(r.first == 0, r.second.constData());
        }
        r = run({"eval", "merge", "--test", test, "--out", dir.filePath("merged.jsonl"), dir.filePath("shard-0.jsonl"),
                 dir.filePath("shard-1.jsonl")},
                env);
        QVERIFY2(r.first == 0, r.second.constData());
        const auto merged = readPredictions(dir.filePath("merged.jsonl").toStdString());
        QCOMPARE(merged.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(QString::fromStdString(merged[i].question_id), QString::fromStdString(preds[i].question_id));
            QCOMPARE(QString::fromStdString(merged[i].text), QString::fromStdString(preds[i].text));
        }
    }
};

QTEST_GUILESS_MAIN(TestEvalRunner)
#include "test_eval_runner.moc"
