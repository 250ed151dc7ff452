// A request to a session and its reply, as plain value types (no torch): what a front end sends
// (images, a conversation, sampling settings) and gets back (text, tokens, timing, provenance).
#pragma once

#include "generation/sampling_params.h"
#include "imaging/image_types.h"
#include "prompt/conversation.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stllava::pipeline {

// One image for the model: a file (DICOM or raster, rendered under its default window, or the
// given frame), or pixels already rendered for display (the viewer's window/level), which the model
// then sees exactly as the clinician does.
struct ImageInput {
    std::string path;  // used when `display` is empty
    int frame = 0;     // multi-frame DICOM
    RgbImage display;  // already-decoded display pixels (take precedence over `path`)
    // Identity for reusing the image's features across requests; "" = path + frame for files, a
    // digest of the pixels for display images.
    std::string key;

    static ImageInput file(std::string path, int frame = 0);
    static ImageInput pixels(RgbImage image, std::string key = "");
    std::string identity() const;  // `key` when set, else the default described above
};

enum class Continuation {
    Answer,    // the conversation ends with a question: the model answers (ASSISTANT)
    Question,  // the conversation ends with an answer: the model asks (VUSER, stage 2; v1_sq only)
};

struct Request {
    // LLaVA-1.5 takes one image, placed as "<image>\n" before the first question (added by the
    // session when the text has no "<image>" yet). Empty = a text-only question.
    std::vector<ImageInput> images;
    prompt::Conversation conversation;
    Continuation continuation = Continuation::Answer;
    SamplingParams sampling;  // per request: seed, max_new_tokens, temperature ...
};

struct Reply {
    std::string text;
    std::vector<std::int32_t> tokens;
    std::string stop_reason;         // "eos", "stop_string", "max_tokens", "cancelled"
    std::int64_t prompt_tokens = 0;  // text tokens plus image positions
};

// Streaming: called on the worker thread for each piece of new text of request `index` (the
// concatenation of a request's deltas is its Reply::text). Return false to stop that request alone
// (its reply ends "cancelled"; the others go on); a CancelToken stops them all.
using TextStreamFn = std::function<bool(std::size_t index, std::string_view delta)>;
using ReplyFn = std::function<void(std::size_t index, const Reply& reply)>;

}  // namespace stllava::pipeline
