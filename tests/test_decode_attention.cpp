// core/model/decode_attention: the one-row attention of decoding against a float64 softmax
// reference, and what it leaves to the general path.
#include "model/attention.h"
#include "model/decode_attention.h"

#include <QtTest>

#include <cmath>

using namespace stllava;

namespace {
double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }
}  // namespace

class TestDecodeAttention : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }  // the long context splits over both

    // The one-row decode attention against the softmax computed in float64 from the same views:
    // grouped heads (8 query heads on 2 KV heads), keys and values strided inside a larger cache,
    // masked slots (left padding of row 1), a context long enough to split over threads.
    void decodeAttentionMatchesSoftmaxReference() {
        torch::NoGradGuard ng;
        torch::manual_seed(11);
        for (std::int64_t S : {1, 7, 300}) {
            const std::int64_t B = 2, H = 8, Hkv = 2, D = 16, cap = S + 5;
            auto q = torch::randn({B, 1, H, D});
            auto kc = torch::randn({B, Hkv, cap, D}), vc = torch::randn({B, Hkv, cap, D});
            auto k = kc.narrow(2, 0, S), v = vc.narrow(2, 0, S);
            auto bias = torch::zeros({B, 1, 1, S});
            if (S > 1) bias[1].narrow(-1, 0, S / 2).fill_(model::kMaskValue);
            QVERIFY(model::decodeAttentionApplies(q, k, v, bias));
            auto y = model::decodeAttention(q, k, v, bias);  // [B, 1, H*D]
            auto qd = q.to(torch::kFloat64).view({B, Hkv, H / Hkv, D});        // head h = j * G + g
            auto sc = torch::matmul(qd, k.to(torch::kFloat64).transpose(-1, -2)) / std::sqrt(double(D)) + bias.to(torch::kFloat64);
            auto ref = torch::matmul(torch::softmax(sc, -1), v.to(torch::kFloat64)).reshape({B, 1, H * D});
            QVERIFY2(maxDiff(y.to(torch::kFloat64), ref) < 1e-5, qPrintable(QString("S=%1").arg(S)));
            QVERIFY(maxDiff(model::attention(q, k, v, bias).to(torch::kFloat64), ref) < 1e-5);  // dispatches here
        }
        // what it does not take goes to the general path
        auto q2 = torch::randn({1, 2, 4, 8}), k2 = torch::randn({1, 4, 2, 8});
        QVERIFY(!model::decodeAttentionApplies(q2, k2, k2, {}));                        // two query rows
        QVERIFY(!model::decodeAttentionApplies(q2.narrow(1, 0, 1).to(torch::kFloat64), k2, k2, {}));  // not float32
        {
            torch::AutoGradMode grad(true);
            auto qg = torch::randn({1, 1, 4, 8}).requires_grad_();
            QVERIFY(!model::decodeAttentionApplies(qg, k2, k2, {}));                      // a gradient is wanted
        }
    }

    void emptyContextLeftToTheGeneralPath() {
        QVERIFY(!model::decodeAttentionApplies(torch::randn({1, 1, 4, 8}), torch::randn({1, 4, 0, 8}), torch::randn({1, 4, 0, 8}), {}));
    }
};

QTEST_GUILESS_MAIN(TestDecodeAttention)
#include "test_decode_attention.moc"
