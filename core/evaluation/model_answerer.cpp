#include "evaluation/model_answerer.h"

#include "generation/generate.h"
#include "imaging/image_loader.h"
#include "model/checkpoint_io.h"
#include "prompt/conversation.h"
#include "prompt/tokenize.h"
#include "tokenizer/tokenizer.h"
#include "vision_input/clip_preprocess.h"

#include <torch/torch.h>

#include <filesystem>

namespace stllava::eval {

struct ModelAnswerer::Impl {
    ModelAnswererOptions options;
    model::LoadedModel loaded;
    std::unique_ptr<Tokenizer> tokenizer;
    std::string template_name;
    const prompt::Template* tmpl = nullptr;
    ClipPreprocessOptions clip;
};

ModelAnswerer::ModelAnswerer(const ModelAnswererOptions& options) : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.options = options;
    options.sampling.validate();
    model::LoadOptions lo;
    lo.dtype = options.dtype;
    lo.device = options.device;
    lo.vision_tower_path = options.vision_tower_path;
    try {
        d.loaded = model::loadModel(options.model_dir, lo);
        if (d.loaded.tokenizer_path.empty())
            throw std::runtime_error(options.model_dir + ": no tokenizer.model in the model folder");
        d.tokenizer = std::make_unique<Tokenizer>(Tokenizer::load(d.loaded.tokenizer_path));
    } catch (const std::runtime_error& e) {
        throw InputError(e.what());
    }
    d.template_name = prompt::chooseTemplate(options.model_dir, d.loaded.config.conv_mode, options.conv_template);
    d.tmpl = &prompt::getTemplate(d.template_name);
    d.clip.imageSize = static_cast<int>(d.loaded.config.vision.image_size);
    d.clip.padToSquare = d.loaded.config.image_aspect_ratio == "pad";
}

ModelAnswerer::~ModelAnswerer() = default;

const std::string& ModelAnswerer::templateName() const { return m_impl->template_name; }

nlohmann::json ModelAnswerer::describe() const {
    const Impl& d = *m_impl;
    const SamplingParams& s = d.options.sampling;
    return {{"model_dir", d.options.model_dir},
            {"template", d.template_name},
            {"checkpoint_layout", model::layoutName(d.loaded.report.layout)},
            {"dtype", std::string(c10::toString(d.options.dtype))},
            {"device", d.options.device.str()},
            {"image_size", d.clip.imageSize},
            {"image_aspect_ratio", d.loaded.config.image_aspect_ratio},
            {"max_batch", d.options.max_batch},
            {"sampling",
             {{"greedy", s.isGreedy()},
              {"temperature", s.temperature},
              {"top_k", s.top_k},
              {"top_p", s.top_p},
              {"repetition_penalty", s.repetition_penalty},
              {"seed", s.seed},
              {"max_new_tokens", s.max_new_tokens}}}};
}

std::vector<Answer> ModelAnswerer::answer(const std::vector<AnswerRequest>& batch) {
    Impl& d = *m_impl;
    c10::InferenceMode guard;
    const bool vision = d.loaded.model->hasVision();
    std::vector<GenerationRequest> requests;
    requests.reserve(batch.size());
    for (const auto& r : batch) {
        const bool with_image = vision && !r.item->image.empty();
        const prompt::Conversation conv = {
            {prompt::Role::User, with_image ? prompt::withImage(r.question) : r.question}};
        const std::string text = prompt::renderForGeneration(*d.tmpl, conv);
        GenerationRequest g;
        g.input_ids = prompt::tokenizePrompt(*d.tokenizer, text).ids;
        if (with_image) {
            const std::string path = (std::filesystem::path(d.options.images_dir) / r.item->image).string();
            RgbImage rgb;
            try {
                rgb = loadDisplayImage(path);
            } catch (const std::exception& e) {
                throw InputError("question " + r.item->id + ": cannot read its image: " + e.what());
            }
            g.pixel_values = clipPreprocess(rgb, d.clip).unsqueeze(0).to(d.options.device, d.options.dtype);  // [1, 3, S, S]
        }
        requests.push_back(std::move(g));
    }
    GenerateOptions go;
    go.sampling = d.options.sampling;
    go.max_batch = d.options.max_batch;
    const std::vector<GenerationResult> results = generate(d.loaded.model, d.tokenizer.get(), requests, go);
    std::vector<Answer> out;
    out.reserve(results.size());
    for (const auto& res : results) {
        Answer a;
        a.text = res.text;
        a.metadata = {{"stop_reason", stopReasonName(res.stop_reason)},
                      {"new_tokens", res.tokens.size()},
                      {"template", d.template_name}};
        out.push_back(std::move(a));
    }
    return out;
}

AnswerBatchFn ModelAnswerer::asFunction() {
    return [this](const std::vector<AnswerRequest>& batch) { return answer(batch); };
}

}  // namespace stllava::eval
