#include "review/key_map_dialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace stllava::ui {

KeyMapDialog::KeyMapDialog(const ReviewKeyMap& map, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Review keys"));
    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Command</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Key</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Alternative</b>"), this), 0, 2);
    int row = 1;
    for (ReviewCommand c : kReviewCommands) {
        auto* label = new QLabel(reviewCommandLabel(c), this);
        grid->addWidget(label, row, 0);
        for (int which = 0; which < 2; ++which) {
            auto* edit = new QKeySequenceEdit(this);
            edit->setObjectName(QStringLiteral("key-%1-%2").arg(reviewCommandName(c)).arg(which));
            edit->setToolTip(tr("Click and press the new key; Backspace clears it"));
            if (which == 0) label->setBuddy(edit);
            m_edits[std::size_t(c)][std::size_t(which)] = edit;
            grid->addWidget(edit, row, 1 + which);
        }
        ++row;
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &KeyMapDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &KeyMapDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { show(ReviewKeyMap()); });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    show(map);
}

QKeySequenceEdit* KeyMapDialog::editor(ReviewCommand c, int which) const {
    return m_edits[std::size_t(c)][std::size_t(which)];
}

void KeyMapDialog::show(const ReviewKeyMap& map) {
    for (ReviewCommand c : kReviewCommands) {
        const QList<QKeySequence> keys = map.keys(c);
        for (int which = 0; which < 2; ++which)
            editor(c, which)->setKeySequence(which < keys.size() ? keys[which] : QKeySequence());
    }
    m_problem->clear();
}

ReviewKeyMap KeyMapDialog::keyMap() const {
    ReviewKeyMap map;
    for (ReviewCommand c : kReviewCommands)
        map.setKeys(c, {editor(c, 0)->keySequence(), editor(c, 1)->keySequence()});
    return map;
}

void KeyMapDialog::accept() {
    const ReviewKeyMap map = keyMap();
    const QString problem = map.conflict();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    QDialog::accept();
}

}  // namespace stllava::ui
