#include "demo/demo_run.h"

#include "common/atomic_file.h"
#include "common/input_error.h"
#include "common/progress.h"
#include "demo/demo_model.h"
#include "demo/oracle_judge_job.h"
#include "evaluation/benchmark.h"
#include "evaluation/eval_report.h"
#include "evaluation/eval_runner.h"
#include "evaluation/report_folder.h"
#include "model/checkpoint_io.h"
#include "pipeline/benchmark_answerer.h"
#include "pipeline/llava_session.h"
#include "pipeline/model_assembly.h"
#include "pipeline/stage2_generation.h"
#include "selftrain/job_records.h"
#include "selftrain/pair_stats.h"
#include "selftrain/pair_writers.h"
#include "synthetic/world.h"
#include "training/dataset.h"
#include "training/trainer.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace stllava::demo {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr const char* kTemplate = "v1_sq";

struct Benchmarks {
    const char* name;
    const char* data;
    const char* images;
    const char* format;
};
// The world's benchmark parts (synthetic/world.cpp writes them there).
const Benchmarks kBenchmarks[] = {
    {"vqa-rad", "benchmarks/vqa-rad/VQA_RAD Dataset Public.json", "benchmarks/vqa-rad/VQA_RAD Image Folder",
     "vqa-rad"},
    {"slake", "benchmarks/slake/test.json", "benchmarks/slake/imgs", "slake"},
    {"pathvqa", "benchmarks/pathvqa/test.json", "benchmarks/pathvqa/images", "llava-med"},
};

json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError(path + ": cannot be read");
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw InputError(path + ": not valid JSON (" + e.what() + ")");
    }
}

class Demo {
public:
    explicit Demo(const DemoRunOptions& o) : o_(o), s_(o.settings), dir_(o.out_dir) {}

    DemoResult run();

private:
    std::string path(const std::string& rel) const { return (fs::path(dir_) / rel).string(); }
    std::string world() const { return path("world"); }
    std::string model(const char* stage) const { return path(std::string("models/stllava-demo-") + stage); }
    std::string job() const { return path("selftrain"); }
    std::string recordPath(const std::string& phase) const { return path("phases/" + phase + ".json"); }
    bool cancelled() const { return o_.cancel && o_.cancel->cancelled(); }

    void checkFolder();
    // Runs `body` unless the phase's record exists; body returns the record's figures. `outputs`
    // (relative paths) are removed first when an earlier phase ran in this run: they were made from
    // the old inputs, and must not be resumed.
    void phase(const std::string& name, const std::function<json()>& body,
               const std::vector<std::string>& outputs = {});
    void progress(std::int64_t done, std::int64_t total, const std::string& detail);
    void emit(DemoEvent e) const {
        if (o_.on_event) o_.on_event(e);
    }

    json phaseWorld();
    json phaseTokenizer();
    json phaseInit();
    json phaseStage1();
    json phaseEvaluate(const char* stage);
    json phaseGenerate();
    json phaseJudge();
    json phasePairs();
    json phaseDpo();
    json phaseReport();
    json train(const std::string& stage, const std::string& from, const std::string& data,
               const std::string& to);
    std::shared_ptr<pipeline::LlavaSession> open(const std::string& model_dir) const;

    const DemoRunOptions& o_;
    const DemoSettings& s_;
    std::string dir_;
    DemoResult result_;
    std::string current_;
    int index_ = 0;
    std::chrono::steady_clock::time_point phase_start_;
    bool ran_ = false;  // a phase ran in this run: every later record is stale
};

void Demo::checkFolder() {
    json judge = {{"kind", "oracle"}};
    if (o_.judge_noise)
        judge = {{"kind", "oracle-noisy"}, {"flip_share", o_.judge_noise->flipShare},
                 {"tie_share", o_.judge_noise->tieShare}};
    const json want = {{"format", "stllava-demo"}, {"version", 1},    {"scale", demoScaleName(s_.scale)},
                       {"seed", o_.seed},          {"judge", judge}};
    const std::string file = path("demo.json");
    if (fs::exists(file)) {
        json have = readJson(file);
        if (!have.contains("judge")) have["judge"] = {{"kind", "oracle"}};  // written before noise existed
        for (const char* field : {"format", "scale", "seed", "judge"})
            if (have.value(field, json()) != want[field])
                throw InputError(file + ": field '" + field + "' is " + have.value(field, json()).dump() +
                                 ", this run asks for " + want[field].dump() +
                                 "; use another --out folder (or remove this one)");
        return;
    }
    if (fs::exists(dir_) && !fs::is_directory(dir_)) throw InputError(dir_ + ": exists and is not a folder");
    if (fs::exists(dir_) && !fs::is_empty(dir_))
        throw InputError(dir_ +
                         ": not empty and not a demo folder (no demo.json); choose a new --out folder");
    fs::create_directories(path("phases"));
    writeFileAtomic(file, want.dump(2) + "\n");
}

