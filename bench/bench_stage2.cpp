// The stage-2 workload of STLLaVA-Med, per image: the describe turn, 5 questions the model asks
// (VUSER), 2 answers to each with different seeds (40, 42). Measured two ways in one run, on the
// same model and the same prompts:
//   per-request: today's one-call-per-request use of generate(): every request its own call, the
//                image encoded in each, the prompt prefilled in each;
//   engine:      runEngine() as LlavaSession uses it: the image encoded once, the 5 question
//                samples prefilled once and forked, the 10 answers in one batch sharing the
//                image + description prefix, each answer pair forked from one prefill.
// Prints JSON: images/s both ways, the ratio, generated tokens. Random weights, eos ignored, so both
// ways generate exactly the same number of tokens.
//   bench_stage2 [--only tiny|demo|100M] [--images N] [--describe-tokens N] [--question-tokens N] [--answer-tokens
//   N]
#include "common/openmp_spin.h"
#include "generation/engine.h"
#include "generation/generate.h"
#include "generation/sampler.h"
#include "model/llava_model.h"
#include "nn/threads.h"

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
using stllava::model::LlavaConfig;
using Ids = std::vector<std::int64_t>;

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// "tiny", "demo" (the shape of the demo's model at the default scale, core/demo/demo_settings) or
// "100M" (bench_model's ~100M LLaVA). Throws for other names.
LlavaConfig makeConfig(const std::string& name) {
    if (name != "tiny" && name != "demo" && name != "100M")
        throw std::runtime_error("unknown configuration '" + name + "' (tiny, demo, 100M)");
    LlavaConfig c;
    const bool big = name == "100M", demo = name == "demo";
    c.text.vocab_size = big ? 32000 : demo ? 1000 : 256;
    c.text.hidden_size = big ? 768 : demo ? 128 : 64;
    c.text.intermediate_size = big ? 2048 : demo ? 344 : 128;
    c.text.num_hidden_layers = big ? 8 : 2;
    c.text.num_attention_heads = big ? 12 : 4;
    c.text.num_key_value_heads = big ? 12 : demo ? 4 : 2;
    c.text.max_position_embeddings = 4096;
    c.vision.hidden_size = big ? 256 : demo ? 48 : 32;
    c.vision.intermediate_size = big ? 1024 : demo ? 192 : 64;
    c.vision.num_hidden_layers = big ? 4 : 2;
    c.vision.num_attention_heads = 4;
    c.vision.patch_size = demo ? 16 : 14;
    c.vision.image_size = big ? 224 : demo ? 64 : 56;
    c.vision_config_known = true;
    c.mm_hidden_size = c.vision.hidden_size;
    c.mm_projector_type = "mlp2x_gelu";
    return c;
}

Ids randomIds(std::int64_t n, std::int64_t vocab) {
    auto t = torch::randint(3, vocab, {n}, torch::kInt64);
    return Ids(t.data_ptr<std::int64_t>(), t.data_ptr<std::int64_t>() + n);
}

Ids concat(std::initializer_list<Ids> parts) {
    Ids out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

Ids asIds(const std::vector<std::int32_t>& t) {
    return Ids(t.begin(), t.end());
}

stllava::SamplingParams sampling(std::uint64_t seed, int top_k, int max_new) {
    auto p = stllava::SamplingParams::stage2Answer(seed);
    p.top_k = top_k;
    p.max_new_tokens = max_new;
    p.stop_on_eos = false;
    return p;
}

struct Lengths {
    int describe = 48, question = 24, answer = 48;
};

// Prompts as the stage-2 job builds them (token level): system + image + describe question; then
// + description + "</s>VUSER:"; then + question + " ASSISTANT:".
struct Pieces {
    Ids head, describe_tail, vuser, assistant;
};

// One image, the per-request way. Returns generated tokens.
std::int64_t perRequest(stllava::model::LlavaForCausalLM& m, const torch::Tensor& pixels, const Pieces& p,
                        const Lengths& len, std::uint64_t image_seed) {
    std::int64_t generated = 0;
    auto one = [&](const Ids& ids, const stllava::SamplingParams& s, std::uint64_t stream) {
        stllava::GenerateOptions go;
        go.sampling = s;
        go.sampling.seed = stllava::Sampler::rowSeed(s.seed, stream);  // a distinct stream, as the engine's
        stllava::GenerationRequest r{ids, pixels};
        auto res = stllava::generate(m, nullptr, {r}, go);
        generated += static_cast<std::int64_t>(res[0].tokens.size());
        return asIds(res[0].tokens);
    };
    const Ids describe_prompt = concat({p.head, p.describe_tail});
    const Ids description = one(describe_prompt, sampling(image_seed, 100, len.describe), 0);
    const Ids question_prompt = concat({describe_prompt, description, p.vuser});
    std::vector<Ids> questions;
    for (int q = 0; q < 5; ++q)
        questions.push_back(
            one(question_prompt, sampling(image_seed + 1, 300, len.question), static_cast<std::uint64_t>(q)));
    for (const auto& q : questions)
        for (std::uint64_t seed : {40u, 42u})
            one(concat({question_prompt, q, p.assistant}), sampling(seed, 100, len.answer), 0);
    return generated;
}

// One image, the engine way.
std::int64_t withEngine(stllava::model::LlavaForCausalLM& m, const torch::Tensor& pixels, const Pieces& p,
                        const Lengths& len, std::uint64_t image_seed) {
    std::int64_t generated = 0;
    const auto feats = m->encodeImages(pixels);  // [1, P, H], once per image
    stllava::EngineOptions eo;
    eo.max_batch = 16;
    auto run = [&](const std::vector<stllava::SequenceRequest>& reqs) {
        auto res = stllava::runEngine(m, nullptr, reqs, eo);
        std::vector<Ids> out;
        for (auto& r : res) {
            generated += static_cast<std::int64_t>(r.tokens.size());
            out.push_back(asIds(r.tokens));
        }
        return out;
    };
    auto req = [&](const Ids& ids, const stllava::SamplingParams& s, std::uint64_t stream) {
        stllava::SequenceRequest r;
        r.input_ids = ids;
        r.image_features = feats;
        r.image_identity = "image";
        r.sampling = s;
        r.stream_id = stream;
        return r;
    };
    const Ids describe_prompt = concat({p.head, p.describe_tail});
    const Ids description = run({req(describe_prompt, sampling(image_seed, 100, len.describe), 0)})[0];
    const Ids question_prompt = concat({describe_prompt, description, p.vuser});
    std::vector<stllava::SequenceRequest> qs;
    for (int q = 0; q < 5; ++q)
        qs.push_back(
            req(question_prompt, sampling(image_seed + 1, 300, len.question), static_cast<std::uint64_t>(q)));
    const auto questions = run(qs);
    std::vector<stllava::SequenceRequest> answers;
    for (const auto& q : questions)
        for (std::uint64_t seed : {40u, 42u})
            answers.push_back(
                req(concat({question_prompt, q, p.assistant}), sampling(seed, 100, len.answer), 0));
    run(answers);
    return generated;
}

}  // namespace

