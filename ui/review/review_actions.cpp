#include "review/review_actions.h"

#include "review/review_text.h"

#include <QAction>
#include <QPushButton>
#include <QWidget>

namespace stllava::ui {

ReviewActions::ReviewActions(QWidget* workspace) : QObject(workspace) {
    m_actions.resize(kReviewCommandCount);
    for (ReviewCommand c : kReviewCommands) {
        auto* a = new QAction(reviewCommandLabel(c), workspace);
        a->setObjectName(QStringLiteral("review-") + reviewCommandName(c));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, c] { Q_EMIT triggered(c); });
        workspace->addAction(a);
        m_actions[std::size_t(c)] = a;
        auto* b = new QPushButton(workspace);
        b->setObjectName(QStringLiteral("button-") + reviewCommandName(c));
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        m_buttons.push_back(b);
    }
}

void ReviewActions::setKeyMap(const ReviewKeyMap& map) {
    for (ReviewCommand c : kReviewCommands) {
        QAction* a = m_actions[std::size_t(c)];
        a->setShortcuts(map.keys(c));
        const QString keys = map.keyText(c);
        a->setToolTip(keys.isEmpty() ? reviewCommandLabel(c) : ReviewText::tr("%1 (%2)").arg(reviewCommandLabel(c), keys));
        QPushButton* b = m_buttons[std::size_t(c)];
        b->setText(keys.isEmpty() ? reviewCommandLabel(c) : ReviewText::tr("%1  [%2]").arg(reviewCommandLabel(c), keys));
        b->setToolTip(a->toolTip());
    }
}

void ReviewActions::setBlindMode(bool blind) {
    m_actions[std::size_t(ReviewCommand::Flip)]->setEnabled(!blind);
    m_actions[std::size_t(ReviewCommand::Approve)]->setEnabled(!blind);
    for (ReviewCommand c : {ReviewCommand::Flip, ReviewCommand::Approve}) {
        m_buttons[std::size_t(c)]->setEnabled(!blind);
        if (blind) m_buttons[std::size_t(c)]->setToolTip(ReviewText::tr("Not in blind mode: it would show the judge's choice"));
        else m_buttons[std::size_t(c)]->setToolTip(m_actions[std::size_t(c)]->toolTip());
    }
}

}  // namespace stllava::ui
