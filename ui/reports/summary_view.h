// The Reports workspace's summary: a table of the opened reports per benchmark and question type
// (the headline metric as LLaVA-Med reports it, with the file's 95% interval and question count), a
// bar chart of the same figures (Qt Charts) with the published figures as their own hatched bars,
// and the published figures in a separate table labelled with their setting, scoring and source.
#pragma once

#include "reports/published_figures.h"
#include "reports/report_summary.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTableWidget;

namespace stllava::ui {

class SummaryView : public QWidget {
    Q_OBJECT
public:
    explicit SummaryView(QWidget* parent = nullptr);

    void setReports(const QList<LoadedReport>& reports, const PublishedFigures& published);
    // The published figures for the benchmarks among `rows` (all of them when `rows` is empty).
    static QList<PublishedFigure> publishedFor(const QList<SummaryRow>& rows, const PublishedFigures& published);

    QTableWidget* table() const { return m_table; }
    QTableWidget* publishedTable() const { return m_published; }
    QChart* chart() const;
    const QList<SummaryRow>& rows() const { return m_rows; }

Q_SIGNALS:
    // Enter or double-click on a row: that report's questions of that type.
    void rowActivated(int report, const QString& type);

private:
    void fillTable();
    void fillPublished(const QList<PublishedFigure>& figures);
    void fillChart(const QList<PublishedFigure>& figures);

    QList<LoadedReport> m_reports;
    QList<SummaryRow> m_rows;
    QTableWidget* m_table;
    QLabel* m_warnings;
    QChartView* m_chartView;
    QLabel* m_publishedHeading;
    QTableWidget* m_published;
};

}  // namespace stllava::ui
