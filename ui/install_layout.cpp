#include "install_layout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifndef STLLAVA_DATA_FROM_BIN
#error "STLLAVA_DATA_FROM_BIN (bin -> share, relative) is set by ui/CMakeLists.txt"
#endif

namespace stllava::ui {

QString installedDataDir() {
    return QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                               .absoluteFilePath(QStringLiteral(STLLAVA_DATA_FROM_BIN)));
}

QIcon applicationIcon() {
    const QString name = QStringLiteral("stllava-studio");
    const QDir hicolor(installedDataDir() + QStringLiteral("/icons/hicolor"));
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString png = hicolor.absoluteFilePath(QStringLiteral("%1x%1/apps/%2.png").arg(size).arg(name));
        if (QFileInfo::exists(png)) icon.addFile(png, QSize(size, size));
    }
    if (!icon.isNull()) return icon;
    return QIcon::fromTheme(name);
}

}  // namespace stllava::ui
