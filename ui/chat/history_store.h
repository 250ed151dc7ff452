// Conversation history per study, on this machine only: one JSON file per study under
// QStandardPaths::AppDataLocation/conversations/, named by the SHA-256 of the study key (so neither
// UIDs nor file paths appear in file names), never beside the images. Written atomically.
#pragma once

#include <QJsonArray>
#include <QString>

namespace stllava::ui {

class HistoryStore {
public:
    HistoryStore();  // the application's data folder
    explicit HistoryStore(const QString& folder);

    QString folder() const { return m_folder; }
    QString fileFor(const QString& studyKey) const;
    // Empty when there is no history yet. A damaged file is reported through `error` (naming it).
    QJsonArray load(const QString& studyKey, QString* error = nullptr) const;
    // Throws std::runtime_error naming the file when it cannot be written.
    void save(const QString& studyKey, const QJsonArray& messages) const;

private:
    QString m_folder;
};

}  // namespace stllava::ui
