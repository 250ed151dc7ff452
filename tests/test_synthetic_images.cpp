// The synthetic image generators: same seed same pixels, different seed different pixels, findings drawn
// where the findings say (a nodule brightens its recorded centre, a liver lesion lowers the HU there,
// an effusion whitens the lung base of its side, cardiomegaly widens the heart), and CT lesions shrink
// away from their centre slice.
#include "synthetic/chest_xray.h"
#include "synthetic/ct_slice.h"
#include "synthetic/pathology_tile.h"

#include <QTest>

#include <cmath>

using namespace stllava::synthetic;

namespace {

double meanAround(const Canvas& c, double cx, double cy, int r) {
    double sum = 0;
    int n = 0;
    for (int y = static_cast<int>(cy) - r; y <= static_cast<int>(cy) + r; ++y)
        for (int x = static_cast<int>(cx) - r; x <= static_cast<int>(cx) + r; ++x) {
            if (x < 0 || y < 0 || x >= c.width || y >= c.height) continue;
            sum += c.at(x, y);
            ++n;
        }
    return n ? sum / n : 0.0;
}

double meanRegion(const Canvas& c, int x0, int x1, int y0, int y1) {
    double sum = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) sum += c.at(x, y);
    return sum / ((x1 - x0) * (y1 - y0));
}

}  // namespace

class TestSyntheticImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rngIsPortable() {
        // splitmix64 from state 0: the reference sequence of the algorithm's author (Vigna).
        std::uint64_t s = 0;
        QCOMPARE(splitmix64(s), 0xE220A8397B1DCDAFull);
        QCOMPARE(splitmix64(s), 0x6E789E6AA1B965F4ull);
        Rng a(42), b(42), c(43);
        bool differs = false;
        for (int i = 0; i < 100; ++i) {
            const std::uint64_t x = a.next();
            QCOMPARE(x, b.next());
            differs |= x != c.next();
        }
        QVERIFY(differs);
        double sum = 0, sq = 0;
        Rng n(5);
        for (int i = 0; i < 20000; ++i) {
            const double v = n.normal();
            sum += v;
            sq += v * v;
        }
        QVERIFY(std::abs(sum / 20000) < 0.03);
        QVERIFY(std::abs(sq / 20000 - 1.0) < 0.05);
    }

    void sameSeedSamePixels() {
        QVERIFY(generateChestXray(11, "a").intensity.v == generateChestXray(11, "a").intensity.v);
        QVERIFY(generateChestXray(11, "a").intensity.v != generateChestXray(12, "a").intensity.v);
        QVERIFY(generateCtSlice(11, "a").hu.v == generateCtSlice(11, "a").hu.v);
        QVERIFY(generateCtSlice(11, "a").hu.v != generateCtSlice(12, "a").hu.v);
        QVERIFY(generatePathologyTile(11, "a").image.pixels == generatePathologyTile(11, "a").image.pixels);
        QVERIFY(generatePathologyTile(11, "a").image.pixels != generatePathologyTile(12, "a").image.pixels);
    }

    void noduleIsDrawnAtItsCentre() {
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            ChestSpec spec;
            spec.nodule = true;
            spec.noduleSide = seed % 2 ? Side::Left : Side::Right;
            spec.noduleSizeMm = 10.0 + seed;
            const ChestXray with = renderChestXray(spec, seed, "n");
            spec.nodule = false;
            const ChestXray without = renderChestXray(spec, seed, "n");
            const Lesion& n = with.findings.chest.nodule;
            QVERIFY(n.present);
            // Patient's left is on the viewer's right.
            QCOMPARE(n.centerX > 128.0, spec.noduleSide == Side::Left);
            const double gain = meanAround(with.intensity, n.centerX, n.centerY, 2) -
                                meanAround(without.intensity, n.centerX, n.centerY, 2);
            QVERIFY2(gain > 0.08, std::to_string(gain).c_str());
            QVERIFY(!without.findings.chest.nodule.present);
        }
    }

    void effusionAndCardiomegalyAreVisible() {
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            ChestSpec spec;
            spec.effusion = true;
            spec.effusionSide = Side::Right;  // viewer's left
            spec.effusionExtent = 0.35;
            const ChestXray eff = renderChestXray(spec, seed, "e");
            spec.effusion = false;
            const ChestXray clear = renderChestXray(spec, seed, "e");
            // The base of the viewer's left lung.
            const double d =
                meanRegion(eff.intensity, 60, 100, 135, 160) - meanRegion(clear.intensity, 60, 100, 135, 160);
            QVERIFY2(d > 0.1, std::to_string(d).c_str());
            spec.cardiothoracicRatio = 0.62;
            const ChestXray big = renderChestXray(spec, seed, "c");
            spec.cardiothoracicRatio = 0.42;
            const ChestXray small = renderChestXray(spec, seed, "c");
            // A row through the heart: the enlarged heart is brighter over the left lower lung.
            const double h = meanRegion(big.intensity, 175, 200, 150, 165) -
                             meanRegion(small.intensity, 175, 200, 150, 165);
            QVERIFY2(h > 0.05, std::to_string(h).c_str());
        }
    }

    void ctLesionsFollowTheSlices() {
        CtSpec spec;
        spec.liverLesion = true;
        spec.liverLesionSizeMm = 30.0;
        spec.liverLesionHu = 10.0;
        CtOptions o;
        o.sliceCount = 9;
        const CtSeries s = renderCtSeries(spec, 5, "ct", o);
        QCOMPARE(static_cast<int>(s.slices.size()), 9);
        double largest = 0.0;
        int visible = 0;
        for (const CtSlice& sl : s.slices) {
            QCOMPARE(sl.hu.width, 256);
            const Lesion& l = sl.findings.ct.liverLesion;
            if (!l.present) continue;
            ++visible;
            largest = std::max(largest, l.sizeMm);
            QVERIFY(l.sizeMm <= 30.0 + 1e-9);
            const double inside = meanAround(sl.hu, l.centerX, l.centerY, 1);
            QVERIFY2(inside < 45.0, std::to_string(inside).c_str());
        }
        QVERIFY(visible >= 3 && visible < 9);  // a 30 mm sphere spans about 6 slices of 5 mm
        QVERIFY(largest > 24.0);
        QCOMPARE(s.slices[3].findings.ct.sliceZMm - s.slices[2].findings.ct.sliceZMm, 5.0);
        QCOMPARE(s.slices[0].findings.imageId, std::string("ct-01"));
    }

    void pathologyDensityFollowsTissue() {
        int inflamedHigh = 0, inflamed = 0, normalHigh = 0, normal = 0;
        for (std::uint64_t seed = 1; seed <= 60; ++seed) {
            const PathologyTile t = generatePathologyTile(seed, "p");
            const PathologyFindings& p = t.findings.pathology;
            QCOMPARE(p.density, densityForCount(p.nucleusCount, 256));
            if (p.tissue == TissueType::Inflamed) {
                ++inflamed;
                inflamedHigh += p.density == Density::High;
            } else if (p.tissue == TissueType::Normal) {
                ++normal;
                normalHigh += p.density == Density::High;
                QCOMPARE(p.necrosis, false);
            }
        }
        QVERIFY(inflamed > 5 && normal > 5);
        QVERIFY(inflamedHigh * 2 > inflamed);
        QCOMPARE(normalHigh, 0);
    }

    void badSizesAreRefused() {
        ChestXrayOptions o;
        o.size = 10;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateChestXray(1, "x", o));
        CtOptions c;
        c.sliceCount = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderCtSeries(CtSpec{}, 1, "x", c));
    }
};

QTEST_GUILESS_MAIN(TestSyntheticImages)
#include "test_synthetic_images.moc"
