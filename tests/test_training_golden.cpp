// Golden tests of the training targets against LLaVA's own masking, computed independently of our
// tokenizer and label code (tests/parity/llava_label_reference.py: sentencepiece's Python module,
// LLaVA's tokenizer_image_token and instruction_len masking reimplemented, the float64 forward of
// llava_torch_reference.py). The items' answers and VUSER questions start with a digit, a
// punctuation mark or a byte-fallback character, where sentencepiece writes the space after the
// role prefix as a lone "▁" token that LLaVA trains on: the first-step SFT loss and the cached DPO
// reference log-probabilities must equal LLaVA's.
#include "model/checkpoint_io.h"
#include "safetensors/safetensors.h"
#include "training/trainer.h"
#include "fixtures/training_data.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>

using namespace stllava::training;
using nlohmann::json;
using stllava::Tokenizer;

namespace {

// Two images of the tiny tower (28 px), fixed per name.
std::map<std::string, torch::Tensor> images() {
    torch::manual_seed(5);
    return {{"a.png", torch::randn({3, 28, 28})}, {"b.png", torch::randn({3, 28, 28})}};
}

json turn(const char* from, const std::string& value) {
    return {{"from", from}, {"value", value}};
}

// Stage-1 items (question learning with sq_r = 1 turns every later human question into a VUSER one).
json sftItems() {
    json items = json::array();
    items.push_back({{"id", "digits"},
                     {"image", "a.png"},
                     {"conversations",
                      {turn("human", "<image>\nHow many nodules are seen?"),
                       turn("gpt", "5 nodules are seen in the right lung.")}}});
    items.push_back(
        {{"id", "vuser digits"},
         {"image", "b.png"},
         {"conversations",
          {turn("human", "<image>\nWhat is the size of the lesion?"), turn("gpt", "12 mm, in the liver."),
           turn("human", "3 lesions: which one is the largest?"),
           turn("gpt", "(the first) The lesion in the liver.")}}});
    items.push_back(
        {{"id", "byte fallback"},
         {"image", "a.png"},
         {"conversations",
          {turn("human", "<image>\nWhat organ is shown?"), turn("gpt", "\xE8\x82\xBA, the lungs.")}}});
    items.push_back(
        {{"id", "letters"},
         {"image", "b.png"},
         {"conversations",
          {turn("human", "<image>\nIs there a fracture?"), turn("gpt", "No fracture is seen.")}}});
    return items;
}

json preferenceItems() {
    json items = json::array();
    const auto pair = [&](const char* id, const char* image, const std::string& q, const std::string& good,
                          const std::string& bad) {
        items.push_back({{"id", id},
                         {"image", image},
                         {"chosen_conversations", {turn("human", "<image>\n" + q), turn("gpt", good)}},
                         {"reject_conversations", {turn("human", "<image>\n" + q), turn("gpt", bad)}}});
    };
    pair("p0", "a.png", "How many nodules are seen?", "5 nodules.", "No nodule is seen.");
    pair("p1", "b.png", "What is the size of the lesion?", "12 mm.", "(about) 3 cm.");
    pair("p2", "a.png", "What organ is shown?", "\xE8\x82\xBA.", "2 kidneys.");
    return items;
}

}  // namespace

