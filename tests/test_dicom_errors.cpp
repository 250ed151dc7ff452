// Bad input and folders: truncated files, random bytes, no pixel data, a false JPEG 2000, absurd sizes, a
// folder of mixed files scanned into series (ordered, grouped, cancellable) and loaded in parallel.
#include "imaging/dicom_series.h"
#include "imaging/image_loader.h"
#include "fixtures/dicom_maker.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace stllava;
using dicomtest::makeDicom16;
using dicomtest::makeDicom8;
using dicomtest::runTool;

namespace {
constexpr int W = 16, H = 12;
std::vector<std::uint8_t> pattern() {
    std::vector<std::uint8_t> px(W * H);
    for (int i = 0; i < W * H; ++i) px[i] = static_cast<std::uint8_t>(i * 3);
    return px;
}
QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
bool writeAll(const QString& path, const QByteArray& b) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
}
}  // namespace

class TestDicomErrors : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString p(const QString& name) const { return m_dir.path() + "/" + name; }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeDicom8(m_dir.path(), "good.dcm", W, H, pattern()));
        std::vector<std::int16_t> big(256 * 256, 100);
        QVERIFY(makeDicom16(m_dir.path(), "big.dcm", 256, 256, big, 16, true));
    }

    void malformed_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        const QByteArray good = readAll(p("good.dcm"));
        const QByteArray big = readAll(p("big.dcm"));
        QVERIFY(!good.isEmpty() && !big.isEmpty());
        // Truncated inside the pixel data, and inside the header.
        QVERIFY(writeAll(p("trunc_pixels.dcm"), big.left(big.size() - 5000)));
        QTest::newRow("truncated pixel data") << p("trunc_pixels.dcm") << "";
        QVERIFY(writeAll(p("trunc_header.dcm"), good.left(200)));
        QTest::newRow("truncated header") << p("trunc_header.dcm") << "";
        // Random bytes, with and without a DICM preamble.
        std::mt19937 rng(5);
        QByteArray noise(4096, '\0');
        for (char& c : noise) c = char(rng() & 0xFF);
        QVERIFY(writeAll(p("noise.bin"), noise));
        QTest::newRow("random bytes") << p("noise.bin") << "not a recognised image";
        QByteArray fake = QByteArray(128, '\0') + "DICM" + noise;
        QVERIFY(writeAll(p("fake.dcm"), fake));
        QTest::newRow("DICM then noise") << p("fake.dcm") << "";
        QVERIFY(writeAll(p("text.txt"), "hello, this is not an image\n"));
        QTest::newRow("text file") << p("text.txt") << "not a recognised image";
        QVERIFY(writeAll(p("empty.dcm"), QByteArray()));
        QTest::newRow("empty file") << p("empty.dcm") << "empty file";
        QTest::newRow("missing file") << p("does_not_exist.dcm") << "cannot open";
        // No pixel data.
        QVERIFY(QFile::copy(p("good.dcm"), p("nopixels.dcm")));
        QVERIFY(runTool("dcmodify", {"-nb", "-e", "(7fe0,0010)", p("nopixels.dcm")}));
        QTest::newRow("no pixel data") << p("nopixels.dcm") << "no pixel data";
        // Absurd dimensions: refused from the header, before any allocation.
        QVERIFY(QFile::copy(p("good.dcm"), p("huge.dcm")));
        QVERIFY(runTool("dcmodify", {"-nb", "-m", "(0028,0010)=65000", "-m", "(0028,0011)=65000", p("huge.dcm")}));
        QTest::newRow("absurd dimensions") << p("huge.dcm") << "exceeds the limit";
        QVERIFY(QFile::copy(p("good.dcm"), p("short.dcm")));
        QVERIFY(runTool("dcmodify", {"-nb", "-m", "(0028,0010)=1000", "-m", "(0028,0011)=1000", p("short.dcm")}));
        QTest::newRow("pixel data shorter than the header says") << p("short.dcm") << "truncated";
        QVERIFY(QFile::copy(p("good.dcm"), p("zero.dcm")));
        QVERIFY(runTool("dcmodify", {"-nb", "-m", "(0028,0010)=0", p("zero.dcm")}));
        QTest::newRow("zero rows") << p("zero.dcm") << "Rows";
        // JPEG 2000 syntax over a JPEG lossless stream (same UID length): the OpenJPEG decoder says why.
        QVERIFY(runTool("dcmcjpeg", {p("good.dcm"), p("jpl.dcm")}));
        QByteArray j = readAll(p("jpl.dcm"));
        const int at = j.indexOf("1.2.840.10008.1.2.4.70");
        QVERIFY(at > 0);
        j.replace(at, 22, "1.2.840.10008.1.2.4.90");
        QVERIFY(writeAll(p("j2k.dcm"), j));
        QTest::newRow("JPEG 2000") << p("j2k.dcm") << "JPEG 2000: the frame is neither a codestream";
        // A transfer syntax DCMTK has never heard of.
        j.replace(at, 22, "1.2.840.10008.1.2.4.99");
        QVERIFY(writeAll(p("unknown_ts.dcm"), j));
        QTest::newRow("unknown syntax") << p("unknown_ts.dcm") << "unsupported transfer syntax";
        // Corrupt compressed stream: the JPEG bytes are overwritten.
        QByteArray corrupt = readAll(p("jpl.dcm"));
        const int soi = corrupt.lastIndexOf(QByteArray("\xFF\xD8", 2));
        QVERIFY(soi > 0);
        for (int i = soi + 2; i < corrupt.size() - 20; ++i) corrupt[i] = char(rng() & 0xFF);
        QVERIFY(writeAll(p("corrupt_jpeg.dcm"), corrupt));
        QTest::newRow("corrupt JPEG stream") << p("corrupt_jpeg.dcm") << "";
    }
    void malformed() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        try {
            const ImageData img = loadImageData(file.toStdString());
            // A corrupt stream may still decode to garbage of the right size; it must not crash.
            QVERIFY2(QFileInfo(file).fileName() == "corrupt_jpeg.dcm", "loaded a malformed file");
            QCOMPARE(img.values.size(), std::size_t(W * H));
        } catch (const std::runtime_error& e) {
            const QString msg = e.what();
            qInfo("%s", e.what());
            QVERIFY2(msg.startsWith(file + ": "), qPrintable(msg));  // names the file
            QVERIFY2(reason.isEmpty() || msg.contains(reason), qPrintable(msg));
        }
    }

    void frameCapsChecked() {
        LoadOptions opt;
        opt.limits.maxSide = 8;
        QVERIFY_EXCEPTION_THROWN(loadImageData(p("good.dcm").toStdString(), opt), std::runtime_error);
        opt.limits = {};
        opt.limits.maxFrameBytes = 100;
        QVERIFY_EXCEPTION_THROWN(loadImageData(p("good.dcm").toStdString(), opt), std::runtime_error);
    }

    void seriesScan() {
        const QString root = p("study");
        QVERIFY(QDir().mkpath(root + "/a/deeper"));
        QVERIFY(QDir().mkpath(root + "/b"));
        // Series 1: instances 3, 1, 2 in shuffled places; series 2: one file; plus junk.
        const int order[] = {3, 1, 2};
        for (int k = 0; k < 3; ++k) {
            const QString f = root + (k == 1 ? "/a/deeper" : "/a") + QString("/s1_%1.dcm").arg(k);
            QVERIFY(QFile::copy(p("good.dcm"), f));
            QVERIFY(runTool("dcmodify", {"-nb", "-i", "(0020,000d)=1.2.3.4", "-i", "(0020,000e)=1.2.3.4.1", "-i",
                                         QString("(0020,0013)=%1").arg(order[k]), "-i", "(0020,0011)=1", f}));
        }
        QVERIFY(QFile::copy(p("good.dcm"), root + "/b/s2.dcm"));
        QVERIFY(runTool("dcmodify", {"-nb", "-i", "(0020,000d)=1.2.3.4", "-i", "(0020,000e)=1.2.3.4.2", "-i",
                                     "(0020,0011)=2", root + "/b/s2.dcm"}));
        QVERIFY(writeAll(root + "/notes.txt", "not dicom"));
        QVERIFY(QFile::copy(p("fake.dcm"), root + "/b/fake.dcm"));
        // Thousands of mixed non-DICOM files (bytes, text, a PNG-like header) beside the series.
        for (int i = 0; i < 3000; ++i) {
            const QByteArray body = i % 3 == 0 ? QByteArray(64, char(i)) : i % 3 == 1 ? QByteArray("text file ") + QByteArray::number(i)
                                                                                      : QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(20, 'x');
            QVERIFY(writeAll(root + QString("/b/junk%1.bin").arg(i), body));
        }

        std::int64_t calls = 0;
        const ScanResult r = scanDicomFolder(root.toStdString(), [&](const Progress& pr) {
            ++calls;
            return pr.stage == "scanning";
        });
        QVERIFY(calls > 0);
        QCOMPARE(r.series.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(r.series[0].seriesUid), QString("1.2.3.4.1"));
        QCOMPARE(r.series[0].files.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k) QCOMPARE(r.series[0].files[k].instanceNumber, k + 1);
        QCOMPARE(r.series[1].files.size(), std::size_t(1));
        QVERIFY(r.skipped >= 3000);
        QCOMPARE(r.errors.size(), std::size_t(1));  // fake.dcm, named
        QVERIFY(r.errors[0].path.find("fake.dcm") != std::string::npos);

        // Parallel load keeps the order; progress reaches the total.
        std::int64_t last = 0;
        const auto slices = loadSeries(r.series[0], {}, 3, [&](const Progress& pr) {
            last = std::max(last, pr.done);
            return true;
        });
        QCOMPARE(slices.size(), std::size_t(3));
        QCOMPARE(last, std::int64_t(3));
        for (int k = 0; k < 3; ++k) {
            QVERIFY2(slices[k].image != nullptr, slices[k].error.c_str());
            QCOMPARE(slices[k].image->tags.instanceNumber, k + 1);
        }
        // Cancel.
        QVERIFY_EXCEPTION_THROWN(scanDicomFolder(root.toStdString(), [](const Progress&) { return false; }), Cancelled);
        QVERIFY_EXCEPTION_THROWN(loadSeries(r.series[0], {}, 2, [](const Progress&) { return false; }), Cancelled);
        QVERIFY_EXCEPTION_THROWN(scanDicomFolder(p("good.dcm").toStdString()), std::runtime_error);
    }
};

QTEST_GUILESS_MAIN(TestDicomErrors)
#include "test_dicom_errors.moc"
