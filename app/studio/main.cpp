// stllava-studio: the desktop application (Qt Widgets). Opens on the Read workspace; files, folders
// and a model folder can be given on the command line. --screenshot saves a PNG of the window once
// the opened image (and the series thumbnails of an opened folder) are on screen, then quits.
// The interface language is --lang CODE, else the one chosen in Settings, else the system's.
#include "main_window.h"
#include "common/core_dumps.h"
#include "common/openmp_spin.h"
#include "chat/chat_panel.h"
#include "read_workspace.h"
#include "install_layout.h"
#include "services/jobs/chat_job.h"
#include "studio_settings.h"
#include "translations.h"
#include "viewer/image_view.h"
#include "viewer/viewer_panel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {
Q_LOGGING_CATEGORY(lcStudio, "stllava.studio")

// The value of --lang CODE or --lang=CODE; read before the parser, whose help texts are translated.
QString languageArgument(int argc, char** argv, bool* given) {
    *given = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            *given = true;
            return QString::fromLocal8Bit(argv[i + 1]);
        }
        if (std::strncmp(argv[i], "--lang=", 7) == 0) {
            *given = true;
            return QString::fromLocal8Bit(argv[i] + 7);
        }
    }
    return QString();
}

QString languageCodes() {
    QStringList codes;
    for (const auto& l : stllava::ui::availableLanguages()) codes << l.code;
    return codes.join(QStringLiteral(", "));
}
}  // namespace

