#include "main_window.h"

#include "chat/chat_panel.h"
#include "demo/demo_folder.h"
#include "pipeline/compute_device.h"
#include "pipeline/llava_session.h"
#include "read_workspace.h"
#include "review/review_workspace.h"
#include "reports/reports_workspace.h"
#include "services/jobs/chat_job.h"
#include "services/jobs/demo_setup_job.h"
#include "services/jobs/job_tracker.h"
#include "services/judge/api_key.h"
#include "services/jobs/model_load_job.h"
#include "settings/settings_dialog.h"
#include "shortcuts/shortcut_dialog.h"
#include "shortcuts/shortcut_map.h"
#include "studio_settings.h"
#include "training/training_wiring.h"
#include "training/training_workspace.h"
#include "viewer/viewer_panel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QFutureWatcher>
#include <QUrl>
#include <QtConcurrent>

namespace stllava::ui {

Q_LOGGING_CATEGORY(lcMain, "stllava.ui.main")

MainWindow::MainWindow(const Options& options, QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("STLLaVA-Med Studio"));
    setAcceptDrops(true);
    m_tracker = new jobs::JobTracker(this);
    m_chat = new jobs::ChatJob(this);
    m_modelLoad = new jobs::ModelLoadJob(this);
    m_demoSetup = new jobs::DemoSetupJob(this);
    m_read = new ReadWorkspace(m_chat, m_tracker, this);
    m_workspaces = new QStackedWidget(this);
    setCentralWidget(m_workspaces);

    // Workspace switcher: one entry per workspace, in this order, each with its Ctrl+number.
    m_switcher = new QToolBar(tr("Workspaces"), this);
    m_switcher->setObjectName(QStringLiteral("workspaces"));
    m_switcher->setMovable(false);
    m_switcher->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_workspaceGroup = new QActionGroup(this);
    addToolBar(Qt::LeftToolBarArea, m_switcher);
    m_read->setObjectName(QStringLiteral("read"));
    addWorkspace(m_read, tr("&Read"), QKeySequence(Qt::CTRL | Qt::Key_1),
                 tr("Read: the viewer with the chat beside it (Ctrl+1)"));
    // Further workspaces are added here, before buildMenus() lists them in the View menu.
    {
        auto* review = new ReviewWorkspace(this);
        review->setObjectName(QStringLiteral("review"));
        addWorkspace(review, tr("Re&view"), QKeySequence(Qt::CTRL | Qt::Key_2),
                     tr("Review: preference pairs of a judged self-training job, decided by key (Ctrl+2)"));
        connect(this, &MainWindow::demoOpened, review,
                [review](const QString&, const QString& job, const QStringList&) {
                    if (!job.isEmpty()) review->openDemoJob(job);
                });
        connect(review, &ReviewWorkspace::message, this,
                [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    }
    {
        auto* training = new TrainingWorkspace(m_tracker, this);
        training->setObjectName(QStringLiteral("training"));
        addWorkspace(training, tr("&Training"), QKeySequence(Qt::CTRL | Qt::Key_3),
                     tr("Training: stage 1, stage-2 generation and DPO runs with live curves (Ctrl+3)"));
        wireTrainingWorkspace(this, training);  // presets from the demo, Open in Read, the one-click DPO loop
    }
    auto* reports = new ReportsWorkspace(this);
    reports->setObjectName(QStringLiteral("reports"));
    addWorkspace(reports, tr("Re&ports"), QKeySequence(Qt::CTRL | Qt::Key_4),
                 tr("Reports: benchmark results, per-question drill-down, comparisons (Ctrl+4)"));
    connect(this, &MainWindow::demoOpened, reports, &ReportsWorkspace::openDemo);
    connect(reports, &ReportsWorkspace::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });

    m_modelLabel = new QLabel(tr("No model"), this);
    m_deviceLabel = new QLabel(this);
    m_jobsLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setObjectName(QStringLiteral("cancel-model-load"));
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading the model"));
    m_cancelLoad->setVisible(false);
    connect(m_cancelLoad, &QToolButton::clicked, this, &MainWindow::cancelModelLoad);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelLoad);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    statusBar()->addPermanentWidget(m_jobsLabel);

