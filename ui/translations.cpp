#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <vector>

namespace stllava::ui {

namespace {

Q_LOGGING_CATEGORY(lcTranslations, "stllava.ui.translations")

const QString kCatalogueDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("stllava_");

// The translators installed by installTranslations(), removed by its next call. GUI thread only.
std::vector<QPointer<QTranslator>>& installed() {
    static std::vector<QPointer<QTranslator>> list;
    return list;
}

QStringList availableCodes() {
    QStringList codes;
    for (const QString& file : QDir(kCatalogueDir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files))
        codes << file.mid(kPrefix.size(), file.size() - kPrefix.size() - 3);
    std::sort(codes.begin(), codes.end(), [](const QString& a, const QString& b) {
        if ((a == QLatin1String("en")) != (b == QLatin1String("en"))) return a == QLatin1String("en");
        return a < b;
    });
    return codes;
}

}  // namespace

QList<Language> availableLanguages() {
    QList<Language> out;
    for (const QString& code : availableCodes()) {
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty()) name[0] = name[0].toUpper();  // "español" -> "Español"
        out.push_back({code, name.isEmpty() ? code : name});
    }
    return out;
}

QString matchLanguage(const QStringList& preferred) {
    const QStringList codes = availableCodes();
    for (QString wanted : preferred) {
        wanted.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (codes.contains(wanted)) return wanted;
        const QLocale want(wanted);
        if (want.language() == QLocale::C) continue;
        // Same language and script: "de_AT" -> "de", "zh_Hans_SG" -> "zh_CN"; never "zh_Hant" -> "zh_CN".
        for (const QString& code : codes) {
            const QLocale have(code);
            if (have.language() == want.language() && have.script() == want.script()) return code;
        }
    }
    return QStringLiteral("en");
}

QString installTranslations(const QString& requested) {
    const QString code = requested.isEmpty() ? matchLanguage(QLocale::system().uiLanguages()) : requested;
    if (!availableCodes().contains(code)) return QString();
    for (QPointer<QTranslator>& t : installed()) {
        if (!t) continue;
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    const QLocale locale(code);
    QLocale::setDefault(locale);
    auto install = [](std::unique_ptr<QTranslator> t) {
        t->setParent(QCoreApplication::instance());  // goes with the application
        QCoreApplication::installTranslator(t.get());
        installed().emplace_back(t.release());
    };
    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(kCatalogueDir + QLatin1Char('/') + kPrefix + code + QStringLiteral(".qm"))) {
        qCWarning(lcTranslations) << "the embedded catalogue for" << code << "did not load";
        return QString();
    }
    install(std::move(ours));
    // Qt's own strings (standard buttons, file dialogs), from the qt6-translations-l10n package.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(std::move(qt));
    else if (code != QLatin1String("en"))
        qCInfo(lcTranslations) << "no Qt catalogue for" << code << "in"
                               << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    return code;
}

}  // namespace stllava::ui
