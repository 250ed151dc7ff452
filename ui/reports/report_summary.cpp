#include "reports/report_summary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>

namespace stllava::ui {

QString runLabel(const eval::ReportFile& f) {
    if (!f.report.model_id.empty()) return QString::fromStdString(f.report.model_id);
    if (!f.report.predictions_path.empty())
        return QFileInfo(QString::fromStdString(f.report.predictions_path)).completeBaseName();
    return QFileInfo(QString::fromStdString(f.path)).dir().dirName();
}

QString benchmarkTitle(const QString& b) {
    if (b == QLatin1String("vqa-rad")) return QStringLiteral("VQA-RAD");
    if (b == QLatin1String("slake")) return QStringLiteral("SLAKE");
    if (b == QLatin1String("pathvqa")) return QStringLiteral("PathVQA");
    return b;
}

QString typeTitle(const QString& type) { return type == QLatin1String("open") ? QCoreApplication::translate("stllava::ui::ReportSummary", "Open") : QCoreApplication::translate("stllava::ui::ReportSummary", "Closed"); }

QString percentText(const eval::CarriedFigure& f) {
    return f.has_value ? QString::number(f.value, 'f', 2) : QCoreApplication::translate("stllava::ui::ReportSummary", "n/a");
}

QString intervalText(const eval::CarriedFigure& f) {
    if (!f.has_interval) return QString();
    return QStringLiteral("[%1, %2]").arg(QString::number(f.lo, 'f', 2), QString::number(f.hi, 'f', 2));
}

QString reportTitle(const eval::ReportFile& f) {
    return QStringLiteral("%1 · %2").arg(runLabel(f), benchmarkTitle(QString::fromStdString(f.benchmark)));
}

QList<SummaryRow> summaryRows(const QList<LoadedReport>& reports) {
    QList<SummaryRow> rows;
    for (int i = 0; i < reports.size(); ++i) {
        const eval::ReportFile& f = *reports[i];
        const auto add = [&](const char* type, metrics::Metric headline, metrics::Metric secondary, std::size_t n) {
            if (n == 0) return;
            SummaryRow r;
            r.report = i;
            r.benchmark = QString::fromStdString(f.benchmark);
            r.run = runLabel(f);
            r.type = QLatin1String(type);
            r.metric = headline;
            r.figure = f.figure(headline);
            r.secondaryMetric = secondary;
            r.secondary = f.figure(secondary);
            rows.append(r);
        };
        add("open", metrics::Metric::OpenRecall, metrics::Metric::OpenF1, f.report.summary.n_open);
        add("closed", metrics::Metric::ClosedAccuracy, metrics::Metric::ClosedAccuracyStrict, f.report.summary.n_closed);
    }
    QStringList order;  // benchmarks in the order they were first opened
    for (const SummaryRow& r : rows)
        if (!order.contains(r.benchmark)) order.append(r.benchmark);
    std::stable_sort(rows.begin(), rows.end(), [&order](const SummaryRow& a, const SummaryRow& b) {
        return order.indexOf(a.benchmark) < order.indexOf(b.benchmark);
    });
    return rows;
}

}  // namespace stllava::ui
