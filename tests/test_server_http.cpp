// `stllava serve`'s server over real HTTP on 127.0.0.1 (cpp-httplib's client), on a tiny model
// folder, tokenizer and PNG written here:
//   - the greedy non-streamed answer equals `stllava chat --temperature 0` for the same inputs;
//   - streamed chunks concatenate to the non-streamed text; [DONE] ends the stream;
//   - 8 concurrent requests each get the answer they get alone, and ran batched (/metrics);
//   - a client that leaves mid-stream cancels its request only; a full queue answers 503;
//   - bearer token (401 without it or with a wrong one of the same length), 413 over the body and
//     image limits, 400 naming the field; the log has one line per request and never the token.
#include "fixtures/tiny_model.h"

#include "evaluation/html_util.h"
#include "imaging/raster_codecs.h"
#include "pipeline/llava_session.h"
#include "server/http_server.h"

#include <httplib.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <thread>

using namespace stllava;
using nlohmann::json;

namespace {

std::string pngDataUrl(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return "data:image/png;base64," + eval::html::base64(bytes);
}

json chatBody(const std::string& question, const std::string& image_url, double temperature, int max_tokens,
              std::uint64_t seed = 0, bool stream = false) {
    json content = json::array({{{"type", "text"}, {"text", question}}});
    if (!image_url.empty()) content.push_back({{"type", "image_url"}, {"image_url", {{"url", image_url}}}});
    return {{"model", "tiny"},
            {"messages", json::array({{{"role", "user"}, {"content", content}}})},
            {"temperature", temperature},
            {"max_tokens", max_tokens},
            {"seed", seed},
            {"stream", stream}};
}

// Server-sent events of one response: the payload of each "data: " line.
std::vector<std::string> sseData(const std::string& body) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < body.size()) {
        const auto end = body.find("\n\n", at);
        const std::string event = body.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (event.rfind("data: ", 0) == 0) out.push_back(event.substr(6));
        if (end == std::string::npos) break;
        at = end + 2;
    }
    return out;
}

double metric(const std::string& text, const std::string& name) {
    const auto at = text.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + name.size() + 2));
}

}  // namespace

class TestServerHttp : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string model_dir_, image_, image_url_;
    std::shared_ptr<pipeline::LlavaSession> session_;
    std::mutex log_mutex_;
    std::vector<std::string> log_;  // guarded by log_mutex_

    std::unique_ptr<server::ChatServer> startServer(server::ServerOptions o) {
        o.host = "127.0.0.1";
        o.port = 0;
        o.model_id = "tiny";
        o.log = [this](const std::string& line) {
            std::lock_guard<std::mutex> lock(log_mutex_);
            log_.push_back(line);
        };
        auto s = std::make_unique<server::ChatServer>(session_, o);
        s->start();
        return s;
    }

    static httplib::Result post(int port, const json& body, const std::string& token = "") {
        httplib::Client cli("127.0.0.1", port);
        cli.set_read_timeout(300, 0);
        httplib::Headers h;
        if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
        return cli.Post("/v1/chat/completions", h, body.dump(), "application/json");
    }

    // A streamed POST whose client reads until `keep_reading(body so far)` is false, then hangs up.
    static void streamPost(int port, const json& body,
                           const std::function<bool(const std::string&)>& keep_reading) {
        httplib::Client cli("127.0.0.1", port);
        cli.set_read_timeout(300, 0);
        httplib::Request req;
        req.method = "POST";
        req.path = "/v1/chat/completions";
        req.headers.emplace("Content-Type", "application/json");
        req.body = body.dump();
        std::string seen;
        req.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
            seen.append(data, n);
            return keep_reading(seen);
        };
        cli.send(req);
    }

    static std::string contentOf(const httplib::Result& r) {
        return json::parse(r->body)["choices"][0]["message"]["content"].get<std::string>();
    }

    static std::string metricsOf(int port) {
        httplib::Client cli("127.0.0.1", port);
        auto r = cli.Get("/metrics");
        return r ? "\n" + r->body : "";
    }

