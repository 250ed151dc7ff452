#include "pipeline/llava_session.h"

#include "common/input_error.h"
#include "generation/engine.h"
#include "model/checkpoint_io.h"
#include "pipeline/model_assembly.h"
#include "prompt/tokenize.h"

#include <algorithm>
#include <chrono>
#include <list>
#include <mutex>

namespace stllava::pipeline {

namespace {
constexpr std::size_t kFeatureCacheEntries = 16;

std::string stopName(GenerationResult::StopReason r) {
    return stopReasonName(r);
}
}  // namespace

struct LlavaSession::Impl {
    AssembledModel m;
    const prompt::Template* tmpl = nullptr;
    std::mutex mutex;                                           // guards the model's use and `features`
    std::list<std::pair<std::string, torch::Tensor>> features;  // LRU: identity -> [1, P, H]

    // The conversation with "<image>\n" before the first question when images come and the text has
    // none; checks the count of placeholders in the questions against the images (an assistant
    // turn's "<image>" is the model's own text: the renderer writes it as "[image]").
    prompt::Conversation conversationFor(const Request& r, std::size_t index) const {
        prompt::Conversation conv = r.conversation;
        std::size_t markers = prompt::imagePlaceholderCount(conv);  // assistant turns hold none
        if (markers == 0 && !r.images.empty()) {
            for (auto& msg : conv)
                if (msg.role == prompt::Role::User || msg.role == prompt::Role::VUser) {
                    msg.text = prompt::withImage(msg.text);
                    markers = 1;
                    break;
                }
        }
        if (markers != r.images.size())
            throw InputError("request " + std::to_string(index) + ": " + std::to_string(r.images.size()) +
                             " image(s) but " + std::to_string(markers) +
                             " \"<image>\" placeholder(s) in the conversation");
        if (!r.images.empty() && !m.model->hasVision())
            throw InputError("request " + std::to_string(index) +
                             ": this model has no vision tower (text only)");
        return conv;
    }

    std::string render(const Request& r, std::size_t index) const {
        const auto conv = conversationFor(r, index);
        try {
            return r.continuation == Continuation::Question ? prompt::renderForQuestion(*tmpl, conv)
                                                            : prompt::renderForGeneration(*tmpl, conv);
        } catch (const std::exception& e) {
            throw InputError("request " + std::to_string(index) + ": " + e.what());
        }
    }

