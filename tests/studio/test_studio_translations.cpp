// stllava-studio in each of its languages (offscreen): every catalogue embedded under :/i18n loads,
// and the main window built after it shows known strings translated (menus, workspace switcher,
// status bar, the viewer's placeholder actions); English plural forms come from its catalogue; the
// system's languages pick the right catalogue; the settings dialog lists every language.
#include "studio_test_env.h"

#include "main_window.h"
#include "settings/settings_dialog.h"
#include "translations.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>

using namespace stllava::ui;

namespace {
QStringList menuTitles(const MainWindow& w) {
    QStringList out;
    for (QAction* a : w.menuBar()->actions()) out << a->text();
    return out;
}
}  // namespace

class TestStudioTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { installTranslations(QStringLiteral("en")); }

    void languagesAvailable() {
        QStringList codes;
        for (const Language& l : availableLanguages()) codes << l.code;
        QCOMPARE(codes, (QStringList{"en", "de", "es", "zh_CN"}));
        for (const Language& l : availableLanguages()) QVERIFY2(!l.nativeName.isEmpty(), qPrintable(l.code));
    }

    void mainWindowTranslated_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("menus");
        QTest::addColumn<QString>("readAction");
        QTest::addColumn<QString>("noJobs");
        QTest::newRow("en") << "en" << QStringList{"&File", "&View", "&Help"} << "&Read" << "No jobs running";
        QTest::newRow("de") << "de" << QStringList{"&Datei", "&Ansicht", "&Hilfe"} << "&Befunden"
                            << QString::fromUtf8("Keine laufenden Aufgaben");
        QTest::newRow("es") << "es" << QStringList{"&Archivo", "&Ver", "A&yuda"} << "&Lectura"
                            << QString::fromUtf8("Ninguna tarea en curso");
        QTest::newRow("zh_CN") << "zh_CN"
                               << QStringList{QString::fromUtf8("文件(&F)"), QString::fromUtf8("视图(&V)"),
                                              QString::fromUtf8("帮助(&H)")}
                               << QString::fromUtf8("阅片(&R)") << QString::fromUtf8("没有正在运行的任务");
    }
    void mainWindowTranslated() {
        QFETCH(QString, code);
        QFETCH(QStringList, menus);
        QFETCH(QString, readAction);
        QFETCH(QString, noJobs);
        QCOMPARE(installTranslations(code), code);
        QCOMPARE(QLocale().name().left(2), code.left(2));
        MainWindow::Options options;
        options.restoreModel = false;
        MainWindow w(options);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(menuTitles(w), menus);
        auto* read = w.findChild<QAction*>(QStringLiteral("workspace-read"));
        QVERIFY(read);
        QCOMPARE(read->text(), readAction);
        QCOMPARE(w.jobsStatus(), noJobs);
    }

    void englishPluralsFromCatalogue() {
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        const char* ctx = "stllava::ui::ReadWorkspace";
        QCOMPARE(QCoreApplication::translate(ctx, "%n series found", nullptr, 1), QStringLiteral("1 series found"));
        QCOMPARE(QCoreApplication::translate(ctx, "Scanning: %n file(s) looked at", nullptr, 1),
                 QStringLiteral("Scanning: 1 file looked at"));
        QCOMPARE(QCoreApplication::translate(ctx, "Scanning: %n file(s) looked at", nullptr, 3),
                 QStringLiteral("Scanning: 3 files looked at"));
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate(ctx, "Scanning: %n file(s) looked at", nullptr, 1),
                 QString::fromUtf8("Suche: 1 Datei angesehen"));
    }

    void unknownLanguageRefused() {
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(installTranslations(QStringLiteral("fr")), QString());
        // nothing changed: German stays
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&Datei"));
    }

    void systemLanguageMatched_data() {
        QTest::addColumn<QStringList>("preferred");
        QTest::addColumn<QString>("expected");
        QTest::newRow("de-AT") << QStringList{"de-AT", "de"} << "de";
        QTest::newRow("zh-Hans-CN") << QStringList{"zh-Hans-CN", "zh-CN", "zh"} << "zh_CN";
        QTest::newRow("zh-Hant-TW falls back") << QStringList{"zh-Hant-TW"} << "en";
        QTest::newRow("fr then es-MX") << QStringList{"fr-FR", "es-MX"} << "es";
        QTest::newRow("en-GB") << QStringList{"en-GB"} << "en";
        QTest::newRow("none") << QStringList{} << "en";
    }
    void systemLanguageMatched() {
        QFETCH(QStringList, preferred);
        QFETCH(QString, expected);
        QCOMPARE(matchLanguage(preferred), expected);
    }

    void settingsListsEveryLanguage() {
        SettingsDialog d;
        auto* combo = d.findChild<QComboBox*>(QStringLiteral("language"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), int(availableLanguages().size()) + 1);  // + "System language"
        QCOMPARE(combo->itemData(0).toString(), QString());
        for (const Language& l : availableLanguages()) QVERIFY2(combo->findData(l.code) > 0, qPrintable(l.code));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioTranslations)
#include "test_studio_translations.moc"
