// Windowing API: the PS3.3 linear function, LINEAR_EXACT, SIGMOID, presets, automatic windows,
// VOI LUTs, inversion, and 16-bit precision kept until the window; the one-pass RGB writers give
// each pixel its grey in all three bytes and write nothing beyond the image.
#include "imaging/windowing.h"

#include <QtTest>

#include <cmath>

using namespace stllava;

class TestWindowing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearFunction_data() {
        QTest::addColumn<double>("center");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("x");
        QTest::addColumn<int>("expected");
        // c=40, w=400: x <= c-0.5-(w-1)/2 = -160 -> 0; x > c-0.5+(w-1)/2 = 239.5 -> 255
        QTest::newRow("below") << 40.0 << 400.0 << -1000.0 << 0;
        QTest::newRow("lower edge") << 40.0 << 400.0 << -160.0 << 0;
        QTest::newRow("just inside") << 40.0 << 400.0 << -159.0 << 1;  // (( -159-39.5)/399+0.5)*255 = 0.64
        QTest::newRow("centre") << 40.0 << 400.0 << 40.0 << 128;         // 127.82
        QTest::newRow("water") << 40.0 << 400.0 << 0.0 << 102;           // 102.26
        QTest::newRow("upper edge") << 40.0 << 400.0 << 239.5 << 255;
        QTest::newRow("above") << 40.0 << 400.0 << 3000.0 << 255;
        QTest::newRow("8-bit identity 0") << 128.0 << 256.0 << 0.0 << 0;
        QTest::newRow("8-bit identity 77") << 128.0 << 256.0 << 77.0 << 77;
        QTest::newRow("8-bit identity 255") << 128.0 << 256.0 << 255.0 << 255;
    }
    void linearFunction() {
        QFETCH(double, center);
        QFETCH(double, width);
        QFETCH(double, x);
        QFETCH(int, expected);
        const Window w{center, width, ""};
        QCOMPARE(int(std::lround(windowValue(x, w))), expected);
        const float v = float(x);
        std::uint8_t out = 0;
        applyWindow(&v, 1, w, VoiFunction::Linear, false, &out);
        QCOMPARE(int(out), expected);
        applyWindow(&v, 1, w, VoiFunction::Linear, true, &out);
        QCOMPARE(int(out), 255 - expected);
    }

    void otherFunctions() {
        const Window w{100, 50, ""};
        QCOMPARE(windowValue(75, w, VoiFunction::LinearExact), 0.0);
        QCOMPARE(windowValue(100, w, VoiFunction::LinearExact), 127.5);
        QCOMPARE(windowValue(125, w, VoiFunction::LinearExact), 255.0);
        QCOMPARE(windowValue(100, w, VoiFunction::Sigmoid), 127.5);
        QVERIFY(windowValue(150, w, VoiFunction::Sigmoid) > 250.0);
        QVERIFY(windowValue(50, w, VoiFunction::Sigmoid) < 5.0);
    }

    void presets() {
        const auto check = [](const char* name, double c, double w) {
            const auto p = presetWindow(name);
            QVERIFY2(p.has_value(), name);
            QCOMPARE(p->center, c);
            QCOMPARE(p->width, w);
        };
        check("brain", 40, 80);
        check("LUNG", -600, 1500);
        check("mediastinum", 50, 350);
        check("soft_tissue", 50, 350);
        check("bone", 400, 1800);
        check("abdomen", 40, 400);
        check("liver", 60, 160);
        QVERIFY(!presetWindow("kidney").has_value());
        QCOMPARE(presetNames().size(), std::size_t(7));
    }

    void automatic() {
        std::vector<float> v(1000);
        for (int i = 0; i < 1000; ++i) v[i] = float(i - 500);
        v[3] = -30000;  // outliers
        v[7] = 30000;
        const Window mm = minMaxWindow(v.data(), v.size());
        QCOMPARE(int(std::lround(windowValue(-30000, mm))), 0);
        QCOMPARE(int(std::lround(windowValue(30000, mm))), 255);
        QCOMPARE(int(std::lround(windowValue(0, mm))), 128);
        const Window pc = percentileWindow(v.data(), v.size(), 1.0, 99.0);
        // The 1% / 99% ranks of 1000 values ignore the two outliers.
        QVERIFY(pc.width < 1000);
        QCOMPARE(int(std::lround(windowValue(-490, pc))), 0);
        QCOMPARE(int(std::lround(windowValue(489, pc))), 255);
        QVERIFY_EXCEPTION_THROWN(minMaxWindow(v.data(), 0), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(percentileWindow(v.data(), v.size(), 50, 10), std::invalid_argument);
        const Window full16 = fullRangeWindow(16);
        QCOMPARE(int(std::lround(windowValue(65535, full16))), 255);
        QCOMPARE(int(std::lround(windowValue(257 * 100, full16))), 100);
    }

    // A narrow window on 16-bit data resolves neighbouring 16-bit values: no 8-bit step before the window.
    void sixteenBitPrecision() {
        std::vector<float> v(256);
        for (int i = 0; i < 256; ++i) v[i] = float(30000 + i);  // 256 distinct 16-bit values
        const Window w{30128, 256, ""};
        std::vector<std::uint8_t> out(256);
        applyWindow(v.data(), v.size(), w, VoiFunction::Linear, false, out.data());
        for (int i = 0; i < 256; ++i) QCOMPARE(int(out[i]), i);
    }

    // The contiguous run (vectorised where the CPU has AVX2) against the per-value path (strided
    // input takes it), on values across and far outside the window, infinities and NaN (255).
    void contiguousRunMatchesThePerValuePath() {
        std::vector<float> v;
        for (int i = 0; i < 20011; ++i) v.push_back(float(-3000.0 + 0.3 * i + 0.001 * (i % 7)));
        for (float special : {1e30f, -1e30f, INFINITY, -INFINITY, 0.0f, -0.0f, 127.5f, 49.5f}) v.push_back(special);
        v.push_back(std::nanf(""));
        std::vector<float> strided(2 * v.size());
        for (std::size_t i = 0; i < v.size(); ++i) strided[2 * i] = v[i];
        for (const Window w : {Window{40, 400, ""}, Window{-600, 1500, ""}, Window{50.5, 2.0, ""}, Window{0, 4096, ""}})
            for (bool invert : {false, true}) {
                std::vector<std::uint8_t> run(v.size()), each(v.size());
                applyWindow(v.data(), v.size(), w, VoiFunction::Linear, invert, run.data());
                applyWindow(strided.data(), v.size(), w, VoiFunction::Linear, invert, each.data(), 2, 1);
                for (std::size_t i = 0; i + 1 < v.size(); ++i)
                    if (run[i] != each[i])
                        QFAIL(qPrintable(QString("x=%1 window %2/%3: %4 vs %5")
                                             .arg(double(v[i])).arg(w.center).arg(w.width).arg(run[i]).arg(each[i])));
                QCOMPARE(int(run.back()), invert ? 0 : 255);  // NaN
            }
    }

    void rgbIsTheGreyInEveryChannel() {
        VoiLut lut;
        lut.firstMapped = -1000;
        lut.bits = 12;
        for (int i = 0; i < 3000; ++i) lut.data.push_back(static_cast<std::uint16_t>((i * 7) % 4096));
        for (std::size_t count : {0, 1, 2, 3, 1023, 1024, 1025, 5000}) {
            std::vector<float> v(count);
            for (std::size_t i = 0; i < count; ++i) v[i] = float(-1200.0 + 0.61 * double(i * 37 % 4000));
            if (count > 2) v[count / 2] = std::nanf("");
            for (bool invert : {false, true})
                for (int kind = 0; kind < 3; ++kind) {
                    const Window w{40, kind == 1 ? 1.0 : 400.0, ""};
                    const VoiFunction fn = kind == 2 ? VoiFunction::Sigmoid : VoiFunction::Linear;
                    std::vector<std::uint8_t> grey(count), rgb(3 * count + 8, 0xAB), lutGrey(count), lutRgb(3 * count + 8, 0xAB);
                    applyWindow(v.data(), count, w, fn, invert, grey.data());
                    applyWindowRgb(v.data(), count, w, fn, invert, rgb.data());
                    applyVoiLut(v.data(), count, lut, invert, lutGrey.data());
                    applyVoiLutRgb(v.data(), count, lut, invert, lutRgb.data());
                    for (std::size_t i = 0; i < count; ++i)
                        for (int c = 0; c < 3; ++c) {
                            QCOMPARE(rgb[3 * i + c], grey[i]);
                            QCOMPARE(lutRgb[3 * i + c], lutGrey[i]);
                        }
                    for (std::size_t i = 3 * count; i < rgb.size(); ++i) {
                        QCOMPARE(int(rgb[i]), 0xAB);  // nothing written beyond the last pixel
                        QCOMPARE(int(lutRgb[i]), 0xAB);
                    }
                }
        }
    }

    void voiLutMapping() {
        VoiLut lut;
        lut.firstMapped = -10;
        lut.bits = 12;
        lut.data = {0, 1000, 2000, 4095};
        const std::vector<float> v{-100, -10, -9, -8, -7, 50};
        std::vector<std::uint8_t> out(v.size());
        applyVoiLut(v.data(), v.size(), lut, false, out.data());
        const std::vector<int> expect{0, 0, int(std::lround(1000 * 255.0 / 4095)), int(std::lround(2000 * 255.0 / 4095)), 255, 255};
        for (std::size_t i = 0; i < v.size(); ++i) QCOMPARE(int(out[i]), expect[i]);
        // No integer for these: below, above, the last entry (UBSan found the cast of NaN).
        const std::vector<float> odd{-INFINITY, INFINITY, std::nanf(""), -1e30f, 1e30f, -8.5f};  // -8.5: floor -9, entry 1
        std::vector<std::uint8_t> oddOut(odd.size());
        applyVoiLut(odd.data(), odd.size(), lut, false, oddOut.data());
        const std::vector<int> oddExpect{0, 255, 255, 0, 255, int(std::lround(1000 * 255.0 / 4095))};
        for (std::size_t i = 0; i < odd.size(); ++i) QCOMPARE(int(oddOut[i]), oddExpect[i]);
    }
};

QTEST_GUILESS_MAIN(TestWindowing)
#include "test_windowing.moc"
