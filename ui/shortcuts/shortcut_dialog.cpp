#include "shortcuts/shortcut_dialog.h"

#include "shortcuts/shortcut_map.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stllava::ui {

ShortcutDialog::ShortcutDialog(ShortcutMap* map, QWidget* parent) : QDialog(parent), m_map(map) {
    setWindowTitle(tr("Keyboard shortcuts"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by action or key"));
    m_filter->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Search:"), this);
    filterLabel->setBuddy(m_filter);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Action"), tr("Key"), tr("Alternative")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    QHash<QString, QTreeWidgetItem*> groups;
    for (QAction* a : m_map->actions()) {
        const QString group = m_map->group(a);
        QTreeWidgetItem*& parentItem = groups[group];
        if (!parentItem) {
            parentItem = new QTreeWidgetItem(m_tree, {group});
            parentItem->setFirstColumnSpanned(true);
            parentItem->setExpanded(true);
        }
        auto* item = new QTreeWidgetItem(parentItem, {ShortcutMap::label(a)});
        item->setData(0, Qt::UserRole, a->objectName());
        item->setToolTip(0, a->objectName());
        const QList<QKeySequence> keys = a->shortcuts();
        QKeySequenceEdit* edits[2];
        for (int which = 0; which < 2; ++which) {
            auto* edit = new QKeySequenceEdit(which < keys.size() ? keys[which] : QKeySequence(), m_tree);
            edit->setObjectName(QStringLiteral("key-%1-%2").arg(a->objectName()).arg(which));
            edit->setToolTip(tr("Click and press the new key; Backspace clears it"));
            edit->setAccessibleName(tr("%1, key %2").arg(ShortcutMap::label(a)).arg(which + 1));
            m_tree->setItemWidget(item, 1 + which, edit);
            edits[which] = edit;
        }
        m_edits.insert(a->objectName(), {edits[0], edits[1]});
    }
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ShortcutDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ShortcutDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &ShortcutDialog::showDefaults);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutDialog::applyFilter);

    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    layout->addWidget(new QLabel(tr("Review decision keys are set in the Review workspace (Keys…)."), this));
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, 560);
}

QKeySequenceEdit* ShortcutDialog::editor(const QString& actionId, int which) const {
    const auto it = m_edits.find(actionId);
    if (it == m_edits.end()) return nullptr;
    return which == 0 ? it->first : it->second;
}

QString ShortcutDialog::problem() const {
    return m_problem->text();
}

void ShortcutDialog::showDefaults() {
    for (QAction* a : m_map->actions()) {
        const QList<QKeySequence> keys = m_map->defaults(a);
        for (int which = 0; which < 2; ++which)
            editor(a->objectName(), which)->setKeySequence(which < keys.size() ? keys[which] : QKeySequence());
    }
    m_problem->clear();
}

void ShortcutDialog::applyFilter(const QString& text) {
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const QString id = item->data(0, Qt::UserRole).toString();
            const QString keys = editor(id, 0)->keySequence().toString(QKeySequence::NativeText) + QLatin1Char(' ') +
                                 editor(id, 1)->keySequence().toString(QKeySequence::NativeText);
            const bool match = needle.isEmpty() || item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               keys.contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

void ShortcutDialog::accept() {
    QHash<QString, ShortcutMap::Keys> keys;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        keys.insert(it.key(), {it->first->keySequence(), it->second->keySequence()});
    const QString problem = m_map->apply(keys);
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    QDialog::accept();
}

}  // namespace stllava::ui
