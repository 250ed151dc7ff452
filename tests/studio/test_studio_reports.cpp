// stllava-studio's Reports workspace on report.json files written here by core's own writer
// (eval::scorePredictions + eval::writeReportFolder, as `stllava eval run` does):
//   - the summary table shows the file's numbers: open recall and closed accuracy as computed in this
//     test from the predictions by the scoring rules written out here, the interval the file carries;
//   - the published figures stand in their own table, never in ours;
//   - the drill-down shows the selected question's prediction, reference, score and image;
//   - comparing two runs lists exactly the questions whose CLOSED hit changed, first;
//   - a malformed file (broken JSON, a wrong field) is named with its field, and the workspace
//     keeps working; exports (CSV, HTML) write files with the numbers;
//   - the main window has the workspace on Ctrl+4 and opens the demo's reports.
#include "studio_test_env.h"

#include "evaluation/report_file.h"
#include "evaluation/report_folder.h"
#include "main_window.h"
#include "reports/comparison_view.h"
#include "reports/question_browser.h"
#include "reports/question_table_model.h"
#include "reports/reports_workspace.h"
#include "reports/summary_view.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QPointer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

using namespace stllava;
using namespace stllava::ui;
using metrics::AnswerType;

namespace {

struct Item {
    const char* id;
    AnswerType type;
    const char* reference;
};

// A SLAKE-shaped benchmark: four CLOSED, three OPEN questions.
const Item kItems[] = {{"1", AnswerType::Closed, "yes"},        {"2", AnswerType::Closed, "no"},
                       {"3", AnswerType::Closed, "yes"},        {"4", AnswerType::Closed, "no"},
                       {"5", AnswerType::Open, "left lung"},    {"6", AnswerType::Open, "liver"},
                       {"7", AnswerType::Open, "right kidney"}};
// Run A: hit, miss, hit, miss; recall 1, 0, 0.5.
const std::vector<std::string> kRunA = {"yes", "yes", "yes", "yes", "left lung", "spleen", "kidney"};
// Run B: hit, hit (gained), miss (lost), miss; recall 1, 1 (changed), 0.5.
const std::vector<std::string> kRunB = {"yes", "no", "maybe", "yes", "left lung", "liver", "kidney"};

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// The scoring rules for these simple answers, written out here: CLOSED hit when the prediction
// contains "yes" or "no" and contains the reference; OPEN recall = share of reference words found.
bool closedHit(const std::string& prediction, const std::string& reference) {
    const bool yesNo = prediction.find("yes") != std::string::npos || prediction.find("no") != std::string::npos;
    return yesNo && prediction.find(reference) != std::string::npos;
}
double openRecall(const std::string& prediction, const std::string& reference) {
    const auto ref = words(reference), pred = words(prediction);
    const std::set<std::string> p(pred.begin(), pred.end());
    int found = 0;
    for (const auto& w : ref) found += p.count(w) ? 1 : 0;
    return ref.empty() ? 0.0 : double(found) / double(ref.size());
}
// Percent, as the table shows it.
QString expectedClosed(const std::vector<std::string>& run) {
    int hits = 0, n = 0;
    for (std::size_t i = 0; i < run.size(); ++i)
        if (kItems[i].type == AnswerType::Closed) {
            ++n;
            hits += closedHit(run[i], kItems[i].reference) ? 1 : 0;
        }
    return QString::number(100.0 * hits / n, 'f', 2);
}
QString expectedOpen(const std::vector<std::string>& run) {
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < run.size(); ++i)
        if (kItems[i].type == AnswerType::Open) {
            ++n;
            sum += openRecall(run[i], kItems[i].reference);
        }
    return QString::number(100.0 * sum / n, 'f', 2);
}

QString cellText(QTableWidget* t, int row, int column) {
    const QTableWidgetItem* item = t->item(row, column);
    return item ? item->text() : QString();
}

int findRow(QTableWidget* t, const QString& run, const QString& type) {
    for (int r = 0; r < t->rowCount(); ++r)
        if (cellText(t, r, 1) == run && cellText(t, r, 2) == type) return r;
    return -1;
}

QString readText(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return QString();
    return QString::fromUtf8(f.readAll());
}

void writeText(const QString& path, const QByteArray& data) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

}  // namespace

