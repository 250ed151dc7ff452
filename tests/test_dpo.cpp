// DPO on a tiny model with LoRA: a separable preference set (chosen answers from one family of
// sentences, rejected from another) drives reward accuracy above 0.9 and the mean margin up;
// cached reference log-probs (computed once, read back from disk) and live ones (adapters disabled)
// give the same loss; the reference cache is keyed by model and data.
#include "training/trainer.h"
#include "fixtures/training_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace stllava::training;
using stllava::Tokenizer;
using nlohmann::json;

namespace {

PreferenceDataset preferenceSet(const std::string& dir, int n) {
    json items = json::array();
    const char* good[] = {"good answer right", "right good answer", "good right answer"};
    const char* bad[] = {"bad answer wrong", "wrong bad answer", "bad wrong answer"};
    for (int i = 0; i < n; ++i) {
        const json q = {{"from", "human"}, {"value", fixtures::questions()[static_cast<std::size_t>(i % 8)]}};
        items.push_back({{"id", std::to_string(i)},
                         {"chosen_conversations", {q, {{"from", "gpt"}, {"value", good[i % 3]}}}},
                         {"reject_conversations", {q, {{"from", "gpt"}, {"value", bad[i % 3]}}}}});
    }
    fixtures::writeJson(dir + "/pref.json", items);
    return loadPreferenceData(dir + "/pref.json");
}

TrainConfig dpoConfig(const std::string& out) {
    TrainConfig c = presetDpo();
    c.output_dir = out;
    c.decoder = "lora";
    c.vision = "frozen";
    c.template_name = "vicuna_v1";  // short system prompt: short rows, a fast test
    c.llm_lora = {8, 16.0, 0.0};
    c.batch_size = 4;
    c.grad_accum = 1;
    c.max_length = 1024;
    c.warmup_ratio = 0.0;
    c.keep_last = 1;
    return c;
}

}  // namespace

