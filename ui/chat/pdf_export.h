// A conversation as PDF (QTextDocument laid out on A4 through QPdfWriter): the same content as the
// Markdown export, the images embedded. Written atomically. Usable on a worker thread (QImage only,
// no QPixmap).
#pragma once

#include "chat/conversation_export.h"

#include <QByteArray>
#include <QString>

namespace stllava::ui {

QByteArray renderPdfExport(const ConversationExport& conversation);
// Throws std::runtime_error naming the file when it cannot be written.
void writePdfExport(const ConversationExport& conversation, const QString& path);

}  // namespace stllava::ui
