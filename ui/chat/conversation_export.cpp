#include "chat/conversation_export.h"

#include "viewer/dicom_text.h"
#include "chat/export_text.h"
#include "chat/markdown_export.h"
#include "chat/pdf_export.h"
#include "chat/sr_export.h"
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"

#include <QFileInfo>
#include <QJsonValue>

#include <algorithm>
#include <stdexcept>

namespace stllava::ui {

namespace {

QString shortDigest(const QString& digest) {
    return digest.size() > 16 ? digest.left(16) + QChar(0x2026) : digest;
}

QStringList studyDetails(const DicomTags& t) {
    QStringList lines;
    QStringList patient;
    if (!t.patientName.empty()) patient << dicomPersonName(t.patientName);
    if (!t.patientId.empty()) patient << ExportText::tr("ID %1").arg(dicomText(t.patientId));
    if (!patient.isEmpty()) lines << ExportText::tr("Patient: %1").arg(patient.join(QStringLiteral(" · ")));
    QStringList study;
    if (!t.studyDescription.empty()) study << dicomText(t.studyDescription);
    if (!t.studyDate.empty()) study << dicomDate(t.studyDate);
    if (!t.modality.empty()) study << dicomText(t.modality);
    if (!study.isEmpty()) lines << ExportText::tr("Study: %1").arg(study.join(QStringLiteral(" · ")));
    return lines;
}

// The index of the image (path, frame, window) in `out.images`, rendering it when new.
int imageFor(const QJsonObject& provenance, ConversationExport& out, const ExportOptions& options,
             bool& detailsDone) {
    const QString path = provenance.value(QStringLiteral("image")).toString();
    if (path.isEmpty() || path == QLatin1String("none")) return -1;
    const QJsonObject w = provenance.value(QStringLiteral("window")).toObject();
    ExportedImage image;
    image.sourcePath = path;
    image.frame = provenance.value(QStringLiteral("frame")).toInt();
    image.center = w.value(QStringLiteral("center")).toDouble();
    image.width = w.value(QStringLiteral("width")).toDouble(1.0);
    image.invert = w.value(QStringLiteral("invert")).toBool();
    for (std::size_t i = 0; i < out.images.size(); ++i) {
        const ExportedImage& o = out.images[i];
        if (o.sourcePath == path && o.frame == image.frame && o.center == image.center &&
            o.width == image.width && o.invert == image.invert)
            return static_cast<int>(i);
    }
    LoadOptions load;
    load.frame = image.frame;
    ImageData data;
    try {
        data = loadImageData(path.toStdString(), load);
    } catch (const std::exception& e) {
        throw std::runtime_error(ExportText::tr("Cannot render the image the model saw again: %1")
                                     .arg(QString::fromStdString(e.what()))
                                     .toStdString());
    }
    DisplayOptions display;
    display.mode = DisplayOptions::Mode::Explicit;
    display.window.center = image.center;
    display.window.width = std::max(1.0, image.width);
    display.invert = image.invert;
    image.pixels = renderDisplay(data, display);  // as ImageView::render() drew it for the model
    image.dicom = data.source == ImageSource::Dicom;
    if (image.dicom)
        for (const std::string& why : burnedInTextRisk(data.tags)) image.burnedInTextRisk << dicomText(why);
    const QString name = options.hidePatientDetails
                             ? ExportText::tr("Image %1").arg(out.images.size() + 1)
                             : QFileInfo(path).fileName();
    image.caption = imageCaption(name, image.frame, data.frameCount, image.center, image.width, image.invert);
    if (!detailsDone && image.dicom && !options.hidePatientDetails) {
        out.details << studyDetails(data.tags);
        detailsDone = true;
    }
    out.images.push_back(std::move(image));
    return static_cast<int>(out.images.size()) - 1;
}

}  // namespace

QString imageCaption(const QString& name, int frame, int frameCount, double center, double width, bool invert) {
    QString s = name;
    if (frameCount > 1) s += ExportText::tr(", frame %1 of %2").arg(frame + 1).arg(frameCount);
    s += ExportText::tr(", window C %1 / W %2").arg(center, 0, 'g', 6).arg(width, 0, 'g', 6);
    if (invert) s += ExportText::tr(" (inverted)");
    return s;
}

QString exportProvenanceLine(const QJsonObject& p) {
    QStringList parts;
    const QString model = p.value(QStringLiteral("model")).toString();
    QString m = ExportText::tr("model %1").arg(model.isEmpty() ? ExportText::tr("unknown") : QFileInfo(model).fileName());
    const QString digest = p.value(QStringLiteral("model_digest")).toString();
    if (!digest.isEmpty()) m += QStringLiteral(" (") + shortDigest(digest) + QLatin1Char(')');
    parts << m;
    const QString adapter = p.value(QStringLiteral("adapter")).toString();
    if (!adapter.isEmpty())
        parts << ExportText::tr("adapter %1 (%2)")
                     .arg(QFileInfo(adapter).fileName(),
                          shortDigest(p.value(QStringLiteral("adapter_digest")).toString()));
    const QString templ = p.value(QStringLiteral("template")).toString();
    if (!templ.isEmpty()) parts << ExportText::tr("template %1").arg(templ);
    const QJsonObject s = p.value(QStringLiteral("sampling")).toObject();
    if (!s.isEmpty())
        parts << ExportText::tr("T %1, top-p %2, max %3, seed %4")
                     .arg(s.value(QStringLiteral("temperature")).toDouble(), 0, 'g', 3)
                     .arg(s.value(QStringLiteral("top_p")).toDouble(), 0, 'g', 3)
                     .arg(s.value(QStringLiteral("max_new_tokens")).toInt())
                     .arg(s.value(QStringLiteral("seed")).toString());
    const QString device = p.value(QStringLiteral("device")).toString();
    if (!device.isEmpty()) parts << device;
    if (p.value(QStringLiteral("image")).toString() == QLatin1String("none"))
        parts << ExportText::tr("no image seen");
    const QString at = p.value(QStringLiteral("asked_at")).toString();
    if (!at.isEmpty()) parts << at;
    if (p.contains(QStringLiteral("generated_tokens")))
        parts << ExportText::tr("%1 tokens, %2 tok/s")
                     .arg(p.value(QStringLiteral("generated_tokens")).toInt())
                     .arg(p.value(QStringLiteral("tokens_per_second")).toDouble(), 0, 'f', 1);
    const QString stop = p.value(QStringLiteral("stop_reason")).toString();
    if (!stop.isEmpty()) parts << ExportText::tr("stop: %1").arg(stop);
    return parts.join(QStringLiteral(" · "));
}

ConversationExport buildConversationExport(const std::vector<ChatMessage>& messages, const ExportOptions& options) {
    ConversationExport out;
    out.exportedAt = QDateTime::currentDateTimeUtc();
    bool detailsDone = false;
    const ChatMessage* question = nullptr;
    for (const ChatMessage& m : messages) {
        if (m.kind == ChatMessage::Kind::Question) {
            question = &m;
            continue;
        }
        if (m.kind != ChatMessage::Kind::Answer || m.streaming || question == nullptr) continue;
        ExportedExchange e;
        e.question = question->text;
        e.answer = m.text;
        e.provenance = m.provenance;
        e.provenanceLine = exportProvenanceLine(m.provenance);
        e.image = imageFor(m.provenance, out, options, detailsDone);
        out.exchanges.push_back(std::move(e));
        question = nullptr;
    }
    if (out.exchanges.empty())
        throw std::runtime_error(ExportText::tr("The conversation has no answered question to export.").toStdString());
    if (options.hidePatientDetails)
        out.details = QStringList{ExportText::tr("Patient details hidden (presentation mode)")};
    const ExportedImage* first = out.images.empty() ? nullptr : &out.images.front();
    out.title = first && !options.hidePatientDetails
                    ? ExportText::tr("Conversation about %1").arg(QFileInfo(first->sourcePath).fileName())
                    : ExportText::tr("Conversation about an image");
    return out;
}

QString exportUnavailableReason(const ConversationExport& c, ExportFormat format) {
    if (c.exchanges.empty()) return ExportText::tr("The conversation has no answered question to export.");
    if (format != ExportFormat::DicomSr) return {};
    return srExportUnavailableReason(c);
}

void writeConversationExport(const ConversationExport& c, ExportFormat format, const QString& path) {
    switch (format) {
        case ExportFormat::Markdown:
            writeMarkdownExport(c, path);
            return;
        case ExportFormat::Pdf:
            writePdfExport(c, path);
            return;
        case ExportFormat::DicomSr:
            writeSrExport(c, path);
            return;
    }
}

}  // namespace stllava::ui
