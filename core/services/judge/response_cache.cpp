#include "services/judge/response_cache.h"

#include "selftrain/job_records.h"

#include <QCryptographicHash>

namespace stllava::judge {

QString requestDigest(const QByteArray& body) {
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
}

ResponseCache::ResponseCache(const std::string& path) : m_path(path) {
    m_writer = std::make_unique<selftrain::JsonlWriter>(path);  // repairs a torn last line first
    selftrain::readJsonl(path, [&](const nlohmann::json& j, std::size_t line) {
        const selftrain::RecordContext c{path, line};
        m_entries.insert(QString::fromStdString(c.str(j, "key")),
                         QByteArray::fromStdString(c.str(j, "body")));
    });
}

std::optional<QByteArray> ResponseCache::find(const QString& key) const {
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd()) return std::nullopt;
    return *it;
}

void ResponseCache::store(const QString& key, const QByteArray& body) {
    if (m_entries.contains(key)) return;
    m_writer->append(nlohmann::json{
        {"key", key.toStdString()}, {"body", body.toStdString()}, {"time", selftrain::isoTimeNow()}});
    m_entries.insert(key, body);
}

}  // namespace stllava::judge
