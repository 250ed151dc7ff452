// `stllava selftrain pairs --job JOB`: preference pairs from a judged job. Writes, in the job
// folder (or --out-dir): pairs.stllava.json (STLLaVA format), pairs.trl.jsonl (TRL format), both
// with the judge's evidence; pairs.review.jsonl (ties, order flips, small margins, unparseable
// replies: for human review, with their status); pairs.report.json (counts, order-flip rate,
// position and length bias). `stllava train dpo` reads either pairs file.
#include "cmd_selftrain.h"
#include "exit_codes.h"

#include "common/atomic_file.h"
#include "selftrain/jsonl.h"
#include "selftrain/pair_stats.h"
#include "selftrain/pair_writers.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace {

namespace st = stllava::selftrain;

struct PairsOptions {
    std::string job, out_dir, format = "both";
    st::PairOptions pair;
};

int runPairs(const PairsOptions& o) {
    const std::string out_dir = o.out_dir.empty() ? o.job : o.out_dir;
    std::vector<st::GeneratedItem> items;
    std::vector<st::Judgement> judgements;
    try {
        st::readJobInfo(o.job);
        items = st::readItems(o.job);
        judgements = st::readJudgements(o.job);
    } catch (const st::RecordError& e) {
        throw stllava::BadInput(e.what());
    }
    std::filesystem::create_directories(out_dir);
    const auto decisions = st::decidePairs(items, judgements, o.pair);
    const auto path = [&](const char* name) { return (std::filesystem::path(out_dir) / name).string(); };
    nlohmann::json written = nlohmann::json::object();
    if (o.format == "stllava" || o.format == "both")
        written["pairs.stllava.json"] = st::writeStllavaPairs(path("pairs.stllava.json"), decisions);
    if (o.format == "trl" || o.format == "both")
        written["pairs.trl.jsonl"] = st::writeTrlPairs(path("pairs.trl.jsonl"), decisions);
    written["pairs.review.jsonl"] = st::writeReviewList(path("pairs.review.jsonl"), decisions);

    const auto statuses = st::countStatuses(decisions);
    const auto reasons = st::countReasons(decisions);
    const st::BiasFigures bias = st::measureBias(decisions);
    const st::JudgementTotals totals = st::totalJudgements(judgements);
    const nlohmann::json report = {{"job", o.job},
                                   {"options",
                                    {{"min_margin", o.pair.min_margin},
                                     {"both_wrong_floor", o.pair.both_wrong_floor},
                                     {"allow_single_order", o.pair.allow_single_order}}},
                                   {"items", items.size()},
                                   {"statuses", statuses},
                                   {"reasons", reasons},
                                   {"files", written},
                                   {"judgements", st::toJson(totals)},
                                   {"bias", st::toJson(bias)},
                                   {"written", st::isoTimeNow()}};
    stllava::writeFileAtomic(path("pairs.report.json"), report.dump(2) + "\n");

    std::printf("%zu items: %lld auto-accepted, %lld need review, %lld rejected, %lld not judged yet\n",
                items.size(), statuses.at("auto_accepted"), statuses.at("needs_review"),
                statuses.at("rejected"), statuses.at("incomplete"));
    for (const auto& [why, n] : reasons) std::printf("  %-22s %lld\n", why.c_str(), n);
    std::printf("judgements: %lld (%lld ok, %lld unparseable, %lld failed), cost $%.4f\n", totals.requests,
                totals.ok, totals.unparseable, totals.failed, totals.cost_usd);
    if (bias.both_orders > 0)
        std::printf(
            "order flips: %lld of %lld items judged in both orders (%.1f%%); first-shown answer won %.1f%% "
            "of "
            "decisive judgements\n",
            bias.order_flips, bias.both_orders, 100.0 * bias.order_flip_rate,
            100.0 * bias.first_shown_win_rate);
    if (bias.accepted > 0)
        std::printf(
            "length: the chosen answer is the longer one in %.1f%% of accepted pairs (r = %.2f over %lld "
            "items)\n",
            100.0 * bias.chosen_longer_rate, bias.length_score_correlation, bias.correlation_n);
    for (const auto& [file, n] : written.items())
        std::printf("wrote %s (%lld)\n", path(file.c_str()).c_str(), n.get<long long>());
    return stllava::exit_code::kOk;
}

stllava::CommandRun addPairs(CLI::App& selftrain) {
    auto o = std::make_shared<PairsOptions>();
    CLI::App* cmd =
        selftrain.add_subcommand("pairs", "Preference pairs (STLLaVA and TRL formats) from a judged job");
    cmd->add_option("--job", o->job, "The job folder")->required()->check(CLI::ExistingDirectory);
    cmd->add_option("--out-dir", o->out_dir, "Where to write the pairs (default: the job folder)");
    cmd->add_option("--format", o->format, "stllava, trl or both")
        ->check(CLI::IsMember({"stllava", "trl", "both"}))
        ->capture_default_str();
    cmd->add_option("--min-margin", o->pair.min_margin, "Averaged score difference needed to accept a pair")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--floor", o->pair.both_wrong_floor,
                    "Both averaged scores below it: 'both wrong', sent to review")
        ->capture_default_str();
    cmd->add_flag("--allow-single-order", o->pair.allow_single_order,
                  "Accept items judged in one answer order only (jobs judged with --single-order)");
    return [o] { return runPairs(*o); };
}

const bool registered = stllava::registerSelftrainPart({"pairs", 30, &addPairs});

}  // namespace