    connect(m_tracker, &jobs::JobTracker::changed, this, [this](const QStringList& running) {
        m_jobsLabel->setText(running.isEmpty() ? tr("No jobs running")
                                               : tr("Running: %1").arg(running.join(QStringLiteral(", "))));
    });
    m_jobsLabel->setText(tr("No jobs running"));
    connect(m_read, &ReadWorkspace::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_chat, &jobs::ChatJob::started, this,
            [this] { m_chatJobId = m_tracker->begin(tr("answering")); });
    auto chatDone = [this] {
        m_tracker->end(m_chatJobId);
        m_chatJobId = 0;
    };
    connect(m_chat, &jobs::ChatJob::finished, this, chatDone);
    connect(m_chat, &jobs::ChatJob::failed, this, chatDone);
    connect(m_modelLoad, &jobs::ModelLoadJob::progress, this,
            [this](const QString& stage, qint64 done, qint64 total) {
                m_progress->setVisible(true);
                m_progress->setRange(0, total > 0 ? int(total) : 0);
                if (total > 0) m_progress->setValue(int(done));
                const QString label = stage == QLatin1String("weights")     ? tr("weights %1 of %2").arg(done).arg(total)
                                      : stage == QLatin1String("config")    ? tr("configuration")
                                      : stage == QLatin1String("tokenizer") ? tr("tokenizer")
                                      : stage == QLatin1String("adapter")   ? tr("adapter")
                                      : stage == QLatin1String("ready")     ? tr("ready")
                                                                            : stage;
                m_progress->setFormat(label);
                statusBar()->showMessage(tr("Loading model: %1").arg(label));
            });
    connect(m_modelLoad, &jobs::ModelLoadJob::loaded, this, &MainWindow::onModelLoaded);
    connect(m_modelLoad, &jobs::ModelLoadJob::failed, this, [this](const QString& message) {
        m_tracker->end(m_modelJobId);
        setModelLoading(false);
        m_modelLabel->setText(m_chat->session() ? m_modelLabel->text() : tr("No model"));
        statusBar()->showMessage(tr("Model not loaded: %1").arg(message), 15000);
        Q_EMIT modelFailed(message);
    });

    m_shortcuts = new ShortcutMap(this);
    buildMenus();
    registerShortcuts();
    StudioSettings settings;
    if (!restoreGeometry(settings.geometry())) resize(1400, 860);
    m_read->splitter()->restoreState(settings.splitterState());
    const QString lastModel = settings.lastModel();
    if (options.restoreModel && settings.modelPreferences().useEndpoint)
        useEndpoint();
    else if (options.restoreModel && !lastModel.isEmpty() && QFileInfo(lastModel).isDir())
        loadModel(lastModel);
    else if (options.openDemo)
        openDemo();

    connect(m_demoSetup, &jobs::DemoSetupJob::progress, this,
            [this](int index, int phases, const QString& phase, const QString& line) {
                m_progress->setVisible(true);
                m_progress->setRange(0, phases);
                m_progress->setValue(index - 1);
                m_progress->setFormat(tr("demo: %1").arg(phase));
                statusBar()->showMessage(tr("Setting up the demo: %1").arg(line));
            });
    auto demoEnded = [this] {
        m_tracker->end(m_demoJobId);
        m_demoJobId = 0;
        m_progress->setVisible(false);
        m_stopDemoSetup->setEnabled(false);
    };
    connect(m_demoSetup, &jobs::DemoSetupJob::finished, this, [this, demoEnded](const QString& out) {
        demoEnded();
        StudioSettings().setDemoFolder(out);
        statusBar()->showMessage(tr("The demo is ready in %1").arg(QDir::toNativeSeparators(out)), 10000);
        openDemo();
    });
    connect(m_demoSetup, &jobs::DemoSetupJob::cancelled, this, [this, demoEnded](const QString& out) {
        demoEnded();
        StudioSettings().setDemoFolder(out);
        statusBar()->showMessage(
            tr("Demo setup stopped; what is done is kept in %1 and the next setup resumes there.")
                .arg(QDir::toNativeSeparators(out)),
            15000);
    });
    connect(m_demoSetup, &jobs::DemoSetupJob::failed, this, [this, demoEnded](const QString& message) {
        demoEnded();
        QMessageBox::warning(this, tr("Demo setup failed"), message);
    });
}

MainWindow::~MainWindow() {
    delete m_workspaces;  // the chat panel saves its history through the chat job: before the jobs go
}

