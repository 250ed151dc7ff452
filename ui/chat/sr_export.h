// A conversation as a DICOM Basic Text SR (core/imaging/structured_report.h) for the PACS: each
// answered question as Request and Finding, each finding referencing the DICOM image (and frame) the
// model saw, with the model, its digest and the sampling settings as properties of the finding.
#pragma once

#include "chat/conversation_export.h"
#include "imaging/structured_report.h"

#include <QString>

namespace stllava::ui {

// Empty when the SR can be written; else why not, for people (a raster image, an answer given
// without an image, images of more than one study).
QString srExportUnavailableReason(const ConversationExport& conversation);
SrDocumentInput srDocumentInput(const ConversationExport& conversation);
// Throws std::runtime_error naming the file and the problem (including the reasons above).
SrWritten writeSrExport(const ConversationExport& conversation, const QString& path);

}  // namespace stllava::ui