private Q_SLOTS:
    void initTestCase() {
        torch::set_num_threads(1);
        QVERIFY(dir_.isValid());
        auto cfg = testing::tinyConfig();
        cfg.text.vocab_size = 320;
        cfg.text.max_position_embeddings = 8192;  // room for a long stream the test cancels
        model_dir_ = testing::writeTinyModelFolder(dir_.path().toStdString(), cfg);
        image_ = dir_.filePath("scan.png").toStdString();
        writePixelsPng(testing::tinyScan(), image_);
        image_url_ = pngDataUrl(image_);
        pipeline::ModelSource src;
        src.model_dir = model_dir_;
        session_ = pipeline::LlavaSession::open(src);
    }

    void greedyAnswerEqualsChatAndStreamsTheSame() {
        auto srv = startServer({});
        QProcess chat;
        chat.start(
            QString(STLLAVA_BIN_DIR) + "/stllava",
            {"chat", "--model", QString::fromStdString(model_dir_), "--image", QString::fromStdString(image_),
             "--temperature", "0", "--max-new-tokens", "20", "What is shown?"});
        QVERIFY(chat.waitForFinished(120000));
        QCOMPARE(chat.exitCode(), 0);
        std::string printed = chat.readAllStandardOutput().toStdString();
        QVERIFY(!printed.empty() && printed.back() == '\n');
        printed.pop_back();

        auto r = post(srv->port(), chatBody("What is shown?", image_url_, 0.0, 20));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const json c = json::parse(r->body);
        QCOMPARE(c["choices"][0]["message"]["content"].get<std::string>(), printed);
        QVERIFY(!printed.empty());
        QCOMPARE(QString::fromStdString(c["model"].get<std::string>()), QStringLiteral("tiny"));
        const int completion = c["usage"]["completion_tokens"].get<int>();
        QVERIFY(completion >= 1 && completion <= 20);
        QCOMPARE(QString::fromStdString(c["choices"][0]["finish_reason"].get<std::string>()),
                 completion == 20 ? QStringLiteral("length") : QStringLiteral("stop"));
        QVERIFY(c["usage"]["prompt_tokens"].get<int>() > 4);  // text plus the 4 image positions
        QCOMPARE(c["usage"]["total_tokens"].get<int>(), c["usage"]["prompt_tokens"].get<int>() + completion);

        // Streamed: several content chunks whose concatenation is the same text, then [DONE].
        json body = chatBody("What is shown?", image_url_, 0.0, 20, 0, true);
        body["stream_options"] = {{"include_usage", true}};
        auto s = post(srv->port(), body);
        QVERIFY(s);
        QCOMPARE(s->status, 200);
        QVERIFY(s->get_header_value("Content-Type").rfind("text/event-stream", 0) == 0);
        const auto events = sseData(s->body);
        QVERIFY(events.size() >= 4);
        QCOMPARE(QString::fromStdString(events.back()), QStringLiteral("[DONE]"));
        std::string joined, finish;
        int content_chunks = 0;
        for (std::size_t i = 0; i + 1 < events.size(); ++i) {
            const json e = json::parse(events[i]);
            QCOMPARE(QString::fromStdString(e["object"].get<std::string>()),
                     QStringLiteral("chat.completion.chunk"));
            if (e["choices"].empty()) {
                QCOMPARE(e["usage"]["completion_tokens"].get<int>(), completion);
                continue;
            }
            const json& delta = e["choices"][0]["delta"];
            if (delta.contains("content") && !delta.contains("role")) {
                joined += delta["content"].get<std::string>();
                ++content_chunks;
            }
            if (!e["choices"][0]["finish_reason"].is_null())
                finish = e["choices"][0]["finish_reason"].get<std::string>();
        }
        QCOMPARE(joined, printed);
        QVERIFY2(content_chunks >= 2, std::to_string(content_chunks).c_str());
        QCOMPARE(QString::fromStdString(finish),
                 completion == 20 ? QStringLiteral("length") : QStringLiteral("stop"));

        httplib::Client cli("127.0.0.1", srv->port());
        auto models = cli.Get("/v1/models");
        QVERIFY(models);
        QCOMPARE(QString::fromStdString(json::parse(models->body)["data"][0]["id"].get<std::string>()),
                 QStringLiteral("tiny"));
    }

    void concurrentRequestsAreBatchedAndEachGetsItsOwnAnswer() {
        struct Ask {
            std::string question;
            double temperature;
            std::uint64_t seed;
        };
        std::vector<Ask> asks;
        const char* questions[] = {"What is shown?", "Is there a lesion?", "What organ is shown?",
                                   "Describe it."};
        for (int i = 0; i < 8; ++i)
            asks.push_back({questions[i % 4], i % 2 ? 0.9 : 0.0, std::uint64_t(40 + i)});
        // Each alone first (a server that starts every request at once).
        std::vector<std::string> alone;
        {
            auto srv = startServer({});
            const auto t0 = std::chrono::steady_clock::now();
            for (const auto& a : asks) {
                auto r = post(srv->port(), chatBody(a.question, image_url_, a.temperature, 16, a.seed));
                QVERIFY(r && r->status == 200);
                alone.push_back(contentOf(r));
            }
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            qInfo("8 requests one after another (16 tokens): %.2f s, %.1f requests/s", seconds, 8 / seconds);
        }
        QVERIFY(alone[1] != alone[5]);  // same question, another seed: the seeds reach the sampler
        // All at once: a batch starts when 8 wait (or the oldest has waited 5 s).
        server::ServerOptions o;
        o.scheduler.max_batch = 8;
        o.scheduler.collect_window = std::chrono::milliseconds(5000);
        auto srv = startServer(o);
        std::vector<std::string> together(asks.size());
        std::vector<int> status(asks.size(), 0);
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < asks.size(); ++i)
            threads.emplace_back([&, i] {
                auto r = post(srv->port(),
                              chatBody(asks[i].question, image_url_, asks[i].temperature, 16, asks[i].seed));
                status[i] = r ? r->status : -1;
                if (r && r->status == 200) together[i] = contentOf(r);
            });
        for (auto& t : threads) t.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        for (std::size_t i = 0; i < asks.size(); ++i) {
            QCOMPARE(status[i], 200);
            QCOMPARE(together[i], alone[i]);
        }
        const std::string m = metricsOf(srv->port());
        QCOMPARE(metric(m, "stllava_requests_total"), 8.0);
        QVERIFY2(metric(m, "stllava_batch_size_max") >= 2, m.c_str());
        QVERIFY2(metric(m, "stllava_batches_total") < 8, m.c_str());
        qInfo("8 concurrent requests (16 tokens): %.2f s, %.1f requests/s, %g batches, largest %g", seconds,
              8 / seconds, metric(m, "stllava_batches_total"), metric(m, "stllava_batch_size_max"));
    }

    void clientLeavingMidStreamCancelsOnlyItsRequest() {
        // One batch for the three: it starts when all three wait (or the oldest has waited 5 s).
        server::ServerOptions o;
        o.scheduler.max_batch = 3;
        o.scheduler.collect_window = std::chrono::milliseconds(5000);
        o.limits.max_tokens_cap = 8000;
        auto srv = startServer(o);
        const int port = srv->port();
        std::string short_alone;
        {
            auto quick = startServer({});
            auto r = post(quick->port(), chatBody("Is there a lesion?", image_url_, 0.0, 12));
            QVERIFY(r && r->status == 200);
            short_alone = contentOf(r);
        }
        json long_body = chatBody("Describe it.", image_url_, 0.0, 8000, 0, true);
        long_body["ignore_eos"] = true;
        int long_chunks = 0;
        std::thread leaving([&] {
            streamPost(port, long_body, [&](const std::string& seen) {
                long_chunks = static_cast<int>(sseData(seen).size());
                return long_chunks < 4;  // role chunk + 3 pieces of text, then hang up
            });
        });
        std::vector<std::string> others(2);
        std::vector<std::thread> threads;
        for (int i = 0; i < 2; ++i)
            threads.emplace_back([&, i] {
                auto r = post(port, chatBody("Is there a lesion?", image_url_, 0.0, 12));
                if (r && r->status == 200) others[static_cast<std::size_t>(i)] = contentOf(r);
                else others[static_cast<std::size_t>(i)] = r ? "HTTP " + std::to_string(r->status) + " " + r->body : "no reply";
            });
        leaving.join();
        for (auto& t : threads) t.join();
        QVERIFY(long_chunks >= 4);
        for (const auto& a : others) QCOMPARE(QString::fromStdString(a), QString::fromStdString(short_alone));
        // The long request ends as cancelled, far short of its 8000 tokens.
        std::string m;
        for (int i = 0; i < 600 && metric(m, "stllava_requests_cancelled_total") < 1; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            m = metricsOf(port);
        }
        QCOMPARE(metric(m, "stllava_requests_cancelled_total"), 1.0);
        QCOMPARE(metric(m, "stllava_batch_size_max"), 3.0);  // the short ones shared its batch
        QCOMPARE(metric(m, "stllava_batches_total"), 1.0);
        QVERIFY2(metric(m, "stllava_completion_tokens_total") < 8000, m.c_str());
        QCOMPARE(metric(m, "stllava_batch_running"), 0.0);
    }

    void shortReplyDoesNotWaitForItsBatch() {
        // Both requests share one batch; the short, non-streamed one is answered while the long
        // stream is still generating.
        server::ServerOptions o;
        o.scheduler.max_batch = 2;
        o.scheduler.collect_window = std::chrono::milliseconds(5000);
        o.limits.max_tokens_cap = 8000;
        auto srv = startServer(o);
        const int port = srv->port();
        json long_body = chatBody("Describe it.", image_url_, 0.0, 8000, 0, true);
        long_body["ignore_eos"] = true;
        std::atomic<bool> hang_up{false}, long_ended{false};
        std::thread holder([&] {
            streamPost(port, long_body, [&](const std::string&) { return !hang_up.load(); });
            long_ended = true;
        });
        auto r = post(port, chatBody("Is there a lesion?", image_url_, 0.0, 12));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const bool still_running = !long_ended.load();
        const std::string m = metricsOf(port);
        hang_up = true;
        holder.join();
        QVERIFY2(still_running, "the short reply came only after the long stream ended");
        QCOMPARE(metric(m, "stllava_batch_running"), 2.0);  // the batch (both rows) still runs
        QCOMPARE(metric(m, "stllava_batches_total"), 1.0);
        QCOMPARE(metric(m, "stllava_batch_size_max"), 2.0);
    }

    void fullQueueAnswers503() {
        server::ServerOptions o;
        o.scheduler.max_batch = 1;
        o.scheduler.max_queue = 1;
        o.scheduler.collect_window = std::chrono::milliseconds(0);
        o.limits.max_tokens_cap = 8000;
        auto srv = startServer(o);
        const int port = srv->port();
        json long_body = chatBody("Describe it.", image_url_, 0.0, 8000, 0, true);
        long_body["ignore_eos"] = true;
        std::atomic<bool> running{false}, hang_up{false};
        std::thread holder([&] {
            streamPost(port, long_body, [&](const std::string& seen) {
                if (sseData(seen).size() >= 2) running = true;  // text is coming: the batch runs
                return !hang_up.load();
            });
        });
        for (int i = 0; i < 3000 && !running; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        QVERIFY(running);
        int waiting_status = 0;
        std::thread waiting([&] {
            auto r = post(port, chatBody("Is there a lesion?", image_url_, 0.0, 4));
            waiting_status = r ? r->status : -1;
        });
        std::string m;
        for (int i = 0; i < 3000 && metric(m, "stllava_queue_waiting") < 1; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            m = metricsOf(port);
        }
        QCOMPARE(metric(m, "stllava_queue_waiting"), 1.0);
        auto refused = post(port, chatBody("Is there a lesion?", image_url_, 0.0, 4));
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QCOMPARE(QString::fromStdString(json::parse(refused->body)["error"]["type"].get<std::string>()),
                 QStringLiteral("overloaded_error"));
        hang_up = true;
        holder.join();
        waiting.join();
        QCOMPARE(waiting_status, 200);  // runs once the stream that held the batch has gone
    }

    void tokenLimitsAndBadRequests() {
        {
            std::lock_guard<std::mutex> lock(log_mutex_);
            log_.clear();
        }
        const std::string token = "s3cret-token-123";
        server::ServerOptions o;
        o.token = token;
        o.max_body_bytes = 64 * 1024;
        o.limits.max_image_side = 32;  // the 40x30 test image is over it
        auto srv = startServer(o);
        const int port = srv->port();
        const json small = chatBody("What is shown?", "", 0.0, 4);
        auto none = post(port, small);
        QVERIFY(none);
        QCOMPARE(none->status, 401);
        QCOMPARE(QString::fromStdString(json::parse(none->body)["error"]["type"].get<std::string>()),
                 QStringLiteral("authentication_error"));
        auto wrong = post(port, small, "s3cret-token-124");
        QVERIFY(wrong);
        QCOMPARE(wrong->status, 401);
        auto ok = post(port, small, token);
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
        httplib::Client cli("127.0.0.1", port);
        QCOMPARE(cli.Get("/health")->status, 200);
        QCOMPARE(cli.Get("/v1/models")->status, 401);
        QCOMPARE(cli.Get("/metrics")->status, 401);

        json big = small;
        big["messages"][0]["content"][0]["text"] = std::string(100 * 1024, 'a');
        auto too_big = post(port, big, token);
        QVERIFY(too_big);
        QCOMPARE(too_big->status, 413);
        QVERIFY(json::parse(too_big->body).contains("error"));
        auto wide = post(port, chatBody("What is shown?", image_url_, 0.0, 4), token);
        QVERIFY(wide);
        QCOMPARE(wide->status, 413);
        QCOMPARE(QString::fromStdString(json::parse(wide->body)["error"]["param"].get<std::string>()),
                 QStringLiteral("messages[0].content[1].image_url.url"));

        httplib::Headers auth{{"Authorization", "Bearer " + token}};
        auto malformed = cli.Post("/v1/chat/completions", auth, "{\"messages\": [", "application/json");
        QVERIFY(malformed);
        QCOMPARE(malformed->status, 400);
        QVERIFY(QString::fromStdString(json::parse(malformed->body)["error"]["message"].get<std::string>())
                    .contains("not valid JSON"));
        json bad = small;
        bad["temperature"] = "warm";
        auto bad_field = post(port, bad, token);
        QVERIFY(bad_field);
        QCOMPARE(bad_field->status, 400);
        QCOMPARE(QString::fromStdString(json::parse(bad_field->body)["error"]["param"].get<std::string>()),
                 QStringLiteral("temperature"));
        json marker_without_image = small;  // "<image>" written as text, with no image: the session refuses it
        marker_without_image["messages"][0]["content"][0]["text"] = "<image>\nWhat is shown?";
        auto no_image = post(port, marker_without_image, token);
        QVERIFY(no_image);
        QCOMPARE(no_image->status, 400);
        const json pe = json::parse(no_image->body)["error"];
        QCOMPARE(QString::fromStdString(pe["param"].get<std::string>()), QStringLiteral("messages"));
        QVERIFY2(QString::fromStdString(pe["message"].get<std::string>()).startsWith("messages: 0 image(s)"),
                 pe.dump().c_str());
        json too_long = small;
        too_long["max_tokens"] = 4096;
        too_long["messages"][0]["content"][0]["text"] = std::string(30000, 'b');  // beyond the 8192 context
        auto context = post(port, too_long, token);
        QVERIFY(context);
        QCOMPARE(context->status, 400);
        QCOMPARE(cli.Get("/nowhere", auth)->status, 404);

        srv->stop();
        std::lock_guard<std::mutex> lock(log_mutex_);
        QVERIFY(log_.size() >= 12);
        for (const auto& line : log_) {
            QVERIFY2(line.find(token) == std::string::npos, line.c_str());
            QVERIFY2(line.find("base64") == std::string::npos && line.size() < 400, line.c_str());
            QVERIFY2(line.rfind("[serve] req-", 0) == 0, line.c_str());
        }
    }

    void serveCommandAnswersAndStopsOnCtrlC() {
        QProcess p;
        p.setReadChannel(QProcess::StandardError);
        p.start(QString(STLLAVA_BIN_DIR) + "/stllava",
                {"serve", "--model", QString::fromStdString(model_dir_), "--port", "0", "--model-id",
                 "cli-tiny"});
        QVERIFY(p.waitForStarted(10000));
        QByteArray err;
        int port = 0;
        for (int i = 0; i < 1200 && port == 0 && p.state() == QProcess::Running; ++i) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
            const int at = err.indexOf("on http://127.0.0.1:");
            if (at >= 0 && err.indexOf(' ', at + 20) > at) port = err.mid(at + 20).split(' ').front().toInt();
        }
        QVERIFY2(port > 0, err.constData());
        auto r = post(port, chatBody("What is shown?", image_url_, 0.0, 6));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(QString::fromStdString(json::parse(r->body)["model"].get<std::string>()),
                 QStringLiteral("cli-tiny"));
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        err += p.readAllStandardError();
        QVERIFY2(err.contains("served 1 requests in 1 batches"), err.constData());
        QVERIFY2(err.contains("[serve] req-1 127.0.0.1 POST /v1/chat/completions 200"), err.constData());
    }

    // stllava restarts itself with a short OpenMP spin (common/openmp_spin.h) unless the user chose
    // a wait policy or spin count: /proc/PID/environ of the serving process shows which.
    void computeThreadsSpinBrieflyUnlessTheUserChose() {
        for (const QString& given : {QString(), QStringLiteral("OMP_WAIT_POLICY=ACTIVE")}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove("OMP_WAIT_POLICY");
            env.remove("GOMP_SPINCOUNT");
            env.remove("STLLAVA_KEEP_OMP_SPIN");
            if (!given.isEmpty()) env.insert(given.section('=', 0, 0), given.section('=', 1));
            p.setProcessEnvironment(env);
            p.setReadChannel(QProcess::StandardError);
            p.start(QString(STLLAVA_BIN_DIR) + "/stllava",
                    {"serve", "--model", QString::fromStdString(model_dir_), "--port", "0"});
            QVERIFY(p.waitForStarted(10000));
            QByteArray err;
            for (int i = 0; i < 1200 && !err.contains("serving ") && p.state() == QProcess::Running; ++i) {
                p.waitForReadyRead(100);
                err += p.readAllStandardError();
            }
            QVERIFY2(err.contains("serving "), err.constData());  // the same process id, after its restart
            QFile environ(QStringLiteral("/proc/%1/environ").arg(p.processId()));
            QVERIFY(environ.open(QIODevice::ReadOnly));
            const QList<QByteArray> vars = environ.readAll().split('\0');
            if (given.isEmpty()) {
                QVERIFY(vars.contains("GOMP_SPINCOUNT=2000"));
            } else {
                QVERIFY(vars.contains(given.toUtf8()));
                for (const QByteArray& v : vars) QVERIFY2(!v.startsWith("GOMP_SPINCOUNT="), v.constData());
            }
            ::kill(static_cast<pid_t>(p.processId()), SIGINT);
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
        }
    }

    void refusesToServeBeyondLoopbackWithoutAToken() {
        server::ServerOptions o;
        o.host = "0.0.0.0";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, std::make_unique<server::ChatServer>(session_, o));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("STLLAVA_SERVE_TOKEN");
        p.setProcessEnvironment(env);
        p.start(QString(STLLAVA_BIN_DIR) + "/stllava",
                {"serve", "--model", QString::fromStdString(model_dir_), "--host", "0.0.0.0", "--port", "0"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("STLLAVA_SERVE_TOKEN"));
    }
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "test_server_http.moc"
