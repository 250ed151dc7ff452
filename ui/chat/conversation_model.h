// The conversation about the study on screen: questions, streamed answers (each with its
// provenance: model and adapter digests, template, sampling settings, the window and frame the model
// saw), and errors shown in line. Changed on the GUI thread only; saved as JSON by HistoryStore.
#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace stllava::ui {

struct ChatMessage {
    enum class Kind { Question, Answer, Error };
    Kind kind = Kind::Question;
    QString text;
    QJsonObject provenance;  // answers: what produced them; questions: the image they were asked about
    bool streaming = false;  // an answer still being generated
};

class ConversationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { KindRole = Qt::UserRole + 1, ProvenanceRole, StreamingRole };

    explicit ConversationModel(QObject* parent = nullptr);

    int append(ChatMessage message);  // returns the new row
    void appendText(int row, const QString& text);
    void finish(int row, const QJsonObject& provenanceUpdates);  // streaming off, provenance merged
    void replaceWithError(int row, const QString& message);
    void removeFrom(int row);  // rows row .. end
    void clear();
    const std::vector<ChatMessage>& messages() const { return m_messages; }
    int lastRow(ChatMessage::Kind kind) const;  // -1 when none

    QJsonArray toJson() const;
    void fromJson(const QJsonArray& messages);  // unknown kinds are skipped

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    std::vector<ChatMessage> m_messages;
};

const char* kindName(ChatMessage::Kind kind);  // "question", "answer", "error"

}  // namespace stllava::ui
