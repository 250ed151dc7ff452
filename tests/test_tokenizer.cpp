// The tokenizer (real sentencepiece, trained here) and libtorch working in one process.
#include "tokenizer/tokenizer.h"

#include <torch/torch.h>

#include "fixtures/tiny_tokenizer.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using stllava::Tokenizer;

class TestTokenizer : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string model_path_;

    static float tensorCheck() {
        // A real op through the BLAS libtorch uses: [4,3] x [3,2].
        const auto a = torch::arange(12, torch::kFloat).reshape({4, 3});
        const auto b = torch::ones({3, 2});
        return torch::mm(a, b).sum().item<float>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QCOMPARE(tensorCheck(), 132.0f);  // torch works before the bridge is loaded
        model_path_ = stllava::testing::trainTinyTokenizer(dir_.path().toStdString(), 400);
        QCOMPARE(tensorCheck(), 132.0f);  // and after training in the same process
    }

    void trainsInAFolderWithSpaces() {
        const std::string dir = dir_.filePath("a folder with spaces").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(dir)));
        const std::string model = stllava::testing::trainTinyTokenizer(dir, 320);
        const Tokenizer tok = Tokenizer::load(model);
        QCOMPARE(tok.vocabSize(), 320);
        QCOMPARE(tok.decode(tok.encode("the liver")), std::string("the liver"));
    }

    void specialIds() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        QCOMPARE(tok.vocabSize(), 400);
        QCOMPARE(tok.unkId(), 0);
        QCOMPARE(tok.bosId(), 1);
        QCOMPARE(tok.eosId(), 2);
        QCOMPARE(tok.padId(), -1);
        QCOMPARE(tok.idToPiece(1), std::string("<s>"));
        QCOMPARE(tok.idToPiece(2), std::string("</s>"));
        QCOMPARE(tok.pieceToId("<s>"), 1);
        QVERIFY(tok.pieceKind(1) == Tokenizer::PieceKind::Control);
        const int image = tok.pieceToId("<image>");
        QVERIFY(image > 2);
        const auto ids = tok.encode("x<image>y");  // user-defined: one piece, never split
        QCOMPARE(std::count(ids.begin(), ids.end(), image), 1);
        QCOMPARE(tok.pieceToId("no-such-piece-xyz"), tok.unkId());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, tok.idToPiece(100000));
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("english") << "The chest X-ray shows no acute abnormality.";
        QTest::newRow("numbers") << "3.5 cm, 120/80 mmHg, 2024-01-31, 0.000123";
        QTest::newRow("punctuation") << "Is it (really) normal?! {yes}; [no] -- \"maybe\" ... 'ok'";
        QTest::newRow("non-latin") << "肺部 CT 显示结节; Röntgen: Lungenödem; рентген грудной клетки";
        QTest::newRow("emoji and spaces") << "  two  spaces\tand a tab 🫁  ";
        QTest::newRow("image tag") << "<image>\nWhat is shown?";
    }
    void roundTrip() {
        QFETCH(QString, text);
        const Tokenizer tok = Tokenizer::load(model_path_);
        const std::string s = text.toStdString();
        const auto ids = tok.encode(s);
        QVERIFY(!ids.empty());
        for (auto id : ids) QVERIFY(id != tok.unkId());  // byte fallback: nothing is unknown
        QCOMPARE(tok.decode(ids), s);
        const float t = tensorCheck();  // torch still fine between tokenizer calls
        QCOMPARE(t, 132.0f);
    }

    void byteFallback() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        const auto ids = tok.encode("ж");  // Cyrillic is absent from most of the corpus
        bool has_byte = false;
        for (auto id : ids) has_byte |= tok.pieceKind(id) == Tokenizer::PieceKind::Byte;
        QVERIFY(has_byte);
        QCOMPARE(tok.idToPiece(tok.pieceToId("<0xD0>")), std::string("<0xD0>"));
    }

    void bosEos() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        const auto ids = tok.encode("liver", true, true);
        QCOMPARE(ids.front(), tok.bosId());
        QCOMPARE(ids.back(), tok.eosId());
        QCOMPARE(tok.decode(ids), std::string("liver"));
    }

    void decodeRejectsOutOfRange() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, tok.decode(std::vector<std::int32_t>{5, 99999}));
    }

    void missingModelIsAClearError() {
        try {
            Tokenizer::load(dir_.filePath("absent.model").toStdString());
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("absent.model") != std::string::npos);
            QVERIFY(std::string(e.what()).find("does not exist") != std::string::npos);
        }
    }

    void corruptModelIsAClearError_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("garbage") << 0;
        QTest::newRow("truncated") << 1;
        QTest::newRow("empty") << 2;
    }
    void corruptModelIsAClearError() {
        QFETCH(int, mode);
        const std::string bad = dir_.filePath("bad.model").toStdString();
        {
            std::ifstream in(model_path_, std::ios::binary);
            std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::ofstream out(bad, std::ios::binary | std::ios::trunc);
            if (mode == 0) out << "this is not a sentencepiece model \x01\x02\x03";
            if (mode == 1) out << good.substr(0, good.size() / 3);
        }
        try {
            Tokenizer::load(bad);
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("bad.model") != std::string::npos, e.what());
        }
        QCOMPARE(tensorCheck(), 132.0f);
    }

    void trainingErrors() {
        stllava::TokenizerTrainOptions opt;
        opt.input_path = dir_.filePath("no-corpus.txt").toStdString();
        opt.model_prefix = dir_.filePath("x").toStdString();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Tokenizer::train(opt));
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
