// The Review workspace's commands as actions and buttons: one QAction per command, added to the
// workspace so that its keys work anywhere inside it, and one push button per command that triggers
// it; the keys shown on both. Touches only its own actions and buttons.
#pragma once

#include "review/review_commands.h"

#include <QObject>

#include <vector>

class QAction;
class QPushButton;
class QWidget;

namespace stllava::ui {

class ReviewActions : public QObject {
    Q_OBJECT
public:
    // The actions are added to `workspace`; the buttons are its children until a layout takes them.
    explicit ReviewActions(QWidget* workspace);

    QAction* action(ReviewCommand c) const { return m_actions.at(std::size_t(c)); }
    const std::vector<QPushButton*>& buttons() const { return m_buttons; }  // in kReviewCommands order
    void setKeyMap(const ReviewKeyMap& map);  // the actions' shortcuts, the keys on buttons and tooltips
    // Blind mode disables Flip and Approve (they would show the judge's choice) and says so.
    void setBlindMode(bool blind);

Q_SIGNALS:
    void triggered(ReviewCommand c);

private:
    std::vector<QAction*> m_actions;
    std::vector<QPushButton*> m_buttons;
};

}  // namespace stllava::ui
