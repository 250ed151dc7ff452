// Judge responses kept on disk, keyed by the SHA-256 of the request body: the same request (same
// model, rule, question, answers, image, settings) is never paid for twice, across restarts too.
// One JSON line per response ({"key","body","time"}), appended with fsync; a torn last line is
// repaired on open. Only successful chat.completions responses are stored.
#pragma once

#include "selftrain/jsonl.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace stllava::judge {

QString requestDigest(const QByteArray& body);  // hex SHA-256

class ResponseCache {
public:
    explicit ResponseCache(const std::string& path);  // loads it (creating the file); throws RecordError
    std::optional<QByteArray> find(const QString& key) const;
    void store(const QString& key, const QByteArray& body);
    int size() const { return static_cast<int>(m_entries.size()); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    QHash<QString, QByteArray> m_entries;
    std::unique_ptr<selftrain::JsonlWriter> m_writer;
};

}  // namespace stllava::judge
