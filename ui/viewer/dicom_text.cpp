#include "viewer/dicom_text.h"

#include <QStringList>

namespace stllava::ui {

QString dicomText(const std::string& value) {
    return QString::fromStdString(value).trimmed();
}

QString dicomPersonName(const std::string& value) {
    QStringList parts = dicomText(value).split(QLatin1Char('^'));
    if (parts.size() < 2) return parts.join(QString());
    const QString family = parts.takeFirst();
    return family + QStringLiteral(", ") + parts.join(QLatin1Char(' ')).trimmed();
}

QString dicomDate(const std::string& value) {
    const QString s = dicomText(value);
    if (s.size() == 8) return s.left(4) + QLatin1Char('-') + s.mid(4, 2) + QLatin1Char('-') + s.mid(6, 2);
    return s;
}

}  // namespace stllava::ui
