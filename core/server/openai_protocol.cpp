// The OpenAI chat-completions subset: parsing and response building. See openai_protocol.h.
#include "server/openai_protocol.h"

#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace stllava::server {
namespace {

using nlohmann::json;

// A present, non-null member (OpenAI clients send null for "not set").
const json* member(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
}

double numberField(const json& obj, const char* key, double lo, double hi, double fallback) {
    const json* v = member(obj, key);
    if (!v) return fallback;
    if (!v->is_number()) throw ApiError::badField(key, "expected a number");
    const double d = v->get<double>();
    if (!(d >= lo && d <= hi))
        throw ApiError::badField(key, "must be between " + json(lo).dump() + " and " + json(hi).dump());
    return d;
}

std::int64_t integerField(const json& obj, const char* key, std::int64_t lo, std::int64_t hi,
                          std::int64_t fallback) {
    const json* v = member(obj, key);
    if (!v) return fallback;
    if (!v->is_number_integer() && !v->is_number_unsigned())
        throw ApiError::badField(key, "expected an integer");
    const bool huge = v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi);
    const auto i = huge ? hi : v->get<std::int64_t>();
    if (huge || i < lo || i > hi)
        throw ApiError::badField(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return i;
}

bool boolField(const json& obj, const char* key, bool fallback) {
    const json* v = member(obj, key);
    if (!v) return fallback;
    if (!v->is_boolean()) throw ApiError::badField(key, "expected true or false");
    return v->get<bool>();
}

std::vector<std::string> stopField(const json& obj) {
    const json* v = member(obj, "stop");
    if (!v) return {};
    std::vector<std::string> out;
    if (v->is_string()) {
        out.push_back(v->get<std::string>());
    } else if (v->is_array()) {
        if (v->size() > 4) throw ApiError::badField("stop", "at most 4 stop strings");
        for (std::size_t i = 0; i < v->size(); ++i) {
            if (!(*v)[i].is_string())
                throw ApiError::badField("stop[" + std::to_string(i) + "]", "expected a string");
            out.push_back((*v)[i].get<std::string>());
        }
    } else {
        throw ApiError::badField("stop", "expected a string or a list of strings");
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i].empty())
            throw ApiError::badField(v->is_string() ? "stop" : "stop[" + std::to_string(i) + "]",
                                     "empty stop string");
    return out;
}

// Refuses fields this server cannot honour (rather than silently ignoring what changes the answer).
void refuseUnsupported(const json& body) {
    if (const json* n = member(body, "n"); n && !(n->is_number_integer() && n->get<std::int64_t>() == 1))
        throw ApiError::badField("n", "only n = 1 is supported");
    if (boolField(body, "logprobs", false)) throw ApiError::badField("logprobs", "not supported");
    if (const json* tools = member(body, "tools"); tools && !(tools->is_array() && tools->empty()))
        throw ApiError::badField("tools", "tool calls are not supported");
    for (const char* key : {"frequency_penalty", "presence_penalty"})
        if (numberField(body, key, -2.0, 2.0, 0.0) != 0.0)
            throw ApiError::badField(key, "not supported (use repetition_penalty)");
}

// Width and height from a PNG (IHDR) or JPEG (first SOFn) header; false when not found.
bool rasterHeaderSize(const std::vector<std::uint8_t>& b, std::uint64_t& w, std::uint64_t& h) {
    auto be16 = [&](std::size_t i) { return static_cast<std::uint64_t>(b[i]) << 8 | b[i + 1]; };
    auto be32 = [&](std::size_t i) { return be16(i) << 16 | be16(i + 2); };
    if (b.size() >= 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
        w = be32(16), h = be32(20);
        return true;
    }
    if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return false;
    std::size_t i = 2;
    while (i + 4 <= b.size()) {
        if (b[i] != 0xFF) return false;
        const std::uint8_t m = b[i + 1];
        if (m == 0xFF) {
            ++i;  // fill byte
            continue;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD9)) {
            i += 2;  // markers without a length
            continue;
        }
        const std::size_t len = be16(i + 2);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (i + 9 > b.size()) return false;
            h = be16(i + 5), w = be16(i + 7);
            return true;
        }
        i += 2 + len;
    }
    return false;
}

