// core/quant and model/quantize_model: the decode row kernels against libtorch's product, the
// int8 and q4 linear layers within their stated error bounds (quantized_weight.h), the portable
// kernels against the AVX2 and AVX-512 ones, the VNNI kernels against their reference, a quantised tiny model that generates, and bad values rejected.
#include "fixtures/tiny_model.h"

#include "generation/generate.h"
#include "model/quantize_model.h"
#include "quant/cpu_features.h"
#include "quant/few_rows_linear.h"
#include "quant/quant_format.h"
#include "quant/quantized_weight.h"
#include "quant/row_kernels.h"
#include "quant/row_kernels_avx512.h"
#include "quant/row_kernels_vnni.h"

#include <QtTest>

#include <stdexcept>

using namespace stllava;

namespace {

double maxAbs(const torch::Tensor& t) { return t.abs().max().item<double>(); }

// Per output n: the bound on |y_q - y| from the per-weight error bound e[n, k] (quantized_weight.h):
// sum_k |x[m, k]| * e[n, k], plus float rounding.
torch::Tensor outputBound(const torch::Tensor& x, const torch::Tensor& per_weight) {
    return torch::matmul(x.abs(), per_weight.t()) + 1e-4;
}

// The VNNI kernels' view of activations (row_kernels_vnni.h), computed here with libtorch: per
// group of 32, d = max|x| / 127 and codes round(x * 127 / max|x|), half to even. x [1, K].
torch::Tensor q8Codes(const torch::Tensor& x, torch::Tensor* scales = nullptr) {
    const auto K = x.size(1), Kp = (K + 31) / 32 * 32;
    auto xg = torch::constant_pad_nd(x, {0, Kp - K}).view({Kp / 32, 32});
    auto amax = xg.abs().amax(1, /*keepdim=*/true);
    auto inv = torch::where(amax > 0, torch::full_like(amax, 127.0) / amax, torch::zeros_like(amax));
    if (scales) *scales = amax / torch::full_like(amax, 127.0);
    return (xg * inv).round().clamp(-127, 127);  // [G, 32]
}

torch::Tensor q8Dequantized(const torch::Tensor& x) {
    torch::Tensor d;
    auto codes = q8Codes(x, &d);
    return (codes * d).reshape({1, -1}).narrow(1, 0, x.size(1));
}

// What the layer multiplies: at batch 1 on a CPU with AVX-512 VNNI the quantised activations,
// else the activations themselves.
torch::Tensor asTheKernelsSee(const torch::Tensor& x) {
    return x.size(0) == 1 && quant::hasAvx512Vnni() ? q8Dequantized(x) : x;
}

// The bound on |y_q - y| once the activations are quantised too: |x^ - x| <= d / 2 per input.
torch::Tensor activationBound(const torch::Tensor& x, const torch::Tensor& w_hat) {
    if (!(x.size(0) == 1 && quant::hasAvx512Vnni())) return torch::zeros({x.size(0), w_hat.size(0)});
    torch::Tensor d;
    q8Codes(x, &d);  // [G, 1]
    auto per_input = (d / 2).expand({d.size(0), 32}).reshape({1, -1}).narrow(1, 0, x.size(1)) * 1.0001;
    return torch::matmul(per_input, w_hat.abs().t());
}

}  // namespace

