// `stllava demo judge-data` on the CI-sized demo (`stllava demo run --scale tiny`, as test_demo_cli):
// the learned judge's SFT data holds every trained-on item in both answer orders and nothing of the
// held-out images; each record's answer starts with the scores the demo's oracle-judge phase wrote
// for that item and order (read back with the judge's score parser); each record's user turn is
// exactly what `stllava serve`'s protocol layer makes of the request the judge client sends for it
// (the real client's de-identified PNG and body, the real server parser); the records load in
// training's reader. Then the written config trains (4 steps, `stllava train sft`), the model is
// served with a bearer token, and `stllava selftrain judge` gets a reply for every held-out request.
#include "fixtures/run_stllava.h"

#include "demo/judge_dataset.h"
#include "demo/oracle_judge_job.h"
#include "selftrain/job_records.h"
#include "selftrain/jsonl.h"
#include "selftrain/judge_protocol.h"
#include "selftrain/score_parser.h"
#include "server/openai_protocol.h"
#include "services/judge/judge_image.h"
#include "synthetic/findings_json.h"
#include "synthetic/question_grammar.h"
#include "synthetic/rng.h"
#include "synthetic/world.h"
#include "training/dataset.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace {

namespace st = stllava::selftrain;
using json = nlohmann::json;
using stllava::testing::runStllava;

json readJsonFile(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

}  // namespace

