// `stllava dicom info|render|deid` end to end: JSON facts, PNG under a preset, exit code 3 for bad
// input files, de-identified folder copies.
#include "fixtures/dicom_maker.h"
#include "fixtures/run_stllava.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {
int runCli(const QStringList& args, QString* out = nullptr, QString* err = nullptr) {
    const auto r = stllava::testing::runStllava(args, 120000);
    if (out) *out = QString::fromUtf8(r.out);
    if (err) *err = QString::fromUtf8(r.err);
    return r.code;
}
}  // namespace

class TestDicomCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString p(const QString& n) const { return m_dir.path() + "/" + n; }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        std::vector<std::int16_t> v(32 * 24);
        for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int16_t>(i * 5);  // stored; HU = stored - 1024
        QVERIFY(dicomtest::makeDicom16(m_dir.path(), "ct.dcm", 32, 24, v, 12, false,
                                       {"-i", "(0008,0060)=CT", "-i", "(0028,1052)=-1024", "-i", "(0028,1053)=1", "-i",
                                        "(0028,1050)=40", "-i", "(0028,1051)=400", "-i", "(0010,0010)=Doe^Jane"}));
    }

    void info() {
        QString out, err;
        QCOMPARE(runCli({"dicom", "info", p("ct.dcm"), "--json"}, &out, &err), 0);
        const QJsonObject j = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(j["width"].toInt(), 32);
        QCOMPARE(j["tags"].toObject()["modality"].toString(), QString("CT"));
        QCOMPARE(j["windows"].toArray().size(), 1);
        QCOMPARE(j["value_range"].toArray()[0].toDouble(), -1024.0);
        QVERIFY(j["burned_in_text_risk"].toArray().size() >= 1);  // img2dcm writes secondary capture
        QCOMPARE(runCli({"dicom", "info", p("ct.dcm")}, &out), 0);
        QVERIFY(out.contains("transfer syntax"));
    }

    void render() {
        QCOMPARE(runCli({"dicom", "render", p("ct.dcm"), "-o", p("lung.png"), "--preset", "lung"}), 0);
        QVERIFY(QFileInfo(p("lung.png")).size() > 0);
        QString out;
        QCOMPARE(runCli({"dicom", "info", p("lung.png"), "--json"}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object()["source"].toString(), QString("raster"));
        QCOMPARE(runCli({"dicom", "render", p("ct.dcm"), "-o", p("w.png"), "--window", "0,100", "--invert"}), 0);
        QCOMPARE(runCli({"dicom", "render", p("ct.dcm"), "-o", p("w.png"), "--window", "0;100"}), 2);
        QCOMPARE(runCli({"dicom", "render", p("ct.dcm"), "-o", p("w.png"), "--preset", "kidney"}), 2);
        QCOMPARE(runCli({"dicom", "render", p("ct.dcm"), "-o", p("w.png"), "--frame", "2"}), 3);
    }

    void badInputExitsThree() {
        QFile f(p("bad.dcm"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(128, '\0') + "DICM" + QByteArray(50, 'x'));
        f.close();
        QString err;
        QCOMPARE(runCli({"dicom", "info", p("bad.dcm")}, nullptr, &err), 3);
        QVERIFY2(err.contains(p("bad.dcm")), qPrintable(err));
        QCOMPARE(runCli({"dicom", "render", p("missing.dcm"), "-o", p("x.png")}), 3);
    }

    void deid() {
        QVERIFY(QDir().mkpath(p("in/sub")));
        QVERIFY(QFile::copy(p("ct.dcm"), p("in/sub/a.dcm")));
        QVERIFY(QFile::copy(p("ct.dcm"), p("in/b.dcm")));
        QString err;
        QCOMPARE(runCli({"dicom", "deid", p("in"), "-o", p("out")}, nullptr, &err), 0);
        QVERIFY2(QFile::exists(p("out/in/sub/a.dcm")), qPrintable(err));
        QVERIFY(QFile::exists(p("out/in/b.dcm")));
        QVERIFY(err.contains("burned-in text risk"));
        QString dump;
        QVERIFY(dicomtest::runTool("dcmdump", {p("out/in/sub/a.dcm")}, &dump));
        QVERIFY(!dump.contains("Doe^Jane"));
        QCOMPARE(runCli({"dicom", "deid", p("in"), "-o", p("outpng"), "--png"}), 0);
        QVERIFY(QFile::exists(p("outpng/in/b.png")));
        QCOMPARE(runCli({"dicom", "deid", p("in"), p("bad.dcm"), "-o", p("out2")}), 3);
        // A DICOM object without pixels (a report, a plan) is de-identified too.
        QVERIFY(QFile::copy(p("ct.dcm"), p("nopixels.dcm")));
        QVERIFY(dicomtest::runTool("dcmodify", {"-nb", "-e", "(7fe0,0010)", p("nopixels.dcm")}));
        QCOMPARE(runCli({"dicom", "deid", p("nopixels.dcm"), "-o", p("out3")}, nullptr, &err), 0);
        QVERIFY(dicomtest::runTool("dcmdump", {p("out3/nopixels.dcm")}, &dump));
        QVERIFY(!dump.contains("Doe^Jane"));
        QVERIFY(dump.contains("PatientIdentityRemoved"));
    }
};

QTEST_GUILESS_MAIN(TestDicomCli)
#include "test_dicom_cli.moc"
