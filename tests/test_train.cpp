// Stage-1 training engine on a tiny Llama decoder built here: the loss falls by 90% on a tiny set;
// an interrupted-and-resumed run reaches bit-identical weights (CPU, same threads); cancel stops
// within one micro-step; corrupted checkpoints are refused; NaN losses are reported with the last
// good checkpoint intact; AdamW, the cosine schedule, parameter groups and presets match their
// definitions.
#include "training/checkpoint.h"
#include "training/optim.h"
#include "training/trainer.h"
#include "fixtures/training_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace stllava::training;
using stllava::Tokenizer;
namespace fs = std::filesystem;

namespace {

TrainConfig smallConfig(const std::string& out) {
    TrainConfig c = presetSft();
    c.output_dir = out;
    c.template_name = "v1_sq";
    c.decoder = "full";
    c.vision = "frozen";
    c.max_length = 1024;
    c.warmup_ratio = 0.0;
    c.lr = {1e-2, 1e-2, 1e-2, 1e-2};
    c.adam.eps = 1e-8;
    c.keep_last = 0;
    return c;
}

InstructDataset dataset(const std::string& dir, int n, int turns) {
    fixtures::writeJson(dir + "/data.json", fixtures::instructItems(n, turns));
    return loadInstructData(dir + "/data.json");
}

// n single-turn items with an image each (<prefix><i>.png, a placeholder file in `dir`) written to
// <dir>/<prefix>.json and loaded.
InstructDataset imageDataset(const std::string& dir, int n, const std::string& prefix) {
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < n; ++i) {
        const std::string img = prefix + std::to_string(i) + ".png";
        std::ofstream(dir + "/" + img) << "pixels";
        const auto k = static_cast<std::size_t>(i % 8);
        items.push_back({{"id", i},
                         {"image", img},
                         {"conversations",
                          {{{"from", "human"}, {"value", "<image>\n" + fixtures::questions()[k]}},
                           {{"from", "gpt"}, {"value", fixtures::answers()[k]}}}}});
    }
    fixtures::writeJson(dir + "/" + prefix + ".json", items);
    DataOptions dopt;
    dopt.image_folder = dir;
    return loadInstructData(dir + "/" + prefix + ".json", dopt);
}

}  // namespace

