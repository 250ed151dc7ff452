#include "chat/conversation_model.h"

namespace stllava::ui {

const char* kindName(ChatMessage::Kind kind) {
    switch (kind) {
        case ChatMessage::Kind::Question:
            return "question";
        case ChatMessage::Kind::Answer:
            return "answer";
        case ChatMessage::Kind::Error:
            return "error";
    }
    return "error";
}

ConversationModel::ConversationModel(QObject* parent) : QAbstractListModel(parent) {}

int ConversationModel::append(ChatMessage message) {
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_messages.push_back(std::move(message));
    endInsertRows();
    return row;
}

void ConversationModel::appendText(int row, const QString& text) {
    if (row < 0 || row >= rowCount()) return;
    m_messages[static_cast<std::size_t>(row)].text += text;
    Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole});
}

void ConversationModel::finish(int row, const QJsonObject& updates) {
    if (row < 0 || row >= rowCount()) return;
    ChatMessage& m = m_messages[static_cast<std::size_t>(row)];
    m.streaming = false;
    for (auto it = updates.begin(); it != updates.end(); ++it) m.provenance.insert(it.key(), it.value());
    Q_EMIT dataChanged(index(row), index(row));
}

void ConversationModel::replaceWithError(int row, const QString& message) {
    if (row < 0 || row >= rowCount()) return;
    ChatMessage& m = m_messages[static_cast<std::size_t>(row)];
    m.kind = ChatMessage::Kind::Error;
    m.text = message;
    m.streaming = false;
    Q_EMIT dataChanged(index(row), index(row));
}

void ConversationModel::removeFrom(int row) {
    if (row < 0 || row >= rowCount()) return;
    beginRemoveRows({}, row, rowCount() - 1);
    m_messages.erase(m_messages.begin() + row, m_messages.end());
    endRemoveRows();
}

void ConversationModel::clear() {
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

int ConversationModel::lastRow(ChatMessage::Kind kind) const {
    for (int i = rowCount() - 1; i >= 0; --i)
        if (m_messages[static_cast<std::size_t>(i)].kind == kind) return i;
    return -1;
}

QJsonArray ConversationModel::toJson() const {
    QJsonArray out;
    for (const auto& m : m_messages) {
        if (m.streaming) continue;  // an unfinished answer is not history
        QJsonObject o{{QStringLiteral("kind"), QString::fromLatin1(kindName(m.kind))},
                      {QStringLiteral("text"), m.text}};
        if (!m.provenance.isEmpty()) o.insert(QStringLiteral("provenance"), m.provenance);
        out.append(o);
    }
    return out;
}

void ConversationModel::fromJson(const QJsonArray& messages) {
    beginResetModel();
    m_messages.clear();
    for (const auto& v : messages) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        ChatMessage m;
        if (kind == QLatin1String("question"))
            m.kind = ChatMessage::Kind::Question;
        else if (kind == QLatin1String("answer"))
            m.kind = ChatMessage::Kind::Answer;
        else if (kind == QLatin1String("error"))
            m.kind = ChatMessage::Kind::Error;
        else
            continue;
        m.text = o.value(QStringLiteral("text")).toString();
        m.provenance = o.value(QStringLiteral("provenance")).toObject();
        m_messages.push_back(std::move(m));
    }
    endResetModel();
}

int ConversationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QVariant ConversationModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const ChatMessage& m = m_messages[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return m.text;
        case KindRole:
            return static_cast<int>(m.kind);
        case ProvenanceRole:
            return m.provenance;
        case StreamingRole:
            return m.streaming;
        default:
            return {};
    }
}

}  // namespace stllava::ui
