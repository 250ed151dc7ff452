#include "training/field_checks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include <cmath>

namespace stllava::ui::checks {

namespace {


QString native(const QString& path) { return QDir::toNativeSeparators(path); }

}  // namespace

QString existingFolder(const QString& path, bool required) {
    const QString p = path.trimmed();
    if (p.isEmpty()) return required ? QCoreApplication::translate("TrainingFieldChecks", "required: choose a folder") : QString();
    const QFileInfo info(p);
    if (!info.exists()) return QCoreApplication::translate("TrainingFieldChecks", "%1: no such folder").arg(native(p));
    if (!info.isDir()) return QCoreApplication::translate("TrainingFieldChecks", "%1: not a folder").arg(native(p));
    return {};
}

QString existingFile(const QString& path, bool required) {
    const QString p = path.trimmed();
    if (p.isEmpty()) return required ? QCoreApplication::translate("TrainingFieldChecks", "required: choose a file") : QString();
    const QFileInfo info(p);
    if (!info.exists()) return QCoreApplication::translate("TrainingFieldChecks", "%1: no such file").arg(native(p));
    if (!info.isFile()) return QCoreApplication::translate("TrainingFieldChecks", "%1: not a file").arg(native(p));
    if (!info.isReadable()) return QCoreApplication::translate("TrainingFieldChecks", "%1: cannot be read").arg(native(p));
    return {};
}

QString outputFolder(const QString& path) {
    const QString p = path.trimmed();
    if (p.isEmpty()) return QCoreApplication::translate("TrainingFieldChecks", "required: choose a folder for the results");
    QFileInfo info(p);
    if (info.exists()) return info.isDir() ? QString() : QCoreApplication::translate("TrainingFieldChecks", "%1: a file is in the way").arg(native(p));
    // The nearest existing parent must be a writable folder: the run makes the rest.
    QString parent = info.absolutePath();
    while (!QFileInfo::exists(parent)) {
        const QString up = QFileInfo(parent).absolutePath();
        if (up == parent) break;
        parent = up;
    }
    const QFileInfo p2(parent);
    if (!p2.isDir()) return QCoreApplication::translate("TrainingFieldChecks", "%1: cannot be made (%2 is not a folder)").arg(native(p), native(parent));
    if (!p2.isWritable()) return QCoreApplication::translate("TrainingFieldChecks", "%1: cannot be made (%2 is not writable)").arg(native(p), native(parent));
    return {};
}

QString wholeNumber(const QString& text, qint64 min, qint64 max, qint64* value) {
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok) return QCoreApplication::translate("TrainingFieldChecks", "\"%1\" is not a whole number").arg(text);
    if (v < min || v > max) return QCoreApplication::translate("TrainingFieldChecks", "%1 is outside %2 … %3").arg(v).arg(min).arg(max);
    if (value) *value = v;
    return {};
}

QString number(const QString& text, double min, double max, bool minExclusive, double* value) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) return QCoreApplication::translate("TrainingFieldChecks", "\"%1\" is not a number").arg(text);
    if (v < min || v > max || (minExclusive && v == min))
        return minExclusive ? QCoreApplication::translate("TrainingFieldChecks", "%1 must be above %2 and at most %3").arg(text.trimmed()).arg(min).arg(max)
                            : QCoreApplication::translate("TrainingFieldChecks", "%1 is outside %2 … %3").arg(text.trimmed()).arg(min).arg(max);
    if (value) *value = v;
    return {};
}

QString seedPair(const QString& text) {
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.size() != 2) return QCoreApplication::translate("TrainingFieldChecks", "\"%1\": expected two seeds, e.g. 40,42").arg(text);
    for (const QString& part : parts) {
        bool ok = false;
        part.trimmed().toULongLong(&ok);
        if (!ok) return QCoreApplication::translate("TrainingFieldChecks", "\"%1\" is not a seed (a whole number)").arg(part.trimmed());
    }
    return {};
}

}  // namespace stllava::ui::checks