class TestStudioReports : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_reportA, m_reportB;

    // Writes a benchmark folder (images/), the run's report folder with core's writer, returns report.json.
    QString writeRun(const QString& name, const std::vector<std::string>& texts) {
        eval::Benchmark b;
        b.format = eval::DatasetFormat::Slake;
        b.path = m_dir.filePath(QStringLiteral("bench/test.json")).toStdString();
        for (const Item& it : kItems) {
            eval::BenchmarkItem q;
            q.id = it.id;
            q.type = it.type;
            q.answer = it.reference;
            q.answer_type_raw = it.type == AnswerType::Open ? "OPEN" : "CLOSED";
            q.question = std::string("question ") + it.id + "?";
            q.image = std::string("img") + it.id + ".png";
            b.items.push_back(q);
        }
        std::vector<eval::Prediction> predictions;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            eval::Prediction p;
            p.question_id = kItems[i].id;
            p.text = texts[i];
            p.model_id = name.toStdString();
            predictions.push_back(p);
        }
        eval::EvalReport r = eval::scorePredictions(b, predictions);
        const QString dir = m_dir.filePath(name + QStringLiteral("/report"));
        eval::writeReportFolder(r, dir.toStdString());
        return dir + QStringLiteral("/report.json");
    }

    // Opens `paths` in the workspace and waits for them.
    static QStringList open(ReportsWorkspace& w, const QStringList& paths) {
        QSignalSpy loaded(&w, &ReportsWorkspace::reportsLoaded);
        w.openReports(paths);
        if (!loaded.wait(20000)) return {QStringLiteral("timeout")};
        return loaded.at(0).at(1).toStringList();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("bench/images")));
        for (const Item& it : kItems) {
            QImage image(32, 24, QImage::Format_RGB32);
            image.fill(QColor(10 * std::atoi(it.id), 100, 200));
            QVERIFY(image.save(m_dir.filePath(QStringLiteral("bench/images/img%1.png").arg(QLatin1String(it.id)))));
        }
        m_reportA = writeRun(QStringLiteral("run-a"), kRunA);
        m_reportB = writeRun(QStringLiteral("run-b"), kRunB);
    }

    void summaryShowsTheFilesNumbers() {
        ReportsWorkspace w;
        QVERIFY(open(w, {m_reportA, m_reportB}).isEmpty());
        QCOMPARE(w.reports().size(), 2);
        QTableWidget* t = w.summary()->table();
        QCOMPARE(t->rowCount(), 4);  // two runs x open, closed
        std::ifstream in(m_reportA.toStdString());
        const nlohmann::json file = nlohmann::json::parse(in);
        for (const auto& [run, texts] : {std::pair{QStringLiteral("run-a"), kRunA}, std::pair{QStringLiteral("run-b"), kRunB}}) {
            const int closed = findRow(t, run, QStringLiteral("Closed"));
            const int openRow = findRow(t, run, QStringLiteral("Open"));
            QVERIFY(closed >= 0 && openRow >= 0);
            QCOMPARE(cellText(t, closed, 5), expectedClosed(texts));
            QCOMPARE(cellText(t, openRow, 5), expectedOpen(texts));
            QCOMPARE(cellText(t, closed, 3), QStringLiteral("4"));
            QCOMPARE(cellText(t, openRow, 3), QStringLiteral("3"));
            QVERIFY(cellText(t, openRow, 4).contains(QStringLiteral("recall"), Qt::CaseInsensitive));
            QVERIFY(cellText(t, closed, 4).contains(QStringLiteral("accuracy"), Qt::CaseInsensitive));
        }
        QCOMPARE(expectedClosed(kRunA), QStringLiteral("50.00"));  // the test's own arithmetic
        QCOMPARE(expectedOpen(kRunB), QStringLiteral("83.33"));
        // The interval is the one the file carries.
        const auto& ci = file["metrics"]["closed_accuracy"]["ci95"];
        const QString interval = QStringLiteral("[%1, %2]").arg(QString::number(ci[0].get<double>(), 'f', 2),
                                                                QString::number(ci[1].get<double>(), 'f', 2));
        QCOMPARE(cellText(t, findRow(t, QStringLiteral("run-a"), QStringLiteral("Closed")), 6), interval);
        // Published figures: their own table, for the open benchmark only, never in ours.
        QTableWidget* pub = w.summary()->publishedTable();
        QCOMPARE(pub->rowCount(), 2);  // STLLaVA-Med-7B on SLAKE, open and closed
        QStringList published;
        for (int r = 0; r < pub->rowCount(); ++r) published << cellText(pub, r, 3);
        QVERIFY(published.contains(QStringLiteral("46.69")));
        QVERIFY(published.contains(QStringLiteral("57.69")));
        QVERIFY(!cellText(pub, 0, 5).isEmpty());  // the scoring behind it
        for (int r = 0; r < t->rowCount(); ++r) QVERIFY(cellText(t, r, 5) != QStringLiteral("46.69"));
        // The chart: one set per run, the published one beside them.
        const auto series = w.summary()->chart()->series();
        QCOMPARE(series.size(), 1);
        const auto sets = static_cast<QBarSeries*>(series.first())->barSets();
        QCOMPARE(sets.size(), 3);
        QCOMPARE(sets[0]->label(), QStringLiteral("run-a"));
        QVERIFY(sets[2]->label().contains(QStringLiteral("published")));
        // Opening again refills the chart: the old axes and series are deleted, not kept alive
        // unowned (LeakSanitizer found the axes leaking on every refill).
        QList<QPointer<QObject>> old;
        for (QAbstractAxis* axis : w.summary()->chart()->axes()) old << axis;
        old << series.first();
        QVERIFY(old.size() >= 3);
        QVERIFY(open(w, {m_reportA}).isEmpty());
        for (const auto& o : old) QVERIFY(o.isNull());
        QCOMPARE(w.summary()->chart()->axes().size(), old.size() - 1);
    }

    void drillDownShowsTheQuestion() {
        ReportsWorkspace w;
        QVERIFY(open(w, {m_reportA}).isEmpty());
        w.questions()->showReport(0);
        QCOMPARE(w.questions()->model()->rowCount(), 7);
        QVERIFY(w.questions()->selectQuestion(QStringLiteral("6")));
        auto label = [&](const char* name) { return w.findChild<QLabel*>(QLatin1String(name)); };
        QCOMPARE(label("detailPrediction")->text(), QStringLiteral("spleen"));
        QCOMPARE(label("detailReference")->text(), QStringLiteral("liver"));
        QCOMPARE(label("detailQuestion")->text(), QStringLiteral("question 6?"));
        QVERIFY(label("detailScore")->text().contains(QStringLiteral("recall 0.00")));
        QTRY_VERIFY_WITH_TIMEOUT(!label("detailImage")->pixmap().isNull(), 10000);
        QCOMPARE(label("detailImage")->pixmap().width(), 32);
        QVERIFY(w.questions()->selectQuestion(QStringLiteral("2")));
        QVERIFY(label("detailScore")->text().contains(QStringLiteral("miss by LLaVA-Med")));
        // The closed filter from a summary row.
        w.questions()->showReport(0, QStringLiteral("closed"));
        QCOMPARE(w.questions()->model()->rowCount(), 4);
    }

    void comparisonListsTheChangedHits() {
        ReportsWorkspace w;
        QVERIFY(open(w, {m_reportA, m_reportB}).isEmpty());
        QSignalSpy done(w.comparison(), &ComparisonView::finished);
        w.comparison()->compare(0, 1);
        QVERIFY(done.wait(20000));
        QTableWidget* changed = w.comparison()->changedTable();
        // Independently: the questions whose CLOSED hit differs between the runs.
        QStringList hitChanged, other;
        for (std::size_t i = 0; i < std::size(kItems); ++i) {
            if (kItems[i].type == AnswerType::Closed) {
                if (closedHit(kRunA[i], kItems[i].reference) != closedHit(kRunB[i], kItems[i].reference))
                    hitChanged << QLatin1String(kItems[i].id);
            } else if (openRecall(kRunA[i], kItems[i].reference) != openRecall(kRunB[i], kItems[i].reference)) {
                other << QLatin1String(kItems[i].id);
            }
        }
        QCOMPARE(hitChanged, QStringList({QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(changed->rowCount(), int(hitChanged.size() + other.size()));
        QStringList shownHits;
        for (int r = 0; r < int(hitChanged.size()); ++r) shownHits << cellText(changed, r, 0);
        QCOMPARE(shownHits, hitChanged);  // first, and exactly these
        QCOMPARE(cellText(changed, 0, 2), QStringLiteral("hit gained"));
        QCOMPARE(cellText(changed, 1, 2), QStringLiteral("hit lost"));
        QCOMPARE(cellText(changed, 2, 0), other.first());
        QCOMPARE(cellText(changed, 2, 6), QStringLiteral("liver"));
        int hitRows = 0;
        for (int r = 0; r < changed->rowCount(); ++r) hitRows += cellText(changed, r, 2).startsWith(QStringLiteral("hit")) ? 1 : 0;
        QCOMPARE(hitRows, int(hitChanged.size()));
    }

    void openBesideCompares() {
        ReportsWorkspace w;
        QSignalSpy done(w.comparison(), &ComparisonView::finished);
        w.openBeside(m_reportA, m_reportB);
        QVERIFY(done.wait(20000));
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(w.comparison()));
        QCOMPARE(QString::fromStdString(w.comparison()->comparison()->path_b), m_reportB);
        QCOMPARE(w.comparison()->changedTable()->rowCount(), 3);
    }

    void malformedFilesAreNamed() {
        ReportsWorkspace w;
        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        writeText(broken, "{\"kind\": \"stllava-eval-report\", \"questions\": [");
        QString text = readText(m_reportA);
        text.replace(QStringLiteral("\"recall\": 1.0"), QStringLiteral("\"recall\": \"high\""));
        QVERIFY(text != readText(m_reportA));
        const QString wrongField = m_dir.filePath(QStringLiteral("wrong-field.json"));
        writeText(wrongField, text.toUtf8());
        const QStringList errors = open(w, {broken, m_reportA, wrongField});
        QCOMPARE(errors.size(), 2);
        for (const QString& e : errors) qInfo("%s", qPrintable(e));
        QVERIFY2(errors[0].contains(broken) && errors[0].contains(QStringLiteral("not valid JSON")), qPrintable(errors[0]));
        QVERIFY2(errors[1].contains(wrongField) && errors[1].contains(QStringLiteral("recall")) &&
                     errors[1].contains(QStringLiteral("must be a number")),
                 qPrintable(errors[1]));
        QCOMPARE(w.reports().size(), 1);  // the good one opened
        auto* label = w.findChild<QLabel*>(QStringLiteral("reportErrors"));
        QVERIFY(label->text().contains(wrongField));
        // Still working: the next file opens.
        QVERIFY(open(w, {m_reportB}).isEmpty());
        QCOMPARE(w.reports().size(), 2);
        // The reader names the field of the carried figures too.
        nlohmann::json noValue = nlohmann::json::parse(readText(m_reportA).toStdString());
        noValue["metrics"]["open_recall"].erase("value");
        try {
            eval::reportFileFromJson(noValue.dump(), "x.json");
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromLatin1(e.what()).contains(QStringLiteral("x.json")), e.what());
            QCOMPARE(QString::fromStdString(e.field()), QStringLiteral("metrics.open_recall.value"));
        }
    }

    void exportsWriteTheNumbers() {
        ReportsWorkspace w;
        QVERIFY(open(w, {m_reportA, m_reportB}).isEmpty());
        auto exportTo = [&](const QString& name, ReportsWorkspace::Format f) {
            const QString path = m_dir.filePath(name);
            QSignalSpy ok(&w, &ReportsWorkspace::exported);
            w.exportTo(path, f);
            if (!ok.wait(20000)) return QString();
            return readText(path);
        };
        w.tabs()->setCurrentWidget(w.summary());
        const QString csv = exportTo(QStringLiteral("summary.csv"), ReportsWorkspace::Format::Csv);
        QVERIFY(csv.startsWith(QStringLiteral("benchmark,run,type")));
        QVERIFY(csv.contains(QStringLiteral("slake,run-a,closed,4,closed_accuracy,50.00")));
        QVERIFY(csv.contains(QStringLiteral("slake,run-b,open,3,open_recall,83.33")));
        QVERIFY(!csv.contains(QStringLiteral("46.69")));  // published figures are not ours
        const QString html = exportTo(QStringLiteral("summary.html"), ReportsWorkspace::Format::Html);
        QVERIFY(html.contains(QStringLiteral("83.33")));
        QVERIFY(html.contains(QStringLiteral("Published figures (not ours)")));
        QVERIFY(html.contains(QStringLiteral("46.69")));
        w.tabs()->setCurrentWidget(w.questions());
        w.questions()->showReport(0);
        const QString questions = exportTo(QStringLiteral("questions.csv"), ReportsWorkspace::Format::Csv);
        QVERIFY(questions.contains(QStringLiteral("spleen")));
        const QString page = exportTo(QStringLiteral("run-a.html"), ReportsWorkspace::Format::Html);
        QVERIFY(page.contains(QStringLiteral("spleen")));
        QVERIFY(page.contains(QStringLiteral("data:image/png;base64,")));  // the images found beside the benchmark
        w.tabs()->setCurrentWidget(w.comparison());
        QSignalSpy done(w.comparison(), &ComparisonView::finished);
        w.comparison()->compare(0, 1);
        QVERIFY(done.wait(20000));
        const QString changed = exportTo(QStringLiteral("changed.csv"), ReportsWorkspace::Format::Csv);
        QCOMPARE(changed.count(QLatin1Char('\n')), 4);  // header + three changed questions
        QVERIFY(changed.contains(QStringLiteral("\n2,CLOSED,yes,")));
    }

    void mainWindowHasTheWorkspace() {
        MainWindow::Options options;
        options.restoreModel = false;
        MainWindow window(options);
        auto* w = window.findChild<ReportsWorkspace*>(QStringLiteral("reports"));
        QVERIFY(w);
        auto* action = window.findChild<QAction*>(QStringLiteral("workspace-reports"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_4));
        QVERIFY(action->toolTip().contains(QStringLiteral("Ctrl+4")));
        for (QAction* a : w->workspaceActions())
            QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)), qPrintable(a->toolTip()));
        QSignalSpy loaded(w, &ReportsWorkspace::reportsLoaded);
        Q_EMIT window.demoOpened(m_dir.path(), QString(), {m_reportA, m_reportB});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(w->reports().size(), 2);
        action->trigger();
        QVERIFY(w->isVisibleTo(&window));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioReports)
#include "test_studio_reports.moc"
