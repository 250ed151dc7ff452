// The session layer (core/pipeline) with real parts: a tiny model folder written here (original
// layout, tokenizer trained here), PNG images, a PEFT adapter written by core/lora.
//   - info: what was loaded, parameters by part, memory, a stable digest;
//   - mm_vision_tower given relative to the model folder is found there;
//   - an adapter merged at load, kept live, and merged into a new folder all answer the same, and
//     differently from the base model; non_lora_trainables reach the projector;
//   - requests with their own seeds, lengths and continuations, batched with shared prefixes and
//     forks, give the same tokens as each request alone; display pixels equal the file's;
//   - cancel, errors that name the request and the file, and concurrent callers.
#include "fixtures/tiny_model.h"

#include "common/input_error.h"
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"
#include "lora/lora.h"
#include "model/checkpoint_io.h"
#include "pipeline/llava_session.h"
#include "safetensors/safetensors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <thread>

using namespace stllava;
using namespace stllava::pipeline;

namespace {

Request ask(const std::string& image, const std::string& question, std::uint64_t seed, int max_new,
            double temperature = 1.0) {
    Request r;
    if (!image.empty()) r.images.push_back(ImageInput::file(image));
    r.conversation = {{prompt::Role::User, question}};
    r.sampling.temperature = temperature;
    r.sampling.greedy = temperature == 0.0;
    r.sampling.top_k = 20;
    r.sampling.seed = seed;
    r.sampling.max_new_tokens = max_new;
    r.sampling.stop_on_eos = false;  // random weights: fixed lengths make the comparison strict
    return r;
}

std::vector<std::int32_t> tokensOf(LlavaSession& s, const Request& r) {
    return s.generate(r).tokens;
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string model_dir_, adapter_dir_, image_, image2_;

    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(1);
        QVERIFY(dir_.isValid());
        const auto tok = testing::trainTinyTokenizer(dir_.path().toStdString(), 320);
        auto cfg = testing::tinyConfig();
        cfg.text.vocab_size = 320;
        auto m = testing::tinyModel(cfg);
        model_dir_ = path("tiny-llava");
        model::SaveOptions so;
        so.tokenizer_model_path = tok;
        model::saveModel(model_dir_, m, so);

        // An adapter with non-zero B (a trained one), and a projector that differs (non_lora_trainables).
        lora::LoraConfig lc;
        lc.rank = 4;
        lc.alpha = 8;
        lc.include_prefixes = {"model.layers"};
        lora::attachLora(*m, lc);
        {
            torch::NoGradGuard ng;
            torch::manual_seed(11);
            for (auto& [name, t] : lora::loraParameters(*m)) t.copy_(torch::randn(t.sizes()) * 0.3);
            for (auto& p : m->model->mm_projector.ptr()->parameters()) p.add_(torch::randn(p.sizes()) * 0.1);
        }
        adapter_dir_ = path("adapter");
        lora::SaveAdapterOptions ao;
        ao.config = lc;
        lora::saveAdapter(adapter_dir_, *m, ao);
        lora::saveNonLoraTrainables(adapter_dir_ + "/non_lora_trainables.safetensors", *m,
                                    {"model.mm_projector"});

        RgbImage img;
        img.width = 40;
        img.height = 30;
        for (int i = 0; i < img.width * img.height; ++i)
            img.pixels.insert(img.pixels.end(),
                              {std::uint8_t(i * 7), std::uint8_t(i * 3), std::uint8_t(255 - i)});
        image_ = path("scan.png");
        writePixelsPng(img, image_);
        for (auto& p : img.pixels) p = static_cast<std::uint8_t>(255 - p);
        image2_ = path("scan2.png");
        writePixelsPng(img, image2_);
    }

    void infoDescribesTheModel() {
        ModelSource src;
        src.model_dir = model_dir_;
        auto s = LlavaSession::open(src);
        const ModelInfo& i = s->info();
        QCOMPARE(QString::fromStdString(i.layout), QStringLiteral("original LLaVA (model.*)"));
        QCOMPARE(QString::fromStdString(i.template_name), QStringLiteral("vicuna_v1"));
        QCOMPARE(QString::fromStdString(i.projector), QStringLiteral("mlp2x_gelu"));
        QCOMPARE(QString::fromStdString(i.vision_tower), QStringLiteral("checkpoint"));
        QCOMPARE(i.image_tokens, std::int64_t(4));
        QCOMPARE(i.vocab_size, std::int64_t(320));
        QCOMPARE(i.tokenizer_vocab, std::int64_t(320));
        QCOMPARE(i.parameters, i.decoder_parameters + i.vision_parameters + i.projector_parameters);
        // Parameter counts from the config by hand: embed + lm_head + 2 layers + norm.
        const std::int64_t H = 32, I = 64, V = 320, kv = 2 * 8;
        const std::int64_t layer = H * H * 2 + H * kv * 2 + 3 * H * I + 2 * H;
        QCOMPARE(i.decoder_parameters, 2 * V * H + 2 * layer + H);
        QCOMPARE(i.projector_parameters, 24 * H + H + H * H + H);
        QCOMPARE(i.memory.weights, i.parameters * 4);
        QCOMPARE(i.memory.kv_cache_per_token, std::int64_t(2 * 2 * 2 * 8 * 4));
        QVERIFY(i.memory.run > i.memory.weights);
        QVERIFY(i.memory.train_lora > i.memory.run);
        QCOMPARE(i.digest.size(), std::size_t(64));
        QCOMPARE(LlavaSession::open(src)->info().digest, i.digest);  // stable
        const auto j = i.toJson();
        QCOMPARE(j["parameters"]["total"].get<std::int64_t>(), i.parameters);
        QVERIFY(i.toText().find("mlp2x_gelu") != std::string::npos);
    }

