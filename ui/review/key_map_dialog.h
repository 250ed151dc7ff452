// The dialog that remaps the Review workspace's keys: per command a main and an alternative key
// (QKeySequenceEdit), "Restore defaults", and a refusal, naming the key, when one key is set twice.
#pragma once

#include "review/review_commands.h"

#include <QDialog>

#include <array>

class QKeySequenceEdit;
class QLabel;

namespace stllava::ui {

class KeyMapDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeyMapDialog(const ReviewKeyMap& map, QWidget* parent = nullptr);
    ReviewKeyMap keyMap() const;
    QKeySequenceEdit* editor(ReviewCommand c, int which) const;  // which: 0 main, 1 alternative

    void accept() override;

private:
    void show(const ReviewKeyMap& map);

    std::array<std::array<QKeySequenceEdit*, 2>, kReviewCommandCount> m_edits{};
    QLabel* m_problem = nullptr;
};

}  // namespace stllava::ui
