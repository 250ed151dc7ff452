#include "reports/question_table_model.h"

namespace stllava::ui {

QuestionTableModel::QuestionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void QuestionTableModel::setReport(LoadedReport report) {
    m_report = std::move(report);
    rebuild();
}

void QuestionTableModel::setFilter(Filter filter, const QString& text) {
    m_filter = filter;
    m_text = text.trimmed();
    rebuild();
}

void QuestionTableModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    if (m_report) {
        const auto& questions = m_report->report.questions;
        for (int i = 0; i < int(questions.size()); ++i) {
            const eval::QuestionResult& q = questions[std::size_t(i)];
            const bool open = q.score.type == metrics::AnswerType::Open;
            const bool closed = q.score.type == metrics::AnswerType::Closed;
            bool keep = true;
            switch (m_filter) {
            case Filter::All: break;
            case Filter::Open: keep = open; break;
            case Filter::Closed: keep = closed; break;
            case Filter::ClosedHits: keep = closed && q.score.closed_hit; break;
            case Filter::ClosedMisses: keep = closed && !q.score.closed_hit; break;
            }
            if (keep && !m_text.isEmpty()) {
                keep = false;
                for (const std::string* s : {&q.id, &q.question, &q.reference, &q.prediction})
                    keep = keep || QString::fromStdString(*s).contains(m_text, Qt::CaseInsensitive);
            }
            if (keep) m_rows.push_back(i);
        }
    }
    endResetModel();
}

const eval::QuestionResult* QuestionTableModel::question(int row) const {
    if (!m_report || row < 0 || row >= int(m_rows.size())) return nullptr;
    return &m_report->report.questions[std::size_t(m_rows[std::size_t(row)])];
}

int QuestionTableModel::rowOf(const QString& id) const {
    for (int r = 0; r < int(m_rows.size()); ++r)
        if (QString::fromStdString(question(r)->id) == id) return r;
    return -1;
}

int QuestionTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int QuestionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString QuestionTableModel::scoreText(const eval::QuestionResult& q) {
    switch (q.score.type) {
    case metrics::AnswerType::Closed: return q.score.closed_hit ? tr("hit") : tr("miss");
    case metrics::AnswerType::Open: return tr("recall %1").arg(q.score.recall, 0, 'f', 2);
    case metrics::AnswerType::Unscored: break;
    }
    return tr("not scored");
}

QVariant QuestionTableModel::data(const QModelIndex& index, int role) const {
    const eval::QuestionResult* q = question(index.row());
    if (!q) return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Id: return QString::fromStdString(q->id);
        case Type: return QString::fromLatin1(metrics::answerTypeName(q->score.type));
        case Question: return QString::fromStdString(q->question);
        case Reference: return QString::fromStdString(q->reference);
        case Prediction: return QString::fromStdString(q->prediction);
        case Score: return scoreText(*q);
        default: break;
        }
    }
    return {};
}

QVariant QuestionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("ID");
    case Type: return tr("Type");
    case Question: return tr("Question");
    case Reference: return tr("Reference");
    case Prediction: return tr("Prediction");
    case Score: return tr("Score");
    default: return {};
    }
}

}  // namespace stllava::ui
