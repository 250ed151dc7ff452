// Load generator for `stllava serve` (or any OpenAI-compatible chat endpoint): waves of N concurrent
// streamed chat completions from one process on this machine, bounded in count and time.
//
//   serve_load --port P [--host 127.0.0.1] [--concurrency 200] [--waves 3] [--max-tokens 12]
//              [--prompts 4] [--image PNG] [--stagger-ms 2] [--timeout-s 300] [--pid SERVER_PID]
//              [--json FILE]
//   (a bearer token, when the server wants one, comes from STLLAVA_SERVE_TOKEN)
//
// Before the waves each prompt is asked alone (streamed, temperature 0): its text is the reference
// every loaded reply of that prompt is compared with. In a wave, request i is sent i x stagger after
// the wave starts (the send order), all of them stay open together, and each records: HTTP status,
// time to its first content token and to the end, the text, whether the stream was well formed (a
// role chunk first, a finish_reason, [DONE] last). Meanwhile a probe GETs /health every 250 ms and,
// given --pid, a sampler reads the server's resident memory (VmRSS) every 100 ms.
// Per wave it prints: answered / refused (503) / failed, the most requests open at once, latency and
// first-token percentiles, the rank correlation between send order and first-token order (1 = first
// come, first served), the health probes and the server's memory; --json writes all of it with every
// request's record.
// A benchmark: it prints figures and asserts nothing (tests/reliability/test_serve_load does).
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    int concurrency = 200;
    int waves = 3;
    int max_tokens = 12;
    int prompts = 4;
    std::string image;
    int stagger_ms = 2;
    int timeout_s = 300;
    long pid = 0;
    std::string json_path;
};

struct Outcome {
    int wave = 0, index = 0, prompt = 0;
    int status = 0;           // 0: no HTTP answer (connection failed or timed out)
    std::string error;        // the client's error or the server's error message
    bool well_formed = false;  // 200: role chunk, content, finish_reason, [DONE] last
    bool retry_after = false;  // 503 carried Retry-After
    std::string text;
    int pieces = 0;
    double first_token_ms = -1, total_ms = -1;
    double sent_at_ms = 0;  // from the wave's start
};

std::string base64(const std::string& in) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
    }
    if (i + 1 == in.size()) {
        const unsigned v = static_cast<unsigned char>(in[i]) << 16;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == in.size()) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

const char* const kQuestions[] = {"What is shown in this image?", "Is there an abnormality?",
                                  "Which organ is this?", "Describe the finding.",
                                  "Is this a CT or an MRI?", "Where is the lesion?",
                                  "Is the study normal?", "What plane is this?"};

