// `stllava demo judge-data --demo DIR [--job JOB] [--out DIR/judge] [--holdout-share 0.25] [--steps N]
//                           [--rule FILE]`:
// the learned judge's training data from a finished demo (core/demo/judge_dataset.h): the SFT file
// (each item in both answer orders, the judge client's exact request text as the user turn, the
// oracle's scores and a short rationale as the answer), the trained-on and held-out items as two
// unjudged jobs, and a `stllava train sft` config that fine-tunes the demo's stage-1 model on it
// (full training, into DIR/train/judge; from a copy with a longer context when the judge's prompt
// does not fit the stage-1 model's). Prints what
// it wrote and the commands that follow (scripts/demo-judge-run.sh runs them; docs/demo.md).
#include "cmd_demo.h"
#include "exit_codes.h"

#include "common/atomic_file.h"
#include "common/input_error.h"
#include "demo/judge_dataset.h"
#include "model/model_config.h"
#include "prompt/conversation.h"
#include "prompt/tokenize.h"
#include "selftrain/jsonl.h"
#include "selftrain/judge_protocol.h"
#include "tokenizer/tokenizer.h"
#include "training/train_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace stllava {
namespace {
namespace fs = std::filesystem;
using json = nlohmann::json;

struct JudgeDataCliOptions {
    std::string demo, job, out, rule_file;
    double holdout_share = 0.25;
    // Training steps; 0: by the demo's scale, about 5 min on one thread of the project's busy
    // 2-core machine (docs/demo.md, "A learned judge").
    std::int64_t steps = 0;
    std::int64_t batch = 8;
    double lr = 1e-3;
};

json readDemoJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw BadInput(path + ": cannot be read (is --demo a folder made by `stllava demo run`?)");
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw BadInput(path + ": not valid JSON (" + e.what() + ")");
    }
}

// The longest record in tokens, as training counts them (template, image tokens, the answer's </s>).
std::int64_t longestRecord(const std::string& sft_path, const std::string& tokenizer_path,
                           const std::string& template_name, std::int64_t image_tokens) {
    const Tokenizer tok = Tokenizer::load(tokenizer_path);
    const prompt::Template& tmpl = prompt::getTemplate(template_name);
    std::ifstream in(sft_path);
    const json records = json::parse(in);
    std::int64_t longest = 0;
    for (const auto& r : records) {
        const auto& turns = r.at("conversations");
        const prompt::Conversation conv = {{prompt::Role::User, turns.at(0).at("value").get<std::string>()},
                                           {prompt::Role::Assistant, turns.at(1).at("value").get<std::string>()}};
        const auto t = prompt::tokenizeSegments(tok, prompt::renderTraining(tmpl, conv));
        const auto n = static_cast<std::int64_t>(t.ids.size()) +
                       static_cast<std::int64_t>(t.image_positions.size()) * (image_tokens - 1);
        longest = std::max(longest, n);
    }
    return longest;
}

// The context the judge needs: the model's, or the next power of two holding the longest record and
// the reply length the judge client asks by default (`stllava serve` refuses a request whose prompt
// and max_tokens exceed the context).
std::int64_t contextFor(std::int64_t longest, std::int64_t model_context) {
    const std::int64_t reply = selftrain::JudgeRequestSpec{}.max_tokens;
    std::int64_t c = std::max<std::int64_t>(model_context, 1);
    while (c < longest + reply) c *= 2;
    return c;
}

// A copy of a model folder whose config.json allows `context` positions; returns its path.
std::string writeLongerContextCopy(const std::string& from, const std::string& to, std::int64_t context) {
    fs::create_directories(to);
    json config = readDemoJson((fs::path(from) / "config.json").string());
    json& text = config.contains("text_config") && config["text_config"].is_object() ? config["text_config"] : config;
    text["max_position_embeddings"] = context;
    for (const auto& f : fs::directory_iterator(from)) {
        if (!f.is_regular_file() || f.path().filename() == "config.json") continue;
        const fs::path target = fs::path(to) / f.path().filename();
        const fs::path part = target.string() + ".part";
        fs::copy_file(f.path(), part, fs::copy_options::overwrite_existing);
        fs::rename(part, target);
    }
    writeFileAtomic((fs::path(to) / "config.json").string(), config.dump(2) + "\n");
    return to;
}

