// The chunked LM-head log-prob (core/model/lm_head_logprob.h) against log_softmax + gather on the
// full logits: values, loss, per-row sums and the gradients of hidden states and head weight, for
// one chunk (softmax kept), several chunks (recomputed in backward) and ignored labels; and the
// model's forward with and without chunking. Tolerance: 1e-5 relative + 1e-6 absolute (float32).
#include "model/lm_head_logprob.h"
#include "model/llava_model.h"

#include <torch/torch.h>

#include <QtTest>

using namespace stllava;

namespace {
bool close(const torch::Tensor& a, const torch::Tensor& b) { return torch::allclose(a, b, 1e-5, 1e-6); }
}  // namespace

class TestLmHeadLogprob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsFullLogSoftmax_data() {
        QTest::addColumn<int>("chunk");
        QTest::newRow("one chunk (kept softmax)") << 1024;
        QTest::newRow("chunks of 7 (recompute)") << 7;
        QTest::newRow("chunks of 1") << 1;
    }
    void equalsFullLogSoftmax() {
        QFETCH(int, chunk);
        torch::manual_seed(3);
        const std::int64_t N = 30, H = 16, V = 50;
        auto h1 = torch::randn({N, H}).requires_grad_(true);
        auto w1 = torch::randn({V, H}).requires_grad_(true);
        auto targets = torch::randint(0, V, {N}, torch::kInt64);
        targets.narrow(0, 0, 5).fill_(model::kIgnoreIndex);
        targets[17] = model::kIgnoreIndex;
        const auto up = torch::randn({N});  // an arbitrary upstream gradient (DPO weights rows unequally)

        const auto valid = (targets != model::kIgnoreIndex).to(torch::kFloat32);
        const auto ref = torch::log_softmax(torch::matmul(h1, w1.t()), 1).gather(1, targets.clamp_min(0).unsqueeze(1)).squeeze(1) * valid;
        (ref * up).sum().backward();

        auto h2 = h1.detach().clone().requires_grad_(true);
        auto w2 = w1.detach().clone().requires_grad_(true);
        const auto ours = model::chunkedTargetLogprobs(h2, w2, targets, model::kIgnoreIndex, chunk);
        (ours * up).sum().backward();
        QVERIFY(close(ours, ref.detach()));
        QCOMPARE(ours[17].item<float>(), 0.0f);
        QVERIFY(close(h2.grad(), h1.grad()));
        QVERIFY(close(w2.grad(), w1.grad()));
        QVERIFY(h2.grad().abs().sum().item<float>() > 0);
    }

    void modelForwardChunkedEqualsFull() {
        model::LlavaConfig c;
        c.mm_projector_type.clear();
        c.text.vocab_size = 97;
        c.text.hidden_size = 32;
        c.text.num_hidden_layers = 2;
        c.text.num_attention_heads = 4;
        c.text.num_key_value_heads = 4;
        c.text.intermediate_size = 64;
        model::BuildOptions b;
        b.with_vision_tower = false;
        torch::manual_seed(1);
        model::LlavaForCausalLM m(c, b);
        const auto ids = torch::randint(3, 97, {3, 12}, torch::kInt64);
        auto labels = ids.clone();
        labels.narrow(1, 0, 5).fill_(model::kIgnoreIndex);
        labels[2].narrow(0, 9, 3).fill_(model::kIgnoreIndex);
        const auto mask = torch::ones({3, 12}, torch::kInt64);
        std::vector<torch::Tensor> full_grads, chunk_grads;
        torch::Tensor full_loss, full_lp, chunk_loss, chunk_lp;
        for (const std::int64_t chunk : {std::int64_t{0}, std::int64_t{4}}) {
            model::ForwardOptions fo;
            fo.return_logits = false;
            fo.logprob_chunk = chunk;
            auto out = m->forward(ids, {}, mask, labels, fo);
            (out.loss + 0.3 * out.sequence_logps[1]).backward();
            auto& grads = chunk == 0 ? full_grads : chunk_grads;
            for (auto& p : m->parameters()) {
                grads.push_back(p.grad().clone());
                p.mutable_grad().zero_();
            }
            (chunk == 0 ? full_loss : chunk_loss) = out.loss.detach();
            (chunk == 0 ? full_lp : chunk_lp) = out.sequence_logps.detach();
            QCOMPARE(out.token_counts[2].item<std::int64_t>(), 4l);
        }
        QVERIFY(close(chunk_loss, full_loss));
        QVERIFY(close(chunk_lp, full_lp));
        for (std::size_t i = 0; i < full_grads.size(); ++i) QVERIFY2(close(chunk_grads[i], full_grads[i]), qPrintable(QString::number(i)));
    }

    void badShapesAreErrors() {
        QVERIFY_EXCEPTION_THROWN(model::chunkedTargetLogprobs(torch::zeros({4, 3}), torch::zeros({5, 2}), torch::zeros({4}, torch::kInt64), -100),
                                 std::invalid_argument);
    }
};

QTEST_GUILESS_MAIN(TestLmHeadLogprob)
#include "test_lm_head_logprob.moc"
