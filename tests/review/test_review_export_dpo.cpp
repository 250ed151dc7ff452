// Review -> DPO end to end: pairs of a judged job imported into a review store, decided (approve,
// flip, choose), exported in both formats; training's reader loads exactly the approved pairs with
// the chosen side as decided, and `stllava train dpo` (a child process, tiny model and PNG image
// made here) trains one step on each export.
#include "review_test_data.h"

#include "fixtures/run_stllava.h"
#include "fixtures/training_data.h"
#include "imaging/raster_codecs.h"
#include "model/checkpoint_io.h"
#include "services/review/review_store.h"
#include "training/dataset.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace stllava::review;
namespace fs = std::filesystem;

class TestReviewExportDpo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string d_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        d_ = m_dir.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d_);
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok).vocabSize(), true);
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        stllava::model::saveModel(d_ + "/model", m, so);
        stllava::RgbImage img;
        img.width = 32;
        img.height = 30;
        for (int p = 0; p < img.width * img.height; ++p)
            img.pixels.insert(img.pixels.end(), {std::uint8_t(p), std::uint8_t(p * 3), std::uint8_t(90)});
        fs::create_directories(d_ + "/job");
        stllava::writePixelsPng(img, d_ + "/job/img.png");
        reviewtest::writeJob(QString::fromStdString(d_ + "/job"), d_ + "/job/img.png");
    }

    void reviewedPairsTrain() {
        ReviewStore s(QString::fromStdString(d_ + "/review.sqlite"));
        QCOMPARE(s.importJob(QString::fromStdString(d_ + "/job")).added, 8);
        const QString ann = QStringLiteral("ann");
        s.decide(QStringLiteral("a#q0"), ann, EventKind::Approve);
        s.decide(QStringLiteral("j#q0"), ann, EventKind::Flip);
        s.decide(QStringLiteral("b#q0"), ann, EventKind::Choose, 2);
        s.decide(QStringLiteral("c#q0"), ann, EventKind::Tie);
        s.decide(QStringLiteral("h#q0"), ann, EventKind::Reject);
        for (const char* name : {"approved.stllava.json", "approved.trl.jsonl"}) {
            const std::string out = d_ + "/" + name;
            const bool trl = std::string(name).find("trl") != std::string::npos;
            QCOMPARE(s.exportApproved(QString::fromStdString(out), trl ? PairFormat::Trl : PairFormat::Stllava).written, 3);
            const auto data = stllava::training::loadPreferenceData(out);
            QVERIFY2(data.report.issues.empty(), data.report.summary().c_str());
            QCOMPARE(data.items.size(), std::size_t(3));
            std::map<std::string, std::pair<std::string, std::string>> byId;
            for (const auto& it : data.items) byId[it.id] = {it.chosen, it.rejected};
            QCOMPARE(byId.at("a#q0").first, std::string("A long and careful answer."));
            QCOMPARE(byId.at("j#q0").first, std::string("xxxxx"));  // flipped
            QCOMPARE(byId.at("j#q0").second, std::string("y"));
            QCOMPARE(byId.at("b#q0").first, std::string("b two"));

            const std::string cfg = d_ + "/dpo_" + name + ".cfg.json";
            fixtures::writeJson(cfg, {{"stage", "dpo"}, {"model_path", d_ + "/model"}, {"data_path", out},
                                      {"output_dir", d_ + "/dpo-" + name}, {"template", "v1_sq"}, {"batch_size", 3},
                                      {"grad_accum", 1}, {"epochs", 1}, {"max_length", 512},
                                      {"llm_lora", {{"rank", 2}, {"alpha", 4}, {"dropout", 0.0}}}, {"vision", "frozen"},
                                      {"train_projector", false}, {"lr", 1e-3}});
            const auto run = stllava::testing::runStllava({"train", "dpo", "--config", QString::fromStdString(cfg), "--json"});
            QVERIFY2(run.code == 0, run.err.right(3000).constData());
            QVERIFY(fs::exists(d_ + "/dpo-" + name + "/adapter/adapter_model.safetensors"));
        }
    }
};

QTEST_GUILESS_MAIN(TestReviewExportDpo)
#include "test_review_export_dpo.moc"
