// safetensors and LoRA throughput, printed as JSON:
//   save MB/s, open (header parse + validation) ms, load MB/s as stored and with bf16 -> f32
//   conversion, and LoRA merge/unmerge of one 7B-shaped projection (4096x4096, r=128).
// Usage: bench_safetensors [megabytes=256] [tensors=512]
#include "lora/lora.h"
#include "safetensors/safetensors.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

double seconds(const std::chrono::steady_clock::time_point& since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
    const long megabytes = argc > 1 ? std::atol(argv[1]) : 256;
    const long count = argc > 2 ? std::atol(argv[2]) : 512;
    if (megabytes <= 0 || count <= 0) {
        std::cerr << "usage: bench_safetensors [megabytes>0] [tensors>0]\n";
        return 2;
    }
    char dir_template[] = "/tmp/bench_safetensors-XXXXXX";
    if (!::mkdtemp(dir_template)) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::string file = std::string(dir_template) + "/bench.safetensors";
    torch::set_num_threads(1);
    torch::manual_seed(0);

    // bf16 tensors of equal size adding up to `megabytes`.
    const std::int64_t elements = megabytes * 1024 * 1024 / 2 / count;
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (long i = 0; i < count; ++i)
        tensors.emplace_back("model.layers." + std::to_string(i) + ".weight", torch::randn({elements}).to(torch::kBFloat16));
    const double bytes = static_cast<double>(elements) * 2 * static_cast<double>(count);

    auto t0 = std::chrono::steady_clock::now();
    stllava::st::save(file, tensors);
    const double save_s = seconds(t0);

    t0 = std::chrono::steady_clock::now();
    auto f = stllava::st::File::open(file);
    const double open_s = seconds(t0);

    t0 = std::chrono::steady_clock::now();
    double checksum = 0;
    for (const auto& t : f->tensors()) checksum += f->load(t.name).numel();
    const double load_s = seconds(t0);

    t0 = std::chrono::steady_clock::now();
    for (const auto& t : f->tensors()) checksum += f->load(t.name, torch::kFloat32).numel();
    const double convert_s = seconds(t0);
    f.reset();
    std::remove(file.c_str());
    ::rmdir(dir_template);

    // LoRA merge + unmerge on one 4096x4096 projection, rank 128 (the scripts' LLM setting).
    stllava::nn::Linear layer(stllava::nn::LinearOptions(4096, 4096).with_bias(false));
    stllava::nn::LoraOptions lo;
    lo.rank = 128;
    lo.alpha = 256;
    layer->attachLora(lo);
    {
        torch::NoGradGuard g;
        layer->lora_B->weight.normal_(0, 0.01);
    }
    t0 = std::chrono::steady_clock::now();
    layer->mergeLora();
    const double merge_s = seconds(t0);
    t0 = std::chrono::steady_clock::now();
    layer->unmergeLora();
    const double unmerge_s = seconds(t0);

    const nlohmann::json out = {
        {"bench", "safetensors"},
        {"threads", 1},
        {"tensors", count},
        {"megabytes", bytes / 1e6},
        {"save_MB_per_s", bytes / 1e6 / save_s},
        {"open_ms", open_s * 1e3},
        {"load_bf16_MB_per_s", bytes / 1e6 / load_s},
        {"load_bf16_to_f32_MB_per_s", bytes / 1e6 / convert_s},
        {"lora_merge_4096x4096_r128_ms", merge_s * 1e3},
        {"lora_unmerge_4096x4096_r128_ms", unmerge_s * 1e3},
        {"checksum", checksum},
    };
    std::cout << out.dump(2) << std::endl;
    return 0;
}
