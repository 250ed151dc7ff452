// The summary of the opened reports as the Reports workspace tables, charts and exports show it: one
// row per report and question type, with the headline metric LLaVA-Med reports for that type (mean
// recall for OPEN, accuracy for CLOSED) and the figure, interval and question count exactly as the
// file carries them, plus the run and benchmark labels the views share.
#pragma once

#include "evaluation/report_file.h"

#include <QList>
#include <QString>

#include <memory>

namespace stllava::ui {

using LoadedReport = std::shared_ptr<const eval::ReportFile>;

struct SummaryRow {
    int report = 0;      // index into the list of opened reports
    QString benchmark;   // eval::benchmarkOf
    QString run;         // runLabel
    QString type;        // "open" / "closed"
    metrics::Metric metric = metrics::Metric::OpenRecall;
    eval::CarriedFigure figure;     // the headline metric
    eval::CarriedFigure secondary;  // OPEN: F1; CLOSED: the strict whole-word accuracy
    metrics::Metric secondaryMetric = metrics::Metric::OpenF1;
};

// The run a report belongs to: its model id, else its predictions file's name, else its folder.
QString runLabel(const eval::ReportFile& report);
// "VQA-RAD", "SLAKE", "PathVQA", else the name as it is.
QString benchmarkTitle(const QString& benchmark);
// "open" / "closed" as shown ("Open", "Closed").
QString typeTitle(const QString& type);
// "37.12"; "n/a" without a value. "[33.10, 41.50]"; "" without an interval.
QString percentText(const eval::CarriedFigure& f);
QString intervalText(const eval::CarriedFigure& f);
// "run · benchmark" (the report's name in lists and combo boxes).
QString reportTitle(const eval::ReportFile& report);

// Rows for every report with questions of that type, ordered by benchmark, then report, open first.
QList<SummaryRow> summaryRows(const QList<LoadedReport>& reports);

}  // namespace stllava::ui
