// Logits parity with transformers' LlavaForConditionalGeneration. tests/parity/llava_hf_parity.py
// writes DIR/model (save_pretrained, safetensors) and DIR/parity.safetensors (input_ids,
// attention_mask, pixel_values, logits, generated); this program loads DIR/model through our loader,
// runs the same inputs and prints JSON with the max abs logits difference and whether greedy
// generation picked the same tokens. Exit 0 when the difference is within --tol, else 1.
//   llava_parity DIR [--device cpu|cuda] [--dtype f32|bf16|f16] [--tol 1e-3]
#include "generation/generate.h"
#include "model/checkpoint_io.h"
#include "safetensors/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>
#include <string>

namespace {

// llava-hf ids -> ours: image tokens become kImageTokenId markers. Newer transformers put one image
// token per image feature (runs of `per_image`), older ones a single token per image.
std::vector<std::int64_t> toMarkers(const std::int64_t* ids, std::int64_t n, std::int64_t image_token, std::int64_t per_image) {
    std::int64_t count = 0;
    for (std::int64_t i = 0; i < n; ++i) count += ids[i] == image_token;
    const bool expanded = per_image > 1 && count >= per_image && count % per_image == 0;
    std::vector<std::int64_t> out;
    for (std::int64_t i = 0; i < n; ++i) {
        if (ids[i] != image_token) {
            out.push_back(ids[i]);
            continue;
        }
        out.push_back(stllava::model::kImageTokenId);
        if (expanded) i += per_image - 1;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: llava_parity DIR [--device cpu|cuda] [--dtype f32|bf16|f16] [--tol X]\n";
        return 2;
    }
    const std::string dir = argv[1];
    std::string device_name = "cpu", dtype_name = "f32";
    double tol = 1e-3;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--device") device_name = argv[i + 1];
        else if (a == "--dtype") dtype_name = argv[i + 1];
        else if (a == "--tol") tol = std::stod(argv[i + 1]);
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    try {
        torch::NoGradGuard no_grad;
        stllava::model::LoadOptions lo;
        lo.device = torch::Device(device_name);
        lo.dtype = dtype_name == "bf16" ? torch::kBFloat16 : dtype_name == "f16" ? torch::kFloat16 : torch::kFloat32;
        lo.require_tokenizer = false;
        auto loaded = stllava::model::loadModel(dir + "/model", lo);
        auto& model = loaded.model;
        auto data = stllava::st::File::open(dir + "/parity.safetensors");
        auto ids_hf = data->load("input_ids", torch::kInt64).contiguous();  // [B, T]
        auto mask_hf = data->load("attention_mask", torch::kInt64).contiguous();
        auto pixels = data->load("pixel_values", torch::kFloat32);          // [N, 3, S, S]
        auto ref = data->load("logits", torch::kFloat32);                   // [B, T', V]
        const auto B = ids_hf.size(0), T = ids_hf.size(1);
        const auto image_token = loaded.config.hf_image_token_index;
        const auto P = model->imageTokens();
        std::vector<std::vector<std::int64_t>> rows;
        std::int64_t Tm = 0;
        for (std::int64_t b = 0; b < B; ++b) {
            rows.push_back(toMarkers(ids_hf[b].data_ptr<std::int64_t>(), T, image_token, P));
            Tm = std::max<std::int64_t>(Tm, rows.back().size());
        }
        auto ids = torch::zeros({B, Tm}, torch::kInt64);
        auto mask = torch::zeros({B, Tm}, torch::kInt64);
        for (std::int64_t b = 0; b < B; ++b) {
            const auto n = static_cast<std::int64_t>(rows[b].size());
            ids[b].narrow(0, 0, n).copy_(torch::tensor(rows[b], torch::kInt64));
            mask[b].narrow(0, 0, n).fill_(1);
        }
        if (mask_hf.sum().item<std::int64_t>() != B * T)
            throw std::runtime_error("parity inputs must be unpadded (attention_mask all ones)");
        auto out = model->forward(ids, pixels, mask);
        auto logits = out.logits.to(torch::kCPU, torch::kFloat32);
        if (logits.sizes() != ref.sizes())
            throw std::runtime_error("logits shape " + c10::str(logits.sizes()) + " differs from the reference " + c10::str(ref.sizes()));
        const double diff = (logits - ref).abs().max().item<double>();
        nlohmann::json j;
        j["layout"] = stllava::model::layoutName(loaded.report.layout);
        j["device"] = device_name;
        j["dtype"] = dtype_name;
        j["logits_shape"] = std::vector<std::int64_t>(ref.sizes().begin(), ref.sizes().end());
        j["reference_max_abs"] = ref.abs().max().item<double>();
        j["max_abs_diff"] = diff;
        j["tolerance"] = tol;
        if (data->find("generated")) {
            auto gen_ref = data->load("generated", torch::kInt64).contiguous();  // [B, N]
            std::vector<stllava::GenerationRequest> reqs(static_cast<std::size_t>(B));
            for (std::int64_t b = 0; b < B; ++b) {
                reqs[b].input_ids = rows[b];
                reqs[b].pixel_values = pixels.narrow(0, b, 1);  // one image per row in the script
            }
            stllava::GenerateOptions go;
            go.sampling.greedy = true;
            go.sampling.stop_on_eos = false;
            go.sampling.max_new_tokens = static_cast<int>(gen_ref.size(1));
            auto res = stllava::generate(model, nullptr, reqs, go);
            std::int64_t same = 0;
            for (std::int64_t b = 0; b < B; ++b)
                for (std::size_t t = 0; t < res[b].tokens.size(); ++t) same += res[b].tokens[t] == gen_ref[b][static_cast<std::int64_t>(t)].item<std::int64_t>();
            j["generated_tokens_equal"] = same;
            j["generated_tokens_total"] = gen_ref.numel();
        }
        j["pass"] = diff <= tol;
        std::cout << j.dump(2) << "\n";
        return diff <= tol ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "llava_parity: " << e.what() << "\n";
        return 1;
    }
}
