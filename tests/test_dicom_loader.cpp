// DICOM loading on files made by DCMTK's own tools: round trips, modality LUT, windows, VOI LUT,
// MONOCHROME1, transfer syntaxes (compressed lossless must equal uncompressed), multi-frame, tags.
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"
#include "fixtures/dicom_maker.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace stllava;
using dicomtest::makeDicom16;
using dicomtest::makeDicom8;
using dicomtest::runTool;

namespace {
constexpr int W = 37, H = 29;  // odd sizes catch stride and padding mistakes

std::vector<std::uint8_t> greyPattern(unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> px(W * H);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) px[y * W + x] = static_cast<std::uint8_t>((x * 7 + y * 3 + (rng() % 5)) & 0xFF);
    px[0] = 0;
    px[1] = 255;
    return px;
}

// Stored 16-bit values: a ramp over [-1024, 3071] with noise (CT-like, signed 12-bit range).
std::vector<std::int16_t> ctPattern(int frames = 1) {
    std::mt19937 rng(3);
    std::vector<std::int16_t> v(static_cast<std::size_t>(W) * H * frames);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int16_t>(-1024 + static_cast<int>((i * 37 + rng() % 11) % 4096));
    return v;
}
}  // namespace

class TestDicomLoader : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString p(const QString& name) const { return m_dir.path() + "/" + name; }
    std::string s(const QString& name) const { return p(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(makeDicom8(m_dir.path(), "grey.dcm", W, H, greyPattern(1)));
        std::vector<std::uint8_t> rgb(W * H * 3);
        for (std::size_t i = 0; i < rgb.size(); ++i)  // smooth, so that lossy JPEG stays close
            rgb[i] = static_cast<std::uint8_t>(((i / 3) % W) * 5 + ((i / 3) / W) * 3 + (i % 3) * 40);
        QVERIFY(makeDicom8(m_dir.path(), "rgb.dcm", W, H, rgb, true));
        QVERIFY(makeDicom16(m_dir.path(), "ct.dcm", W, H, ctPattern(), 16, true,
                            {"-i", "(0008,0060)=CT", "-i", "(0018,0015)=CHEST", "-i", "(0028,1052)=-1024", "-i",
                             "(0028,1053)=1", "-i", "(0028,1050)=40\\-600", "-i", "(0028,1051)=400\\1500", "-i",
                             "(0028,1055)=SOFT\\LUNG", "-i", "(0028,0030)=0.5\\0.7", "-i", "(0010,0010)=Doe^Jane",
                             "-i", "(0008,1030)=Chest CT", "-i", "(0008,103e)=Axial 1mm", "-i", "(0008,0020)=20240131"}));
    }

    // PNG -> DICOM -> load: pixels identical (grey and RGB).
    void pngRoundTrip_data() {
        QTest::addColumn<bool>("colour");
        QTest::newRow("grey") << false;
        QTest::newRow("rgb") << true;
    }
    void pngRoundTrip() {
        QFETCH(bool, colour);
        RgbImage src;
        src.width = W;
        src.height = H;
        src.pixels.resize(W * H * 3);
        const auto grey = greyPattern(colour ? 7 : 8);
        for (int i = 0; i < W * H; ++i)
            for (int c = 0; c < 3; ++c)
                src.pixels[3 * i + c] = colour ? static_cast<std::uint8_t>((grey[i] + 85 * c) & 0xFF) : grey[i];
        const QString name = colour ? "rt_rgb" : "rt_grey";
        writePixelsPng(src, s(name + ".png"));
        const RgbImage png = loadDisplayImage(s(name + ".png"));
        QCOMPARE(png.pixels, src.pixels);
        // PNG -> BMP (the format img2dcm reads) -> DICOM
        std::vector<std::uint8_t> px;
        if (colour) px = png.pixels;
        else for (int i = 0; i < W * H; ++i) px.push_back(png.pixels[3 * i]);
        QVERIFY(makeDicom8(m_dir.path(), name + ".dcm", W, H, px, colour));
        const ImageData data = loadImageData(s(name + ".dcm"));
        QCOMPARE(data.source, ImageSource::Dicom);
        QCOMPARE(data.channels, colour ? 3 : 1);
        QCOMPARE(defaultWindow(data).width, 256.0);
        QCOMPARE(loadDisplayImage(s(name + ".dcm")).pixels, src.pixels);
    }

    void ctModalityAndWindows() {
        const ImageData ct = loadImageData(s("ct.dcm"));
        const auto stored = ctPattern();
        QCOMPARE(ct.width, W);
        QCOMPARE(ct.height, H);
        QCOMPARE(ct.values.size(), stored.size());
        for (std::size_t i = 0; i < stored.size(); ++i) QCOMPARE(ct.values[i], float(stored[i] - 1024));  // HU
        QCOMPARE(ct.fileWindows.size(), std::size_t(2));
        QCOMPARE(ct.fileWindows[0].center, 40.0);
        QCOMPARE(ct.fileWindows[0].width, 400.0);
        QCOMPARE(ct.fileWindows[1].center, -600.0);
        QCOMPARE(QString::fromStdString(ct.fileWindows[1].explanation), QString("LUNG"));
        QCOMPARE(ct.pixelSpacingRow, 0.5);
        QCOMPARE(ct.pixelSpacingCol, 0.7);
        QCOMPARE(QString::fromStdString(ct.tags.modality), QString("CT"));
        QCOMPARE(QString::fromStdString(ct.tags.bodyPart), QString("CHEST"));
        QCOMPARE(QString::fromStdString(ct.tags.patientName), QString("Doe^Jane"));
        QCOMPARE(QString::fromStdString(ct.tags.studyDescription), QString("Chest CT"));
        QCOMPARE(QString::fromStdString(ct.tags.seriesDescription), QString("Axial 1mm"));
        QCOMPARE(QString::fromStdString(ct.tags.studyDate), QString("20240131"));
        QCOMPARE(ct.tags.rescaleIntercept, -1024.0);
        // Expected grey levels by hand (PS3.3 C.11.2.1.2.1, c=40, w=400): edges at -160 and 239.5.
        const RgbImage soft = renderDisplay(ct);
        DisplayOptions lung;
        lung.mode = DisplayOptions::Mode::FileWindow;
        lung.index = 1;
        const RgbImage lungImg = renderDisplay(ct, lung);
        for (std::size_t i = 0; i < stored.size(); ++i) {
            const double hu = stored[i] - 1024;
            int expect = hu <= -160 ? 0 : (hu > 239.5 ? 255 : int(std::lround(((hu - 39.5) / 399.0 + 0.5) * 255.0)));
            QCOMPARE(int(soft.pixels[3 * i]), expect);
            QCOMPARE(soft.pixels[3 * i + 2], soft.pixels[3 * i]);
            const double lo = -600.5 - 749.5, hi = -600.5 + 749.5;
            expect = hu <= lo ? 0 : (hu > hi ? 255 : int(std::lround(((hu + 600.5) / 1499.0 + 0.5) * 255.0)));
            QCOMPARE(int(lungImg.pixels[3 * i]), expect);
        }
        // A preset gives the same as the equal file window; HU 40 sits at mid grey.
        DisplayOptions preset;
        preset.mode = DisplayOptions::Mode::Explicit;
        preset.window = *presetWindow("lung");
        QCOMPARE(renderDisplay(ct, preset).pixels, lungImg.pixels);
        QCOMPARE(int(std::lround(windowValue(40, ct.fileWindows[0]))), 128);
        // Invert on request.
        DisplayOptions inv;
        inv.invert = true;
        const RgbImage softInv = renderDisplay(ct, inv);
        for (std::size_t i = 0; i < soft.pixels.size(); ++i) QCOMPARE(int(softInv.pixels[i]), 255 - soft.pixels[i]);
    }

    // 12-bit unsigned with a fractional slope: modality values keep full precision (float).
    void twelveBitSlope() {
        std::vector<std::int16_t> stored(W * H);
        for (int i = 0; i < W * H; ++i) stored[i] = static_cast<std::int16_t>((i * 97) % 4096);
        QVERIFY(makeDicom16(m_dir.path(), "u12.dcm", W, H, stored, 12, false,
                            {"-i", "(0028,1052)=-1000.25", "-i", "(0028,1053)=0.5"}));
        const ImageData img = loadImageData(s("u12.dcm"));
        QCOMPARE(img.bits, 12);
        for (int i = 0; i < W * H; ++i) QCOMPARE(img.values[i], float(stored[i] * 0.5 - 1000.25));
        // No window in the file: min-max maps the extremes to 0 and 255.
        const RgbImage d = renderDisplay(img);
        const auto [mn, mx] = std::minmax_element(d.pixels.begin(), d.pixels.end());
        QCOMPARE(int(*mn), 0);
        QCOMPARE(int(*mx), 255);
    }

    void monochrome1IsInverted() {
        QVERIFY(QFile::copy(p("ct.dcm"), p("ct_m1.dcm")));
        QVERIFY(runTool("dcmodify", {"-nb", "-m", "(0028,0004)=MONOCHROME1", p("ct_m1.dcm")}));
        const RgbImage m2 = loadDisplayImage(s("ct.dcm"));
        const RgbImage m1 = loadDisplayImage(s("ct_m1.dcm"));
        QVERIFY(loadImageData(s("ct_m1.dcm")).monochrome1);
        for (std::size_t i = 0; i < m2.pixels.size(); ++i) QCOMPARE(int(m1.pixels[i]), 255 - m2.pixels[i]);
    }

    void voiLut() {
        QVERIFY(QFile::copy(p("grey.dcm"), p("lut.dcm")));
        QFile lut(p("lut.bin"));
        QVERIFY(lut.open(QIODevice::WriteOnly));
        for (int i = 0; i < 256; ++i) { lut.putChar(char(255 - i)); lut.putChar('\0'); }
        lut.close();
        QVERIFY(runTool("dcmodify", {"-nb", "-i", "(0028,3010)[0].(0028,3002)=256\\0\\8", "-if",
                                     "(0028,3010)[0].(0028,3006)=" + p("lut.bin"), "-i",
                                     "(0028,3010)[0].(0028,3003)=reverse", p("lut.dcm")}));
        const ImageData img = loadImageData(s("lut.dcm"));
        QCOMPARE(img.voiLuts.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(img.voiLuts[0].explanation), QString("reverse"));
        const RgbImage d = renderDisplay(img);
        const auto grey = greyPattern(1);
        for (int i = 0; i < W * H; ++i) QCOMPARE(int(d.pixels[3 * i]), 255 - grey[i]);
    }

    // Every syntax decodes to the same values as the uncompressed original (lossless ones exactly).
    void transferSyntaxes_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<double>("tolerance");
        for (const QString src : {"grey.dcm", "ct.dcm", "rgb.dcm"}) {
            QTest::newRow(qPrintable(src + " big endian")) << src << "dcmconv" << QStringList{"+tb"} << 0.0;
            QTest::newRow(qPrintable(src + " implicit")) << src << "dcmconv" << QStringList{"+ti"} << 0.0;
            QTest::newRow(qPrintable(src + " no meta header")) << src << "dcmconv" << QStringList{"+ti", "-F"} << 0.0;
            QTest::newRow(qPrintable(src + " JPEG lossless SV1")) << src << "dcmcjpeg" << QStringList{"+e1"} << 0.0;
            QTest::newRow(qPrintable(src + " JPEG lossless")) << src << "dcmcjpeg" << QStringList{"+el"} << 0.0;
            QTest::newRow(qPrintable(src + " JPEG-LS lossless")) << src << "dcmcjpls" << QStringList{"+el"} << 0.0;
            QTest::newRow(qPrintable(src + " RLE")) << src << "dcmcrle" << QStringList{} << 0.0;
        }
        QTest::newRow("grey JPEG baseline") << "grey.dcm" << "dcmcjpeg" << QStringList{"+eb"} << 4.0;
        QTest::newRow("rgb JPEG baseline") << "rgb.dcm" << "dcmcjpeg" << QStringList{"+eb"} << 12.0;
        QTest::newRow("ct JPEG extended") << "ct.dcm" << "dcmcjpeg" << QStringList{"+ee"} << 8.0;
        QTest::newRow("grey JPEG-LS near-lossless") << "grey.dcm" << "dcmcjpls" << QStringList{"+en", "+md", "2"} << 2.0;
    }
    void transferSyntaxes() {
        QFETCH(QString, source);
        QFETCH(QString, tool);
        QFETCH(QStringList, args);
        QFETCH(double, tolerance);
        static int n = 0;
        const QString out = p(QString("xfer%1.dcm").arg(++n));
        QVERIFY(runTool(tool, QStringList(args) << p(source) << out));
        const ImageData ref = loadImageData(s(source));
        const ImageData got = loadImageData(out.toStdString());
        QCOMPARE(got.width, ref.width);
        QCOMPARE(got.channels, ref.channels);
        QCOMPARE(got.values.size(), ref.values.size());
        if (tolerance == 0.0) {
            for (std::size_t i = 0; i < ref.values.size(); ++i) QCOMPARE(got.values[i], ref.values[i]);
        } else {
            // Lossy: DCMTK may re-map 16-bit values (new rescale and windows), so compare what is displayed.
            const RgbImage a = renderDisplay(ref), b = renderDisplay(got);
            double sum = 0;
            for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
            const double mean = sum / a.pixels.size();
            QVERIFY2(mean <= tolerance, qPrintable(QString("mean abs display diff %1").arg(mean)));
        }
        QVERIFY(!got.tags.transferSyntaxName.empty());
    }

    // Enhanced multi-frame style: rescale and window in the Shared/Per-frame Functional Groups win
    // over the top-level attributes.
    void functionalGroups() {
        QVERIFY(QFile::copy(p("ct.dcm"), p("fg.dcm")));
        QVERIFY(runTool("dcmodify", {"-nb", "-i", "(5200,9229)[0].(0028,9145)[0].(0028,1053)=2", "-i",
                                     "(5200,9229)[0].(0028,9145)[0].(0028,1052)=-100", "-i",
                                     "(5200,9229)[0].(0028,9132)[0].(0028,1050)=10", "-i",
                                     "(5200,9229)[0].(0028,9132)[0].(0028,1051)=20", "-i",
                                     "(5200,9229)[0].(0028,9110)[0].(0028,0030)=0.25\\0.25", p("fg.dcm")}));
        const ImageData img = loadImageData(s("fg.dcm"));
        const auto stored = ctPattern();
        for (std::size_t i = 0; i < stored.size(); ++i) QCOMPARE(img.values[i], float(stored[i] * 2 - 100));
        QCOMPARE(img.fileWindows.size(), std::size_t(1));
        QCOMPARE(img.fileWindows[0].center, 10.0);
        QCOMPARE(img.fileWindows[0].width, 20.0);
        QCOMPARE(img.pixelSpacingRow, 0.25);
    }

    void multiFrame() {
        const auto stored = ctPattern(3);
        QVERIFY(makeDicom16(m_dir.path(), "mf.dcm", W, H, stored, 16, true, {"-i", "(0028,0008)=3"}));
        LoadOptions opt;
        opt.frame = 2;
        const ImageData f2 = loadImageData(s("mf.dcm"), opt);
        QCOMPARE(f2.frameCount, 3);
        QCOMPARE(f2.frame, 2);
        for (int i = 0; i < W * H; ++i) QCOMPARE(f2.values[i], float(stored[2 * W * H + i]));
        // The same through a compressed multi-frame file (frames decoded on demand).
        QVERIFY(runTool("dcmcrle", {p("mf.dcm"), p("mf_rle.dcm")}));
        opt.frame = 1;
        const ImageData r1 = loadImageData(s("mf_rle.dcm"), opt);
        for (int i = 0; i < W * H; ++i) QCOMPARE(r1.values[i], float(stored[W * H + i]));
        opt.frame = 3;
        try {
            loadImageData(s("mf.dcm"), opt);
            QFAIL("frame 3 of 3 must be refused");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("out of range"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestDicomLoader)
#include "test_dicom_loader.moc"