json bodyFor(const Options& o, int prompt, const std::string& image_url) {
    json content = json::array({{{"type", "text"}, {"text", kQuestions[prompt % 8]}}});
    if (!image_url.empty() && prompt % 2 == 0)
        content.push_back({{"type", "image_url"}, {"image_url", {{"url", image_url}}}});
    return {{"model", "any"},
            {"messages", json::array({{{"role", "user"}, {"content", content}}})},
            {"temperature", 0},
            {"max_tokens", o.max_tokens},
            {"stream", true}};
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// One streamed request. Fills status, text, times (ms from `sent`), well-formedness.
void streamOne(const Options& o, const std::string& body, const std::string& token, Outcome& out) {
    httplib::Client cli(o.host, o.port);
    cli.set_connection_timeout(o.timeout_s, 0);
    cli.set_read_timeout(o.timeout_s, 0);
    cli.set_write_timeout(o.timeout_s, 0);
    httplib::Request req;
    req.method = "POST";
    req.path = "/v1/chat/completions";
    req.headers.emplace("Content-Type", "application/json");
    if (!token.empty()) req.headers.emplace("Authorization", "Bearer " + token);
    req.body = body;
    const auto sent = Clock::now();
    std::string raw, pending;
    bool role = false, finish = false, done = false, after_done = false;
    req.response_handler = [&](const httplib::Response& r) {
        out.status = r.status;
        out.retry_after = r.has_header("Retry-After");
        return true;
    };
    req.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
        raw.append(data, n);
        if (out.status != 200) return true;
        pending.append(data, n);
        for (std::size_t end; (end = pending.find("\n\n")) != std::string::npos;) {
            const std::string event = pending.substr(0, end);
            pending.erase(0, end + 2);
            if (event.rfind("data: ", 0) != 0) continue;  // ": waiting" comments while queued
            const std::string payload = event.substr(6);
            if (done) after_done = true;
            if (payload == "[DONE]") {
                done = true;
                continue;
            }
            const json chunk = json::parse(payload, nullptr, false);
            if (chunk.is_discarded() || !chunk.contains("choices") || chunk["choices"].empty()) {
                if (chunk.is_object() && chunk.contains("error"))
                    out.error = chunk["error"].value("message", std::string("error event"));
                continue;
            }
            const json& choice = chunk["choices"][0];
            const json delta = choice.value("delta", json::object());
            if (delta.value("role", std::string()) == "assistant" && out.pieces == 0 && out.text.empty()) role = true;
            const std::string piece = delta.value("content", std::string());
            if (!piece.empty()) {
                if (out.first_token_ms < 0) out.first_token_ms = msSince(sent);
                out.text += piece;
                ++out.pieces;
            }
            if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) finish = true;
        }
        return true;
    };
    httplib::Response res;
    httplib::Error err = httplib::Error::Success;
    const bool ok = cli.send(req, res, err);
    out.total_ms = msSince(sent);
    if (!ok && out.status == 0) {
        out.error = "no HTTP answer: " + httplib::to_string(err);
        return;
    }
    if (out.status == 200) {
        out.well_formed = role && finish && done && !after_done && out.error.empty();
    } else {
        const json e = json::parse(raw, nullptr, false);
        out.error = e.is_object() && e.contains("error") ? e["error"].value("message", raw) : raw.substr(0, 200);
    }
}

long rssKb(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    const double at = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(at));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (at - static_cast<double>(lo));
}

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {  // ties share their mean rank
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = (static_cast<double>(i + j)) / 2.0;
        i = j + 1;
    }
    return r;
}

// Spearman's rank correlation of two equally long series.
double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() < 3) return 0;
    const auto ra = ranks(a), rb = ranks(b);
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / n;
    const double mb = std::accumulate(rb.begin(), rb.end(), 0.0) / n;
    double cov = 0, va = 0, vb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        cov += (ra[i] - ma) * (rb[i] - mb);
        va += (ra[i] - ma) * (ra[i] - ma);
        vb += (rb[i] - mb) * (rb[i] - mb);
    }
    return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0;
}

