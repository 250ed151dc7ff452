// The conversation's DICOM Basic Text SR (core/imaging/structured_report.h), written for DICOM files
// made by DCMTK's own tools and checked with DCMTK's tools (dsrdump parses it with its relationship
// content constraints on; dcmdump shows the header) and with dcmsr's reader: the referenced SOP
// instance (and frame) of each finding, the Request and Finding texts, the patient and study copied
// from the source, a new series and instance, the flags, and the machine-generated note. Refusals:
// a raster image, images of two studies, a frame that does not exist, no exchanges.
#include "fixtures/dicom_maker.h"

#include "imaging/raster_codecs.h"
#include "imaging/structured_report.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>
#include <dcmtk/dcmsr/dsrimgtn.h>

#include <QTemporaryDir>
#include <QtTest>

#include <string>

using namespace stllava;
using dicomtest::runTool;

namespace {

std::string tagOf(DcmItem* item, const DcmTagKey& key) {
    OFString v;
    item->findAndGetOFStringArray(key, v);
    return v.c_str();
}

}  // namespace

class TestStructuredReport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ct, m_mf;  // one frame; three frames, same study

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        std::vector<std::uint8_t> px(32 * 24);
        for (std::size_t i = 0; i < px.size(); ++i) px[i] = std::uint8_t(i * 7);
        QVERIFY(dicomtest::makeDicom8(m_dir.path(), "ct.dcm", 32, 24, px));
        m_ct = m_dir.filePath("ct.dcm");
        // Patient and study as a PACS would have them (UTF-8 name, so the character set is converted).
        QVERIFY(runTool("dcmodify",
                        {"-nb", "-i", "(0008,0005)=ISO_IR 192", "-i", "(0010,0010)=Müller^Jürgen", "-i",
                         "(0010,0020)=PID-4711", "-i", "(0010,0030)=19600229", "-i", "(0010,0040)=M", "-i",
                         "(0020,000d)=1.2.826.0.1.3680043.9.7777.1", "-i", "(0020,0010)=ST42", "-i",
                         "(0008,0050)=ACC-0815", "-i", "(0008,0090)=Referrer^Rita", "-i", "(0008,0060)=CT", m_ct}));
        std::vector<std::int16_t> stored(32 * 24 * 3, 100);
        QVERIFY(dicomtest::makeDicom16(m_dir.path(), "mf.dcm", 32, 24, stored, 16, true,
                                       {"-i", "(0028,0008)=3", "-i", "(0020,000d)=1.2.826.0.1.3680043.9.7777.1"}));
        m_mf = m_dir.filePath("mf.dcm");
    }

    void writesSrThatDsrdumpReads() {
        SrDocumentInput in;
        in.softwareVersion = "test 1.0";
        SrExchange a;
        a.question = "Is there a fracture?";
        a.answer = "No fracture is visible in this slice.";
        a.imagePath = m_ct.toStdString();
        a.model = "tiny-llava";
        a.modelDigest = "sha256:00112233aabbccdd";
        a.parameters = "frame 1, window C 40 / W 400 · template llava_v1 · T 0.2, top-p 0.9, max 64, seed 7";
        SrExchange b = a;
        b.question = "Which frame shows the lesion?";
        b.answer = "Frame two shows a bright round area.";
        b.imagePath = m_mf.toStdString();
        b.frame = 1;
        in.exchanges = {a, b};
        const QString out = m_dir.filePath("sr.dcm");
        SrWritten w;
        try {
            w = writeBasicTextSr(in, out.toStdString());
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        QCOMPARE(w.referencedSopInstanceUids.size(), std::size_t(2));
        QCOMPARE(w.studyInstanceUid, std::string("1.2.826.0.1.3680043.9.7777.1"));
        QVERIFY(!w.seriesInstanceUid.empty());
        QVERIFY(!w.sopInstanceUid.empty());

        // dsrdump: exit 0 with constraint checking on, no warnings or errors, the contents readable.
        QString dump;
        QVERIFY(runTool("dsrdump", {"-v", "+Pl", "+Pu", "+Pc", "+U8", out}, &dump));
        // DCMTK 3.6.7's VR checker cannot check UTF-8 text and says so; any other warning fails.
        for (const QString& line : dump.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("W: The VR checker does not support this Specific Character Set")))
                continue;
            QVERIFY2(!line.startsWith(QLatin1String("W: ")) && !line.startsWith(QLatin1String("E: ")), qPrintable(dump));
        }
        QVERIFY2(dump.contains(QLatin1String("Basic Text SR")), qPrintable(dump));
        QVERIFY2(dump.contains(QLatin1String("Is there a fracture?")), qPrintable(dump));
        QVERIFY(dump.contains(QLatin1String("No fracture is visible in this slice.")));
        QVERIFY(dump.contains(QLatin1String("Frame two shows a bright round area.")));
        QVERIFY(dump.contains(QLatin1String("Request")));
        QVERIFY(dump.contains(QLatin1String("Finding")));
        QVERIFY(dump.contains(QString::fromStdString(w.referencedSopInstanceUids[0])));
        QVERIFY(dump.contains(QString::fromStdString(w.referencedSopInstanceUids[1])));
        QVERIFY(dump.contains(QLatin1String("PID-4711")));
        QVERIFY2(dump.contains(QString::fromUtf8("Müller")), qPrintable(dump));
        QVERIFY(dump.contains(QLatin1String("UNVERIFIED")));
        QVERIFY(dump.contains(QLatin1String("COMPLETE")));

        // dcmdump: the header of a Basic Text SR in the source study, a new series and instance.
        QString header;
        QVERIFY(runTool("dcmdump", {"-Un", "+U8", out}, &header));
        QVERIFY2(header.contains(QLatin1String(UID_BasicTextSRStorage)), qPrintable(header));
        QVERIFY(header.contains(QLatin1String("ACC-0815")));
        QVERIFY(header.contains(QLatin1String("ST42")));
        QVERIFY(header.contains(QLatin1String("Referrer^Rita")));
        QVERIFY(header.contains(QLatin1String("19600229")));
        QVERIFY(header.contains(QLatin1String("PRELIMINARY")));
        QVERIFY(header.contains(QLatin1String("ISO_IR 192")));

        // dcmsr's reader: the tree, item by item.
        DcmFileFormat file;
        QVERIFY(file.loadFile(out.toStdString().c_str()).good());
        DcmDataset* ds = file.getDataset();
        QCOMPARE(tagOf(ds, DCM_SOPClassUID), std::string(UID_BasicTextSRStorage));
        QCOMPARE(tagOf(ds, DCM_Modality), std::string("SR"));
        QCOMPARE(tagOf(ds, DCM_PatientID), std::string("PID-4711"));
        QCOMPARE(tagOf(ds, DCM_PatientSex), std::string("M"));
        QCOMPARE(tagOf(ds, DCM_PatientName), std::string("Müller^Jürgen"));
        DcmFileFormat source;
        QVERIFY(source.loadFile(m_ct.toStdString().c_str()).good());
        QVERIFY(tagOf(ds, DCM_SeriesInstanceUID) != tagOf(source.getDataset(), DCM_SeriesInstanceUID));
        QVERIFY(tagOf(ds, DCM_SOPInstanceUID) != tagOf(source.getDataset(), DCM_SOPInstanceUID));
        QCOMPARE(tagOf(source.getDataset(), DCM_SOPInstanceUID), w.referencedSopInstanceUids[0]);

        DSRDocument doc;
        QVERIFY(doc.read(*ds).good());
        QCOMPARE(doc.getDocumentType(), DSRTypes::DT_BasicTextSR);
        QCOMPARE(doc.getVerificationFlag(), DSRTypes::VF_Unverified);
        QCOMPARE(doc.getCompletionFlag(), DSRTypes::CF_Complete);
        DSRDocumentTree& tree = doc.getTree();
        QVERIFY(tree.gotoRoot() > 0);
        QVERIFY(tree.getCurrentContentItem().getConceptName() == CODE_DCM_CADProcessingAndFindingsSummary);
        // Every Request / Finding pair in order, each finding's image (and frame) as written.
        QVERIFY(tree.gotoNamedNode(CODE_DCM_Comment) > 0);
        QVERIFY(QString::fromStdString(tree.getCurrentContentItem().getStringValue().c_str())
                    .contains(QLatin1String("not a diagnosis")));
        QVERIFY(QString::fromStdString(tree.getCurrentContentItem().getStringValue().c_str())
                    .contains(QLatin1String("sha256:00112233aabbccdd")));
        QVERIFY(tree.gotoRoot() > 0);
        QVERIFY(tree.gotoNamedNode(CODE_DCM_RETIRED_Request) > 0);
        QCOMPARE(std::string(tree.getCurrentContentItem().getStringValue().c_str()), a.question);
        QVERIFY(tree.gotoNextNamedNode(CODE_DCM_Finding) > 0);
        QCOMPARE(std::string(tree.getCurrentContentItem().getStringValue().c_str()), a.answer);
        QVERIFY(tree.goDown() > 0);
        QCOMPARE(tree.getCurrentContentItem().getValueType(), DSRTypes::VT_Image);
        QCOMPARE(tree.getCurrentContentItem().getRelationshipType(), DSRTypes::RT_inferredFrom);
        const DSRImageReferenceValue* ref = tree.getCurrentContentItem().getImageReferencePtr();
        QVERIFY(ref != nullptr);
        QCOMPARE(std::string(ref->getSOPInstanceUID().c_str()), w.referencedSopInstanceUids[0]);
        QVERIFY(ref->getFrameList().isEmpty());  // a single-frame image: no frame list
        QVERIFY(tree.goUp() > 0);
        QVERIFY(tree.gotoNextNamedNode(CODE_DCM_RETIRED_Request) > 0);
        QCOMPARE(std::string(tree.getCurrentContentItem().getStringValue().c_str()), b.question);
        QVERIFY(tree.gotoNextNamedNode(CODE_DCM_Finding) > 0);
        QCOMPARE(std::string(tree.getCurrentContentItem().getStringValue().c_str()), b.answer);
        QVERIFY(tree.goDown() > 0);
        ref = tree.getCurrentContentItem().getImageReferencePtr();
        QVERIFY(ref != nullptr);
        QCOMPARE(std::string(ref->getSOPInstanceUID().c_str()), w.referencedSopInstanceUids[1]);
        QCOMPARE(ref->getFrameList().getNumberOfItems(), std::size_t(1));
        Sint32 frame = 0;
        QVERIFY(ref->getFrameList().getItem(1, frame).good());
        QCOMPARE(frame, Sint32(2));  // frame numbers in DICOM count from 1
        // The algorithm (model) and its parameters as properties of the finding.
        QVERIFY(tree.gotoNextNamedNode(CODE_DCM_AlgorithmParameters) > 0);
        QCOMPARE(tree.getCurrentContentItem().getRelationshipType(), DSRTypes::RT_hasProperties);
        QVERIFY(QString::fromStdString(tree.getCurrentContentItem().getStringValue().c_str())
                    .contains(QLatin1String("seed 7")));
        // Both instances listed as evidence.
        QCOMPARE(doc.getCurrentRequestedProcedureEvidence().getNumberOfInstances(), std::size_t(2));
    }

    void refusesWhatCannotBeReferenced() {
        // A raster image: no SOP instance to reference.
        RgbImage rgb;
        rgb.width = rgb.height = 4;
        rgb.pixels.assign(48, 128);
        const std::string png = m_dir.filePath("photo.png").toStdString();
        writePixelsPng(rgb, png);
        const std::string why = srUnavailableReason({png});
        QVERIFY2(why.find("photo.png") != std::string::npos && why.find("not a DICOM") != std::string::npos,
                 why.c_str());
        SrDocumentInput in;
        SrExchange e;
        e.question = "q";
        e.answer = "a";
        e.imagePath = png;
        in.exchanges = {e};
        const std::string out = m_dir.filePath("refused.dcm").toStdString();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeBasicTextSr(in, out));
        QVERIFY(!QFile::exists(QString::fromStdString(out)));

        // No exchanges.
        in.exchanges.clear();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, writeBasicTextSr(in, out));

        // A frame the file does not have.
        e.imagePath = m_mf.toStdString();
        e.frame = 3;
        in.exchanges = {e};
        try {
            writeBasicTextSr(in, out);
            QFAIL("a missing frame was accepted");
        } catch (const std::runtime_error& err) {
            QVERIFY2(std::string(err.what()).find("frame 4") != std::string::npos, err.what());
        }

        // Two studies in one SR.
        std::vector<std::uint8_t> px(16 * 16, 9);
        QVERIFY(dicomtest::makeDicom8(m_dir.path(), "other.dcm", 16, 16, px));
        const std::string other = m_dir.filePath("other.dcm").toStdString();
        QVERIFY(srUnavailableReason({m_ct.toStdString(), other}).find("another study") != std::string::npos);
        QVERIFY(srUnavailableReason({m_ct.toStdString(), m_mf.toStdString()}).empty());
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
    }
};

QTEST_GUILESS_MAIN(TestStructuredReport)
#include "test_structured_report.moc"