// One message's content: a string, or parts of {"type":"text"} and {"type":"image_url"}.
void readContent(const json& content, const std::string& field, bool images_allowed,
                 const ProtocolLimits& limits, std::string& text, std::vector<pipeline::ImageInput>& images) {
    if (content.is_string()) {
        text = content.get<std::string>();
        return;
    }
    if (!content.is_array()) throw ApiError::badField(field, "expected a string or a list of content parts");
    std::vector<std::string> texts;
    for (std::size_t j = 0; j < content.size(); ++j) {
        const std::string pf = field + "[" + std::to_string(j) + "]";
        const json& part = content[j];
        if (!part.is_object()) throw ApiError::badField(pf, "expected an object");
        const json* type = member(part, "type");
        if (!type || !type->is_string())
            throw ApiError::badField(pf + ".type", "expected \"text\" or \"image_url\"");
        const auto t = type->get<std::string>();
        if (t == "text") {
            const json* s = member(part, "text");
            if (!s || !s->is_string()) throw ApiError::badField(pf + ".text", "expected a string");
            texts.push_back(s->get<std::string>());
        } else if (t == "image_url") {
            if (!images_allowed) throw ApiError::badField(pf, "images are accepted in user messages only");
            if (images.size() >= limits.max_images)
                throw ApiError::badField(pf, "at most " + std::to_string(limits.max_images) +
                                                 " image(s) per conversation (LLaVA-1.5 takes one)");
            const json* iu = member(part, "image_url");
            const json* url = iu && iu->is_object() ? member(*iu, "url") : iu;
            if (!url || !url->is_string())
                throw ApiError::badField(pf + ".image_url.url", "expected a string (a data: URL)");
            images.push_back(pipeline::ImageInput::pixels(
                decodeImageDataUrl(url->get<std::string>(), pf + ".image_url.url", limits)));
        } else {
            throw ApiError::badField(pf + ".type",
                                     "unsupported content type '" + t + "' (expected text or image_url)");
        }
    }
    for (std::size_t k = 0; k < texts.size(); ++k) text += (k ? "\n" : "") + texts[k];
}

json chunkBase(const CompletionIdentity& ids) {
    return {
        {"id", ids.id}, {"object", "chat.completion.chunk"}, {"created", ids.created}, {"model", ids.model}};
}

}  // namespace

std::vector<std::uint8_t> decodeBase64(std::string_view text, const std::string& field) {
    static const std::array<int, 256> table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(alphabet[i])] = i;
        return t;
    }();
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (text.size() % 4 == 1) throw ApiError::badField(field, "base64 data has a bad length");
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 4 * 3 + 3);
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int v = table[static_cast<unsigned char>(text[i])];
        if (v < 0) throw ApiError::badField(field, "invalid base64 character at offset " + std::to_string(i));
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

RgbImage decodeImageDataUrl(const std::string& url, const std::string& field, const ProtocolLimits& limits) {
    const auto comma = url.find(',');
    if (url.rfind("data:", 0) != 0 || comma == std::string::npos)
        throw ApiError::badField(field,
                                 "expected a data:image/png;base64 or data:image/jpeg;base64 URL "
                                 "(remote URLs are not fetched)");
    const std::string meta = url.substr(5, comma - 5);
    const bool base64 = meta.size() >= 7 && meta.compare(meta.size() - 7, 7, ";base64") == 0;
    const std::string mime = meta.substr(0, meta.find(';'));
    if (!base64 || (mime != "image/png" && mime != "image/jpeg" && mime != "image/jpg"))
        throw ApiError::badField(
            field, "unsupported data URL '" + meta + "' (expected image/png or image/jpeg, base64)");
    const std::size_t encoded = url.size() - comma - 1;
    if (encoded / 4 * 3 > limits.max_image_bytes)
        throw ApiError(413, "invalid_request_error",
                       field + ": image of about " + std::to_string(encoded / 4 * 3) +
                           " bytes exceeds the limit of " + std::to_string(limits.max_image_bytes),
                       field);
    const auto bytes = decodeBase64(std::string_view(url).substr(comma + 1), field);
    std::uint64_t w = 0, h = 0;
    if (!rasterHeaderSize(bytes, w, h)) throw ApiError::badField(field, "not a PNG or JPEG image");
    if (w > static_cast<std::uint64_t>(limits.max_image_side) ||
        h > static_cast<std::uint64_t>(limits.max_image_side) || w * h > limits.max_image_pixels)
        throw ApiError(413, "invalid_request_error",
                       field + ": image of " + std::to_string(w) + "x" + std::to_string(h) +
                           " exceeds the limits (" + std::to_string(limits.max_image_side) + " per side, " +
                           std::to_string(limits.max_image_pixels) + " pixels)",
                       field);
    ImageLimits il;
    il.maxSide = limits.max_image_side;
    il.maxFrameBytes = limits.max_image_pixels * 3 * sizeof(float);
    try {
        const bool png = bytes[0] == 0x89;
        const ImageData data = png ? decodePng(bytes.data(), bytes.size(), field, il)
                                   : decodeJpeg(bytes.data(), bytes.size(), field, il);
        return renderDisplay(data);
    } catch (const std::exception& e) {
        throw ApiError::badField(field, std::string("cannot decode the image: ") + e.what());
    }
}

