// PNG/JPEG through libpng and libjpeg-turbo (core/imaging/raster_codecs.h), the in-memory PNG encoder
// and area-averaging downscale, against independent references:
//   - files written by PIL, compared with PIL's own decoding (tests/golden/pil_images.py), which is
//     what LLaVA's loader feeds the model;
//   - OpenCV's imread on the same files (the desktop build's other decoder): equal values;
//   - downscale against an exact area average computed by numpy; report thumbnails built on both.
#include "pipeline/thumbnail.h"
#include "imaging/downscale.h"
#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace stllava;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// OpenCV's decoding in ImageData's convention: RGB order, alpha dropped, grey+alpha as grey.
std::vector<float> openCvValues(const std::string& path, int& channels) {
    const cv::Mat m = cv::imread(path, cv::IMREAD_UNCHANGED);
    if (m.empty()) return {};
    cv::Mat rgb;
    switch (m.channels()) {
        case 1:
            rgb = m;
            break;
        case 3:
            cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB);
            break;
        default:
            cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB);
            break;
    }
    channels = rgb.channels();
    cv::Mat f;
    rgb.convertTo(f, CV_MAKETYPE(CV_32F, channels));
    std::vector<float> out;
    for (int y = 0; y < f.rows; ++y)
        out.insert(out.end(), f.ptr<float>(y), f.ptr<float>(y) + f.cols * channels);
    return out;
}

RgbImage noiseImage(int w, int h, unsigned seed) {
    RgbImage img;
    img.width = w;
    img.height = h;
    img.pixels.resize(std::size_t(w) * h * 3);
    std::mt19937 rng(seed);
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(rng() & 0xFF);
    return img;
}

}  // namespace

class TestImagingCodecs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QStringList m_cases;

    QString p(const QString& name) const { return m_dir.path() + "/" + name; }

