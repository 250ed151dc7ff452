// `stllava eval`: score LLaVA-Med-format predictions against a benchmark (score), merge sharded
// prediction files in benchmark order (merge), and run a model over a benchmark (run, when the
// model core is built; see cmd_eval_run.cpp).
#include "command_registry.h"
#include "exit_codes.h"

#include "evaluation/benchmark.h"
#include "evaluation/predictions.h"
#include "evaluation/provenance.h"
#include "evaluation/report_folder.h"
#include "evaluation/report_json.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#ifdef STLLAVA_HAVE_EVAL_RUNNER
#include "cmd_eval_run.h"
#endif
#ifdef STLLAVA_HAVE_EVAL_THUMBNAILS
#include "pipeline/thumbnail.h"
#endif

namespace {

using stllava::eval::InputError;

struct ScoreOptions {
    std::string test, pred, dataset = "auto", lang = "en", report_dir, model_dir, images;
    bool all_splits = false, json = false, hash_weights = false;
    int resamples = 1000, thumbnail_size = 128;
    std::uint64_t seed = 20240611;
};

struct MergeOptions {
    std::string test, out, dataset = "auto", lang = "en";
    bool all_splits = false;
    std::vector<std::string> shards;
};

void printSummary(const stllava::eval::EvalReport& r) {
    using stllava::metrics::Metric;
    std::printf("%-46s %8s  %-17s %6s\n", "metric", "value %", "95% CI", "n");
    for (Metric m : stllava::metrics::kAllMetrics) {
        const auto k = static_cast<std::size_t>(m);
        const std::size_t n = stllava::metrics::isOpenMetric(m) ? r.summary.n_open : r.summary.n_closed;
        if (n == 0) {
            std::printf("%-46s %8s  %-17s %6zu\n", stllava::metrics::metricLabel(m), "n/a", "", n);
            continue;
        }
        char ci[64];
        std::snprintf(ci, sizeof ci, "%.2f - %.2f", 100 * r.ci[k].lo, 100 * r.ci[k].hi);
        std::printf("%-46s %8.2f  %-17s %6zu\n", stllava::metrics::metricLabel(m), 100 * r.summary.value[k], ci, n);
    }
    if (r.summary.n_unscored) std::printf("unscored questions (answer_type not OPEN/CLOSED): %zu\n", r.summary.n_unscored);
}

int runScore(const ScoreOptions& o) {
    namespace ev = stllava::eval;
    using clock = std::chrono::steady_clock;
    try {
        const auto t0 = clock::now();
        const ev::Benchmark bench = ev::readBenchmark(o.test, ev::readOptionsFor(o.dataset, o.lang, o.all_splits));
        const auto preds = ev::readPredictions(o.pred);
        ev::checkPairing(bench, preds, o.pred);
        const auto t1 = clock::now();
        stllava::metrics::BootstrapOptions b;
        b.resamples = o.resamples;
        b.seed = o.seed;
        ev::EvalReport r = ev::scorePredictions(bench, preds, b);
        const auto t2 = clock::now();
        r.predictions_path = o.pred;
        r.dataset_sha256 = ev::fileDigest(o.test)["sha256"];
        r.predictions_sha256 = ev::fileDigest(o.pred)["sha256"];
        if (!o.model_dir.empty()) r.model = ev::modelDigest(o.model_dir, o.hash_weights);
        r.config["dataset_format_requested"] = o.dataset;
        r.config["language"] = o.lang;
        r.config["vqa_rad_all_splits"] = o.all_splits;
        r.timing = {{"created_utc", ev::utcNow()},
                    {"read_seconds", std::chrono::duration<double>(t1 - t0).count()},
                    {"score_seconds", std::chrono::duration<double>(t2 - t1).count()}};
        for (const auto& w : r.warnings) std::cerr << "warning: " << w << "\n";
        if (o.json) {
            const auto j = ev::reportToJson(r);
            std::cout << nlohmann::ordered_json{{"counts", j["counts"]}, {"metrics", j["metrics"]}}.dump(2) << "\n";
        } else {
            std::printf("%s (%s): %zu questions, predictions %s\n", o.test.c_str(), r.dataset_format.c_str(),
                        r.questions.size(), o.pred.c_str());
            printSummary(r);
        }
        if (!o.report_dir.empty()) {
            ev::ThumbnailFn thumbs;
#ifdef STLLAVA_HAVE_EVAL_THUMBNAILS
            if (!o.images.empty()) thumbs = stllava::pipeline::thumbnailsFrom(o.images, o.thumbnail_size);
#endif
            ev::writeReportFolder(r, o.report_dir, thumbs);
            std::cerr << "report written to " << o.report_dir << "/report.{json,html} and questions.csv\n";
        }
    } catch (const InputError& e) {
        throw stllava::BadInput(e.what());
    }
    return stllava::exit_code::kOk;
}

int runMerge(const MergeOptions& o) {
    namespace ev = stllava::eval;
    try {
        const ev::Benchmark bench = ev::readBenchmark(o.test, ev::readOptionsFor(o.dataset, o.lang, o.all_splits));
        std::vector<ev::Prediction> all;
        for (const auto& shard : o.shards) {
            auto p = ev::readPredictions(shard);
            std::move(p.begin(), p.end(), std::back_inserter(all));
        }
        const auto ordered = ev::orderLikeBenchmark(bench, std::move(all), "the shards");
        ev::writePredictions(o.out, ordered);
        std::cerr << "merged " << o.shards.size() << " shard(s): " << ordered.size() << " predictions in " << o.out
                  << "\n";
    } catch (const InputError& e) {
        throw stllava::BadInput(e.what());
    }
    return stllava::exit_code::kOk;
}

void addReadFlags(CLI::App* c, std::string& dataset, std::string& lang, bool& all_splits) {
    c->add_option("--dataset", dataset, "Benchmark format")
        ->check(CLI::IsMember({"auto", "llava-med", "vqa-rad", "slake", "pathvqa"}))
        ->capture_default_str();
    c->add_option("--lang", lang, "SLAKE question language to keep (en, zh or all)")->capture_default_str();
    c->add_flag("--all-splits", all_splits, "VQA-RAD public JSON: keep every item, not only the test split");
}

stllava::CommandRun addEval(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand("eval", "Benchmark evaluation with LLaVA-Med's scoring (VQA-RAD, SLAKE, PathVQA)");
    cmd->require_subcommand(1);

    auto so = std::make_shared<ScoreOptions>();
    CLI::App* score = cmd->add_subcommand("score", "Score a LLaVA-Med-format prediction file (JSON lines) against a benchmark");
    score->add_option("--test", so->test, "Benchmark file (LLaVA-Med test.json, VQA-RAD/SLAKE/PathVQA JSON)")->required();
    score->add_option("--pred", so->pred, "Predictions, JSON lines {question_id, prompt, text, answer_id, model_id, metadata}")
        ->required();
    addReadFlags(score, so->dataset, so->lang, so->all_splits);
    score->add_option("--report-dir", so->report_dir, "Write report.json, report.html and questions.csv here");
    score->add_option("--model", so->model_dir, "Model folder whose files to checksum into the report");
    score->add_flag("--hash-weights", so->hash_weights, "With --model: also SHA-256 the weight files (slow for big models)");
    score->add_option("--bootstrap", so->resamples, "Bootstrap resamples for the 95% intervals")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    score->add_option("--seed", so->seed, "Bootstrap seed")->capture_default_str();
    score->add_flag("--json", so->json, "Print the metrics as JSON");
#ifdef STLLAVA_HAVE_EVAL_THUMBNAILS
    score->add_option("--images", so->images, "Image folder: thumbnails in the HTML report's drill-down")
        ->check(CLI::ExistingDirectory);
    score->add_option("--thumbnail-size", so->thumbnail_size, "Largest thumbnail side in pixels")
        ->check(CLI::Range(16, 1024))
        ->capture_default_str();
#endif

    auto mo = std::make_shared<MergeOptions>();
    CLI::App* merge = cmd->add_subcommand("merge", "Merge sharded prediction files into one, in benchmark order");
    merge->add_option("--test", mo->test, "Benchmark file the shards were made from")->required();
    merge->add_option("--out", mo->out, "Merged prediction file (JSON lines)")->required();
    merge->add_option("shards", mo->shards, "Shard prediction files")->required()->check(CLI::ExistingFile);
    addReadFlags(merge, mo->dataset, mo->lang, mo->all_splits);

#ifdef STLLAVA_HAVE_EVAL_RUNNER
    stllava::CommandRun run_cmd = stllava::addEvalRun(*cmd);
#endif

    return [=]() -> int {
        if (score->parsed()) return runScore(*so);
        if (merge->parsed()) return runMerge(*mo);
#ifdef STLLAVA_HAVE_EVAL_RUNNER
        if (cmd->get_subcommand("run")->parsed()) return run_cmd();
#endif
        return stllava::exit_code::kUsage;
    };
}

const bool registered = stllava::registerCommand({"eval", 40, &addEval});

}  // namespace
