#include "training/training_wiring.h"

#include "main_window.h"
#include "read_workspace.h"
#include "reports/reports_workspace.h"
#include "review/review_workspace.h"
#include "studio_settings.h"
#include "training/dpo_loop.h"
#include "training/training_workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QStatusBar>

namespace stllava::ui {

void wireTrainingWorkspace(MainWindow* window, TrainingWorkspace* training) {
    auto say = [window](const QString& text) { window->statusBar()->showMessage(text, 10000); };
    QObject::connect(training, &TrainingWorkspace::message, window, say);
    QObject::connect(training, &TrainingWorkspace::openInRead, window,
                     [window, say](const QString& model, const QString& adapter) {
        if (adapter.isEmpty()) {
            window->loadModel(model, false);
        } else {
            // This one load with the trained adapter; the settings' own adapter stays as it was.
            StudioSettings settings;
            const ModelPreferences saved = settings.modelPreferences();
            ModelPreferences once = saved;
            once.adapterDir = adapter;
            settings.setModelPreferences(once);
            window->loadModel(model, true);
            settings.setModelPreferences(saved);
        }
        say(QCoreApplication::translate("TrainingWorkspace", "Opening the trained model %1 in Read").arg(QDir::toNativeSeparators(adapter.isEmpty() ? model : adapter)));
        window->showWorkspace(window->readWorkspace());
    });
    QObject::connect(window, &MainWindow::demoOpened, training,
                     [training](const QString& root, const QString&, const QStringList&) { training->setDemoRoot(root); });
    auto* review = window->findChild<ReviewWorkspace*>(QStringLiteral("review"));
    if (!review) return;
    auto* loop = new DpoLoop(review, training, [window] { return window->findChild<ReportsWorkspace*>(QStringLiteral("reports")); },
                             training);
    loop->setObjectName(QStringLiteral("dpo-loop"));
    QObject::connect(window, &MainWindow::demoOpened, loop,
                     [loop](const QString& root, const QString& job, const QStringList& reports) {
                         loop->setDemo(root, job, reports);
                     });
    QObject::connect(loop, &DpoLoop::message, window, say);
    QObject::connect(loop, &DpoLoop::trainingStarted, window, [window, training] { window->showWorkspace(training); });
    QObject::connect(loop, &DpoLoop::reportOpened, window, [window] {
        if (auto* reports = window->findChild<ReportsWorkspace*>(QStringLiteral("reports"))) window->showWorkspace(reports);
    });
}

}  // namespace stllava::ui
