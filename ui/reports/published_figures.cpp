#include "reports/published_figures.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stllava::ui {

PublishedFigures loadPublishedFigures(const QString& requested) {
    const QString path = requested.isEmpty() ? QStringLiteral(":/reports/published_figures.json") : requested;
    PublishedFigures out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QCoreApplication::translate("stllava::ui::PublishedFigures", "%1: cannot be read (%2)").arg(path, file.errorString());
        return out;
    }
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (doc.isNull()) {
        out.error = QCoreApplication::translate("stllava::ui::PublishedFigures", "%1: not valid JSON (%2 at byte %3)").arg(path, parse.errorString()).arg(parse.offset);
        return out;
    }
    const QJsonValue list = doc.object().value(QStringLiteral("figures"));
    if (!list.isArray()) {
        out.error = QCoreApplication::translate("stllava::ui::PublishedFigures", "%1: field \"figures\" must be a list").arg(path);
        return out;
    }
    const QJsonArray figures = list.toArray();
    for (int i = 0; i < figures.size(); ++i) {
        const QJsonObject o = figures.at(i).toObject();
        PublishedFigure f;
        const auto text = [&](const char* key, QString& into) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (!v.isString() || v.toString().isEmpty()) {
                out.error = QCoreApplication::translate("stllava::ui::PublishedFigures", "%1: figures[%2]: field \"%3\" must be a non-empty string").arg(path).arg(i).arg(
                    QLatin1String(key));
                return false;
            }
            into = v.toString();
            return true;
        };
        if (!text("model", f.model) || !text("benchmark", f.benchmark) || !text("type", f.type) ||
            !text("metric", f.metric) || !text("setting", f.setting) || !text("scoring", f.scoring) ||
            !text("source", f.source))
            return {{}, out.error};
        const QJsonValue value = o.value(QStringLiteral("value"));
        if (!value.isDouble()) {
            out.error = QCoreApplication::translate("stllava::ui::PublishedFigures", "%1: figures[%2]: field \"value\" must be a number").arg(path).arg(i);
            return {{}, out.error};
        }
        f.value = value.toDouble();
        out.figures.append(f);
    }
    return out;
}

}  // namespace stllava::ui
