#include "chat/sr_export.h"

#include "chat/export_text.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

#include <stdexcept>

namespace stllava::ui {

QString srExportUnavailableReason(const ConversationExport& c) {
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < c.exchanges.size(); ++i) {
        const ExportedExchange& e = c.exchanges[i];
        if (e.image < 0)
            return ExportText::tr("Answer %1 was given without an image: a DICOM SR can only hold findings "
                                  "about DICOM images. Export as Markdown or PDF instead.")
                .arg(i + 1);
        const ExportedImage& img = c.images[static_cast<std::size_t>(e.image)];
        if (!img.dicom)
            return ExportText::tr("%1 is not a DICOM image: a DICOM SR can only reference DICOM images. "
                                  "Export as Markdown or PDF instead.")
                .arg(QFileInfo(img.sourcePath).fileName());
        paths.push_back(img.sourcePath.toStdString());
    }
    const std::string why = srUnavailableReason(paths);
    return QString::fromStdString(why);
}

SrDocumentInput srDocumentInput(const ConversationExport& c) {
    SrDocumentInput in;
    in.softwareVersion = QCoreApplication::applicationVersion().toStdString();
    for (const ExportedExchange& e : c.exchanges) {
        if (e.image < 0) continue;
        const ExportedImage& img = c.images[static_cast<std::size_t>(e.image)];
        const QJsonObject& p = e.provenance;
        SrExchange x;
        x.question = e.question.toStdString();
        x.answer = e.answer.toStdString();
        x.imagePath = img.sourcePath.toStdString();
        x.frame = img.frame;
        x.model = QFileInfo(p.value(QStringLiteral("model")).toString()).fileName().toStdString();
        x.modelDigest = p.value(QStringLiteral("model_digest")).toString().toStdString();
        x.adapter = QFileInfo(p.value(QStringLiteral("adapter")).toString()).fileName().toStdString();
        x.adapterDigest = p.value(QStringLiteral("adapter_digest")).toString().toStdString();
        // The window and frame the model saw, then the rest of the provenance.
        QString seen = ExportText::tr("frame %1, window C %2 / W %3")
                           .arg(img.frame + 1)
                           .arg(img.center, 0, 'g', 6)
                           .arg(img.width, 0, 'g', 6);
        if (img.invert) seen += ExportText::tr(" (inverted)");
        QStringList parts{seen};  // the model and its digest have their own items
        const QString templ = p.value(QStringLiteral("template")).toString();
        if (!templ.isEmpty()) parts << ExportText::tr("template %1").arg(templ);
        const QJsonObject sampling = p.value(QStringLiteral("sampling")).toObject();
        if (!sampling.isEmpty())
            parts << ExportText::tr("T %1, top-p %2, max %3, seed %4")
                         .arg(sampling.value(QStringLiteral("temperature")).toDouble(), 0, 'g', 3)
                         .arg(sampling.value(QStringLiteral("top_p")).toDouble(), 0, 'g', 3)
                         .arg(sampling.value(QStringLiteral("max_new_tokens")).toInt())
                         .arg(sampling.value(QStringLiteral("seed")).toString());
        const QString device = p.value(QStringLiteral("device")).toString();
        if (!device.isEmpty()) parts << device;
        const QString at = p.value(QStringLiteral("asked_at")).toString();
        if (!at.isEmpty()) parts << ExportText::tr("asked %1").arg(at);
        x.parameters = parts.join(QStringLiteral(" · ")).toStdString();
        in.exchanges.push_back(std::move(x));
    }
    return in;
}

SrWritten writeSrExport(const ConversationExport& c, const QString& path) {
    const QString why = srExportUnavailableReason(c);
    if (!why.isEmpty()) throw std::runtime_error(path.toStdString() + ": " + why.toStdString());
    return writeBasicTextSr(srDocumentInput(c), path.toStdString());
}

}  // namespace stllava::ui
