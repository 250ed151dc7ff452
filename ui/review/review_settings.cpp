#include "review/review_settings.h"

#include <QStringList>

namespace stllava::ui {

namespace {

QString key(const char* name) {
    return QStringLiteral("review/") + QLatin1String(name);
}

}  // namespace

QString ReviewSettings::curator() const {
    QString fallback = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (fallback.isEmpty()) fallback = QStringLiteral("curator");
    return m_settings.value(key("curator"), fallback).toString();
}

void ReviewSettings::setCurator(const QString& name) {
    m_settings.setValue(key("curator"), name);
}

QString ReviewSettings::lastStore() const {
    return m_settings.value(key("last_store")).toString();
}

void ReviewSettings::setLastStore(const QString& path) {
    m_settings.setValue(key("last_store"), path);
}

bool ReviewSettings::autoAdvance() const {
    return m_settings.value(key("auto_advance"), true).toBool();
}

void ReviewSettings::setAutoAdvance(bool on) {
    m_settings.setValue(key("auto_advance"), on);
}

ReviewKeyMap ReviewSettings::keyMap() const {
    ReviewKeyMap map;
    for (ReviewCommand c : kReviewCommands) {
        const QString k = QStringLiteral("review/keys/") + reviewCommandName(c);
        if (!m_settings.contains(k)) continue;
        QList<QKeySequence> keys;
        for (const QString& text : m_settings.value(k).toStringList())
            keys << QKeySequence::fromString(text, QKeySequence::PortableText);
        map.setKeys(c, keys);
    }
    return map;
}

void ReviewSettings::setKeyMap(const ReviewKeyMap& map) {
    for (ReviewCommand c : kReviewCommands) {
        QStringList texts;
        for (const QKeySequence& k : map.keys(c)) texts << k.toString(QKeySequence::PortableText);
        m_settings.setValue(QStringLiteral("review/keys/") + reviewCommandName(c), texts);
    }
}

}  // namespace stllava::ui
