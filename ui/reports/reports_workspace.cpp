#include "reports/reports_workspace.h"

#include "common/atomic_file.h"
#include "evaluation/report_csv.h"
#include "evaluation/report_html.h"
#include "reports/comparison_view.h"
#include "reports/question_browser.h"
#include "reports/report_export.h"
#include "reports/report_images.h"
#include "reports/summary_view.h"
#include "studio_settings.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <vector>

namespace stllava::ui {

namespace {

struct Loaded {
    QList<LoadedReport> reports;
    QStringList errors;
};

Loaded readAll(const QStringList& paths) {
    Loaded out;
    for (const QString& path : paths) {
        try {
            out.reports.append(std::make_shared<const eval::ReportFile>(eval::readReportFile(path.toStdString())));
        } catch (const std::exception& e) {
            out.errors << QString::fromStdString(e.what());
        }
    }
    return out;
}

}  // namespace

ReportsWorkspace::ReportsWorkspace(QWidget* parent) : QWidget(parent) {
    m_published = loadPublishedFigures();
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("reportsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction* open = addWorkspaceAction(tr("Open reports…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                       tr("Open one or more report.json files (Ctrl+Shift+R)"));
    open->setObjectName(QStringLiteral("openReports"));
    connect(open, &QAction::triggered, this, &ReportsWorkspace::openDialog);
    QAction* close = addWorkspaceAction(tr("Close report"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                                        tr("Close the report shown in Questions (Ctrl+Shift+W)"));
    connect(close, &QAction::triggered, this, &ReportsWorkspace::closeCurrentReport);
    QAction* images = addWorkspaceAction(tr("Image folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                                         tr("Choose the folder of the shown report's images (Ctrl+Shift+I)"));
    QAction* html = addWorkspaceAction(
        tr("Export HTML…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Export the current tab as HTML: Summary: all reports with the published figures apart; Questions: the "
           "report with its images; Comparison: the two runs (Ctrl+E)"));
    html->setObjectName(QStringLiteral("exportHtml"));
    connect(html, &QAction::triggered, this, [this] { exportDialog(Format::Html); });
    QAction* csv = addWorkspaceAction(
        tr("Export CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        tr("Export the current tab as CSV: Summary: our figures per benchmark and type; Questions: every question "
           "of the report; Comparison: the changed questions (Ctrl+Shift+E)"));
    csv->setObjectName(QStringLiteral("exportCsv"));
    connect(csv, &QAction::triggered, this, [this] { exportDialog(Format::Csv); });
    bar->addActions(m_actions);

    m_countLabel = new QLabel(this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("reportErrors"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a33;"));
    m_errorLabel->setVisible(false);

    m_summary = new SummaryView(this);
    m_questions = new QuestionBrowser(this);
    m_comparison = new ComparisonView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_tabs->addTab(m_summary, tr("&Summary"));
    m_tabs->addTab(m_questions, tr("&Questions"));
    m_tabs->addTab(m_comparison, tr("Com&parison"));
    m_tabs->setTabToolTip(0, tr("Tables and charts per benchmark and question type (Alt+S)"));
    m_tabs->setTabToolTip(1, tr("Every question with its image, reference, prediction and hit (Alt+Q)"));
    m_tabs->setTabToolTip(2, tr("Two runs side by side with the questions that changed (Alt+P)"));

    connect(images, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_questions);
        m_questions->chooseImageFolder();
    });
    connect(m_summary, &SummaryView::rowActivated, this, [this](int report, const QString& type) {
        m_tabs->setCurrentWidget(m_questions);
        m_questions->showReport(report, type);
    });
    connect(m_comparison, &ComparisonView::questionActivated, this, [this](int report, const QString& id) {
        m_tabs->setCurrentWidget(m_questions);
        m_questions->showReport(report);
        m_questions->selectQuestion(id);
    });
    connect(m_comparison, &ComparisonView::failed, this, &ReportsWorkspace::message);

    auto* header = new QHBoxLayout;
    header->addWidget(bar);
    header->addStretch(1);
    header->addWidget(m_countLabel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_tabs, 1);
    setReports({});
}

QAction* ReportsWorkspace::addWorkspaceAction(const QString& text, const QKeySequence& key, const QString& toolTip) {
    auto* a = new QAction(text, this);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // only while this workspace is shown
    a->setToolTip(toolTip);
    addAction(a);
    m_actions.append(a);
    return a;
}

void ReportsWorkspace::openDialog() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open evaluation reports"), StudioSettings().lastFolder(),
        tr("Evaluation reports (report.json *.json);;All files (*)"));
    if (!paths.isEmpty()) openReports(paths);
}

void ReportsWorkspace::openDemo(const QString& root, const QString& job, const QStringList& reports) {
    Q_UNUSED(job);
    if (reports.isEmpty()) {
        Q_EMIT message(tr("The demo in %1 has no reports yet.").arg(QDir::toNativeSeparators(root)));
        return;
    }
    openReports(reports);
}

void ReportsWorkspace::openBeside(const QString& previous, const QString& next) {
    m_compareAfterLoad = {QFileInfo(previous).absoluteFilePath(), QFileInfo(next).absoluteFilePath()};
    openReports({previous, next});
}

void ReportsWorkspace::openReports(const QStringList& requested) {
    QStringList paths;
    for (const QString& p : requested) paths << QFileInfo(p).absoluteFilePath();
    ++m_pendingLoads;
    m_countLabel->setText(tr("Reading %n report(s)…", nullptr, int(paths.size())));
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        --m_pendingLoads;
        QList<LoadedReport> next;
        for (const LoadedReport& old : m_reports) {  // a file read again replaces its old entry
            bool replaced = false;
            for (const LoadedReport& fresh : loaded.reports) replaced = replaced || fresh->path == old->path;
            if (!replaced) next.append(old);
        }
        next.append(loaded.reports);
        m_errors = loaded.errors;
        setReports(next);
        showErrors();
        if (!m_compareAfterLoad.isEmpty()) {
            int a = -1, b = -1;
            for (int i = 0; i < m_reports.size(); ++i) {
                const QString path = QString::fromStdString(m_reports[i]->path);
                if (path == m_compareAfterLoad[0]) a = i;
                if (path == m_compareAfterLoad[1]) b = i;
            }
            m_compareAfterLoad.clear();
            if (a >= 0 && b >= 0) {
                m_tabs->setCurrentWidget(m_comparison);
                m_comparison->compare(a, b);
            }
        }
        Q_EMIT reportsLoaded(int(m_reports.size()), loaded.errors);
        Q_EMIT message(loaded.errors.isEmpty()
                           ? tr("%n report(s) opened.", nullptr, int(loaded.reports.size()))
                           : tr("%1 report(s) opened, %2 could not be read.")
                                 .arg(loaded.reports.size())
                                 .arg(loaded.errors.size()));
    });
    watcher->setFuture(QtConcurrent::run(readAll, paths));
}

