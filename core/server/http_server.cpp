// `stllava serve`'s routes on cpp-httplib. See http_server.h.
#include "server/http_server.h"

#include "common/input_error.h"
#include "server/auth.h"
#include "server/connection_pool.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace stllava::server {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr const char* kRequestIdHeader = "X-Request-Id";

void sendJson(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void sendError(httplib::Response& res, const ApiError& e) {
    if (e.status() == 401) res.set_header("WWW-Authenticate", "Bearer");
    if (e.status() == 503) res.set_header("Retry-After", "1");
    sendJson(res, e.status(), errorJson(e));
}

const char* errorType(int status) {
    switch (status) {
        case 400:
        case 413:
            return "invalid_request_error";
        case 401:
            return "authentication_error";
        case 404:
            return "not_found_error";
        case 503:
            return "overloaded_error";
        default:
            return "server_error";
    }
}

// cpp-httplib 0.11 listens with a backlog of 5: a sixth simultaneous connect is dropped and the
// client's SYN comes again a second later. Linux lets listen() be called again on a listening socket
// to raise it.
class HttpServer : public httplib::Server {
public:
    bool widenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

}  // namespace

BatchRunner sessionRunner(std::shared_ptr<pipeline::LlavaSession> session, int max_batch) {
    return [session, max_batch](const std::vector<pipeline::Request>& requests,
                                const pipeline::TextStreamFn& stream, const pipeline::ReplyFn& on_reply,
                                const CancelToken* cancel) {
        pipeline::GenerateSettings gs;
        gs.max_batch = max_batch;
        gs.cancel = cancel;
        gs.on_reply = on_reply;
        return session->generate(requests, stream, gs);
    };
}

struct ChatServer::Impl {
    std::shared_ptr<pipeline::LlavaSession> session;
    ServerOptions opt;
    BearerAuth auth;
    BatchScheduler scheduler;
    HttpServer http;
    std::thread listener;
    std::atomic<bool> listener_returned{false};
    int port = 0;
    std::atomic<std::uint64_t> next_request{1};
    std::shared_ptr<ConnectionCounters> connections = std::make_shared<ConnectionCounters>();
    const std::int64_t created = static_cast<std::int64_t>(std::time(nullptr));

    // Per-request log lines, keyed by request id: opened by the pre-routing handler, detailed by
    // the chat handler or its stream, written by the logger when the response has gone.
    struct LogEntry {
        Clock::time_point start;
        std::string detail;
    };
    std::mutex log_mutex;
    std::unordered_map<std::string, LogEntry> log_entries;  // guarded by log_mutex
    std::map<int, std::uint64_t> responses_by_status;       // guarded by log_mutex

    Impl(std::shared_ptr<pipeline::LlavaSession> s, ServerOptions o)
        : session(std::move(s)),
          opt(std::move(o)),
          auth(opt.token),
          scheduler(sessionRunner(session, opt.scheduler.max_batch), opt.scheduler) {
        if (!opt.log) opt.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
        if (opt.model_id.empty()) opt.model_id = "stllava";
        routes();
    }

    void setDetail(const std::string& id, std::string detail) {
        std::lock_guard<std::mutex> lock(log_mutex);
        auto it = log_entries.find(id);
        if (it != log_entries.end()) it->second.detail = std::move(detail);
    }

    void routes() {
        const int threads = opt.http_threads > 0
                                ? opt.http_threads
                                : static_cast<int>(opt.scheduler.max_queue) + opt.scheduler.max_batch + 4;
        const int cap = std::max(threads, opt.max_connections);
        http.new_task_queue = [threads, cap, counters = connections] {
            return new ConnectionPool(static_cast<std::size_t>(threads), static_cast<std::size_t>(cap), counters);
        };
        http.set_payload_max_length(opt.max_body_bytes);
        http.set_read_timeout(30, 0);
        http.set_write_timeout(10, 0);

        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            const std::string id = "req-" + std::to_string(next_request++);
            res.set_header(kRequestIdHeader, id);
            {
                std::lock_guard<std::mutex> lock(log_mutex);
                log_entries[id] = {Clock::now(), ""};
            }
            if (req.path == "/health" || auth.allows(req.get_header_value("Authorization"))) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            sendError(res, ApiError(401, "authentication_error",
                                    "missing or wrong bearer token (send Authorization: Bearer <token>)"));
            return httplib::Server::HandlerResponse::Handled;
        });
        // Errors httplib raises itself (404, 413 over the body limit, 400 unparsable HTTP) as JSON.
        http.set_error_handler(
            httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
                if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
                std::string message = res.status == 404   ? "no route " + req.method + " " + req.path
                                      : res.status == 413 ? "request body exceeds the size limit"
                                                          : "bad HTTP request";
                sendError(res, ApiError(res.status, errorType(res.status), message));
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_exception_handler(
            [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
                std::string message = "internal error";
                try {
                    if (ep) std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    message = e.what();
                } catch (...) {
                }
                sendError(res, ApiError(500, "server_error", message));
            });
        http.set_logger(
            [this](const httplib::Request& req, const httplib::Response& res) { logLine(req, res); });

        http.Get("/health", [](const httplib::Request&, httplib::Response& res) {
            sendJson(res, 200, {{"status", "ok"}});
        });
        http.Get("/v1/models", [this](const httplib::Request&, httplib::Response& res) {
            sendJson(res, 200, modelsJson(opt.model_id, created));
        });
        http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(metricsText(), "text/plain; version=0.0.4");
        });
        http.Post("/v1/chat/completions",
                  [this](const httplib::Request& req, httplib::Response& res) { chatCompletions(req, res); });
    }

    void logLine(const httplib::Request& req, const httplib::Response& res) {
        const std::string id = res.get_header_value(kRequestIdHeader);
        LogEntry entry{Clock::now(), ""};
        {
            std::lock_guard<std::mutex> lock(log_mutex);
            ++responses_by_status[res.status];
            auto it = log_entries.find(id);
            if (it != log_entries.end()) {
                entry = std::move(it->second);
                log_entries.erase(it);
            }
        }
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - entry.start).count();
        std::ostringstream line;
        line << "[serve] " << id << " " << req.remote_addr << " " << req.method << " " << req.path << " "
             << res.status << " in=" << req.body.size() << "B";
        if (!res.body.empty()) line << " out=" << res.body.size() << "B";
        if (!entry.detail.empty()) line << " " << entry.detail;
        line << " " << ms << " ms";
        opt.log(line.str());
    }

    std::string metricsText() {
        const SchedulerStats s = scheduler.stats();
        std::ostringstream m;
        auto metric = [&](const char* name, const char* type, const char* help, auto value) {
            m << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n"
              << name << " " << value << "\n";
        };
        metric("stllava_requests_total", "counter", "Chat completions queued", s.submitted);
        metric("stllava_requests_refused_total", "counter", "Chat completions refused (queue full)",
               s.refused);
        metric("stllava_requests_cancelled_total", "counter", "Chat completions whose client left",
               s.cancelled);
        metric("stllava_requests_failed_total", "counter", "Chat completions that failed in generation",
               s.failed);
        metric("stllava_batches_total", "counter", "Batched generate calls", s.batches);
        metric("stllava_batch_rows_total", "counter", "Requests over all batches", s.batch_rows);
        metric("stllava_batch_size_max", "gauge", "Largest batch so far", s.max_batch_seen);
        metric("stllava_queue_waiting", "gauge", "Requests waiting for a batch", s.waiting);
        metric("stllava_batch_running", "gauge", "Requests in the running batch", s.running);
        metric("stllava_prompt_tokens_total", "counter", "Prompt positions (text and image)",
               s.prompt_tokens);
        metric("stllava_completion_tokens_total", "counter", "Generated tokens", s.completion_tokens);
        const ConnectionStats c = connections->get();
        metric("stllava_http_connections_total", "counter", "Connections accepted", c.connections);
        metric("stllava_http_threads", "gauge", "Threads serving connections", c.threads);
        metric("stllava_http_threads_busy", "gauge", "Threads serving a connection now", c.busy);
        metric("stllava_http_threads_peak", "gauge", "Most threads so far", c.peak_threads);
        metric("stllava_http_connections_parked", "gauge", "Connections waiting for a thread (over the cap)",
               c.parked);
        std::lock_guard<std::mutex> lock(log_mutex);
        m << "# HELP stllava_http_responses_total HTTP responses by status\n"
             "# TYPE stllava_http_responses_total counter\n";
        for (const auto& [status, count] : responses_by_status)
            m << "stllava_http_responses_total{status=\"" << status << "\"} " << count << "\n";
        return m.str();
    }

    // Parses and checks a request against the model (turns, images, context) before it queues.
    ChatCompletionRequest admit(const httplib::Request& req) {
        ChatCompletionRequest chat = parseChatCompletionRequest(req.body, opt.limits);
        std::string prompt;
        try {
            prompt = session->promptFor(chat.request);
            chat.request.sampling.validate();
        } catch (const std::invalid_argument& e) {
            throw ApiError(400, "invalid_request_error", e.what());
        } catch (const std::exception& e) {  // InputError, template errors
            throw ApiError(400, "invalid_request_error", "messages: " + withoutRequestIndex(e.what()),
                           "messages");
        }
        const auto& info = session->info();
        if (info.context_length > 0) {
            const std::int64_t prompt_tokens =
                session->countTokens(prompt) +
                static_cast<std::int64_t>(chat.request.images.size()) * info.image_tokens;
            const std::int64_t room = info.context_length - prompt_tokens;
            if (room < 1)
                throw ApiError::badField("messages", "the prompt (about " + std::to_string(prompt_tokens) +
                                                         " tokens) does not fit the model's context of " +
                                                         std::to_string(info.context_length));
            auto& max_new = chat.request.sampling.max_new_tokens;
            if (max_new > room) {
                if (chat.max_tokens_given)
                    throw ApiError::badField("max_tokens",
                                             "the prompt (about " + std::to_string(prompt_tokens) +
                                                 " tokens) + max_tokens " + std::to_string(max_new) +
                                                 " exceed the model's context of " +
                                                 std::to_string(info.context_length));
                max_new = static_cast<int>(room);
            }
        }
        return chat;
    }

    static std::string detailOf(const pipeline::Reply& r, int batch, bool stream) {
        return "prompt=" + std::to_string(r.prompt_tokens) +
               " completion=" + std::to_string(r.tokens.size()) + " batch=" + std::to_string(batch) +
               " finish=" + r.stop_reason + (stream ? " stream" : "");
    }

    void chatCompletions(const httplib::Request& req, httplib::Response& res) {
        const std::string log_id = res.get_header_value(kRequestIdHeader);
        try {
            ChatCompletionRequest chat = admit(req);
            auto job = scheduler.submit(std::move(chat.request));
            CompletionIdentity ids;
            ids.id = "chatcmpl-" + std::to_string(created) + "-" + std::to_string(job->id());
            ids.created = static_cast<std::int64_t>(std::time(nullptr));
            ids.model = opt.model_id;
            if (chat.stream) return stream(res, job, ids, chat.include_usage, log_id);
            job->waitFinished();
            if (job->errorStatus() != 0)
                throw ApiError(job->errorStatus(), errorType(job->errorStatus()), job->errorMessage());
            const pipeline::Reply reply = job->reply();
            if (reply.stop_reason == "cancelled")
                throw ApiError(503, "overloaded_error", "the server is shutting down");
            setDetail(log_id, detailOf(reply, job->batchSize(), false));
            sendJson(res, 200, completionJson(ids, reply));
        } catch (const ApiError& e) {
            setDetail(log_id, std::string("error=") + e.type());
            sendError(res, e);
        }
    }

    // Server-sent events: the role chunk, one chunk per piece of text, the finish chunk (and usage),
    // [DONE]. A write that fails means the client left: its generation is cancelled.
    void stream(httplib::Response& res, std::shared_ptr<ServeJob> job, CompletionIdentity ids,
                bool include_usage, std::string log_id) {
        struct State {
            bool started = false;
            int idle_ticks = 0;
        };
        auto state = std::make_shared<State>();
        res.set_header("Cache-Control", "no-cache");
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, job, ids, include_usage, log_id, state](std::size_t, httplib::DataSink& sink) {
                auto send = [&](const std::string& text) {
                    if (sink.write(text.data(), text.size())) return true;
                    job->abandon();  // the client is gone: its row stops at its next piece of text
                    setDetail(log_id, "client closed the stream");
                    return false;
                };
                if (!state->started) {
                    state->started = true;
                    return send(sseEvent(roleChunkJson(ids)));
                }
                std::vector<std::string> pieces;
                const bool finished = job->waitForText(std::chrono::milliseconds(250), pieces);
                for (const auto& p : pieces)
                    if (!send(sseEvent(contentChunkJson(ids, p)))) return false;
                if (!finished) {
                    // An SSE comment every second while nothing comes (queued): finds gone clients.
                    state->idle_ticks = pieces.empty() ? state->idle_ticks + 1 : 0;
                    if (state->idle_ticks >= 4) {
                        state->idle_ticks = 0;
                        return send(": waiting\n\n");
                    }
                    return true;
                }
                if (job->errorStatus() != 0) {
                    const ApiError e(job->errorStatus(), errorType(job->errorStatus()), job->errorMessage());
                    setDetail(log_id, "error=" + e.type() + " stream");
                    if (!send(sseEvent(errorJson(e)))) return false;
                } else {
                    const pipeline::Reply reply = job->reply();
                    if (reply.stop_reason == "cancelled") {
                        setDetail(log_id, detailOf(reply, job->batchSize(), true));
                        if (!send(sseEvent(
                                errorJson(ApiError(503, "overloaded_error", "the server is shutting down")))))
                            return false;
                    } else {
                        setDetail(log_id, detailOf(reply, job->batchSize(), true));
                        if (!send(sseEvent(finishChunkJson(ids, finishReason(reply.stop_reason)))))
                            return false;
                        if (include_usage && !send(sseEvent(usageChunkJson(ids, reply)))) return false;
                    }
                }
                if (!send(std::string(kSseDone))) return false;
                sink.done();
                return true;
            },
            [job](bool success) {
                if (!success) job->abandon();
            });
    }
};

