// Golden test of the whole forward pass (CLIP tower, layer -2 without CLS, mlp2x_gelu projector,
// image splicing, Llama decoder with GQA and RoPE) against an independent PyTorch float64
// reimplementation of transformers' formulas (tests/parity/llava_torch_reference.py), run with the
// system Python's torch (python3-torch). Skipped, saying why, when that Python has no torch.
#include "fixtures/tiny_model.h"

#include "model/checkpoint_io.h"
#include "safetensors/safetensors.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace stllava;

class TestModelGolden : public QObject {
    Q_OBJECT

    QString python() const {
        const auto env = qEnvironmentVariable("STLLAVA_PYTHON");
        return env.isEmpty() ? QStringLiteral("/usr/bin/python3") : env;
    }

private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(2);
        QProcess probe;
        probe.start(python(), {"-c", "import torch, numpy"});
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("the reference needs a Python with torch and numpy (python3-torch); set STLLAVA_PYTHON");
    }

    void forwardMatchesTorchReference_data() {
        QTest::addColumn<double>("rope_theta");
        QTest::addColumn<int>("kv_heads");
        QTest::addColumn<int>("select_layer");
        QTest::newRow("llama GQA, layer -2") << 10000.0 << 2 << -2;
        QTest::newRow("mistral-like theta 1e6, MHA, layer -1") << 1e6 << 4 << -1;
        QTest::newRow("layer 1 (counted from the embeddings)") << 500.0 << 1 << 1;
    }
    void forwardMatchesTorchReference() {
        QFETCH(double, rope_theta);
        QFETCH(int, kv_heads);
        QFETCH(int, select_layer);
        auto cfg = testing::tinyConfig("mlp2x_gelu", 42);  // 9 image tokens
        cfg.text.rope_theta = rope_theta;
        cfg.text.num_key_value_heads = kv_heads;
        cfg.mm_vision_select_layer = select_layer;
        cfg.vision.num_hidden_layers = 3;
        auto m = testing::tinyModel(cfg, 17);
        QTemporaryDir tmp;
        const auto dir = tmp.filePath("model").toStdString();
        model::saveModel(dir, m);
        auto ids = testing::row(testing::randomIds(11, cfg.text.vocab_size, 2, 5));
        auto px = testing::randomPixels(1, 42, 6);
        const auto inputs = tmp.filePath("inputs.safetensors").toStdString();
        const auto out = tmp.filePath("ref.safetensors").toStdString();
        st::save(inputs, {{"input_ids", ids}, {"pixel_values", px}});
        QProcess p;
        p.start(python(), {QString(STLLAVA_SOURCE_DIR) + "/tests/parity/llava_torch_reference.py",
                           QString::fromStdString(dir), QString::fromStdString(inputs), QString::fromStdString(out)});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        auto ref = st::File::open(out)->load("logits", torch::kFloat64);  // [1, T', V]
        torch::NoGradGuard ng;
        auto ours = m->forward(ids, px, {}).logits.to(torch::kFloat64);
        QCOMPARE(ours.sizes(), ref.sizes());
        const double diff = (ours - ref).abs().max().item<double>();
        const double scale = ref.abs().max().item<double>();
        QVERIFY2(diff < 1e-5 * std::max(1.0, scale), qPrintable(QString("max diff %1, scale %2").arg(diff).arg(scale)));
    }
};

QTEST_GUILESS_MAIN(TestModelGolden)
#include "test_model_golden.moc"
