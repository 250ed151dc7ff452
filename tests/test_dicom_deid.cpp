// De-identification: the copy holds none of the original identifying values (checked on DCMTK's own
// dump of every element), no private tags, UIDs replaced consistently across a set, pixels intact;
// burned-in text risk reasons; pixels-only PNG without metadata.
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"
#include "fixtures/dicom_maker.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace stllava;
using dicomtest::makeDicom8;
using dicomtest::runTool;

namespace {
constexpr int W = 20, H = 14;
std::vector<std::uint8_t> pattern() {
    std::vector<std::uint8_t> px(W * H);
    for (int i = 0; i < W * H; ++i) px[i] = static_cast<std::uint8_t>(i * 5);
    return px;
}
QString dumpFull(const QString& file) {
    QString out;
    runTool("dcmdump", {"-M", "+L", file}, &out);
    return out;
}
QString tagValue(const QString& file, const QString& tag) {
    QString out;
    QString path = tag;
    path.remove('(').remove(')');
    path = path.mid(path.lastIndexOf('.') + 1);  // dcmdump +P finds a tag at any depth
    runTool("dcmdump", {"+P", path, "-s", "+L", file}, &out);
    const int b = out.indexOf('['), e = out.indexOf(']');
    return b >= 0 && e > b ? out.mid(b + 1, e - b - 1) : QString();
}
}  // namespace