class TestDpo : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_, tokpath_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Tiny models: one thread is fastest, and OpenMP threads on a busy 2-core machine spin.
        torch::set_num_threads(1);
        d_ = dir_.path().toStdString();
        tokpath_ = fixtures::trainTokenizer(d_);
    }

    void separableSetIsLearned() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const auto data = preferenceSet(d_, 12);
        QCOMPARE(data.items.size(), std::size_t(12));
        TrainConfig c = dpoConfig(d_ + "/dpo");
        c.epochs = 15;
        c.lr = {5e-3, 5e-3, 5e-3, 5e-3};
        auto m = fixtures::tinyModel(tok.vocabSize(), false);
        prepareModel(*m, c);
        Trainer t(m, tok, c);
        TrainControl control;
        std::vector<TrainProgress> steps;
        std::string reference;
        t.trainDpo(data, control, [&](const TrainProgress& p) {
            if (p.event == "step") steps.push_back(p);
            if (p.event == "reference") reference = p.detail;
        });
        QCOMPARE(reference, std::string("computed"));
        QCOMPARE(steps.size(), std::size_t(45));
        QVERIFY(std::abs(steps.front().margin) < 1e-4);  // the policy starts as the reference (LoRA B = 0)
        QVERIFY(std::abs(steps.front().loss - std::log(2.0)) < 1e-4);
        double acc = 0, margin = 0;
        for (std::size_t i = steps.size() - 3; i < steps.size(); ++i) {
            acc += steps[i].reward_accuracy / 3;
            margin += steps[i].margin / 3;
        }
        qInfo("DPO: loss %.4f -> %.4f, accuracy %.3f, margin %.4f", steps.front().loss, steps.back().loss, acc, margin);
        QVERIFY(acc > 0.9);
        QVERIFY(margin > 0.5);
        QVERIFY(steps.back().chosen_reward > steps.back().rejected_reward);
        QVERIFY(steps.back().loss < 0.5 * steps.front().loss);
    }

    void cachedAndLiveReferenceAgree() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const auto data = preferenceSet(d_, 8);
        auto run = [&](bool cached, const std::string& out) {
            TrainConfig c = dpoConfig(out);
            c.cache_reference = cached;
            c.epochs = 2;
            c.lr = {5e-3, 5e-3, 5e-3, 5e-3};
            auto m = fixtures::tinyModel(tok.vocabSize(), false, 7);
            prepareModel(*m, c);
            Trainer t(m, tok, c);
            TrainControl control;
            std::vector<double> losses;
            t.trainDpo(data, control, [&](const TrainProgress& p) {
                if (p.event == "step") losses.push_back(p.loss);
            });
            return losses;
        };
        const auto live = run(false, d_ + "/live");
        const auto cached = run(true, d_ + "/cached");
        QCOMPARE(live.size(), std::size_t(4));
        QCOMPARE(cached.size(), live.size());
        // Same math; the cache was computed with other batch compositions (padding), hence float32
        // rounding differences only. Tolerance 1e-5 relative.
        for (std::size_t i = 0; i < live.size(); ++i)
            QVERIFY2(std::abs(live[i] - cached[i]) <= 1e-5 * std::max(1.0, std::abs(live[i])),
                     qPrintable(QString("step %1: live %2 cached %3").arg(i).arg(live[i], 0, 'g', 10).arg(cached[i], 0, 'g', 10)));
        QVERIFY(live.back() < live.front());
    }

    void liveReferenceMustNotDrift_data() {
        QTest::addColumn<QString>("vision");
        QTest::addColumn<bool>("projector");
        QTest::addColumn<QString>("key");
        QTest::newRow("projector trained") << "lora" << true << "'train_projector': true";
        QTest::newRow("tower fully trained") << "full" << false << "'vision': \"full\"";
    }
    void liveReferenceMustNotDrift() {
        // A live reference is the policy with adapters disabled: a trained projector or tower would
        // move it away from the stage-1 model, so the combination is refused before any step.
        QFETCH(QString, vision);
        QFETCH(bool, projector);
        QFETCH(QString, key);
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const auto data = preferenceSet(d_, 4);
        TrainConfig c = dpoConfig(d_ + "/drift-" + vision.toStdString() + (projector ? "-projector" : ""));
        c.cache_reference = false;
        c.vision = vision.toStdString();
        c.vision_lora = {2, 4.0, 0.0};
        c.train_projector = projector;
        c.epochs = 1;
        auto m = fixtures::tinyModel(tok.vocabSize(), true);
        prepareModel(*m, c);
        const auto before = fixtures::snapshot(*m);
        Trainer t(m, tok, c);
        TrainControl control;
        int steps = 0;
        try {
            t.trainDpo(data, control, [&](const TrainProgress& p) { steps += p.event == "step"; });
            QFAIL("a drifting live reference was accepted");
        } catch (const std::runtime_error& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find(key.toStdString()) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find("'cache_reference'") != std::string::npos, msg.c_str());
        }
        QCOMPARE(steps, 0);
        QVERIFY(fixtures::identical(fixtures::snapshot(*m), before));
        // LoRA only (the projector frozen): accepted.
        TrainConfig ok = c;
        ok.vision = "lora";
        ok.train_projector = false;
        ok.output_dir = c.output_dir + "-ok";
        auto m2 = fixtures::tinyModel(tok.vocabSize(), true);
        prepareModel(*m2, ok);
        Trainer t2(m2, tok, ok);
        QCOMPARE(t2.trainDpo(data, control).steps, std::int64_t(1));
    }

    void referenceCacheKeyedByModelAndData() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        auto data = preferenceSet(d_, 6);
        TrainConfig c = dpoConfig(d_ + "/cache");
        auto m = fixtures::tinyModel(tok.vocabSize(), false, 11);
        prepareModel(*m, c);
        Trainer t(m, tok, c);
        bool hit = true;
        const auto first = t.referenceLogps(data, &hit);
        QVERIFY(!hit);
        QCOMPARE(first.sizes().vec(), (std::vector<std::int64_t>{6, 2}));
        QVERIFY(first.lt(0).all().item<bool>());
        const auto second = t.referenceLogps(data, &hit);
        QVERIFY(hit);
        QVERIFY(torch::equal(first, second));
        data.items[0].chosen = "good good good";
        t.referenceLogps(data, &hit);
        QVERIFY(!hit);  // other data, other key
        {
            torch::NoGradGuard ng;
            m->model->norm->weight.mul_(1.5);
        }
        t.referenceLogps(data, &hit);
        QVERIFY(!hit);  // other weights, other key
        int files = 0;
        for (const auto& e : std::filesystem::directory_iterator(c.output_dir + "/reference_cache")) files += e.is_regular_file();
        QCOMPARE(files, 3);
    }
};

QTEST_GUILESS_MAIN(TestDpo)
#include "test_dpo.moc"
