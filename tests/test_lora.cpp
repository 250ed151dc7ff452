// LoRA on a small module tree of stllava::nn::Linear layers named like LLaVA's: attach/merge/
// unmerge/disable semantics, PEFT folder round trip, hand-written PEFT files, key errors, and
// non_lora_trainables loading.
#include "lora/lora.h"
#include "safetensors/safetensors.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

namespace lora = stllava::lora;
using stllava::nn::Linear;
using stllava::nn::LinearOptions;

namespace {

constexpr std::int64_t kD = 16, kH = 24;

struct AttentionImpl : torch::nn::Module {
    Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};
    AttentionImpl() {
        q_proj = register_module("q_proj", Linear(LinearOptions(kD, kD).with_bias(false)));
        k_proj = register_module("k_proj", Linear(LinearOptions(kD, kD).with_bias(false)));
        v_proj = register_module("v_proj", Linear(LinearOptions(kD, kD).with_bias(false)));
        o_proj = register_module("o_proj", Linear(LinearOptions(kD, kD).with_bias(false)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return o_proj->forward(torch::tanh(q_proj->forward(x)) * k_proj->forward(x) + v_proj->forward(x));
    }
};
TORCH_MODULE(Attention);

struct MlpImpl : torch::nn::Module {
    Linear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
    MlpImpl() {
        gate_proj = register_module("gate_proj", Linear(LinearOptions(kD, kH).with_bias(false)));
        up_proj = register_module("up_proj", Linear(LinearOptions(kD, kH).with_bias(false)));
        down_proj = register_module("down_proj", Linear(LinearOptions(kH, kD).with_bias(false)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return down_proj->forward(torch::silu(gate_proj->forward(x)) * up_proj->forward(x));
    }
};
TORCH_MODULE(Mlp);

struct LayerImpl : torch::nn::Module {
    Attention self_attn{nullptr};
    Mlp mlp{nullptr};
    LayerImpl() {
        self_attn = register_module("self_attn", Attention());
        mlp = register_module("mlp", Mlp());
    }
    torch::Tensor forward(const torch::Tensor& x) {
        const auto h = x + self_attn->forward(x);
        return h + mlp->forward(h);
    }
};
TORCH_MODULE(Layer);

// A ViT block with CLIP's names (with biases).
struct VisionLayerImpl : torch::nn::Module {
    Linear q_proj{nullptr}, out_proj{nullptr};
    VisionLayerImpl() {
        q_proj = register_module("q_proj", Linear(LinearOptions(kD, kD)));
        out_proj = register_module("out_proj", Linear(LinearOptions(kD, kD)));
    }
    torch::Tensor forward(const torch::Tensor& x) { return x + out_proj->forward(torch::gelu(q_proj->forward(x))); }
};
TORCH_MODULE(VisionLayer);

// Paths: model.layers.{0,1}.self_attn.{q,k,v,o}_proj, model.layers.{i}.mlp.{gate,up,down}_proj,
// model.vision_tower.layers.0.{q_proj,out_proj}, model.mm_projector.{0,2}, lm_head.
struct InnerImpl : torch::nn::Module {
    torch::nn::ModuleList layers, vision_layers;
    torch::nn::Sequential mm_projector{nullptr};
    InnerImpl() {
        layers = register_module("layers", torch::nn::ModuleList(Layer(), Layer()));
        auto vt = std::make_shared<torch::nn::Module>();
        vision_layers = vt->register_module("layers", torch::nn::ModuleList(VisionLayer()));
        register_module("vision_tower", vt);
        mm_projector = register_module("mm_projector", torch::nn::Sequential(Linear(LinearOptions(kD, kD)), torch::nn::GELU(),
                                                                             Linear(LinearOptions(kD, kD))));
        norm = register_parameter("norm_weight", torch::ones({kD}));
    }
    torch::Tensor norm;
};
TORCH_MODULE(Inner);

struct TinyModelImpl : torch::nn::Module {
    Inner model{nullptr};
    Linear lm_head{nullptr};
    TinyModelImpl() {
        model = register_module("model", Inner());
        lm_head = register_module("lm_head", Linear(LinearOptions(kD, 10).with_bias(false)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        auto h = x;
        for (const auto& vl : *model->vision_layers) h = vl->as<VisionLayerImpl>()->forward(h);
        h = model->mm_projector->forward(h);
        for (const auto& l : *model->layers) h = l->as<LayerImpl>()->forward(h);
        return lm_head->forward(h * model->norm);
    }
};
TORCH_MODULE(TinyModel);

void randomiseB(torch::nn::Module& root, double scale = 0.5) {
    torch::NoGradGuard g;
    for (auto& [path, layer] : lora::adaptedLayers(root)) layer->lora_B->weight.normal_(0.0, scale);
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }
// Largest difference relative to the largest magnitude of `b` (at least 1): float32 rounding of
// sums of O(|b|) terms gives ~1e-7 relative; 1e-5 is the tolerance used below.
double relDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return maxDiff(a, b) / std::max(1.0, b.abs().max().item<double>());
}

bool bitEqual(const torch::Tensor& a, const torch::Tensor& b) {
    return a.scalar_type() == b.scalar_type() && a.sizes() == b.sizes() && torch::equal(a, b);
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

class TestLora : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    torch::Tensor x_;
    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        torch::manual_seed(1);
        x_ = torch::randn({3, 5, kD});  // [B, T, D]
    }

    void selection() {
        TinyModel m;
        const auto all = lora::linearLayers(*m);
        QCOMPARE(all.size(), std::size_t(2 * 7 + 2 + 2 + 1));
        QCOMPARE(all.front().first, std::string("model.layers.0.self_attn.q_proj"));
        lora::LoraConfig llm;  // default targets, LLM only
        llm.include_prefixes = {"model.layers"};
        QVERIFY(llm.matches("model.layers.1.mlp.down_proj"));
        QVERIFY(!llm.matches("model.vision_tower.layers.0.q_proj"));
        QVERIFY(!llm.matches("lm_head"));
        lora::LoraConfig prefix_boundary;
        prefix_boundary.include_prefixes = {"model.layer"};  // whole components only
        QVERIFY(!prefix_boundary.matches("model.layers.0.self_attn.q_proj"));
        lora::LoraConfig regex;
        regex.target_regex = R"(model\.layers\.1\..*_proj)";
        QVERIFY(regex.matches("model.layers.1.self_attn.v_proj"));
        QVERIFY(!regex.matches("model.layers.0.self_attn.v_proj"));

        QCOMPARE(lora::attachLora(*m, llm), 14);
        lora::LoraConfig vit;
        vit.rank = 4;
        vit.alpha = 8;
        vit.target_modules = {"q_proj", "out_proj"};
        vit.include_prefixes = {"model.vision_tower"};
        QCOMPARE(lora::attachLora(*m, vit), 2);
        QCOMPARE(lora::adaptedLayers(*m).size(), std::size_t(16));
        QCOMPARE(m->model->vision_layers[0]->as<VisionLayerImpl>()->q_proj->loraOptions().rank, std::int64_t(4));
        QCOMPARE(m->model->layers[0]->as<LayerImpl>()->self_attn->q_proj->loraOptions().rank, std::int64_t(8));
        QCOMPARE(lora::loraParameters(*m).size(), std::size_t(32));
        QCOMPARE(lora::loraParameters(*m)[1].first, std::string("model.layers.0.self_attn.q_proj.lora_B.weight"));

        QCOMPARE(lora::freezeAllButLora(*m, {"model.mm_projector"}), 32 + 4);
        for (auto& p : m->named_parameters()) {
            const bool lora_param = p.key().find(".lora_") != std::string::npos;
            const bool projector = p.key().rfind("model.mm_projector", 0) == 0;
            QCOMPARE(p.value().requires_grad(), lora_param || projector);
        }
        lora::LoraConfig bad;
        bad.rank = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lora::attachLora(*m, bad));
    }

    void attachKeepsOutputs() {
        torch::manual_seed(2);
        TinyModel m;
        torch::NoGradGuard g;
        const auto before = m->forward(x_);
        lora::LoraConfig c;
        QCOMPARE(lora::attachLora(*m, c), 15);  // default targets also hit the ViT's q_proj
        QVERIFY(bitEqual(m->forward(x_), before));  // B = 0
    }

    void mergeEqualsUnmerged() {
        torch::manual_seed(3);
        TinyModel m;
        lora::LoraConfig c;
        c.rank = 4;
        c.alpha = 12;
        lora::attachLora(*m, c);
        randomiseB(*m, 0.1);
        torch::NoGradGuard g;
        lora::setLoraEnabled(*m, false);
        const auto base = m->forward(x_);
        lora::setLoraEnabled(*m, true);
        const auto unmerged = m->forward(x_);
        QVERIFY(maxDiff(unmerged, base) > 1e-2);  // the adapters do change the output

        std::vector<torch::Tensor> weights;
        for (auto& [p, l] : lora::adaptedLayers(*m)) weights.push_back(l->weight.clone());
        lora::mergeLora(*m);
        const auto merged = m->forward(x_);
        // float32: merged and unmerged differ only by rounding (outputs are O(1)).
        QVERIFY2(relDiff(merged, unmerged) < 1e-5, (std::to_string(maxDiff(merged, unmerged)) + " of max " + std::to_string(unmerged.abs().max().item<double>())).c_str());
        lora::setLoraEnabled(*m, false);
        lora::unmergeLora(*m);
        std::size_t i = 0;
        for (auto& [p, l] : lora::adaptedLayers(*m)) QVERIFY(relDiff(l->weight, weights[i++]) < 1e-6);
        QVERIFY(relDiff(m->forward(x_), base) < 1e-5);  // disabled == base after unmerge
        lora::setLoraEnabled(*m, true);
        QVERIFY(relDiff(m->forward(x_), unmerged) < 1e-5);
        lora::detachLora(*m);
        QVERIFY(lora::adaptedLayers(*m).empty());
        QVERIFY(relDiff(m->forward(x_), base) < 1e-5);
    }

    // Stage 1's adapter baked into the weights, a second adapter trained on top, then both stacked
    // into one adapter on the original weights: the function is unchanged at every step, the stacked
    // rank is the sum, and the original weights come back.
    void bakeThenStack() {
        torch::manual_seed(9);
        TinyModel m;
        torch::NoGradGuard g;
        std::vector<torch::Tensor> original;
        for (auto& [p, l] : lora::linearLayers(*m)) original.push_back(l->weight.clone());
        lora::LoraConfig first;
        first.rank = 3;
        first.alpha = 6;
        first.include_prefixes = {"model.layers"};
        lora::attachLora(*m, first);
        randomiseB(*m, 0.2);
        const auto with_first = m->forward(x_);
        const auto earlier = lora::copyAdapters(*m);
        lora::bakeLora(*m);
        QVERIFY(lora::adaptedLayers(*m).empty());
        QVERIFY(relDiff(m->forward(x_), with_first) < 1e-5);
        lora::LoraConfig second;
        second.rank = 2;
        second.alpha = 8;
        second.target_modules = {"q_proj", "v_proj"};  // a subset: the other layers keep stage 1 only
        second.include_prefixes = {"model.layers"};
        lora::attachLora(*m, second);
        randomiseB(*m, 0.2);
        const auto with_both = m->forward(x_);
        QVERIFY(maxDiff(with_both, with_first) > 1e-3);
        QCOMPARE(lora::stackOnto(*m, earlier), static_cast<int>(2 * 2));  // q and v of both layers
        QVERIFY2(relDiff(m->forward(x_), with_both) < 1e-5, std::to_string(maxDiff(m->forward(x_), with_both)).c_str());
        for (auto& [p, l] : lora::adaptedLayers(*m)) {
            const bool stacked = p.find("q_proj") != std::string::npos || p.find("v_proj") != std::string::npos;
            QCOMPARE(l->loraOptions().rank, stacked ? std::int64_t(5) : std::int64_t(3));
        }
        lora::setLoraEnabled(*m, false);  // the base under the stacked adapter is the original model
        std::size_t i = 0;
        for (auto& [p, l] : lora::linearLayers(*m)) QVERIFY(relDiff(l->weight, original[i++]) < 1e-5);
    }

    void peftRoundTripBitExact() {
        torch::manual_seed(4);
        TinyModel a;
        lora::LoraConfig llm;
        llm.rank = 4;
        llm.alpha = 8;
        llm.include_prefixes = {"model.layers"};
        lora::attachLora(*a, llm);
        lora::LoraConfig vit;
        vit.rank = 2;
        vit.alpha = 3.5;
        vit.target_modules = {"q_proj"};
        vit.include_prefixes = {"model.vision_tower"};
        lora::attachLora(*a, vit);
        randomiseB(*a);
        const std::string folder = path("adapter");
        lora::SaveAdapterOptions so;
        so.config = llm;
        so.base_model_name_or_path = "tiny-base";
        lora::saveAdapter(folder, *a, so);

        const auto file = stllava::st::File::open(folder + "/adapter_model.safetensors");
        QCOMPARE(file->tensors().size(), std::size_t(30));
        QVERIFY(file->find("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"));
        QVERIFY(file->find("base_model.model.model.vision_tower.layers.0.q_proj.lora_B.weight"));
        const auto cfg = lora::readAdapterConfig(folder + "/adapter_config.json");
        QCOMPARE(cfg.rank, std::int64_t(4));
        QCOMPARE(cfg.alpha, 8.0);
        QCOMPARE(cfg.rank_pattern.at("model.vision_tower.layers.0.q_proj"), std::int64_t(2));
        QCOMPARE(cfg.alpha_pattern.at("model.vision_tower.layers.0.q_proj"), 3.5);

        torch::manual_seed(4);  // same base weights
        TinyModel b;
        const auto report = lora::loadAdapter(folder, *b);
        QCOMPARE(report.loaded_modules.size(), std::size_t(15));
        QVERIFY(report.missing_modules.empty());
        const auto pa = lora::loraParameters(*a), pb = lora::loraParameters(*b);
        QCOMPARE(pa.size(), pb.size());
        for (std::size_t i = 0; i < pa.size(); ++i) {
            QCOMPARE(pa[i].first, pb[i].first);
            QVERIFY2(bitEqual(pa[i].second, pb[i].second), pa[i].first.c_str());
        }
        QCOMPARE(b->model->vision_layers[0]->as<VisionLayerImpl>()->q_proj->loraOptions().alpha, 3.5);
        torch::NoGradGuard g;
        QVERIFY(bitEqual(a->forward(x_), b->forward(x_)));

        // Saved as bfloat16, loaded into a float32 model: values are the bf16-rounded ones.
        so.dtype = torch::kBFloat16;
        lora::saveAdapter(path("adapter_bf16"), *a, so);
        TinyModel c;
        lora::loadAdapter(path("adapter_bf16") + "/adapter_model.safetensors", *c);
        const auto pc = lora::loraParameters(*c);
        QVERIFY(bitEqual(pc[0].second, pa[0].second.to(torch::kBFloat16).to(torch::kFloat)));
    }

    void targetModulesWritten() {
        // LLM-only adapters: the names alone would also select the ViT's q_proj, so the selection
        // is written as one regex (PEFT's string form) that reads back to exactly the same layers.
        TinyModel m;
        lora::LoraConfig llm;
        llm.include_prefixes = {"model.layers"};
        QCOMPARE(lora::attachLora(*m, llm), 14);
        lora::SaveAdapterOptions so;
        so.config = llm;
        lora::saveAdapter(path("tm1"), *m, so);
        const auto c1 = lora::readAdapterConfig(path("tm1") + "/adapter_config.json");
        QCOMPARE(c1.target_regex,
                 std::string(R"(^(?=(?:model\.layers)(?:\.|$))(?:.*\.)?(?:q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)$)"));
        for (auto& [p, l] : lora::linearLayers(*m)) QCOMPARE(c1.matches(p), l->hasLora());

        // Names alone select exactly the adapted layers: the plain list is written.
        TinyModel n;
        lora::LoraConfig all;
        QCOMPARE(lora::attachLora(*n, all), 15);
        so.config = all;
        lora::saveAdapter(path("tm2"), *n, so);
        const auto c2 = lora::readAdapterConfig(path("tm2") + "/adapter_config.json");
        QVERIFY(c2.target_regex.empty());
        QCOMPARE(c2.target_modules, all.target_modules);

        // Adapters from two configs: a regex listing their paths.
        TinyModel k;
        lora::LoraConfig a, b;
        a.target_modules = {"q_proj"};
        a.include_prefixes = {"model.layers.0"};
        b.target_modules = {"down_proj"};
        b.include_prefixes = {"model.layers.1"};
        lora::attachLora(*k, a);
        lora::attachLora(*k, b);
        so.config = a;
        lora::saveAdapter(path("tm3"), *k, so);
        const auto c3 = lora::readAdapterConfig(path("tm3") + "/adapter_config.json");
        QCOMPARE(c3.target_regex, std::string(R"(^(?:model\.layers\.0\.self_attn\.q_proj|model\.layers\.1\.mlp\.down_proj)$)"));
        for (auto& [p, l] : lora::linearLayers(*k)) QCOMPARE(c3.matches(p), l->hasLora());
        TinyModel k2;
        QCOMPARE(lora::loadAdapter(path("tm3"), *k2).loaded_modules.size(), std::size_t(2));
    }

    void handWrittenPeftFile() {
        // PEFT layout written by hand: ".default" adapter names, a config as PEFT writes it.
        const std::string folder = path("handpeft");
        QVERIFY(QDir(dir_.path()).mkpath("handpeft"));
        const auto a = torch::arange(2 * kD, torch::kFloat).reshape({2, kD}) / 100.0;  // [r=2, in]
        const auto b = torch::arange(kD * 2, torch::kFloat).reshape({kD, 2}) / -50.0;  // [out, r=2]
        stllava::st::save(folder + "/adapter_model.safetensors",
                          {{"base_model.model.model.layers.1.self_attn.v_proj.lora_A.default.weight", a},
                           {"base_model.model.model.layers.1.self_attn.v_proj.lora_B.default.weight", b}});
        writeText(folder + "/adapter_config.json", R"({
  "alpha_pattern": {}, "auto_mapping": null, "base_model_name_or_path": "lmsys/vicuna-7b-v1.5",
  "bias": "none", "fan_in_fan_out": false, "inference_mode": true, "init_lora_weights": true,
  "layers_pattern": null, "layers_to_transform": null, "lora_alpha": 4, "lora_dropout": 0.05,
  "modules_to_save": null, "peft_type": "LORA", "r": 2, "rank_pattern": {}, "revision": null,
  "target_modules": ["v_proj"], "task_type": "CAUSAL_LM"})");
        TinyModel m;
        const auto report = lora::loadAdapter(folder, *m);
        QCOMPARE(report.loaded_modules, std::vector<std::string>{"model.layers.1.self_attn.v_proj"});
        QCOMPARE(report.missing_modules, std::vector<std::string>{"model.layers.0.self_attn.v_proj"});
        QCOMPARE(report.config.dropout, 0.05);
        auto v = m->model->layers[1]->as<LayerImpl>()->self_attn->v_proj;
        QVERIFY(bitEqual(v->lora_A->weight, a));
        QVERIFY(bitEqual(v->lora_B->weight, b));
        QCOMPARE(v->loraOptions().scale(), 2.0);
        // The adapter's effect is x W^T + 2 * x A^T B^T (eval mode: no dropout).
        m->eval();
        torch::NoGradGuard g;
        const auto xin = torch::randn({4, kD});
        const auto expected = torch::mm(xin, v->weight.t()) + 2.0 * torch::mm(torch::mm(xin, a.t()), b.t());
        QVERIFY(relDiff(v->forward(xin), expected) < 1e-5);
    }

    void badKeysAreErrors_data() {
        QTest::addColumn<QString>("key_a");
        QTest::addColumn<QString>("key_b");
        QTest::addColumn<int>("rank");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no such module") << "base_model.model.model.layers.7.self_attn.q_proj.lora_A.weight"
                                        << "base_model.model.model.layers.7.self_attn.q_proj.lora_B.weight" << 2
                                        << "model.layers.7.self_attn.q_proj";
        QTest::newRow("not a lora tensor") << "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"
                                           << "base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector" << 2
                                           << "lora_magnitude_vector";
        QTest::newRow("A without B") << "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"
                                     << "base_model.model.model.layers.0.self_attn.k_proj.lora_A.weight" << 2 << "but no lora_B";
        QTest::newRow("rank disagrees with config") << "base_model.model.model.layers.0.mlp.up_proj.lora_A.weight"
                                                    << "base_model.model.model.layers.0.mlp.up_proj.lora_B.weight" << 3
                                                    << "rank 3 in the weights";
        QTest::newRow("not a linear layer") << "base_model.model.model.mm_projector.lora_A.weight"
                                            << "base_model.model.model.mm_projector.lora_B.weight" << 2 << "model.mm_projector";
    }
    void badKeysAreErrors() {
        QFETCH(QString, key_a);
        QFETCH(QString, key_b);
        QFETCH(int, rank);
        QFETCH(QString, problem);
        const std::string folder = path("badpeft");
        QVERIFY(QDir(dir_.path()).mkpath("badpeft"));
        const auto ka = key_a.toStdString(), kb = key_b.toStdString();
        const bool b_is_b = kb.find("lora_B") != std::string::npos;
        const bool up = ka.find("up_proj") != std::string::npos;
        stllava::st::save(folder + "/adapter_model.safetensors",
                          {{ka, torch::zeros({rank, kD})}, {kb, b_is_b ? torch::zeros({up ? kH : kD, rank}) : torch::zeros({rank, kD})}});
        writeText(folder + "/adapter_config.json", R"({"peft_type":"LORA","r":2,"lora_alpha":4,"target_modules":["q_proj"]})");
        TinyModel m;
        try {
            lora::loadAdapter(folder, *m);
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find(problem.toStdString()) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find("adapter_model.safetensors") != std::string::npos, msg.c_str());
        }
        QVERIFY(lora::adaptedLayers(*m).empty());  // nothing attached on error
    }

    void badConfigsAreErrors() {
        const std::string folder = path("badcfg");
        QVERIFY(QDir(dir_.path()).mkpath("badcfg"));
        stllava::st::save(folder + "/adapter_model.safetensors", {{"x", torch::zeros({1})}});
        TinyModel m;
        for (const char* cfg : {R"({"peft_type":"IA3","r":2,"lora_alpha":4})", R"({"peft_type":"LORA","lora_alpha":4})",
                                R"({"peft_type":"LORA","r":2,"lora_alpha":4,"use_dora":true})", "{not json"}) {
            writeText(folder + "/adapter_config.json", cfg);
            QVERIFY_THROWS_EXCEPTION(std::runtime_error, lora::loadAdapter(folder, *m));
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lora::loadAdapter(path("no-such-adapter"), *m));
        TinyModel bare;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lora::saveAdapter(path("empty"), *bare, {}));
    }

