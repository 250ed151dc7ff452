#include "reports/comparison_view.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace stllava::ui {

namespace {

struct Outcome {
    std::shared_ptr<const eval::Comparison> comparison;
    QString error;
};

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    return item;
}

}  // namespace

ComparisonView::ComparisonView(QWidget* parent) : QWidget(parent) {
    m_boxA = new QComboBox(this);
    m_boxA->setObjectName(QStringLiteral("compareA"));
    m_boxB = new QComboBox(this);
    m_boxB->setObjectName(QStringLiteral("compareB"));
    auto* labelA = new QLabel(tr("Run &A:"), this);
    labelA->setBuddy(m_boxA);
    auto* labelB = new QLabel(tr("Run &B:"), this);
    labelB->setBuddy(m_boxB);
    m_compareButton = new QPushButton(tr("Co&mpare"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_compareButton->setToolTip(tr("Compare run A with run B on the same benchmark (Ctrl+Shift+M)"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(labelA);
    bar->addWidget(m_boxA, 1);
    bar->addWidget(labelB);
    bar->addWidget(m_boxB, 1);
    bar->addWidget(m_compareButton);

    m_status = new QLabel(tr("Choose two runs of the same benchmark."), this);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_metrics = new QTableWidget(0, 4, this);
    m_metrics->setObjectName(QStringLiteral("comparisonMetrics"));
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("A (%)"), tr("B (%)"), tr("B − A")});
    m_metrics->verticalHeader()->setVisible(false);
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_tests = new QLabel(this);
    m_tests->setObjectName(QStringLiteral("comparisonTests"));
    m_tests->setWordWrap(true);
    m_tests->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_changed = new QTableWidget(0, 7, this);
    m_changed->setObjectName(QStringLiteral("changedTable"));
    m_changed->setHorizontalHeaderLabels({tr("ID"), tr("Type"), tr("Change"), tr("Question"), tr("Reference"),
                                          tr("A prediction"), tr("B prediction")});
    m_changed->verticalHeader()->setVisible(false);
    m_changed->horizontalHeader()->setStretchLastSection(true);
    m_changed->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changed->setSelectionMode(QAbstractItemView::SingleSelection);
    m_changed->setToolTip(tr("Questions whose score changed, CLOSED hit changes first. Enter: show it in run B's questions"));

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_metrics);
    topLayout->addWidget(m_tests);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_changed);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_compareButton, &QPushButton::clicked, this, &ComparisonView::compareSelected);
    connect(m_changed, &QTableWidget::activated, this, [this](const QModelIndex& index) {
        const QTableWidgetItem* id = m_changed->item(index.row(), 0);
        if (id && m_b >= 0) Q_EMIT questionActivated(m_b, id->text());
    });
}

void ComparisonView::setReports(const QList<LoadedReport>& reports) {
    m_reports = reports;
    for (QComboBox* box : {m_boxA, m_boxB}) {
        QSignalBlocker block(box);
        box->clear();
        for (int i = 0; i < reports.size(); ++i) {
            box->addItem(reportTitle(*reports[i]));
            box->setItemData(i, QString::fromStdString(reports[i]->path), Qt::ToolTipRole);
        }
    }
    // Default: the first two reports of one benchmark.
    for (int a = 0; a < reports.size(); ++a)
        for (int b = a + 1; b < reports.size(); ++b)
            if (reports[a]->benchmark == reports[b]->benchmark) {
                m_boxA->setCurrentIndex(a);
                m_boxB->setCurrentIndex(b);
                return;
            }
}

void ComparisonView::compareSelected() { compare(m_boxA->currentIndex(), m_boxB->currentIndex()); }

void ComparisonView::compare(int a, int b) {
    if (a < 0 || b < 0 || a >= m_reports.size() || b >= m_reports.size() || a == b) {
        const QString message = tr("Choose two different reports to compare.");
        m_status->setText(message);
        Q_EMIT failed(message);
        return;
    }
    m_boxA->setCurrentIndex(a);
    m_boxB->setCurrentIndex(b);
    m_a = a;
    m_b = b;
    const int ticket = ++m_ticket;
    const LoadedReport ra = m_reports[a], rb = m_reports[b];
    m_status->setText(tr("Comparing %1 with %2…").arg(reportTitle(*ra), reportTitle(*rb)));
    m_compareButton->setEnabled(false);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, ticket] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (ticket != m_ticket) return;
        m_compareButton->setEnabled(true);
        if (!outcome.error.isEmpty()) {
            m_comparison.reset();
            m_metrics->setRowCount(0);
            m_changed->setRowCount(0);
            m_tests->clear();
            m_status->setText(outcome.error);
            Q_EMIT failed(outcome.error);
            return;
        }
        show(outcome.comparison);
        Q_EMIT finished();
    });
    watcher->setFuture(QtConcurrent::run([ra, rb]() -> Outcome {
        try {
            auto c = std::make_shared<eval::Comparison>(eval::compareReports(ra->report, rb->report, ra->path, rb->path));
            return {std::move(c), QString()};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromStdString(e.what())};
        }
    }));
}

