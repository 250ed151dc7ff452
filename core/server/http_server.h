// `stllava serve`'s HTTP side (cpp-httplib): routes, limits, bearer auth, streaming, logging, over
// one LlavaSession whose generate() calls the BatchScheduler batches.
//   GET  /health               {"status":"ok"} (no token needed)
//   GET  /v1/models            the one model served
//   POST /v1/chat/completions  OpenAI chat completions, streamed (SSE) or not
//   GET  /metrics              counters in Prometheus text format (requests, batches, batch sizes)
// The header includes neither httplib nor torch.
#pragma once

#include "pipeline/llava_session.h"
#include "server/batch_scheduler.h"
#include "server/openai_protocol.h"

#include <functional>
#include <memory>
#include <string>

namespace stllava::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;       // 0 = any free port (see ChatServer::port())
    std::string token;     // bearer token; "" = none (refused for a non-loopback host)
    std::string model_id;  // what /v1/models and responses call the model
    std::size_t max_body_bytes = 32u << 20;
    ProtocolLimits limits;
    SchedulerOptions scheduler;
    // Threads serving connections: `http_threads` from the start (0 = max_queue + max_batch + 4),
    // one more for each connection that finds them all busy, up to `max_connections`; beyond that,
    // connections wait to be read (see connection_pool.h).
    int http_threads = 0;
    int max_connections = 512;
    // One line per request (id, method, path, status, sizes, time); default: stderr.
    std::function<void(const std::string&)> log;
};

class ChatServer {
public:
    // Throws std::invalid_argument when the host is not loopback and no token is set.
    ChatServer(std::shared_ptr<pipeline::LlavaSession> session, ServerOptions options);
    ~ChatServer();
    ChatServer(const ChatServer&) = delete;
    ChatServer& operator=(const ChatServer&) = delete;

    // Binds and starts serving on a thread of its own; returns the port. Throws std::runtime_error
    // naming host and port when it cannot bind.
    int start();
    // Stops accepting, cancels running generation, ends streams, joins. Idempotent.
    void stop();
    int port() const;
    SchedulerStats stats() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// A BatchRunner on a session: one generate() call per batch.
BatchRunner sessionRunner(std::shared_ptr<pipeline::LlavaSession> session, int max_batch);

}  // namespace stllava::server
