#include "review/answer_panel.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace stllava::ui {

AnswerPanel::AnswerPanel(QWidget* parent) : QGroupBox(parent) {
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("answer-text"));
    m_text->setFocusPolicy(Qt::NoFocus);  // the review keys stay with the workspace
    m_scores = new QLabel(this);
    m_scores->setObjectName(QStringLiteral("answer-scores"));
    m_scores->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_scores);
}

void AnswerPanel::show(const QString& heading, const QString& text, const QString& scores, bool chosen) {
    m_chosen = chosen;
    setTitle(chosen ? tr("%1 — chosen").arg(heading) : heading);
    setStyleSheet(chosen ? QStringLiteral("QGroupBox { font-weight: bold; border: 2px solid #2e7d32; }") : QString());
    m_text->setPlainText(text);
    m_scores->setText(scores);
    m_scores->setVisible(!scores.isEmpty());
}

QString AnswerPanel::text() const {
    return m_text->toPlainText();
}

QString AnswerPanel::scores() const {
    return m_scores->isVisible() ? m_scores->text() : QString();
}

}  // namespace stllava::ui