int main(int argc, char** argv) {
    stllava::restartWithShortOpenMpSpin(argv);  // common/openmp_spin.h: before anything else runs
    // Keys, tokens and patient data never reach a core file (common/core_dumps.h).
    if (const std::string why = stllava::disableCoreDumps(); !why.empty())
        std::fprintf(stderr, "stllava-studio: warning: core dumps stay on: %s\n", why.c_str());
    // --version answers without a display (before the GUI platform is initialised).
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("stllava-studio %s\n", STLLAVA_VERSION);
            return 0;
        }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("STLLaVA-Med"));
    QApplication::setApplicationName(QStringLiteral("STLLaVA-Med Studio"));
    QApplication::setApplicationVersion(QStringLiteral(STLLAVA_VERSION));
    QApplication::setWindowIcon(stllava::ui::applicationIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("stllava-studio"));  // share/applications/stllava-studio.desktop

    bool languageGiven = false;
    const QString language = languageArgument(argc, argv, &languageGiven);
    if (languageGiven) {
        if (stllava::ui::installTranslations(language).isEmpty()) {
            std::fprintf(stderr, "stllava-studio: --lang %s: not available (available: %s)\n", qPrintable(language),
                         qPrintable(languageCodes()));
            return 2;
        }
    } else if (stllava::ui::installTranslations(stllava::ui::StudioSettings().language()).isEmpty()) {
        stllava::ui::installTranslations(QString());  // a language in the settings no longer available
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "STLLaVA-Med Studio: read medical images and ask a local vision-language model about them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QApplication::translate("main", "A DICOM or raster file, or a folder of DICOM files."));
    const QCommandLineOption modelOpt(QStringLiteral("model"),
                                      QApplication::translate("main", "Model folder to load."),
                                      QStringLiteral("dir"));
    const QCommandLineOption noRestoreOpt(
        QStringLiteral("no-restore-model"),
        QApplication::translate("main", "Do not load the last model at start-up."));
    const QCommandLineOption shotOpt(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once the image is shown, then quit."),
        QStringLiteral("png"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     QApplication::translate("main", "Window size, e.g. 1440x900."),
                                     QStringLiteral("WxH"));
    const QCommandLineOption presetOpt(
        QStringLiteral("window"),
        QApplication::translate("main", "Initial window as CENTER,WIDTH (e.g. 40,400)."),
        QStringLiteral("c,w"));
    const QCommandLineOption namedOpt(
        QStringLiteral("preset"),
        QApplication::translate("main",
                                "Initial window preset: brain, lung, abdomen, bone, mediastinum, liver."),
        QStringLiteral("name"));
    const QCommandLineOption askOpt(
        QStringLiteral("ask"),
        QApplication::translate("main", "With --screenshot: ask this about the image and save once answered."),
        QStringLiteral("question"));
    const QCommandLineOption langOpt(
        QStringLiteral("lang"),
        QApplication::translate("main", "Interface language: %1 (default: the one chosen in Settings, else the "
                                        "system's).")
            .arg(languageCodes()),
        QStringLiteral("code"));
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the embedded demo that `stllava demo run` wrote into this folder."),
        QStringLiteral("dir"));
    const QCommandLineOption workspaceOpt(
        QStringLiteral("workspace"),
        QApplication::translate("main", "Workspace to show at start: read, review, training or reports."),
        QStringLiteral("name"));
    parser.addOptions(
        {modelOpt, noRestoreOpt, shotOpt, sizeOpt, presetOpt, namedOpt, askOpt, langOpt, demoOpt, workspaceOpt});
    parser.process(app);

    stllava::ui::MainWindow::Options options;
    options.restoreModel = !parser.isSet(noRestoreOpt) && !parser.isSet(modelOpt) && !parser.isSet(shotOpt);
    // A first start (no last model, nothing named on the command line) opens the embedded demo.
    options.openDemo = options.restoreModel && parser.positionalArguments().isEmpty() && !parser.isSet(demoOpt);
    if (parser.isSet(demoOpt)) stllava::ui::StudioSettings().setDemoFolder(QFileInfo(parser.value(demoOpt)).absoluteFilePath());
    stllava::ui::MainWindow window(options);
    if (parser.isSet(sizeOpt)) {
        const QStringList wh = parser.value(sizeOpt).split(QLatin1Char('x'));
        if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();
    if (parser.isSet(modelOpt)) window.loadModel(parser.value(modelOpt));
    if (parser.isSet(demoOpt) && !window.openDemo()) {
        std::fprintf(stderr, "stllava-studio: %s\n",
                     qPrintable(QApplication::translate("main", "--demo %1: no demo there (run `stllava demo run --out %1`)")
                                    .arg(parser.value(demoOpt))));
        return 2;
    }
    QWidget* startWorkspace = nullptr;
    if (parser.isSet(workspaceOpt)) {
        const QString name = parser.value(workspaceOpt);
        const QStringList known{QStringLiteral("read"), QStringLiteral("review"), QStringLiteral("training"),
                                QStringLiteral("reports")};
        startWorkspace = known.contains(name) ? window.findChild<QWidget*>(name) : nullptr;
        if (!startWorkspace) {
            std::fprintf(stderr, "stllava-studio: %s\n",
                         qPrintable(QApplication::translate("main", "--workspace %1: unknown (read, review, training, reports)")
                                        .arg(name)));
            return 2;
        }
        window.showWorkspace(startWorkspace);
    }

    auto* read = window.readWorkspace();
    auto* viewer = read->viewer();
    bool initialWindowSet = false;
    if (parser.isSet(namedOpt)) {
        const auto preset = stllava::presetWindow(parser.value(namedOpt).toStdString());
        if (!preset) {
            std::fprintf(stderr, "stllava-studio: %s\n",
                         qPrintable(QApplication::translate(
                                        "main", "--preset %1: unknown (brain, lung, abdomen, bone, mediastinum, liver)")
                                        .arg(parser.value(namedOpt))));
            return 2;
        }
        stllava::Window w = *preset;
        w.explanation = stllava::ui::ViewerPanel::presetLabel(parser.value(namedOpt).toUtf8().constData()).toStdString();
        QObject::connect(viewer, &stllava::ui::ViewerPanel::imageShown, &window,
                         [viewer, w, &initialWindowSet] {
                             if (initialWindowSet) return;
                             initialWindowSet = true;
                             viewer->view()->setWindow(w);
                         });
    } else if (parser.isSet(presetOpt)) {
        const QStringList cw = parser.value(presetOpt).split(QLatin1Char(','));
        if (cw.size() == 2) {
            QObject::connect(viewer, &stllava::ui::ViewerPanel::imageShown, &window,
                             [viewer, cw, &initialWindowSet] {
                                 if (initialWindowSet) return;
                                 initialWindowSet = true;
                                 stllava::Window w;
                                 w.center = cw[0].toDouble();
                                 w.width = cw[1].toDouble();
                                 w.explanation = QApplication::translate("main", "manual").toStdString();
                                 viewer->view()->setWindow(w);
                             });
        }
    }
    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(shotOpt)) {
        const QString png = parser.value(shotOpt);
        const bool folder = !paths.isEmpty() && QFileInfo(paths.front()).isDir();
        auto shoot = [&window, png] {
            // One more pass of the event loop so the last repaint is in the grab.
            QTimer::singleShot(200, &window, [&window, png] {
                const bool ok = window.grab().save(png);
                qCInfo(lcStudio) << (ok ? "screenshot saved:" : "screenshot NOT saved:") << png;
                QApplication::exit(ok ? 0 : 1);
            });
        };
        if (parser.isSet(askOpt)) {
            // Ask once both the model and the image are there; save when the answer is complete.
            const QString question = parser.value(askOpt);
            auto asked = std::make_shared<bool>(false);
            auto ask = [&window, viewer, question, asked] {
                if (*asked || !window.chatJob()->backendInfo().ready || !viewer->view()->hasImage()) return;
                *asked = true;
                window.readWorkspace()->chat()->ask(question);
            };
            QObject::connect(&window, &stllava::ui::MainWindow::modelLoaded, &window, ask);
            QObject::connect(viewer, &stllava::ui::ViewerPanel::imageShown, &window, ask);
            QObject::connect(window.chatJob(), &stllava::jobs::ChatJob::finished, &window, shoot);
            QObject::connect(window.chatJob(), &stllava::jobs::ChatJob::failed, &window, shoot);
        } else if (folder)
            QObject::connect(read, &stllava::ui::ReadWorkspace::thumbnailsDone, &window, shoot);
        else if (!paths.isEmpty())
            QObject::connect(viewer, &stllava::ui::ViewerPanel::imageShown, &window, shoot);
        else if (parser.isSet(demoOpt))
            QTimer::singleShot(4000, &window, shoot);  // the demo's studies, pairs and reports load meanwhile
        else
            shoot();
        QTimer::singleShot(parser.isSet(askOpt) ? 300000 : 60000, &window, [] {
            qCWarning(lcStudio) << "screenshot: nothing shown in time";
            QApplication::exit(2);
        });
    }
    if (!paths.isEmpty()) window.openPath(paths.front());
    if (startWorkspace) window.showWorkspace(startWorkspace);  // openPath shows Read
    return app.exec();
}