    void relativeVisionTowerBesideTheModel() {
        // Model saved without its tower, config naming "clip-tower" (relative): found in the model folder.
        ModelSource src;
        src.model_dir = model_dir_;
        auto full = LlavaSession::open(src);
        auto cfg = testing::tinyConfig();
        cfg.text.vocab_size = 320;
        cfg.mm_vision_tower = "clip-tower";
        auto m = testing::tinyModel(cfg);
        const auto dir = path("no-tower");
        model::SaveOptions so;
        so.include_vision_tower = false;
        so.tokenizer_model_path = model_dir_ + "/tokenizer.model";
        model::saveModel(dir, m, so);
        std::vector<std::pair<std::string, torch::Tensor>> clip;
        const std::string prefix = "model.vision_tower.vision_tower.";
        for (auto& [n, t] : model::namedBaseTensors(m))
            if (n.rfind(prefix, 0) == 0) clip.emplace_back(n.substr(prefix.size()), t);
        std::filesystem::create_directories(dir + "/clip-tower");
        st::save(dir + "/clip-tower/model.safetensors", clip);
        const auto cwd = std::filesystem::current_path();
        std::filesystem::current_path(dir_.path().toStdString());  // not the model folder
        ModelSource s2;
        s2.model_dir = dir;
        auto s = LlavaSession::open(s2);
        std::filesystem::current_path(cwd);
        QVERIFY2(s->info().vision_tower.find("clip-tower") != std::string::npos,
                 s->info().vision_tower.c_str());
        QVERIFY(!tokensOf(*s, ask(image_, "What is shown?", 1, 4, 0.0)).empty());
    }

    void adapterMergedLiveAndMergedFolderAgree() {
        ModelSource base;
        base.model_dir = model_dir_;
        ModelSource merged = base, live = base;
        merged.adapter_dir = live.adapter_dir = adapter_dir_;
        live.adapter_mode = AdapterMode::Live;
        auto sb = LlavaSession::open(base), sm = LlavaSession::open(merged), sl = LlavaSession::open(live);
        QCOMPARE(sm->info().adapter.adapted_layers, std::int64_t(14));  // 7 linears x 2 layers
        QCOMPARE(sm->info().adapter.rank, std::int64_t(4));
        QVERIFY(!sm->info().adapter.non_lora_loaded.empty());
        QCOMPARE(sm->info().adapter.digest.size(), std::size_t(64));
        const Request q = ask(image_, "Is there a lesion in the liver?", 0, 8, 0.0);
        const auto tb = tokensOf(*sb, q), tm = tokensOf(*sm, q), tl = tokensOf(*sl, q);
        QCOMPARE(tm, tl);
        QVERIFY(tm != tb);
        // The merged folder answers like the adapter.
        const auto out = path("merged-model");
        sm->saveMerged(out);
        ModelSource mf;
        mf.model_dir = out;
        QCOMPARE(tokensOf(*LlavaSession::open(mf), q), tm);
        QVERIFY(LlavaSession::open(mf)->info().adapter.path.empty());
    }

    void batchedEqualsAlone() {
        ModelSource src;
        src.model_dir = model_dir_;
        src.template_name = "v1_sq";
        auto s = LlavaSession::open(src);
        // The stage-2 pattern: one image, several samples of one prompt (forks), answers to
        // different questions (a shared prefix), another image, a text-only question, and a
        // VUSER question continuation; different seeds, temperatures and lengths.
        std::vector<Request> reqs = {ask(image_, "Describe the image.", 40, 9),
                                     ask(image_, "Describe the image.", 42, 5),
                                     ask(image_, "Describe the image.", 42, 7, 0.7),
                                     ask(image_, "What organ is shown?", 3, 6),
                                     ask(image2_, "What organ is shown?", 3, 6),
                                     ask("", "Is there a lesion?", 5, 4),
                                     ask(image_, "Is there a lesion in the liver?", 8, 12, 0.0)};
        Request vq = ask(image_, "Describe the image.", 9, 6);
        vq.conversation.push_back({prompt::Role::Assistant, "The chest X-ray shows no acute abnormality."});
        vq.continuation = Continuation::Question;
        reqs.push_back(vq);
        std::vector<std::vector<std::int32_t>> alone;
        for (const auto& r : reqs) alone.push_back(tokensOf(*s, r));
        for (int max_batch : {8, 3}) {
            GenerateSettings gs;
            gs.max_batch = max_batch;
            GenerateStats stats;
            const auto together = s->generate(reqs, {}, gs, &stats);
            for (std::size_t i = 0; i < reqs.size(); ++i) {
                QCOMPARE(together[i].tokens, alone[i]);
                QCOMPARE(together[i].tokens.size(), std::size_t(reqs[i].sampling.max_new_tokens));
            }
            if (max_batch == 8)
                QVERIFY2(stats.prefilled_positions < stats.prompt_positions, "no prefix was shared");
            QVERIFY(stats.image_cache_hits > 0);
        }
        QVERIFY(s->promptFor(vq).size() > 6 &&
                s->promptFor(vq).substr(s->promptFor(vq).size() - 6) == "VUSER:");
    }

