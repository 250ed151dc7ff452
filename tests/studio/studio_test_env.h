// Shared by the stllava-studio GUI suites: a main() that points QSettings and QStandardPaths at a
// temporary home before the QApplication exists (so no suite reads or writes the user's settings
// or conversation history), and a helper that waits for the viewer to show an image.
#pragma once

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#define STLLAVA_STUDIO_TEST_MAIN(TestClass)                                      \
    int main(int argc, char** argv) {                                            \
        QTemporaryDir home;                                                      \
        qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());          \
        qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());              \
        qputenv("XDG_CACHE_HOME", (home.path() + "/cache").toUtf8());            \
        QApplication app(argc, argv);                                            \
        QApplication::setOrganizationName(QStringLiteral("STLLaVA-Med"));        \
        QApplication::setApplicationName(QStringLiteral("stllava-studio-test")); \
        TestClass test;                                                          \
        return QTest::qExec(&test, argc, argv);                                  \
    }
