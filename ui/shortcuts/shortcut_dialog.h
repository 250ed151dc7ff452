// Keyboard shortcuts dialog (File ▸ Keyboard shortcuts…): every remappable action of the studio by
// group, with a main and an alternative key (QKeySequenceEdit), a filter by name or key, "Restore
// defaults", and a refusal naming the key and both actions when one key would be given twice.
#pragma once

#include <QDialog>
#include <QHash>

class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace stllava::ui {

class ShortcutMap;

class ShortcutDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutDialog(ShortcutMap* map, QWidget* parent = nullptr);
    // The editor of an action's key (which: 0 main, 1 alternative); null for an unknown id.
    QKeySequenceEdit* editor(const QString& actionId, int which) const;
    QLineEdit* filter() const { return m_filter; }
    QString problem() const;

    void accept() override;

private:
    void showDefaults();
    void applyFilter(const QString& text);

    ShortcutMap* m_map;
    QTreeWidget* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_problem = nullptr;
    QHash<QString, std::pair<QKeySequenceEdit*, QKeySequenceEdit*>> m_edits;
};

}  // namespace stllava::ui
