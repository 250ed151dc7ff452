// core/server without sockets: the OpenAI protocol layer (request parsing into the session's
// Request, data-URL images decoded to the pixels loadDisplayImage gives for the same file, fields
// refused with 400 naming them, 413 for images over the limits, response and SSE chunk JSON) and
// the bearer-token check.
#include "evaluation/html_util.h"
#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"
#include "server/auth.h"
#include "server/openai_protocol.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <iterator>

using namespace stllava;
using namespace stllava::server;
using nlohmann::json;

namespace {

RgbImage gradient(int w, int h) {
    RgbImage img;
    img.width = w;
    img.height = h;
    for (int i = 0; i < w * h; ++i)
        img.pixels.insert(img.pixels.end(),
                          {std::uint8_t(i * 5), std::uint8_t(i * 11), std::uint8_t(200 - i)});
    return img;
}

std::string dataUrl(const std::string& mime, const std::vector<std::uint8_t>& bytes) {
    return "data:" + mime + ";base64," +
           eval::html::base64(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

json userWithImage(const std::string& url, const std::string& text) {
    return {{"role", "user"},
            {"content", json::array({{{"type", "text"}, {"text", text}},
                                     {{"type", "image_url"}, {"image_url", {{"url", url}}}}})}};
}

std::vector<std::uint8_t> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

class TestServerProtocol : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void parsesConversationAndSampling() {
        const json body = {
            {"model", "tiny"},
            {"messages",
             json::array({{{"role", "system"}, {"content", "Be brief."}},
                          {{"role", "user"}, {"content", "Is it normal?"}},
                          {{"role", "assistant"}, {"content", "Yes."}},
                          {{"role", "user"},
                           {"content", json::array({{{"type", "text"}, {"text", "Why?"}},
                                                    {{"type", "text"}, {"text", "Explain."}}})}}})},
            {"temperature", 0.5},
            {"top_p", 0.9},
            {"top_k", 40},
            {"max_completion_tokens", 33},
            {"seed", 42},
            {"stop", json::array({"END", "###"})},
            {"stream", true},
            {"stream_options", {{"include_usage", true}}},
            {"user", "ignored"}};
        const auto c = parseChatCompletionRequest(body.dump(), {});
        QCOMPARE(QString::fromStdString(c.model), QStringLiteral("tiny"));
        QVERIFY(c.stream);
        QVERIFY(c.include_usage);
        QVERIFY(c.max_tokens_given);
        const auto& conv = c.request.conversation;
        QCOMPARE(conv.size(), std::size_t(4));
        QCOMPARE(int(conv[0].role), int(prompt::Role::System));
        QCOMPARE(int(conv[1].role), int(prompt::Role::User));
        QCOMPARE(int(conv[2].role), int(prompt::Role::Assistant));
        QCOMPARE(QString::fromStdString(conv[3].text), QStringLiteral("Why?\nExplain."));
        QVERIFY(c.request.images.empty());
        const auto& s = c.request.sampling;
        QCOMPARE(s.temperature, 0.5);
        QVERIFY(!s.isGreedy());
        QCOMPARE(s.top_p, 0.9);
        QCOMPARE(s.top_k, 40);
        QCOMPARE(s.max_new_tokens, 33);
        QCOMPARE(s.seed, std::uint64_t(42));
        QCOMPARE(s.stop_strings, (std::vector<std::string>{"END", "###"}));
        QVERIFY(s.stop_on_eos);

        // Defaults: OpenAI's temperature 1, `stllava chat`'s 512 tokens; temperature 0 is greedy.
        const auto d = parseChatCompletionRequest(
            R"({"messages":[{"role":"user","content":"hi"}],"temperature":0,"stop":"x","ignore_eos":true})",
            {});
        QVERIFY(!d.stream);
        QVERIFY(!d.max_tokens_given);
        QVERIFY(d.request.sampling.isGreedy());
        QCOMPARE(d.request.sampling.max_new_tokens, 512);
        QCOMPARE(d.request.sampling.stop_strings, std::vector<std::string>{"x"});
        QVERIFY(!d.request.sampling.stop_on_eos);
    }

    void decodesPngAndJpegDataUrlsAsTheFileLoaderDoes() {
        const RgbImage img = gradient(37, 23);
        const auto png = dir_.filePath("a.png").toStdString();
        writePixelsPng(img, png);
        const auto jpg_bytes = encodeJpeg(img, 85);
        const auto jpg = dir_.filePath("a.jpg").toStdString();
        std::ofstream(jpg, std::ios::binary)
            .write(reinterpret_cast<const char*>(jpg_bytes.data()),
                   static_cast<std::streamsize>(jpg_bytes.size()));
        for (const auto& [mime, path] :
             {std::pair<std::string, std::string>{"image/png", png}, {"image/jpeg", jpg}}) {
            const json body = {
                {"messages", json::array({userWithImage(dataUrl(mime, readFile(path)), "What is shown?")})}};
            const auto c = parseChatCompletionRequest(body.dump(), {});
            QCOMPARE(c.request.images.size(), std::size_t(1));
            const RgbImage expected = loadDisplayImage(path);
            QCOMPARE(c.request.images[0].display.width, expected.width);
            QCOMPARE(c.request.images[0].display.height, expected.height);
            QVERIFY(c.request.images[0].display.pixels == expected.pixels);
            // The image goes before the text of its message, as LLaVA writes it.
            QCOMPARE(QString::fromStdString(c.request.conversation[0].text),
                     QStringLiteral("<image>\nWhat is shown?"));
        }
    }

    void refusesBadFieldsNamingThem_data() {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("message_part");
        const QString user = R"("messages":[{"role":"user","content":"hi"}])";
        QTest::newRow("not json") << "{\"messages\": [" << 400 << ""
                                  << "not valid JSON";
        QTest::newRow("not an object") << "[1,2]" << 400 << ""
                                       << "JSON object";
        QTest::newRow("no messages") << "{}" << 400 << "messages"
                                     << "non-empty list";
        QTest::newRow("empty messages") << R"({"messages":[]})" << 400 << "messages"
                                        << "non-empty list";
        QTest::newRow("bad role") << R"({"messages":[{"role":"tool","content":"x"}]})" << 400
                                  << "messages[0].role"
                                  << "unsupported role 'tool'";
        QTest::newRow("content number")
            << R"({"messages":[{"role":"user","content":5}]})" << 400 << "messages[0].content"
            << "expected a string";
        QTest::newRow("part type") << R"({"messages":[{"role":"user","content":[{"type":"audio"}]}]})" << 400
                                   << "messages[0].content[0].type"
                                   << "unsupported content type";
        QTest::newRow("remote url")
            << R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}]})"
            << 400 << "messages[0].content[0].image_url.url"
            << "remote URLs are not fetched";
        QTest::newRow("bad base64")
            << R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO*w0K"}}]}]})"
            << 400 << "messages[0].content[0].image_url.url"
            << "invalid base64";
        QTest::newRow("not an image")
            << R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,aGVsbG8gd29ybGQ="}}]}]})"
            << 400 << "messages[0].content[0].image_url.url"
            << "not a PNG or JPEG";
        QTest::newRow("gif")
            << R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/gif;base64,R0lG"}}]}]})"
            << 400 << "messages[0].content[0].image_url.url"
            << "image/png or image/jpeg";
        QTest::newRow("two users")
            << R"({"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"}]})" << 400
            << "messages[1].role"
            << "expected an assistant message";
        QTest::newRow("late system")
            << R"({"messages":[{"role":"user","content":"a"},{"role":"system","content":"b"}]})" << 400
            << "messages[1].role"
            << "only come first";
        QTest::newRow("ends with assistant")
            << R"({"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]})" << 400
            << "messages[1].role"
            << "last message must be a user";
        QTest::newRow("temperature type") << "{" + user + R"(,"temperature":"hot"})" << 400 << "temperature"
                                          << "expected a number";
        QTest::newRow("temperature range") << "{" + user + R"(,"temperature":3})" << 400 << "temperature"
                                           << "between";
        QTest::newRow("top_p zero") << "{" + user + R"(,"top_p":0})" << 400 << "top_p"
                                    << "between";
        QTest::newRow("top_k negative") << "{" + user + R"(,"top_k":-1})" << 400 << "top_k"
                                        << "between";
        QTest::newRow("max_tokens zero") << "{" + user + R"(,"max_tokens":0})" << 400 << "max_tokens"
                                         << "between";
        QTest::newRow("max_tokens huge") << "{" + user + R"(,"max_tokens":100000})" << 400 << "max_tokens"
                                         << "between";
        QTest::newRow("max_tokens float") << "{" + user + R"(,"max_tokens":1.5})" << 400 << "max_tokens"
                                          << "integer";
        QTest::newRow("seed string") << "{" + user + R"(,"seed":"x"})" << 400 << "seed"
                                     << "integer";
        QTest::newRow("stop number") << "{" + user + R"(,"stop":3})" << 400 << "stop"
                                     << "string or a list";
        QTest::newRow("stop empty") << "{" + user + R"(,"stop":["a",""]})" << 400 << "stop[1]"
                                    << "empty stop";
        QTest::newRow("stream type") << "{" + user + R"(,"stream":"yes"})" << 400 << "stream"
                                     << "true or false";
        QTest::newRow("n=2") << "{" + user + R"(,"n":2})" << 400 << "n"
                             << "only n = 1";
        QTest::newRow("presence") << "{" + user + R"(,"presence_penalty":0.5})" << 400 << "presence_penalty"
                                  << "not supported";
        // Fuzz finding (tests/fuzz server_request): a number beyond double's range made nlohmann throw
        // out_of_range 406 from the parser, which escaped as an uncaught exception.
        QTest::newRow("number overflow") << "{" + user + R"(,"temperature":1E400})" << 400 << ""
                                         << "not valid JSON";
    }

    void refusesBadFieldsNamingThem() {
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        QFETCH(QString, message_part);
        try {
            parseChatCompletionRequest(body.toStdString(), {});
            QFAIL("accepted");
        } catch (const ApiError& e) {
            QCOMPARE(e.status(), status);
            QCOMPARE(QString::fromStdString(e.param()), param);
            QVERIFY2(QString(e.what()).contains(message_part), e.what());
            if (!param.isEmpty()) QVERIFY2(QString(e.what()).startsWith(param + ":"), e.what());
            const json j = errorJson(e);
            QCOMPARE(QString::fromStdString(j["error"]["type"].get<std::string>()),
                     QStringLiteral("invalid_request_error"));
            QCOMPARE(j["error"]["code"].get<int>(), status);
        }
    }

    void imagesOverTheLimitsAre413() {
        ProtocolLimits limits;
        limits.max_image_side = 64;
        limits.max_image_pixels = 64 * 64;
        const auto wide = encodePng(gradient(65, 2));
        const auto jpeg = encodeJpeg(gradient(40, 40));  // 1600 pixels: over a 1000-pixel cap
        const auto ok = encodePng(gradient(64, 10));
        auto parse = [&](const std::string& url, const ProtocolLimits& l) {
            return parseChatCompletionRequest(
                json({{"messages", json::array({userWithImage(url, "q")})}}).dump(), l);
        };
        QCOMPARE(parse(dataUrl("image/png", ok), limits).request.images[0].display.width, 64);
        ProtocolLimits few = limits;
        few.max_image_pixels = 1000;
        ProtocolLimits small_file = limits;
        small_file.max_image_bytes = 100;
        for (const auto& [url, l] :
             {std::pair<std::string, ProtocolLimits>{dataUrl("image/png", wide), limits},
              {dataUrl("image/jpeg", jpeg), few},
              {dataUrl("image/png", ok), small_file}}) {
            try {
                parse(url, l);
                QFAIL("accepted an image over the limits");
            } catch (const ApiError& e) {
                QCOMPARE(e.status(), 413);
                QCOMPARE(QString::fromStdString(e.param()),
                         QStringLiteral("messages[0].content[1].image_url.url"));
            }
        }
        // A second image is refused (LLaVA-1.5 takes one), naming the part.
        json two = userWithImage(dataUrl("image/png", ok), "q");
        two["content"].push_back({{"type", "image_url"}, {"image_url", {{"url", dataUrl("image/png", ok)}}}});
        try {
            parseChatCompletionRequest(json({{"messages", json::array({two})}}).dump(), limits);
            QFAIL("accepted two images");
        } catch (const ApiError& e) {
            QCOMPARE(e.status(), 400);
            QCOMPARE(QString::fromStdString(e.param()), QStringLiteral("messages[0].content[2]"));
        }
    }

    void base64MatchesAnIndependentEncoder() {
        std::string all;
        for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
        for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 100u, 256u}) {
            const std::string text = eval::html::base64(std::string_view(all).substr(0, n));
            const auto back = decodeBase64(text, "f");
            QCOMPARE(std::string(back.begin(), back.end()), all.substr(0, n));
            std::string unpadded = text;
            while (!unpadded.empty() && unpadded.back() == '=') unpadded.pop_back();
            QVERIFY(decodeBase64(unpadded, "f") == back);
        }
    }

    void buildsCompletionsAndChunks() {
        pipeline::Reply r;
        r.text = "A small lesion.";
        r.tokens = {5, 6, 7};
        r.prompt_tokens = 20;
        r.stop_reason = "eos";
        const CompletionIdentity ids{"chatcmpl-1", 1700000000, "tiny"};
        const json c = completionJson(ids, r);
        QCOMPARE(QString::fromStdString(c["object"].get<std::string>()), QStringLiteral("chat.completion"));
        QCOMPARE(QString::fromStdString(c["choices"][0]["message"]["content"].get<std::string>()),
                 QStringLiteral("A small lesion."));
        QCOMPARE(QString::fromStdString(c["choices"][0]["message"]["role"].get<std::string>()),
                 QStringLiteral("assistant"));
        QCOMPARE(QString::fromStdString(c["choices"][0]["finish_reason"].get<std::string>()),
                 QStringLiteral("stop"));
        QCOMPARE(c["usage"]["prompt_tokens"].get<int>(), 20);
        QCOMPARE(c["usage"]["completion_tokens"].get<int>(), 3);
        QCOMPARE(c["usage"]["total_tokens"].get<int>(), 23);
        QCOMPARE(QString::fromStdString(finishReason("max_tokens")), QStringLiteral("length"));
        QCOMPARE(QString::fromStdString(finishReason("stop_string")), QStringLiteral("stop"));

        const std::string event = sseEvent(contentChunkJson(ids, "lesion"));
        QVERIFY(event.rfind("data: {", 0) == 0);
        QVERIFY(event.size() > 2 && event.substr(event.size() - 2) == "\n\n");
        const json chunk = json::parse(event.substr(6));
        QCOMPARE(QString::fromStdString(chunk["object"].get<std::string>()),
                 QStringLiteral("chat.completion.chunk"));
        QCOMPARE(QString::fromStdString(chunk["id"].get<std::string>()), QStringLiteral("chatcmpl-1"));
        QCOMPARE(QString::fromStdString(chunk["choices"][0]["delta"]["content"].get<std::string>()),
                 QStringLiteral("lesion"));
        QVERIFY(chunk["choices"][0]["finish_reason"].is_null());
        QCOMPARE(QString::fromStdString(roleChunkJson(ids)["choices"][0]["delta"]["role"].get<std::string>()),
                 QStringLiteral("assistant"));
        const json fin = finishChunkJson(ids, "length");
        QCOMPARE(QString::fromStdString(fin["choices"][0]["finish_reason"].get<std::string>()),
                 QStringLiteral("length"));
        QVERIFY(fin["choices"][0]["delta"].empty());
        const json usage = usageChunkJson(ids, r);
        QVERIFY(usage["choices"].empty());
        QCOMPARE(usage["usage"]["total_tokens"].get<int>(), 23);
        QCOMPARE(QString::fromStdString(std::string(kSseDone)), QStringLiteral("data: [DONE]\n\n"));
        const json models = modelsJson("tiny", 5);
        QCOMPARE(QString::fromStdString(models["data"][0]["id"].get<std::string>()), QStringLiteral("tiny"));
        QCOMPARE(QString::fromStdString(models["object"].get<std::string>()), QStringLiteral("list"));
    }

    void bearerTokenCheck() {
        const BearerAuth off("");
        QVERIFY(!off.enabled());
        QVERIFY(off.allows(""));
        const BearerAuth auth("s3cret-token-123");
        QVERIFY(auth.allows("Bearer s3cret-token-123"));
        QVERIFY(auth.allows("bearer s3cret-token-123"));
        QVERIFY(!auth.allows(""));
        QVERIFY(!auth.allows("Bearer "));
        QVERIFY(!auth.allows("Bearer s3cret-token-124"));  // same length, last byte differs
        QVERIFY(!auth.allows("Bearer s3cret-token-12"));
        QVERIFY(!auth.allows("Bearer s3cret-token-1234"));
        QVERIFY(!auth.allows("Basic s3cret-token-123"));
        QVERIFY(!auth.allows("s3cret-token-123"));
        // The fuzz target's rule check (tests/fuzz server_request): the scheme's letters in any case
        // ("BeArer", which libFuzzer tried, is allowed), but the separator must be a space: OR-ing
        // 0x20 into it also let a NUL byte through.
        QVERIFY(auth.allows("BeArer s3cret-token-123"));
        QVERIFY(!auth.allows(std::string_view("Bearer\0s3cret-token-123", 23)));
        QVERIFY(!auth.allows("Bearer\ts3cret-token-123"));
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("", "a"));
        QVERIFY(isLoopbackHost("127.0.0.1"));
        QVERIFY(isLoopbackHost("127.1.2.3"));
        QVERIFY(isLoopbackHost("::1"));
        QVERIFY(isLoopbackHost("localhost"));
        QVERIFY(!isLoopbackHost("0.0.0.0"));
        QVERIFY(!isLoopbackHost("192.168.1.5"));
        QVERIFY(!isLoopbackHost("127.evil.example"));
    }
};

QTEST_GUILESS_MAIN(TestServerProtocol)
#include "test_server_protocol.moc"
