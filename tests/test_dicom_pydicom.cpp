// Real-world files no one here wrote: every file in Debian python3-pydicom's test_files folder either
// loads or fails with an error naming the file, in-process, never a crash; every file there that
// pydicom itself decodes (numpy + Pillow handlers) renders with us too, with the same pixel values:
// exact for lossless data, within a stated tolerance where two different decoders (DCMTK's IJG
// JPEG vs Pillow's libjpeg-turbo) or two YCbCr->RGB conversions meet. The reference arrays come
// from tests/golden/pydicom_pixels.py run by /usr/bin/python3. Fails when python3-pydicom is missing.
#include "imaging/dicom_codecs.h"
#include "imaging/image_loader.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stllava;

namespace {
const QString kFolder = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

struct Reference {
    QString file, values, photometric, syntax;
    int frames = 1, rows = 0, columns = 0, channels = 1, bitsStored = 0;
    bool lossy = false;
};

struct Difference {
    double max = 0, mean = 0;
};

// Largest and mean absolute difference of `ours` to the reference frame `ref` (both [rows, cols, ch]).
Difference compare(const std::vector<float>& ours, const float* ref, double refScale) {
    Difference d;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        const double e = std::fabs(double(ours[i]) - std::round(double(ref[i]) * refScale * 1e6) / 1e6);
        d.max = std::max(d.max, e);
        d.mean += e;
    }
    d.mean /= std::max<std::size_t>(1, ours.size());
    return d;
}
}  // namespace

