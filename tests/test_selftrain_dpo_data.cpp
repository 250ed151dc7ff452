// The pairs `selftrain pairs` writes load in the training data reader (`stllava train dpo`),
// in both formats, with the chosen and rejected answers and the shared prompt intact.
#include "selftrain/pair_writers.h"
#include "selftrain/pairs.h"
#include "fixtures/selftrain_data.h"
#include "training/dataset.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace st = stllava::selftrain;
namespace tr = stllava::training;
using namespace selftraintest;

class TestSelftrainDpoData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loads_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("stllava") << "stllava";
        QTest::newRow("trl") << "trl";
    }
    void loads() {
        QFETCH(QString, format);
        QTemporaryDir dir;
        QFile img(dir.filePath("img.png"));
        QVERIFY(img.open(QIODevice::WriteOnly));
        img.write("not decoded here");
        img.close();
        const Crafted c = crafted();
        st::PairOptions o;
        o.min_margin = 1.5;
        const auto ds = st::decidePairs(c.items, c.judgements, o);
        const std::string path = dir.filePath(format == "stllava" ? "p.json" : "p.jsonl").toStdString();
        const std::size_t n =
            format == "stllava" ? st::writeStllavaPairs(path, ds) : st::writeTrlPairs(path, ds);
        QCOMPARE(n, std::size_t(2));
        tr::DataOptions opts;
        opts.image_folder = dir.path().toStdString();
        const tr::PreferenceDataset data = tr::loadPreferenceData(path, opts);
        QVERIFY2(data.report.issues.empty(), data.report.summary().c_str());
        QCOMPARE(data.items.size(), std::size_t(2));
        const tr::PreferenceItem& a = data.items[0];
        QCOMPARE(a.image, std::string("img.png"));
        QCOMPARE(a.chosen, std::string("A long and careful answer."));
        QCOMPARE(a.rejected, std::string("Short."));
        QCOMPARE(a.prompt.size(), std::size_t(3));  // describe, description, question
        QCOMPARE(a.prompt[2].text, std::string("What does a#q0 show?"));
        QCOMPARE(a.prompt[1].text, std::string("The description of a#q0."));
        QVERIFY(a.prompt[0].text.find("<image>") != std::string::npos);
        QVERIFY(a.prompt[0].text.find("Can you describe the image in detail?") != std::string::npos);
        QCOMPARE(data.items[1].chosen, std::string("y"));
    }
};

QTEST_GUILESS_MAIN(TestSelftrainDpoData)
#include "test_selftrain_dpo_data.moc"