    // [1, P, H] features of one image, from the cache or encoded now (caller holds the mutex).
    torch::Tensor featuresOf(const ImageInput& image, GenerateStats& stats) {
        const std::string id = image.identity();
        for (auto it = features.begin(); it != features.end(); ++it)
            if (it->first == id) {
                features.splice(features.begin(), features, it);
                ++stats.image_cache_hits;
                return it->second;
            }
        auto pixels = modelImage(image, m.clip).unsqueeze(0).to(m.device, m.dtype);  // [1, 3, S, S]
        auto f = m.model->encodeImages(pixels);                                      // [1, P, H]
        ++stats.images_encoded;
        features.emplace_front(id, f);
        if (features.size() > kFeatureCacheEntries) features.pop_back();
        return f;
    }
};

LlavaSession::LlavaSession(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LlavaSession::~LlavaSession() = default;

std::shared_ptr<LlavaSession> LlavaSession::open(const ModelSource& source, const ProgressFn& progress) {
    auto impl = std::make_unique<Impl>();
    impl->m = assembleModel(source, {}, progress);
    impl->tmpl = &prompt::getTemplate(impl->m.template_name);
    return std::shared_ptr<LlavaSession>(new LlavaSession(std::move(impl)));
}

const ModelInfo& LlavaSession::info() const {
    return m_impl->m.info;
}
bool LlavaSession::hasVision() const {
    return m_impl->m.model->hasVision();
}

std::string LlavaSession::promptFor(const Request& request) const {
    return m_impl->render(request, 0);
}

std::int64_t LlavaSession::countTokens(const std::string& text) const {
    return static_cast<std::int64_t>(m_impl->m.tokenizer->encode(text).size());
}

std::vector<Reply> LlavaSession::generate(const std::vector<Request>& requests, const TextStreamFn& stream,
                                          const GenerateSettings& settings, GenerateStats* stats_out) {
    Impl& d = *m_impl;
    const auto t0 = std::chrono::steady_clock::now();
    GenerateStats stats;
    // Text work first (no lock needed): render and tokenize every prompt.
    std::vector<SequenceRequest> seqs(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const Request& r = requests[i];
        seqs[i].input_ids = prompt::tokenizePrompt(*d.m.tokenizer, d.render(r, i)).ids;
        seqs[i].sampling = r.sampling;
        if (!d.tmpl->sep2.empty() && std::find(r.sampling.stop_strings.begin(), r.sampling.stop_strings.end(),
                                               d.tmpl->sep2) == r.sampling.stop_strings.end())
            seqs[i].sampling.stop_strings.push_back(
                d.tmpl->sep2);  // LLaVA stops at "</s>" written as text, too
        try {
            seqs[i].sampling.validate();
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("request " + std::to_string(i) + ": " + e.what());
        }
    }
    std::lock_guard<std::mutex> lock(d.mutex);
    c10::InferenceMode inference;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const Request& r = requests[i];
        if (r.images.empty()) continue;
        std::vector<torch::Tensor> feats;
        std::string identity;
        for (const auto& image : r.images) {
            try {
                feats.push_back(d.featuresOf(image, stats));
            } catch (const InputError& e) {
                throw InputError("request " + std::to_string(i) + ": " + e.what());
            }
            identity += image.identity() + "|";
        }
        seqs[i].image_features = torch::cat(feats, 0);  // [n, P, H]
        seqs[i].image_identity = identity;
    }
    EngineOptions eo;
    eo.max_batch = std::max(1, settings.max_batch);
    eo.cancel = settings.cancel ? settings.cancel->flag() : nullptr;
    EngineStats es;
    TokenCallback cb;
    if (stream || settings.cancel)
        cb = [&](int row, std::int32_t, std::string_view delta) {
            if (stream && !delta.empty() && !stream(static_cast<std::size_t>(row), delta)) return false;
            return !isCancelled(settings.cancel);
        };
    const std::int64_t image_tokens = d.m.model->imageTokens();
    auto toReply = [&seqs, image_tokens](std::size_t i, const GenerationResult& result) {
        Reply reply;
        reply.text = result.text;
        reply.tokens = result.tokens;
        reply.stop_reason = stopName(result.stop_reason);
        for (auto id : seqs[i].input_ids) reply.prompt_tokens += id == model::kImageTokenId ? image_tokens : 1;
        return reply;
    };
    if (settings.on_reply)
        eo.on_finished = [&](int i, const GenerationResult& result) {
            const auto index = static_cast<std::size_t>(i);
            settings.on_reply(index, toReply(index, result));
        };
    std::vector<GenerationResult> results;
    try {
        results = runEngine(d.m.model, &*d.m.tokenizer, seqs, eo, cb, &es);
    } catch (const c10::Error& e) {
        throw std::runtime_error(std::string("generation failed: ") + e.what_without_backtrace());
    }
    std::vector<Reply> replies(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) replies[i] = toReply(i, results[i]);
    stats.prompt_positions = es.prompt_positions;
    stats.prefilled_positions = es.prefilled_positions;
    stats.generated_tokens = es.generated_tokens;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (stats_out) *stats_out = stats;
    return replies;
}

Reply LlavaSession::generate(const Request& request, const TextStreamFn& stream,
                             const GenerateSettings& settings) {
    return generate(std::vector<Request>{request}, stream, settings).front();
}

void LlavaSession::saveMerged(const std::string& out_dir) const {
    Impl& d = *m_impl;
    if (!d.m.info.adapter.path.empty() && d.m.info.adapter.mode != "merge")
        throw InputError(
            d.m.info.adapter.path +
            ": the adapter is loaded live; open it with AdapterMode::Merge to save a merged model");
    std::lock_guard<std::mutex> lock(d.mutex);
    model::SaveOptions so;
    so.tokenizer_model_path = d.m.tokenizer_path;
    so.include_vision_tower = true;
    model::saveModel(out_dir, d.m.model, so);
}

}  // namespace stllava::pipeline
