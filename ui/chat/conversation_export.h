// A conversation ready to export: each answered question with its answer, the provenance of the
// answer in one compact line, and the image the model saw re-rendered from the file under the window,
// invert and frame recorded in the provenance (pixels only: nothing of the DICOM header travels with
// it). Built on the GUI thread from the conversation model (a copy of its messages), then written by
// the Markdown, PDF and DICOM SR writers, on any thread. Errors in the conversation are left out.
#pragma once

#include "chat/conversation_model.h"
#include "imaging/image_types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace stllava::ui {

enum class ExportFormat { Markdown, Pdf, DicomSr };

struct ExportedImage {
    QString sourcePath;  // the file the model saw
    int frame = 0;       // 0-based
    double center = 0.0, width = 1.0;
    bool invert = false;
    bool dicom = false;
    RgbImage pixels;  // as the model saw them (rendered again from the file)
    QString caption;  // file name, frame and window, for people
    QStringList burnedInTextRisk;  // why the pixels may carry patient text (DICOM only)
};

struct ExportedExchange {
    QString question, answer;
    QJsonObject provenance;  // the answer's, as stored in the conversation
    QString provenanceLine;  // compact, for people
    int image = -1;          // index into ConversationExport::images; -1: the model saw no image
};

struct ConversationExport {
    QString title;
    QStringList details;  // study and patient lines; one line saying they are hidden in presentation mode
    QDateTime exportedAt;
    std::vector<ExportedExchange> exchanges;
    std::vector<ExportedImage> images;  // each image (path, frame, window) once, in order of first use
};

struct ExportOptions {
    bool hidePatientDetails = false;  // presentation mode
};

// Throws std::runtime_error naming the image file when an image cannot be rendered again, and when
// there is no answered question.
ConversationExport buildConversationExport(const std::vector<ChatMessage>& messages,
                                           const ExportOptions& options = {});

// "model tiny (sha256 1a2b3c4d…) · template llava_v1 · T 0.2, top-p 0.9, max 512, seed 7 · …"
QString exportProvenanceLine(const QJsonObject& provenance);
// "CT.dcm, frame 2 of 5, window C 40 / W 400 (inverted)" (`name`: the file name, or "Image 1")
QString imageCaption(const QString& name, int frame, int frameCount, double center, double width, bool invert);

// Writes `conversation` in `format` to `path` (Markdown: images into "<name>_images/" beside it).
// Throws std::runtime_error naming the file and the problem. Safe to call on a worker thread.
void writeConversationExport(const ConversationExport& conversation, ExportFormat format, const QString& path);

// Empty when `format` can be written for `conversation`; else why not (DICOM SR of a raster image).
QString exportUnavailableReason(const ConversationExport& conversation, ExportFormat format);

}  // namespace stllava::ui
