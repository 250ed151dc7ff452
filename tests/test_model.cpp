// core/model: forward pass, KV cache, padding, loss, cluster projector, config parsing,
// checkpoint layouts and load errors, on tiny random models written in a temporary folder.
#include "fixtures/tiny_model.h"

#include "model/checkpoint_io.h"
#include "model/model_config.h"
#include "model/projector.h"
#include "safetensors/safetensors.h"

#include <torch/version.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace stllava;
using namespace stllava::model;
using stllava::testing::randomIds;
using stllava::testing::randomPixels;
using stllava::testing::row;
using stllava::testing::tinyConfig;
using stllava::testing::tinyModel;

namespace {

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

std::string dirOf(const QTemporaryDir& d, const char* name) {
    auto p = std::filesystem::path(d.path().toStdString()) / name;
    std::filesystem::create_directories(p);
    return p.string();
}

// Tree name -> layout name, written out by hand (independent of checkpoint_io's rule tables).
std::string hfOldName(const std::string& n) {
    auto swap = [&](const std::string& from, const std::string& to) -> std::optional<std::string> {
        if (n.rfind(from, 0) == 0) return to + n.substr(from.size());
        return std::nullopt;
    };
    if (auto s = swap("model.mm_projector.0.", "multi_modal_projector.linear_1.")) return *s;
    if (auto s = swap("model.mm_projector.2.", "multi_modal_projector.linear_2.")) return *s;
    if (auto s = swap("model.vision_tower.vision_tower.vision_model.", "vision_tower.vision_model.")) return *s;
    if (auto s = swap("model.", "language_model.model.")) return *s;
    if (auto s = swap("lm_head.", "language_model.lm_head.")) return *s;
    return n;
}
std::string hfNewName(const std::string& n) {
    auto swap = [&](const std::string& from, const std::string& to) -> std::optional<std::string> {
        if (n.rfind(from, 0) == 0) return to + n.substr(from.size());
        return std::nullopt;
    };
    if (auto s = swap("model.mm_projector.0.", "model.multi_modal_projector.linear_1.")) return *s;
    if (auto s = swap("model.mm_projector.2.", "model.multi_modal_projector.linear_2.")) return *s;
    if (auto s = swap("model.vision_tower.vision_tower.vision_model.", "model.vision_tower.vision_model.")) return *s;
    if (auto s = swap("model.", "model.language_model.")) return *s;
    return n;
}

// llava-hf config.json for a config (text_config / vision_config).
nlohmann::json hfConfigJson(const LlavaConfig& c) {
    const auto& t = c.text;
    const auto& v = c.vision;
    return {{"architectures", {"LlavaForConditionalGeneration"}},
            {"model_type", "llava"},
            {"image_token_index", 95},
            {"projector_hidden_act", "gelu"},
            {"vision_feature_layer", c.mm_vision_select_layer},
            {"vision_feature_select_strategy", "default"},
            {"text_config",
             {{"model_type", "llama"}, {"vocab_size", t.vocab_size}, {"hidden_size", t.hidden_size},
              {"intermediate_size", t.intermediate_size}, {"num_hidden_layers", t.num_hidden_layers},
              {"num_attention_heads", t.num_attention_heads}, {"num_key_value_heads", t.num_key_value_heads},
              {"rms_norm_eps", t.rms_norm_eps}, {"rope_theta", t.rope_theta}, {"max_position_embeddings", 512}}},
            {"vision_config",
             {{"model_type", "clip_vision_model"}, {"hidden_size", v.hidden_size}, {"intermediate_size", v.intermediate_size},
              {"num_hidden_layers", v.num_hidden_layers}, {"num_attention_heads", v.num_attention_heads},
              {"patch_size", v.patch_size}, {"image_size", v.image_size}, {"hidden_act", "quick_gelu"}}}};
}

void writeJson(const std::string& path, const nlohmann::json& j) {
    std::ofstream(path) << j.dump(2);
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

// Slow reference of the cluster projector, loop by loop in double, from METHOD.md's steps.
torch::Tensor clusterReference(ClusterProjectorImpl& p, const torch::Tensor& x_in) {
    auto X = x_in.to(torch::kFloat64);
    const auto B = X.size(0), L = X.size(1), D = X.size(2), N = p.num_centres;
    auto lin = [](const torch::Tensor& W, const torch::Tensor& bias, const std::vector<std::vector<double>>& in) {
        auto w = W.to(torch::kFloat64).contiguous();
        auto b = bias.to(torch::kFloat64).contiguous();
        const auto O = w.size(0), I = w.size(1);
        std::vector<std::vector<double>> out(in.size(), std::vector<double>(static_cast<std::size_t>(O)));
        for (std::size_t r = 0; r < in.size(); ++r)
            for (std::int64_t o = 0; o < O; ++o) {
                double s = b[o].item<double>();
                for (std::int64_t i = 0; i < I; ++i) s += w[o][i].item<double>() * in[r][static_cast<std::size_t>(i)];
                out[r][static_cast<std::size_t>(o)] = s;
            }
        return out;
    };
    auto normRows = [](std::vector<std::vector<double>> m) {
        for (auto& r : m) {
            double n = 0;
            for (double v : r) n += v * v;
            n = std::max(std::sqrt(n), 1e-12);
            for (double& v : r) v /= n;
        }
        return m;
    };
    auto* mlp0 = p.mlp[0]->as<nn::LinearImpl>();
    auto* mlp2 = p.mlp[2]->as<nn::LinearImpl>();
    const double alpha = p.sim_alpha.item<double>(), beta = p.sim_beta.item<double>();
    std::vector<torch::Tensor> outs;
    for (std::int64_t b = 0; b < B; ++b) {
        std::vector<std::vector<double>> x(static_cast<std::size_t>(L), std::vector<double>(static_cast<std::size_t>(D)));
        for (std::int64_t l = 0; l < L; ++l)
            for (std::int64_t d = 0; d < D; ++d) x[l][d] = X[b][l][d].item<double>();
        auto feature = lin(p.f->weight, p.f->bias, x);  // [L][D]
        auto value = lin(p.v->weight, p.v->bias, x);    // [L][D], seen as [D][L]
        // value normalised over the tokens, per channel d
        std::vector<double> vnorm(static_cast<std::size_t>(D), 0.0);
        for (std::int64_t d = 0; d < D; ++d) {
            double s = 0;
            for (std::int64_t l = 0; l < L; ++l) s += value[l][d] * value[l][d];
            vnorm[d] = std::max(std::sqrt(s), 1e-12);
        }
        auto pool = [&](const std::vector<std::vector<double>>& m) {
            std::vector<std::vector<double>> out(static_cast<std::size_t>(N), std::vector<double>(static_cast<std::size_t>(D), 0.0));
            for (std::int64_t i = 0; i < N; ++i) {
                const auto start = (i * L) / N;
                const auto end = ((i + 1) * L + N - 1) / N;  // exclusive: ceil((i+1)L/N)
                for (std::int64_t l = start; l < end; ++l)
                    for (std::int64_t d = 0; d < D; ++d) out[i][d] += m[l][d] / static_cast<double>(end - start);
            }
            return out;
        };
        auto centres = pool(x);
        auto centres_feature = pool(feature);
        for (int round = 0; round < 2; ++round) {
            centres = lin(p.c->weight, p.c->bias, centres);
            auto cn = normRows(centres);
            std::vector<std::vector<double>> sim(static_cast<std::size_t>(N), std::vector<double>(static_cast<std::size_t>(L)));
            for (std::int64_t l = 0; l < L; ++l) {
                double mx = -1e300;
                for (std::int64_t n = 0; n < N; ++n) {
                    double s = 0;
                    for (std::int64_t d = 0; d < D; ++d) s += cn[n][d] * value[l][d] / vnorm[d];
                    sim[n][l] = s;
                    mx = std::max(mx, s);
                }
                double z = 0;
                for (std::int64_t n = 0; n < N; ++n) z += std::exp(sim[n][l] - mx);
                for (std::int64_t n = 0; n < N; ++n) sim[n][l] = std::exp(sim[n][l] - mx) / z;  // softmax over centres
            }
            for (std::int64_t n = 0; n < N; ++n)
                for (std::int64_t d = 0; d < D; ++d) {
                    double s = 0;
                    for (std::int64_t l = 0; l < L; ++l) s += sim[n][l] * feature[l][d];
                    centres[n][d] = s;
                }
        }
        auto cn = normRows(centres);
        auto xn = normRows(x);
        std::vector<std::int64_t> best(static_cast<std::size_t>(L));
        std::vector<double> best_sim(static_cast<std::size_t>(L));
        std::vector<double> count(static_cast<std::size_t>(N), 0.0);
        for (std::int64_t l = 0; l < L; ++l) {
            best_sim[l] = -1;
            for (std::int64_t n = 0; n < N; ++n) {
                double cos = 0;
                for (std::int64_t d = 0; d < D; ++d) cos += cn[n][d] * xn[l][d];
                const double s = 1.0 / (1.0 + std::exp(-(beta + alpha * cos)));
                if (s > best_sim[l]) best_sim[l] = s, best[l] = n;
            }
            count[best[l]] += 1;
        }
        std::vector<std::vector<double>> agg = centres_feature;
        for (std::int64_t l = 0; l < L; ++l)
            for (std::int64_t d = 0; d < D; ++d) agg[best[l]][d] += feature[l][d] * best_sim[l];
        for (std::int64_t n = 0; n < N; ++n)
            for (std::int64_t d = 0; d < D; ++d) agg[n][d] /= count[n] + 1.0;
        auto out = x;
        for (std::int64_t l = 0; l < L; ++l)
            for (std::int64_t d = 0; d < D; ++d) out[l][d] += agg[best[l]][d] * best_sim[l];
        auto h = lin(mlp0->weight, mlp0->bias, out);
        for (auto& r : h)
            for (double& v : r) v = v / (1.0 + std::exp(-1.702 * v));
        auto y = lin(mlp2->weight, mlp2->bias, h);
        auto t = torch::empty({L, static_cast<std::int64_t>(y[0].size())}, torch::kFloat64);
        for (std::int64_t l = 0; l < L; ++l)
            for (std::size_t o = 0; o < y[0].size(); ++o) t[l][static_cast<std::int64_t>(o)] = y[l][o];
        outs.push_back(t);
    }
    return torch::stack(outs);
}

}  // namespace

class TestModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void parameterNamesAreTheOriginalLayout() {
        auto m = tinyModel(tinyConfig());
        std::set<std::string> names;
        for (const auto& p : m->named_parameters()) names.insert(p.key());
        for (const char* n : {"model.embed_tokens.weight", "model.layers.1.self_attn.q_proj.weight",
                              "model.layers.0.self_attn.k_proj.weight", "model.layers.0.mlp.gate_proj.weight",
                              "model.layers.0.input_layernorm.weight", "model.layers.1.post_attention_layernorm.weight",
                              "model.norm.weight", "lm_head.weight", "model.mm_projector.0.weight", "model.mm_projector.2.bias",
                              "model.vision_tower.vision_tower.vision_model.embeddings.class_embedding",
                              "model.vision_tower.vision_tower.vision_model.embeddings.patch_embedding.weight",
                              "model.vision_tower.vision_tower.vision_model.embeddings.position_embedding.weight",
                              "model.vision_tower.vision_tower.vision_model.pre_layrnorm.weight",
                              "model.vision_tower.vision_tower.vision_model.encoder.layers.1.self_attn.out_proj.bias",
                              "model.vision_tower.vision_tower.vision_model.encoder.layers.0.mlp.fc1.weight",
                              "model.vision_tower.vision_tower.vision_model.encoder.layers.0.layer_norm2.bias",
                              "model.vision_tower.vision_tower.vision_model.post_layernorm.weight"})
            QVERIFY2(names.count(n), n);
        QVERIFY(!names.count("model.vision_tower.vision_tower.vision_model.embeddings.patch_embedding.bias"));
        QCOMPARE(m->model->layers[0]->as<LlamaDecoderLayerImpl>()->self_attn->k_proj->weight.size(0), 16);  // 2 KV heads x 8

