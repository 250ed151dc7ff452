// Raster images through OpenCV: PNG, JPEG, TIFF, BMP; 8/16-bit; grey, RGB, RGBA (alpha dropped, as
// PIL's convert('RGB') in LLaVA's loader); 16-bit display keeps precision (v / 257 rounded); size caps.
#include "imaging/image_loader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace stllava;

namespace {
constexpr int W = 41, H = 23;
cv::Mat makeMat(int depth, int channels) {
    cv::Mat m(H, W, CV_MAKETYPE(depth, channels));
    const double scale = depth == CV_16U ? 65535.0 : 255.0;
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x)
            for (int c = 0; c < channels; ++c) {
                const double v = (0.5 + 0.49 * std::sin(x * 0.15 + y * 0.1 + c * 1.7)) * scale;  // smooth
                if (depth == CV_16U) m.ptr<std::uint16_t>(y)[x * channels + c] = static_cast<std::uint16_t>(v);
                else m.ptr<std::uint8_t>(y)[x * channels + c] = static_cast<std::uint8_t>(v);
            }
    return m;
}
double at(const cv::Mat& m, int y, int x, int c) {
    return m.depth() == CV_16U ? m.ptr<std::uint16_t>(y)[x * m.channels() + c] : m.ptr<std::uint8_t>(y)[x * m.channels() + c];
}
}  // namespace

class TestImagingRaster : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void formats_data() {
        QTest::addColumn<QString>("ext");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("channels");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("png grey 8") << "png" << int(CV_8U) << 1 << 0.0;
        QTest::newRow("png grey 16") << "png" << int(CV_16U) << 1 << 0.0;
        QTest::newRow("png rgb 8") << "png" << int(CV_8U) << 3 << 0.0;
        QTest::newRow("png rgb 16") << "png" << int(CV_16U) << 3 << 0.0;
        QTest::newRow("png rgba 8") << "png" << int(CV_8U) << 4 << 0.0;
        QTest::newRow("png rgba 16") << "png" << int(CV_16U) << 4 << 0.0;
        QTest::newRow("tiff grey 16") << "tiff" << int(CV_16U) << 1 << 0.0;
        QTest::newRow("tiff rgb 8") << "tiff" << int(CV_8U) << 3 << 0.0;
        QTest::newRow("bmp grey 8") << "bmp" << int(CV_8U) << 1 << 0.0;
        QTest::newRow("bmp rgb 8") << "bmp" << int(CV_8U) << 3 << 0.0;
        QTest::newRow("jpeg grey") << "jpg" << int(CV_8U) << 1 << 3.0;
        QTest::newRow("jpeg rgb") << "jpg" << int(CV_8U) << 3 << 4.0;  // swapped R/B would be far off
    }
    void formats() {
        QFETCH(QString, ext);
        QFETCH(int, depth);
        QFETCH(int, channels);
        QFETCH(double, tolerance);
        const cv::Mat bgr = makeMat(depth, channels);  // OpenCV order: B, G, R, (A)
        const std::string path = (m_dir.path() + "/" + QTest::currentDataTag() + "." + ext).toStdString();
        QVERIFY(cv::imwrite(path, bgr));
        const ImageData img = loadImageData(path);
        QCOMPARE(img.source, ImageSource::Raster);
        QCOMPARE(img.width, W);
        QCOMPARE(img.height, H);
        const int outChannels = channels == 1 ? 1 : 3;
        QCOMPARE(img.channels, outChannels);
        QCOMPARE(img.bits, depth == CV_16U ? 16 : 8);
        const RgbImage d = renderDisplay(img);
        double sum = 0;
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x)
                for (int c = 0; c < outChannels; ++c) {
                    const int srcC = outChannels == 1 ? 0 : 2 - c;  // RGB out of BGR(A); alpha dropped
                    const double v = at(bgr, y, x, srcC);
                    const float got = img.values[(static_cast<std::size_t>(y) * W + x) * outChannels + c];
                    sum += std::fabs(got - v);
                    if (tolerance == 0.0) {
                        QCOMPARE(double(got), v);
                        const int expect = depth == CV_16U ? int(std::lround(v / 257.0)) : int(v);
                        QCOMPARE(int(d.pixels[(static_cast<std::size_t>(y) * W + x) * 3 + c]), expect);
                    }
                }
        QVERIFY2(sum / (W * H * outChannels) <= tolerance + 1e-9, qPrintable(QString("mean abs diff %1").arg(sum / (W * H * outChannels))));
        if (outChannels == 1)
            for (std::size_t i = 0; i < d.pixels.size(); i += 3) QVERIFY(d.pixels[i] == d.pixels[i + 1] && d.pixels[i] == d.pixels[i + 2]);
    }

    void refusesBadFiles() {
        const QString png = m_dir.path() + "/ok.png";
        QVERIFY(cv::imwrite(png.toStdString(), makeMat(CV_8U, 3)));
        QFile f(png);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray b = f.readAll();
        f.close();
        // IHDR width 100000: refused from the header, before decoding.
        QByteArray huge = b;
        huge[16] = 0; huge[17] = 0x01; huge[18] = char(0x86); huge[19] = char(0xA0);
        QFile h(m_dir.path() + "/huge.png");
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(huge);
        h.close();
        QFile t(m_dir.path() + "/trunc.png");
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(b.left(60));
        t.close();
        QFile j(m_dir.path() + "/trunc.jpg");
        QVERIFY(j.open(QIODevice::WriteOnly));
        j.write(QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10));
        j.close();
        for (const QString name : {"huge.png", "trunc.png", "trunc.jpg"}) {
            const QString path = m_dir.path() + "/" + name;
            try {
                loadImageData(path.toStdString());
                QFAIL(qPrintable(name + " accepted"));
            } catch (const std::runtime_error& e) {
                qInfo("%s", e.what());
                QVERIFY2(QString(e.what()).startsWith(path + ": "), e.what());
                if (name == "huge.png") QVERIFY2(QString(e.what()).contains("exceeds the limit"), e.what());
            }
        }
    }

    void displayModes() {
        const std::string path = (m_dir.path() + "/modes.png").toStdString();
        QVERIFY(cv::imwrite(path, makeMat(CV_16U, 1)));
        const ImageData img = loadImageData(path);
        DisplayOptions mm;
        mm.mode = DisplayOptions::Mode::MinMax;
        const RgbImage d = renderDisplay(img, mm);
        QCOMPARE(int(*std::min_element(d.pixels.begin(), d.pixels.end())), 0);
        QCOMPARE(int(*std::max_element(d.pixels.begin(), d.pixels.end())), 255);
        DisplayOptions pc;
        pc.mode = DisplayOptions::Mode::Percentile;
        pc.lowPercent = 5;
        pc.highPercent = 95;
        const RgbImage p = renderDisplay(img, pc);
        const auto zeros = std::count(p.pixels.begin(), p.pixels.end(), 0);
        QVERIFY(zeros >= static_cast<long>(p.pixels.size() * 0.04));  // the lowest ~5 % clip to black
        DisplayOptions bad;
        bad.mode = DisplayOptions::Mode::FileWindow;
        QVERIFY_EXCEPTION_THROWN(renderDisplay(img, bad), std::invalid_argument);
    }
};

QTEST_GUILESS_MAIN(TestImagingRaster)
#include "test_imaging_raster.moc"
