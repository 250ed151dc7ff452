// The OpenAI chat-completions protocol subset `stllava serve` speaks, as plain functions over JSON
// (nlohmann_json) and the session's value types: request parsing (messages with text and
// data-URL images, sampling fields), and the JSON a reply becomes (one chat.completion, or
// chat.completion.chunk events for server-sent events), models list and errors. No sockets, no
// torch: unit-testable on strings.
//
// Errors are ApiError: an HTTP status and an OpenAI error object whose `param` names the field
// ("messages[1].content[0].image_url.url").
#pragma once

#include "imaging/image_types.h"
#include "pipeline/request.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace stllava::server {

class ApiError : public std::runtime_error {
public:
    // type: "invalid_request_error" (400, 413), "authentication_error" (401), "not_found_error"
    // (404), "overloaded_error" (503), "server_error" (500).
    ApiError(int status, std::string type, const std::string& message, std::string param = "")
        : std::runtime_error(message), status_(status), type_(std::move(type)), param_(std::move(param)) {}
    int status() const noexcept { return status_; }
    const std::string& type() const noexcept { return type_; }
    const std::string& param() const noexcept { return param_; }

    static ApiError badField(const std::string& field, const std::string& problem) {
        return ApiError(400, "invalid_request_error", field + ": " + problem, field);
    }

private:
    int status_;
    std::string type_, param_;
};

// Caps on what one request may ask for (the body size itself is the HTTP layer's).
struct ProtocolLimits {
    std::size_t max_image_bytes = 20u << 20;       // one decoded data-URL image file
    int max_image_side = 8192;                     // decoded width and height
    std::uint64_t max_image_pixels = 4096 * 4096;  // decoded width x height
    std::size_t max_images = 1;                    // per conversation (LLaVA-1.5 takes one image)
    std::size_t max_messages = 256;
    int max_tokens_cap = 4096;     // largest max_tokens accepted
    int default_max_tokens = 512;  // when the request gives none (as `stllava chat`)
};

struct ChatCompletionRequest {
    pipeline::Request request;  // conversation, images (decoded display pixels), sampling
    std::string model;          // as the client named it ("" when absent)
    bool stream = false;
    bool include_usage = false;  // stream_options.include_usage: a last chunk with usage
    bool max_tokens_given =
        false;  // false: default_max_tokens, which the server may shorten to fit the context
};

// Parses a /v1/chat/completions body. Throws ApiError 400 naming the field for bad JSON, a missing
// or mistyped field, an unsupported value or turn order; 413 for an image over `limits`.
ChatCompletionRequest parseChatCompletionRequest(std::string_view body, const ProtocolLimits& limits);

// "data:image/png;base64,..." or "data:image/jpeg;base64,..." decoded to display pixels (what
// loadDisplayImage gives for the same file). `field` names the URL in errors.
RgbImage decodeImageDataUrl(const std::string& url, const std::string& field, const ProtocolLimits& limits);
// RFC 4648 base64 (padding optional, no whitespace inside). Throws ApiError 400 naming `field`.
std::vector<std::uint8_t> decodeBase64(std::string_view text, const std::string& field);

// Reply::stop_reason -> OpenAI finish_reason: "eos"/"stop_string" -> "stop", "max_tokens" -> "length".
std::string finishReason(const std::string& stop_reason);

// What every response and chunk of one completion carries.
struct CompletionIdentity {
    std::string id;  // "chatcmpl-..."
    std::int64_t created = 0;
    std::string model;
};

nlohmann::json usageJson(const pipeline::Reply& reply);
// The non-streamed answer: {"id","object":"chat.completion","created","model","choices":[{"index":0,
// "message":{"role":"assistant","content"},"finish_reason"}],"usage"}.
nlohmann::json completionJson(const CompletionIdentity& ids, const pipeline::Reply& reply);
// One streamed event: delta {"role":"assistant"} (first), {"content": text}, or {} with a
// finish_reason (last); `usage` adds the usage chunk (choices empty) of stream_options.include_usage.
nlohmann::json roleChunkJson(const CompletionIdentity& ids);
nlohmann::json contentChunkJson(const CompletionIdentity& ids, std::string_view text);
nlohmann::json finishChunkJson(const CompletionIdentity& ids, const std::string& finish_reason);
nlohmann::json usageChunkJson(const CompletionIdentity& ids, const pipeline::Reply& reply);
// "data: <json>\n\n" (one server-sent event); kSseDone ends the stream.
std::string sseEvent(const nlohmann::json& payload);
inline constexpr std::string_view kSseDone = "data: [DONE]\n\n";

// {"error":{"message","type","param","code"}}.
nlohmann::json errorJson(const ApiError& error);
// GET /v1/models: {"object":"list","data":[{"id","object":"model","created","owned_by"}]}.
nlohmann::json modelsJson(const std::string& model_id, std::int64_t created);

}  // namespace stllava::server