        auto cl = tinyModel(tinyConfig("cluster", 56));
        std::set<std::string> cnames;
        for (const auto& p : cl->named_parameters()) cnames.insert(p.key());
        for (const char* n : {"model.mm_projector.sim_alpha", "model.mm_projector.sim_beta", "model.mm_projector.c.weight",
                              "model.mm_projector.v.bias", "model.mm_projector.f.weight", "model.mm_projector.ln_1.weight",
                              "model.mm_projector.mlp.0.weight", "model.mm_projector.mlp.2.bias"})
            QVERIFY2(cnames.count(n), n);
    }

    void imageMarkersExpandAndLabelsAreIgnored() {
        auto m = tinyModel(tinyConfig());
        torch::NoGradGuard ng;
        auto ids = randomIds(7, 96, 2, 11);
        auto labels = ids;
        labels[0] = kIgnoreIndex;
        labels[2] = 5;  // a label on the marker itself must still be ignored
        auto out = m->forward(row(ids), randomPixels(1, 28), {}, row(labels));
        QCOMPARE(out.logits.size(1), 7 - 1 + 4);
        QCOMPARE(out.labels.size(1), 10);
        auto lab = out.labels[0];
        for (int i = 2; i < 6; ++i) QCOMPARE(lab[i].item<std::int64_t>(), kIgnoreIndex);
        QCOMPARE(lab[6].item<std::int64_t>(), ids[3]);
        QCOMPARE(lab[0].item<std::int64_t>(), kIgnoreIndex);
        // loss and summed log-probs against a direct log_softmax
        auto logp = torch::log_softmax(out.logits[0].to(torch::kFloat64), -1);  // [T', V]
        double sum = 0;
        int n = 0;
        for (int t = 1; t < 10; ++t) {
            auto y = lab[t].item<std::int64_t>();
            if (y == kIgnoreIndex) continue;
            sum += logp[t - 1][y].item<double>();
            ++n;
        }
        QCOMPARE(out.token_counts[0].item<std::int64_t>(), n);
        QVERIFY(std::abs(out.sequence_logps[0].item<double>() - sum) < 1e-4);
        QVERIFY(std::abs(out.loss.item<double>() + sum / n) < 1e-5);
    }

