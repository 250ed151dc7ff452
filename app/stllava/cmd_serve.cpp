// `stllava serve`: an OpenAI-compatible chat-completions server over one model (core/server).
//   stllava serve --model DIR [--adapter A] [--host 127.0.0.1] [--port 8080] [--max-batch N]
//                 [--max-queue N] [--max-connections N] [--model-id NAME] [--dtype ...] [--device ...]
// Binds loopback by default; another host needs STLLAVA_SERVE_TOKEN (the bearer token clients
// send), else it refuses to start (exit 2). Ctrl-C (or SIGTERM) stops it cleanly.
#include "cli_support.h"
#include "command_registry.h"
#include "exit_codes.h"

#include "server/auth.h"
#include "server/http_server.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

namespace {

using namespace stllava;

std::atomic<bool> g_terminate{false};
void onTerminate(int) {
    g_terminate.store(true);
}

struct ServeOptions {
    pipeline::ModelSource source;
    server::ServerOptions server;
    int batch_wait_ms = 5;
    double max_body_mb = 32;
};

int runServe(ServeOptions& o) {
    if (const char* token = std::getenv("STLLAVA_SERVE_TOKEN")) o.server.token = token;
    if (!server::isLoopbackHost(o.server.host) && o.server.token.empty()) {
        std::cerr << "stllava serve: refusing to listen on " << o.server.host
                  << " without a token: anyone who can reach this machine could use the model.\n"
                     "Set STLLAVA_SERVE_TOKEN to a long random secret (clients send it as "
                     "'Authorization: Bearer <token>'), or keep the default --host 127.0.0.1.\n";
        return exit_code::kUsage;
    }
    o.server.max_body_bytes = static_cast<std::size_t>(o.max_body_mb * 1024 * 1024);
    o.server.scheduler.collect_window = std::chrono::milliseconds(o.batch_wait_ms);
    if (o.server.model_id.empty()) {
        auto dir = std::filesystem::path(o.source.model_dir).lexically_normal();
        o.server.model_id = (dir.has_filename() ? dir : dir.parent_path()).filename().string();
    }

    auto session = cli::openSession(o.source, true);
    server::ChatServer srv(session, o.server);
    // Ctrl-C / SIGTERM handled before "serving" is printed: a client (or script) that stops the
    // server as soon as it is ready gets the clean shutdown, not a process killed by the signal.
    CancelToken interrupted;
    cli::InterruptScope interrupt(interrupted);
    auto previous_term = std::signal(SIGTERM, onTerminate);
    const int port = srv.start();
    std::cerr << "serving " << o.server.model_id << " on http://" << o.server.host << ":" << port
              << " (POST /v1/chat/completions, GET /v1/models, /metrics; max batch "
              << o.server.scheduler.max_batch << ", queue " << o.server.scheduler.max_queue << ", "
              << (o.server.token.empty() ? "no token" : "bearer token required") << "); Ctrl-C stops\n"
              << std::flush;

    while (!interrupted.cancelled() && !g_terminate.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::cerr << "stopping ...\n";
    srv.stop();
    std::signal(SIGTERM, previous_term == SIG_ERR ? SIG_DFL : previous_term);
    const auto s = srv.stats();
    std::cerr << "served " << s.submitted << " requests in " << s.batches << " batches (largest "
              << s.max_batch_seen << "), " << s.completion_tokens << " tokens generated, " << s.cancelled
              << " cancelled, " << s.refused << " refused\n";
    return exit_code::kOk;
}

CommandRun addServe(CLI::App& app) {
    auto o = std::make_shared<ServeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "serve",
        "OpenAI-compatible chat completions over HTTP (requests from many clients batched together)");
    cmd->add_option("--model", o->source.model_dir,
                    "Model folder (config.json, safetensors, tokenizer.model)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cli::addModelOptions(*cmd, o->source);
    cli::addQuantOption(*cmd, o->source);
    cmd->add_option("--host", o->server.host,
                    "Address to listen on; other than loopback needs STLLAVA_SERVE_TOKEN")
        ->capture_default_str();
    cmd->add_option("--port", o->server.port, "TCP port (0 = any free port, printed at start)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--max-batch", o->server.scheduler.max_batch, "Requests decoded together in one batch")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    cmd->add_option("--max-queue", o->server.scheduler.max_queue, "Requests that may wait; more get 503")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    cmd->add_option("--max-connections", o->server.max_connections,
                    "Connections served at once (threads grow to this); more wait to be read")
        ->capture_default_str()
        ->check(CLI::Range(1, 65536));
    cmd->add_option("--batch-wait-ms", o->batch_wait_ms,
                    "How long the oldest waiting request waits for others to join its batch")
        ->capture_default_str()
        ->check(CLI::Range(0, 10000));
    cmd->add_option("--model-id", o->server.model_id,
                    "Model name in /v1/models and responses (default: folder name)");
    cmd->add_option("--max-body-mb", o->max_body_mb, "Largest request body (413 above)")
        ->capture_default_str()
        ->check(CLI::Range(0.001, 1024.0));
    cmd->add_option("--max-image-side", o->server.limits.max_image_side,
                    "Largest decoded image side (413 above)")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    cmd->add_option("--max-image-pixels", o->server.limits.max_image_pixels,
                    "Largest decoded image, width x height (413 above)")
        ->capture_default_str();
    cmd->add_option("--max-tokens-cap", o->server.limits.max_tokens_cap,
                    "Largest max_tokens a request may ask")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    return [o]() { return runServe(*o); };
}

const bool registered = registerCommand({"serve", 25, &addServe});

}  // namespace
