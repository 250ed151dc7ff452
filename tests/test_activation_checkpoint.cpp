// Activation checkpointing of decoder layers: same loss and same gradients as the plain forward,
// for full fine-tuning and for LoRA with dropout (the recompute must replay the same dropout masks).
#include "lora/lora.h"
#include "nn/activation_checkpoint.h"
#include "fixtures/tiny_model.h"

#include <ATen/autocast_mode.h>
#include <QTest>

using namespace stllava;

namespace {

struct Grads {
    torch::Tensor loss;
    std::map<std::string, torch::Tensor> grads;
};

Grads lossAndGrads(model::LlavaForCausalLM& m, bool checkpointing, std::uint64_t dropout_seed) {
    m->setActivationCheckpointing(checkpointing);
    m->train();
    m->zero_grad();
    const auto config = m->config();
    const auto ids = torch::cat({testing::row(testing::randomIds(9, config.text.vocab_size, 2, 11)),
                                 testing::row(testing::randomIds(9, config.text.vocab_size, 4, 12))});  // [2, 9]
    const auto pixels = testing::randomPixels(2, config.vision.image_size);
    const auto mask = torch::ones_like(ids);
    auto labels = ids.clone();
    labels.masked_fill_(labels == model::kImageTokenId, model::kIgnoreIndex);
    torch::manual_seed(dropout_seed);  // the same LoRA dropout masks in both runs
    auto out = m->forward(ids, pixels, mask, labels);
    out.loss.backward();
    Grads g;
    g.loss = out.loss.detach();
    for (const auto& p : m->named_parameters())
        if (p.value().grad().defined()) g.grads[p.key()] = p.value().grad().clone();
    return g;
}

void compare(const Grads& plain, const Grads& ckpt) {
    QVERIFY(!plain.grads.empty());
    QCOMPARE(ckpt.grads.size(), plain.grads.size());
    QVERIFY2(torch::allclose(plain.loss, ckpt.loss, 0, 0), "loss differs");
    for (const auto& [name, g] : plain.grads) {
        const auto it = ckpt.grads.find(name);
        QVERIFY2(it != ckpt.grads.end(), name.c_str());
        // Same kernels on the same inputs: equal up to float32 summation order in backward.
        QVERIFY2(torch::allclose(g, it->second, 1e-5, 1e-6), name.c_str());
    }
}

}  // namespace

class TestActivationCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void fullFineTuneGradientsUnchanged() {
        auto m = testing::tinyModel(testing::tinyConfig());
        const auto before = nn::checkpointRecomputeCount();
        const Grads plain = lossAndGrads(m, false, 5);
        QCOMPARE(nn::checkpointRecomputeCount(), before);
        const Grads ckpt = lossAndGrads(m, true, 5);
        QCOMPARE(nn::checkpointRecomputeCount() - before, m->config().text.num_hidden_layers);  // every layer recomputed
        compare(plain, ckpt);
        QVERIFY(plain.grads.count("model.layers.0.self_attn.q_proj.weight"));
    }

    void loraWithDropoutGradientsUnchanged() {
        auto m = testing::tinyModel(testing::tinyConfig());
        lora::LoraConfig lc;
        lc.rank = 4;
        lc.alpha = 8;
        lc.dropout = 0.3;
        lc.include_prefixes = {"model.layers"};
        QVERIFY(lora::attachLora(*m, lc) > 0);
        {
            torch::NoGradGuard no_grad;  // B = 0 at attach: give the adapters an effect
            for (auto& p : m->named_parameters())
                if (p.key().find("lora_B") != std::string::npos) p.value().normal_(0, 0.1);
        }
        for (auto& p : m->named_parameters())  // frozen base, as in LoRA training: only adapters learn
            p.value().set_requires_grad(p.key().find("lora_") != std::string::npos);
        const Grads plain = lossAndGrads(m, false, 9);
        const auto before = nn::checkpointRecomputeCount();
        const Grads ckpt = lossAndGrads(m, true, 9);
        QVERIFY(nn::checkpointRecomputeCount() > before);
        compare(plain, ckpt);
        QVERIFY(plain.grads.count("model.layers.1.mlp.down_proj.lora_A.weight"));
        QVERIFY(!plain.grads.count("model.layers.1.mlp.down_proj.weight"));
    }

    void checkpointedBlockReplaysRandomness() {
        // A block with its own dropout: the recompute must see the forward's random state.
        auto w = torch::randn({6, 6}).requires_grad_(true);
        const auto x = torch::randn({3, 6});
        auto block = [w](const torch::Tensor& in) { return torch::dropout(torch::mm(in, w), 0.5, true).tanh(); };
        torch::manual_seed(21);
        block(x).sum().backward();
        const auto plain = w.grad().clone();
        w.mutable_grad().zero_();
        torch::manual_seed(21);
        nn::checkpointed(block, x).sum().backward();
        QVERIFY(torch::allclose(plain, w.grad(), 1e-6, 1e-7));
        QVERIFY(plain.abs().sum().item<double>() > 0);
    }

    void recomputeRunsUnderTheForwardAutocast() {
        // Backward runs after the caller left its autocast region (the trainer's guard covers the
        // forward only): the recompute must still run as the forward did (CPU autocast, bfloat16).
        auto w = torch::randn({8, 8}).requires_grad_(true);
        const auto x = torch::randn({4, 8});
        std::vector<std::pair<bool, at::ScalarType>> seen;  // autocast state at each run of the block
        auto block = [w, &seen](const torch::Tensor& in) {
            seen.emplace_back(at::autocast::is_cpu_enabled(), at::autocast::get_autocast_cpu_dtype());
            return torch::mm(in, w).tanh();
        };
        auto withCpuAutocast = [](const std::function<torch::Tensor()>& f) {
            at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
            at::autocast::set_cpu_enabled(true);
            auto out = f();
            at::autocast::set_cpu_enabled(false);
            at::autocast::clear_cache();
            return out;
        };
        // Plain: forward under autocast keeps what backward needs (bfloat16 operands).
        withCpuAutocast([&] { return block(x); }).to(torch::kFloat32).sum().backward();
        const auto plain = w.grad().clone();
        w.mutable_grad().zero_();
        seen.clear();
        const auto y = withCpuAutocast([&] { return nn::checkpointed(block, x); });
        QCOMPARE(y.scalar_type(), at::kBFloat16);
        y.to(torch::kFloat32).sum().backward();  // outside autocast
        QCOMPARE(seen.size(), std::size_t(2));   // forward, then the recompute
        QVERIFY2(seen[1].first, "the recompute ran without autocast");
        QCOMPARE(seen[1].second, at::kBFloat16);
        QVERIFY(!at::autocast::is_cpu_enabled());  // the caller's state is back after backward
        QVERIFY(torch::equal(plain, w.grad()));
        QVERIFY(plain.abs().sum().item<double>() > 0);
    }

    void noGradModeRunsPlainly() {
        torch::NoGradGuard no_grad;
        const auto x = torch::ones({2, 2});
        const auto y = nn::checkpointed([](const torch::Tensor& in) { return in * 3; }, x);
        QVERIFY(!y.requires_grad());
        QCOMPARE(y.sum().item<float>(), 12.0f);
    }
};

QTEST_GUILESS_MAIN(TestActivationCheckpoint)
#include "test_activation_checkpoint.moc"