class TestTrain : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;
    std::string tokpath_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Tiny models: one thread is fastest, and OpenMP threads on a busy 2-core machine spin.
        torch::set_num_threads(1);
        d_ = dir_.path().toStdString();
        tokpath_ = fixtures::trainTokenizer(d_);
    }

    void lossFallsByNinetyPercent() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        auto model = fixtures::tinyModel(tok.vocabSize(), false);
        TrainConfig c = smallConfig("");
        c.sq_r = 0.0;
        c.batch_size = 4;
        c.grad_accum = 1;
        c.epochs = 50;
        c.group_by_length = false;
        prepareModel(*model, c);
        Trainer t(model, tok, c);
        TrainControl control;
        std::vector<double> losses;
        const auto r = t.trainSft(dataset(d_, 8, 1), control, [&](const TrainProgress& p) {
            if (p.event == "step") {
                losses.push_back(p.loss);
                QVERIFY(p.lr > 0 && p.grad_norm > 0 && p.tokens_per_s > 0 && p.memory_bytes > 0);
            }
        });
        QCOMPARE(r.steps, std::int64_t(100));
        QCOMPARE(losses.size(), std::size_t(100));
        const double first = losses.front();
        const double last = (losses[97] + losses[98] + losses[99]) / 3.0;
        qInfo("loss %.4f -> %.4f", first, last);
        QVERIFY2(last < 0.1 * first, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));
    }

    void resumeIsBitIdentical() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const InstructDataset data = dataset(d_, 9, 3);
        auto configFor = [&](const std::string& out) {
            TrainConfig c = smallConfig(out);
            c.decoder = "lora";  // LoRA with dropout: the generator state matters
            c.llm_lora = {4, 8.0, 0.1};
            c.sq_r = 0.5;
            c.batch_size = 2;
            c.grad_accum = 2;
            c.epochs = 3;
            c.save_steps = 1;
            c.lr = {3e-3, 3e-3, 3e-3, 3e-3};
            c.warmup_ratio = 0.2;
            return c;
        };
        auto freshTrainer = [&](const TrainConfig& c, stllava::model::LlavaForCausalLM& m) {
            m = fixtures::tinyModel(tok.vocabSize(), false);
            prepareModel(*m, c);
            return std::make_unique<Trainer>(m, tok, c);
        };
        // Uninterrupted.
        stllava::model::LlavaForCausalLM m1{nullptr};
        TrainControl control;
        const auto full = freshTrainer(configFor(d_ + "/full"), m1)->trainSft(data, control);
        QCOMPARE(full.steps,
                 std::int64_t(9));  // 5 batches of 2 -> steps of 2, 2 and 1 micro-batches x 3 epochs
        const auto want = fixtures::snapshot(*m1);

        // Interrupted at a random micro-step, then resumed (twice when it lands early).
        std::mt19937 rng(static_cast<unsigned>(std::random_device{}()));
        const int stop_at = 1 + static_cast<int>(rng() % 14);  // 15 micro-steps in all
        qInfo("interrupting at micro-step %d", stop_at);
        stllava::model::LlavaForCausalLM m2{nullptr};
        TrainControl c2;
        std::int64_t max_micro = 0;
        const auto part = freshTrainer(configFor(d_ + "/resumed"), m2)->trainSft(data, c2, [&](const TrainProgress& p) {
            if (p.event != "micro") return;
            max_micro = std::max(max_micro, p.micro_step);
            if (p.micro_step == stop_at) c2.cancel = true;
        });
        QVERIFY(part.cancelled);
        QCOMPARE(max_micro, std::int64_t(stop_at));  // cancel stops before the next micro-step
        QVERIFY(part.steps < 9);
        stllava::model::LlavaForCausalLM m3{nullptr};
        TrainControl c3;
        const auto rest = freshTrainer(configFor(d_ + "/resumed"), m3)->trainSft(data, c3);
        QCOMPARE(rest.resumed_from, part.steps);
        QCOMPARE(rest.steps, std::int64_t(9));
        QVERIFY(fixtures::identical(fixtures::snapshot(*m3), want));
    }

    void epochEndStepTakesOnlyWhatIsLeft() {
        // 9 items, batches of 2 -> 5 batches an epoch; 2 micro-batches a step -> steps of 2, 2 and
        // 1 micro-batches. Every item is seen exactly once an epoch (the last step never wraps
        // around to the epoch's first batches). The images the loader is asked for tell which items
        // each micro-step collates.
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const InstructDataset data = imageDataset(d_, 9, "seen");
        TrainConfig c = smallConfig("");
        c.image_folder = d_;
        c.decoder = "frozen";
        c.train_projector = true;
        c.sq_r = 0.0;
        c.batch_size = 2;
        c.grad_accum = 2;
        c.epochs = 2;
        auto m = fixtures::tinyModel(tok.vocabSize(), true);
        prepareModel(*m, c);
        Trainer t(m, tok, c);
        std::vector<std::string> loaded;  // images collated since the last micro-step
        t.setImageLoader([&](const std::string& path) {
            loaded.push_back(fs::path(path).filename().string());
            return torch::zeros({3, 28, 28});
        });
        std::vector<std::vector<std::vector<std::string>>> steps(1);  // [step][micro] -> images
        std::vector<std::int64_t> epochs;
        TrainControl control;
        const auto r = t.trainSft(data, control, [&](const TrainProgress& p) {
            if (p.event == "micro") {
                steps.back().push_back(loaded);
                loaded.clear();
            } else if (p.event == "step") {
                epochs.push_back(p.epoch);
                steps.emplace_back();
            }
        });
        steps.pop_back();
        QCOMPARE(r.steps, std::int64_t(6));
        QCOMPARE(steps.size(), std::size_t(6));
        QCOMPARE(epochs, (std::vector<std::int64_t>{0, 0, 0, 1, 1, 1}));
        for (std::size_t e = 0; e < 2; ++e) {
            std::multiset<std::string> seen;
            for (std::size_t s = 3 * e; s < 3 * e + 3; ++s) {
                const std::size_t want_micro = s % 3 == 2 ? 1 : 2;
                QCOMPARE(steps[s].size(), want_micro);
                for (const auto& micro : steps[s]) seen.insert(micro.begin(), micro.end());
            }
            QCOMPARE(seen.size(), std::size_t(9));
            for (int i = 0; i < 9; ++i)
                QCOMPARE(seen.count("seen" + std::to_string(i) + ".png"), std::size_t(1));
        }
        QCOMPARE(steps[2][0].size(), std::size_t(1));  // the short last batch, alone in its step
    }

    void corruptedCheckpointRefused() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const InstructDataset data = dataset(d_, 4, 1);
        TrainConfig c = smallConfig(d_ + "/corrupt");
        c.batch_size = 2;
        c.grad_accum = 1;
        c.epochs = 2;
        c.save_steps = 1;
        c.keep_last = 2;
        auto m = fixtures::tinyModel(tok.vocabSize(), false);
        prepareModel(*m, c);
        TrainControl control;
        const auto r = Trainer(m, tok, c).trainSft(data, control);
        QCOMPARE(r.steps, std::int64_t(4));
        QCOMPARE(listCheckpoints(c.output_dir).size(), std::size_t(2));  // keep_last
        const std::string ck = latestCheckpoint(c.output_dir);
        QVERIFY(ck.find("checkpoint-00000004") != std::string::npos);
        verifyCheckpoint(ck);
        const auto good = readCheckpoint(ck);
        QCOMPARE(good.state["step"].get<int>(), 4);
        {  // flip one byte in the middle of the weights
            std::fstream f(ck + "/trainable.safetensors", std::ios::in | std::ios::out | std::ios::binary);
            f.seekg(0, std::ios::end);
            const auto size = static_cast<std::streamoff>(f.tellg());
            f.seekg(size - 7);
            char b;
            f.read(&b, 1);
            b = static_cast<char>(b ^ 0x10);
            f.seekp(size - 7);
            f.write(&b, 1);
        }
        try {
            readCheckpoint(ck);
            QFAIL("a corrupted checkpoint was accepted");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("corrupted") != std::string::npos &&
                         std::string(e.what()).find("trainable.safetensors checksum mismatch") != std::string::npos,
                     e.what());
        }
        // Resuming from it is refused too.
        auto m2 = fixtures::tinyModel(tok.vocabSize(), false);
        prepareModel(*m2, c);
        c.epochs = 3;
        TrainControl c2;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Trainer(m2, tok, c).trainSft(data, c2));
        // A folder without a manifest (an interrupted write) is refused.
        fs::remove(ck + "/manifest.json");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, verifyCheckpoint(ck));
    }

    void nanLossKeepsLastCheckpoint() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const InstructDataset data = dataset(d_, 4, 1);
        TrainConfig c = smallConfig(d_ + "/nan");
        c.batch_size = 2;
        c.grad_accum = 1;
        c.epochs = 1;
        auto m = fixtures::tinyModel(tok.vocabSize(), false);
        prepareModel(*m, c);
        TrainControl control;
        Trainer(m, tok, c).trainSft(data, control);
        const std::string ck = latestCheckpoint(c.output_dir);
        QVERIFY(!ck.empty());
        {
            torch::NoGradGuard ng;
            m->model->norm->weight.fill_(std::nan(""));
        }
        c.resume = false;
        c.epochs = 2;
        try {
            Trainer(m, tok, c).trainSft(data, control);
            QFAIL("a NaN loss was not reported");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("NaN") != std::string::npos, e.what());
        }
        QCOMPARE(latestCheckpoint(c.output_dir), ck);
        verifyCheckpoint(ck);
    }

    void tooLongItemsAreLeftOut() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        auto items = fixtures::instructItems(4, 1);
        std::string essay;
        for (int i = 0; i < 400; ++i) essay += "The lesion is in the liver. ";
        items.push_back({{"id", "essay"}, {"conversations", {{{"from", "human"}, {"value", essay}}, {{"from", "gpt"}, {"value", "Yes."}}}}});
        fixtures::writeJson(d_ + "/long.json", items);
        TrainConfig c = smallConfig("");
        c.batch_size = 2;
        c.grad_accum = 1;
        c.epochs = 1;
        auto m = fixtures::tinyModel(tok.vocabSize(), false);
        prepareModel(*m, c);
        Trainer t(m, tok, c);
        TrainControl control;
        std::string skipped;
        const auto r = t.trainSft(loadInstructData(d_ + "/long.json"), control, [&](const TrainProgress& p) {
            if (p.event == "skipped") skipped = p.detail;
        });
        QCOMPARE(r.steps, std::int64_t(2));  // 4 usable items, batch 2
        QVERIFY2(skipped.find("id essay") != std::string::npos && skipped.find("max_length 1024") != std::string::npos, skipped.c_str());
    }

    void pauseHoldsMicroSteps() {
        const Tokenizer tok = Tokenizer::load(tokpath_);
        TrainConfig c = smallConfig("");
        c.batch_size = 2;
        c.grad_accum = 2;
        c.epochs = 1;
        auto m = fixtures::tinyModel(tok.vocabSize(), false);
        prepareModel(*m, c);
        Trainer t(m, tok, c);
        TrainControl control;
        std::atomic<std::int64_t> micro{0};
        std::int64_t while_paused = -1;
        std::thread resumer;
        const auto r = t.trainSft(dataset(d_, 8, 1), control, [&](const TrainProgress& p) {
            if (p.event != "micro") return;
            micro = p.micro_step;
            if (p.micro_step == 1) {
                control.pause = true;
                resumer = std::thread([&] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                    while_paused = micro.load();  // nothing ran while paused
                    control.pause = false;
                });
            }
        });
        resumer.join();
        QCOMPARE(while_paused, std::int64_t(1));
        QCOMPARE(r.steps, std::int64_t(2));
        QVERIFY(!r.cancelled);
    }

    void visionLoraAndProjector() {
        // A tiny CLIP tower (28 px, patch 14: 4 image tokens): decoder LoRA, vision LoRA, projector
        // trained; the base weights of both stay as they were; images go through the loader.
        const Tokenizer tok = Tokenizer::load(tokpath_);
        const InstructDataset data = imageDataset(d_, 4, "img");
        QCOMPARE(data.items.size(), std::size_t(4));
        TrainConfig c = smallConfig(d_ + "/vision");
        c.image_folder = d_;
        c.decoder = "lora";
        c.vision = "lora";
        c.train_projector = true;
        c.llm_lora = {4, 8.0, 0.0};
        c.vision_lora = {2, 4.0, 0.0};
        c.batch_size = 2;
        c.grad_accum = 1;
        c.epochs = 1;
        auto m = fixtures::tinyModel(tok.vocabSize(), true);
        prepareModel(*m, c);
        std::map<std::string, torch::Tensor> before;
        for (const auto& item : m->named_parameters()) before[item.key()] = item.value().detach().clone();
        Trainer t(m, tok, c);
        int loads = 0;
        t.setImageLoader([&](const std::string& path) {
            ++loads;
            return torch::linspace(0, 1, 3 * 28 * 28).reshape({3, 28, 28}) * static_cast<float>(path.size() % 5 + 1);
        });
        TrainControl control;
        const auto r = t.trainSft(data, control);
        QCOMPARE(r.steps, std::int64_t(2));
        QCOMPARE(loads, 4);
        int projector = 0, vision_lora = 0;
        for (const auto& item : m->named_parameters()) {
            const std::string& n = item.key();
            const bool changed = !torch::equal(before[n], item.value());
            const bool lora = n.find(".lora_") != std::string::npos;
            if (n.rfind("model.mm_projector", 0) == 0) {
                QVERIFY2(changed, n.c_str());
                ++projector;
            } else if (lora && n.rfind("model.vision_tower", 0) == 0 && n.find("lora_B") != std::string::npos) {
                // Features come from hidden_states[-2]: with 2 layers only layer 0 feeds the
                // projector, so only its adapters get gradients.
                const bool used = n.find("encoder.layers.0.") != std::string::npos;
                QVERIFY2(changed == used, n.c_str());
                vision_lora += used;
            } else if (!lora) {
                QVERIFY2(!changed, n.c_str());  // frozen base weights (decoder and tower)
            }
        }
        QCOMPARE(projector, 4);
        QCOMPARE(vision_lora, 6);  // layer 0: q, k, v, out_proj, fc1, fc2
        const std::string ck = latestCheckpoint(c.output_dir);
        QVERIFY(fs::exists(ck + "/adapter/adapter_model.safetensors"));
        QVERIFY(fs::exists(ck + "/adapter/adapter_config.json"));
        QVERIFY(fs::exists(ck + "/adapter/non_lora_trainables.safetensors"));
    }

    void adamwMatchesTorch() {
        torch::manual_seed(3);
        auto a = torch::randn({5, 4}).set_requires_grad(true);
        auto b = a.detach().clone().set_requires_grad(true);
        ParamGroup g;
        g.name = "decoder";
        g.base_lr = 1e-2;
        g.weight_decay = 0.1;
        g.params = {{"model.layers.0.w", a}};
        AdamW mine({g}, AdamWOptions{0.9, 0.999, 1e-8, 0.1});
        torch::optim::AdamW ref({b}, torch::optim::AdamWOptions(1e-2).weight_decay(0.1));
        for (int s = 0; s < 5; ++s) {
            const auto grad = torch::randn({5, 4});
            a.mutable_grad() = grad.clone();
            b.mutable_grad() = grad.clone();
            mine.step(1.0);
            ref.step();
        }
        QVERIFY2(torch::allclose(a, b, 0, 1e-7), "AdamW differs from torch::optim::AdamW beyond 1e-7");
        // State round trip through named tensors.
        AdamW other({g}, AdamWOptions{});
        other.loadStateTensors(mine.stateTensors(), "test");
        QCOMPARE(other.stateTensors().size(), std::size_t(3));
        QVERIFY(torch::equal(other.stateTensors()[1].second, mine.stateTensors()[1].second));
    }

    void scheduleAndGroups() {
        QCOMPARE(cosineWithWarmup(0, 3, 100), 0.0);
        QCOMPARE(cosineWithWarmup(1, 3, 100), 1.0 / 3.0);
        QCOMPARE(cosineWithWarmup(3, 3, 100), 1.0);
        QVERIFY(std::abs(cosineWithWarmup(50, 3, 100) - 0.5 * (1 + std::cos(M_PI * 47.0 / 97.0))) < 1e-15);
        QCOMPARE(cosineWithWarmup(100, 3, 100), 0.0);
        QCOMPARE(warmupSteps(0.03, 1000), std::int64_t(30));
        QCOMPARE(warmupSteps(0.03, 10), std::int64_t(1));
        QCOMPARE(partOf("model.layers.3.mlp.up_proj.weight"), ParamPart::Decoder);
        QCOMPARE(partOf("lm_head.weight"), ParamPart::Decoder);
        QCOMPARE(partOf("model.embed_tokens.weight"), ParamPart::Decoder);
        QCOMPARE(partOf("model.norm.weight"), ParamPart::Decoder);
        QCOMPARE(partOf("model.vision_tower.vision_tower.vision_model.encoder.layers.0.fc1.weight"), ParamPart::Vision);
        QCOMPARE(partOf("model.mm_projector.0.bias"), ParamPart::Projector);
        QCOMPARE(partOf("model.layersX.w"), ParamPart::Other);
        const auto groups = makeParamGroups({{"model.layers.0.q.weight", torch::zeros({2, 2}, torch::requires_grad())},
                                             {"model.layers.0.norm.weight", torch::zeros({2}, torch::requires_grad())},
                                             {"model.mm_projector.0.weight", torch::zeros({2, 2}, torch::requires_grad())},
                                             {"model.mm_projector.0.bias", torch::zeros({2}, torch::requires_grad())},
                                             {"model.vision_tower.x.weight", torch::zeros({2, 2}, torch::requires_grad())}},
                                            LearningRates{1, 2, 3, 4}, 0.5);
        QCOMPARE(groups.size(), std::size_t(5));
        QCOMPARE(groups[0].name, std::string("decoder"));
        QCOMPARE(groups[0].weight_decay, 0.5);
        QCOMPARE(groups[1].name, std::string("decoder_no_decay"));
        QCOMPARE(groups[1].weight_decay, 0.0);
        QCOMPARE(groups[2].base_lr, 3.0);
        QCOMPARE(groups[3].name, std::string("projector_no_decay"));
        QCOMPARE(groups[4].base_lr, 2.0);
    }

    void presetsAndConfig() {
        const TrainConfig s = presetSft();
        QCOMPARE(s.llm_lora.rank, std::int64_t(128));
        QCOMPARE(s.llm_lora.alpha, 256.0);
        QCOMPARE(s.vision_lora.rank, std::int64_t(32));
        QCOMPARE(s.vision_lora.alpha, 64.0);
        QCOMPARE(s.lr.decoder, 2e-4);
        QCOMPARE(s.lr.vision, 5e-5);
        QCOMPARE(s.lr.projector, 2e-5);
        QCOMPARE(s.epochs, std::int64_t(3));
        QCOMPARE(s.batch_size * s.grad_accum, std::int64_t(32));
        QCOMPARE(s.warmup_ratio, 0.03);
        QCOMPARE(s.sq_r, 0.5);
        QCOMPARE(s.max_length, std::int64_t(2048));
        const TrainConfig d = presetDpo();
        QCOMPARE(d.lr.decoder, 5e-6);
        QCOMPARE(d.lr.vision, 2e-5);
        QCOMPARE(d.lr.projector, 2e-5);
        QCOMPARE(d.batch_size, std::int64_t(4));
        QCOMPARE(d.grad_accum, std::int64_t(16));
        QCOMPARE(d.epochs, std::int64_t(1));
        QCOMPARE(d.beta, 0.1);
        const auto parsed = parseTrainConfig(nlohmann::json{{"stage", "dpo"}, {"beta", 0.2}, {"lr", {{"vision", 1e-5}}}}, "t");
        QCOMPARE(parsed.beta, 0.2);
        QCOMPARE(parsed.lr.vision, 1e-5);
        QCOMPARE(parsed.lr.decoder, 5e-6);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseTrainConfig(nlohmann::json{{"learning_rate", 1}}, "t"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseTrainConfig(nlohmann::json{{"decoder", "half"}}, "t"));
        // Question learning needs the VUSER role.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseTrainConfig(nlohmann::json{{"template", "vicuna_v1"}}, "t"));
        QCOMPARE(parseTrainConfig(nlohmann::json{{"template", "vicuna_v1"}, {"sq_r", 0.0}}, "t").template_name, std::string("vicuna_v1"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseTrainConfig(nlohmann::json{{"template", "nope"}}, "t"));
        QCOMPARE(parseTrainConfig(toJson(d), "t").grad_accum, std::int64_t(16));
    }
};

QTEST_GUILESS_MAIN(TestTrain)
#include "test_train.moc"
