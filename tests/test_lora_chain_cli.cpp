// The STLLaVA-Med chain with LoRA, end to end through the command line on a tiny vision model and
// PNG images written here: stage 1 (SFT with LoRA) -> chat with the adapter -> DPO starting from it
// (init_adapter) -> evaluation with the result. Also: the adapter merged into a folder answers like
// the adapter itself, and the DPO adapter is one standard PEFT adapter holding both stages (its
// rank is the sum) that applies to the original base model.
#include "imaging/deidentify.h"
#include "model/checkpoint_io.h"
#include "fixtures/run_stllava.h"
#include "fixtures/training_data.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using nlohmann::json;
namespace fs = std::filesystem;

class TestLoraChainCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;

    using Run = stllava::testing::StllavaRun;
    Run runCli(const QStringList& args) {
        Run r = stllava::testing::runStllava(args, 600000);
        if (r.code != 0) qInfo("stllava %s: exit %d\n%s", qPrintable(args.join(' ')), r.code, r.err.left(3000).constData());
        return r;
    }
    QString q(const std::string& s) const { return QString::fromStdString(s); }
    std::string chat(const std::vector<std::string>& model_args) {
        QStringList args = {"chat", "--image", q(d_ + "/images/img0.png"), "--temperature", "0", "--max-new-tokens", "8"};
        for (const auto& a : model_args) args << q(a);
        args << "Is there a pleural effusion?";
        const Run r = runCli(args);
        if (r.code != 0) return "<exit " + std::to_string(r.code) + ">";
        return r.out.toStdString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        d_ = dir_.path().toStdString();
        const std::string tok = fixtures::trainTokenizer(d_);
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok).vocabSize(), true);
        stllava::model::SaveOptions so;
        so.tokenizer_model_path = tok;
        stllava::model::saveModel(d_ + "/model", m, so);
        fs::create_directories(d_ + "/images");
        json sft = json::array(), prefs = json::array(), bench = json::array();
        for (int i = 0; i < 6; ++i) {
            stllava::RgbImage img;
            img.width = 32;
            img.height = 28 + i;
            for (int p = 0; p < img.width * img.height; ++p)
                img.pixels.insert(img.pixels.end(), {std::uint8_t(p * (i + 1)), std::uint8_t(p * 5), std::uint8_t(40 * i)});
            const std::string name = "img" + std::to_string(i) + ".png";
            stllava::writePixelsPng(img, d_ + "/images/" + name);
            const auto k = static_cast<std::size_t>(i % 8);
            const std::string question = fixtures::questions()[k], answer = fixtures::answers()[k];
            sft.push_back({{"id", "s" + std::to_string(i)}, {"image", name},
                           {"conversations", {{{"from", "human"}, {"value", "<image>\n" + question}}, {{"from", "gpt"}, {"value", answer}}}}});
            prefs.push_back({{"id", "p" + std::to_string(i)}, {"image", name},
                             {"chosen_conversations", {{{"from", "human"}, {"value", "<image>\n" + question}}, {{"from", "gpt"}, {"value", answer}}}},
                             {"reject_conversations", {{{"from", "human"}, {"value", "<image>\n" + question}}, {{"from", "gpt"}, {"value", "bad answer"}}}}});
            bench.push_back({{"id", i}, {"image", name}, {"answer_type", i % 2 ? "CLOSED" : "OPEN"},
                             {"conversations", {{{"from", "human"}, {"value", "<image>\n" + question}}, {{"from", "gpt"}, {"value", answer}}}}});
        }
        fixtures::writeJson(d_ + "/sft.json", sft);
        fixtures::writeJson(d_ + "/prefs.json", prefs);
        fixtures::writeJson(d_ + "/test.json", bench);
    }

    void sftChatDpoEval() {
        // Stage 1 with LoRA (decoder r=4) and the projector trained.
        fixtures::writeJson(d_ + "/sft_cfg.json",
                            {{"stage", "sft"}, {"model_path", d_ + "/model"}, {"data_path", d_ + "/sft.json"},
                             {"image_folder", d_ + "/images"}, {"output_dir", d_ + "/stage1"}, {"template", "v1_sq"},
                             {"batch_size", 2}, {"grad_accum", 1}, {"epochs", 10}, {"max_length", 512},
                             {"llm_lora", {{"rank", 4}, {"alpha", 8}, {"dropout", 0.0}}}, {"vision", "frozen"}, {"lr", 2e-2}});
        QCOMPARE(runCli({"train", "sft", "--config", q(d_ + "/sft_cfg.json"), "--json"}).code, 0);
        const std::string stage1 = d_ + "/stage1/adapter";
        QVERIFY(fs::exists(stage1 + "/adapter_model.safetensors"));
        QVERIFY(fs::exists(stage1 + "/non_lora_trainables.safetensors"));

        // Chat with the adapter: an answer, different from the base model's, equal to the merged folder's.
        const std::string base = chat({"--model", d_ + "/model"});
        const std::string tuned = chat({"--model", d_ + "/model", "--adapter", stage1});
        QVERIFY2(tuned.rfind("<exit", 0) != 0, tuned.c_str());
        QVERIFY2(tuned != base, (tuned + " / " + base).c_str());
        QCOMPARE(chat({"--model", d_ + "/model", "--adapter", stage1, "--adapter-mode", "live"}), tuned);
        QCOMPARE(runCli({"model", "merge", q(d_ + "/model"), "--adapter", q(stage1), "--out", q(d_ + "/stage1-merged")}).code, 0);
        QCOMPARE(chat({"--model", d_ + "/stage1-merged"}), tuned);

        // DPO starting from the stage-1 adapter.
        fixtures::writeJson(d_ + "/dpo_cfg.json",
                            {{"stage", "dpo"}, {"model_path", d_ + "/model"}, {"init_adapter", stage1},
                             {"data_path", d_ + "/prefs.json"}, {"image_folder", d_ + "/images"}, {"output_dir", d_ + "/dpo"},
                             {"template", "v1_sq"}, {"batch_size", 2}, {"grad_accum", 1}, {"epochs", 1}, {"max_length", 512},
                             {"llm_lora", {{"rank", 2}, {"alpha", 4}, {"dropout", 0.0}}}, {"vision", "frozen"},
                             {"train_projector", false}, {"lr", 5e-3}});
        const Run dpo = runCli({"train", "dpo", "--config", q(d_ + "/dpo_cfg.json"), "--json"});
        QCOMPARE(dpo.code, 0);
        QVERIFY2(dpo.err.contains("starting from adapter"), dpo.err.constData());
        const std::string stage2 = d_ + "/dpo/adapter";
        std::ifstream cfg_in(stage2 + "/adapter_config.json");
        const json acfg = json::parse(cfg_in);
        QCOMPARE(acfg["r"].get<int>(), 6);  // 4 (stage 1) + 2 (DPO), stacked
        QVERIFY(fs::exists(stage2 + "/non_lora_trainables.safetensors"));  // stage 1's projector comes along

        // The stacked adapter on the original base model: info and an answer.
        const Run info = runCli({"model", "info", q(d_ + "/model"), "--adapter", q(stage2), "--json"});
        QCOMPARE(info.code, 0);
        const json ij = json::parse(info.out.toStdString());
        QCOMPARE(ij["adapter"]["rank"].get<int>(), 6);
        QVERIFY(ij["adapter"]["adapted_layers"].get<int>() > 0);
        const std::string dpo_answer = chat({"--model", d_ + "/model", "--adapter", stage2});
        QVERIFY2(dpo_answer.rfind("<exit", 0) != 0, dpo_answer.c_str());

        // Evaluation with the result.
        const Run ev = runCli({"eval", "run", "--model", q(d_ + "/model"), "--adapter", q(stage2), "--benchmark", q(d_ + "/test.json"),
                                "--images", q(d_ + "/images"), "--out", q(d_ + "/preds.jsonl"), "--max-new-tokens", "6",
                                "--report-dir", q(d_ + "/report")});
        QCOMPARE(ev.code, 0);
        std::ifstream preds(d_ + "/preds.jsonl");
        int lines = 0;
        for (std::string line; std::getline(preds, line);) ++lines;
        QCOMPARE(lines, 6);
        QVERIFY(fs::exists(d_ + "/report/report.json") || fs::exists(d_ + "/report/report.html"));
    }
};

QTEST_GUILESS_MAIN(TestLoraChainCli)
#include "test_lora_chain_cli.moc"