bool ComparisonView::hitChanged(const eval::ChangedQuestion& q) {
    return q.type == "CLOSED" && (q.score_a > 0.5) != (q.score_b > 0.5);
}

std::vector<eval::ChangedQuestion> ComparisonView::orderedChanges(const eval::Comparison& c) {
    std::vector<eval::ChangedQuestion> out = c.changed;
    std::stable_sort(out.begin(), out.end(), [](const eval::ChangedQuestion& x, const eval::ChangedQuestion& y) {
        const bool hx = hitChanged(x), hy = hitChanged(y);
        if (hx != hy) return hx;
        if (hx) return false;  // both hit changes: benchmark order
        return std::abs(x.score_b - x.score_a) > std::abs(y.score_b - y.score_a);
    });
    return out;
}

void ComparisonView::show(std::shared_ptr<const eval::Comparison> c) {
    m_comparison = std::move(c);
    const eval::Comparison& cmp = *m_comparison;
    m_metrics->setRowCount(int(metrics::kMetricCount));
    for (metrics::Metric m : metrics::kAllMetrics) {
        const auto k = static_cast<std::size_t>(m);
        const int row = int(k);
        m_metrics->setItem(row, 0, cell(QString::fromLatin1(metrics::metricLabel(m))));
        m_metrics->setItem(row, 1, cell(QString::number(100 * cmp.a.value[k], 'f', 2)));
        m_metrics->setItem(row, 2, cell(QString::number(100 * cmp.b.value[k], 'f', 2)));
        m_metrics->setItem(row, 3, cell(QString::asprintf("%+.2f", 100 * (cmp.b.value[k] - cmp.a.value[k]))));
    }
    m_metrics->resizeColumnsToContents();
    m_tests->setText(
        tr("CLOSED (LLaVA-Med rule): %1 hit only in A, %2 only in B, McNemar exact p = %3 (mid-p %4). "
           "OPEN recall B − A: %5 points (95% paired bootstrap interval %6 to %7), sign test p = %8.")
            .arg(cmp.closed.only_a)
            .arg(cmp.closed.only_b)
            .arg(cmp.closed.p_exact, 0, 'g', 4)
            .arg(cmp.closed.p_mid, 0, 'g', 4)
            .arg(100 * cmp.open_recall.mean_diff, 0, 'f', 2)
            .arg(100 * cmp.open_recall.diff_ci.lo, 0, 'f', 2)
            .arg(100 * cmp.open_recall.diff_ci.hi, 0, 'f', 2)
            .arg(cmp.open_recall.sign_test_p, 0, 'g', 4));
    const std::vector<eval::ChangedQuestion> changes = orderedChanges(cmp);
    m_changed->setRowCount(int(changes.size()));
    std::size_t hits = 0, gained = 0;
    for (int i = 0; i < int(changes.size()); ++i) {
        const eval::ChangedQuestion& q = changes[std::size_t(i)];
        QString change;
        if (hitChanged(q)) {
            ++hits;
            gained += q.score_b > 0.5 ? 1 : 0;
            change = q.score_b > 0.5 ? tr("hit gained") : tr("hit lost");
        } else {
            change = tr("recall %1 → %2").arg(q.score_a, 0, 'f', 2).arg(q.score_b, 0, 'f', 2);
        }
        m_changed->setItem(i, 0, cell(QString::fromStdString(q.id)));
        m_changed->setItem(i, 1, cell(QString::fromStdString(q.type)));
        m_changed->setItem(i, 2, cell(change));
        m_changed->setItem(i, 3, cell(QString::fromStdString(q.question)));
        m_changed->setItem(i, 4, cell(QString::fromStdString(q.reference)));
        m_changed->setItem(i, 5, cell(QString::fromStdString(q.prediction_a)));
        m_changed->setItem(i, 6, cell(QString::fromStdString(q.prediction_b)));
    }
    m_changed->resizeColumnsToContents();
    QStringList status;
    status << tr("A: %1, B: %2.").arg(reportTitle(*m_reports[m_a]), reportTitle(*m_reports[m_b]));
    status << tr("%1 questions changed score: %2 CLOSED hits changed (%3 gained, %4 lost), %5 OPEN answers changed recall.")
                  .arg(changes.size())
                  .arg(hits)
                  .arg(gained)
                  .arg(hits - gained)
                  .arg(changes.size() - hits);
    for (const std::string& w : cmp.warnings) status << QString::fromStdString(w);
    m_status->setText(status.join(QLatin1Char(' ')));
}

}  // namespace stllava::ui