class TestTrainingGolden : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_, tokpath_, model_dir_;

    QString python() const {
        const auto env = qEnvironmentVariable("STLLAVA_PYTHON");
        return env.isEmpty() ? QStringLiteral("/usr/bin/python3") : env;
    }

    // Runs the reference on `items` ({template, image, conversation}); returns its items.
    json reference(const json& items) {
        const std::string req = d_ + "/request.json", out = d_ + "/reference.json";
        fixtures::writeJson(req, {{"tokenizer", tokpath_},
                                  {"model_dir", model_dir_},
                                  {"pixels", d_ + "/pixels.safetensors"},
                                  {"items", items}});
        QProcess p;
        p.start(python(), {QString(STLLAVA_SOURCE_DIR) + "/tests/parity/llava_label_reference.py",
                           QString::fromStdString(req), QString::fromStdString(out)});
        if (!p.waitForFinished(300000) || p.exitCode() != 0) {
            qWarning("reference failed: %s", p.readAllStandardError().constData());
            return json();
        }
        std::ifstream in(out);
        return json::parse(in)["items"];
    }

    std::unique_ptr<Trainer> trainer(stllava::model::LlavaForCausalLM& m, const Tokenizer& tok,
                                     const TrainConfig& c) {
        auto t = std::make_unique<Trainer>(m, tok, c);
        const auto px = images();
        t->setImageLoader(
            [px](const std::string& path) { return px.at(std::filesystem::path(path).filename().string()); });
        return t;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        torch::set_num_threads(1);
        d_ = dir_.path().toStdString();
        // The shared corpus has digits (split into single-digit pieces, as Llama's) and no CJK (byte fallback).
        tokpath_ = stllava::testing::trainTinyTokenizer(d_, 400);
        const Tokenizer tok = Tokenizer::load(tokpath_);
        // The case under test: " 5" is a lone "▁" then "5".
        const auto five = tok.encode("5 nodules");
        QVERIFY(five.size() > 2);
        QCOMPARE(tok.idToPiece(five[0]), std::string("\xE2\x96\x81"));
        QCOMPARE(tok.idToPiece(five[1]), std::string("5"));

        for (const char* name : {"a.png", "b.png"}) std::ofstream(d_ + "/" + name) << "pixels";
        const auto px = images();
        stllava::st::save(d_ + "/pixels.safetensors",
                          std::vector<std::pair<std::string, torch::Tensor>>(px.begin(), px.end()));
        auto m = fixtures::tinyModel(tok.vocabSize(), true, 3);
        model_dir_ = d_ + "/model";
        stllava::model::saveModel(model_dir_, m);
    }

    void sftFirstStepLossMatchesLlava() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        fixtures::writeJson(d_ + "/sft.json", sftItems());
        DataOptions dopt;
        dopt.image_folder = d_;
        const InstructDataset data = loadInstructData(d_ + "/sft.json", dopt);
        QCOMPARE(data.items.size(), std::size_t(4));

        json ref_items = json::array();
        for (const auto& item : sftItems()) {
            json conv = item["conversations"];
            for (std::size_t k = 2; k < conv.size(); k += 2) conv[k]["from"] = "vuser";  // sq_r = 1
            ref_items.push_back({{"template", "v1_sq"}, {"image", item["image"]}, {"conversation", conv}});
        }
        const json ref = reference(ref_items);
        QVERIFY(ref.is_array());

        TrainConfig c = presetSft();
        c.template_name = "v1_sq";
        c.sq_r = 1.0;
        c.image_folder = d_;
        c.decoder = "full";
        c.vision = "frozen";
        c.batch_size = 4;
        c.grad_accum = 1;
        c.max_steps = 1;
        c.group_by_length = false;
        c.max_length = 1024;
        auto m = fixtures::tinyModel(tok.vocabSize(), true, 3);  // the saved model
        prepareModel(*m, c);
        auto t = trainer(m, tok, c);

        double sum = 0, count = 0;
        for (const auto& r : ref) {
            sum += r["sum_logp"].get<double>();
            count += r["count"].get<double>();
        }
        const double want = -sum / count;
        TrainControl control;
        double first = 0;
        t->trainSft(data, control, [&](const TrainProgress& p) {
            if (p.event == "step" && p.step == 1) first = p.loss;
        });
        qInfo("first-step loss %.8f, LLaVA reference %.8f (%g target tokens)", first, want, count);
        QVERIFY2(std::abs(first - want) < 1e-5 * std::max(1.0, std::abs(want)),
                 qPrintable(QString("loss %1, reference %2").arg(first, 0, 'g', 10).arg(want, 0, 'g', 10)));

        // Token by token, our labels are LLaVA's.
        CollateOptions co;
        co.template_name = "v1_sq";
        co.sq_r = 1.0;
        co.seed = c.seed;
        co.image_tokens = m->imageTokens();
        for (std::size_t i = 0; i < data.items.size(); ++i) {
            const Example e = instructExample(tok, data.items[i], dopt, co, 0, i);
            QCOMPARE(e.ids, ref[i]["ids"].get<std::vector<std::int64_t>>());
            QCOMPARE(e.labels, ref[i]["labels"].get<std::vector<std::int64_t>>());
        }
    }

    void dpoReferenceLogpsMatchLlava() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        fixtures::writeJson(d_ + "/pref.json", preferenceItems());
        DataOptions dopt;
        dopt.image_folder = d_;
        const PreferenceDataset data = loadPreferenceData(d_ + "/pref.json", dopt);
        QCOMPARE(data.items.size(), std::size_t(3));

        json ref_items = json::array();
        for (const auto& item : preferenceItems())
            for (const char* side : {"chosen_conversations", "reject_conversations"})
                ref_items.push_back(
                    {{"template", "vicuna_v1"}, {"image", item["image"]}, {"conversation", item[side]}});
        const json ref = reference(ref_items);
        QVERIFY(ref.is_array());

        TrainConfig c = presetDpo();
        c.template_name = "vicuna_v1";
        c.image_folder = d_;
        c.output_dir = d_ + "/dpo";
        c.decoder = "full";
        c.vision = "frozen";
        c.batch_size = 2;
        c.max_length = 1024;
        auto m = fixtures::tinyModel(tok.vocabSize(), true, 3);  // the saved model
        prepareModel(*m, c);
        auto t = trainer(m, tok, c);
        bool hit = true;
        const torch::Tensor ours = t->referenceLogps(data, &hit);  // [3, 2]
        QVERIFY(!hit);
        for (std::int64_t i = 0; i < 3; ++i)
            for (std::int64_t s = 0; s < 2; ++s) {
                const double want = ref[static_cast<std::size_t>(2 * i + s)]["sum_logp"].get<double>();
                const double got = ours[i][s].item<double>();
                QVERIFY2(std::abs(got - want) < 1e-5 * std::max(1.0, std::abs(want)),
                         qPrintable(QString("pair %1 %2: ours %3, reference %4")
                                        .arg(i)
                                        .arg(s ? "rejected" : "chosen")
                                        .arg(got, 0, 'g', 10)
                                        .arg(want, 0, 'g', 10)));
            }
        // Read back from the cache: the same values.
        QVERIFY(torch::equal(t->referenceLogps(data, &hit), ours));
        QVERIFY(hit);
    }
};

QTEST_GUILESS_MAIN(TestTrainingGolden)
#include "test_training_golden.moc"
