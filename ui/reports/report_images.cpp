#include "reports/report_images.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

namespace stllava::ui {

namespace {

QStringList benchmarkFolders(const eval::ReportFile& report) {
    QStringList folders;
    const QString dataset = QString::fromStdString(report.report.dataset_path);
    if (dataset.isEmpty()) return folders;
    QStringList bases;
    if (QFileInfo(dataset).isAbsolute()) {
        bases << QFileInfo(dataset).absolutePath();
    } else {
        bases << QFileInfo(dataset).absolutePath();  // from the working folder
        QDir up = QFileInfo(QString::fromStdString(report.path)).absoluteDir();
        for (int level = 0; level < 6; ++level) {  // the demo: eval/<stage>/<benchmark>/report/ under its root
            const QFileInfo candidate(up.filePath(dataset));
            if (candidate.exists()) bases << candidate.absolutePath();
            if (!up.cdUp()) break;
        }
    }
    for (const QString& base : bases) {
        if (folders.contains(base)) continue;
        folders << base;
        for (const QFileInfo& sub : QDir(base).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            folders << sub.absoluteFilePath();
    }
    return folders;
}

}  // namespace

QString resolveReportImage(const eval::ReportFile& report, const QString& image, const QString& chosenFolder) {
    if (image.isEmpty()) return QString();
    if (QFileInfo(image).isAbsolute()) return QFileInfo::exists(image) ? image : QString();
    QStringList folders;
    if (!chosenFolder.isEmpty()) folders << chosenFolder;
    folders << benchmarkFolders(report);
    for (const QString& folder : folders) {
        const QString path = QDir(folder).filePath(image);
        if (QFileInfo(path).isFile()) return path;
    }
    return QString();
}

QImage readScaledImage(const QString& path, int maxSide) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > maxSide || size.height() > maxSide))
        reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > maxSide || image.height() > maxSide))
        image = image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

std::string thumbnailDataUri(const QString& path, int maxSide) {
    if (path.isEmpty()) return {};
    const QImage image = readScaledImage(path, maxSide);
    if (image.isNull()) return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) return {};
    return "data:image/png;base64," + png.toBase64().toStdString();
}

}  // namespace stllava::ui
