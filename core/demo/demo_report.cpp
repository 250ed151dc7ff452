#include "demo/demo_report.h"

#include "common/atomic_file.h"
#include "evaluation/benchmark.h"
#include "evaluation/eval_report.h"
#include "evaluation/html_util.h"
#include "evaluation/predictions.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace stllava::demo {
namespace {

using metrics::Metric;

eval::EvalReport scored(const BenchmarkRun& r, const eval::Benchmark& bench, const std::string& predictions) {
    const auto preds = eval::readPredictions(predictions);
    eval::checkPairing(bench, preds, predictions);
    eval::EvalReport report = eval::scorePredictions(bench, preds);
    report.predictions_path = predictions;
    report.dataset_path = r.benchmark;
    return report;
}

std::string pct(double v) {
    return eval::html::fixed(100.0 * v, 1);
}
std::string interval(const metrics::Interval& i) {
    return "[" + pct(i.lo) + ", " + pct(i.hi) + "]";
}

}  // namespace

std::vector<BenchmarkComparison> compareStages(const std::vector<BenchmarkRun>& runs) {
    std::vector<BenchmarkComparison> rows;
    for (const auto& r : runs) {
        const eval::Benchmark bench =
            eval::readBenchmark(r.benchmark, eval::readOptionsFor(r.format, "en", false));
        const eval::EvalReport a = scored(r, bench, r.predictions1);
        const eval::EvalReport b = scored(r, bench, r.predictions2);
        rows.push_back({r.name, eval::compareReports(a, b, r.predictions1, r.predictions2)});
    }
    return rows;
}

std::string comparisonTable(const std::vector<BenchmarkComparison>& rows) {
    std::ostringstream t;
    char line[512];
    std::snprintf(line, sizeof line, "%-9s %-6s %-24s %-24s %-30s\n", "benchmark", "metric",
                  "stage 1 [95% CI]", "stage 2 [95% CI]", "stage 2 - stage 1 (test)");
    t << line;
    for (const auto& row : rows) {
        const eval::Comparison& c = row.comparison;
        const auto open = static_cast<std::size_t>(Metric::OpenRecall);
        const auto closed = static_cast<std::size_t>(Metric::ClosedAccuracy);
        const std::string o1 = pct(c.a[Metric::OpenRecall]) + " " + interval(c.ci_a[open]);
        const std::string o2 = pct(c.b[Metric::OpenRecall]) + " " + interval(c.ci_b[open]);
        const std::string od = pct(c.open_recall.mean_diff) + " " + interval(c.open_recall.diff_ci) +
                               " sign p=" + eval::html::fixed(c.open_recall.sign_test_p, 3);
        std::snprintf(line, sizeof line, "%-9s %-6s %-24s %-24s %-30s  (n=%zu)\n", row.name.c_str(), "open",
                      o1.c_str(), o2.c_str(), od.c_str(), c.a.n_open);
        t << line;
        const std::string c1 = pct(c.a[Metric::ClosedAccuracy]) + " " + interval(c.ci_a[closed]);
        const std::string c2 = pct(c.b[Metric::ClosedAccuracy]) + " " + interval(c.ci_b[closed]);
        const std::string cd = pct(c.b[Metric::ClosedAccuracy] - c.a[Metric::ClosedAccuracy]) +
                               " McNemar p=" + eval::html::fixed(c.closed.p_exact, 3) + " (" +
                               std::to_string(c.closed.only_a) + " lost, " + std::to_string(c.closed.only_b) +
                               " won)";
        std::snprintf(line, sizeof line, "%-9s %-6s %-24s %-24s %-30s  (n=%zu)\n", "", "closed", c1.c_str(),
                      c2.c_str(), cd.c_str(), c.a.n_closed);
        t << line;
    }
    t << "open = OPEN recall, closed = CLOSED accuracy (LLaVA-Med scoring), in %; CIs: bootstrap "
         "percentile.\n";
    return t.str();
}

