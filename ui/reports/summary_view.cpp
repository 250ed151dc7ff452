#include "reports/summary_view.h"

#include <QCursor>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

namespace stllava::ui {

namespace {

enum Column { Benchmark, Run, Type, Questions, MetricName, Value, Interval, Secondary, ColumnCount };

QTableWidgetItem* cell(const QString& text, const QString& toolTip = QString()) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!toolTip.isEmpty()) item->setToolTip(toolTip);
    return item;
}

QString category(const QString& benchmark, const QString& type) {
    return QStringLiteral("%1 %2").arg(benchmarkTitle(benchmark), typeTitle(type).toLower());
}

}  // namespace

SummaryView::SummaryView(QWidget* parent) : QWidget(parent) {
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setHorizontalHeaderLabels({tr("Benchmark"), tr("Run"), tr("Type"), tr("Questions"), tr("Metric"),
                                        tr("Value (%)"), tr("95% interval"), tr("Also")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Our numbers, as each report file carries them. Enter or double-click: the questions behind a row"));
    connect(m_table, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        if (index.row() >= 0 && index.row() < m_rows.size())
            Q_EMIT rowActivated(m_rows[index.row()].report, m_rows[index.row()].type);
    });

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("summaryWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setVisible(false);

    auto* chart = new QChart;
    chart->setTitle(tr("Headline metrics (%)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView = new QChartView(chart, this);
    m_chartView->setObjectName(QStringLiteral("summaryChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);

    m_publishedHeading = new QLabel(
        tr("<b>Published figures</b>, not ours: as their sources printed them, each with its setting and the "
           "scoring behind it (hatched bars in the chart)."),
        this);
    m_publishedHeading->setWordWrap(true);
    m_published = new QTableWidget(0, 7, this);
    m_published->setObjectName(QStringLiteral("publishedTable"));
    m_published->setHorizontalHeaderLabels(
        {tr("Benchmark"), tr("Type"), tr("Model"), tr("Value (%)"), tr("Setting"), tr("Scoring"), tr("Source")});
    m_published->verticalHeader()->setVisible(false);
    m_published->horizontalHeader()->setStretchLastSection(true);
    m_published->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table);
    topLayout->addWidget(m_warnings);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_publishedHeading);
    bottomLayout->addWidget(m_published);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_chartView);
    split->addWidget(bottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

QChart* SummaryView::chart() const { return m_chartView->chart(); }

void SummaryView::setReports(const QList<LoadedReport>& reports, const PublishedFigures& published) {
    m_reports = reports;
    m_rows = summaryRows(reports);
    fillTable();
    const QList<PublishedFigure> figures = publishedFor(m_rows, published);
    fillPublished(figures);
    fillChart(figures);
    if (!published.error.isEmpty()) m_publishedHeading->setText(published.error);
}

QList<PublishedFigure> SummaryView::publishedFor(const QList<SummaryRow>& rows, const PublishedFigures& published) {
    QList<PublishedFigure> out;
    for (const PublishedFigure& f : published.figures) {
        bool shown = rows.isEmpty();
        for (const SummaryRow& r : rows) shown = shown || r.benchmark == f.benchmark;
        if (shown) out.append(f);
    }
    return out;
}

void SummaryView::fillTable() {
    m_table->setRowCount(int(m_rows.size()));
    QStringList warnings;
    for (int i = 0; i < m_rows.size(); ++i) {
        const SummaryRow& r = m_rows[i];
        const QString path = QString::fromStdString(m_reports[r.report]->path);
        m_table->setItem(i, Benchmark, cell(benchmarkTitle(r.benchmark)));
        m_table->setItem(i, Run, cell(r.run, path));
        m_table->setItem(i, Type, cell(typeTitle(r.type)));
        m_table->setItem(i, Questions, cell(QString::number(r.figure.n)));
        m_table->setItem(i, MetricName, cell(QString::fromStdString(r.figure.label)));
        m_table->setItem(i, Value, cell(percentText(r.figure)));
        m_table->setItem(i, Interval, cell(intervalText(r.figure), tr("95% bootstrap interval as the report carries it")));
        m_table->setItem(i, Secondary, cell(QStringLiteral("%1 %2 %3").arg(QString::fromStdString(r.secondary.label),
                                                                         percentText(r.secondary),
                                                                         intervalText(r.secondary))));
    }
    for (const LoadedReport& f : m_reports)
        for (const std::string& m : f->mismatches)
            warnings << tr("%1: %2").arg(QString::fromStdString(f->path), QString::fromStdString(m));
    m_table->resizeColumnsToContents();
    m_warnings->setText(warnings.isEmpty() ? QString()
                                           : tr("The file's figures differ from its own questions:\n%1")
                                                 .arg(warnings.join(QLatin1Char('\n'))));
    m_warnings->setVisible(!warnings.isEmpty());
}

void SummaryView::fillPublished(const QList<PublishedFigure>& figures) {
    m_published->setRowCount(int(figures.size()));
    for (int i = 0; i < figures.size(); ++i) {
        const PublishedFigure& f = figures[i];
        m_published->setItem(i, 0, cell(benchmarkTitle(f.benchmark)));
        m_published->setItem(i, 1, cell(typeTitle(f.type)));
        m_published->setItem(i, 2, cell(f.model));
        m_published->setItem(i, 3, cell(QString::number(f.value, 'f', 2)));
        m_published->setItem(i, 4, cell(f.setting));
        m_published->setItem(i, 5, cell(f.scoring, f.scoring));
        m_published->setItem(i, 6, cell(f.source, f.source));
    }
    m_published->resizeColumnsToContents();
}

void SummaryView::fillChart(const QList<PublishedFigure>& figures) {
    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    // removeAllSeries() deletes the series; removeAxis() only hands the axis back (LeakSanitizer
    // found every refill leaking the old axes).
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }

    QStringList categories;
    for (const SummaryRow& r : m_rows)
        if (!categories.contains(category(r.benchmark, r.type))) categories << category(r.benchmark, r.type);
    if (categories.isEmpty()) return;

    auto* series = new QBarSeries;
    // One set per run; a category the run has no figure for stays at 0 and says so on hover.
    QStringList runs;
    for (const SummaryRow& r : m_rows)
        if (!runs.contains(r.run)) runs << r.run;
    QList<QStringList> notes;  // per set, per category: the hover text
    for (const QString& run : runs) {
        auto* set = new QBarSet(run);
        QStringList texts;
        for (const QString& c : categories) {
            double value = 0;
            QString text = tr("%1, %2: no report").arg(run, c);
            for (const SummaryRow& r : m_rows)
                if (r.run == run && category(r.benchmark, r.type) == c && r.figure.has_value) {
                    value = r.figure.value;
                    text = tr("%1, %2: %3 %4 (%5, n = %6)")
                               .arg(run, c, percentText(r.figure), intervalText(r.figure),
                                    QString::fromStdString(r.figure.label))
                               .arg(r.figure.n);
                }
            set->append(value);
            texts << text;
        }
        series->append(set);
        notes << texts;
    }
    QStringList models;
    for (const PublishedFigure& f : figures)
        if (!models.contains(f.model)) models << f.model;
    for (const QString& model : models) {
        auto* set = new QBarSet(tr("%1 (published)").arg(model));
        set->setBrush(QBrush(Qt::darkGray, Qt::BDiagPattern));
        QStringList texts;
        bool any = false;
        for (const QString& c : categories) {
            double value = 0;
            QString text = tr("%1 published no figure for %2").arg(model, c);
            for (const PublishedFigure& f : figures)
                if (f.model == model && category(f.benchmark, f.type) == c) {
                    value = f.value;
                    any = true;
                    text = tr("%1 (published, %2), %3: %4 — %5; %6")
                               .arg(model, f.setting, c, QString::number(f.value, 'f', 2), f.scoring, f.source);
                }
            set->append(value);
            texts << text;
        }
        if (!any) {
            delete set;
            continue;
        }
        series->append(set);
        notes << texts;
    }
    const QList<QBarSet*> sets = series->barSets();
    for (int s = 0; s < sets.size(); ++s) {
        const QStringList texts = notes[s];
        connect(sets[s], &QBarSet::hovered, this, [texts](bool status, int index) {
            if (status && index >= 0 && index < texts.size()) QToolTip::showText(QCursor::pos(), texts[index]);
            else QToolTip::hideText();
        });
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

}  // namespace stllava::ui
