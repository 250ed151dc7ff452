// Two opened runs of the same benchmark side by side (eval::compareReports, run off the GUI thread):
// the metrics of A and B with B - A, McNemar's test on CLOSED hits and the paired interval of OPEN
// recall, and the questions whose score changed, those whose CLOSED hit changed first.
#pragma once

#include "evaluation/compare.h"
#include "reports/report_summary.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace stllava::ui {

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    void setReports(const QList<LoadedReport>& reports);
    // Compares reports a and b (indices into setReports' list); finished() or failed() follows.
    void compare(int a, int b);
    void compareSelected();
    const std::shared_ptr<const eval::Comparison>& comparison() const { return m_comparison; }
    QTableWidget* changedTable() const { return m_changed; }
    QTableWidget* metricsTable() const { return m_metrics; }
    QPushButton* compareButton() const { return m_compareButton; }

    // The changed questions in the order shown: CLOSED hit changes first (benchmark order), then the
    // others by the size of the change.
    static std::vector<eval::ChangedQuestion> orderedChanges(const eval::Comparison& c);
    static bool hitChanged(const eval::ChangedQuestion& q);

Q_SIGNALS:
    void finished();
    void failed(const QString& message);
    // Enter or double-click on a changed question: show it in the drill-down of report `report`.
    void questionActivated(int report, const QString& id);

private:
    void show(std::shared_ptr<const eval::Comparison> c);

    QList<LoadedReport> m_reports;
    std::shared_ptr<const eval::Comparison> m_comparison;
    int m_a = -1, m_b = -1;
    int m_ticket = 0;
    QComboBox* m_boxA;
    QComboBox* m_boxB;
    QPushButton* m_compareButton;
    QLabel* m_status;
    QTableWidget* m_metrics;
    QLabel* m_tests;
    QTableWidget* m_changed;
};

}  // namespace stllava::ui
