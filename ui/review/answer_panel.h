// One answer of a pair in the Review workspace: its heading (with the key that chooses it), the
// text, the judge's averaged score and per-order scores (hidden in blind mode), and a mark when it
// is the side currently chosen.
#pragma once

#include <QGroupBox>

class QLabel;
class QTextBrowser;

namespace stllava::ui {

class AnswerPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit AnswerPanel(QWidget* parent = nullptr);
    // `scores` "" hides the score line (blind mode).
    void show(const QString& heading, const QString& text, const QString& scores, bool chosen);
    QString text() const;
    QString scores() const;
    bool chosen() const { return m_chosen; }

private:
    QTextBrowser* m_text;
    QLabel* m_scores;
    bool m_chosen = false;
};

}  // namespace stllava::ui