    void kvCacheDecodeMatchesFullForward() {
        auto m = tinyModel(tinyConfig());
        torch::NoGradGuard ng;
        auto ids = row(randomIds(9, 96, 1, 5));
        auto px = randomPixels(1, 28);
        auto full = m->forward(ids, px, {}).logits;  // [1, 12, V]
        auto in = m->prepareInputs(ids, px, {}, {}, PaddingSide::Right);
        KVCache cache;
        m->allocateCache(cache, 1, 32);
        const int prefill = 5;
        auto h = m->decode(in.embeds.narrow(1, 0, prefill), in.attention_mask.narrow(1, 0, prefill), &cache);
        QVERIFY(maxDiff(m->logits(h), full.narrow(1, 0, prefill)) < 1e-4);
        for (int t = prefill; t < full.size(1); ++t) {
            auto step = m->decode(in.embeds.narrow(1, t, 1), in.attention_mask.narrow(1, t, 1), &cache);
            QVERIFY2(maxDiff(m->logits(step), full.narrow(1, t, 1)) < 1e-4, qPrintable(QString::number(t)));
        }
        QCOMPARE(cache.length(), full.size(1));
    }

    void cacheSlotsBeyondTheContextAreNotPositions() {
        // A row that joins a running batch sits after left padding: its cache slots can run past
        // the RoPE table while its own positions stay inside it (stllava serve failed a whole batch
        // with "position 8194 is beyond the model's context" this way).
        auto m = tinyModel(tinyConfig());
        torch::NoGradGuard ng;
        auto ids = row(randomIds(9, 96, 1, 5));
        auto px = randomPixels(1, 28);
        auto full = m->forward(ids, px, {}).logits;  // [1, 12, V]
        auto in = m->prepareInputs(ids, px, {}, {}, PaddingSide::Right);
        const std::int64_t pad = 64;  // left padding, as a row that joined late has
        auto embeds = torch::cat({torch::zeros({1, pad, in.embeds.size(2)}), in.embeds}, 1);
        auto mask = torch::cat({torch::zeros({1, pad}, torch::kInt64), in.attention_mask.to(torch::kInt64)}, 1);
        KVCache cache;
        m->allocateCache(cache, 1, 8200);  // more slots than the table's 8192 positions
        const int prefill = 5;
        auto h = m->decode(embeds.narrow(1, 0, pad + prefill), mask.narrow(1, 0, pad + prefill), &cache);
        QVERIFY(maxDiff(m->logits(h.narrow(1, pad, prefill)), full.narrow(1, 0, prefill)) < 1e-4);
        for (std::int64_t t = prefill; t < full.size(1); ++t) {
            auto step = m->decode(embeds.narrow(1, pad + t, 1), mask.narrow(1, pad + t, 1), &cache);
            QVERIFY2(maxDiff(m->logits(step), full.narrow(1, t, 1)) < 1e-4, qPrintable(QString::number(t)));
        }
    }

