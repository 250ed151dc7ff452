// A conversation as Markdown: "<name>.md" and, beside it, "<name>_images/image-N.png" (the pixels
// the model saw, no metadata). Each question and answer with its provenance in one compact line.
// Every file is written atomically; the images first, so the .md never points at a missing one.
#pragma once

#include "chat/conversation_export.h"

#include <QString>

namespace stllava::ui {

// The folder the images of `markdownPath` go to ("/x/report.md" -> "/x/report_images").
QString markdownImageFolder(const QString& markdownPath);
// Throws std::runtime_error naming the file that cannot be written.
void writeMarkdownExport(const ConversationExport& conversation, const QString& path);

}  // namespace stllava::ui
