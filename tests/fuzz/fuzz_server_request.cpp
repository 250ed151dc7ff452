// Fuzz target: a POST /v1/chat/completions body through `stllava serve`'s request handling up to
// the model: parseChatCompletionRequest (JSON, messages and turn order, content parts, data-URL
// PNG/JPEG images decoded and rendered, sampling fields), the prompt each chat template renders
// from it (what the server's admission does before the model), and the error JSON a refusal becomes
// (dumped as the server sends it). Also the Authorization header check on the same bytes.
// Allowed outcome for bad input: ApiError with a 4xx status, a type and a message.
#include "fuzz_support.h"

#include "prompt/conversation.h"
#include "server/auth.h"
#include "server/openai_protocol.h"

namespace sv = stllava::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    sv::ProtocolLimits limits;
    limits.max_image_bytes = 1u << 20;  // small for the fuzzer; the same checks as the defaults
    limits.max_image_side = 1024;
    limits.max_image_pixels = 512 * 512;
    try {
        const sv::ChatCompletionRequest chat = sv::parseChatCompletionRequest(body, limits);
        if (chat.request.conversation.empty()) stllava::fuzz::finding("accepted a request without messages");
        if (chat.request.images.size() > limits.max_images) stllava::fuzz::finding("accepted more images than the limit");
        for (const auto& image : chat.request.images)
            if (image.display.empty() ||
                image.display.pixels.size() != static_cast<std::size_t>(image.display.width) * image.display.height * 3)
                stllava::fuzz::finding("decoded image buffer does not match its size");
        for (const std::string& name : {std::string("vicuna_v1"), std::string("mistral_instruct"), std::string("v1_sq")}) {
            try {
                (void)stllava::prompt::renderForGeneration(stllava::prompt::getTemplate(name), chat.request.conversation);
            } catch (const std::runtime_error&) {
                // a conversation the template cannot render: the server answers 400 naming the messages
            }
        }
    } catch (const sv::ApiError& e) {
        if (e.status() < 400 || e.status() >= 500) stllava::fuzz::finding("request refused with status " + std::to_string(e.status()));
        if (e.type().empty() || std::string(e.what()).empty()) stllava::fuzz::finding("refusal without type or message");
        (void)sv::sseEvent(sv::errorJson(e));  // as sent: invalid UTF-8 from the client is replaced
    }
    const sv::BearerAuth auth("fuzz-token");
    // Allowed: "Bearer" in any letter case, one space, the exact token; nothing else.
    bool expected = body.size() == 17 && body[6] == ' ' && body.substr(7) == "fuzz-token";
    for (std::size_t i = 0; expected && i < 6; ++i) expected = (body[i] | 0x20) == "bearer"[i];
    if (auth.allows(body) != expected) stllava::fuzz::finding("bearer check disagrees with the rule");
    return 0;
}