QAction* MainWindow::addWorkspace(QWidget* workspace, const QString& label, const QKeySequence& shortcut,
                                  const QString& toolTip) {
    m_workspaces->addWidget(workspace);
    auto* action = new QAction(label, this);
    action->setObjectName(QStringLiteral("workspace-") + workspace->objectName());
    action->setCheckable(true);
    action->setChecked(m_workspaces->count() == 1);
    action->setShortcut(shortcut);
    action->setToolTip(toolTip);
    action->setData(QVariant::fromValue(static_cast<QObject*>(workspace)));
    m_workspaceGroup->addAction(action);
    m_switcher->addAction(action);
    connect(action, &QAction::triggered, this, [this, workspace] { m_workspaces->setCurrentWidget(workspace); });
    return action;
}

void MainWindow::showWorkspace(QWidget* workspace) {
    m_workspaces->setCurrentWidget(workspace);
    for (QAction* a : m_workspaceGroup->actions())
        if (a->data().value<QObject*>() == workspace) a->setChecked(true);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    QAction* open = file->addAction(tr("&Open file…"), this, &MainWindow::openFileDialog);
    open->setObjectName(QStringLiteral("file-open"));
    open->setShortcut(QKeySequence::Open);
    QAction* openFolder = file->addAction(tr("Open &folder…"), this, &MainWindow::openFolderDialog);
    openFolder->setObjectName(QStringLiteral("file-open-folder"));
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("&Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* model = file->addAction(tr("Open &model…"), this, &MainWindow::openModelDialog);
    model->setObjectName(QStringLiteral("file-open-model"));
    model->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_cancelLoadAction = file->addAction(tr("&Cancel model loading"), this, &MainWindow::cancelModelLoad);
    m_cancelLoadAction->setObjectName(QStringLiteral("file-cancel-model-load"));
    m_cancelLoadAction->setEnabled(false);
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("file-settings"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    QAction* keys = file->addAction(tr("&Keyboard shortcuts…"), this, &MainWindow::showShortcuts);
    keys->setObjectName(QStringLiteral("file-shortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Comma));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("file-quit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_workspaceGroup->actions());
    view->addSeparator();
    view->addActions(m_read->viewer()->viewActions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open the &demo"), this, &MainWindow::openDemo);
    help->addAction(tr("Set &up the demo…"), this, &MainWindow::setUpDemo);
    m_stopDemoSetup = help->addAction(tr("S&top the demo setup"), m_demoSetup, &jobs::DemoSetupJob::cancel);
    m_stopDemoSetup->setEnabled(false);
}

void MainWindow::registerShortcuts() {
    for (QAction* item : m_fileMenu->actions())
        if (!item->objectName().isEmpty()) m_shortcuts->add(item, tr("File"));
    for (QAction* a : m_workspaceGroup->actions()) m_shortcuts->add(a, tr("Workspaces"));
    for (QAction* a : m_read->viewer()->viewActions()) m_shortcuts->add(a, tr("Viewer"));
    for (QAction* a : m_read->chat()->keyActions()) m_shortcuts->add(a, tr("Chat"));
}

void MainWindow::showShortcuts() {
    ShortcutDialog dialog(m_shortcuts, this);
    if (dialog.exec() == QDialog::Accepted) statusBar()->showMessage(tr("Keyboard shortcuts saved."), 5000);
}

bool MainWindow::isModelLoading() const {
    return m_modelLoad->isRunning();
}

void MainWindow::cancelModelLoad() {
    if (!m_modelLoad->isRunning()) return;
    m_modelLoad->cancel();
    m_cancelLoad->setEnabled(false);
    m_cancelLoadAction->setEnabled(false);
    statusBar()->showMessage(tr("Stopping the model load…"));
}

void MainWindow::setModelLoading(bool loading) {
    m_progress->setVisible(loading || m_demoSetup->isRunning());  // the demo setup shares the bar
    if (loading) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("loading model"));
    }
    m_cancelLoad->setVisible(loading);
    m_cancelLoad->setEnabled(loading);
    m_cancelLoadAction->setEnabled(loading);
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = StudioSettings().recent();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* a = m_recentMenu->addAction(tr("&%1 %2").arg(
            i + 1 < 10 ? QString::number(i + 1) : QStringLiteral("0"), QDir::toNativeSeparators(path)));
        connect(a, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    if (recent.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear list"), this, [this] {
        StudioSettings().clearRecent();
        rebuildRecentMenu();
    });
}

void MainWindow::openPath(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        statusBar()->showMessage(tr("%1: no such file or folder").arg(path), 8000);
        return;
    }
    StudioSettings settings;
    const QString absolute = info.absoluteFilePath();
    if (info.isDir()) {
        m_read->openFolder(absolute);
        settings.setLastFolder(absolute);
    } else {
        m_read->openFile(absolute);
        settings.setLastFolder(info.absolutePath());
    }
    settings.addRecent(absolute);
    rebuildRecentMenu();
    showWorkspace(m_read);
}

void MainWindow::openFileDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open image"), StudioSettings().lastFolder(),
        tr("Images (*.dcm *.DCM *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;All files (*)"));
    if (!path.isEmpty()) openPath(path);
}

