// The questions of one opened report as a table (id, type, question, reference, prediction, score),
// filtered by answer type and outcome and by a text in the id, question, reference or prediction.
// Changed on the GUI thread only.
#pragma once

#include "reports/report_summary.h"

#include <QAbstractTableModel>

#include <vector>

namespace stllava::ui {

class QuestionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Type, Question, Reference, Prediction, Score, ColumnCount };
    enum class Filter { All, Open, Closed, ClosedHits, ClosedMisses };

    explicit QuestionTableModel(QObject* parent = nullptr);

    void setReport(LoadedReport report);
    void setFilter(Filter filter, const QString& text);
    const LoadedReport& report() const { return m_report; }
    // The question behind a row (nullptr for an invalid row).
    const eval::QuestionResult* question(int row) const;
    // The row showing the question with this id, or -1.
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "hit" / "miss" for CLOSED (LLaVA-Med's rule), "recall 0.50" for OPEN, "not scored".
    static QString scoreText(const eval::QuestionResult& q);

private:
    void rebuild();

    LoadedReport m_report;
    Filter m_filter = Filter::All;
    QString m_text;
    std::vector<int> m_rows;  // indices into m_report->report.questions
};

}  // namespace stllava::ui
