#include "chat/history_store.h"

#include "common/atomic_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <stdexcept>

namespace stllava::ui {

HistoryStore::HistoryStore()
    : HistoryStore(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                   QStringLiteral("/conversations")) {}

HistoryStore::HistoryStore(const QString& folder) : m_folder(folder) {}

QString HistoryStore::fileFor(const QString& studyKey) const {
    const QByteArray digest = QCryptographicHash::hash(studyKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_folder + QLatin1Char('/') + QString::fromLatin1(digest) + QStringLiteral(".json");
}

QJsonArray HistoryStore::load(const QString& studyKey, QString* error) const {
    QFile f(fileFor(studyKey));
    if (!f.exists()) return {};
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = QObject::tr("%1: cannot read: %2").arg(f.fileName(), f.errorString());
        return {};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (doc.isNull() || !doc.isObject()) {
        if (error)
            *error = QObject::tr("%1: not a conversation file: %2").arg(f.fileName(), pe.errorString());
        return {};
    }
    return doc.object().value(QStringLiteral("messages")).toArray();
}

void HistoryStore::save(const QString& studyKey, const QJsonArray& messages) const {
    if (!QDir().mkpath(m_folder))
        throw std::runtime_error(m_folder.toStdString() + ": cannot create the folder");
    const QJsonObject doc{{QStringLiteral("format"), QStringLiteral("stllava-conversation/1")},
                          {QStringLiteral("study"), studyKey},
                          {QStringLiteral("messages"), messages}};
    writeFileAtomic(fileFor(studyKey).toStdString(), QJsonDocument(doc).toJson().toStdString());
}

}  // namespace stllava::ui
