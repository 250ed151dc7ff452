// Golden cross-check: ~500 tricky answer pairs scored by our C++ and by tests/golden/llava_med_score.py
// (LLaVA-Med's scoring functions re-created in plain Python, regex quirks included) must agree
// exactly: normalised strings, recall, precision, F1, exact match and the CLOSED hit.
#include "metrics/answer_scores.h"
#include "metrics/bootstrap.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

using namespace stllava::metrics;

namespace {

struct Pair {
    std::string type, reference, prediction;
};

// Pieces chosen to hit every rule: marks with and without neighbouring spaces, digit-comma-digit,
// periods before/after digits, number words, articles, contractions, yes/no look-alikes, whitespace.
const std::vector<std::string> kPieces = {
    "yes", "no", "Yes.", "No,", "normal", "nodule", "not", "none", "None", "one", "Two", "ten", "the", "a",
    "an", "The", "dont", "isnt", "Im", "somebody'd", "twas", "1,000", "3.5", "3.", ".5", "e.g.", "left-sided",
    "(", ")", " , ", ",", "x/y", "/", "...", "5.", "T2-weighted", "?", "!", "\"", "a_b", "@", "`", "CT", "MRI",
    "liver", "left", "right", "lung", "kidney", "\\", ";", "[x]", "{y}", "=", "+", ">", "<", "-", " - ",
    "\t", "  ", "\xc2\xa0", "\xe2\x80\x83", "12", "7", "cm", "mm", "brain", "effusion", "pleural",
    "yesterday", "know", "it", "is", "there", "and", "or", "of", "with", "lesion"};

std::string randomText(Rng& rng, int max_pieces) {
    std::string s;
    const auto n = static_cast<int>(rng.below(static_cast<std::uint64_t>(max_pieces) + 1));
    for (int i = 0; i < n; ++i) {
        switch (rng.below(4)) {
        case 0: break;
        case 1:
        case 2: s += ' '; break;
        default: s += "  "; break;
        }
        s += kPieces[rng.below(kPieces.size())];
    }
    return s;
}

std::vector<Pair> makePairs() {
    std::vector<Pair> pairs = {
        {"OPEN", "liver", std::string(40, '.') + "liver"},
        {"OPEN", std::string(70, '.') + "x", "x"},
        {"CLOSED", "no", "normal"},
        {"CLOSED", "yes", ""},
        {"OPEN", "", ""},
        {"OPEN", "x y", "x x x"},
        {"CLOSED", "left", "left"},
        {"OPEN", "3.-5", "3 5"},
        {"OPEN", "1,000 (approx) cells/hpf", "1000 approx cells hpf"},
        {"CLOSED", "", "yes"},
        {"OPEN", "a-b, c", "b c"},
    };
    Rng rng(20240611);
    while (pairs.size() < 520) {
        Pair p;
        p.type = rng.below(2) ? "OPEN" : "CLOSED";
        p.reference = randomText(rng, 4);
        p.prediction = randomText(rng, 12);
        if (rng.below(5) == 0) p.prediction += " " + p.reference;  // make overlaps common
        pairs.push_back(std::move(p));
    }
    return pairs;
}

}  // namespace

class TestMetricsGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesPythonReference() {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python)) QSKIP("/usr/bin/python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::vector<Pair> pairs = makePairs();
        QJsonArray in;
        for (const auto& p : pairs)
            in.append(QJsonObject{{"answer_type", QString::fromStdString(p.type)},
                                  {"reference", QString::fromStdString(p.reference)},
                                  {"prediction", QString::fromStdString(p.prediction)}});
        const QString in_path = dir.filePath("pairs.json"), out_path = dir.filePath("scores.json");
        QFile f(in_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(in).toJson());
        f.close();

        QProcess proc;
        proc.start(python, {QStringLiteral(STLLAVA_SOURCE_DIR "/tests/golden/llava_med_score.py"), in_path, out_path});
        QVERIFY(proc.waitForFinished(120000));
        QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
        QFile o(out_path);
        QVERIFY(o.open(QIODevice::ReadOnly));
        const QJsonArray out = QJsonDocument::fromJson(o.readAll()).array();
        QCOMPARE(static_cast<std::size_t>(out.size()), pairs.size());

        AnswerScorer scorer;
        int closed = 0, open = 0, hits = 0, nonzero_recall = 0;
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const Pair& p = pairs[i];
            const QJsonObject g = out[static_cast<int>(i)].toObject();
            const ItemScore s = scorer.score(answerTypeFromLlavaMed(p.type), p.reference, p.prediction);
            const QString where = QStringLiteral("pair %1: ref '%2' pred '%3'")
                                      .arg(i)
                                      .arg(QString::fromStdString(p.reference), QString::fromStdString(p.prediction));
            QVERIFY2(QString::fromStdString(scorer.lastReferenceNormalized()) == g["norm_ref"].toString(),
                     qPrintable(where + " norm_ref C++ '" + QString::fromStdString(scorer.lastReferenceNormalized()) +
                                "' Python '" + g["norm_ref"].toString() + "'"));
            QVERIFY2(QString::fromStdString(scorer.lastPredictionNormalized()) == g["norm_pred"].toString(),
                     qPrintable(where + " norm_pred C++ '" + QString::fromStdString(scorer.lastPredictionNormalized()) +
                                "' Python '" + g["norm_pred"].toString() + "'"));
            QVERIFY2(s.recall == g["recall"].toDouble(), qPrintable(where + " recall"));
            QVERIFY2(s.precision == g["precision"].toDouble(), qPrintable(where + " precision"));
            QVERIFY2(s.f1 == g["f1"].toDouble(), qPrintable(where + " f1"));
            QVERIFY2(s.exact == g["exact"].toDouble(), qPrintable(where + " exact"));
            QVERIFY2(s.closed_hit == (g["closed_hit"].toInt() == 1), qPrintable(where + " closed_hit"));
            if (p.type == "OPEN") ++open, nonzero_recall += s.recall > 0;
            else ++closed, hits += s.closed_hit;
        }
        // The generated set exercises both kinds and both outcomes.
        QVERIFY(open > 100 && closed > 100);
        QVERIFY(hits > 10 && hits < closed);
        QVERIFY(nonzero_recall > 10 && nonzero_recall < open);
    }
};

QTEST_GUILESS_MAIN(TestMetricsGolden)
#include "test_metrics_golden.moc"
