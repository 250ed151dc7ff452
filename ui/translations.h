// The languages of stllava-studio's interface: the catalogues compiled from translations/*.ts and
// embedded under :/i18n (stllava_<code>.qm), which of them fits the system's languages, and
// installing one (with Qt's own catalogue for its dialogs, where the system has it). English is the
// source language; its catalogue holds only the plural forms.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace stllava::ui {

struct Language {
    QString code;        // locale name: "en", "de", "zh_CN", "es"
    QString nativeName;  // the language's name in itself: "Deutsch", "简体中文"
};

// Every language with an embedded catalogue, English first, then by code. The one list the
// settings dialog, --lang and the tests read.
QList<Language> availableLanguages();

// The available language that fits the first of `preferred` (locale names in order of preference,
// as QLocale::uiLanguages() gives them: "de-AT", "zh-Hans-CN") by language and script; "en" when
// none fits.
QString matchLanguage(const QStringList& preferred);

// `requested` = "" means the system's languages (matchLanguage(QLocale::system().uiLanguages())).
// Replaces the catalogues installed by an earlier call, sets QLocale's default to the language and
// returns its code; "" (and nothing changed) when `requested` is not available.
QString installTranslations(const QString& requested);

}  // namespace stllava::ui
