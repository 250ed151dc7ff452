// CLIP preprocessing against the reference: PIL (Debian python3-pil) does LLaVA's expand2square and
// CLIPImageProcessor's bicubic resize on the same image; our 8-bit resized pixels must be within one
// grey level on average (the maximum is reported). Also the normalisation, shapes and padding.
#include "vision_input/clip_preprocess.h"

#include <torch/torch.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace stllava;

namespace {
RgbImage testImage(int w, int h, unsigned seed, bool grey) {
    std::mt19937 rng(seed);
    RgbImage img;
    img.width = w;
    img.height = h;
    img.pixels.resize(static_cast<std::size_t>(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int base = (x * 255 / w + y * 128 / h) / 2;  // gradient, plus noise and a sharp box
            const bool box = x > w / 3 && x < w / 2 && y > h / 4 && y < h / 2;
            for (int c = 0; c < 3; ++c) {
                const int v = box ? 250 - c * 60 : base + int(rng() % 90) + (grey ? 0 : c * 20);
                img.pixels[(static_cast<std::size_t>(y) * w + x) * 3 + c] = static_cast<std::uint8_t>(std::clamp(v, 0, 255));
            }
            if (grey) {
                auto* p = &img.pixels[(static_cast<std::size_t>(y) * w + x) * 3];
                p[1] = p[2] = p[0];
            }
        }
    return img;
}

bool writePpm(const QString& path, const RgbImage& img) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    f.write(QString("P6\n%1 %2\n255\n").arg(img.width).arg(img.height).toLatin1());
    f.write(reinterpret_cast<const char*>(img.pixels.data()), static_cast<qint64>(img.pixels.size()));
    return true;
}

const char* kPilScript = R"(
import sys
from PIL import Image
src, dst, size, pad = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == '1'
img = Image.open(src).convert('RGB')
mean = (0.48145466, 0.4578275, 0.40821073)
if pad:  # LLaVA's expand2square with tuple(int(x*255) for x in image_mean)
    w, h = img.size
    bg = tuple(int(x * 255) for x in mean)
    if w != h:
        side = max(w, h)
        out = Image.new(img.mode, (side, side), bg)
        out.paste(img, ((side - w) // 2, (side - h) // 2))
        img = out
    img = img.resize((size, size), resample=Image.BICUBIC)
else:  # CLIPImageProcessor: shortest edge to size, then centre crop
    w, h = img.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(size * long / short)
    ow, oh = (size, new_long) if w <= h else (new_long, size)
    img = img.resize((ow, oh), resample=Image.BICUBIC)
    top, left = (oh - size) // 2, (ow - size) // 2
    img = img.crop((left, top, left + size, top + size))
open(dst, 'wb').write(img.tobytes())
)";
}  // namespace

class TestPreprocess : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    bool m_havePil = false;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_havePil = QProcess::execute("/usr/bin/python3", {"-c", "import PIL"}) == 0;
    }

    void matchesPil_data() {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<bool>("pad");
        QTest::addColumn<bool>("grey");
        QTest::addColumn<int>("size");
        QTest::newRow("500x420 pad (shrink)") << 500 << 420 << true << false << 336;
        QTest::newRow("301x517 pad, odd margin") << 301 << 517 << true << false << 336;
        QTest::newRow("120x90 pad (enlarge)") << 120 << 90 << true << false << 336;
        QTest::newRow("336x336 identity") << 336 << 336 << true << false << 336;
        QTest::newRow("640x480 grey pad") << 640 << 480 << true << true << 336;
        QTest::newRow("500x420 no pad (crop)") << 500 << 420 << false << false << 336;
        QTest::newRow("300x700 no pad, 224") << 300 << 700 << false << false << 224;
    }
    void matchesPil() {
        if (!m_havePil) QSKIP("Debian python3-pil is not installed (scripts/setup.sh installs it)");
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(bool, pad);
        QFETCH(bool, grey);
        QFETCH(int, size);
        const RgbImage img = testImage(w, h, static_cast<unsigned>(w * 7 + h), grey);
        const QString in = m_dir.path() + "/in.ppm", out = m_dir.path() + "/pil.rgb";
        QVERIFY(writePpm(in, img));
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start("/usr/bin/python3", {"-c", kPilScript, in, out, QString::number(size), pad ? "1" : "0"});
        QVERIFY(py.waitForFinished(60000));
        QVERIFY2(py.exitCode() == 0, py.readAll().constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pil = f.readAll();
        QCOMPARE(pil.size(), size * size * 3);

        ClipPreprocessOptions opt;
        opt.imageSize = size;
        opt.padToSquare = pad;
        const torch::Tensor ours = clipResizedPixels(img, opt);  // [3, S, S] uint8
        QCOMPARE(ours.dim(), 3l);
        QCOMPARE(ours.size(0), 3l);
        QCOMPARE(ours.size(1), long(size));
        const auto ref = torch::from_blob(const_cast<char*>(pil.constData()), {size, size, 3}, torch::kUInt8)
                             .permute({2, 0, 1})
                             .to(torch::kFloat32);  // [3, S, S]
        const auto diff = (ours.to(torch::kFloat32) - ref).abs();
        const double mean = diff.mean().item<double>(), worst = diff.max().item<double>();
        qInfo("%s: mean abs diff to PIL %.4f grey levels, max %.0f", QTest::currentDataTag(), mean, worst);
        QVERIFY2(mean < 1.0, qPrintable(QString("mean abs diff %1").arg(mean)));
        if (w == size && h == size) QCOMPARE(worst, 0.0);
        if (grey) {  // grey stays grey away from the (coloured) pad bands
            const auto inner = ours.narrow(1, size / 5, size - 2 * size / 5);
            QVERIFY(torch::equal(inner[0], inner[1]) && torch::equal(inner[1], inner[2]));
        }
    }

    void normalisation() {
        RgbImage img = testImage(200, 100, 3, false);
        const torch::Tensor x = clipPreprocess(img);  // [3, 336, 336]
        QCOMPARE(x.scalar_type(), torch::kFloat32);
        QCOMPARE(x.sizes().vec(), (std::vector<std::int64_t>{3, 336, 336}));
        const torch::Tensor px = clipResizedPixels(img).to(torch::kFloat32);
        const float mean[3] = {0.48145466f, 0.4578275f, 0.40821073f}, sd[3] = {0.26862954f, 0.26130258f, 0.27577711f};
        for (int c = 0; c < 3; ++c) {
            const auto expect = (px[c] / 255.0 - mean[c]) / sd[c];
            QVERIFY(torch::allclose(x[c], expect, 1e-5, 1e-5));
        }
        // The pad rows (top of a 200x100 image) hold the mean colour, which normalises to about 0.
        QVERIFY(x.index({torch::indexing::Slice(), 0, 0}).abs().max().item<float>() < 0.02f);
        QCOMPARE(px[0][0][0].item<float>(), 122.0f);
        QCOMPARE(px[1][0][0].item<float>(), 116.0f);
        QCOMPARE(px[2][0][0].item<float>(), 104.0f);
    }

    void expandToSquareGeometry() {
        RgbImage img;
        img.width = 4;
        img.height = 1;
        img.pixels = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
        const RgbImage sq = expandToSquare(img, {9, 8, 7});
        QCOMPARE(sq.width, 4);
        QCOMPARE(sq.height, 4);
        // (4 - 1) / 2 = 1: the row lands on y = 1, like PIL's paste at (0, (w - h) // 2).
        QCOMPARE(int(sq.pixels[(1 * 4 + 2) * 3]), 3);
        QCOMPARE(int(sq.pixels[0]), 9);
        QCOMPARE(int(sq.pixels[(3 * 4 + 3) * 3 + 2]), 7);
        RgbImage empty;
        QVERIFY_EXCEPTION_THROWN(clipPreprocess(empty), std::invalid_argument);
        img.pixels.pop_back();
        QVERIFY_EXCEPTION_THROWN(clipPreprocess(img), std::invalid_argument);
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "test_preprocess.moc"
