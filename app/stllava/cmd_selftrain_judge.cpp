// `stllava selftrain judge --job JOB --base-url URL --judge-model NAME`: the expert judge over any
// OpenAI-compatible chat.completions endpoint (OpenAI, Azure OpenAI, vLLM, llama.cpp, Ollama,
// `stllava serve`). Resumable (judgements.jsonl is append-only; judged items are not sent again),
// cached, rate-limited; the image goes as a de-identified PNG; progress, ETA and cost on stderr.
// Anything but a loopback URL needs --allow-remote (data leaves the machine).
#include "cmd_selftrain.h"
#include "exit_codes.h"

#include "selftrain/jsonl.h"
#include "selftrain/judge_protocol.h"
#include "services/judge/api_key.h"
#include "services/judge/judge_client.h"
#include "services/judge/judge_run.h"
#include "services/judge/response_cache.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

namespace {

namespace st = stllava::selftrain;
namespace jd = stllava::judge;

std::atomic<bool> g_interrupted{false};

void onJudgeInterrupt(int) {
    g_interrupted = true;
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C stops at once
    std::signal(SIGTERM, SIG_DFL);
}

struct JudgeCliOptions {
    std::string job, base_url = "https://api.openai.com/v1", model = "gpt-4o", rule_file, prices_file;
    std::string azure_api_version, images_root;
    int concurrency = 4, rpm = 0, max_attempts = 6, max_tokens = 512;
    double timeout_s = 120, temperature = 0.2, price_input = -1, price_output = -1;
    bool single_order = false, dry_run = false, allow_remote = false, no_keychain = false, no_cache = false;
    bool store_key = false;
    long long limit = 0;
};

bool isLoopback(const QUrl& url) {
    const QString host = url.host();
    if (host.compare("localhost", Qt::CaseInsensitive) == 0) return true;
    QHostAddress a;
    return a.setAddress(host) && a.isLoopback();
}

std::string formatSeconds(double s) {
    if (s < 0) return "?";
    char buf[32];
    if (s < 90)
        std::snprintf(buf, sizeof buf, "%.0f s", s);
    else if (s < 5400)
        std::snprintf(buf, sizeof buf, "%.0f min", s / 60);
    else
        std::snprintf(buf, sizeof buf, "%.1f h", s / 3600);
    return buf;
}

void printProgress(const jd::JudgeProgress& p) {
    std::fprintf(
        stderr,
        "judge: %lld/%lld requests (ok %lld, unparseable %lld, failed %lld, cached %lld, retries %lld) "
        "%.2f/s, ETA %s, cost so far $%.4f (%lld + %lld tokens)\n",
        p.done, p.total, p.ok, p.unparseable, p.failed, p.cached, p.retries,
        p.elapsed_s > 0 ? static_cast<double>(p.done) / p.elapsed_s : 0.0, formatSeconds(p.eta_s).c_str(),
        p.cost_usd, p.prompt_tokens, p.completion_tokens);
}

int runJudge(const JudgeCliOptions& o) {
    int argc = 1;
    char name[] = "stllava";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);

    const QUrl base = QUrl::fromUserInput(QString::fromStdString(o.base_url));
    if (!base.isValid() || (base.scheme() != "http" && base.scheme() != "https")) {
        std::cerr << "stllava selftrain judge: --base-url '" << o.base_url << "' is not an http(s) URL\n";
        return stllava::exit_code::kUsage;
    }
    const bool loopback = isLoopback(base);
    if (!loopback && !o.allow_remote && !o.dry_run && !o.store_key) {
        std::cerr
            << "stllava selftrain judge: " << base.host().toStdString()
            << " is not this machine: the question, both answers and the (de-identified) image of every item "
               "would be sent there. Add --allow-remote to consent.\n";
        return stllava::exit_code::kUsage;
    }
    if (o.store_key) {
        std::string key;
        std::getline(std::cin, key);
        if (key.empty()) {
            std::cerr << "stllava selftrain judge --store-key: no key on standard input\n";
            return stllava::exit_code::kUsage;
        }
        const QString err = jd::storeApiKeyInKeychain(base.host(), QString::fromStdString(key).trimmed());
        if (!err.isEmpty()) {
            std::cerr << "stllava selftrain judge --store-key: " << err.toStdString() << "\n";
            return stllava::exit_code::kFailure;
        }
        std::cerr << "stored the key for " << base.host().toStdString() << " in the system keychain\n";
        return stllava::exit_code::kOk;
    }