std::string writeDemoReport(const std::string& dir, const std::vector<BenchmarkComparison>& rows,
                            const nlohmann::json& context) {
    namespace h = eval::html;
    std::filesystem::create_directories(dir);
    nlohmann::json all = {{"format", "stllava-demo-report"}, {"version", 1}, {"context", context}};
    std::ostringstream page;
    page << h::pageStart("STLLaVA-Med demo: stage 1 vs stage 2");
    page << "<h1>STLLaVA-Med demo: stage 1 (SFT) vs stage 2 (self-training + DPO)</h1>\n";
    page << "<p>Synthetic world, LLaVA-Med scoring (OPEN recall, CLOSED accuracy), 95% bootstrap intervals. "
            "Settings and timings at the end.</p>\n";
    page << "<table><tr><th>benchmark</th><th>metric</th><th>n</th><th>stage 1</th><th>stage 2</th>"
            "<th>difference</th><th>test</th></tr>\n";
    std::vector<h::Bar> bars;
    for (const auto& row : rows) {
        const eval::Comparison& c = row.comparison;
        const auto open = static_cast<std::size_t>(Metric::OpenRecall);
        const auto closed = static_cast<std::size_t>(Metric::ClosedAccuracy);
        page << "<tr><td>" << h::escape(row.name) << "</td><td>OPEN recall</td><td>" << c.a.n_open
             << "</td><td>" << pct(c.a[Metric::OpenRecall]) << " " << interval(c.ci_a[open]) << "</td><td>"
             << pct(c.b[Metric::OpenRecall]) << " " << interval(c.ci_b[open]) << "</td><td>"
             << pct(c.open_recall.mean_diff) << " " << interval(c.open_recall.diff_ci)
             << "</td><td>sign test p = " << h::fixed(c.open_recall.sign_test_p, 3) << "</td></tr>\n";
        page << "<tr><td></td><td>CLOSED accuracy</td><td>" << c.a.n_closed << "</td><td>"
             << pct(c.a[Metric::ClosedAccuracy]) << " " << interval(c.ci_a[closed]) << "</td><td>"
             << pct(c.b[Metric::ClosedAccuracy]) << " " << interval(c.ci_b[closed]) << "</td><td>"
             << pct(c.b[Metric::ClosedAccuracy] - c.a[Metric::ClosedAccuracy])
             << "</td><td>McNemar p = " << h::fixed(c.closed.p_exact, 3) << " (" << c.closed.only_a
             << " lost, " << c.closed.only_b << " won)</td></tr>\n";
        bars.push_back({row.name + " open, stage 1", 100 * c.a[Metric::OpenRecall], 100 * c.ci_a[open].lo,
                        100 * c.ci_a[open].hi, "#8a8a8a"});
        bars.push_back({row.name + " open, stage 2", 100 * c.b[Metric::OpenRecall], 100 * c.ci_b[open].lo,
                        100 * c.ci_b[open].hi, "#3b6ea5"});
        bars.push_back({row.name + " closed, stage 1", 100 * c.a[Metric::ClosedAccuracy],
                        100 * c.ci_a[closed].lo, 100 * c.ci_a[closed].hi, "#8a8a8a"});
        bars.push_back({row.name + " closed, stage 2", 100 * c.b[Metric::ClosedAccuracy],
                        100 * c.ci_b[closed].lo, 100 * c.ci_b[closed].hi, "#3b6ea5"});
        all["benchmarks"][row.name] = nlohmann::json::parse(eval::comparisonToJson(c).dump());
    }
    page << "</table>\n" << h::barChart(bars, "Scores with 95% intervals (grey: stage 1, blue: stage 2)");
    for (const auto& row : rows) {
        const std::string name = "compare-" + row.name + ".html";
        writeFileAtomic((std::filesystem::path(dir) / name).string(), eval::comparisonToHtml(row.comparison));
        page << "<p><a href=\"" << h::escape(name) << "\">" << h::escape(row.name)
             << ": every changed answer, per-question tests</a></p>\n";
    }
    page << "<h2>Settings and timings</h2>\n<pre>" << h::escape(context.dump(2)) << "</pre>\n"
         << h::pageEnd();
    const std::string index = (std::filesystem::path(dir) / "index.html").string();
    writeFileAtomic((std::filesystem::path(dir) / "comparison.json").string(), all.dump(2) + "\n");
    writeFileAtomic(index, page.str());
    return index;
}

}  // namespace stllava::demo
