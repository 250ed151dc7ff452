#include "pipeline/benchmark_answerer.h"

#include "common/input_error.h"

#include <filesystem>

namespace stllava::pipeline {

BenchmarkAnswerer::BenchmarkAnswerer(std::shared_ptr<LlavaSession> session, BenchmarkAnswererOptions options)
    : session_(std::move(session)), options_(std::move(options)) {
    options_.sampling.validate();
}

nlohmann::json BenchmarkAnswerer::describe() const {
    const ModelInfo& info = session_->info();
    const SamplingParams& s = options_.sampling;
    return {{"model_dir", info.model_dir},
            {"template", info.template_name},
            {"checkpoint_layout", info.layout},
            {"dtype", info.dtype},
            {"device", info.device},
            {"image_size", info.image_size},
            {"image_aspect_ratio", info.image_aspect_ratio},
            {"adapter", info.adapter.path.empty()
                            ? nlohmann::json(nullptr)
                            : nlohmann::json{{"path", info.adapter.path}, {"sha256", info.adapter.digest}}},
            {"weights_digest", info.digest},
            {"max_batch", options_.max_batch},
            {"sampling",
             {{"greedy", s.isGreedy()},
              {"temperature", s.temperature},
              {"top_k", s.top_k},
              {"top_p", s.top_p},
              {"repetition_penalty", s.repetition_penalty},
              {"seed", s.seed},
              {"max_new_tokens", s.max_new_tokens}}}};
}

std::vector<eval::Answer> BenchmarkAnswerer::answer(const std::vector<eval::AnswerRequest>& batch) {
    const bool vision = session_->hasVision();
    std::vector<Request> requests;
    requests.reserve(batch.size());
    for (const auto& r : batch) {
        Request q;
        q.conversation = {{prompt::Role::User, r.question}};
        q.sampling = options_.sampling;
        if (vision && !r.item->image.empty())
            q.images.push_back(
                ImageInput::file((std::filesystem::path(options_.images_dir) / r.item->image).string()));
        requests.push_back(std::move(q));
    }
    GenerateSettings settings;
    settings.max_batch = options_.max_batch;
    settings.cancel = options_.cancel;
    std::vector<Reply> replies;
    try {
        replies = session_->generate(requests, {}, settings);
    } catch (const InputError& e) {
        // "request i: <image path>: problem" -> name the question instead of the batch position.
        std::string what = e.what();
        const auto colon = what.find(": ");
        std::size_t index = 0;
        if (what.rfind("request ", 0) == 0 && colon != std::string::npos) {
            index = std::stoul(what.substr(8, colon - 8));
            what = what.substr(colon + 2);
        }
        const std::string id = index < batch.size() ? batch[index].item->id : "?";
        throw InputError("question " + id + ": cannot read its image: " + what);
    }
    if (isCancelled(options_.cancel)) throw Cancelled();
    std::vector<eval::Answer> out;
    out.reserve(replies.size());
    for (auto& reply : replies) {
        eval::Answer a;
        a.text = std::move(reply.text);
        a.metadata = {{"stop_reason", reply.stop_reason},
                      {"new_tokens", reply.tokens.size()},
                      {"template", session_->info().template_name}};
        out.push_back(std::move(a));
    }
    return out;
}

eval::AnswerBatchFn BenchmarkAnswerer::asFunction() {
    return [this](const std::vector<eval::AnswerRequest>& batch) { return answer(batch); };
}

}  // namespace stllava::pipeline