class TestDicomPydicom : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QList<Reference> m_refs;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo(kFolder).isDir(),
                 "python3-pydicom's test files are missing: install python3-pydicom");
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start("/usr/bin/python3",
                 {QString(STLLAVA_SOURCE_DIR) + "/tests/golden/pydicom_pixels.py", kFolder, m_dir.path()});
        QVERIFY(py.waitForFinished(300000));
        const QByteArray log = py.readAll();
        QVERIFY2(
            py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0,
            qPrintable(
                "the pydicom reference failed (python3-pydicom, python3-numpy and python3-pil needed): " +
                log));
        QFile manifest(m_dir.path() + "/manifest.jsonl");
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        for (const QByteArray& line : manifest.readAll().split('\n')) {
            if (line.trimmed().isEmpty()) continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            Reference r;
            r.file = o.value("file").toString();
            r.values = o.value("values").toString();
            r.photometric = o.value("photometric").toString();
            r.syntax = o.value("syntax").toString();
            r.frames = o.value("frames").toInt();
            r.rows = o.value("rows").toInt();
            r.columns = o.value("columns").toInt();
            r.channels = o.value("channels").toInt();
            r.bitsStored = o.value("bits_stored").toInt();
            r.lossy = o.value("lossy").toBool();
            m_refs << r;
        }
        qInfo("pydicom decodes %d files of its test folder", int(m_refs.size()));
        QVERIFY(m_refs.size() >= 40);
    }

    void everyFileLoadsOrFailsCleanly() {
        int loaded = 0, refused = 0;
        QDirIterator it(kFolder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            try {
                const ImageData img = loadImageData(path.toStdString());
                QVERIFY(img.width > 0 && img.height > 0);
                QCOMPARE(img.values.size(), std::size_t(img.width) * img.height * img.channels);
                const RgbImage d = renderDisplay(img);
                QCOMPARE(d.pixels.size(), std::size_t(img.width) * img.height * 3);
                ++loaded;
            } catch (const std::runtime_error& e) {
                QVERIFY2(QString(e.what()).startsWith(path + ": "), e.what());
                qInfo("refused: %s", e.what() + kFolder.size() + 1);
                ++refused;
            }
        }
        qInfo(
            "pydicom test files: %d loaded and rendered, %d refused with an error naming the file, 0 crashes",
            loaded, refused);
        QVERIFY(loaded >= 80);
    }

    // Every file pydicom decodes, every frame, against pydicom's values.
    void matchesPydicom_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_refs.size(); ++i) QTest::newRow(qPrintable(m_refs[i].file)) << i;
    }
    void matchesPydicom() {
        QFETCH(int, index);
        const Reference& r = m_refs[index];
        const QString path = kFolder + "/" + r.file;
        QFile f(r.values);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        const std::size_t frameValues = std::size_t(r.rows) * r.columns * r.channels;
        QCOMPARE(std::size_t(raw.size()), frameValues * r.frames * sizeof(float));
        const auto* ref = reinterpret_cast<const float*>(raw.constData());
        // Colour above 16 bits: we render 16-bit output, DCMTK scaling the stored range down.
        const double refScale =
            r.channels == 3 && r.bitsStored > 16 ? 65535.0 / (std::pow(2.0, r.bitsStored) - 1) : 1.0;
        const bool jpegLossy = r.syntax == "1.2.840.10008.1.2.4.50" || r.syntax == "1.2.840.10008.1.2.4.51";
        const bool ybr = r.photometric.startsWith("YBR_FULL");
        // Tolerances: lossless and JPEG 2000 (OpenJPEG on both sides) exact, up to float rounding
        // (1e-3 relative). JPEG lossy: DCMTK's IJG decoder against Pillow's libjpeg-turbo, both with
        // the accurate integer IDCT; measured equal on all 14 files, one level allowed. Uncompressed
        // YBR_FULL_422: DCMTK's integer YCbCr->RGB against pydicom's float one, one level (measured
        // max 1, mean 0.29). 32-bit colour: DCMTK's 16-bit output against the scaled reference.
        double maxTol = 1e-3, meanTol = 1e-4;
        if (refScale != 1.0) maxTol = 0.5, meanTol = 0.1;
        if (ybr && !jpegLossy) maxTol = 1.0, meanTol = 0.5;
        if (jpegLossy) maxTol = 1.0, meanTol = 0.1;
        Difference worst;
        for (int frame = 0; frame < r.frames; ++frame) {
            LoadOptions opt;
            opt.frame = frame;
            ImageData img;
            try {
                img = loadImageData(path.toStdString(), opt);
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString("pydicom decodes it, we do not: ") + e.what()));
            }
            QCOMPARE(img.width, r.columns);
            QCOMPARE(img.height, r.rows);
            QCOMPARE(img.channels, r.channels);
            QCOMPARE(renderDisplay(img).pixels.size(), std::size_t(r.rows) * r.columns * 3);
            const Difference d = compare(img.values, ref + frameValues * frame, refScale);
            worst.max = std::max(worst.max, d.max);
            worst.mean = std::max(worst.mean, d.mean);
        }
        qInfo("%-44s %-12s %-24s frames %2d  max |diff| %8.4g  mean %8.4g  (tolerance %g / %g)",
              qPrintable(r.file), qPrintable(r.photometric), qPrintable(r.syntax), r.frames, worst.max,
              worst.mean, maxTol, meanTol);
        const double scale = std::max(1.0, double(*std::max_element(ref, ref + frameValues * r.frames)));
        QVERIFY2(worst.max <= maxTol * (maxTol < 1e-2 ? scale : 1.0) &&
                     worst.mean <= meanTol * (meanTol < 1e-2 ? scale : 1.0),
                 qPrintable(QString("max %1 mean %2").arg(worst.max).arg(worst.mean)));
    }

    void twinsDecodeAlike_data() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("twin");
        for (const QString twin : {"MR_small_bigendian.dcm", "MR_small_implicit.dcm", "MR_small_RLE.dcm",
                                   "MR_small_jpeg_ls_lossless.dcm", "MR_small_expb.dcm",
                                   "MR_small_padded.dcm", "MR_small_jp2klossless.dcm"})
            QTest::newRow(qPrintable(twin)) << "MR_small.dcm" << twin;
        QTest::newRow("liver big endian") << "liver_1frame.dcm"
                                          << "liver_expb_1frame.dcm";
        QTest::newRow("rtdose RLE") << "rtdose_1frame.dcm"
                                    << "rtdose_rle_1frame.dcm";
        QTest::newRow("rtdose 32-bit big endian") << "rtdose_1frame.dcm"
                                                  << "rtdose_expb_1frame.dcm";
    }
    void twinsDecodeAlike() {
        QFETCH(QString, reference);
        QFETCH(QString, twin);
        QVERIFY(QFile::exists(kFolder + "/" + twin) && QFile::exists(kFolder + "/" + reference));
        const ImageData a = loadImageData((kFolder + "/" + reference).toStdString());
        const ImageData b = loadImageData((kFolder + "/" + twin).toStdString());
        QCOMPARE(a.values, b.values);
    }

    // The JPEG 2000 decoder also serves DCMTK's whole-dataset decompression (not only frame access):
    // the lossless JPEG 2000 twin of MR_small decompresses to MR_small's stored pixels.
    void jpeg2000WholeDatasetDecompression() {
        registerDicomCodecs();
        DcmFileFormat plain, j2k;
        QVERIFY(plain.loadFile((kFolder + "/MR_small.dcm").toStdString().c_str()).good());
        QVERIFY(j2k.loadFile((kFolder + "/MR_small_jp2klossless.dcm").toStdString().c_str()).good());
        DcmDataset* ds = j2k.getDataset();
        QVERIFY(ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr).good());
        QVERIFY(ds->canWriteXfer(EXS_LittleEndianExplicit));
        const Uint16* a = nullptr;
        const Uint16* b = nullptr;
        unsigned long na = 0, nb = 0;
        QVERIFY(plain.getDataset()->findAndGetUint16Array(DCM_PixelData, a, &na).good());
        QVERIFY(ds->findAndGetUint16Array(DCM_PixelData, b, &nb).good());
        QCOMPARE(nb, na);
        QVERIFY(std::equal(a, a + na, b));
    }
};

QTEST_GUILESS_MAIN(TestDicomPydicom)
#include "test_dicom_pydicom.moc"