int usage(const char* why) {
    std::cerr << "serve_load: " << why
              << "\nusage: serve_load --port P [--host H] [--concurrency N] [--waves W] [--max-tokens T]"
                 " [--prompts K] [--image PNG] [--stagger-ms S] [--timeout-s S] [--pid PID] [--json FILE]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--host") o.host = next();
            else if (a == "--port") o.port = std::stoi(next());
            else if (a == "--concurrency") o.concurrency = std::stoi(next());
            else if (a == "--waves") o.waves = std::stoi(next());
            else if (a == "--max-tokens") o.max_tokens = std::stoi(next());
            else if (a == "--prompts") o.prompts = std::stoi(next());
            else if (a == "--image") o.image = next();
            else if (a == "--stagger-ms") o.stagger_ms = std::stoi(next());
            else if (a == "--timeout-s") o.timeout_s = std::stoi(next());
            else if (a == "--pid") o.pid = std::stol(next());
            else if (a == "--json") o.json_path = next();
            else return usage(("unknown option " + a).c_str());
        } catch (const std::exception& e) {
            return usage(e.what());
        }
    }
    if (o.port <= 0) return usage("--port is required");
    if (o.concurrency < 1 || o.concurrency > 4096) return usage("--concurrency must be 1..4096");
    if (o.waves < 1 || o.prompts < 1 || o.prompts > 8) return usage("--waves >= 1, --prompts 1..8");
    const char* token_env = std::getenv("STLLAVA_SERVE_TOKEN");
    const std::string token = token_env ? token_env : "";
    std::string image_url;
    if (!o.image.empty()) {
        std::ifstream in(o.image, std::ios::binary);
        if (!in) return usage(("cannot read " + o.image).c_str());
        image_url = "data:image/png;base64," +
                    base64(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    }
    std::vector<std::string> bodies;
    for (int k = 0; k < o.prompts; ++k) bodies.push_back(bodyFor(o, k, image_url).dump());

    // References: each prompt alone.
    std::vector<std::string> reference(static_cast<std::size_t>(o.prompts));
    for (int k = 0; k < o.prompts; ++k) {
        Outcome alone;
        streamOne(o, bodies[static_cast<std::size_t>(k)], token, alone);
        if (alone.status != 200 || !alone.well_formed) {
            std::cerr << "serve_load: prompt " << k << " alone: HTTP " << alone.status << " " << alone.error << "\n";
            return 1;
        }
        reference[static_cast<std::size_t>(k)] = alone.text;
    }

    json report = {{"concurrency", o.concurrency}, {"max_tokens", o.max_tokens}, {"prompts", o.prompts},
                   {"image", !o.image.empty()}, {"stagger_ms", o.stagger_ms}, {"waves", json::array()},
                   {"requests", json::array()}};
    report["rss_kb_before"] = o.pid > 0 ? rssKb(o.pid) : -1;
    std::printf("%-4s %5s %5s %5s %5s %6s %8s %8s %8s %8s %8s %6s %7s %8s %9s %9s\n", "wave", "ok", "503", "fail",
                "diff", "open", "p50 ms", "p95 ms", "max ms", "ttft50", "ttft95", "rho", "health", "hmax ms", "rss MB",
                "peak MB");
    for (int w = 0; w < o.waves; ++w) {
        std::vector<Outcome> outs(static_cast<std::size_t>(o.concurrency));
        std::atomic<bool> running{true};
        std::vector<double> health_ms;
        int health_failed = 0;
        long rss_peak = -1;
        const long rss_start = o.pid > 0 ? rssKb(o.pid) : -1;
        std::thread sampler([&] {
            while (running.load()) {
                if (o.pid > 0) rss_peak = std::max(rss_peak, rssKb(o.pid));
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        std::thread prober([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            while (running.load()) {
                httplib::Client cli(o.host, o.port);
                cli.set_connection_timeout(o.timeout_s, 0);
                cli.set_read_timeout(o.timeout_s, 0);
                const auto t = Clock::now();
                auto r = cli.Get("/health");
                if (r && r->status == 200) health_ms.push_back(msSince(t));
                else ++health_failed;
                std::this_thread::sleep_for(std::chrono::milliseconds(250));
            }
        });
        const auto t0 = Clock::now();
        std::vector<std::thread> clients;
        clients.reserve(outs.size());
        for (int i = 0; i < o.concurrency; ++i) {
            clients.emplace_back([&, i] {
                Outcome& out = outs[static_cast<std::size_t>(i)];
                out.wave = w;
                out.index = i;
                out.prompt = i % o.prompts;
                std::this_thread::sleep_until(t0 + std::chrono::milliseconds(static_cast<long>(i) * o.stagger_ms));
                out.sent_at_ms = msSince(t0);
                streamOne(o, bodies[static_cast<std::size_t>(out.prompt)], token, out);
            });
        }
        for (auto& t : clients) t.join();
        const double wave_ms = msSince(t0);
        running.store(false);
        sampler.join();
        prober.join();
        const long rss_end = o.pid > 0 ? rssKb(o.pid) : -1;

        int ok = 0, refused = 0, failed = 0, differ = 0, refused_without_retry = 0;
        std::vector<double> total, ttft, send_order, first_order;
        for (const Outcome& out : outs) {
            if (out.status == 200 && out.well_formed) {
                ++ok;
                if (out.text != reference[static_cast<std::size_t>(out.prompt)]) ++differ;
                total.push_back(out.total_ms);
                if (out.first_token_ms >= 0) {
                    ttft.push_back(out.first_token_ms);
                    send_order.push_back(out.sent_at_ms);
                    first_order.push_back(out.sent_at_ms + out.first_token_ms);
                }
            } else if (out.status == 503) {
                ++refused;
                if (!out.retry_after) ++refused_without_retry;
            } else {
                ++failed;
            }
            report["requests"].push_back({{"wave", out.wave}, {"index", out.index}, {"prompt", out.prompt},
                                          {"status", out.status}, {"well_formed", out.well_formed},
                                          {"error", out.error}, {"text", out.text}, {"pieces", out.pieces},
                                          {"sent_at_ms", out.sent_at_ms}, {"first_token_ms", out.first_token_ms},
                                          {"total_ms", out.total_ms}});
        }
        const double rho = spearman(send_order, first_order);
        // The most requests open at once (sent, not yet answered to the end).
        std::vector<std::pair<double, int>> edges;
        for (const Outcome& out : outs) {
            edges.emplace_back(out.sent_at_ms, +1);
            edges.emplace_back(out.sent_at_ms + std::max(0.0, out.total_ms), -1);
        }
        std::sort(edges.begin(), edges.end());
        int open = 0, peak_open = 0;
        for (const auto& e : edges) peak_open = std::max(peak_open, open += e.second);
        const json wave = {{"wave", w},
                           {"ok", ok},
                           {"refused_503", refused},
                           {"refused_without_retry_after", refused_without_retry},
                           {"failed", failed},
                           {"differ_from_alone", differ},
                           {"wall_ms", wave_ms},
                           {"peak_in_flight", peak_open},
                           {"latency_ms", {{"p50", percentile(total, 0.5)}, {"p95", percentile(total, 0.95)},
                                           {"max", percentile(total, 1.0)}}},
                           {"first_token_ms", {{"p50", percentile(ttft, 0.5)}, {"p95", percentile(ttft, 0.95)},
                                               {"max", percentile(ttft, 1.0)}}},
                           {"fifo_rank_correlation", rho},
                           {"health", {{"answered", health_ms.size()}, {"failed", health_failed},
                                       {"p50_ms", percentile(health_ms, 0.5)}, {"max_ms", percentile(health_ms, 1.0)}}},
                           {"rss_kb", {{"start", rss_start}, {"peak", rss_peak}, {"end", rss_end}}}};
        report["waves"].push_back(wave);
        std::printf("%-4d %5d %5d %5d %5d %6d %8.0f %8.0f %8.0f %8.0f %8.0f %6.2f %4zu/%-2d %8.0f %9.1f %9.1f\n", w,
                    ok, refused, failed, differ, peak_open, percentile(total, 0.5), percentile(total, 0.95),
                    percentile(total, 1.0), percentile(ttft, 0.5), percentile(ttft, 0.95), rho, health_ms.size(),
                    health_failed, percentile(health_ms, 1.0), rss_end / 1024.0, rss_peak / 1024.0);
        for (const Outcome& out : outs)
            if (!(out.status == 200 && out.well_formed) && out.status != 503) {
                std::printf("  request %d: HTTP %d %s\n", out.index, out.status, out.error.c_str());
                break;  // the first failure says what kind
            }
        std::fflush(stdout);
    }
    {
        httplib::Client cli(o.host, o.port);
        httplib::Headers h;
        if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
        if (auto r = cli.Get("/metrics", h); r && r->status == 200) report["metrics"] = r->body;
    }
    if (!o.json_path.empty()) {
        std::ofstream out(o.json_path);
        out << report.dump(1) << "\n";
        if (!out) {
            std::cerr << "serve_load: cannot write " << o.json_path << "\n";
            return 1;
        }
    }
    return 0;
}
