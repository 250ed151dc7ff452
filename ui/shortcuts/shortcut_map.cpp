#include "shortcuts/shortcut_map.h"

#include <QAction>
#include <QSettings>

namespace stllava::ui {
namespace {

constexpr char kGroup[] = "shortcuts";

QStringList toText(const ShortcutMap::Keys& keys) {
    QStringList out;
    for (const QKeySequence& k : keys)
        if (!k.isEmpty()) out << k.toString(QKeySequence::PortableText);
    return out;
}

ShortcutMap::Keys cleaned(const ShortcutMap::Keys& keys) {
    ShortcutMap::Keys out;
    for (const QKeySequence& k : keys)
        if (!k.isEmpty() && !out.contains(k)) out << k;
    return out;
}

}  // namespace

QString ShortcutMap::label(const QAction* action) {
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026))) text.chop(1);
    return text.trimmed();
}

bool ShortcutMap::add(QAction* action, const QString& group) {
    const QString id = action ? action->objectName() : QString();
    if (id.isEmpty() || m_entries.contains(id)) return false;
    Entry e;
    e.action = action;
    e.group = group;
    e.defaults = cleaned(action->shortcuts());
    // A tool tip that names the built-in key ("Invert (I)") gets the current key instead.
    e.baseToolTip = action->toolTip();
    if (!e.defaults.isEmpty()) {
        const QString suffix = QStringLiteral(" (%1)").arg(e.defaults.first().toString(QKeySequence::NativeText));
        if (e.baseToolTip.endsWith(suffix)) e.baseToolTip.chop(suffix.size());
    }
    if (e.baseToolTip == label(action)) e.baseToolTip.clear();
    m_order << id;
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    Keys keys = e.defaults;
    if (settings.contains(id)) {
        keys.clear();
        for (const QString& text : settings.value(id).toStringList()) {
            const QKeySequence k = QKeySequence::fromString(text, QKeySequence::PortableText);
            if (!k.isEmpty()) keys << k;
        }
    }
    auto it = m_entries.insert(id, e);
    setKeys(*it, keys);
    return true;
}

QList<QAction*> ShortcutMap::actions() const {
    QList<QAction*> out;
    for (const QString& id : m_order)
        if (QAction* a = m_entries.value(id).action) out << a;
    return out;
}

QAction* ShortcutMap::action(const QString& id) const {
    return m_entries.value(id).action;
}

QString ShortcutMap::group(const QAction* action) const {
    return action ? m_entries.value(action->objectName()).group : QString();
}

ShortcutMap::Keys ShortcutMap::defaults(const QAction* action) const {
    return action ? m_entries.value(action->objectName()).defaults : Keys();
}

QString ShortcutMap::conflict(const QHash<QString, Keys>& keys) const {
    QHash<QKeySequence, QString> owner;
    for (const QString& id : m_order) {
        const Entry& e = m_entries[id];
        if (!e.action) continue;
        const Keys mine = keys.contains(id) ? keys[id] : e.action->shortcuts();
        Keys seen;
        for (const QKeySequence& k : mine) {
            if (k.isEmpty()) continue;
            const QString name = k.toString(QKeySequence::NativeText);
            if (seen.contains(k))
                return tr("%1 is given twice to \"%2\".").arg(name, label(e.action));
            seen << k;
            if (owner.contains(k))
                return tr("%1 is given to both \"%2\" and \"%3\".")
                    .arg(name, label(m_entries[owner[k]].action), label(e.action));
            owner.insert(k, id);
        }
    }
    return {};
}

QString ShortcutMap::apply(const QHash<QString, Keys>& keys) {
    const QString problem = conflict(keys);
    if (!problem.isEmpty()) return problem;
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        auto e = m_entries.find(it.key());
        if (e == m_entries.end() || !e->action) continue;
        const Keys k = cleaned(it.value());
        setKeys(*e, k);
        if (k == e->defaults)
            settings.remove(it.key());
        else
            settings.setValue(it.key(), toText(k));  // an empty list: the user removed every key
    }
    settings.sync();
    Q_EMIT changed();
    return {};
}

void ShortcutMap::restoreDefaults() {
    QHash<QString, Keys> keys;
    for (const QString& id : m_order) keys.insert(id, m_entries[id].defaults);
    apply(keys);  // the built-in keys never conflict with each other
}

void ShortcutMap::setKeys(Entry& e, const Keys& keys) {
    e.action->setShortcuts(keys);
    const QString name = label(e.action);
    const QString base = e.baseToolTip.isEmpty() ? name : e.baseToolTip;
    e.action->setToolTip(keys.isEmpty() ? base
                                        : tr("%1 (%2)").arg(base, keys.first().toString(QKeySequence::NativeText)));
}

}  // namespace stllava::ui