    void leftPaddedBatchMatchesRows() {
        auto m = tinyModel(tinyConfig());
        torch::NoGradGuard ng;
        auto a = randomIds(9, 96, 0, 1), b = randomIds(4, 96, -1, 2), c = randomIds(6, 96, 3, 3);
        std::vector<std::vector<std::int64_t>> rows{a, b, c};
        auto px = randomPixels(2, 28, 9);
        std::vector<torch::Tensor> singles;
        singles.push_back(m->forward(row(a), px.narrow(0, 0, 1), {}).logits[0]);
        singles.push_back(m->forward(row(b), {}, {}).logits[0]);
        singles.push_back(m->forward(row(c), px.narrow(0, 1, 1), {}).logits[0]);
        // right-padded input ids, re-padded on the left after expansion
        auto ids = torch::zeros({3, 9}, torch::kInt64);
        auto mask = torch::zeros({3, 9}, torch::kInt64);
        for (int r = 0; r < 3; ++r)
            for (std::size_t t = 0; t < rows[r].size(); ++t) ids[r][static_cast<long>(t)] = rows[r][t], mask[r][static_cast<long>(t)] = 1;
        ForwardOptions left;
        left.padding = PaddingSide::Left;
        auto out = m->forward(ids, px, mask, {}, left);
        QCOMPARE(out.logits.size(1), 12);
        for (int r = 0; r < 3; ++r) {
            const auto n = singles[r].size(0);
            QCOMPARE(out.attention_mask[r].sum().item<std::int64_t>(), n);
            QVERIFY2(maxDiff(out.logits[r].narrow(0, 12 - n, n), singles[r]) < 1e-4, qPrintable(QString::number(r)));
        }
        auto right = m->forward(ids, px, mask);
        for (int r = 0; r < 3; ++r) {
            const auto n = singles[r].size(0);
            QVERIFY(maxDiff(right.logits[r].narrow(0, 0, n), singles[r]) < 1e-4);
        }
    }

    void clusterProjectorMatchesLoopReference_data() {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("centres");
        QTest::newRow("16 tokens, 5 centres (overlapping bins)") << 16 << 5;
        QTest::newRow("16 tokens, 4 centres") << 16 << 4;
        QTest::newRow("9 tokens, 9 centres") << 9 << 9;
    }
    void clusterProjectorMatchesLoopReference() {
        QFETCH(int, tokens);
        QFETCH(int, centres);
        torch::manual_seed(21);
        ClusterProjector p(8, 12, centres);
        torch::NoGradGuard ng;
        p->sim_alpha.fill_(2.5);
        p->sim_beta.fill_(-0.3);
        auto x = torch::randn({2, tokens, 8});
        auto fast = p->forward(x);
        auto slow = clusterReference(*p, x);
        QCOMPARE(fast.sizes(), slow.sizes());
        QVERIFY2(maxDiff(fast, slow) < 1e-4, qPrintable(QString::number(maxDiff(fast, slow))));
        // ln_1 is stored but unused: changing it changes nothing
        p->ln_1->weight.fill_(3.0);
        QCOMPARE(maxDiff(p->forward(x), fast), 0.0);
    }