private Q_SLOTS:
    void initTestCase() {
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start("/usr/bin/python3",
                 {QString(STLLAVA_SOURCE_DIR) + "/tests/golden/pil_images.py", m_dir.path()});
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0,
                 qPrintable("PIL reference failed (python3-pil, python3-numpy needed): " + py.readAll()));
        for (const QByteArray& line : readAll(p("list.txt")).split('\n'))
            if (!line.trimmed().isEmpty()) m_cases << QString(line.trimmed());
        QVERIFY(m_cases.size() >= 15);
    }

    // Our decoders against PIL's, and against OpenCV's where both read the file.
    void decodesLikePilAndOpenCv_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ext");
        QTest::addColumn<int>("channels");
        for (const QString& c : m_cases) {
            const QStringList f = c.split(' ');
            QTest::newRow(qPrintable(f[0])) << f[0] << f[1] << f[2].toInt();
        }
    }
    void decodesLikePilAndOpenCv() {
        QFETCH(QString, name);
        QFETCH(QString, ext);
        QFETCH(int, channels);
        const QString path = p(name + "." + ext);
        const ImageData img = loadImageData(path.toStdString());
        QCOMPARE(img.source, ImageSource::Raster);
        QCOMPARE(img.channels, channels);
        const QByteArray ref = readAll(p(name + ".f32"));
        QCOMPARE(std::size_t(ref.size()) / 4, img.values.size());
        const auto* r = reinterpret_cast<const float*>(ref.constData());
        // PIL and libjpeg-turbo decode JPEG identically (same library, same defaults); CMYK -> RGB
        // is PIL's own formula against ours: one level of rounding.
        const double tolerance = name == "jpeg_cmyk" ? 1.0 : 0.0;
        double worst = 0;
        for (std::size_t i = 0; i < img.values.size(); ++i)
            worst = std::max(worst, std::fabs(double(img.values[i]) - r[i]));
        qInfo("%-22s vs PIL: max |diff| %g", qPrintable(name), worst);
        QVERIFY2(worst <= tolerance, qPrintable(QString("max |diff| %1 to PIL").arg(worst)));

        int cvChannels = 0;
        const std::vector<float> cv = openCvValues(path.toStdString(), cvChannels);
        QVERIFY(!cv.empty());
        if (cvChannels != img.channels) {  // grey+alpha: OpenCV widens to BGRA; the display must agree
            QCOMPARE(name, QString("grey_alpha"));
            const RgbImage d = renderDisplay(img);
            for (std::size_t i = 0; i < d.pixels.size(); ++i) QCOMPARE(float(d.pixels[i]), cv[i]);
            return;
        }
        double cvWorst = 0;
        for (std::size_t i = 0; i < cv.size(); ++i)
            cvWorst = std::max(cvWorst, std::fabs(double(cv[i]) - img.values[i]));
        QVERIFY2(cvWorst <= tolerance, qPrintable(QString("max |diff| %1 to OpenCV").arg(cvWorst)));
    }

    void pngRoundTrip() {
        const RgbImage img = noiseImage(37, 23, 1);
        const std::vector<std::uint8_t> png = encodePng(img);
        const ImageData back = decodePng(png.data(), png.size(), "memory.png");
        QCOMPARE(back.channels, 3);
        for (std::size_t i = 0; i < img.pixels.size(); ++i) QCOMPARE(back.values[i], float(img.pixels[i]));
        // OpenCV reads it too, with the same pixels.
        const cv::Mat m = cv::imdecode(
            cv::Mat(1, int(png.size()), CV_8U, const_cast<std::uint8_t*>(png.data())), cv::IMREAD_UNCHANGED);
        QCOMPARE(m.channels(), 3);
        QCOMPARE(int(m.at<cv::Vec3b>(5, 7)[2]), int(img.pixels[(5 * 37 + 7) * 3]));

        // Neutral images become grey PNGs a third the raw size, rendering to the same pixels.
        RgbImage grey = img;
        for (std::size_t i = 0; i < grey.pixels.size(); i += 3)
            grey.pixels[i + 1] = grey.pixels[i + 2] = grey.pixels[i];
        PngOptions opt;
        opt.greyWhenNeutral = true;
        const std::vector<std::uint8_t> g = encodePng(grey, opt);
        const ImageData gb = decodePng(g.data(), g.size(), "grey.png");
        QCOMPARE(gb.channels, 1);
        QCOMPARE(renderDisplay(gb).pixels, grey.pixels);
        QVERIFY(g.size() < encodePng(grey).size());
        // ... but a colour image stays RGB under the same option.
        QCOMPARE(decodePng(encodePng(img, opt).data(), encodePng(img, opt).size(), "c.png").channels, 3);

        QVERIFY_EXCEPTION_THROWN(encodePng(RgbImage{}), std::invalid_argument);
        RgbImage bad = img;
        bad.pixels.pop_back();
        QVERIFY_EXCEPTION_THROWN(encodePng(bad), std::invalid_argument);
    }

    void writePixelsPngIsAtomicAndReadable() {
        const RgbImage img = noiseImage(16, 9, 2);
        writePixelsPng(img, p("export.png").toStdString());
        QCOMPARE(loadDisplayImage(p("export.png").toStdString()).pixels, img.pixels);
        try {
            writePixelsPng(img, p("no/such/folder/x.png").toStdString());
            QFAIL("writing into a missing folder must fail");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("x.png"), e.what());
        }
    }

    void truncatedAndCorruptFilesAreRefused_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("keepPercent");
        QTest::addColumn<QString>("reason");
        QTest::newRow("png cut in IDAT") << "rgb8.png" << 60 << "truncated";
        QTest::newRow("png header only") << "rgb8.png" << 1 << "truncated";
        QTest::newRow("jpeg cut in scan") << "jpeg_q90.jpg" << 70 << "truncated";
        QTest::newRow("progressive jpeg cut") << "jpeg_progressive.jpg" << 70 << "truncated";
    }
    void truncatedAndCorruptFilesAreRefused() {
        QFETCH(QString, source);
        QFETCH(int, keepPercent);
        QFETCH(QString, reason);
        const QByteArray full = readAll(p(source));
        const int keep = std::max(40, int(full.size()) * keepPercent / 100);
        QVERIFY(full.size() > keep);
        const QString path = p("cut_" + QString::number(keep) + "_" + source);
        QVERIFY(writeAll(path, full.left(keep)));
        try {
            loadImageData(path.toStdString());
            QFAIL("a truncated file was accepted");
        } catch (const std::runtime_error& e) {
            qInfo("%s", e.what());
            QVERIFY2(QString(e.what()).startsWith(path + ": "), e.what());
            QVERIFY2(QString(e.what()).contains(reason), e.what());
        }
        // A flipped byte in the compressed data: refused or decoded, never a crash.
        QByteArray flipped = full;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x5A);
        QVERIFY(writeAll(path, flipped));
        try {
            loadImageData(path.toStdString());
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).startsWith(path + ": "), e.what());
        }
    }

    void sizeLimitsFromTheHeader() {
        LoadOptions small;
        small.limits.maxSide = 20;
        for (const QString name : {"rgb8.png", "jpeg_q90.jpg"}) {
            const QByteArray bytes = readAll(p(name));
            try {
                if (name.endsWith("png"))
                    decodePng(reinterpret_cast<const std::uint8_t*>(bytes.constData()), bytes.size(), "m",
                              small.limits);
                else
                    decodeJpeg(reinterpret_cast<const std::uint8_t*>(bytes.constData()), bytes.size(), "m",
                               small.limits);
                QFAIL("a 45-pixel-wide image passed a 20-pixel limit");
            } catch (const std::runtime_error& e) {
                QVERIFY2(QString(e.what()).contains("exceeds the limit of 20"), e.what());
            }
        }
    }

    // Area averaging against numpy: out = Ay @ img @ Ax^T with Ax[i, p] = overlap of output pixel i
    // with input pixel p over the scale, in float64.
    void downscaleMatchesExactAreaAverage_data() {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("maxSide");
        QTest::newRow("257x131 to 64") << 257 << 131 << 64;
        QTest::newRow("100x100 to 33") << 100 << 100 << 33;
        QTest::newRow("96x48 to 32 (integer ratio)") << 96 << 48 << 32;
        QTest::newRow("1000x3 to 10 (thin)") << 1000 << 3 << 10;
        QTest::newRow("5x7 to 7 (unchanged)") << 5 << 7 << 7;
    }
    void downscaleMatchesExactAreaAverage() {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(int, maxSide);
        const RgbImage img = noiseImage(w, h, unsigned(w * h));
        QVERIFY(writeAll(p("in.u8"), QByteArray(reinterpret_cast<const char*>(img.pixels.data()),
                                                int(img.pixels.size()))));
        const RgbImage out = downscale(img, maxSide);
        QCOMPARE(std::max(out.width, out.height), std::min(maxSide, std::max(w, h)));
        const QString script =
            "import sys, numpy as np\n"
            "w, h, ow, oh = map(int, sys.argv[2:6])\n"
            "img = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(h, w, 3).astype(np.float64)\n"
            "def A(n, m):\n"
            "    s = n / m; a = np.zeros((m, n))\n"
            "    for i in range(m):\n"
            "        for p in range(n):\n"
            "            a[i, p] = max(0.0, min((i + 1) * s, p + 1) - max(i * s, p)) / s\n"
            "    return a\n"
            "out = np.einsum('yh,hwc,xw->yxc', A(h, oh), img, A(w, ow))\n"
            "out.astype(np.float64).tofile(sys.argv[6])\n";
        QProcess py;
        py.start("/usr/bin/python3", {"-c", script, p("in.u8"), QString::number(w), QString::number(h),
                                      QString::number(out.width), QString::number(out.height), p("ref.f64")});
        QVERIFY(py.waitForFinished(60000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QByteArray ref = readAll(p("ref.f64"));
        QCOMPARE(std::size_t(ref.size()) / 8, out.pixels.size());
        const auto* r = reinterpret_cast<const double*>(ref.constData());
        for (std::size_t i = 0; i < out.pixels.size(); ++i)
            QVERIFY2(
                std::fabs(out.pixels[i] - r[i]) <= 0.5 + 1e-6,
                qPrintable(QString("pixel value %1: ours %2, exact %3").arg(i).arg(out.pixels[i]).arg(r[i])));
    }

    void downscaleArgumentsAndSizes() {
        int w = 0, h = 0;
        downscaledSize(1000, 3, 10, w, h);
        QCOMPARE(w, 10);
        QCOMPARE(h, 1);  // never 0
        downscaledSize(300, 200, 128, w, h);
        QCOMPARE(w, 128);
        QCOMPARE(h, 85);
        QVERIFY_EXCEPTION_THROWN(downscale(noiseImage(4, 4, 3), 0), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(downscale(RgbImage{}, 8), std::invalid_argument);
    }

    // Report thumbnails: downscale + in-memory PNG, as a data URI (no temporary file).
    void thumbnailDataUri() {
        RgbImage img = noiseImage(300, 200, 4);
        for (std::size_t i = 0; i < img.pixels.size(); i += 3)
            img.pixels[i + 1] = img.pixels[i + 2] = img.pixels[i];
        writePixelsPng(img, p("thumb_source.png").toStdString());
        const std::string uri = stllava::pipeline::thumbnailDataUri(p("thumb_source.png").toStdString(), 128);
        const std::string prefix = "data:image/png;base64,";
        QVERIFY(uri.rfind(prefix, 0) == 0);
        const QByteArray png = QByteArray::fromBase64(QByteArray::fromStdString(uri.substr(prefix.size())));
        const ImageData back =
            decodePng(reinterpret_cast<const std::uint8_t*>(png.constData()), png.size(), "thumb");
        QCOMPARE(back.channels, 1);  // a grey image gives a grey PNG
        QCOMPARE(renderDisplay(back).pixels, downscale(img, 128).pixels);
        QCOMPARE(stllava::pipeline::thumbnailDataUri(p("missing.png").toStdString(), 128), std::string());
    }

    void libraryVersionsAreNamed() {
        QVERIFY(QString::fromStdString(pngLibraryVersion()).startsWith("1."));
        QVERIFY(QString::fromStdString(jpegLibraryVersion()).contains("libjpeg"));
    }
};

QTEST_GUILESS_MAIN(TestImagingCodecs)
#include "test_imaging_codecs.moc"