    void displayPixelsAreWhatTheModelSees() {
        ModelSource src;
        src.model_dir = model_dir_;
        auto s = LlavaSession::open(src);
        const Request from_file = ask(image_, "What is shown?", 1, 6, 0.0);
        Request from_pixels = from_file;
        from_pixels.images = {ImageInput::pixels(loadDisplayImage(image_))};
        QCOMPARE(tokensOf(*s, from_pixels), tokensOf(*s, from_file));
        Request inverted = from_file;
        inverted.images = {ImageInput::pixels(loadDisplayImage(image2_))};
        QCOMPARE(ImageInput::pixels(loadDisplayImage(image_)).identity(), from_pixels.images[0].identity());
        QVERIFY(inverted.images[0].identity() != from_pixels.images[0].identity());
    }

    void streamingAndCancel() {
        ModelSource src;
        src.model_dir = model_dir_;
        auto s = LlavaSession::open(src);
        const Request r = ask(image_, "What is shown?", 1, 30, 0.0);
        std::string streamed;
        const Reply full = s->generate(r, [&](std::size_t i, std::string_view d) {
            if (i != 0) return false;
            streamed += d;
            return true;
        });
        QCOMPARE(streamed, full.text);
        CancelToken cancel;
        GenerateSettings gs;
        gs.cancel = &cancel;
        int pieces = 0;
        const Reply stopped = s->generate(
            r,
            [&](std::size_t, std::string_view) {
                if (++pieces == 3) cancel.cancel();
                return true;
            },
            gs);
        QCOMPARE(QString::fromStdString(stopped.stop_reason), QStringLiteral("cancelled"));
        QVERIFY(stopped.tokens.size() < 30);
    }

    void errorsNameTheRequestAndTheFile() {
        ModelSource src;
        src.model_dir = model_dir_;
        auto s = LlavaSession::open(src);
        std::vector<Request> reqs = {ask(image_, "a?", 1, 3), ask(path("missing.png"), "b?", 1, 3)};
        try {
            s->generate(reqs);
            QFAIL("no error for a missing image");
        } catch (const InputError& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("request 1") != std::string::npos && m.find("missing.png") != std::string::npos,
                     m.c_str());
        }
        Request two = ask(image_, "<image>\nand <image>\n?", 1, 3);
        QVERIFY_THROWS_EXCEPTION(InputError, s->generate(two));
        // An earlier answer that holds "<image>" is the model's text, not a second image: the chat goes on.
        Request history = ask(image_, "first?", 1, 3);
        history.conversation.push_back({prompt::Role::Assistant, "I see <image> here"});
        history.conversation.push_back({prompt::Role::User, "and then?"});
        QCOMPARE(s->generate(history).tokens.size(), std::size_t(3));
        Request vq = ask(image_, "q", 1, 3);
        vq.continuation = Continuation::Question;  // vicuna_v1 has no VUSER role
        QVERIFY_THROWS_EXCEPTION(InputError, s->generate(vq));
        Request bad = ask(image_, "q", 1, 3);
        bad.sampling.top_p = 2.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, s->generate(bad));

        ModelSource wrong = src;
        wrong.adapter_dir = path("nowhere");
        try {
            LlavaSession::open(wrong);
            QFAIL("no error for a missing adapter folder");
        } catch (const InputError& e) {
            QVERIFY2(std::string(e.what()).find("nowhere") != std::string::npos, e.what());
        }
        wrong = src;
        wrong.dtype = "f8";
        QVERIFY_THROWS_EXCEPTION(InputError, LlavaSession::open(wrong));
        wrong = src;
        wrong.model_dir = path("no-such-model");
        QVERIFY_THROWS_EXCEPTION(InputError, LlavaSession::open(wrong));
    }

    void concurrentCallersGetTheirOwnAnswers() {
        ModelSource src;
        src.model_dir = model_dir_;
        auto s = LlavaSession::open(src);
        const Request a = ask(image_, "What is shown?", 1, 10), b = ask(image2_, "Is there a lesion?", 2, 10);
        const auto ta = tokensOf(*s, a), tb = tokensOf(*s, b);
        std::vector<std::int32_t> ra, rb;
        std::thread t1([&] {
            for (int k = 0; k < 3; ++k) ra = tokensOf(*s, a);
        });
        std::thread t2([&] {
            for (int k = 0; k < 3; ++k) rb = tokensOf(*s, b);
        });
        t1.join();
        t2.join();
        QCOMPARE(ra, ta);
        QCOMPARE(rb, tb);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
