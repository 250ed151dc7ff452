// `stllava selftrain generate --model DIR [--adapter A] --images PATH... --out JOB`: stage-2
// generation over unlabeled images (files or folders, DICOM or raster) into a job folder:
// describe turn, questions in the VUSER role, two answers per question with different seeds.
// Resumable (run it again after Ctrl-C or a crash), sharded by RANK / WORLD_SIZE; `selftrain merge`
// joins the shards. Progress with ETA on stderr; with --json, JSON lines on stdout instead
// ({"event":"progress",...} per batch of images, {"event":"done",...} at the end).
#include "cli_support.h"
#include "cmd_selftrain.h"
#include "exit_codes.h"

#include "evaluation/eval_runner.h"
#include "imaging/image_loader.h"
#include "pipeline/stage2_generation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

namespace {

using namespace stllava;
namespace fs = std::filesystem;

struct GenerateOptions {
    pipeline::ModelSource source;
    std::vector<std::string> inputs;
    std::string job, seeds = "40,42";
    int questions = 5, images_per_batch = 2, max_batch = 16, question_tokens = 300, answer_tokens = 1024,
        describe_tokens = 1024;
    std::uint64_t seed = 0;
    std::size_t limit = 0;
    bool json = false;
};

bool isImageFile(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* e : {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".dcm", ".dicom"})
        if (ext == e) return true;
    return ext.empty() && looksLikeDicom(p.string());  // DICOM files often have no extension
}

// Files as given, folders expanded (recursively, sorted, so every run and rank sees one order).
std::vector<std::string> expandInputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (auto it =
                     fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && isImageFile(it->path())) found.push_back(it->path().string());
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(in, ec)) {
            out.push_back(in);
        } else {
            throw BadInput(in + ": no such file or folder");
        }
    }
    return out;
}

std::vector<std::uint64_t> parseSeeds(const std::string& s) {
    std::vector<std::uint64_t> out;
    std::stringstream ss(s);
    std::string part;
    while (std::getline(ss, part, ',')) {
        try {
            std::size_t used = 0;
            out.push_back(std::stoull(part, &used));
            if (used != part.size()) throw std::invalid_argument(part);
        } catch (const std::exception&) {
            throw CLI::ValidationError("--seeds", "'" + part + "' is not a number");
        }
    }
    if (out.size() != 2) throw CLI::ValidationError("--seeds", "expected two seeds, e.g. 40,42");
    return out;
}

int runGenerate(GenerateOptions& o) {
    pipeline::Stage2Options so;
    so.images = expandInputs(o.inputs);
    if (so.images.empty()) throw BadInput("no image files found in the given paths");
    so.job_dir = o.job;
    so.questions = o.questions;
    so.answer_seeds = parseSeeds(o.seeds);
    so.seed = o.seed;
    so.images_per_batch = o.images_per_batch;
    so.max_batch = o.max_batch;
    so.limit = o.limit;
    so.describe.max_new_tokens = o.describe_tokens;
    so.question.max_new_tokens = o.question_tokens;
    so.answer.max_new_tokens = o.answer_tokens;
    eval::Shard shard;
    try {
        shard = eval::Shard::fromEnvironment();
    } catch (const std::invalid_argument& e) {
        throw BadInput(e.what());
    }
    so.rank = shard.rank;
    so.world = shard.world;
    auto session = cli::openSession(o.source, true);
    CancelToken cancel;
    cli::InterruptScope interrupt(cancel);
    so.cancel = &cancel;
    const auto t0 = std::chrono::steady_clock::now();
    std::int64_t first_done = -1;
    so.progress = [&](const Progress& p) {
        const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (first_done < 0) first_done = 0;
        const double rate = el > 0 ? static_cast<double>(p.done - first_done) / el : 0.0;
        if (o.json) {
            std::cout << nlohmann::json{{"event", "progress"}, {"stage", "generate"}, {"rank", so.rank}, {"world", so.world},
                                        {"done", p.done}, {"total", p.total}, {"images_per_s", rate}, {"elapsed_s", el},
                                        {"eta_s", rate > 0 ? static_cast<double>(p.total - p.done) / rate : -1.0}}
                             .dump()
                      << std::endl;
            return !cancel.cancelled();
        }
        std::fprintf(
            stderr, "\r[rank %d/%d] %lld/%lld images, %.3f images/s, elapsed %s, ETA %s   ", so.rank,
            so.world, static_cast<long long>(p.done), static_cast<long long>(p.total), rate,
            cli::formatDuration(el, true).c_str(),
            rate > 0 ? cli::formatDuration(static_cast<double>(p.total - p.done) / rate, true).c_str() : "?");
        return !cancel.cancelled();
    };
    const auto stats = pipeline::runStage2Generation(*session, so);
    if (o.json)
        std::cout << nlohmann::json{{"event", "done"}, {"stage", "generate"}, {"generated_images", stats.generated_images},
                                    {"items_written", stats.items_written}, {"skipped_images", stats.skipped_images},
                                    {"already_done", stats.already_done}, {"shard_images", stats.shard_images},
                                    {"seconds", stats.seconds}, {"generated_tokens", stats.generated_tokens},
                                    {"cancelled", stats.cancelled}, {"job", o.job}}
                         .dump()
                  << std::endl;
    std::fprintf(stderr,
                 "\n%zu images generated (%zu items), %zu skipped (see %s), %zu already done, %zu in this "
                 "shard; %.1f s, "
                 "%.3f images/s, %lld tokens\n",
                 stats.generated_images, stats.items_written, stats.skipped_images,
                 pipeline::stage2SkippedFile(so.rank, so.world).c_str(), stats.already_done,
                 stats.shard_images, stats.seconds,
                 stats.seconds > 0 ? static_cast<double>(stats.generated_images) / stats.seconds : 0.0,
                 static_cast<long long>(stats.generated_tokens));
    if (stats.repaired_bytes)
        std::cerr << "note: a cut-short last line (" << stats.repaired_bytes << " bytes) was removed\n";
    if (stats.cancelled) {
        std::cerr << "interrupted: everything written so far is kept in " << o.job
                  << "; run the same command again to resume\n";
        return exit_code::kCancelled;
    }
    return exit_code::kOk;
}