int main(int argc, char** argv) {
    stllava::restartWithShortOpenMpSpin(argv);  // as stllava and stllava-studio run (common/openmp_spin.h)
    std::string only = "100M";
    int images = 2;
    Lengths len;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--only")
            only = v;
        else if (a == "--images")
            images = std::stoi(v);
        else if (a == "--describe-tokens")
            len.describe = std::stoi(v);
        else if (a == "--question-tokens")
            len.question = std::stoi(v);
        else if (a == "--answer-tokens")
            len.answer = std::stoi(v);
        else {
            std::cerr << "usage: bench_stage2 [--only tiny|demo|100M] [--images N] [--describe-tokens N] "
                         "[--question-tokens N] [--answer-tokens N]\n";
            return 2;
        }
    }
    stllava::nn::configureComputeThreads(0);
    c10::InferenceMode inference;
    torch::manual_seed(1);
    LlavaConfig config;
    try {
        config = makeConfig(only);
    } catch (const std::exception& e) {
        std::cerr << "bench_stage2: " << e.what() << "\n";
        return 2;
    }
    stllava::model::LlavaForCausalLM m(config);
    for (auto& t : m->parameters()) t.normal_(0.0, 0.02);
    m->eval();
    const auto V = config.text.vocab_size;
    Pieces p;
    p.head = concat({{1}, randomIds(40, V), {stllava::model::kImageTokenId}});  // bos, system prompt, image
    p.describe_tail = randomIds(12, V);  // "\nCan you describe ... ASSISTANT:"
    p.vuser = randomIds(4, V);           // "</s>VUSER:"
    p.assistant = randomIds(4, V);       // "</s> ASSISTANT:"
    const auto S = config.vision.image_size;

    // Warm-up (allocator, kernels), then each way over the same images.
    auto pixels0 = torch::randn({1, 3, S, S});
    withEngine(m, pixels0, p, {4, 4, 4}, 1);
    perRequest(m, pixels0, p, {4, 4, 4}, 1);
    double t_req = 0, t_eng = 0;
    std::int64_t tok_req = 0, tok_eng = 0;
    for (int i = 0; i < images; ++i) {
        auto pixels = torch::randn({1, 3, S, S});
        auto t0 = Clock::now();
        tok_req += perRequest(m, pixels, p, len, 100 + static_cast<std::uint64_t>(i));
        auto t1 = Clock::now();
        tok_eng += withEngine(m, pixels, p, len, 100 + static_cast<std::uint64_t>(i));
        auto t2 = Clock::now();
        t_req += seconds(t0, t1);
        t_eng += seconds(t1, t2);
    }
    nlohmann::json out = {
        {"config", only},
        {"images", images},
        {"requests_per_image", 16},
        {"tokens", {{"describe", len.describe}, {"question", len.question}, {"answer", len.answer}}},
        {"threads", torch::get_num_threads()},
        {"per_request",
         {{"seconds", t_req}, {"images_per_s", images / t_req}, {"generated_tokens", tok_req}}},
        {"engine", {{"seconds", t_eng}, {"images_per_s", images / t_eng}, {"generated_tokens", tok_eng}}},
        {"speedup", t_req / t_eng}};
    std::cout << out.dump(2) << std::endl;
    return 0;
}