void MainWindow::openFolderDialog() {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open folder of DICOM files"),
                                                           StudioSettings().lastFolder());
    if (!path.isEmpty()) openPath(path);
}

void MainWindow::openModelDialog() {
    const QString start = StudioSettings().lastModel();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open model folder"), start);
    if (!path.isEmpty()) loadModel(path);
}

void MainWindow::loadModel(const QString& folder, bool withPreferredParts) {
    if (m_modelLoad->isRunning()) {
        statusBar()->showMessage(tr("A model is already loading."), 5000);
        return;
    }
    const ModelPreferences prefs = StudioSettings().modelPreferences();
    pipeline::ModelSource source;
    source.model_dir = folder.toStdString();
    if (withPreferredParts) {
        source.adapter_dir = prefs.adapterDir.toStdString();
        source.vision_tower_dir = prefs.visionTowerDir.toStdString();
    }
    source.device = prefs.device.toStdString();
    source.dtype = prefs.dtype.toStdString();
    if (prefs.device == QLatin1String("cpu")) source.quant = prefs.quant.toStdString();  // CPU kernels only
    if (!m_chat->isRunning()) pipeline::setComputeThreads(prefs.threads);  // never under a running answer
    m_modelJobId = m_tracker->begin(tr("loading model"));
    m_modelLabel->setText(tr("Loading %1…").arg(QDir(folder).dirName()));
    if (m_modelLoad->start(source)) setModelLoading(true);
}

void MainWindow::onModelLoaded(std::shared_ptr<pipeline::LlavaSession> session) {
    m_tracker->end(m_modelJobId);
    setModelLoading(false);
    const pipeline::ModelInfo& info = session->info();
    m_chat->setSession(session);
    const QString name = QDir(QString::fromStdString(info.model_dir)).dirName();
    m_modelLabel->setText(tr("Model: %1 (%2)").arg(name, QString::fromStdString(info.digest).left(8)));
    m_modelLabel->setToolTip(QString::fromStdString(info.toText()));
    m_deviceLabel->setText(
        info.quant == "none"
            ? tr("Device: %1, %2").arg(QString::fromStdString(info.device), QString::fromStdString(info.dtype))
            : tr("Device: %1, %2, %3 decoder").arg(QString::fromStdString(info.device),
                                                  QString::fromStdString(info.dtype),
                                                  QString::fromStdString(info.quant)));
    m_read->chat()->setModelDescription(
        tr("Model: %1 · %2 · template %3%4")
            .arg(name, QString::fromStdString(info.device), QString::fromStdString(info.template_name),
                 session->hasVision() ? QString() : tr(" · text only: this model cannot see images")));
    StudioSettings().setLastModel(QString::fromStdString(info.model_dir));
    statusBar()->showMessage(tr("Model loaded in %1 s").arg(info.load_seconds, 0, 'f', 1), 8000);
    qCInfo(lcMain) << "model loaded:" << QString::fromStdString(info.model_dir);
    Q_EMIT modelLoaded();
}

bool MainWindow::openDemo() {
    const StudioSettings settings;
    const auto demo = DemoFolder::find(settings.demoFolder());
    if (!demo) {
        statusBar()->showMessage(tr("No demo found (looked in %1). Help ▸ Set up the demo builds one.")
                                     .arg(DemoFolder::candidates(settings.demoFolder()).join(QStringLiteral(", "))),
                                 15000);
        return false;
    }
    if (!demo->model.isEmpty()) loadModel(demo->model, false);
    if (!demo->studies.isEmpty()) {
        m_read->openFolder(demo->studies);
        showWorkspace(m_read);
    }
    statusBar()->showMessage(
        demo->finished() ? tr("Demo opened from %1: its model, %2 reports and a judged self-training job.")
                               .arg(QDir::toNativeSeparators(demo->root))
                               .arg(demo->reports.size())
                         : tr("Demo opened from %1 (not finished: Help ▸ Set up the demo resumes it).")
                               .arg(QDir::toNativeSeparators(demo->root)),
        12000);
    Q_EMIT demoOpened(demo->root, demo->job, demo->reports);
    return true;
}