void ReportsWorkspace::closeCurrentReport() {
    const int i = m_questions->currentReport();
    if (i < 0) return;
    QList<LoadedReport> next = m_reports;
    next.removeAt(i);
    setReports(next);
}

void ReportsWorkspace::setReports(const QList<LoadedReport>& reports) {
    m_reports = reports;
    m_summary->setReports(reports, m_published);
    m_questions->setReports(reports);
    m_comparison->setReports(reports);
    m_countLabel->setText(reports.isEmpty() ? tr("No report open: Open reports… (Ctrl+Shift+R)")
                                            : tr("%n report(s) open", nullptr, int(reports.size())));
}

void ReportsWorkspace::showErrors() {
    m_errorLabel->setText(m_errors.join(QLatin1Char('\n')));
    m_errorLabel->setVisible(!m_errors.isEmpty());
}

void ReportsWorkspace::exportDialog(Format format) {
    const bool html = format == Format::Html;
    const QString suggested = QDir(StudioSettings().lastFolder()).filePath(html ? QStringLiteral("report.html")
                                                                               : QStringLiteral("report.csv"));
    const QString path = QFileDialog::getSaveFileName(this, html ? tr("Export HTML") : tr("Export CSV"), suggested,
                                                      html ? tr("HTML (*.html)") : tr("CSV (*.csv)"));
    if (!path.isEmpty()) exportTo(path, format);
}

void ReportsWorkspace::exportTo(const QString& path, Format format) {
    // What to write is taken now, on the GUI thread; the text is built and written on a worker.
    std::function<std::string()> build;
    QWidget* tab = m_tabs->currentWidget();
    const bool html = format == Format::Html;
    if (tab == m_comparison) {
        const auto c = m_comparison->comparison();
        if (!c) {
            Q_EMIT exportFailed(tr("Nothing to export: compare two runs first."));
            return;
        }
        build = html ? std::function<std::string()>([c] { return eval::comparisonToHtml(*c); })
                     : std::function<std::string()>([c] { return changedQuestionsToCsv(*c); });
    } else if (tab == m_questions) {
        const int i = m_questions->currentReport();
        if (i < 0) {
            Q_EMIT exportFailed(tr("Nothing to export: open a report first."));
            return;
        }
        const LoadedReport r = m_reports[i];
        const QString folder = m_questions->imageFolder();
        build = html ? std::function<std::string()>([r, folder] {
            return eval::reportToHtml(r->report, [r, folder](const std::string& image) {
                return thumbnailDataUri(resolveReportImage(*r, QString::fromStdString(image), folder));
            });
        })
                     : std::function<std::string()>([r] { return eval::reportToCsv(r->report); });
    } else {
        if (m_reports.isEmpty()) {
            Q_EMIT exportFailed(tr("Nothing to export: open a report first."));
            return;
        }
        const QList<LoadedReport> reports = m_reports;
        const QList<PublishedFigure> published = SummaryView::publishedFor(m_summary->rows(), m_published);
        build = html ? std::function<std::string()>([reports, published] { return summaryToHtml(reports, published); })
                     : std::function<std::string()>([reports] { return summaryToCsv(reports); });
    }
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty()) {
            Q_EMIT exported(path);
            Q_EMIT message(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
        } else {
            Q_EMIT exportFailed(error);
            Q_EMIT message(error);
        }
    });
    const std::string target = path.toStdString();
    watcher->setFuture(QtConcurrent::run([build, target]() -> QString {
        try {
            writeFileAtomic(target, build());
            return QString();
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

}  // namespace stllava::ui
