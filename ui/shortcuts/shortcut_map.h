// The studio's remappable keyboard shortcuts: every QAction registered here (by its objectName, a
// stable id such as "viewer-invert") keeps its built-in keys as defaults and takes the user's keys
// from QSettings (group "shortcuts", portable key text), so a remap survives a restart. Tool tips
// show the current key. The Review workspace's decision keys have their own map (review/).
#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;

namespace stllava::ui {

class ShortcutMap : public QObject {
    Q_OBJECT
public:
    using Keys = QList<QKeySequence>;

    explicit ShortcutMap(QObject* parent = nullptr) : QObject(parent) {}

    // Registers an action (objectName required and unique; false otherwise): its present keys
    // become its defaults, then the stored keys, if any, are applied.
    bool add(QAction* action, const QString& group);
    QList<QAction*> actions() const;  // in registration order
    QAction* action(const QString& id) const;
    QString group(const QAction* action) const;
    Keys defaults(const QAction* action) const;

    // The first key given to two actions (or twice to one), as a sentence naming the key and both
    // actions; empty when there is none. `keys` maps action id -> keys; ids not in it keep theirs.
    QString conflict(const QHash<QString, Keys>& keys) const;
    // Applies and stores the keys (keys equal to the defaults are stored as "default"). Refuses
    // (returns the conflict) when two actions would share a key.
    QString apply(const QHash<QString, Keys>& keys);
    void restoreDefaults();

    static QString label(const QAction* action);  // the action's text without '&' or "…"

Q_SIGNALS:
    void changed();

private:
    struct Entry {
        QPointer<QAction> action;
        QString group;
        QString baseToolTip;
        Keys defaults;
    };
    void setKeys(Entry& e, const Keys& keys);

    QList<QString> m_order;
    QHash<QString, Entry> m_entries;
};

}  // namespace stllava::ui