    jd::JudgeRunOptions run_options;
    run_options.job_dir = o.job;
    run_options.judge_model = o.model;
    QUrl label = base.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    run_options.endpoint_label = label.toString().toStdString();
    run_options.both_orders = !o.single_order;
    run_options.limit_items = o.limit;
    run_options.image_root = o.images_root;
    run_options.temperature = o.temperature;
    run_options.max_tokens = o.max_tokens;
    try {
        if (!o.rule_file.empty()) run_options.rule = st::readJudgeRule(o.rule_file);
        if (!o.prices_file.empty()) run_options.prices.load(o.prices_file);
    } catch (const st::RecordError& e) {
        throw stllava::BadInput(e.what());
    }
    if (o.price_input >= 0 || o.price_output >= 0)
        run_options.prices.set(o.model, {std::max(0.0, o.price_input), std::max(0.0, o.price_output)});

    jd::JudgeEndpoint endpoint;
    endpoint.base_url = base;
    endpoint.model = QString::fromStdString(o.model);
    endpoint.azure_api_version = QString::fromStdString(o.azure_api_version);
    jd::JudgeClientOptions client_options;
    client_options.concurrency = o.concurrency;
    client_options.requests_per_minute = o.rpm;
    client_options.max_attempts = o.max_attempts;
    client_options.timeout_ms = static_cast<int>(o.timeout_s * 1000);

    std::unique_ptr<jd::ResponseCache> cache;
    std::unique_ptr<jd::JudgeClient> client;
    std::unique_ptr<jd::JudgeRun> run;
    jd::JudgePlan plan;
    try {
        if (!o.dry_run) {
            const jd::ApiKey key = jd::resolveApiKey(base.host(), !o.no_keychain);
            endpoint.api_key = key.key;
            if (key.key.isEmpty() && !loopback)
                std::cerr << "stllava selftrain judge: warning: no API key (set STLLAVA_JUDGE_API_KEY or "
                             "OPENAI_API_KEY, "
                             "or store one with --store-key)"
                          << (key.note.isEmpty() ? "" : "; " + key.note.toStdString()) << "\n";
            else if (!key.key.isEmpty())
                std::cerr << "judge: API key from " << key.source.toStdString() << "\n";
            if (!o.no_cache) cache = std::make_unique<jd::ResponseCache>(st::jobPath(o.job, jd::kCacheFile));
        }
        client = std::make_unique<jd::JudgeClient>(endpoint, client_options, cache.get());
        run = std::make_unique<jd::JudgeRun>(run_options, client.get());
        plan = run->plan();
    } catch (const st::RecordError& e) {
        throw stllava::BadInput(e.what());
    }
    std::cerr << "judge: " << plan.items << " items, " << plan.requests_done << " requests already judged, "
              << plan.requests_to_send << " to send (" << plan.items_to_judge << " items, "
              << (o.single_order ? "one order" : "both orders") << ") to " << run_options.endpoint_label
              << " as " << o.model << "\n";
    if (plan.items_not_two_answers)
        std::cerr << "judge: " << plan.items_not_two_answers
                  << " items do not have exactly two answers; left out\n";
    if (o.dry_run) {
        std::cout << "dry run: nothing sent, nothing written. " << plan.requests_to_send
                  << " requests would be sent.\n";
        const std::string text = run->firstRequestText();
        if (!text.empty())
            std::cout << "first request's text (the image goes beside it as a PNG data URL):\n" << text;
        return stllava::exit_code::kOk;
    }

