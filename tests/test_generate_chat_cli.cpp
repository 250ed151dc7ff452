// `stllava chat` end to end: a tiny model folder and a PNG written here; the streamed answer must
// equal in-process generation through the same pipeline (image loader, CLIP preprocessing,
// template, tokenisation, greedy generate). Bad input and bad options map to their exit codes.
#include "fixtures/tiny_model.h"

#include "generation/generate.h"
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"
#include "model/checkpoint_io.h"
#include "prompt/conversation.h"
#include "prompt/tokenize.h"
#include "vision_input/clip_preprocess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace stllava;

class TestGenerateChatCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string model_dir_, image_;

    QProcess* run(const QStringList& args) {
        auto* p = new QProcess(this);
        p->start(QString(STLLAVA_BIN_DIR) + "/stllava", args);
        p->waitForFinished(120000);
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(2);
        QVERIFY(dir_.isValid());
        const auto tokenizer_model = testing::trainTinyTokenizer(dir_.path().toStdString(), 320);
        auto cfg = testing::tinyConfig();
        cfg.text.vocab_size = 320;
        auto m = testing::tinyModel(cfg);
        model_dir_ = dir_.filePath("tiny-llava").toStdString();
        model::SaveOptions so;
        so.tokenizer_model_path = tokenizer_model;
        model::saveModel(model_dir_, m, so);
        RgbImage img;
        img.width = 40;
        img.height = 30;
        for (int i = 0; i < img.width * img.height; ++i)
            img.pixels.insert(img.pixels.end(), {std::uint8_t(i * 7), std::uint8_t(i * 3), std::uint8_t(255 - i)});
        image_ = dir_.filePath("scan.png").toStdString();
        writePixelsPng(img, image_);
    }

    void streamsTheSameAnswerAsInProcess() {
        const std::string question = "What is shown?";
        auto* p = run({"chat", "--model", QString::fromStdString(model_dir_), "--image", QString::fromStdString(image_),
                       "--temperature", "0", "--max-new-tokens", "12", QString::fromStdString(question)});
        QCOMPARE(p->exitCode(), 0);
        const auto printed = p->readAllStandardOutput().toStdString();

        model::LoadOptions lo;
        auto loaded = model::loadModel(model_dir_, lo);
        auto tok = Tokenizer::load(loaded.tokenizer_path);
        ClipPreprocessOptions pre;
        pre.imageSize = 28;
        GenerationRequest req;
        req.pixel_values = clipPreprocess(loadDisplayImage(image_), pre).unsqueeze(0);
        const auto& tmpl = prompt::getTemplate("vicuna_v1");
        req.input_ids = prompt::tokenizePrompt(tok, prompt::renderForGeneration(tmpl, {{prompt::Role::User, prompt::withImage(question)}})).ids;
        GenerateOptions go;
        go.sampling.greedy = true;
        go.sampling.max_new_tokens = 12;
        go.sampling.stop_strings = {"</s>"};
        auto res = generate(loaded.model, &tok, {req}, go);
        QVERIFY(!res[0].tokens.empty());
        QCOMPARE(printed, res[0].text + "\n");
    }

    void exitCodes() {
        // no tokenizer.model in the folder: bad input (3)
        const auto bare = dir_.filePath("bare").toStdString();
        std::filesystem::create_directories(bare);
        std::filesystem::copy_file(model_dir_ + "/config.json", bare + "/config.json");
        std::filesystem::copy_file(model_dir_ + "/model.safetensors", bare + "/model.safetensors");
        auto* p = run({"chat", "--model", QString::fromStdString(bare), "--image", QString::fromStdString(image_), "q"});
        QCOMPARE(p->exitCode(), 3);
        QVERIFY(p->readAllStandardError().contains("tokenizer.model"));
        // an unreadable image: bad input (3)
        const auto junk = dir_.filePath("junk.png").toStdString();
        std::ofstream(junk) << "not an image";
        p = run({"chat", "--model", QString::fromStdString(model_dir_), "--image", QString::fromStdString(junk), "q"});
        QCOMPARE(p->exitCode(), 3);
        // bad options: usage (2)
        p = run({"chat", "--model", QString::fromStdString(model_dir_), "--dtype", "f8", "q"});
        QCOMPARE(p->exitCode(), 2);
        p = run({"chat", "--model", QString::fromStdString(model_dir_), "--device", "tpu", "q"});
        QCOMPARE(p->exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGenerateChatCli)
#include "test_generate_chat_cli.moc"
