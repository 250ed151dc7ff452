// The Reports workspace (Ctrl+4): opens report.json files that `stllava eval run` / `eval score`
// wrote (read off the GUI thread by eval::readReportFile; a bad file is named with its field and the
// others still open), and shows them in three tabs: Summary (tables per benchmark and question type
// with the file's intervals, bar charts, the published figures beside ours), Questions (drill-down
// with the image) and Comparison (two runs, per-question differences). Exports the current tab as
// HTML or CSV. The demo's reports arrive through MainWindow::demoOpened.
#pragma once

#include "reports/published_figures.h"
#include "reports/report_summary.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;

namespace stllava::ui {

class ComparisonView;
class QuestionBrowser;
class SummaryView;

class ReportsWorkspace : public QWidget {
    Q_OBJECT
public:
    enum class Format { Html, Csv };

    explicit ReportsWorkspace(QWidget* parent = nullptr);

    // Reads the files on a worker thread; an already open path is read again. reportsLoaded() follows.
    void openReports(const QStringList& paths);
    // The demo's reports (MainWindow::demoOpened).
    void openDemo(const QString& root, const QString& job, const QStringList& reports);
    // The one-click loop's ending (issue 13, item 5): opens `next` beside `previous` and compares
    // them in the Comparison tab (previous = A, next = B).
    void openBeside(const QString& previous, const QString& next);
    void openDialog();
    void closeCurrentReport();
    // Writes the current tab (Summary: all reports; Questions: the shown report; Comparison: the
    // comparison) to `path`, atomically, off the GUI thread; exported() or exportFailed() follows.
    void exportTo(const QString& path, Format format);
    void exportDialog(Format format);

    const QList<LoadedReport>& reports() const { return m_reports; }
    QStringList errors() const { return m_errors; }
    QTabWidget* tabs() const { return m_tabs; }
    SummaryView* summary() const { return m_summary; }
    QuestionBrowser* questions() const { return m_questions; }
    ComparisonView* comparison() const { return m_comparison; }
    const PublishedFigures& published() const { return m_published; }
    QList<QAction*> workspaceActions() const { return m_actions; }

Q_SIGNALS:
    // After openReports: how many reports are open now, and the files that could not be read.
    void reportsLoaded(int count, const QStringList& errors);
    void exported(const QString& path);
    void exportFailed(const QString& message);
    void message(const QString& text);

private:
    QAction* addWorkspaceAction(const QString& text, const QKeySequence& key, const QString& toolTip);
    void setReports(const QList<LoadedReport>& reports);
    void showErrors();

    QList<LoadedReport> m_reports;
    QStringList m_errors;
    PublishedFigures m_published;
    QList<QAction*> m_actions;
    QTabWidget* m_tabs;
    SummaryView* m_summary;
    QuestionBrowser* m_questions;
    ComparisonView* m_comparison;
    QLabel* m_errorLabel;
    QLabel* m_countLabel;
    int m_pendingLoads = 0;
    QStringList m_compareAfterLoad;  // [A, B] absolute paths for openBeside, compared once both are open
};

}  // namespace stllava::ui