    bool cancelled = false;
    QElapsedTimer since_print;
    since_print.start();
    QObject::connect(run.get(), &jd::JudgeRun::progressed, &app, [&](const jd::JudgeProgress& p) {
        if (since_print.elapsed() >= 1000 || p.done == p.total) {
            printProgress(p);
            since_print.restart();
        }
    });
    QObject::connect(run.get(), &jd::JudgeRun::done, &app, [&](bool was_cancelled) {
        cancelled = was_cancelled;
        app.quit();
    });
    QTimer interrupt_poll;
    QObject::connect(&interrupt_poll, &QTimer::timeout, &app, [&] {
        if (g_interrupted.exchange(false)) {
            std::cerr << "judge: interrupted; keeping everything answered so far\n";
            run->cancel();
        }
    });
    interrupt_poll.start(100);
    std::signal(SIGINT, onJudgeInterrupt);
    std::signal(SIGTERM, onJudgeInterrupt);
    QTimer::singleShot(0, &app, [&] {
        try {
            run->start();
        } catch (const std::exception& e) {
            std::cerr << "stllava selftrain judge: " << e.what() << "\n";
            app.exit(1);
        }
    });
    const int loop_result = app.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (loop_result != 0) return stllava::exit_code::kFailure;
    const jd::JudgeProgress& p = run->progress();
    printProgress(p);
    std::cerr << "judge: summary in " << st::jobPath(o.job, jd::kSummaryFile) << "\n";
    if (cancelled) return stllava::exit_code::kCancelled;
    if (p.failed > 0) {
        std::cerr << "judge: " << p.failed
                  << " requests failed (see judgements.jsonl); run the same command again to "
                     "retry them\n";
        return stllava::exit_code::kFailure;
    }
    return stllava::exit_code::kOk;
}

stllava::CommandRun addJudge(CLI::App& selftrain) {
    auto o = std::make_shared<JudgeCliOptions>();
    CLI::App* cmd = selftrain.add_subcommand(
        "judge", "Score each item's two answers with an expert judge (OpenAI-compatible API)");
    cmd->add_option("--job", o->job, "The job folder (written by `selftrain generate`)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--base-url", o->base_url, "Endpoint base URL, e.g. http://127.0.0.1:8080/v1")
        ->capture_default_str();
    cmd->add_option("--judge-model", o->model, "Judge model name (Azure: the deployment)")
        ->capture_default_str();
    cmd->add_option("--rule", o->rule_file, "Replace the default judging rule with this text file")
        ->check(CLI::ExistingFile);
    cmd->add_option("--concurrency", o->concurrency, "Requests in flight at most")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cmd->add_option("--rpm", o->rpm, "Requests started per minute at most (0: no limit)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--single-order,!--both-orders", o->single_order,
                  "Judge each pair in one answer order only (default: both orders, to measure and cancel "
                  "position bias)");
    cmd->add_option("--limit", o->limit, "Judge at most N more items this run")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--dry-run", o->dry_run, "Show what would be sent; send and write nothing");
    cmd->add_flag("--allow-remote", o->allow_remote,
                  "Consent to sending items to a host other than this machine");
    cmd->add_option("--timeout", o->timeout_s, "Seconds per attempt")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--max-attempts", o->max_attempts, "Attempts per request (retries on 429/5xx/timeouts)")
        ->check(CLI::Range(1, 20))
        ->capture_default_str();
    cmd->add_option("--temperature", o->temperature, "Judge sampling temperature")->capture_default_str();
    cmd->add_option("--max-tokens", o->max_tokens, "Judge reply length limit")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--prices", o->prices_file,
                    "JSON price file {model: {input_per_mtok, output_per_mtok}} (USD)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--price-input", o->price_input, "USD per million prompt tokens for --judge-model");
    cmd->add_option("--price-output", o->price_output, "USD per million completion tokens for --judge-model");
    cmd->add_option(
        "--azure-api-version", o->azure_api_version,
        "Azure OpenAI: api-version (URL .../openai/deployments/MODEL/chat/completions, api-key header)");
    cmd->add_option("--images-root", o->images_root,
                    "Folder that relative image paths in items.jsonl are under");
    cmd->add_flag("--no-keychain", o->no_keychain, "Do not look in the system keychain for the API key");
    cmd->add_flag("--no-cache", o->no_cache, "Do not read or write the response cache (judge_cache.jsonl)");
    cmd->add_flag(
        "--store-key", o->store_key,
        "Read an API key from standard input, store it in the system keychain for --base-url's host, exit");
    return [o] { return runJudge(*o); };
}

const bool registered = stllava::registerSelftrainPart({"judge", 20, &addJudge});

}  // namespace