ChatCompletionRequest parseChatCompletionRequest(std::string_view body, const ProtocolLimits& limits) {
    json doc;
    try {
        doc = json::parse(body.begin(), body.end());
    } catch (const json::exception& e) {  // parse_error, or out_of_range 406 (a number too large)
        throw ApiError(400, "invalid_request_error",
                       std::string("request body is not valid JSON: ") + e.what());
    }
    if (!doc.is_object()) throw ApiError(400, "invalid_request_error", "request body must be a JSON object");
    refuseUnsupported(doc);

    ChatCompletionRequest out;
    if (const json* m = member(doc, "model")) {
        if (!m->is_string()) throw ApiError::badField("model", "expected a string");
        out.model = m->get<std::string>();
    }
    out.stream = boolField(doc, "stream", false);
    if (const json* so = member(doc, "stream_options")) {
        if (!so->is_object()) throw ApiError::badField("stream_options", "expected an object");
        out.include_usage = boolField(*so, "include_usage", false);
    }

    const json* messages = member(doc, "messages");
    if (!messages || !messages->is_array() || messages->empty())
        throw ApiError::badField("messages", "expected a non-empty list of messages");
    if (messages->size() > limits.max_messages)
        throw ApiError::badField("messages", "at most " + std::to_string(limits.max_messages) + " messages");
    auto& conv = out.request.conversation;
    for (std::size_t i = 0; i < messages->size(); ++i) {
        const std::string field = "messages[" + std::to_string(i) + "]";
        const json& msg = (*messages)[i];
        if (!msg.is_object()) throw ApiError::badField(field, "expected an object");
        const json* role = member(msg, "role");
        if (!role || !role->is_string())
            throw ApiError::badField(field + ".role", "expected \"system\", \"user\" or \"assistant\"");
        const auto name = role->get<std::string>();
        prompt::Role r;
        if (name == "system" || name == "developer")
            r = prompt::Role::System;
        else if (name == "user")
            r = prompt::Role::User;
        else if (name == "assistant")
            r = prompt::Role::Assistant;
        else
            throw ApiError::badField(field + ".role",
                                     "unsupported role '" + name + "' (expected system, user or assistant)");
        // Turn order the templates render: [system] user assistant user ... user.
        const std::size_t turn =
            conv.size() - (!conv.empty() && conv[0].role == prompt::Role::System ? 1 : 0);
        if (r == prompt::Role::System && i != 0)
            throw ApiError::badField(field + ".role", "a system message may only come first");
        if (r == prompt::Role::User && turn % 2 != 0)
            throw ApiError::badField(field + ".role", "expected an assistant message here (turns alternate)");
        if (r == prompt::Role::Assistant && turn % 2 != 1)
            throw ApiError::badField(field + ".role", "expected a user message here (turns alternate)");
        std::string text;
        const json* content = member(msg, "content");
        const std::size_t images_before = out.request.images.size();
        if (content)
            readContent(*content, field + ".content", r == prompt::Role::User, limits, text,
                        out.request.images);
        else if (r != prompt::Role::Assistant)
            throw ApiError::badField(field + ".content", "expected a string or a list of content parts");
        if (out.request.images.size() > images_before) text = prompt::withImage(text);
        conv.push_back({r, std::move(text)});
    }
    if (conv.back().role != prompt::Role::User)
        throw ApiError::badField("messages[" + std::to_string(messages->size() - 1) + "].role",
                                 "the last message must be a user message");

    SamplingParams& s = out.request.sampling;
    s.temperature = numberField(doc, "temperature", 0.0, 2.0, 1.0);
    s.greedy = s.temperature == 0.0;
    s.top_p = numberField(doc, "top_p", 0.0, 1.0, 1.0);
    if (s.top_p <= 0.0) throw ApiError::badField("top_p", "must be between 0 (excluded) and 1");
    s.top_k = static_cast<int>(integerField(doc, "top_k", 0, 1 << 20, 0));
    s.repetition_penalty = numberField(doc, "repetition_penalty", 0.01, 10.0, 1.0);
    const std::int64_t max_tokens =
        integerField(doc, "max_tokens", 1, limits.max_tokens_cap, limits.default_max_tokens);
    s.max_new_tokens =
        static_cast<int>(integerField(doc, "max_completion_tokens", 1, limits.max_tokens_cap, max_tokens));
    const json* seed = member(doc, "seed");
    if (seed && !seed->is_number_integer() && !seed->is_number_unsigned())
        throw ApiError::badField("seed", "expected an integer");
    if (seed)
        s.seed = seed->is_number_unsigned() ? seed->get<std::uint64_t>()
                                            : static_cast<std::uint64_t>(seed->get<std::int64_t>());
    out.max_tokens_given = member(doc, "max_tokens") || member(doc, "max_completion_tokens");
    s.stop_strings = stopField(doc);
    s.stop_on_eos = !boolField(doc, "ignore_eos", false);  // extension (as llama.cpp's server)
    return out;
}

