// Real-world files no one here wrote: every file in Debian python3-pydicom's test_files folder either
// loads or fails with an error naming the file, in-process, never a crash. Known files are checked
// against pydicom's own decoding (values after the modality LUT) and against their twins in other
// transfer syntaxes. Skipped when python3-pydicom is not installed.
#include "imaging/image_loader.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stllava;

namespace {
const QString kFolder = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
}

class TestDicomPydicom : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo(kFolder).isDir()) QSKIP("python3-pydicom's test files are not installed");
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
        qInfo("pydicom test files: %d loaded, %d refused with an error naming the file", loaded, refused);
        QVERIFY(loaded >= 20);
    }

    void jpeg2000IsRefusedByName() {
        for (const QString name : {"JPEG2000.dcm", "MR_small_jp2klossless.dcm"}) {
            const QString path = kFolder + "/" + name;
            if (!QFile::exists(path)) continue;
            try {
                loadImageData(path.toStdString());
                QFAIL("JPEG 2000 cannot be decoded by DCMTK and must be refused");
            } catch (const std::runtime_error& e) {
                QVERIFY2(QString(e.what()).contains("unsupported transfer syntax JPEG 2000"), e.what());
            }
        }
    }

    void twinsDecodeAlike_data() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("twin");
        for (const QString twin : {"MR_small_bigendian.dcm", "MR_small_implicit.dcm", "MR_small_RLE.dcm",
                                   "MR_small_jpeg_ls_lossless.dcm", "MR_small_expb.dcm", "MR_small_padded.dcm"})
            QTest::newRow(qPrintable(twin)) << "MR_small.dcm" << twin;
        QTest::newRow("liver big endian") << "liver_1frame.dcm" << "liver_expb_1frame.dcm";
        QTest::newRow("rtdose RLE") << "rtdose_1frame.dcm" << "rtdose_rle_1frame.dcm";
    }
    void twinsDecodeAlike() {
        QFETCH(QString, reference);
        QFETCH(QString, twin);
        if (!QFile::exists(kFolder + "/" + twin) || !QFile::exists(kFolder + "/" + reference)) QSKIP("file not shipped");
        const ImageData a = loadImageData((kFolder + "/" + reference).toStdString());
        const ImageData b = loadImageData((kFolder + "/" + twin).toStdString());
        QCOMPARE(a.values, b.values);
    }

    // pydicom's pixel_array after apply_modality_lut, written as float32 by /usr/bin/python3.
    void matchesPydicom_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("CT_small (HU)") << "CT_small.dcm";
        QTest::newRow("MR_small") << "MR_small.dcm";
        QTest::newRow("RGB RLE") << "SC_rgb_rle.dcm";
        QTest::newRow("JPEG lossless 16-bit RLE rtdose") << "rtdose_rle_1frame.dcm";
    }
    void matchesPydicom() {
        QFETCH(QString, name);
        const QString path = kFolder + "/" + name;
        if (!QFile::exists(path)) QSKIP("file not shipped");
        QTemporaryDir dir;
        const QString out = dir.path() + "/values.f32";
        const QString script =
            "import sys, numpy as np, pydicom\n"
            "from pydicom.pixel_data_handlers.util import apply_modality_lut\n"
            "ds = pydicom.dcmread(sys.argv[1])\n"
            "a = ds.pixel_array\n"
            "if ds.get('SamplesPerPixel', 1) == 1: a = apply_modality_lut(a, ds)\n"
            "np.asarray(a, dtype=np.float32).tofile(sys.argv[2])\n";
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start("/usr/bin/python3", {"-c", script, path, out});
        QVERIFY(py.waitForFinished(60000));
        if (py.exitCode() != 0) QSKIP(qPrintable("pydicom could not decode it: " + QString(py.readAll()).right(200)));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        const ImageData img = loadImageData(path.toStdString());
        QCOMPARE(std::size_t(raw.size()) / 4, img.values.size());
        const float* ref = reinterpret_cast<const float*>(raw.constData());
        double worst = 0;
        for (std::size_t i = 0; i < img.values.size(); ++i) worst = std::max(worst, std::fabs(double(ref[i]) - img.values[i]));
        // rtdose: 32-bit with a tiny dose grid scaling, float rounding only.
        QVERIFY2(worst <= 1e-3 * std::max(1.0, double(*std::max_element(ref, ref + img.values.size()))),
                 qPrintable(QString("max abs diff %1").arg(worst)));
    }
};

QTEST_GUILESS_MAIN(TestDicomPydicom)
#include "test_dicom_pydicom.moc"