ChatServer::ChatServer(std::shared_ptr<pipeline::LlavaSession> session, ServerOptions options) {
    if (!isLoopbackHost(options.host) && options.token.empty())
        throw std::invalid_argument("serving on " + options.host +
                                    " (not loopback) needs a bearer token: set STLLAVA_SERVE_TOKEN");
    m_impl = std::make_unique<Impl>(std::move(session), std::move(options));
}

ChatServer::~ChatServer() {
    stop();
}

int ChatServer::start() {
    Impl& d = *m_impl;
    // A client that leaves mid-stream makes the next write fail; without this, SIGPIPE would end
    // the whole process (cpp-httplib sends without MSG_NOSIGNAL). Process-wide, as servers do.
    std::signal(SIGPIPE, SIG_IGN);
    if (d.opt.port == 0) {
        d.port = d.http.bind_to_any_port(d.opt.host);
        if (d.port <= 0) throw std::runtime_error("cannot bind " + d.opt.host + " on any port");
    } else {
        if (!d.http.bind_to_port(d.opt.host, d.opt.port))
            throw std::runtime_error("cannot bind " + d.opt.host + ":" + std::to_string(d.opt.port) +
                                     " (in use, or not an address of this machine)");
        d.port = d.opt.port;
    }
    if (!d.http.widenBacklog(SOMAXCONN))
        throw std::runtime_error("cannot listen on " + d.opt.host + ":" + std::to_string(d.port));
    d.listener = std::thread([&d] {
        d.http.listen_after_bind();
        d.listener_returned.store(true);
    });
    // Serving only once httplib runs its accept loop: a stop() before that would find nothing to stop
    // and the loop would start afterwards, never to end (a Ctrl-C right at "serving ..." hung).
    while (!d.http.is_running() && !d.listener_returned.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!d.http.is_running()) {
        d.listener.join();
        throw std::runtime_error("cannot serve on " + d.opt.host + ":" + std::to_string(d.port));
    }
    return d.port;
}

void ChatServer::stop() {
    Impl& d = *m_impl;
    d.scheduler.stop();  // running streams end with an error event, waiting requests get 503
    d.http.stop();
    if (d.listener.joinable()) d.listener.join();
}

int ChatServer::port() const {
    return m_impl->port;
}

SchedulerStats ChatServer::stats() const {
    return m_impl->scheduler.stats();
}

}  // namespace stllava::server
