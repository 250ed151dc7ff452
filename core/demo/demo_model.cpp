#include "demo/demo_model.h"

#include "common/atomic_file.h"
#include "model/checkpoint_io.h"
#include "model/llava_model.h"
#include "prompt/conversation.h"
#include "tokenizer/tokenizer.h"

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace stllava::demo {

std::string trainDemoTokenizer(const std::string& instruct_json, const std::string& model_prefix,
                               int vocab_size) {
    std::ifstream in(instruct_json);
    if (!in) throw std::runtime_error("demo tokenizer: cannot read '" + instruct_json + "'");
    const nlohmann::json items = nlohmann::json::parse(in);
    const prompt::Template& t = prompt::getTemplate("v1_sq");
    std::ostringstream corpus;
    // The words every prompt carries, so they become whole pieces.
    for (int rep = 0; rep < 20; ++rep)
        corpus << t.system << "\n"
               << t.user_role << ": " << t.assistant_role << ": " << t.vuser_role << ":\n";
    for (const auto& item : items)
        for (const auto& turn : item.at("conversations")) {
            std::string v = turn.at("value").get<std::string>();
            const auto at = v.find(prompt::kImagePlaceholder);
            if (at != std::string::npos) v.erase(at, std::string(prompt::kImagePlaceholder).size());
            for (char& c : v)
                if (c == '\n') c = ' ';
            corpus << v << "\n";
        }
    const std::string corpus_path = model_prefix + ".corpus.txt";
    writeFileAtomic(corpus_path, corpus.str());
    TokenizerTrainOptions o;
    o.input_path = corpus_path;
    o.model_prefix = model_prefix;
    o.vocab_size = vocab_size;
    o.user_defined_symbols = {prompt::kImagePlaceholder};
    Tokenizer::train(o);
    return model_prefix + ".model";
}

std::int64_t writeInitialModel(const std::string& dir, const DemoModelSize& s,
                               const std::string& tokenizer_model, std::uint64_t seed) {
    const Tokenizer tok = Tokenizer::load(tokenizer_model);
    model::LlavaConfig c;
    c.model_type = "llava";
    c.conv_mode = "v1_sq";
    c.text.model_type = "llama";
    c.text.vocab_size = tok.vocabSize();
    c.text.hidden_size = s.text_hidden;
    c.text.intermediate_size = s.text_intermediate;
    c.text.num_hidden_layers = s.text_layers;
    c.text.num_attention_heads = s.text_heads;
    c.text.num_key_value_heads = s.text_heads;
    c.text.max_position_embeddings = 1024;
    c.vision.hidden_size = s.vision_hidden;
    c.vision.intermediate_size = 4 * s.vision_hidden;
    c.vision.num_hidden_layers = s.vision_layers;
    c.vision.num_attention_heads = s.vision_heads;
    c.vision.patch_size = s.patch;
    c.vision.image_size = s.image_size;
    c.vision_config_known = true;
    c.mm_hidden_size = s.vision_hidden;
    c.mm_projector_type = "mlp2x_gelu";
    c.mm_vision_select_layer = -2;
    c.mm_vision_tower = "stllava-demo-tower";  // its weights are in the model file
    c.validate("demo model");

    torch::manual_seed(seed);
    model::LlavaForCausalLM m(c, model::BuildOptions{});
    {
        // Small normal initialisation (GPT-2 style, std 0.02) for matrices and embeddings; norms at 1,
        // biases at 0: libtorch's defaults (N(0, 1) embeddings) make a random decoder's logits huge.
        torch::NoGradGuard no_grad;
        for (auto& p : m->named_parameters()) {
            auto& t = p.value();
            const std::string& name = p.key();
            const bool bias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
            if (t.dim() >= 2)
                t.normal_(0.0, 0.02);
            else if (bias)
                t.zero_();
            else if (name.find("norm") != std::string::npos || name.find("layrnorm") != std::string::npos)
                t.fill_(1.0);
            else
                t.normal_(0.0, 0.02);  // the CLIP class embedding
        }
    }
    model::SaveOptions so;
    so.tokenizer_model_path = tokenizer_model;
    model::saveModel(dir, m, so);
    std::int64_t n = 0;
    for (const auto& p : m->parameters()) n += p.numel();
    return n;
}

}  // namespace stllava::demo
