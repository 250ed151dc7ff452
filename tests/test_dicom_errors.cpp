// Bad input and folders: truncated files, random bytes, no pixel data, a false JPEG 2000, absurd sizes, a
// folder of mixed files scanned into series (ordered, grouped, cancellable) and loaded in parallel.
#include "imaging/dicom_fragment_guard.h"
#include "imaging/dicom_series.h"
#include "imaging/image_loader.h"
#include "fixtures/dicom_maker.h"

#include <QDir>
#include <QElapsedTimer>
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

    // Fuzz finding (tests/fuzz dicom target): these exact bytes, pydicom's SC_rgb_jpeg_dcmtk.dcm with
    // its DQT marker turned into TEM (FF01), hung DCMTK 3.6.7's JPEG decoder forever
    // (DJCodecDecoder::scanJpegDataForBitDepth does not move past FF01). Refused now, at once.
    void jpegTemMarkerRefusedNotHung() {
        const QByteArray bytes = QByteArray::fromBase64(
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABESUNNAgAAAFVMBADIAAAAAgABAE9C"
        "AAACAAAAAAECAAIAVUkaADEuMi44NDAuMTAwMDguNS4xLjQuMS4xLjcAAgADAFVJNgAxLjIuMjc2LjAuNzIzMDAxMC4zLjEuNC44"
        "MzIzMzI5LjU4MDUuMTUxMjE1OTUxNC40NTc5MzYCABAAVUkWADEuMi44NDAuMTAwMDguMS4yLjQuNTACABIAVUkcADEuMi4yNzYu"
        "MC43MjMwMDEwLjMuMC4zLjYuMQACABMAU0gQAE9GRklTX0RDTVRLXzM2MSAIAAUAQ1MKAElTT19JUiAxOTIIAAgAQ1MYAERFUklW"
        "RURcU0VDT05EQVJZXE9USEVSIAgAFgBVSRoAMS4yLjg0MC4xMDAwOC41LjEuNC4xLjEuNwAIABgAVUk2ADEuMi4yNzYuMC43MjMw"
        "MDEwLjMuMS40LjgzMjMzMjkuNTgwNS4xNTEyMTU5NTE0LjQ1NzkzNggAIABEQQgAMjAxNzAxMDEIACMAREEAAAgAKgBEVAAACAAw"
        "AFRNBgAxMjAwMDAIADMAVE0AAAgAUABTSAAACABgAENTAgBPVAgAZABDUwQAU1lOIAgAkABQTg4ATW9yaWFydHleSmFtZXMIABEh"
        "U1RWAExvc3N5IGNvbXByZXNzaW9uIHdpdGggSlBFRyBiYXNlbGluZSwgSUpHIHF1YWxpdHkgZmFjdG9yIDkwLCBjb21wcmVzc2lv"
        "biByYXRpbyAxNS41MTIgCAASIVNRAADAAAAA/v8A4LgAAAAIAFARVUkaADEuMi44NDAuMTAwMDguNS4xLjQuMS4xLjcACABVEVVJ"
        "QAAxLjIuODI2LjAuMS4zNjgwMDQzLjguNDk4LjQ5MDQzOTY0NDgyMzYwODU0MTgyNTMwMTY3NjAzNTA1NTI1MTE2QABwoVNRAABC"
        "AAAA/v8A4DoAAAAIAAABU0gGADEyMTMyMAgAAgFTSAQARENNIAgABAFMTxgAVW5jb21wcmVzc2VkIHByZWRlY2Vzc29yCAAVklNR"
        "AAA8AAAA/v8A4DQAAAAIAAABU0gGADExMzA0MAgAAgFTSAQARENNIAgABAFMTxIATG9zc3kgQ29tcHJlc3Npb24gEAAQAFBOCgBM"
        "ZXN0cmFkZV5HEAAgAExPBABJRDEgEAAwAERBAAAQAEAAQ1MCAEYgEAAQEEFTBAAwMjRZGAAAUUNTAAAgAA0AVUlAADEuMi44MjYu"
        "MC4xLjM2ODAwNDMuOC40OTguMTI0MDY4MzE1NDI3MzEwNTEwMzUyOTUzNDUwODAwMzk4NDUxMTQgAA4AVUlAADEuMi44MjYuMC4x"
        "LjM2ODAwNDMuOC40OTguMTYxNTcyMjkwODM3OTM1NTYzMzI2MjMzMzA1MDIzOTcxMjEwNjIgABAAU0gCADEgIAARAElTAgAxICAA"
        "EwBJUwIAMSAgACAAQ1MAACAAYABDUwAAIAAAQExUDAFUZXN0IEltYWdlIHdpdGggMTAgcm93cyBvZiAoMjU1LDAsMCksIDEwIHJv"
        "d3Mgb2YgKDI1NSwxMjgsMTI4KSwgMTAgcm93cyBvZiAoMCwyNTUsMCksIDEwIHJvd3Mgb2YgKDEyOCwyNTUsMTI4KSwgMTAgcm93"
        "cyBvZiAoMCwwLDI1NSksIDEwIHJvd3Mgb2YgKDEyOCwxMjgsMjU1KSwgMTAgcm93cyBvZiAoMCwwLDApLCAxMCByb3dzIG9mICg2"
        "NCw2NCw2NCksIDEwIHJvd3Mgb2YgKDE5MiwxOTIsMTkyKSwgMTAgcm93cyBvZiAoMjU1LDI1NSwyNTUpLCB1bmNvbXByZXNzZWQg"
        "KAACAFVTAgADACgABABDUwQAUkdCICgABgBVUwIAAAAoABAAVVMCAGQAKAARAFVTAgBkACgAMABEUwgAMS4wXDEuMCAoAAABVVMC"
        "AAgAKAABAVVTAgAIACgAAgFVUwIABwAoAAMBVVMCAAAAKAAQIUNTAgAwMSgAEiFEUwYAMTUuNTEyKAAUIUNTDABJU09fMTA5MThf"
        "MSDgfxAAT0IAAP/////+/wDgBAAAAAAAAAD+/wDgjgcAAP/Y/+4ADkFkb2JlAGQAAAAAAP8Bz0MAAwICAwICAwMDAwQDAwQFCAUF"
        "BAQFCgcHBggMCgwMCwoLCw0OEhANDhEOCwsQFhARExQVFRUMDxcYFhQYEhQVFP/AABEIAGQAZANSEQBHEQBCEQD/xAAZAAEBAQEB"
        "AQAAAAAAAAAAAAAACQgHBgr/xAAmEAABAAgGAwEAAAAAAAAAAAAAAwQGBxcYVaRWZqXS0+MZZ6bk/9oADANSAEcAQgAAPwCqZKol"
        "UAAAAAAAAAAAAAAAAAACgErbsMM361ylAJW3YYZv1rlAlbdhhm/WuUStuwwzfrXKBK27DDN+tcolbdhhm/WuUCVt2GGb9a5RK27D"
        "DN+tcoErbsMM361yiVt2GGb9a5QJW3YYZv1rlErbsMM361ygStuwwzfrXKJW3YYZv1rlAlbdhhm/WuUStuwwzfrXKBK27DDN+tco"
        "lbdhhm/WuUCVt2GGb9a5RK27DDN+tcoErbsMM361yiVt2GGb9a5QJW3YYZv1rlErbsMM361ygStuwwzfrXKJW3YYZv1rlJV+c70n"
        "9X+I39IznbSe85TPRknVugec70n9X+ISM520nvE9GSdW6B5zvSf1f4hIznbSe8T0ZJ1boHnO9J/V/iEjOdtJ7xPRknVugec70n9X"
        "+ISM520nvE9GSdW6B5zvSf1f4hIznbSe8T0ZJ1boHnO9J/V/iEjOdtJ7xPRknVugec70n9X+ISM520nvE9GSdW6B5zvSf1f4hIzn"
        "bSe8T0ZJ1boHnO9J/V/iEjOdtJ7xPRknVugec70n9X+ISM520nvE9GSdW6B5zvSf1f4hIznbSe8T0ZJ1boHnO9J/V/iEjOdtJ7xP"
        "RknVugwBK28/DN+q8pqo5VK28/DN+q8olbefhm/VeUCVt5+Gb9V5RK28/DN+q8oErbz8M36ryiVt5+Gb9V5QJW3n4Zv1XlErbz8M"
        "36rygStvPwzfqvKJW3n4Zv1XlAlbefhm/VeUStvPwzfqvKBK28/DN+q8olbefhm/VeUCVt5+Gb9V5RK28/DN+q8oErbz8M36ryiV"
        "t5+Gb9V5QJW3n4Zv1XlErbz8M36rygStvPwzfqvKJW3n4Zv1XlAlbefhm/VeUStvPwzfqvKBK28/DN+q8pQAFAAAAAAAAAAAAAAA"
        "AAAACVR8q5VMAAAAAAAAAAAAAAAAAAoBK27DDN+tcpQCVt2GGb9a5QJW3YYZv1rlErbsMM361ygStuwwzfrXKJW3YYZv1rlAlbdh"
        "hm/WuUStuwwzfrXKBK27DDN+tcolbdhhm/WuUCVt2GGb9a5RK27DDN+tcoErbsMM361yiVt2GGb9a5QJW3YYZv1rlErbsMM361yg"
        "StuwwzfrXKJW3YYZv1rlAlbdhhm/WuUStuwwzfrXKBK27DDN+tcolbdhhm/WuUCVt2GGb9a5RK27DDN+tcoErbsMM361yiVt2GGb"
        "9a5QcpnoyTq3QcpnoyTq3QSr853pP6v8QnoyTq3QJ6Mk6t0Dznek/q/xCejJOrdAnoyTq3QPOd6T+r/EJ6Mk6t0CejJOrdA853pP"
        "6v8AEJ6Mk6t0CejJOrdA853pP6v8QnoyTq3QJ6Mk6t0Dznek/q/xCejJOrdAnoyTq3QPOd6T+r/EJ6Mk6t0CejJOrdA853pP6v8A"
        "EJ6Mk6t0CejJOrdA853pP6v8QnoyTq3QJ6Mk6t0Dznek/q/xCejJOrdAnoyTq3QPOd6T+r/EJ6Mk6t0CejJOrdA853pP6v8AEJ6M"
        "k6t0CejJOrdA853pP6v8Rn+FrT0y4RbjP8LWnplwi3E1YWtPTLhFuELWnplwi3CFrT0y4RbhC1p6ZcItwha09MuEW4QtaemXCLcI"
        "WtPTLhFuELWnplwi3CFrT0y4RbhC1p6ZcItwha09MuEW4QtaemXCLcIWtPTLhFuELWnplwi3CFrT0y4RbhC1p6ZcItwha09MuEW4"
        "QtaemXCLcIWtPTLhFuELWnplwi3CFrT0y4RbhC1p6ZcItwha09MuEW4QtaemXCLcIWtPTLhFuELWnplwi3CFrT0y4RbhC1p6ZcIt"
        "wha09MuEW4QtaemXCLcIWtPTLhFuELWnplwi3CFrT0y4RbhC1p6ZcItwha09MuEW4QtaemXCLcIWtPTLhFuNAGgDQAAAAAAAAAAA"
        "AAAAAAABVYqsVWAAAAAAAAAAAAAAAAAAO/QuZimXCXcd+hczFMuEu479C5mKZcJdwhczFMuEu4QuZimXCXcIXMxTLhLuELmYplwl"
        "3CFzMUy4S7hC5mKZcJdwhczFMuEu4QuZimXCXcIXMxTLhLuELmYplwl3CFzMUy4S7hC5mKZcJdwhczFMuEu4QuZimXCXcIXMxTLh"
        "LuELmYplwl3CFzMUy4S7hC5mKZcJdwhczFMuEu4QuZimXCXcIXMxTLhLuELmYplwl3CFzMUy4S7hC5mKZcJdwhczFMuEu4QuZimX"
        "CXcIXMxTLhLuELmYplwl3CFzMUy4S7hC5mKZcJdwhczFMuEu4QuZimXCXcIXMxTLhLuELmYplwl3CFzMUy4S7hC5mKZcJdx6o9Ue"
        "qAAAAAAAAAAAAAAAAAAP/9kA/v/d4AAAAAA=");
        QCOMPARE(bytes.size(), 3626);
        const QString file = p("tem_marker.dcm");
        QVERIFY(writeAll(file, bytes));
        QElapsedTimer timer;
        timer.start();
        try {
            loadImageData(file.toStdString());
            QFAIL("loaded");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).startsWith(file + ": "), e.what());
            QVERIFY2(QString(e.what()).contains("TEM marker"), e.what());
        }
        QVERIFY(timer.elapsed() < 5000);
        // The walk itself, on the fragment's first bytes: FF01 after SOI + APP14 hangs DCMTK; the
        // original DQT (FFDB) there does not.
        QByteArray head = QByteArray::fromHex("ffd8ffee000e41646f626500640000000000ff01cf430003020203020203030303040303");
        const auto* h = reinterpret_cast<const std::uint8_t*>(head.constData());
        QVERIFY(dicom::jpegBitDepthScanHangs(h, std::size_t(head.size())));
        head[19] = char(0xdb);
        QVERIFY(!dicom::jpegBitDepthScanHangs(h, std::size_t(head.size())));
        // A frame header first: DCMTK returns at once.
        QVERIFY(!dicom::jpegBitDepthScanHangs(reinterpret_cast<const std::uint8_t*>("\xff\xd8\xff\xc0\x00\x11\x08"), 7));
    }

    // Fuzz finding (tests/fuzz dicom target): these exact bytes, pydicom's SC_rgb_rle_32bit_2frame.dcm
    // with the last segment offset of frame 2's RLE header turned into 4278126808, made DCMTK
    // 3.6.7's RLE decoder read wild memory (SIGSEGV) when frame 2 was loaded. Refused now.
    void rleSegmentOffsetOutsideFragmentRefused() {
        const QByteArray bytes = QByteArray::fromBase64(
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABESUNNAgAAAFVMBADQAAAAAgABAE9C"
        "AAACAAAAAAECAAIAVUkaADEuMi44NDAuMTAwMDguNS4xLjQuMS4xLjcAAgADAFVJQAAxLjIuODI2LjAuMS4zNjgwMDQzLjguNDk4"
        "LjQ5MDQzOTY0NDgyMzYwODU0MTgyNTMwMTY3NjAzNTA1NTI1MTE2AgAQAFVJFAAxLjIuODQwLjEwMDA4LjEuMi41AAIAEgBVSRwA"
        "MS4yLjI3Ni4wLjcyMzAwMTAuMy4wLjMuNi4yAAIAEwBTSBAAT0ZGSVNfRENNVEtfMzYyIAgABQBDUwoASVNPX0lSIDE5MggACABD"
        "UxgAREVSSVZFRFxTRUNPTkRBUllcT1RIRVIgCAAWAFVJGgAxLjIuODQwLjEwMDA4LjUuMS40LjEuMS43AAgAGABVSUAAMS4yLjgy"
        "Ni4wLjEuMzY4MDA0My44LjQ5OC40OTA0Mzk2NDQ4MjM2MDg1NDE4MjUzMDE2NzYwMzUwNTUyNTFlcxAAEABQTgoATGVzdHJhZGVe"
        "RxAAIABMTwQASUQxIBAAMABEQQAAEABAAENTAgBGIBAAEBBBUwQAMDI0WRgAAFFDUwAAIAANAFVJQAAxLjIuODI2LjAuMS4zNjgw"
        "MDQzLjguNDk4LjEyNDA2ODMxNTQyNzMxMDUxMDM1Mjk1MzQ1MDgwMDM5ODQ1MTE0IAAOAFVJQAAxLjIuODI2LjAuMS4zNjgwMDQz"
        "LjguNDk4LjE2MTU3MjI5MDgzNzkzNTU2MzMyNjIzMzMwNTAyMzk3MTIxMDYyIAAQAFNIAgAxICAAEQBJUwIAMSAgABMASVMCADEg"
        "IAAgAENTAAAgAGAAQ1MAACAAAEBMVAwBVGVzdCBJbWFnZSB3aXRoIDEwIHJvd3Mgb2YgKDI1NSwwLDApLCAxMCByb3dzIG9mICgy"
        "NTUsMTI4LDEyOCksIDEwIHJvd3Mgb2YgKDAsMjU1LDApLCAxMCByb3dzIG9mICgxMjgsMjU1LDEyOCksIDEwIHJvd3Mgb2YgKDAs"
        "MCwyNTUpLCAxMCByb3dzIG9mICgxMjgsMTI4LDI1NSksIDEwIHJvd3Mgb2YgKDAsMCwwKSwgMTAgcm93cyBvZiAoNjQsNjQsNjQp"
        "LCAxMCByb3dzIG9mICgxOTIsMTkyLDE5MiksIDEwIHJvd3Mgb2YgKDI1NSwyNTUsMjU1KSwgdW5jb21wcmVzc2VkICgAAgBVUwIA"
        "AwAoAAQAQ1MEAFJHQiAoAAYAVVMCAAAAKAAIAElTAgAyICgAEABVUwIAZAAoABEAVVMCAGQAKAAwAERTCAAxLjBcMS4wICgAAAFV"
        "UwIAIAAoAAEBVVMCACAAKAACAVVTAgAfACgAAwFVUwIAAADgfxAAT0IAAP/////+/wDgCAAAAAAAAACoCQAA/v8A4KAJAAAMAAAA"
        "QAAAAAgBAADQAQAAmAIAAGADAAAoBAAA8AQAALgFAACABgAASAcAABAIAADYCAAAAAAAAAAAAAAAAAAAnf+d/53/nf+d/53/nf+d"
        "/53/nf+d/53/nf+d/53/nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCdgJ2AnYCdAJ0AnQCdAJ0A"
        "nQCdAJ0AnQCdAJ2AnYCdgJ2AnYCdgJ2AnYCdgJ2AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdQJ1AnUCdQJ1AnUCdQJ1AnUCdQJ3AncCd"
        "wJ3AncCdwJ3AncCdwJ3Anf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/"
        "nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdgJ2AnYCdgJ2AnYCdgJ2AnYCdgJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCd"
        "gJ2AnYCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ1AnUCdQJ1AnUCdQJ1AnUCdQJ1AncCdwJ3AncCdwJ3AncCdwJ3AncCd/53/nf+d/53/"
        "nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+dAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ2AnYCd"
        "gJ2AnYCdgJ2AnYCdgJ2AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdgJ2AnYCdgJ2AnYCdgJ2AnYCdgJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nUCdQJ1AnUCdQJ1AnUCdQJ1AnUCdwJ3AncCdwJ3AncCdwJ3AncCdwJ3/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d"
        "/53/nf+d/53/nf+d/53/nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCdgJ2AnYCdAJ0AnQCdAJ0A"
        "nQCdAJ0AnQCdAJ2AnYCdgJ2AnYCdgJ2AnYCdgJ2AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdQJ1AnUCdQJ1AnUCdQJ1AnUCdQJ3AncCd"
        "wJ3AncCdwJ3AncCdwJ3Anf+d/53/nf+d/53/nf+d/53/nf+dAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ2AnYCdgJ2AnYCdgJ2AnYCdgJ2A"
        "nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCd"
        "gJ2AnYCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ1AnUCdQJ1AnUCdQJ1AnUCdQJ1AncCdwJ3AncCdwJ3AncCdwJ3AncCd/53/nf+d/53/"
        "nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCdgJ2AnYCd/53/nf+d/53/nf+d/53/nf+d/53/nf+d"
        "/53/nf+d/53/nf+d/53/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdgJ2AnYCdgJ2AnYCdgJ2AnYCdgJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nUCdQJ1AnUCdQJ1AnUCdQJ1AnUCdwJ3AncCdwJ3AncCdwJ3AncCdwJ3/nf+d/53/nf+d/53/nf+d/53/nQCdAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdgJ2AnYCdgJ2AnYCdgJ2AnYCdgJ3/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+dAJ0AnQCdAJ0A"
        "nQCdAJ0AnQCdAJ2AnYCdgJ2AnYCdgJ2AnYCdgJ2AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdQJ1AnUCdQJ1AnUCdQJ1AnUCdQJ3AncCd"
        "wJ3AncCdwJ3AncCdwJ3Anf+d/53/nf+d/53/nf+d/53/nf+dAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ2AnYCdgJ2AnYCdgJ2AnYCdgJ2A"
        "nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCd"
        "gJ2AnYCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ1AnUCdQJ1AnUCdQJ1AnUCdQJ1AncCdwJ3AncCdwJ3AncCdwJ3AncCd/53/nf+d/53/"
        "nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCdgJ2AnYCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ2AnYCd"
        "gJ2AnYCdgJ2AnYCdgJ2Anf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nUCdQJ1AnUCdQJ1AnUCdQJ1AnUCdwJ3AncCdwJ3AncCdwJ3AncCdwJ3/nf+d/53/nf+d/53/nf+d/53/nQCdAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdgJ2AnYCdgJ2AnYCdgJ2AnYCdgJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCdgJ2AnYCd/53/nf+d/53/"
        "nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdQJ1AnUCdQJ1AnUCdQJ1AnUCdQJ3AncCd"
        "wJ3AncCdwJ3AncCdwJ3Anf+d/53/nf+d/53/nf+d/53/nf+dAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ2AnYCdgJ2AnYCdgJ2AnYCdgJ2A"
        "nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdgJ2AnYCdgJ2AnYCdgJ2AnYCdgJ3/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d"
        "/53/nf+dAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ1AnUCdQJ1AnUCdQJ1AnUCdQJ1AncCdwJ3AncCdwJ3AncCdwJ3AncCd/53/nf+d/53/"
        "nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnYCdgJ2AnYCdgJ2AnYCdgJ2AnYCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ2AnYCd"
        "gJ2AnYCdgJ2AnYCdgJ2Anf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/53/nf+d/50AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nUCdQJ1AnUCdQJ1AnUCdQJ1AnUCdwJ3AncCdwJ3AncCdwJ3AncCdwJ3/nf+d/53/nf+d/53/nf+d/53//v8A4KAJAAAMAAAAQAAA"
        "AAgBAADQAQAAmAIAAGADAAAoBAAA8AQAALgFAACABgAASAcAABAIAADYCP/+AAAAAAAAAAAAAAAAnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/nX+d/53/nf+d/53/nf+d"
        "/53/nf+d/51/nX+df51/nX+df51/nX+df51/nf+d/53/nf+d/53/nf+d/53/nf+dv52/nb+dv52/nb+dv52/nb+dv50/nT+dP50/"
        "nT+dP50/nT+dP50/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0Anf+d"
        "/53/nf+d/53/nf+d/53/nf+df51/nX+df51/nX+df51/nX+df53/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/"
        "nX+d/53/nf+d/53/nf+d/53/nf+d/52/nb+dv52/nb+dv52/nb+dv52/nT+dP50/nT+dP50/nT+dP50/nT+dAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCd/53/nf+d/53/nf+d/53/nf+d/51/nX+df51/"
        "nX+df51/nX+df51/nf+d/53/nf+d/53/nf+d/53/nf+df51/nX+df51/nX+df51/nX+df53/nf+d/53/nf+d/53/nf+d/53/nb+d"
        "v52/nb+dv52/nb+dv52/nb+dP50/nT+dP50/nT+dP50/nT+dP50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/nX+d/53/nf+d/53/nf+d"
        "/53/nf+d/51/nX+df51/nX+df51/nX+df51/nf+d/53/nf+d/53/nf+d/53/nf+dv52/nb+dv52/nb+dv52/nb+dv50/nT+dP50/"
        "nT+dP50/nT+dP50/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCd/53/nf+d/53/nf+d/53/nf+d/51/nX+df51/nX+df51/nX+df51/nQCd"
        "AJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/"
        "nX+d/53/nf+d/53/nf+d/53/nf+d/52/nb+dv52/nb+dv52/nb+dv52/nT+dP50/nT+dP50/nT+dP50/nT+dAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/nX+dAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nQCdAJ0AnQCdAJ0Anf+d/53/nf+d/53/nf+d/53/nf+df51/nX+df51/nX+df51/nX+df53/nf+d/53/nf+d/53/nf+d/53/nb+d"
        "v52/nb+dv52/nb+dv52/nb+dP50/nT+dP50/nT+dP50/nT+dP50AnQCdAJ0AnQCdAJ0AnQCdAJ0Anf+d/53/nf+d/53/nf+d/53/"
        "nf+df51/nX+df51/nX+df51/nX+df50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCd/53/nf+d/53/nf+d"
        "/53/nf+d/51/nX+df51/nX+df51/nX+df51/nf+d/53/nf+d/53/nf+d/53/nf+dv52/nb+dv52/nb+dv52/nb+dv50/nT+dP50/"
        "nT+dP50/nT+dP50/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCd/53/nf+d/53/nf+d/53/nf+d/51/nX+df51/nX+df51/nX+df51/nQCd"
        "AJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/"
        "nX+d/53/nf+d/53/nf+d/53/nf+d/52/nb+dv52/nb+dv52/nb+dv52/nT+dP50/nT+dP50/nT+dP50/nT+dAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/nX+d/53/nf+d/53/nf+d/53/nf+d/51/nX+df51/"
        "nX+df51/nX+df51/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nb+d"
        "v52/nb+dv52/nb+dv52/nb+dP50/nT+dP50/nT+dP50/nT+dP50AnQCdAJ0AnQCdAJ0AnQCdAJ0Anf+d/53/nf+d/53/nf+d/53/"
        "nf+df51/nX+df51/nX+df51/nX+df53/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/nX+dAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0Anf+d/53/nf+d/53/nf+d/53/nf+dv52/nb+dv52/nb+dv52/nb+dv50/nT+dP50/"
        "nT+dP50/nT+dP50/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCd/53/nf+d/53/nf+d/53/nf+d/51/nX+df51/nX+df51/nX+df51/nf+d"
        "/53/nf+d/53/nf+d/53/nf+df51/nX+df51/nX+df51/nX+df50AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0A"
        "nQCd/53/nf+d/53/nf+d/53/nf+d/52/nb+dv52/nb+dv52/nb+dv52/nT+dP50/nT+dP50/nT+dP50/nT+dAJ0AnQCdAJ0AnQCd"
        "AJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nX+df51/nX+df51/nX+df51/nX+d/53/nf+d/53/nf+d/53/nf+d/51/nX+df51/"
        "nX+df51/nX+df51/nQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ0AnQCdAJ3/nf+d/53/nf+d/53/nf+d/53/nb+d"
        "v52/nb+dv52/nb+dv52/nb+dP50/nT+dP50/nT+dP50/nT+dP50AnQCdAJ0AnQCdAJ0AnQCdAJ0A/v/d4AAAAAA=");
        QCOMPARE(bytes.size(), 6140);
        const QString file = p("rle_offset.dcm");
        QVERIFY(writeAll(file, bytes));
        for (const int frame : {0, 1}) {
            LoadOptions opt;
            opt.frame = frame;
            try {
                loadImageData(file.toStdString(), opt);
                QFAIL("loaded");
            } catch (const std::runtime_error& e) {
                QVERIFY2(QString(e.what()).startsWith(file + ": "), e.what());
                QVERIFY2(QString(e.what()).contains("RLE fragment 2: RLE segment 12 starts at byte 4278126808, beyond the fragment's 2464 bytes"), e.what());
            }
        }
        // The header check itself.
        std::vector<std::uint8_t> header(100, 0);
        auto put = [&](int at, std::uint32_t v) { for (int i = 0; i < 4; ++i) header[at + i] = std::uint8_t(v >> (8 * i)); };
        put(0, 2); put(4, 64); put(8, 80);
        QCOMPARE(dicom::rleHeaderProblem(header.data(), header.size()), std::string());
        put(8, 100);
        QVERIFY(dicom::rleHeaderProblem(header.data(), header.size()).find("beyond") != std::string::npos);
        put(8, 64);
        QVERIFY(dicom::rleHeaderProblem(header.data(), header.size()).find("not after") != std::string::npos);
        put(0, 16);
        QVERIFY(dicom::rleHeaderProblem(header.data(), header.size()).find("16 segments") != std::string::npos);
        QVERIFY(!dicom::rleHeaderProblem(header.data(), 20).empty());
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