    void clusterModelRunsEndToEnd() {
        auto m = tinyModel(tinyConfig("cluster", 56));
        torch::NoGradGuard ng;
        QCOMPARE(m->imageTokens(), 16);
        auto out = m->forward(row(randomIds(5, 96, 1, 4)), randomPixels(1, 56), {});
        QCOMPARE(out.logits.size(1), 5 - 1 + 16);
        QVERIFY(torch::isfinite(out.logits).all().item<bool>());
    }

    void configParsing() {
        // original LLaVA-1.5 style (flat, mm_* fields, CLIP named)
        nlohmann::json flat = {{"model_type", "llava"}, {"hidden_size", 4096}, {"intermediate_size", 11008},
                               {"num_hidden_layers", 32}, {"num_attention_heads", 32}, {"vocab_size", 32000},
                               {"rms_norm_eps", 1e-5}, {"mm_hidden_size", 1024}, {"mm_projector_type", "mlp2x_gelu"},
                               {"mm_vision_select_layer", -2}, {"mm_vision_select_feature", "patch"},
                               {"mm_vision_tower", "openai/clip-vit-large-patch14-336"}, {"image_aspect_ratio", "pad"}};
        auto c = parseConfig(flat, "flat");
        QCOMPARE(c.text.num_key_value_heads, 32);
        QCOMPARE(c.vision.image_size, 336);
        QCOMPARE(c.vision.num_hidden_layers, 24);
        QCOMPARE(c.imageTokens(), 576);
        QVERIFY(c.vision_config_known);
        // LLaVA-Med v1.5 (Mistral, GQA, rope_theta 1e6)
        auto med = flat;
        med["model_type"] = "llava_mistral";
        med["num_key_value_heads"] = 8;
        med["rope_theta"] = 1e6;
        med["intermediate_size"] = 14336;
        auto cm = parseConfig(med, "med");
        QCOMPARE(cm.text.model_type, std::string("mistral"));
        QCOMPARE(cm.text.num_key_value_heads, 8);
        QCOMPARE(cm.text.rope_theta, 1e6);
        // llava-hf
        auto hf = parseConfig(hfConfigJson(tinyConfig()), "hf");
        QCOMPARE(hf.source_format, std::string("llava-hf"));
        QCOMPARE(hf.text.hidden_size, 32);
        QCOMPARE(hf.vision.image_size, 28);
        QCOMPARE(hf.mm_projector_type, std::string("mlp2x_gelu"));
        QCOMPARE(hf.mm_vision_select_feature, std::string("patch"));
        QCOMPARE(hf.hf_image_token_index, 95);
        // round trip of our own config.json
        auto tiny = tinyConfig("cluster", 56);
        auto back = parseConfig(toJson(tiny), "ours");
        QCOMPARE(toJson(back).dump(), toJson(tiny).dump());
        QCOMPARE(back.cluster_num_centres, 3);
        // unknown architecture, unknown tower without a folder
        auto bad = flat;
        bad["model_type"] = "qwen2";
        QVERIFY(errorOf([&] { parseConfig(bad, "cfg.json"); }).find("qwen2") != std::string::npos);
        auto unknown_tower = flat;
        unknown_tower["mm_vision_tower"] = "some/siglip";
        QVERIFY(!parseConfig(unknown_tower, "x").vision_config_known);
        auto bad_proj = flat;
        bad_proj["mm_projector_type"] = "resampler";
        QVERIFY(errorOf([&] { parseConfig(bad_proj, "cfg.json"); }).find("resampler") != std::string::npos);
    }

    void configValuesNotImplementedAreRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");  // JSON
        QTest::addColumn<QString>("message");
        QTest::newRow("image start/end tokens") << "mm_use_im_start_end"
                                                << "true"
                                                << "mm_use_im_start_end true";
        QTest::newRow("CLS only") << "mm_vision_select_feature"
                                  << "\"cls\""
                                  << "mm_vision_select_feature 'cls'";
        QTest::newRow("unknown projector") << "mm_projector_type"
                                           << "\"qformer\""
                                           << "mm_projector_type 'qformer'";
        QTest::newRow("LLaVA-NeXT merge") << "mm_patch_merge_type"
                                          << "\"spatial_unpad\""
                                          << "mm_patch_merge_type 'spatial_unpad'";
        QTest::newRow("anyres") << "image_aspect_ratio"
                                << "\"anyres\""
                                << "image_aspect_ratio 'anyres'";
        // Types: every field read is checked, with its name.
        QTest::newRow("start/end as a string") << "mm_use_im_start_end"
                                               << "\"no\""
                                               << "'mm_use_im_start_end' must be true or false";
        QTest::newRow("patch token as a number") << "mm_use_im_patch_token"
                                                 << "1"
                                                 << "'mm_use_im_patch_token' must be true or false";
        QTest::newRow("width as a boolean") << "hidden_size"
                                            << "true"
                                            << "'hidden_size' must be an integer";
        QTest::newRow("width with a fraction") << "hidden_size"
                                               << "4096.5"
                                               << "'hidden_size' must be an integer";
        QTest::newRow("layer as a string") << "mm_vision_select_layer"
                                           << "\"-2\""
                                           << "'mm_vision_select_layer' must be an integer";
        QTest::newRow("eps as a string") << "rms_norm_eps"
                                         << "\"1e-5\""
                                         << "'rms_norm_eps' must be a number";
        QTest::newRow("tower as a number") << "mm_vision_tower"
                                           << "7"
                                           << "'mm_vision_tower' must be a string";
        QTest::newRow("eos list of strings") << "eos_token_id"
                                             << "[\"2\"]"
                                             << "'eos_token_id[0]' must be an integer";
        QTest::newRow("head_dim as a string") << "head_dim"
                                              << "\"128\""
                                              << "'head_dim' must be an integer";
        QTest::newRow("vision_config as a list") << "vision_config"
                                                 << "[1]"
                                                 << "'vision_config' must be an object";
        QTest::newRow("text_config as a string") << "text_config"
                                                 << "\"llama\""
                                                 << "'text_config' must be an object";
    }
    void configValuesNotImplementedAreRefused() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        nlohmann::json flat = {{"model_type", "llava"},
                               {"hidden_size", 4096},
                               {"intermediate_size", 11008},
                               {"num_hidden_layers", 32},
                               {"num_attention_heads", 32},
                               {"vocab_size", 32000},
                               {"mm_hidden_size", 1024},
                               {"mm_projector_type", "mlp2x_gelu"},
                               {"mm_vision_select_layer", -2},
                               {"mm_vision_select_feature", "patch"},
                               {"mm_vision_tower", "openai/clip-vit-large-patch14-336"},
                               {"image_aspect_ratio", "pad"},
                               {"mm_use_im_start_end", false},
                               {"mm_use_im_patch_token", false},
                               {"mm_patch_merge_type", "flat"}};
        parseConfig(flat, "config.json");  // the base is accepted
        flat[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        const std::string msg = errorOf([&] { parseConfig(flat, "/m/config.json"); });
        QVERIFY2(msg.find(message.toStdString()) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("/m/config.json") != std::string::npos, msg.c_str());
        // llava-hf configs: type errors name the field too.
        auto hf = hfConfigJson(tinyConfig());
        hf["vocab_size"] = "96";
        hf["text_config"].erase("vocab_size");
        QVERIFY(errorOf([&] { parseConfig(hf, "hf.json"); }).find("'vocab_size' must be an integer") !=
                std::string::npos);
    }

    void threeLayoutsLoadIdentically() {
        QTemporaryDir tmp;
        auto m = tinyModel(tinyConfig());
        auto tensors = namedBaseTensors(m);
        std::vector<std::pair<std::string, torch::Tensor>> old_t, new_t;
        for (auto& [n, t] : tensors) {
            old_t.emplace_back(hfOldName(n), t);
            new_t.emplace_back(hfNewName(n), t);
        }
        const auto d_orig = dirOf(tmp, "orig"), d_old = dirOf(tmp, "hf_old"), d_new = dirOf(tmp, "hf_new");
        st::save(d_orig + "/model.safetensors", tensors);
        writeConfig(d_orig + "/config.json", m->config());
        st::save(d_old + "/model.safetensors", old_t);
        writeJson(d_old + "/config.json", hfConfigJson(m->config()));
        st::save(d_new + "/model.safetensors", new_t);
        writeJson(d_new + "/config.json", hfConfigJson(m->config()));
        LoadOptions lo;
        lo.require_tokenizer = false;
        torch::NoGradGuard ng;
        auto ids = row(randomIds(6, 96, 2, 8));
        auto px = randomPixels(1, 28);
        auto ref = m->forward(ids, px, {}).logits;
        const std::vector<std::pair<std::string, CheckpointLayout>> cases{
            {d_orig, CheckpointLayout::Original}, {d_old, CheckpointLayout::HfOld}, {d_new, CheckpointLayout::HfNew}};
        for (const auto& [dir, layout] : cases) {
            auto loaded = loadModel(dir, lo);
            QCOMPARE(int(loaded.report.layout), int(layout));
            QVERIFY(loaded.report.unexpected.empty());
            for (const auto& p : m->named_parameters()) {
                auto q = loaded.model->named_parameters()[p.key()];
                QVERIFY2(torch::equal(p.value(), q), p.key().c_str());
            }
            QCOMPARE(maxDiff(loaded.model->forward(ids, px, {}).logits, ref), 0.0);
        }
    }

    void shardedCheckpointWithHarmlessExtras() {
        QTemporaryDir tmp;
        auto m = tinyModel(tinyConfig());
        const auto dir = dirOf(tmp, "sharded");
        writeConfig(dir + "/config.json", m->config());
        auto tensors = namedBaseTensors(m);
        tensors.emplace_back("model.layers.0.self_attn.rotary_emb.inv_freq", torch::ones({4}));  // older Llama files
        std::vector<std::pair<std::string, torch::Tensor>> a(tensors.begin(), tensors.begin() + 10), b(tensors.begin() + 10, tensors.end());
        st::save(dir + "/model-00001-of-00002.safetensors", a);
        st::save(dir + "/model-00002-of-00002.safetensors", b);
        nlohmann::json index;
        for (auto& [n, t] : a) index["weight_map"][n] = "model-00001-of-00002.safetensors";
        for (auto& [n, t] : b) index["weight_map"][n] = "model-00002-of-00002.safetensors";
        writeJson(dir + "/model.safetensors.index.json", index);
        LoadOptions lo;
        lo.require_tokenizer = false;
        auto loaded = loadModel(dir, lo);
        QCOMPARE(loaded.report.ignored, std::vector<std::string>{"model.layers.0.self_attn.rotary_emb.inv_freq"});
        for (const auto& p : m->named_parameters())
            QVERIFY2(torch::equal(loaded.model->named_parameters()[p.key()], p.value()), p.key().c_str());
        // a shape error names the shard that holds the tensor
        auto bad = b;
        for (auto& [n, t] : bad)
            if (n == "lm_head.weight") t = torch::zeros({3});
        st::save(dir + "/model-00002-of-00002.safetensors", bad);
        const auto err = errorOf([&] { loadModel(dir, lo); });
        QVERIFY2(err.find("model-00002-of-00002.safetensors") != std::string::npos && err.find("lm_head.weight") != std::string::npos,
                 err.c_str());
    }

    void saveLoadRoundTripIsBitExact_data() {
        QTest::addColumn<QString>("projector");
        QTest::addColumn<int>("dtype");
        QTest::newRow("mlp2x_gelu f32") << "mlp2x_gelu" << int(torch::kFloat32);
        QTest::newRow("cluster f32") << "cluster" << int(torch::kFloat32);
        QTest::newRow("linear bf16") << "linear" << int(torch::kBFloat16);
        QTest::newRow("mlp2x_gelu f16") << "mlp2x_gelu" << int(torch::kFloat16);
    }
    void saveLoadRoundTripIsBitExact() {
        QFETCH(QString, projector);
        QFETCH(int, dtype);
        QTemporaryDir tmp;
        auto cfg = tinyConfig(projector.toStdString(), projector == "cluster" ? 56 : 28);
        auto m = tinyModel(cfg, 5, static_cast<torch::Dtype>(dtype));
        const auto dir = dirOf(tmp, "saved");
        std::ofstream(dir + "/source.model") << "not really a sentencepiece model";
        SaveOptions so;
        so.tokenizer_model_path = dir + "/source.model";
        saveModel(dir, m, so);
        LoadOptions lo;
        lo.dtype = static_cast<torch::Dtype>(dtype);
        auto loaded = loadModel(dir, lo);
        QCOMPARE(loaded.tokenizer_path, dir + "/tokenizer.model");
        QCOMPARE(loaded.config.mm_projector_type, projector.toStdString());
        const auto a = m->named_parameters(), b = loaded.model->named_parameters();
        QCOMPARE(a.size(), b.size());
        for (const auto& p : a) {
            QCOMPARE(b[p.key()].scalar_type(), p.value().scalar_type());
            QVERIFY2(torch::equal(b[p.key()], p.value()), p.key().c_str());
        }
    }

    void visionTowerFromClipFolder() {
        QTemporaryDir tmp;
        auto m = tinyModel(tinyConfig());
        const auto llava = dirOf(tmp, "llava"), clip = dirOf(tmp, "clip");
        SaveOptions so;
        so.include_vision_tower = false;
        saveModel(llava, m, so);
        // CLIP checkpoint as transformers' CLIPModel saves it: vision_model.* plus a text half
        std::vector<std::pair<std::string, torch::Tensor>> clip_t;
        const std::string prefix = "model.vision_tower.vision_tower.";
        for (auto& [n, t] : namedBaseTensors(m))
            if (n.rfind(prefix, 0) == 0) clip_t.emplace_back(n.substr(prefix.size()), t);
        clip_t.emplace_back("text_model.embeddings.token_embedding.weight", torch::zeros({4, 4}));
        clip_t.emplace_back("logit_scale", torch::zeros({}));
        st::save(clip + "/model.safetensors", clip_t);
        LoadOptions lo;
        lo.require_tokenizer = false;
        auto err = errorOf([&] { loadModel(llava, lo); });
        QVERIFY2(err.find("vision tower") != std::string::npos, err.c_str());
        lo.vision_tower_path = clip;
        auto loaded = loadModel(llava, lo);
        QVERIFY(loaded.report.vision_tower_source.find("clip") != std::string::npos);
        for (const auto& p : m->named_parameters())
            QVERIFY2(torch::equal(loaded.model->named_parameters()[p.key()], p.value()), p.key().c_str());
    }

    void loadErrorsNameTheTensorAndFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("tensor");
        QTest::newRow("missing") << "missing" << "model.layers.1.mlp.up_proj.weight";
        QTest::newRow("unexpected") << "unexpected" << "model.layers.0.self_attn.rotary_extra.weight";
        QTest::newRow("shape mismatch") << "shape" << "model.mm_projector.2.weight";
        QTest::newRow("truncated") << "truncated" << "";
    }
    void loadErrorsNameTheTensorAndFile() {
        QFETCH(QString, kind);
        QFETCH(QString, tensor);
        QTemporaryDir tmp;
        auto m = tinyModel(tinyConfig());
        const auto dir = dirOf(tmp, "broken");
        writeConfig(dir + "/config.json", m->config());
        auto tensors = namedBaseTensors(m);
        const auto name = tensor.toStdString();
        if (kind == "missing") {
            tensors.erase(std::remove_if(tensors.begin(), tensors.end(), [&](auto& p) { return p.first == name; }), tensors.end());
        } else if (kind == "unexpected") {
            tensors.emplace_back(name, torch::zeros({2, 2}));
        } else if (kind == "shape") {
            for (auto& [n, t] : tensors)
                if (n == name) t = torch::zeros({t.size(0), t.size(1) + 1});
        }
        const auto file = dir + "/model.safetensors";
        st::save(file, tensors);
        std::string expect_tensor = name;
        if (kind == "truncated") {
            const auto size = std::filesystem::file_size(file);
            std::filesystem::resize_file(file, size - 10);
            expect_tensor = tensors.back().first;  // the last tensor's data is cut (file order)
        }
        LoadOptions lo;
        lo.require_tokenizer = false;
        const auto err = errorOf([&] { loadModel(dir, lo); });
        QVERIFY2(!err.empty(), "no error");
        QVERIFY2(err.find(file) != std::string::npos, err.c_str());
        if (kind != "truncated") QVERIFY2(err.find(expect_tensor) != std::string::npos, err.c_str());
        else QVERIFY2(err.find("truncated") != std::string::npos || err.find("past the end") != std::string::npos, err.c_str());
        if (kind == "unexpected") {
            lo.allow_unexpected = true;
            auto loaded = loadModel(dir, lo);
            QCOMPARE(loaded.report.unexpected, std::vector<std::string>{name});
        }
    }

    void textOnlyAndTiedEmbeddings() {
        auto cfg = tinyConfig();
        cfg.text.tie_word_embeddings = true;
        auto m = tinyModel(cfg);
        QVERIFY(!m->lm_head);
        torch::NoGradGuard ng;
        auto ids = row(randomIds(5, 96, -1, 3));
        auto h = m->decode(m->embedTokens(ids), {}, nullptr);
        QCOMPARE(maxDiff(m->logits(h), torch::matmul(h, m->model->embed_tokens->weight.t())), 0.0);
        QTemporaryDir tmp;
        const auto dir = dirOf(tmp, "tied");
        saveModel(dir, m);
        auto names = st::Checkpoint::open(dir).names();
        QVERIFY(std::find(names.begin(), names.end(), "lm_head.weight") == names.end());
        LoadOptions lo;
        lo.require_tokenizer = false;
        lo.text_only = true;
        auto loaded = loadModel(dir, lo);
        QVERIFY(!loaded.model->hasVision());
        QVERIFY(!loaded.report.ignored.empty());  // the tower and projector were skipped
        QCOMPARE(maxDiff(loaded.model->forward(ids, {}, {}).logits, m->forward(ids, {}, {}).logits), 0.0);
    }

    void lowPrecisionForwardIsClose_data() {
        QTest::addColumn<int>("dtype");
        QTest::newRow("bf16") << int(torch::kBFloat16);
        QTest::newRow("f16") << int(torch::kFloat16);
    }
    void lowPrecisionForwardIsClose() {
        QFETCH(int, dtype);
        auto m32 = tinyModel(tinyConfig());
        auto mlow = tinyModel(tinyConfig(), 7, static_cast<torch::Dtype>(dtype));
        torch::NoGradGuard ng;
        auto ids = row(randomIds(6, 96, 1, 3));
        auto px = randomPixels(1, 28);
#if TORCH_VERSION_MAJOR < 2
        if (dtype == int(torch::kFloat16)) {  // no float16 CPU kernels in libtorch 1.13: a clear error
            const auto err = errorOf([&] { mlow->forward(ids, px, {}); });
            QVERIFY2(err.find("float16 compute on the CPU") != std::string::npos, err.c_str());
            return;
        }
#endif
        auto a = m32->forward(ids, px, {}).logits;
        auto b = mlow->forward(ids, px, {}).logits;
        QCOMPARE(b.scalar_type(), static_cast<torch::Dtype>(dtype));
        const double scale = a.abs().max().item<double>();
        QVERIFY2(maxDiff(a, b) < 0.1 * scale, qPrintable(QString::number(maxDiff(a, b))));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
