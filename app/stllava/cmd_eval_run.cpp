// `stllava eval run --model DIR --benchmark FILE --images DIR --out PRED.jsonl`: batched greedy
// generation over a benchmark, written as LLaVA-Med prediction lines; resumable; sharded by
// RANK / WORLD_SIZE (merge the shards with `stllava eval merge`); Ctrl-C stops after the batch.
#include "cmd_eval_run.h"
#include "cli_support.h"
#include "exit_codes.h"

#include "evaluation/provenance.h"
#include "pipeline/benchmark_answerer.h"
#include "evaluation/report_folder.h"
#ifdef STLLAVA_HAVE_EVAL_THUMBNAILS
#include "pipeline/thumbnail.h"
#endif

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace stllava {
namespace {

struct RunCliOptions {
    pipeline::ModelSource source;
    std::string benchmark, images, out, dataset = "auto", lang = "en", variant = "plain", model_id, report_dir;
    bool all_splits = false, hash_weights = false, sample = false;
    int batch = 8, max_new_tokens = 128, top_k = 0;
    double temperature = 1.0, top_p = 1.0;
    std::uint64_t seed = 0;
    std::size_t limit = 0;
};

int runEval(const RunCliOptions& o) {
    namespace ev = eval;
    try {
        const ev::Benchmark bench = ev::readBenchmark(o.benchmark, ev::readOptionsFor(o.dataset, o.lang, o.all_splits));
        for (const auto& w : bench.warnings) std::cerr << "warning: " << w << "\n";

        CancelToken cancel;
        pipeline::BenchmarkAnswererOptions mo;
        mo.images_dir = o.images;
        mo.max_batch = o.batch;
        mo.sampling.greedy = !o.sample;
        mo.sampling.temperature = o.temperature;
        mo.sampling.top_k = o.top_k;
        mo.sampling.top_p = o.top_p;
        mo.sampling.seed = o.seed;
        mo.sampling.max_new_tokens = o.max_new_tokens;
        mo.cancel = &cancel;
        pipeline::BenchmarkAnswerer answerer(cli::openSession(o.source, true), mo);

        ev::RunOptions run;
        run.shard = ev::Shard::fromEnvironment();
        run.out_path = ev::shardOutputPath(o.out, run.shard);
        run.batch = o.batch;
        run.variant = ev::promptVariantFromName(o.variant);
        run.model_id = o.model_id.empty() ? std::filesystem::path(o.source.model_dir).filename().string() : o.model_id;
        if (run.model_id.empty()) run.model_id = std::filesystem::path(o.source.model_dir).parent_path().filename().string();
        run.limit = o.limit;
        const auto t0 = std::chrono::steady_clock::now();
        std::int64_t first_done = -1;
        run.progress = [&](const Progress& p) {
            const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (first_done < 0) first_done = p.done;
            const double rate = el > 0 ? static_cast<double>(p.done - first_done) / el : 0.0;
            const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0.0;
            std::fprintf(stderr, "\r[rank %d/%d] %lld/%lld questions (%.1f%%), %.2f q/s, elapsed %s, ETA %s   ",
                         run.shard.rank, run.shard.world, static_cast<long long>(p.done), static_cast<long long>(p.total),
                         p.total ? 100.0 * static_cast<double>(p.done) / static_cast<double>(p.total) : 100.0, rate,
                         cli::formatDuration(el, true).c_str(), rate > 0 ? cli::formatDuration(eta, true).c_str() : "?");
            return !cancel.cancelled();
        };
        cli::InterruptScope interrupt(cancel);
        ev::RunStats stats;
        try {
            stats = ev::runBenchmark(bench, answerer.asFunction(), run);
        } catch (const Cancelled&) {
            std::cerr << "\ninterrupted: the answers written so far are kept in " << run.out_path
                      << "; run the same command again to resume\n";
            return exit_code::kCancelled;
        }
        std::fprintf(stderr, "\n%zu answered, %zu already present, %zu in this shard; %s in %.1f s\n", stats.generated,
                     stats.already_done, stats.shard_questions, run.out_path.c_str(), stats.seconds);
        if (stats.torn_bytes_dropped)
            std::cerr << "note: a cut-short last line (" << stats.torn_bytes_dropped << " bytes) was removed and redone\n";

        const bool complete = stats.already_done + stats.generated == stats.shard_questions;
        if (!o.report_dir.empty() && run.shard.world == 1 && complete) {
            const auto preds = ev::readPredictions(run.out_path);
            ev::checkPairing(bench, preds, run.out_path);
            ev::EvalReport r = ev::scorePredictions(bench, preds);
            r.predictions_path = run.out_path;
            r.dataset_sha256 = ev::fileDigest(o.benchmark)["sha256"];
            r.predictions_sha256 = ev::fileDigest(run.out_path)["sha256"];
            r.model = ev::modelDigest(o.source.model_dir, o.hash_weights);
            r.config["runner"] = answerer.describe();
            r.config["runner"]["prompt_variant"] = o.variant;
            r.timing = {{"created_utc", ev::utcNow()}, {"generation_seconds_this_run", stats.seconds},
                        {"answered_this_run", stats.generated}};
            ev::ThumbnailFn thumbs;
#ifdef STLLAVA_HAVE_EVAL_THUMBNAILS
            thumbs = pipeline::thumbnailsFrom(o.images);
#endif
            ev::writeReportFolder(r, o.report_dir, thumbs);
            std::printf("open recall %.2f, closed accuracy %.2f (LLaVA-Med scoring); report in %s\n",
                        100 * r.summary[metrics::Metric::OpenRecall], 100 * r.summary[metrics::Metric::ClosedAccuracy],
                        o.report_dir.c_str());
        } else if (!o.report_dir.empty()) {
            std::cerr << "no report: " << (run.shard.world > 1 ? "sharded run (merge the shards, then `stllava eval score`)"
                                                               : "the run is not complete")
                      << "\n";
        }
    } catch (const std::invalid_argument& e) {
        throw BadInput(e.what());  // RANK/WORLD_SIZE, variant names
    }
    return exit_code::kOk;
}

}  // namespace

CommandRun addEvalRun(CLI::App& eval) {
    auto o = std::make_shared<RunCliOptions>();
    CLI::App* c = eval.add_subcommand("run", "Answer a benchmark with a model; writes LLaVA-Med prediction lines (resumable)");
    c->add_option("--model", o->source.model_dir, "Model folder (config.json, safetensors, tokenizer.model)")->required()->check(CLI::ExistingDirectory);
    cli::addModelOptions(*c, o->source);
    cli::addQuantOption(*c, o->source);
    c->add_option("--benchmark", o->benchmark, "Benchmark file (LLaVA-Med test.json, VQA-RAD, SLAKE, PathVQA JSON)")->required();
    c->add_option("--images", o->images, "Folder the benchmark's image paths are relative to")->required()->check(CLI::ExistingDirectory);
    c->add_option("--out", o->out, "Prediction file (JSON lines); resumed when it exists. With WORLD_SIZE > 1, "
                                   "{rank} in the name is replaced by RANK, else .rank<R> is appended")->required();
    c->add_option("--dataset", o->dataset, "Benchmark format")
        ->check(CLI::IsMember({"auto", "llava-med", "vqa-rad", "slake", "pathvqa"}))->capture_default_str();
    c->add_option("--lang", o->lang, "SLAKE question language (en, zh or all)")->capture_default_str();
    c->add_flag("--all-splits", o->all_splits, "VQA-RAD public JSON: every item, not only the test split");
    c->add_option("--variant", o->variant, "Prompt variant: plain, or closed-yes-no (CLOSED questions get the options [yes, no])")
        ->check(CLI::IsMember({"plain", "closed-yes-no"}))->capture_default_str();
    c->add_option("--batch", o->batch, "Questions per generation batch")->check(CLI::Range(1, 1024))->capture_default_str();
    c->add_option("--max-new-tokens", o->max_new_tokens, "Answer length limit")->check(CLI::Range(1, 8192))->capture_default_str();
    c->add_flag("--sample", o->sample, "Sample instead of greedy decoding (with --temperature/--top-k/--top-p/--seed)");
    c->add_option("--temperature", o->temperature, "Sampling temperature")->capture_default_str();
    c->add_option("--top-k", o->top_k, "Sampling top-k (0 = off)")->capture_default_str();
    c->add_option("--top-p", o->top_p, "Sampling top-p")->capture_default_str();
    c->add_option("--seed", o->seed, "Sampling seed")->capture_default_str();
    c->add_option("--model-id", o->model_id, "model_id written into the predictions (default: the folder name)");
    c->add_option("--limit", o->limit, "Answer at most this many new questions (0 = all)")->capture_default_str();
    c->add_option("--report-dir", o->report_dir, "When the run is complete (one process): score it and write the reports here");
    c->add_flag("--hash-weights", o->hash_weights, "SHA-256 the weight files into the report (slow for big models)");
    return [o]() { return runEval(*o); };
}

}  // namespace stllava
