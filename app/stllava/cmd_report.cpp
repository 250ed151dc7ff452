// `stllava report compare A.json B.json`: two scored runs of the same benchmark side by side, with
// per-question differences, McNemar on CLOSED hits and paired intervals for OPEN recall / F1.
#include "command_registry.h"
#include "exit_codes.h"

#include "common/atomic_file.h"
#include "evaluation/compare.h"
#include "evaluation/report_json.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace {

struct CompareOptions {
    std::string a, b, html, json_out;
    int resamples = 1000;
    std::uint64_t seed = 20240611;
};

int runCompare(const CompareOptions& o) {
    namespace ev = stllava::eval;
    using stllava::metrics::Metric;
    try {
        const ev::EvalReport a = ev::readReportJson(o.a);
        const ev::EvalReport b = ev::readReportJson(o.b);
        stllava::metrics::BootstrapOptions bo;
        bo.resamples = o.resamples;
        bo.seed = o.seed;
        const ev::Comparison c = ev::compareReports(a, b, o.a, o.b, bo);
        for (const auto& w : c.warnings) std::cerr << "warning: " << w << "\n";
        std::printf("A: %s\nB: %s\n%-46s %8s %8s %8s\n", o.a.c_str(), o.b.c_str(), "metric (%)", "A", "B", "B-A");
        for (Metric m : stllava::metrics::kAllMetrics) {
            const auto k = static_cast<std::size_t>(m);
            std::printf("%-46s %8.2f %8.2f %+8.2f\n", stllava::metrics::metricLabel(m), 100 * c.a.value[k],
                        100 * c.b.value[k], 100 * (c.b.value[k] - c.a.value[k]));
        }
        std::printf("McNemar closed (LLaVA-Med rule): only A %zu, only B %zu, p exact %.4g, mid-p %.4g\n", c.closed.only_a,
                    c.closed.only_b, c.closed.p_exact, c.closed.p_mid);
        std::printf("McNemar closed (strict): only A %zu, only B %zu, p exact %.4g, mid-p %.4g\n", c.closed_strict.only_a,
                    c.closed_strict.only_b, c.closed_strict.p_exact, c.closed_strict.p_mid);
        std::printf("Open recall B-A %+.2f (95%% CI %+.2f .. %+.2f), B better %zu, worse %zu, sign test p %.4g\n",
                    100 * c.open_recall.mean_diff, 100 * c.open_recall.diff_ci.lo, 100 * c.open_recall.diff_ci.hi,
                    c.open_recall.n_better, c.open_recall.n_worse, c.open_recall.sign_test_p);
        std::printf("%zu question(s) changed score\n", c.changed.size());
        if (!o.html.empty()) stllava::writeFileAtomic(o.html, ev::comparisonToHtml(c));
        if (!o.json_out.empty()) stllava::writeFileAtomic(o.json_out, ev::comparisonToJson(c).dump(2) + "\n");
    } catch (const ev::InputError& e) {
        throw stllava::BadInput(e.what());
    }
    return stllava::exit_code::kOk;
}

stllava::CommandRun addReport(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand("report", "Evaluation reports: compare two scored runs");
    cmd->require_subcommand(1);
    auto o = std::make_shared<CompareOptions>();
    CLI::App* compare = cmd->add_subcommand("compare", "Compare two report.json files of the same benchmark");
    compare->add_option("a", o->a, "Report A (report.json from `stllava eval score --report-dir`)")->required();
    compare->add_option("b", o->b, "Report B")->required();
    compare->add_option("--html", o->html, "Write a self-contained HTML comparison here");
    compare->add_option("--json", o->json_out, "Write the comparison as JSON here");
    compare->add_option("--bootstrap", o->resamples, "Bootstrap resamples for paired intervals")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    compare->add_option("--seed", o->seed, "Bootstrap seed")->capture_default_str();
    return [=]() -> int {
        if (compare->parsed()) return runCompare(*o);
        return stllava::exit_code::kUsage;
    };
}

const bool registered = stllava::registerCommand({"report", 45, &addReport});

}  // namespace
