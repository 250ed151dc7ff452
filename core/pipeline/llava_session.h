// LlavaSession: the one way front ends (the command line, the desktop application, `stllava serve`,
// the self-training job, the demo) reach a model. It opens a model folder in any supported layout
// with an optional vision tower folder and LoRA adapter, reports what it loaded (ModelInfo), and
// answers requests (images + conversation + sampling settings) with streamed text and a cancel
// token, many at once in one batch. This header includes no torch: plain value types only.
//
// Threads: a session may be shared by several threads. generate() calls are serialised by an
// internal mutex (one runs, the others wait), because one model's compute gains nothing from
// running two forward passes side by side on the same cores; to serve many users at once, give
// their requests to one call (they are batched). info() and promptFor() never block on generation.
// Image features are kept in a small cache keyed by the image's identity, so asking several
// questions about the image on screen encodes it once.
#pragma once

#include "common/cancel_token.h"
#include "common/progress.h"
#include "pipeline/model_info.h"
#include "pipeline/model_source.h"
#include "pipeline/request.h"

#include <memory>
#include <string>
#include <vector>

namespace stllava::pipeline {

struct GenerateSettings {
    int max_batch = 8;                    // rows decoded together
    const CancelToken* cancel = nullptr;  // checked once per decode step
    // Each request's reply as soon as it is final (other rows may still be generating), on the
    // generating thread; generate() still returns them all.
    ReplyFn on_reply;
};

// Figures of one generate() call (for progress displays and benchmarks).
struct GenerateStats {
    std::int64_t prompt_positions = 0, prefilled_positions = 0, generated_tokens = 0, images_encoded = 0,
                 image_cache_hits = 0;
    double seconds = 0.0;
};

class LlavaSession {
public:
    // Loads the model; `progress` sees stages "config", "weights", "adapter", "ready" (returning
    // false cancels: throws Cancelled). Throws InputError naming the folder/file and the problem.
    static std::shared_ptr<LlavaSession> open(const ModelSource& source, const ProgressFn& progress = {});
    ~LlavaSession();
    LlavaSession(const LlavaSession&) = delete;
    LlavaSession& operator=(const LlavaSession&) = delete;

    const ModelInfo& info() const;
    bool hasVision() const;

    // Answers (or, with Continuation::Question, asks) for every request; replies in request order.
    // Each reply is the same as when its request runs alone. Streaming and cancel: request.h.
    // Throws InputError for an unreadable image or a conversation the template cannot render
    // (naming the request), std::invalid_argument for bad sampling settings.
    std::vector<Reply> generate(const std::vector<Request>& requests, const TextStreamFn& stream = {},
                                const GenerateSettings& settings = {}, GenerateStats* stats = nullptr);
    Reply generate(const Request& request, const TextStreamFn& stream = {},
                   const GenerateSettings& settings = {});

    // The exact prompt text the model gets for `request` (template applied, "<image>" placed).
    std::string promptFor(const Request& request) const;
    std::int64_t countTokens(const std::string& text) const;

    // Writes a full model folder (config.json, model.safetensors with the adapter merged in and the
    // vision tower included, tokenizer.model): `stllava model merge`. Needs AdapterMode::Merge
    // (or no adapter). Atomic per file.
    void saveMerged(const std::string& out_dir) const;

    struct Impl;

private:
    explicit LlavaSession(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace stllava::pipeline
