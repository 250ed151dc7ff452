// Benchmark readers (LLaVA-Med, VQA-RAD, SLAKE, PathVQA mirrors), their errors on malformed files,
// prediction JSON lines, pairing by order, shard ordering and SHA-256.
#include "evaluation/benchmark.h"
#include "evaluation/predictions.h"
#include "common/sha256.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace stllava::eval;
using stllava::Sha256;
using stllava::sha256Hex;
using stllava::sha256File;
using stllava::metrics::AnswerType;

namespace {

std::string writeTemp(const QTemporaryDir& dir, const QString& name, const QByteArray& data) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(data);
    return path.toStdString();
}

// Runs `fn`, expects InputError whose message contains `needle`.
template <typename Fn>
bool throwsWith(Fn fn, const std::string& needle) {
    try {
        fn();
    } catch (const InputError& e) {
        if (std::string(e.what()).find(needle) != std::string::npos) return true;
        qWarning("message was: %s", e.what());
        return false;
    }
    qWarning("no InputError thrown");
    return false;
}

const QByteArray kLlavaMed = R"([
 {"id": 11, "image": "synpic1.jpg", "conversations": [{"from": "human", "value": "<image>\nIs there a mass?"},
   {"from": "gpt", "value": "yes"}], "answer_type": "CLOSED"},
 {"id": "q12", "image": "synpic2.jpg", "conversatons": [{"from": "human", "value": "Which organ?\n<image>"},
   {"from": "gpt", "value": "Liver"}], "answer_type": "OPEN"},
 {"id": 13, "image": "synpic3.jpg", "conversations": [{"from": "human", "value": "Size?"},
   {"from": "gpt", "value": "2 cm"}], "answer_type": "open"}
])";

const QByteArray kVqaRad = R"([
 {"qid": 1, "image_name": "synpic100.jpg", "image_organ": "HEAD", "question": "Is this an MRI?", "answer": "Yes",
  "answer_type": "CLOSED ", "question_type": "MODALITY", "phrase_type": "test_freeform"},
 {"qid": 2, "image_name": "synpic100.jpg", "image_organ": "HEAD", "question": "Is this a CT?", "answer": "no",
  "answer_type": "closed", "question_type": "MODALITY", "phrase_type": "freeform"},
 {"qid": 3, "image_name": "synpic200.jpg", "image_organ": "CHEST", "question": "How many lesions?", "answer": 2,
  "answer_type": "OPEN", "question_type": "COUNT", "phrase_type": "test_para"},
 {"qid": 4, "image_name": "synpic200.jpg", "image_organ": "CHEST", "question": "x", "answer": "y",
  "answer_type": "OPEN", "question_type": "PRES", "phrase_type": "para"}
])";

const QByteArray kSlake = R"([
 {"img_id": 1, "img_name": "xmlab1/source.jpg", "question": "Which modality?", "answer": "MRI", "q_lang": "en",
  "location": "Brain", "modality": "MRI", "answer_type": "OPEN", "base_type": "vqa", "content_type": "Modality", "qid": 1},
 {"img_id": 1, "img_name": "xmlab1/source.jpg", "question": "这是什么?", "answer": "MRI", "q_lang": "zh",
  "location": "Brain", "modality": "MRI", "answer_type": "OPEN", "base_type": "vqa", "content_type": "Modality", "qid": 2},
 {"img_id": 2, "img_name": "xmlab2/source.jpg", "question": "Is it normal?", "answer": "No", "q_lang": "en",
  "location": "Lung", "modality": "CT", "answer_type": "CLOSED", "base_type": "vqa", "content_type": "Abnormal", "qid": 3}
])";

}  // namespace