class TestDemoJudgeData : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string demo_, judge_;
    json records_;
    std::vector<st::GeneratedItem> items_, train_, heldout_;

    std::map<std::string, const st::GeneratedItem*> byId() const {
        std::map<std::string, const st::GeneratedItem*> m;
        for (const auto& item : items_) m[item.item_id] = &item;
        return m;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        demo_ = dir_.path().toStdString() + "/demo";
        judge_ = demo_ + "/judge";
        const auto demo = runStllava({"demo", "run", "--out", QString::fromStdString(demo_), "--scale", "tiny",
                                      "--seed", "3"},
                                     900000);
        QVERIFY2(demo.code == 0, demo.err.constData());
        const auto data = runStllava({"demo", "judge-data", "--demo", QString::fromStdString(demo_),
                                      "--holdout-share", "0.34"});
        QVERIFY2(data.code == 0, data.err.constData());
        QVERIFY2(data.out.contains("train sft --config"), data.out.constData());
        records_ = readJsonFile(judge_ + "/" + stllava::demo::kJudgeSftFile);
        items_ = st::readItems(demo_ + "/selftrain");
        train_ = st::readItems(judge_ + "/" + stllava::demo::kJudgeTrainJob);
        heldout_ = st::readItems(judge_ + "/" + stllava::demo::kJudgeHeldOutJob);
    }

    void itemsSplitByImageAndBothOrdersRecorded() {
        QVERIFY(!train_.empty());
        QVERIFY(!heldout_.empty());
        QCOMPARE(train_.size() + heldout_.size(), items_.size());  // the tiny demo's items all have 2 answers
        std::set<std::string> train_images, heldout_images, ids;
        for (const auto& i : train_) train_images.insert(i.image);
        for (const auto& i : heldout_) heldout_images.insert(i.image);
        for (const auto& image : heldout_images) QVERIFY2(!train_images.count(image), image.c_str());
        for (const auto& r : records_) ids.insert(r.at("id").get<std::string>());
        QCOMPARE(records_.size(), 2 * train_.size());
        QCOMPARE(ids.size(), records_.size());
        for (const auto& item : train_)
            for (const auto order : {st::AnswerOrder::Forward, st::AnswerOrder::Swapped})
                QVERIFY2(ids.count(st::judgementKey(item.item_id, order)), item.item_id.c_str());
        const json manifest = readJsonFile(judge_ + "/" + stllava::demo::kJudgeDataManifest);
        QCOMPARE(manifest.at("records").get<std::size_t>(), records_.size());
        QCOMPARE(manifest.at("heldout_items").get<std::size_t>(), heldout_.size());
        // The config trains the stage-1 model (in a copy with room for the judge's prompt and reply)
        // for the tiny scale's step budget, on the answers only.
        const json config = readJsonFile(judge_ + "/train-config.json");
        QCOMPARE(config.at("max_steps").get<int>(), 4);
        QCOMPARE(config.at("sq_r").get<double>(), 0.0);
        QCOMPARE(config.at("data_path").get<std::string>(), judge_ + "/" + stllava::demo::kJudgeSftFile);
        QCOMPARE(config.at("model_path").get<std::string>(), judge_ + "/base-model");
        QVERIFY(readJsonFile(judge_ + "/base-model/config.json").at("max_position_embeddings").get<int>() >= 2048);
    }

    void firstLineParsesToTheOracleScores() {
        // The demo's judge phase: the clean oracle in both orders, through the same score parser.
        std::map<std::string, st::Judgement> oracle;
        for (const auto& j : st::readJudgements(demo_ + "/selftrain")) oracle[st::judgementKey(j.item_id, j.order)] = j;
        int differing = 0;
        for (const auto& r : records_) {
            const std::string id = r.at("id").get<std::string>();
            const std::string reply = r.at("conversations").at(1).at("value").get<std::string>();
            QCOMPARE(r.at("conversations").at(1).at("from").get<std::string>(), std::string("gpt"));
            const st::ParsedScores p = st::parseScores(reply);
            QVERIFY2(p.ok, (id + ": " + p.problem).c_str());
            QVERIFY2(oracle.count(id), id.c_str());
            const st::Judgement& o = oracle.at(id);
            QCOMPARE(o.status, st::JudgeStatus::Ok);
            QCOMPARE(p.first, o.first_score);
            QCOMPARE(p.second, o.second_score);
            QVERIFY(!p.rationale.empty());
            if (p.first != p.second) ++differing;
        }
        qInfo("%zu records, %d with different scores", records_.size(), differing);
    }

    // The tiny demo's stage-1 model rarely writes two answers the oracle tells apart; here each item's
    // first answer is the world's own true sentence and the second its opposite, so the oracle's
    // scores differ and must follow the order the answers are shown in.
    void scoresFollowTheOrderShown() {
        const std::string world = demo_ + "/world", job = dir_.path().toStdString() + "/contrast-job";
        std::filesystem::create_directories(job);
        st::JobInfo info;
        info.created = st::isoTimeNow();
        st::writeJobInfo(job, info);
        const stllava::synthetic::WorldIndex index = stllava::synthetic::readWorldIndex(world);
        stllava::synthetic::Rng rng(7);
        std::vector<json> lines;
        for (const auto& [image, id] : index.imageIds) {
            if (image.rfind("pool/", 0) != 0) continue;
            const auto f = stllava::synthetic::readFindingsFile(index.findingsPath(image));
            int k = 0;
            for (const auto& qa : stllava::synthetic::askQuestions(f, 4, rng)) {
                if (!qa.closed) continue;
                st::GeneratedItem item;
                item.image = world + "/" + image;
                item.item_id = item.image + "#q" + std::to_string(k);
                item.question_index = k++;
                item.question = qa.question;
                item.answers = {qa.longAnswer, qa.answer == "yes" ? "No, there is not." : "Yes, there is."};
                item.seeds = {40, 42};
                item.stop_reasons = {"eos", "eos"};
                lines.push_back(st::toJson(item));
            }
        }
        QVERIFY(lines.size() >= 4);
        st::JsonlWriter(st::jobPath(job, st::kItemsFile)).append(lines);
        stllava::demo::OracleJudgeOptions oo;
        oo.job_dir = job;
        oo.world_dir = world;
        stllava::demo::runOracleJudge(oo);
        std::map<std::string, st::Judgement> oracle;
        for (const auto& j : st::readJudgements(job)) oracle[st::judgementKey(j.item_id, j.order)] = j;

        stllava::demo::JudgeDatasetOptions jo;
        jo.job_dir = job;
        jo.world_dir = world;
        jo.out_dir = dir_.path().toStdString() + "/contrast-data";
        jo.holdout_share = 0.0;
        const auto summary = stllava::demo::writeJudgeDataset(jo);
        QCOMPARE(summary.records, 2 * lines.size());
        QVERIFY(summary.heldout_job.empty());
        int true_answer_higher = 0, other_higher = 0;
        for (const auto& r : readJsonFile(summary.sft_path)) {
            const std::string id = r.at("id").get<std::string>();
            const st::ParsedScores p = st::parseScores(r.at("conversations").at(1).at("value").get<std::string>());
            QVERIFY2(p.ok && oracle.count(id), id.c_str());
            QCOMPARE(p.first, oracle.at(id).first_score);
            QCOMPARE(p.second, oracle.at(id).second_score);
            const bool forward = id.substr(id.rfind('|') + 1) == st::orderName(st::AnswerOrder::Forward);
            if (p.first != p.second) (forward == (p.first > p.second) ? true_answer_higher : other_higher)++;
        }
        // The true answer wins in both orders: shown first in "12", second in "21".
        QVERIFY2(true_answer_higher == static_cast<int>(2 * lines.size()),
                 qPrintable(QString("%1 records score the true answer higher, %2 the other, of %3")
                                .arg(true_answer_higher)
                                .arg(other_higher)
                                .arg(2 * lines.size())));
    }

    void userTurnIsWhatServeMakesOfTheClientsRequest() {
        const auto items = byId();
        stllava::server::ProtocolLimits limits;
        for (const auto& r : records_) {
            const std::string id = r.at("id").get<std::string>();
            const auto bar = id.rfind('|');
            const st::GeneratedItem& item = *items.at(id.substr(0, bar));
            const st::AnswerOrder order = st::orderFromName(id.substr(bar + 1));
            QCOMPARE(r.at("image").get<std::string>(), item.image);
            // The request the judge client sends: its de-identified PNG and its body.
            const std::string url = stllava::judge::deidentifiedPngDataUrl(QString::fromStdString(item.image)).toStdString();
            const std::string body =
                st::judgeRequestBody(st::judgeRequestFor(item, order, "stllava-demo-judge", st::defaultJudgeRule(), url));
            const auto parsed = stllava::server::parseChatCompletionRequest(body, limits);
            QCOMPARE(parsed.request.images.size(), std::size_t{1});
            QCOMPARE(parsed.request.conversation.size(), std::size_t{1});
            QCOMPARE(r.at("conversations").at(0).at("from").get<std::string>(), std::string("human"));
            QCOMPARE(r.at("conversations").at(0).at("value").get<std::string>(), parsed.request.conversation[0].text);
        }
    }

    void recordsLoadInTrainingsReader() {
        const auto d = stllava::training::loadInstructData(judge_ + "/" + stllava::demo::kJudgeSftFile);
        QVERIFY2(d.report.issues.empty(), d.report.summary().c_str());
        QCOMPARE(d.items.size(), records_.size());
    }

    void trainsServesAndJudges() {
        const auto train = runStllava({"--threads", "1", "train", "sft", "--config",
                                       QString::fromStdString(judge_ + "/train-config.json")},
                                      600000);
        QVERIFY2(train.code == 0, train.err.constData());
        const QString model = QString::fromStdString(demo_ + "/train/judge/model");
        QVERIFY(QFile::exists(model + "/model.safetensors"));

        QProcessEnvironment env = stllava::testing::cliEnvironment();
        env.insert("STLLAVA_SERVE_TOKEN", "demo-judge-test-token");
        QProcess serve;
        serve.setProcessEnvironment(env);
        serve.setReadChannel(QProcess::StandardError);
        serve.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"),
                    {"--threads", "1", "serve", "--model", model, "--port", "0", "--model-id", "stllava-demo-judge"});
        QVERIFY(serve.waitForStarted(10000));
        int port = 0;
        QByteArray err;
        QTest::qWaitFor(
            [&] {
                err += serve.readAllStandardError();
                const auto m = QRegularExpression("on http://127\\.0\\.0\\.1:(\\d+)").match(QString::fromUtf8(err));
                if (m.hasMatch()) port = m.captured(1).toInt();
                return port > 0 || serve.state() != QProcess::Running;
            },
            120000);
        QVERIFY2(port > 0, err.constData());

        QProcessEnvironment client = stllava::testing::cliEnvironment();
        client.insert("STLLAVA_JUDGE_API_KEY", "demo-judge-test-token");
        const auto judged = runStllava({"selftrain", "judge", "--job", QString::fromStdString(judge_ + "/jobs/heldout"),
                                        "--base-url", QStringLiteral("http://127.0.0.1:%1/v1").arg(port),
                                        "--judge-model", "stllava-demo-judge", "--no-keychain"},
                                       300000, client);
        serve.terminate();
        if (!serve.waitForFinished(20000)) serve.kill();
        QVERIFY2(judged.code == 0, judged.err.constData());
        const auto judgements = st::readJudgements(judge_ + "/jobs/heldout");
        QCOMPARE(judgements.size(), 2 * heldout_.size());
        for (const auto& j : judgements) {
            QVERIFY2(j.status != st::JudgeStatus::Failed, j.problem.c_str());
            QCOMPARE(j.judge_model, std::string("stllava-demo-judge"));
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoJudgeData)
#include "test_demo_judge_data.moc"
