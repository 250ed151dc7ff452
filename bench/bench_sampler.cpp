// Sampler throughput: steps per second (one step = one token for every row) for a Llama-sized
// vocabulary, greedy and sampling, batch 1 and 16. Prints one JSON object.
//   bench_sampler [--vocab 32000] [--seconds 1.0] [--threads N]
#include "generation/sampler.h"

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace {

struct Case {
    const char* name;
    stllava::SamplingParams params;
    bool with_history;
};

double stepsPerSecond(const stllava::SamplingParams& params, std::int64_t batch, std::int64_t vocab,
                      bool with_history, double seconds) {
    torch::manual_seed(0);
    // A handful of distinct logits tensors, cycled, so that caches do not flatter the figures.
    std::vector<torch::Tensor> logits;
    for (int i = 0; i < 4; ++i) logits.push_back(torch::randn({batch, vocab}) * 3);  // [B, V]
    std::vector<std::vector<std::int32_t>> histories;
    if (with_history) {
        histories.resize(static_cast<std::size_t>(batch));
        for (auto& h : histories)
            for (int t = 0; t < 600; ++t) h.push_back(static_cast<std::int32_t>((t * 7919) % vocab));
    }
    stllava::Sampler sampler(params, batch);
    std::vector<std::int32_t> out;
    for (int i = 0; i < 5; ++i) sampler.sampleInto(logits[i % 4], histories, out);  // warm-up, buffers
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    std::int64_t steps = 0;
    double elapsed = 0.0;
    do {
        for (int i = 0; i < 10; ++i) sampler.sampleInto(logits[(steps + i) % 4], histories, out);
        steps += 10;
        elapsed = std::chrono::duration<double>(clock::now() - start).count();
    } while (elapsed < seconds);
    return static_cast<double>(steps) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    std::int64_t vocab = 32000;
    double seconds = 1.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--vocab") == 0)
            vocab = std::atoll(argv[i + 1]);
        else if (std::strcmp(argv[i], "--seconds") == 0)
            seconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--threads") == 0)
            torch::set_num_threads(std::atoi(argv[i + 1]));
    }
    stllava::SamplingParams greedy;
    greedy.greedy = true;
    stllava::SamplingParams penalised_greedy = greedy;
    penalised_greedy.repetition_penalty = 1.1;
    stllava::SamplingParams plain;  // temperature 1, no filters
    stllava::SamplingParams top_p_only;
    top_p_only.temperature = 0.7;
    top_p_only.top_p = 0.9;
    const Case cases[] = {
        {"greedy", greedy, false},
        {"greedy_repetition_penalty_600", penalised_greedy, true},
        {"multinomial_t1", plain, false},
        {"top_p_0.9_t0.7", top_p_only, false},
        {"stage2_question_t1.2_k300_p0.95", stllava::SamplingParams::stage2Question(1), false},
        {"stage2_answer_t1.2_k100_p0.95", stllava::SamplingParams::stage2Answer(1), false},
    };
    nlohmann::json j;
    j["benchmark"] = "sampler";
    j["vocab"] = vocab;
    j["torch_threads"] = torch::get_num_threads();
    j["unit"] = "steps/s (one token for every row of the batch)";
    for (const auto& c : cases)
        for (std::int64_t batch : {1, 16}) {
            const double sps = stepsPerSecond(c.params, batch, vocab, c.with_history, seconds);
            j["results"].push_back({{"case", c.name},
                                    {"batch", batch},
                                    {"steps_per_s", std::round(sps * 10) / 10},
                                    {"us_per_step", std::round(1e7 / sps) / 10},
                                    {"tokens_per_s", std::round(sps * static_cast<double>(batch))}});
        }
    std::cout << j.dump(2) << std::endl;
    return 0;
}