void MainWindow::setUpDemo() {
    if (m_demoSetup->isRunning()) {
        statusBar()->showMessage(tr("The demo is being set up already."), 5000);
        return;
    }
    const StudioSettings settings;
    const auto existing = DemoFolder::find(settings.demoFolder());
    const QString out = existing ? existing->root : DemoFolder::defaultLocation();
    const auto answer = QMessageBox::question(
        this, tr("Set up the demo"),
        tr("This builds a synthetic world of medical images, trains a tiny model on it (stage 1), lets it "
           "ask and answer questions about unlabeled images, judges them and trains on the preferences "
           "(stage 2), and evaluates both stages. It takes about 10 minutes on two cores and writes to\n%1\n\n"
           "A stopped setup resumes where it stopped.")
            .arg(QDir::toNativeSeparators(out)),
        QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok);
    if (answer != QMessageBox::Ok) return;
    if (!m_demoSetup->start(out)) return;  // failed() has said why
    m_demoJobId = m_tracker->begin(tr("setting up the demo"));
    m_stopDemoSetup->setEnabled(true);
}

void MainWindow::showSettings() {
    const QString before = StudioSettings().lastModel();
    const bool endpointBefore = m_chat->usesEndpoint();
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString model = dialog.modelFolder();
    if (dialog.modelPreferences().useEndpoint)
        useEndpoint();
    else if (!model.isEmpty() && (model != before || endpointBefore))
        loadModel(model);
    else
        statusBar()->showMessage(tr("Settings saved; model settings apply to the next model loaded."), 8000);
}

void MainWindow::useEndpoint() {
    const StudioSettings settings;
    const ModelPreferences prefs = settings.modelPreferences();
    const bool consent = settings.judgePreferences().remoteConsent;
    const QString host = QUrl(prefs.endpointUrl).host();
    m_modelLabel->setText(tr("Connecting to %1…").arg(host));
    auto* watcher = new QFutureWatcher<judge::ApiKey>(this);
    connect(watcher, &QFutureWatcher<judge::ApiKey>::finished, this, [this, watcher, prefs, consent, host] {
        const judge::ApiKey key = watcher->result();
        watcher->deleteLater();
        jobs::EndpointSource source;
        source.baseUrl = prefs.endpointUrl;
        source.model = prefs.endpointModel;
        source.apiKey = key.key;
        source.allowRemote = consent;
        m_chat->setEndpoint(source);
        m_modelLabel->setText(tr("Endpoint: %1 @ %2").arg(prefs.endpointModel, host));
        m_modelLabel->setToolTip(tr("%1\nAPI key: %2").arg(prefs.endpointUrl, key.key.isEmpty() ? tr("none") : key.source));
        m_deviceLabel->setText(source.isLoopback() ? tr("Device: endpoint on this machine")
                                                   : tr("Device: remote endpoint"));
        m_read->chat()->setModelDescription(
            source.isLoopback()
                ? tr("Endpoint %1 at %2 (this machine)").arg(prefs.endpointModel, host)
                : tr("Endpoint %1 at %2 · only the displayed pixels leave this machine%3")
                      .arg(prefs.endpointModel, host, consent ? QString() : tr(" · images need consent in Settings")));
        statusBar()->showMessage(tr("Answers now come from %1").arg(prefs.endpointUrl), 8000);
        Q_EMIT endpointConnected();
    });
    watcher->setFuture(QtConcurrent::run([host] { return judge::resolveApiKey(host, true, 3000); }));
}

QString MainWindow::modelStatus() const {
    return m_modelLabel->text() + QLatin1Char(' ') + m_deviceLabel->text();
}

QString MainWindow::jobsStatus() const {
    return m_jobsLabel->text();
}

void MainWindow::saveState() {
    StudioSettings settings;
    settings.setGeometry(saveGeometry());
    settings.setSplitterState(m_read->splitter()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_chat->stop();
    m_modelLoad->cancel();
    saveState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) {
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (!url.isLocalFile()) continue;
        openPath(url.toLocalFile());  // the first local item: a folder or a file
        event->acceptProposedAction();
        return;
    }
}

}  // namespace stllava::ui