std::string finishReason(const std::string& stop_reason) {
    return stop_reason == "max_tokens" ? "length" : "stop";
}

json usageJson(const pipeline::Reply& reply) {
    const auto completion = static_cast<std::int64_t>(reply.tokens.size());
    return {{"prompt_tokens", reply.prompt_tokens},
            {"completion_tokens", completion},
            {"total_tokens", reply.prompt_tokens + completion}};
}

json completionJson(const CompletionIdentity& ids, const pipeline::Reply& reply) {
    return {{"id", ids.id},
            {"object", "chat.completion"},
            {"created", ids.created},
            {"model", ids.model},
            {"choices", json::array({{{"index", 0},
                                      {"message", {{"role", "assistant"}, {"content", reply.text}}},
                                      {"logprobs", nullptr},
                                      {"finish_reason", finishReason(reply.stop_reason)}}})},
            {"usage", usageJson(reply)}};
}

json roleChunkJson(const CompletionIdentity& ids) {
    json c = chunkBase(ids);
    c["choices"] = json::array(
        {{{"index", 0}, {"delta", {{"role", "assistant"}, {"content", ""}}}, {"finish_reason", nullptr}}});
    return c;
}

json contentChunkJson(const CompletionIdentity& ids, std::string_view text) {
    json c = chunkBase(ids);
    c["choices"] = json::array(
        {{{"index", 0}, {"delta", {{"content", std::string(text)}}}, {"finish_reason", nullptr}}});
    return c;
}

json finishChunkJson(const CompletionIdentity& ids, const std::string& finish_reason) {
    json c = chunkBase(ids);
    c["choices"] = json::array({{{"index", 0}, {"delta", json::object()}, {"finish_reason", finish_reason}}});
    return c;
}

json usageChunkJson(const CompletionIdentity& ids, const pipeline::Reply& reply) {
    json c = chunkBase(ids);
    c["choices"] = json::array();
    c["usage"] = usageJson(reply);
    return c;
}

std::string sseEvent(const json& payload) {
    // Invalid UTF-8 from a client's own text is replaced rather than thrown at send time.
    return "data: " + payload.dump(-1, ' ', false, json::error_handler_t::replace) + "\n\n";
}

json errorJson(const ApiError& error) {
    return {{"error",
             {{"message", error.what()},
              {"type", error.type()},
              {"param", error.param().empty() ? json(nullptr) : json(error.param())},
              {"code", error.status()}}}};
}

json modelsJson(const std::string& model_id, std::int64_t created) {
    return {{"object", "list"},
            {"data",
             json::array(
                 {{{"id", model_id}, {"object", "model"}, {"created", created}, {"owned_by", "stllava"}}})}};
}

}  // namespace stllava::server