// The default step budget per demo scale: default 150 (2.2 epochs of ~650-token records, 280 s
// measured), small 60 (4.4 epochs of ~1,000-token records, about 5 min), tiny (CI) 4.
std::int64_t defaultSteps(const std::string& scale) {
    if (scale == "tiny") return 4;
    if (scale == "small") return 60;
    return 150;
}

int runJudgeData(const JudgeDataCliOptions& o) {
    const fs::path dir = o.demo;
    const json info = readDemoJson((dir / "demo.json").string());
    if (info.value("format", std::string()) != "stllava-demo")
        throw BadInput((dir / "demo.json").string() + ": not a demo folder's record (format is not stllava-demo)");
    const std::string stage1 = (dir / "models/stllava-demo-stage1").string();
    const std::string job = o.job.empty() ? (dir / "selftrain").string() : o.job;
    const std::string out = o.out.empty() ? (dir / "judge").string() : o.out;
    if (!fs::exists(fs::path(stage1) / "config.json"))
        throw BadInput(stage1 + ": no stage-1 model (run `stllava demo run --out " + o.demo + "` to the end first)");

    demo::JudgeDatasetOptions jo;
    jo.job_dir = job;
    jo.world_dir = (dir / "world").string();
    jo.out_dir = out;
    jo.holdout_share = o.holdout_share;
    jo.seed = info.value("seed", std::uint64_t{1});
    if (!o.rule_file.empty()) {
        try {
            jo.rule = selftrain::readJudgeRule(o.rule_file);
        } catch (const selftrain::RecordError& e) {
            throw BadInput(e.what());
        }
    }
    demo::JudgeDatasetSummary s;
    try {
        s = demo::writeJudgeDataset(jo);
    } catch (const selftrain::RecordError& e) {
        throw BadInput(e.what());
    } catch (const std::invalid_argument& e) {
        throw BadInput(e.what());
    } catch (const std::runtime_error& e) {
        throw BadInput(std::string("judge data from ") + job + ": " + e.what());
    }
    if (s.records == 0) throw BadInput(job + ": no item with two answers to learn from");

    const model::LlavaConfig mc = model::readConfig(stage1);
    const std::string template_name = mc.conv_mode.empty() ? "v1_sq" : mc.conv_mode;
    const std::int64_t longest =
        longestRecord(s.sft_path, (fs::path(stage1) / "tokenizer.model").string(), template_name, mc.imageTokens());
    // The judge's prompt (the rule alone is a few hundred pieces of the demo's small vocabulary) may
    // not fit the demo model's context; its decoder's positions are rotary (nothing learned per
    // position), so the judge starts from a copy of stage 1 with a longer context.
    const std::int64_t context = contextFor(longest, mc.text.max_position_embeddings);
    const std::string base = context == mc.text.max_position_embeddings
                                 ? stage1
                                 : writeLongerContextCopy(stage1, (fs::path(out) / "base-model").string(), context);

    namespace tr = training;
    tr::TrainConfig c = tr::presetSft();
    c.model_path = fs::absolute(base).lexically_normal().string();
    c.data_path = fs::absolute(s.sft_path).lexically_normal().string();
    c.output_dir = fs::absolute(dir / "train/judge").lexically_normal().string();
    c.template_name = template_name;
    c.sq_r = 0.0;  // one question per conversation: nothing to turn into a VUSER turn
    c.max_length = context;
    c.decoder = "full";
    c.vision = "full";
    c.train_projector = true;
    c.batch_size = o.batch;
    c.grad_accum = 1;
    c.epochs = 1000;  // the step budget decides
    c.max_steps = o.steps > 0 ? o.steps : defaultSteps(info.value("scale", std::string("default")));
    c.lr = {o.lr, o.lr, o.lr, o.lr};
    c.warmup_ratio = 0.05;
    c.bf16 = false;
    c.seed = jo.seed;
    c.save_steps = 0;
    c.keep_last = 1;
    c.resume = true;
    const std::string config_path = (fs::path(out) / "train-config.json").string();
    writeFileAtomic(config_path, tr::toJson(c).dump(2) + "\n");

    std::printf("learned-judge data from %s (%zu items, %zu images)\n", job.c_str(), s.items, s.images);
    std::printf("  trained on: %zu items of %zu images -> %zu records (both orders) in %s\n", s.train_items,
                s.train_images, s.records, s.sft_path.c_str());
    std::printf("  records: %zu tied scores, %zu on questions the oracle could not map; longest %lld tokens\n",
                s.ties, s.unmapped, static_cast<long long>(longest));
    if (base != stage1)
        std::printf("  base model: %s (stage 1, context %lld -> %lld)\n", base.c_str(),
                    static_cast<long long>(mc.text.max_position_embeddings), static_cast<long long>(context));
    std::printf("  unjudged jobs: %s (%zu items)", s.train_job.c_str(), s.train_items);
    if (!s.heldout_job.empty())
        std::printf(", %s (%zu held-out items of %zu images)", s.heldout_job.c_str(), s.heldout_items,
                    s.heldout_images);
    std::printf("\n");
    if (s.not_two_answers) std::printf("  %zu items without two answers left out\n", s.not_two_answers);
    std::printf("  training config: %s (%lld steps of %lld from the stage-1 model)\n", config_path.c_str(),
                static_cast<long long>(c.max_steps), static_cast<long long>(c.batch_size));
    std::printf("next: stllava train sft --config %s   (the model: %s/model)\n", config_path.c_str(),
                c.output_dir.c_str());
    return exit_code::kOk;
}

