// What the Reports workspace exports besides core's per-report and comparison pages
// (eval::reportToHtml, reportToCsv, comparisonToHtml): the summary of the opened reports as CSV (our
// numbers only) and as a self-contained HTML page (our table and chart, then the published figures
// in their own table with their setting, scoring and source), and a comparison's changed questions
// as CSV.
#pragma once

#include "evaluation/compare.h"
#include "reports/published_figures.h"
#include "reports/report_summary.h"

#include <string>

namespace stllava::ui {

std::string summaryToCsv(const QList<LoadedReport>& reports);
std::string summaryToHtml(const QList<LoadedReport>& reports, const QList<PublishedFigure>& published);
// One row per changed question in the order the comparison view lists them.
std::string changedQuestionsToCsv(const eval::Comparison& comparison);

}  // namespace stllava::ui