CommandRun addGenerate(CLI::App& selftrain) {
    auto o = std::make_shared<GenerateOptions>();
    CLI::App* c = selftrain.add_subcommand(
        "generate", "Stage-2 generation: describe, ask, answer twice, per unlabeled image");
    c->add_option("--model", o->source.model_dir, "Stage-1 model folder")
        ->required()
        ->check(CLI::ExistingDirectory);
    cli::addModelOptions(*c, o->source);
    c->add_option("--images", o->inputs,
                  "Image files or folders (DICOM or raster; folders are searched recursively)")
        ->required();
    c->add_option("--out", o->job, "Job folder (created; resumed when it exists)")->required();
    c->add_option("--questions", o->questions, "Questions the model asks per image")
        ->capture_default_str()
        ->check(CLI::Range(1, 64));
    c->add_option("--seeds", o->seeds, "The two answer seeds")->capture_default_str();
    c->add_option("--seed", o->seed, "Seed for the describe and question sampling")->capture_default_str();
    c->add_option("--images-per-batch", o->images_per_batch, "Images generated together")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    c->add_option("--max-batch", o->max_batch, "Rows decoded together")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    c->add_option("--describe-tokens", o->describe_tokens, "Most tokens of the description")
        ->capture_default_str()
        ->check(CLI::Range(1, 8192));
    c->add_option("--question-tokens", o->question_tokens, "Most tokens of a question")
        ->capture_default_str()
        ->check(CLI::Range(1, 8192));
    c->add_option("--answer-tokens", o->answer_tokens, "Most tokens of an answer")
        ->capture_default_str()
        ->check(CLI::Range(1, 8192));
    c->add_option("--limit", o->limit, "Generate at most this many new images (0 = all)")
        ->capture_default_str();
    c->add_flag("--json", o->json, "Progress as JSON lines on stdout");
    return [o]() { return runGenerate(*o); };
}

CommandRun addMerge(CLI::App& selftrain) {
    auto job = std::make_shared<std::string>();
    CLI::App* c = selftrain.add_subcommand("merge", "Join the shards of a job generated with WORLD_SIZE > 1");
    c->add_option("--job", *job, "Job folder")->required()->check(CLI::ExistingDirectory);
    return [job]() {
        const auto n = pipeline::mergeStage2Shards(*job);
        std::cerr << n << " items merged into " << *job << "/items.jsonl\n";
        return exit_code::kOk;
    };
}

const bool registered =
    registerSelftrainPart({"generate", 10, &addGenerate}) && registerSelftrainPart({"merge", 15, &addMerge});

}  // namespace