    void nonLoraTrainables() {
        torch::manual_seed(5);
        TinyModel src;
        {
            torch::NoGradGuard g;
            for (auto& p : src->model->mm_projector->parameters()) p.normal_();
        }
        const std::string file = path("non_lora_trainables.safetensors");
        lora::saveNonLoraTrainables(file, *src, {"model.mm_projector"});
        const auto f = stllava::st::File::open(file);
        QCOMPARE(f->tensors().size(), std::size_t(4));
        QVERIFY(f->find("base_model.model.model.mm_projector.0.weight"));

        torch::manual_seed(6);
        TinyModel dst;
        const auto loaded = lora::loadNonLoraTrainables(file, *dst);
        QCOMPARE(loaded.size(), std::size_t(4));
        const auto ps = src->named_parameters(), pd = dst->named_parameters();
        for (const char* n : {"model.mm_projector.0.weight", "model.mm_projector.0.bias", "model.mm_projector.2.weight"})
            QVERIFY2(bitEqual(ps[n], pd[n]), n);

        // STLLaVA's converted file stored in bf16, with the "base_model.model." prefix: converted on load.
        const std::string bf = path("nlt_bf16.safetensors");
        stllava::st::save(bf, {{"base_model.model.model.mm_projector.2.bias", torch::full({kD}, 0.3).to(torch::kBFloat16)},
                               {"base_model.model.model.norm_weight", torch::full({kD}, 2.0)}});
        lora::loadNonLoraTrainables(bf, *dst);
        QCOMPARE(dst->named_parameters()["model.mm_projector.2.bias"][0].item<float>(),
                 torch::tensor(0.3).to(torch::kBFloat16).item<float>());
        QCOMPARE(dst->named_parameters()["model.norm_weight"][3].item<float>(), 2.0f);

        const std::string bad = path("nlt_bad.safetensors");
        stllava::st::save(bad, {{"base_model.model.model.mm_projector.9.weight", torch::zeros({2})}});
        try {
            lora::loadNonLoraTrainables(bad, *dst);
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("mm_projector.9.weight") != std::string::npos, e.what());
        }
        stllava::st::save(bad, {{"base_model.model.model.mm_projector.0.bias", torch::zeros({kD + 1})}});
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lora::loadNonLoraTrainables(bad, *dst));
    }
};

QTEST_GUILESS_MAIN(TestLora)
#include "test_lora.moc"