CommandRun addDemoJudgeData(CLI::App& demo) {
    auto o = std::make_shared<JudgeDataCliOptions>();
    CLI::App* c = demo.add_subcommand(
        "judge-data",
        "Training data for a learned judge: the oracle's verdicts on the demo's stage-2 items in the judge "
        "protocol, both answer orders, a held-out share of images, and a `train sft` config (docs/demo.md)");
    c->add_option("--demo", o->demo, "A demo folder finished by `stllava demo run`")
        ->required()
        ->check(CLI::ExistingDirectory);
    c->add_option("--job", o->job, "The stage-2 job to learn from (default: DEMO/selftrain)")
        ->check(CLI::ExistingDirectory);
    c->add_option("--out", o->out, "Output folder (default: DEMO/judge)");
    c->add_option("--holdout-share", o->holdout_share,
                  "Share of the job's images whose items are not trained on (judged apart)")
        ->check(CLI::Range(0.0, 0.95))
        ->capture_default_str();
    c->add_option("--steps", o->steps,
                  "Training steps in the written config (default: by the demo's scale, about 5 minutes)")
        ->check(CLI::Range(1, 100000));
    c->add_option("--batch", o->batch, "Training batch size in the written config")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    c->add_option("--lr", o->lr, "Learning rate in the written config")
        ->check(CLI::Range(1e-7, 1.0))
        ->capture_default_str();
    c->add_option("--rule", o->rule_file,
                  "The judging rule the judge will be sent (as `selftrain judge --rule`; default: ours)")
        ->check(CLI::ExistingFile);
    auto chosen = std::make_shared<bool>(false);
    c->callback([chosen] { *chosen = true; });
    return [o, chosen]() { return *chosen ? runJudgeData(*o) : exit_code::kUsage; };
}

const bool registered = registerDemoPart({"judge-data", 30, &addDemoJudgeData});

}  // namespace
}  // namespace stllava