class TestEvalReaders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void llavaMed() {
        QTemporaryDir dir;
        const Benchmark b = readBenchmark(writeTemp(dir, "test.json", kLlavaMed));
        QVERIFY(b.format == DatasetFormat::LlavaMed);
        QCOMPARE(b.items.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(b.items[0].id), QStringLiteral("11"));
        QVERIFY(b.items[0].id_is_number);
        QVERIFY(!b.items[1].id_is_number);
        QCOMPARE(QString::fromStdString(b.items[0].question), QStringLiteral("Is there a mass?"));
        QCOMPARE(QString::fromStdString(b.items[1].question), QStringLiteral("Which organ?"));  // misspelt key read
        QCOMPARE(QString::fromStdString(b.items[1].answer), QStringLiteral("Liver"));
        QVERIFY(b.items[0].type == AnswerType::Closed);
        QVERIFY(b.items[1].type == AnswerType::Open);
        QVERIFY(b.items[2].type == AnswerType::Unscored);  // "open": LLaVA-Med compares exactly
        QCOMPARE(b.warnings.size(), std::size_t(1));
    }

    void vqaRad() {
        QTemporaryDir dir;
        const std::string path = writeTemp(dir, "VQA_RAD Dataset Public.json", kVqaRad);
        QVERIFY(detectFormat(path) == DatasetFormat::VqaRad);
        const Benchmark b = readBenchmark(path);
        QCOMPARE(b.items.size(), std::size_t(2));  // test_freeform + test_para only
        QCOMPARE(QString::fromStdString(b.items[0].id), QStringLiteral("1"));
        QVERIFY(b.items[0].type == AnswerType::Closed);  // "CLOSED " with a stray space
        QCOMPARE(QString::fromStdString(b.items[0].organ), QStringLiteral("head"));
        QCOMPARE(QString::fromStdString(b.items[0].question_type), QStringLiteral("MODALITY"));
        QCOMPARE(QString::fromStdString(b.items[1].answer), QStringLiteral("2"));  // numeric answer
        QCOMPARE(QString::fromStdString(b.items[1].image), QStringLiteral("synpic200.jpg"));
        ReadOptions all;
        all.vqa_rad_test_only = false;
        const Benchmark b2 = readBenchmark(path, all);
        QCOMPARE(b2.items.size(), std::size_t(4));
        QVERIFY(b2.items[1].type == AnswerType::Closed);  // "closed" upper-cased
    }

    void slake() {
        QTemporaryDir dir;
        const std::string path = writeTemp(dir, "test.json", kSlake);
        const Benchmark b = readBenchmark(path);
        QVERIFY(b.format == DatasetFormat::Slake);
        QCOMPARE(b.items.size(), std::size_t(2));  // English only
        QCOMPARE(QString::fromStdString(b.items[1].modality), QStringLiteral("CT"));
        QCOMPARE(QString::fromStdString(b.items[1].organ), QStringLiteral("Lung"));
        QCOMPARE(QString::fromStdString(b.items[1].question_type), QStringLiteral("Abnormal"));
        QCOMPARE(QString::fromStdString(b.items[1].image), QStringLiteral("xmlab2/source.jpg"));
        ReadOptions zh;
        zh.language = "zh";
        QCOMPARE(readBenchmark(path, zh).items.size(), std::size_t(1));
        zh.language = "";
        QCOMPARE(readBenchmark(path, zh).items.size(), std::size_t(3));
        zh.language = "fr";
        QVERIFY(throwsWith([&] { readBenchmark(path, zh); }, "language 'fr'"));
    }

    void pathVqaMirror() {
        QTemporaryDir dir;
        const std::string path = writeTemp(dir, "pathvqa_test.json", R"([
 {"image": "test/img_0.jpg", "question": "Is this necrosis?", "answer": "Yes"},
 {"image": {"bytes": null, "path": "img_1.png"}, "question": "What is present?", "answer": "granuloma"}])");
        const Benchmark b = readBenchmark(path);
        QVERIFY(b.format == DatasetFormat::PathVqa);
        QCOMPARE(b.items.size(), std::size_t(2));
        QVERIFY(b.items[0].type == AnswerType::Closed);
        QVERIFY(b.items[1].type == AnswerType::Open);
        QCOMPARE(QString::fromStdString(b.items[1].image), QStringLiteral("img_1.png"));
        QCOMPARE(QString::fromStdString(b.items[1].id), QStringLiteral("1"));
        // JSON lines form of a mirror
        const std::string jl = writeTemp(dir, "pathvqa.jsonl",
                                         "{\"image\": \"a.jpg\", \"question\": \"q?\", \"answer\": \"no\"}\n"
                                         "{\"image\": \"b.jpg\", \"question\": \"r?\", \"answer\": \"cells\"}\n");
        QCOMPARE(readBenchmark(jl).items.size(), std::size_t(2));
        // PathVQA as LLaVA-Med JSON with --dataset pathvqa
        ReadOptions o;
        o.format = DatasetFormat::PathVqa;
        QVERIFY(readBenchmark(writeTemp(dir, "p2.json", kLlavaMed), o).format == DatasetFormat::LlavaMed);
    }

    void malformedFiles() {
        QTemporaryDir dir;
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "broken.json", "[{\"id\": 1,")); }, "not valid JSON"));
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "obj.json", "{\"a\": 1}")); }, "expected a JSON list"));
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "empty.json", "[]")); }, "no questions"));
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "unknown.json", "[{\"foo\": 1, \"bar\": 2}]")); },
                           "unrecognised benchmark format (first item's keys: bar, foo)"));
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "data.pkl", "anything")); }, "pickle"));
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "data.bin", QByteArray("\x80\x04\x95", 3))); },
                           "never unpickled"));
        QVERIFY(throwsWith([&] { readBenchmark(dir.filePath("missing.json").toStdString()); }, "missing.json"));
        // missing fields name the item
        QVERIFY(throwsWith(
            [&] {
                readBenchmark(writeTemp(dir, "noans.json",
                                        R"([{"id": 1, "conversations": [{"value": "q"}, {"value": "a"}], "answer_type": "OPEN"},
                                            {"id": 2, "conversations": [{"value": "q"}], "answer_type": "OPEN"}])"));
            },
            "item 1 (id 2)"));
        QVERIFY(throwsWith(
            [&] {
                readBenchmark(writeTemp(dir, "notype.json",
                                        R"([{"id": 1, "conversations": [{"value": "q"}, {"value": "a"}]}])"));
            },
            "item 0 has no \"answer_type\""));
        QVERIFY(throwsWith(
            [&] {
                readBenchmark(writeTemp(dir, "rad.json", R"([{"qid": 1, "image_name": "x", "phrase_type": "test_para",
                                                              "question": "q", "answer_type": "OPEN"}])"));
            },
            "has no \"answer\""));
        QVERIFY(throwsWith(
            [&] {
                readBenchmark(writeTemp(dir, "badid.json",
                                        R"([{"id": [1], "conversations": [{"value": "q"}, {"value": "a"}], "answer_type": "OPEN"}])"));
            },
            "must be a string or an integer"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, datasetFormatFromName("mimic"));
        // Fuzz finding (tests/fuzz benchmark): these exact bytes, a number beyond double's range, made
        // nlohmann throw out_of_range 406 from the parser, which escaped every reader as an
        // uncaught exception (std::terminate) instead of an InputError naming the file.
        const QByteArray overflow("8888E88888888888T80040000m9ggla1/ve");
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "overflow.json", overflow)); }, "overflow.json: not valid JSON"));
        QVERIFY(throwsWith([&] { detectFormat(writeTemp(dir, "overflow2.json", overflow)); }, "overflow2.json"));
        QVERIFY(throwsWith([&] { readBenchmark(writeTemp(dir, "lines.jsonl", "{\"id\": 1}\n[1E999]\n")); }, "line 2"));
        QVERIFY(throwsWith([&] { readPredictions(writeTemp(dir, "p.jsonl", "{\"question_id\": 1E999, \"text\": \"a\"}\n")); },
                           "p.jsonl: line 1 is not valid JSON"));
    }

    void predictionsReadWrite() {
        QTemporaryDir dir;
        Prediction p;
        p.question_id = "11";
        p.id_is_number = true;
        p.prompt = "Is there a mass?";
        p.text = "Yes, \"clearly\"\n";
        p.answer_id = "a1";
        p.model_id = "m";
        p.metadata = {{"k", 1}};
        const std::string line = predictionLine(p);
        QVERIFY(line.rfind("{\"question_id\":11,\"prompt\":", 0) == 0);  // LLaVA-Med key order, numeric id kept
        QCOMPARE(line.back(), '\n');
        Prediction q = p;
        q.question_id = "q12";
        q.id_is_number = false;
        const std::string path = dir.filePath("pred.jsonl").toStdString();
        writePredictions(path, {p, q});
        const auto back = readPredictions(path);
        QCOMPARE(back.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(back[0].text), QString::fromStdString(p.text));
        QVERIFY(back[0].id_is_number);
        QCOMPARE(back[0].metadata["k"].get<int>(), 1);
        QCOMPARE(QString::fromStdString(back[1].question_id), QStringLiteral("q12"));

        QVERIFY(throwsWith([&] { readPredictions(writeTemp(dir, "b1.jsonl", "{\"question_id\": 1, \"text\": \"a\"}\nnot json\n")); },
                           "line 2 is not valid JSON"));
        QVERIFY(throwsWith([&] { readPredictions(writeTemp(dir, "b2.jsonl", "{\"question_id\": 1}\n")); },
                           "line 1 has no string \"text\""));
        QVERIFY(throwsWith([&] { readPredictions(writeTemp(dir, "b3.jsonl", "{\"text\": \"a\"}\n")); }, "question_id"));
        // a torn last line: an error for scoring, dropped (and measured) for resuming
        const std::string torn = writeTemp(dir, "torn.jsonl", "{\"question_id\": 1, \"text\": \"a\"}\n{\"question_id\": 2, \"te");
        QVERIFY(throwsWith([&] { readPredictions(torn); }, "cut short"));
        std::size_t torn_bytes = 0;
        QCOMPARE(readPredictionsForResume(torn, &torn_bytes).size(), std::size_t(1));
        QCOMPARE(torn_bytes, std::size_t(22));  // strlen("{\"question_id\": 2, \"te")
    }

    void pairing() {
        QTemporaryDir dir;
        const Benchmark b = readBenchmark(writeTemp(dir, "test.json", kLlavaMed));
        auto pred = [](const std::string& id) {
            Prediction p;
            p.question_id = id;
            p.text = "x";
            return p;
        };
        checkPairing(b, {pred("11"), pred("q12"), pred("13")}, "p.jsonl");  // no throw
        QVERIFY(throwsWith([&] { checkPairing(b, {pred("11"), pred("q12")}, "p.jsonl"); }, "2 predictions for 3 questions"));
        QVERIFY(throwsWith([&] { checkPairing(b, {pred("11"), pred("13"), pred("q12")}, "p.jsonl"); },
                           "same ids in another order"));
        QVERIFY(throwsWith([&] { checkPairing(b, {pred("11"), pred("12"), pred("13")}, "p.jsonl"); }, "the id lists differ"));

        const auto ordered = orderLikeBenchmark(b, {pred("13"), pred("11"), pred("q12")}, "shards");
        QCOMPARE(QString::fromStdString(ordered[0].question_id), QStringLiteral("11"));
        QCOMPARE(QString::fromStdString(ordered[2].question_id), QStringLiteral("13"));
        QVERIFY(throwsWith([&] { orderLikeBenchmark(b, {pred("13"), pred("11")}, "shards"); }, "have no prediction"));
        QVERIFY(throwsWith([&] { orderLikeBenchmark(b, {pred("13"), pred("13"), pred("11"), pred("q12")}, "shards"); },
                           "appears twice"));
        QVERIFY(throwsWith([&] { orderLikeBenchmark(b, {pred("13"), pred("11"), pred("q12"), pred("99")}, "shards"); },
                           "not in"));
    }

    void sha256Vectors() {
        QCOMPARE(QString::fromStdString(sha256Hex("")),
                 QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(QString::fromStdString(sha256Hex("abc")),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(QString::fromStdString(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
                 QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QTemporaryDir dir;
        const std::string path = writeTemp(dir, "a.bin", QByteArray(1000000, 'a'));  // FIPS 180-2 long vector
        QCOMPARE(QString::fromStdString(sha256File(path)),
                 QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
        // chunked updates equal one update
        Sha256 h;
        const std::string s(200, 'z');
        for (std::size_t i = 0; i < s.size(); i += 7) h.update(s.substr(i, 7));
        QCOMPARE(h.finishHex(), sha256Hex(s));
    }
};

QTEST_GUILESS_MAIN(TestEvalReaders)
#include "test_eval_readers.moc"