class TestQuant : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void f32RowsMatchLibtorch() {
        torch::NoGradGuard no_grad;
        torch::manual_seed(1);
        for (std::int64_t K : {203, 256}) {
            auto w = torch::randn({70, K});
            for (std::int64_t M : {1, 3, 4, 7, 16}) {
                auto x = torch::randn({M, K});
                QVERIFY(quant::fewRowsApplies(x, w));
                auto ref = torch::matmul(x, w.t());
                QVERIFY2(maxAbs(quant::fewRowsLinear(x, w) - ref) < 1e-4 * (1 + maxAbs(ref)),
                         qPrintable(QString("K=%1 M=%2").arg(K).arg(M)));
            }
        }
        auto many = torch::randn({17, 256});
        QVERIFY(!quant::fewRowsApplies(many, torch::randn({8, 256})));  // more rows: libtorch's product
        auto grad_w = torch::randn({8, 32}).requires_grad_(true);
        torch::AutoGradMode grad(true);
        QVERIFY(!quant::fewRowsApplies(torch::randn({1, 32}), grad_w));  // autograd wanted
    }

    void int8WithinItsBound() {
        torch::NoGradGuard no_grad;
        torch::manual_seed(2);
        auto w = torch::randn({70, 203}) * 0.05;
        auto q = quant::QuantizedWeight::quantize(w, quant::Format::Int8);
        QCOMPARE(q.codes().scalar_type(), torch::kInt8);
        // |w - s q| <= s / 2 per weight
        auto per_weight = (q.scales() / 2).unsqueeze(1).expand({70, 203});
        QVERIFY(((q.dequantize() - w).abs() <= per_weight + 1e-7).all().item<bool>());
        for (std::int64_t M : {1, 5, 16, 20}) {
            auto x = torch::randn({M, 203});
            auto y = q.linear(x);
            auto exact = torch::matmul(x, w.t());
            const auto bound = outputBound(x, per_weight) + activationBound(x, q.dequantize());
            QVERIFY2(((y - exact).abs() <= bound).all().item<bool>(), qPrintable(QString("M=%1").arg(M)));
            // and the kernel computes exactly the dequantised product
            auto deq = torch::matmul(asTheKernelsSee(x), q.dequantize().t());
            QVERIFY(maxAbs(y - deq) < 1e-4 * (1 + maxAbs(deq)));
        }
    }

    void q4WithinItsBound() {
        torch::NoGradGuard no_grad;
        torch::manual_seed(3);
        auto w = torch::randn({48, 256}) * 0.05;
        auto q = quant::QuantizedWeight::quantize(w, quant::Format::Q4);
        QCOMPARE(q.codes().size(1), 128);
        QCOMPARE(q.scales().size(1), 8);
        // |w - d (q - 8)| <= |d| per weight of the group
        auto per_weight = q.scales().abs().repeat_interleave(32, 1);  // [48, 256]
        QVERIFY(((q.dequantize() - w).abs() <= per_weight + 1e-7).all().item<bool>());
        // typically half of that: the mean error is well below the bound
        QVERIFY((q.dequantize() - w).abs().mean().item<double>() < 0.5 * per_weight.mean().item<double>());
        for (std::int64_t M : {1, 2, 16, 33}) {
            auto x = torch::randn({M, 256});
            auto y = q.linear(x);
            const auto bound = outputBound(x, per_weight) + activationBound(x, q.dequantize());
            QVERIFY(((y - torch::matmul(x, w.t())).abs() <= bound).all().item<bool>());
            auto deq = torch::matmul(asTheKernelsSee(x), q.dequantize().t());
            QVERIFY(maxAbs(y - deq) < 1e-4 * (1 + maxAbs(deq)));
        }
    }

    // in_features not a multiple of 32 (the demo model's MLP is 344 wide): zero weights pad the
    // last group, inputs are padded to match, and the bound and the dequantised product hold.
    void q4PadsAPartialLastGroup() {
        torch::NoGradGuard no_grad;
        torch::manual_seed(5);
        for (std::int64_t K : {40, 203, 344}) {
            auto w = torch::randn({21, K}) * 0.05;
            auto q = quant::QuantizedWeight::quantize(w, quant::Format::Q4);
            const std::int64_t Kp = (K + 31) / 32 * 32;
            QCOMPARE(q.inFeatures(), K);
            QCOMPARE(q.paddedInFeatures(), Kp);
            QCOMPARE(q.codes().size(1), Kp / 2);
            QCOMPARE(q.scales().size(1), Kp / 32);
            const auto deq = q.dequantize();
            QCOMPARE(deq.size(1), K);
            auto per_weight = q.scales().abs().repeat_interleave(32, 1).narrow(1, 0, K);
            QVERIFY(((deq - w).abs() <= per_weight + 1e-7).all().item<bool>());
            for (std::int64_t M : {1, 3, 17}) {
                auto x = torch::randn({M, K});
                auto y = q.linear(x);
                QCOMPARE(y.size(1), std::int64_t(21));
                auto ref = torch::matmul(asTheKernelsSee(x), deq.t());
                QVERIFY2(maxAbs(y - ref) < 1e-4 * (1 + maxAbs(ref)), qPrintable(QString("K=%1 M=%2").arg(K).arg(M)));
                const auto bound = outputBound(x, per_weight) + activationBound(x, deq);
                QVERIFY(((y - torch::matmul(x, w.t())).abs() <= bound).all().item<bool>());
            }
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quant::QuantizedWeight::quantize(torch::randn({4, 0}), quant::Format::Q4));
    }

    // The AVX-512 one-row kernels (where this CPU has them) against the portable ones, on group
    // counts that reach every tail of their loops.
    void avx512KernelsAgreeWithPortable() {
        if (!quant::hasAvx512()) {  // not a skip: scripts/test.sh fails on a skipped suite
            qInfo("no AVX-512 here: batch-1 decoding runs the AVX2 or portable kernels");
            return;
        }
        torch::NoGradGuard no_grad;
        torch::manual_seed(6);
        for (std::int64_t K : {32, 224, 544, 2048}) {
            const std::int64_t N = 19;
            auto w = torch::randn({N, K});
            auto q8 = quant::QuantizedWeight::quantize(w, quant::Format::Int8);
            auto q4 = quant::QuantizedWeight::quantize(w, quant::Format::Q4);
            auto x = torch::randn({1, K});
            auto a = torch::empty({1, N}), b = torch::empty({1, N});
            quant::RowsIo io{x.data_ptr<float>(), 1, K, a.data_ptr<float>(), N};
            quant::RowsIo jo{x.data_ptr<float>(), 1, K, b.data_ptr<float>(), N};
            quant::avx512::int8Row(io, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), 0, N);
            quant::portable::int8Rows(jo, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), 0, N);
            QVERIFY2(maxAbs(a - b) < 1e-4 * (1 + maxAbs(b)), qPrintable(QString("int8 K=%1").arg(K)));
            // a share of the columns writes only its own outputs
            a.fill_(7.0f);
            quant::avx512::q4Row(io, q4.codes().data_ptr<std::uint8_t>(), q4.scales().data_ptr<float>(), 5, 11);
            quant::portable::q4Rows(jo, q4.codes().data_ptr<std::uint8_t>(), q4.scales().data_ptr<float>(), 0, N);
            QVERIFY2(maxAbs(a.narrow(1, 5, 6) - b.narrow(1, 5, 6)) < 1e-4 * (1 + maxAbs(b)), qPrintable(QString("q4 K=%1").arg(K)));
            QCOMPARE(a[0][4].item<float>(), 7.0f);
            QCOMPARE(a[0][11].item<float>(), 7.0f);
        }
        for (std::int64_t K : {203, 80}) {  // int8 has no group constraint: the scalar tail
            auto w = torch::randn({5, K});
            auto q8 = quant::QuantizedWeight::quantize(w, quant::Format::Int8);
            auto x = torch::randn({1, K});
            auto a = torch::empty({1, 5}), b = torch::empty({1, 5});
            quant::RowsIo io{x.data_ptr<float>(), 1, K, a.data_ptr<float>(), 5};
            quant::RowsIo jo{x.data_ptr<float>(), 1, K, b.data_ptr<float>(), 5};
            quant::avx512::int8Row(io, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), 0, 5);
            quant::portable::int8Rows(jo, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), 0, 5);
            QVERIFY(maxAbs(a - b) < 1e-4 * (1 + maxAbs(b)));
        }
    }

    // The VNNI kernels (where this CPU has them): the activation codes against the rule computed
    // with libtorch, and the products against the dequantised weights times the dequantised
    // activations, on sizes that reach every tail (int8: partial chunks and groups; q4: 1..3
    // groups past whole blocks of four).
    void vnniKernelsMatchTheirReference() {
        if (!quant::hasAvx512Vnni()) {  // not a skip: scripts/test.sh fails on a skipped suite
            qInfo("no AVX-512 VNNI here: batch-1 decoding keeps float activations");
            return;
        }
        torch::NoGradGuard no_grad;
        torch::manual_seed(7);
        quant::vnni::ActivationRow act;
        for (std::int64_t K : {5, 32, 64, 80, 203, 2048, 5632}) {
            const std::int64_t N = 13;
            auto w = torch::randn({N, K});
            auto x = torch::randn({1, K}) * 3.0;
            if (K == 203) x.narrow(1, 32, 32).zero_();  // a zero group: scale 0
            auto q8 = quant::QuantizedWeight::quantize(w, quant::Format::Int8);
            quant::vnni::quantizeForInt8(x.data_ptr<float>(), K, act);
            auto codes = torch::from_blob(act.codes.data(), {K}, torch::kInt8).to(torch::kFloat32);
            QVERIFY2(torch::equal(codes, q8Codes(x).reshape({-1}).narrow(0, 0, K)), qPrintable(QString("int8 codes K=%1").arg(K)));
            auto y = torch::full({1, N}, 7.0f);
            quant::vnni::int8Row(act, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), y.data_ptr<float>(), 2, 9);
            auto ref = torch::matmul(q8Dequantized(x), q8.dequantize().t());
            QVERIFY2(maxAbs(y.narrow(1, 2, 7) - ref.narrow(1, 2, 7)) < 1e-4 * (1 + maxAbs(ref)), qPrintable(QString("int8 K=%1").arg(K)));
            QCOMPARE(y[0][1].item<float>(), 7.0f);  // a share of the columns writes only its own outputs
            QCOMPARE(y[0][9].item<float>(), 7.0f);
        }
        for (std::int64_t K : {32, 96, 128, 224, 544, 2048, 5632}) {
            const std::int64_t N = 11;
            auto w = torch::randn({N, K}) * 0.05;
            auto x = torch::randn({1, K}).abs();  // all positive (after SiLU-like): large code sums
            auto q4 = quant::QuantizedWeight::quantize(w, quant::Format::Q4);
            quant::vnni::quantizeForQ4(x.data_ptr<float>(), K, act);
            auto y = torch::full({1, N}, 7.0f);
            quant::vnni::q4Row(act, q4.codes().data_ptr<std::uint8_t>(), q4.scales().data_ptr<float>(), y.data_ptr<float>(), 0, N - 1);
            auto ref = torch::matmul(q8Dequantized(x), q4.dequantize().t());
            QVERIFY2(maxAbs(y.narrow(1, 0, N - 1) - ref.narrow(1, 0, N - 1)) < 1e-4 * (1 + maxAbs(ref)), qPrintable(QString("q4 K=%1").arg(K)));
            QCOMPARE(y[0][N - 1].item<float>(), 7.0f);
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, quant::vnni::quantizeForQ4(nullptr, 40, act));
    }

    void portableKernelsAgreeWithDispatched() {
        if (!quant::hasAvx2Fma()) {  // not a skip: scripts/test.sh fails on a skipped suite
            qInfo("no AVX2 here: the dispatched kernels are the portable ones");
            return;
        }
        torch::NoGradGuard no_grad;
        torch::manual_seed(4);
        const std::int64_t N = 37, K = 224;
        auto w = torch::randn({N, K});
        auto q8 = quant::QuantizedWeight::quantize(w, quant::Format::Int8);
        auto q4 = quant::QuantizedWeight::quantize(w, quant::Format::Q4);
        for (std::int64_t M : {1, 6}) {
            auto x = torch::randn({M, K});
            auto a = torch::empty({M, N}), b = torch::empty({M, N});
            quant::RowsIo io{x.data_ptr<float>(), M, K, a.data_ptr<float>(), N};
            quant::RowsIo jo{x.data_ptr<float>(), M, K, b.data_ptr<float>(), N};
            quant::f32Rows(io, w.data_ptr<float>(), 0, N);
            quant::portable::f32Rows(jo, w.data_ptr<float>(), 0, N);
            QVERIFY(maxAbs(a - b) < 1e-4 * (1 + maxAbs(a)));
            quant::int8Rows(io, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), 0, N);
            quant::portable::int8Rows(jo, q8.codes().data_ptr<std::int8_t>(), q8.scales().data_ptr<float>(), 0, N);
            QVERIFY(maxAbs(a - b) < 1e-4 * (1 + maxAbs(a)));
            quant::q4Rows(io, q4.codes().data_ptr<std::uint8_t>(), q4.scales().data_ptr<float>(), 0, N);
            quant::portable::q4Rows(jo, q4.codes().data_ptr<std::uint8_t>(), q4.scales().data_ptr<float>(), 0, N);
            QVERIFY(maxAbs(a - b) < 1e-4 * (1 + maxAbs(a)));
        }
    }

    void quantisedTinyModelGenerates_data() {
        QTest::addColumn<int>("intermediate");
        QTest::newRow("whole groups") << 0;
        QTest::newRow("partial groups (MLP 40 wide)") << 40;
    }

    void quantisedTinyModelGenerates() {
        QFETCH(int, intermediate);
        auto config = testing::tinyConfig();
        if (intermediate > 0) config.text.intermediate_size = intermediate;
        auto ids = testing::randomIds(9, config.text.vocab_size, -1, 5);
        auto reference = testing::tinyModel(config);
        torch::Tensor ref_logits;
        {
            torch::NoGradGuard no_grad;
            ref_logits = reference->forward(testing::row(ids), {}, {}).logits;
        }
        for (auto format : {quant::Format::Int8, quant::Format::Q4}) {
            auto m = testing::tinyModel(config);
            const auto rep = model::quantizeForInference(*m, format);
            QCOMPARE(rep.layers, config.text.num_hidden_layers * 7 + 1);
            QVERIFY(rep.quantized_bytes < rep.float_bytes / 3);
            QCOMPARE(m->model->layers[0]->as<model::LlamaDecoderLayerImpl>()->mlp->up_proj->weight.numel(), 0);
            torch::Tensor logits;
            {
                torch::NoGradGuard no_grad;
                logits = m->forward(testing::row(ids), {}, {}).logits;
            }
            const double rel = ((logits - ref_logits).norm() / ref_logits.norm()).item<double>();
            const double limit = format == quant::Format::Int8 ? 0.05 : 0.5;  // tiny rows of 32-64 weights: coarse scales (broken kernels give ~1.4)
            qInfo("%s: relative logit error %.4f", quant::formatName(format), rel);
            QVERIFY2(rel < limit, qPrintable(QString("%1: relative logit error %2").arg(quant::formatName(format)).arg(rel)));
            GenerationRequest req;
            req.input_ids = ids;
            GenerateOptions go;
            go.sampling.greedy = true;
            go.sampling.stop_on_eos = false;
            go.sampling.max_new_tokens = 6;
            auto out = generate(m, nullptr, {req}, go);
            QCOMPARE(out.size(), std::size_t(1));
            QCOMPARE(out[0].tokens.size(), std::size_t(6));
            for (auto t : out[0].tokens) QVERIFY(t >= 0 && t < config.text.vocab_size);
        }
    }

    void badValuesRejected() {
        QCOMPARE(quant::parseFormat("int8"), quant::Format::Int8);
        QCOMPARE(quant::parseFormat("q4"), quant::Format::Q4);
        QCOMPARE(quant::parseFormat("none"), quant::Format::None);
        try {
            quant::parseFormat("q3");
            QFAIL("q3 accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).find("'q3'") != std::string::npos);
        }
        // A model with one layer already quantised is refused and left as it was.
        auto config = testing::tinyConfig();
        auto m = testing::tinyModel(config);
        auto* layer = m->model->layers[0]->as<model::LlamaDecoderLayerImpl>();
        layer->mlp->down_proj->quantize(quant::Format::Int8, false);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model::quantizeForInference(*m, quant::Format::Q4));
        QVERIFY(layer->self_attn->q_proj->quantized() == nullptr);
        QVERIFY(layer->self_attn->q_proj->weight.numel() > 0);
        auto& q = layer->self_attn->q_proj;
        q->quantize(quant::Format::Int8, false);
        q->attachLora({});
        QVERIFY_THROWS_EXCEPTION(std::logic_error, q->mergeLora());
    }
};

QTEST_GUILESS_MAIN(TestQuant)
#include "test_quant.moc"