void Demo::progress(std::int64_t done, std::int64_t total, const std::string& detail) {
    DemoEvent e;
    e.kind = DemoEvent::Kind::Progress;
    e.phase = current_;
    e.index = index_;
    e.phases = static_cast<int>(demoPhases().size());
    e.done = done;
    e.total = total;
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - phase_start_).count();
    e.detail = detail;
    emit(e);
}

void Demo::phase(const std::string& name, const std::function<json()>& body,
                 const std::vector<std::string>& outputs) {
    if (result_.cancelled) return;
    ++index_;
    current_ = name;
    DemoEvent e;
    e.phase = name;
    e.index = index_;
    e.phases = static_cast<int>(demoPhases().size());
    const std::string record = recordPath(name);
    if (!ran_ && fs::exists(record)) {
        const json r = readJson(record);
        result_.phases[name] = r;
        e.kind = DemoEvent::Kind::PhaseSkipped;
        e.seconds = r.value("seconds", 0.0);
        e.detail = r.value("summary", std::string());
        emit(e);
        return;
    }
    if (ran_)
        for (const auto& rel : outputs) fs::remove_all(path(rel));
    // This phase runs: the records of the later phases describe outputs made from the old inputs.
    if (!ran_) {
        ran_ = true;
        bool later = false;
        for (const auto& p : demoPhases()) {
            if (p == name) later = true;
            if (later) fs::remove(recordPath(p));
        }
    }
    e.kind = DemoEvent::Kind::PhaseStart;
    emit(e);
    phase_start_ = std::chrono::steady_clock::now();
    json r;
    try {
        r = body();
    } catch (const Cancelled&) {
        result_.cancelled = true;
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& ex) {
        throw std::runtime_error("demo phase '" + name + "': " + ex.what());
    }
    if (result_.cancelled || cancelled()) {
        result_.cancelled = true;
        return;
    }
    r["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - phase_start_).count();
    r["finished"] = selftrain::isoTimeNow();
    writeFileAtomic(record, r.dump(2) + "\n");
    result_.phases[name] = r;
    e.kind = DemoEvent::Kind::PhaseDone;
    e.seconds = r["seconds"].get<double>();
    e.detail = r.value("summary", std::string());
    emit(e);
}

std::shared_ptr<pipeline::LlavaSession> Demo::open(const std::string& model_dir) const {
    pipeline::ModelSource src;
    src.model_dir = model_dir;
    src.template_name = kTemplate;
    src.dtype = "f32";
    return pipeline::LlavaSession::open(src);
}

json Demo::phaseWorld() {
    synthetic::WorldOptions wo;
    wo.outDir = world();
    wo.seed = o_.seed;
    wo.scale = synthetic::worldScaleFromName(s_.world_scale);
    const auto s = synthetic::generateWorld(wo, [&](const Progress& p) {
        progress(p.done, p.total, p.stage);
        return !cancelled();
    });
    return {{"summary", std::to_string(s.images) + " images, " + std::to_string(s.stage1Items) +
                            " stage-1 conversations, " + std::to_string(s.poolImages) + " pool images"},
            {"images", s.images},
            {"stage1_items", s.stage1Items},
            {"pool_images", s.poolImages},
            {"test_questions",
             {{"vqa-rad", s.vqaRadQuestions}, {"slake", s.slakeQuestions}, {"pathvqa", s.pathVqaQuestions}}}};
}

json Demo::phaseTokenizer() {
    fs::create_directories(path("tokenizer"));
    const std::string model = trainDemoTokenizer(path("world/stage1/instruct.json"),
                                                 path("tokenizer/stllava-demo"), s_.model.vocab);
    return {{"summary", "sentencepiece BPE, " + std::to_string(s_.model.vocab) + " pieces"},
            {"model", model}};
}

json Demo::phaseInit() {
    const std::int64_t n =
        writeInitialModel(model("init"), s_.model, path("tokenizer/stllava-demo.model"), o_.seed);
    const auto& m = s_.model;
    return {{"summary", std::to_string(n) + " parameters, image " + std::to_string(m.image_size) +
                            " px / patch " + std::to_string(m.patch) + ", decoder " +
                            std::to_string(m.text_layers) + " x " + std::to_string(m.text_hidden)},
            {"parameters", n}};
}

json Demo::train(const std::string& stage, const std::string& from, const std::string& data,
                 const std::string& to) {
    namespace tr = training;
    tr::TrainConfig c = stage == "sft" ? tr::presetSft() : tr::presetDpo();
    c.model_path = from;
    c.data_path = data;
    c.output_dir = path("train/" + stage);
    c.template_name = kTemplate;
    c.decoder = "full";
    c.vision = "full";
    c.train_projector = true;
    c.bf16 = false;
    c.seed = o_.seed;
    c.keep_last = 1;
    c.save_steps = 0;
    if (stage == "sft") {
        c.image_folder = path("world/stage1/images");
        c.max_length = s_.sft_max_length;
        c.batch_size = s_.sft_batch;
        c.grad_accum = s_.sft_accum;
        c.epochs = s_.sft_epochs;
        c.max_steps = s_.sft_max_steps;
        c.lr = {s_.sft_lr, s_.sft_lr, s_.sft_lr, s_.sft_lr};
        c.warmup_ratio = 0.05;
    } else {
        c.max_length = s_.sft_max_length + 2 * s_.answer_tokens + s_.describe_tokens;
        c.batch_size = s_.dpo_batch;
        c.grad_accum = s_.dpo_accum;
        c.epochs = s_.dpo_epochs;
        c.max_steps = s_.dpo_max_steps;
        c.lr = {s_.dpo_lr, s_.dpo_lr, s_.dpo_lr, s_.dpo_lr};
        c.beta = s_.dpo_beta;
        c.cache_reference =
            true;  // full training: the reference is the stage-1 model, computed before step 1
    }
    pipeline::ModelSource source;
    source.model_dir = from;
    source.dtype = "f32";
    source.template_name = kTemplate;
    pipeline::AssembleOptions assemble;
    assemble.for_training = true;
    pipeline::AssembledModel loaded = pipeline::assembleModel(source, assemble);
    tr::prepareModel(*loaded.model, c);
    tr::Trainer trainer(loaded.model, *loaded.tokenizer, c);
    trainer.setImageLoader(pipeline::trainingImageLoader(loaded.clip));
    tr::TrainControl control;
    double last_loss = 0, last_acc = 0;
    auto callback = [&](const tr::TrainProgress& p) {
        if (cancelled()) control.cancel.store(true);
        if (p.event != "step") return;
        last_loss = p.loss;
        last_acc = p.reward_accuracy;
        char line[160];
        if (stage == "dpo")
            std::snprintf(line, sizeof line, "loss %.4f  reward acc %.2f  margin %.3f  %.0f tok/s", p.loss,
                          p.reward_accuracy, p.margin, p.tokens_per_s);
        else
            std::snprintf(line, sizeof line, "loss %.4f  lr %.2g  %.0f tok/s", p.loss, p.lr, p.tokens_per_s);
        progress(p.step, p.total_steps, line);
    };
    tr::DataOptions data_options;
    data_options.image_folder = c.image_folder;
    tr::TrainResult r;
    std::size_t items = 0;
    if (stage == "sft") {
        const auto d = tr::loadInstructData(data, data_options);
        items = d.report.usable;
        r = trainer.trainSft(d, control, callback);
    } else {
        const auto d = tr::loadPreferenceData(data, data_options);
        items = d.report.usable;
        r = trainer.trainDpo(d, control, callback);
    }
    if (r.cancelled) throw Cancelled();
    model::SaveOptions so;
    so.tokenizer_model_path = loaded.tokenizer_path;
    model::saveModel(to, loaded.model, so);
    char summary[160];
    std::snprintf(summary, sizeof summary, "%lld steps over %zu items, last loss %.4f",
                  static_cast<long long>(r.steps), items, r.last_loss);
    json out = {{"summary", summary},
                {"steps", r.steps},
                {"items", items},
                {"last_loss", r.last_loss},
                {"resumed_from", r.resumed_from},
                {"config", tr::toJson(c)}};
    if (stage == "dpo") out["last_reward_accuracy"] = last_acc;
    (void)last_loss;
    return out;
}

json Demo::phaseStage1() {
    return train("sft", model("init"), path("world/stage1/instruct.json"), model("stage1"));
}

json Demo::phaseEvaluate(const char* stage) {
    auto session = open(model(stage));
    CancelToken local;
    json out = {{"benchmarks", json::object()}};
    std::string summary;
    for (const auto& b : kBenchmarks) {
        const eval::Benchmark bench = eval::readBenchmark(path(std::string("world/") + b.data),
                                                          eval::readOptionsFor(b.format, "en", false));
        pipeline::BenchmarkAnswererOptions mo;
        mo.images_dir = path(std::string("world/") + b.images);
        mo.max_batch = s_.eval_batch;
        mo.sampling.max_new_tokens = s_.eval_tokens;
        mo.cancel = o_.cancel ? o_.cancel : &local;
        pipeline::BenchmarkAnswerer answerer(session, mo);
        const std::string dir = path(std::string("eval/") + stage + "/" + b.name);
        fs::create_directories(dir);
        eval::RunOptions run;
        run.out_path = dir + "/predictions.jsonl";
        run.batch = s_.eval_batch;
        run.model_id = std::string("stllava-demo-") + stage;
        run.progress = [&](const Progress& p) {
            progress(p.done, p.total, b.name);
            return !cancelled();
        };
        eval::runBenchmark(bench, answerer.asFunction(), run);
        const auto preds = eval::readPredictions(run.out_path);
        eval::checkPairing(bench, preds, run.out_path);
        eval::EvalReport r = eval::scorePredictions(bench, preds);
        r.predictions_path = run.out_path;
        r.config["runner"] = answerer.describe();
        eval::writeReportFolder(r, dir + "/report");
        const double open = r.summary[metrics::Metric::OpenRecall],
                     closed = r.summary[metrics::Metric::ClosedAccuracy];
        out["benchmarks"][b.name] = {{"open_recall", open},
                                     {"closed_accuracy", closed},
                                     {"n_open", r.summary.n_open},
                                     {"n_closed", r.summary.n_closed},
                                     {"predictions", run.out_path}};
        char s[96];
        std::snprintf(s, sizeof s, "%s%s open %.1f closed %.1f", summary.empty() ? "" : "; ", b.name,
                      100 * open, 100 * closed);
        summary += s;
    }
    out["summary"] = summary;
    return out;
}

json Demo::phaseGenerate() {
    const std::string pool = path("world/pool");
    const json manifest = readJson(pool + "/manifest.json");
    const std::string folder =
        (fs::path(pool) / manifest.value("image_folder", std::string("images"))).string();
    pipeline::Stage2Options so;
    for (const auto& img : manifest.at("images"))
        so.images.push_back(fs::absolute(fs::path(folder) / img.at("image").get<std::string>()).string());
    if (s_.pool_images > 0 && so.images.size() > s_.pool_images) so.images.resize(s_.pool_images);
    so.job_dir = job();
    so.questions = s_.questions;
    so.seed = o_.seed;
    so.describe.max_new_tokens = s_.describe_tokens;
    so.question.max_new_tokens = s_.question_tokens;
    so.answer.max_new_tokens = s_.answer_tokens;
    so.images_per_batch = 4;
    so.max_batch = 16;
    so.cancel = o_.cancel;
    so.progress = [&](const Progress& p) {
        progress(p.done, p.total, "images");
        return !cancelled();
    };
    auto session = open(model("stage1"));
    const auto st = pipeline::runStage2Generation(*session, so);
    if (st.cancelled) throw Cancelled();
    const auto items = selftrain::readItems(job());
    return {{"summary", std::to_string(items.size()) + " items (question + two answers) from " +
                            std::to_string(so.images.size()) + " pool images"},
            {"items", items.size()},
            {"images", so.images.size()},
            {"skipped_images", st.skipped_images},
            {"generated_tokens_this_run", st.generated_tokens}};
}

json Demo::phaseJudge() {
    OracleJudgeOptions jo;
    jo.job_dir = job();
    jo.world_dir = world();
    jo.cancel = o_.cancel;
    if (o_.judge_noise) {
        jo.noise = *o_.judge_noise;
        if (jo.noise->seed == 0) jo.noise->seed = o_.seed;
    }
    jo.progress = [&](const Progress& p) {
        progress(p.done, p.total, "requests");
        return !cancelled();
    };
    const auto st = runOracleJudge(jo);
    if (st.cancelled) throw Cancelled();
    return {{"summary", std::to_string(st.judged + st.already_judged) + " judgements (both orders) of " +
                            std::to_string(st.items) + " items; " + std::to_string(st.unmapped) +
                            " questions the oracle could not map"},
            {"items", st.items},
            {"judged", st.judged},
            {"already_judged", st.already_judged},
            {"unmapped", st.unmapped}};
}

json Demo::phasePairs() {
    namespace st = selftrain;
    const auto items = st::readItems(job());
    const auto judgements = st::readJudgements(job());
    const auto decisions = st::decidePairs(items, judgements, st::PairOptions{});
    const std::size_t accepted = st::writeStllavaPairs(st::jobPath(job(), "pairs.stllava.json"), decisions);
    st::writeTrlPairs(st::jobPath(job(), "pairs.trl.jsonl"), decisions);
    st::writeReviewList(st::jobPath(job(), "pairs.review.jsonl"), decisions);
    const json report = {{"items", items.size()},
                         {"statuses", st::countStatuses(decisions)},
                         {"reasons", st::countReasons(decisions)},
                         {"bias", st::toJson(st::measureBias(decisions))},
                         {"judgements", st::toJson(st::totalJudgements(judgements))}};
    writeFileAtomic(st::jobPath(job(), "pairs.report.json"), report.dump(2) + "\n");
    json out = report;
    out["accepted"] = accepted;
    out["summary"] =
        std::to_string(accepted) + " pairs accepted of " + std::to_string(items.size()) + " items";
    return out;
}

json Demo::phaseDpo() {
    const std::string pairs = selftrain::jobPath(job(), "pairs.stllava.json");
    const json list = readJson(pairs);
    if (list.empty()) {
        // No preference signal: stage 2 is stage 1 (said in the record and the report).
        fs::remove_all(model("stage2"));
        fs::create_directories(model("stage2"));
        for (const auto& f : fs::directory_iterator(model("stage1")))
            fs::copy(f.path(), fs::path(model("stage2")) / f.path().filename());
        return {
            {"summary", "no accepted pairs: stage 2 = stage 1 (DPO not run)"}, {"steps", 0}, {"items", 0}};
    }
    return train("dpo", model("stage1"), pairs, model("stage2"));
}

json Demo::phaseReport() {
    std::vector<BenchmarkRun> runs;
    for (const auto& b : kBenchmarks)
        runs.push_back({b.name, path(std::string("world/") + b.data), b.format,
                        path(std::string("eval/stage1/") + b.name + "/predictions.jsonl"),
                        path(std::string("eval/stage2/") + b.name + "/predictions.jsonl")});
    result_.comparisons = compareStages(runs);
    json context = {{"scale", demoScaleName(s_.scale)}, {"seed", o_.seed}, {"phases", result_.phases}};
    result_.report_html = writeDemoReport(path("report"), result_.comparisons, context);
    return {{"summary", result_.report_html}, {"report", result_.report_html}};
}

DemoResult Demo::run() {
    const auto t0 = std::chrono::steady_clock::now();
    if (o_.threads > 0) at::set_num_threads(o_.threads);
    checkFolder();
    phase("world", [&] { return phaseWorld(); });
    phase("tokenizer", [&] { return phaseTokenizer(); });
    phase("init", [&] { return phaseInit(); });
    phase("stage1", [&] { return phaseStage1(); }, {"train/sft", "models/stllava-demo-stage1"});
    phase("eval-stage1", [&] { return phaseEvaluate("stage1"); }, {"eval/stage1"});
    phase("generate", [&] { return phaseGenerate(); }, {"selftrain"});
    phase("judge", [&] { return phaseJudge(); }, {"selftrain/judgements.jsonl"});
    phase("pairs", [&] { return phasePairs(); });
    phase("dpo", [&] { return phaseDpo(); }, {"train/dpo", "models/stllava-demo-stage2"});
    phase("eval-stage2", [&] { return phaseEvaluate("stage2"); }, {"eval/stage2"});
    // The report is always rewritten from the predictions (cheap), so it shows every phase's record.
    ran_ = true;
    phase("report", [&] { return phaseReport(); });
    result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return result_;
}

}  // namespace

const std::vector<std::string>& demoPhases() {
    static const std::vector<std::string> names = {"world",       "tokenizer",   "init",  "stage1",
                                                   "eval-stage1", "generate",    "judge", "pairs",
                                                   "dpo",         "eval-stage2", "report"};
    return names;
}

DemoResult runDemo(const DemoRunOptions& options) {
    return Demo(options).run();
}

}  // namespace stllava::demo