class TestDicomDeid : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString p(const QString& name) const { return m_dir.path() + "/" + name; }
    // Identifying values written into the originals; none may survive de-identification.
    const QStringList m_secrets{"Doe^Jane",          "PID-778899",     "19610412",      "St Example Hospital",
                                "House^Gregory",      "Wilson^James",   "ACC-555123",    "20240131",
                                "20240201",           "Jane chest",     "Operator^Olga", "CTSTATION7",
                                "12 Example Road",    "STUDY42",        "PrivateSecret123", "Cardiology West",
                                "REQ999",             "Nurse^Nina",     "1.2.3.4.5.6.7.8.9", "1.2.3.4.5.6.7.8.10",
                                "SN-4455",            "0930",           "Smith^Sally"};

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const QString name : {"one.dcm", "two.dcm"}) {
            QVERIFY(makeDicom8(m_dir.path(), name, W, H, pattern()));
            QVERIFY(runTool("dcmodify", {"-nb", "-i", "(0010,0010)=Doe^Jane", "-i", "(0010,0020)=PID-778899", "-i",
                                         "(0010,0030)=19610412", "-i", "(0008,0080)=St Example Hospital", "-i",
                                         "(0008,0090)=House^Gregory", "-i", "(0008,1050)=Wilson^James", "-i",
                                         "(0008,0050)=ACC-555123", "-i", "(0008,0020)=20240131", "-i",
                                         "(0008,0021)=20240201", "-i", "(0008,1030)=Jane chest", "-i",
                                         "(0008,1070)=Operator^Olga", "-i", "(0008,1010)=CTSTATION7", "-i",
                                         "(0008,0081)=12 Example Road", "-i", "(0020,0010)=STUDY42", "-i",
                                         "(0008,1040)=Cardiology West", "-i", "(0040,0275)[0].(0040,1001)=REQ999",
                                         "-i", "(0040,0275)[0].(0032,1032)=Nurse^Nina", "-i",
                                         "(0020,000d)=1.2.3.4.5.6.7.8.9", "-i", "(0018,1000)=SN-4455", "-i",
                                         "(0008,0030)=0930", "-i", "(0010,1001)=Smith^Sally", "-i",
                                         "(0009,0010)=GEMS_IDEN_01", "-i", "(0009,1001)=PrivateSecret123", p(name)}));
        }
        // two.dcm references one.dcm's SOP instance; its series UID is its own.
        const QString sopOne = tagValue(p("one.dcm"), "(0008,0018)");
        QVERIFY(!sopOne.isEmpty());
        QVERIFY(runTool("dcmodify", {"-nb", "-i", "(0008,1140)[0].(0008,1155)=" + sopOne, "-i",
                                     "(0020,000e)=1.2.3.4.5.6.7.8.10", p("two.dcm")}));
        const QString original = dumpFull(p("two.dcm"));
        for (const QString& s : m_secrets) QVERIFY2(original.contains(s), qPrintable("setup lacks " + s));
    }

    void deidentifiedCopies() {
        DeidSession session;
        session.deidentifyFile(p("one.dcm").toStdString(), p("out/one.dcm").toStdString());
        session.deidentifyFile(p("two.dcm").toStdString(), p("out/two.dcm").toStdString());
        const QStringList originalUids{tagValue(p("one.dcm"), "(0008,0018)"), tagValue(p("two.dcm"), "(0008,0018)"),
                                       tagValue(p("one.dcm"), "(0020,000e)")};
        for (const QString name : {"one.dcm", "two.dcm"}) {
            const QString d = dumpFull(p("out/" + name));
            QVERIFY(!d.isEmpty());
            for (const QString& s : m_secrets) QVERIFY2(!d.contains(s), qPrintable(name + " still holds " + s));
            for (const QString& u : originalUids) QVERIFY2(!d.contains(u), qPrintable(name + " still holds UID " + u));
            QVERIFY2(!d.contains("(0009,"), "private tags survived");
            QCOMPARE(tagValue(p("out/" + name), "(0012,0062)"), QString("YES"));
            QVERIFY(!tagValue(p("out/" + name), "(0012,0063)").isEmpty());
            QCOMPARE(tagValue(p("out/" + name), "(0012,0064)[0].(0008,0100)"), QString("113100"));
            // Pixels unchanged.
            QCOMPARE(loadImageData(p("out/" + name).toStdString()).values,
                     loadImageData(p(name).toStdString()).values);
        }
        // Consistent UIDs: same study, the reference follows the referenced instance.
        QCOMPARE(tagValue(p("out/one.dcm"), "(0020,000d)"), tagValue(p("out/two.dcm"), "(0020,000d)"));
        QCOMPARE(tagValue(p("out/two.dcm"), "(0008,1140)[0].(0008,1155)"), tagValue(p("out/one.dcm"), "(0008,0018)"));
        QVERIFY(tagValue(p("out/one.dcm"), "(0008,0018)") != tagValue(p("out/two.dcm"), "(0008,0018)"));
        QCOMPARE(tagValue(p("out/one.dcm"), "(0002,0003)"), tagValue(p("out/one.dcm"), "(0008,0018)"));
        // The SOP class (a DICOM-defined UID) is kept.
        QCOMPARE(tagValue(p("out/one.dcm"), "(0008,0016)"), tagValue(p("one.dcm"), "(0008,0016)"));
        // A new session maps to different UIDs; the same session maps repeatably.
        DeidSession other;
        QVERIFY(other.mapUid("1.2.3.4.5.6.7.8.9") != session.mapUid("1.2.3.4.5.6.7.8.9"));
        QCOMPARE(session.mapUid("1.2.3.4.5.6.7.8.9"), session.mapUid("1.2.3.4.5.6.7.8.9"));
        // Refusals name the file.
        QVERIFY_EXCEPTION_THROWN(session.deidentifyFile(p("one.dcm").toStdString(), p("one.dcm").toStdString()),
                                 std::runtime_error);
        QFile junk(p("junk.dcm"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not dicom at all");
        junk.close();
        try {
            session.deidentifyFile(p("junk.dcm").toStdString(), p("out/junk.dcm").toStdString());
            QFAIL("junk accepted");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).startsWith(p("junk.dcm")), e.what());
        }
    }

    void burnedInRisk() {
        const DicomTags sc = loadImageData(p("one.dcm").toStdString()).tags;  // img2dcm: secondary capture
        auto reasons = burnedInTextRisk(sc);
        QCOMPARE(reasons.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(reasons[0]).contains("Secondary Capture"));
        DicomTags t;
        t.burnedInAnnotation = "YES";
        t.modality = "US";
        t.imageType = "DERIVED\\SECONDARY\\OTHER";
        t.sopClassUid = "1.2.840.10008.5.1.4.1.1.7.4";
        QCOMPARE(burnedInTextRisk(t).size(), std::size_t(5));
        DicomTags ct;
        ct.modality = "CT";
        ct.imageType = "ORIGINAL\\PRIMARY\\AXIAL";
        ct.sopClassUid = "1.2.840.10008.5.1.4.1.1.2";
        ct.burnedInAnnotation = "NO";
        QVERIFY(burnedInTextRisk(ct).empty());
    }

    void pixelsOnlyPng() {
        const RgbImage img = loadDisplayImage(p("one.dcm").toStdString());
        writePixelsPng(img, p("pixels.png").toStdString());
        QFile f(p("pixels.png"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray b = f.readAll();
        QVERIFY(b.startsWith("\x89PNG"));
        for (const char* chunk : {"tEXt", "zTXt", "iTXt", "eXIf"}) QVERIFY(!b.contains(chunk));
        QVERIFY(!b.contains("Doe"));
        QCOMPARE(loadDisplayImage(p("pixels.png").toStdString()).pixels, img.pixels);
    }
};

QTEST_GUILESS_MAIN(TestDicomDeid)
#include "test_dicom_deid.moc"
