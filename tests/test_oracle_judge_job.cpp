// The oracle judge as a job step (core/demo/oracle_judge_job.h) on a real small synthetic world: it
// writes judgements.jsonl in both orders exactly as the HTTP judge's records read back, and
// core/selftrain's pairs code turns them into accepted pairs whose chosen answer is the true one;
// a rerun judges nothing twice; the noisy variant is recorded as such and flips verdicts; an image
// that is not part of the world is an error naming the item.
#include "demo/oracle_judge_job.h"
#include "selftrain/job_records.h"
#include "selftrain/jsonl.h"
#include "selftrain/pair_writers.h"
#include "selftrain/pairs.h"
#include "synthetic/findings_json.h"
#include "synthetic/question_grammar.h"
#include "synthetic/rng.h"
#include "synthetic/world.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace stllava;
namespace st = stllava::selftrain;

namespace {

std::string flipped(const std::string& yes_no) { return yes_no == "yes" ? "No, there is not." : "Yes, there is."; }

}  // namespace

class TestOracleJudgeJob : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string world_;
    std::size_t items_ = 0;

    std::string path(const std::string& rel) const { return dir_.path().toStdString() + "/" + rel; }

    // A job with closed questions about pool images: answer 1 true (the grammar's own sentence),
    // answer 2 its opposite.
    void writeJob(const std::string& job) {
        std::filesystem::create_directories(job);
        st::JobInfo info;
        info.created = st::isoTimeNow();
        st::writeJobInfo(job, info);
        const synthetic::WorldIndex index = synthetic::readWorldIndex(world_);
        std::vector<nlohmann::json> lines;
        synthetic::Rng rng(5);
        for (const auto& [image, id] : index.imageIds) {
            if (image.rfind("pool/", 0) != 0) continue;
            const auto f = synthetic::readFindingsFile(index.findingsPath(image));
            int k = 0;
            for (const auto& qa : synthetic::askQuestions(f, 4, rng)) {
                if (!qa.closed) continue;
                st::GeneratedItem item;
                item.image = world_ + "/" + image;
                item.item_id = item.image + "#q" + std::to_string(k);
                item.question_index = k++;
                item.description = "A medical image.";
                item.question = qa.question;
                item.answers = {qa.longAnswer, flipped(qa.answer)};
                item.seeds = {40, 42};
                item.stop_reasons = {"eos", "eos"};
                lines.push_back(st::toJson(item));
            }
        }
        st::JsonlWriter(st::jobPath(job, st::kItemsFile)).append(lines);
        items_ = lines.size();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        world_ = path("world");
        synthetic::WorldOptions wo;
        wo.outDir = world_;
        wo.seed = 11;
        wo.scale = synthetic::WorldScale::Small;
        synthetic::generateWorld(wo);
    }

    void judgesBothOrdersIntoPairs() {
        const std::string job = path("job");
        writeJob(job);
        QVERIFY(items_ >= 10);
        demo::OracleJudgeOptions o;
        o.job_dir = job;
        o.world_dir = world_;
        const auto stats = demo::runOracleJudge(o);
        QCOMPARE(stats.judged, 2 * items_);
        QCOMPARE(stats.unmapped, std::size_t(0));

        const auto judgements = st::readJudgements(job);  // the HTTP judge's reader
        QCOMPARE(judgements.size(), 2 * items_);
        std::size_t swapped = 0;
        for (const auto& j : judgements) {
            QCOMPARE(j.status, st::JudgeStatus::Ok);
            QCOMPARE(QString::fromStdString(j.judge_model), QStringLiteral("oracle"));
            QCOMPARE(j.request_sha256.size(), std::size_t(64));
            QVERIFY2(*j.scoreOfAnswer(1) > *j.scoreOfAnswer(2), j.reply.c_str());
            if (j.order == st::AnswerOrder::Swapped) {
                ++swapped;
                QVERIFY(*j.first_score < *j.second_score);  // the wrong answer was shown first
            }
        }
        QCOMPARE(swapped, items_);

        const auto decisions = st::decidePairs(st::readItems(job), judgements);
        for (const auto& d : decisions) {
            QCOMPARE(QString::fromStdString(st::pairStatusName(d.status)), QStringLiteral("auto_accepted"));
            QCOMPARE(d.chosen, 1);
            QCOMPARE(*d.orders_agree, true);
        }
        QCOMPARE(st::writeStllavaPairs(job + "/pairs.stllava.json", decisions), items_);

        // A rerun asks nothing again and adds no line.
        const auto again = demo::runOracleJudge(o);
        QCOMPARE(again.judged, std::size_t(0));
        QCOMPARE(again.already_judged, 2 * items_);
        QCOMPARE(st::readJudgements(job).size(), 2 * items_);
    }

    void noisyVariantFlipsAndSaysSo() {
        const std::string job = path("job-noisy");
        writeJob(job);
        demo::OracleJudgeOptions o;
        o.job_dir = job;
        o.world_dir = world_;
        o.noise = synthetic::NoiseConfig{1.0, 0.0, 3};  // every pair flipped
        const auto stats = demo::runOracleJudge(o);
        QCOMPARE(stats.noisy, 2 * items_);
        for (const auto& j : st::readJudgements(job)) {
            QCOMPARE(QString::fromStdString(j.judge_model), QStringLiteral("oracle-noisy"));
            QVERIFY2(*j.scoreOfAnswer(1) < *j.scoreOfAnswer(2), j.reply.c_str());
        }
        for (const auto& d : st::decidePairs(st::readItems(job), st::readJudgements(job))) QCOMPARE(d.chosen, 2);
    }

    void imageOutsideTheWorldNamesTheItem() {
        const std::string job = path("job-foreign");
        std::filesystem::create_directories(job);
        st::writeJobInfo(job, st::JobInfo{});
        st::GeneratedItem item;
        item.item_id = "elsewhere.png#q0";
        item.image = path("elsewhere.png");
        item.question = "Is there a nodule?";
        item.answers = {"Yes.", "No."};
        st::JsonlWriter(st::jobPath(job, st::kItemsFile)).append(st::toJson(item));
        demo::OracleJudgeOptions o;
        o.job_dir = job;
        o.world_dir = world_;
        try {
            demo::runOracleJudge(o);
            QFAIL("no error for an image outside the world");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("elsewhere.png#q0") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestOracleJudgeJob)
#include "test_oracle_judge_job.moc"
