#include "reports/report_export.h"

#include "evaluation/html_util.h"
#include "evaluation/report_csv.h"
#include "reports/comparison_view.h"

#include <QCoreApplication>

namespace stllava::ui {

namespace {

std::string text(const QString& s) { return s.toStdString(); }

std::string number(bool has, double v) { return has ? eval::html::fixed(v, 2) : std::string(); }

}  // namespace

std::string summaryToCsv(const QList<LoadedReport>& reports) {
    using eval::csvField;
    std::string out = "benchmark,run,type,questions,metric,value_percent,ci95_low,ci95_high,report\n";
    for (const SummaryRow& r : summaryRows(reports)) {
        out += csvField(text(r.benchmark)) + ',' + csvField(text(r.run)) + ',' + r.type.toStdString() + ',' +
               std::to_string(r.figure.n) + ',' + csvField(metrics::metricKey(r.metric)) + ',' +
               number(r.figure.has_value, r.figure.value) + ',' + number(r.figure.has_interval, r.figure.lo) + ',' +
               number(r.figure.has_interval, r.figure.hi) + ',' + csvField(reports[r.report]->path) + '\n';
    }
    return out;
}

std::string summaryToHtml(const QList<LoadedReport>& reports, const QList<PublishedFigure>& published) {
    namespace html = eval::html;
    const QList<SummaryRow> rows = summaryRows(reports);
    std::string out = html::pageStart(text(QCoreApplication::translate("stllava::ui::ReportExport", "Benchmark reports")));
    out += "<h1>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Benchmark reports"))) + "</h1>\n";
    out += "<h2>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Our runs"))) + "</h2>\n<table>\n<tr><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Benchmark"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Run"))) + "</th><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Type"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Questions"))) + "</th><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Metric"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Value (%)"))) + "</th><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "95% interval"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Report"))) + "</th></tr>\n";
    std::vector<html::Bar> bars;
    for (const SummaryRow& r : rows) {
        out += "<tr><td>" + html::escape(text(benchmarkTitle(r.benchmark))) + "</td><td>" + html::escape(text(r.run)) +
               "</td><td>" + html::escape(text(typeTitle(r.type))) + "</td><td>" + std::to_string(r.figure.n) +
               "</td><td>" + html::escape(r.figure.label) + "</td><td>" + html::escape(text(percentText(r.figure))) +
               "</td><td>" + html::escape(text(intervalText(r.figure))) + "</td><td>" +
               html::escape(reports[r.report]->path) + "</td></tr>\n";
        html::Bar bar;
        bar.label = text(QStringLiteral("%1 %2 · %3").arg(benchmarkTitle(r.benchmark), r.type, r.run));
        bar.value = r.figure.has_value ? r.figure.value : 0;
        if (r.figure.has_interval) {
            bar.lo = r.figure.lo;
            bar.hi = r.figure.hi;
        }
        bars.push_back(bar);
    }
    out += "</table>\n" + html::barChart(bars, text(QCoreApplication::translate("stllava::ui::ReportExport", "Headline metrics (%), 95% intervals")));
    out += "<h2>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Published figures (not ours)"))) + "</h2>\n<p>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "As their sources printed them; each with its setting and the scoring behind it."))) +
           "</p>\n<table>\n<tr><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Benchmark"))) + "</th><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Type"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Model"))) + "</th><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Value (%)"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Setting"))) + "</th><th>" +
           html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Scoring"))) + "</th><th>" + html::escape(text(QCoreApplication::translate("stllava::ui::ReportExport", "Source"))) + "</th></tr>\n";
    for (const PublishedFigure& f : published)
        out += "<tr><td>" + html::escape(text(benchmarkTitle(f.benchmark))) + "</td><td>" +
               html::escape(text(typeTitle(f.type))) + "</td><td>" + html::escape(text(f.model)) + "</td><td>" +
               html::fixed(f.value, 2) + "</td><td>" + html::escape(text(f.setting)) + "</td><td>" +
               html::escape(text(f.scoring)) + "</td><td>" + html::escape(text(f.source)) + "</td></tr>\n";
    out += "</table>\n" + html::pageEnd();
    return out;
}

std::string changedQuestionsToCsv(const eval::Comparison& c) {
    using eval::csvField;
    std::string out = "id,type,hit_changed,score_a,score_b,question,reference,prediction_a,prediction_b\n";
    for (const eval::ChangedQuestion& q : ComparisonView::orderedChanges(c))
        out += csvField(q.id) + ',' + csvField(q.type) + ',' + (ComparisonView::hitChanged(q) ? "yes" : "no") + ',' +
               eval::html::fixed(q.score_a, 4) + ',' + eval::html::fixed(q.score_b, 4) + ',' + csvField(q.question) +
               ',' + csvField(q.reference) + ',' + csvField(q.prediction_a) + ',' + csvField(q.prediction_b) + '\n';
    return out;
}

}  // namespace stllava::ui
