#include "chat/chat_panel.h"

#include "chat/chat_view.h"
#include "imaging/structured_report.h"
#include "pipeline/llava_session.h"
#include "services/jobs/chat_job.h"
#include "viewer/viewer_panel.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QAction>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace stllava::ui {

Q_LOGGING_CATEGORY(lcChat, "stllava.ui.chat")

ChatPanel::ChatPanel(jobs::ChatJob* job, ViewerPanel* viewer, QWidget* parent)
    : QWidget(parent), m_job(job), m_viewer(viewer) {
    m_model = new ConversationModel(this);
    m_view = new ChatView(m_model, this);
    m_input = new QPlainTextEdit(this);
    m_input->setPlaceholderText(tr("Ask about the image on screen (Ctrl+Enter sends)"));
    m_input->setAccessibleName(tr("Question"));
    m_input->setMaximumHeight(90);
    m_send = new QPushButton(tr("&Send"), this);
    m_stop = new QPushButton(tr("S&top"), this);
    m_regenerate = new QPushButton(tr("&Regenerate"), this);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_stop->setToolTip(tr("Stop the answer (Esc)"));
    m_new = new QPushButton(tr("&New"), this);
    m_edit = new QPushButton(tr("&Edit"), this);
    m_copy->setToolTip(tr("Copy the last answer"));
    m_new->setToolTip(tr("Start a new conversation about this study"));
    m_edit->setToolTip(tr("Put the last question back into the input box to change and resend it"));
    m_export = new QPushButton(tr("E&xport"), this);
    m_export->setToolTip(tr("Export the conversation with the images the model saw"));
    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("As &Markdown with images…"), this, [this] { chooseExport(ExportFormat::Markdown); });
    exportMenu->addAction(tr("As &PDF…"), this, [this] { chooseExport(ExportFormat::Pdf); });
    exportMenu->addAction(tr("As DICOM &SR for the PACS…"), this, [this] { chooseExport(ExportFormat::DicomSr); });
    m_export->setMenu(exportMenu);
    m_exportStatus = new QLabel(this);
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportStatus->setVisible(false);
    m_exportWatcher = new QFutureWatcher<QString>(this);

    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0.2);
    m_temperature->setToolTip(tr("0 = always the most likely token (deterministic)"));
    m_topP = new QDoubleSpinBox(this);
    m_topP->setRange(0.05, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(0.9);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 4096);
    m_maxTokens->setValue(512);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 999999);
    m_seed->setSpecialValueText(tr("random"));
    m_seed->setToolTip(tr("A fixed seed repeats an answer exactly; 'random' draws a new one each time"));
    m_speed = new QLabel(this);
    m_modelLine = new QLabel(this);
    m_modelLine->setWordWrap(true);
    setModelDescription(
        tr("No model loaded: open a model folder with File > Open model… (Ctrl+M). "
           "The viewer works without one."));

    // Two rows of two settings, so the chat stays narrower than the image beside it.
    auto* settings = new QGridLayout;
    int slot = 0;
    auto addSetting = [&](const QString& label, QWidget* w) {
        auto* l = new QLabel(label, this);
        l->setBuddy(w);
        settings->addWidget(l, slot / 2, (slot % 2) * 2);
        settings->addWidget(w, slot / 2, (slot % 2) * 2 + 1);
        ++slot;
    };
    addSetting(tr("T&emperature"), m_temperature);
    addSetting(tr("Top-&p"), m_topP);
    addSetting(tr("&Max tokens"), m_maxTokens);
    addSetting(tr("See&d"), m_seed);
    settings->setColumnStretch(4, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_regenerate);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    buttons->addWidget(m_speed);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(m_modelLine, 1);
    top->addWidget(m_export, 0, Qt::AlignTop);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(settings);
    layout->addWidget(m_input);
    layout->addLayout(buttons);
    layout->addWidget(m_exportStatus);

    // Send and Stop as actions with ids, so their keys can be remapped (ShortcutMap).
    m_sendAction = new QAction(tr("Send the question"), m_input);
    m_sendAction->setObjectName(QStringLiteral("chat-send"));
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setShortcutContext(Qt::WidgetShortcut);
    m_input->addAction(m_sendAction);
    m_stopAction = new QAction(tr("Stop the answer"), this);
    m_stopAction->setObjectName(QStringLiteral("chat-stop"));
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stopAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_stopAction);
    connect(m_sendAction, &QAction::triggered, this, &ChatPanel::send);
    connect(m_stopAction, &QAction::triggered, this, &ChatPanel::stop);
    connect(m_send, &QPushButton::clicked, this, &ChatPanel::send);
    connect(m_stop, &QPushButton::clicked, this, &ChatPanel::stop);
    connect(m_regenerate, &QPushButton::clicked, this, &ChatPanel::regenerate);
    connect(m_copy, &QPushButton::clicked, this, &ChatPanel::copyLastAnswer);
    connect(m_new, &QPushButton::clicked, this, &ChatPanel::newConversation);
    connect(m_edit, &QPushButton::clicked, this, &ChatPanel::editLastQuestion);
    connect(m_job, &jobs::ChatJob::textArrived, this, &ChatPanel::onText);
    connect(m_job, &jobs::ChatJob::finished, this, &ChatPanel::onFinished);
    connect(m_job, &jobs::ChatJob::failed, this, &ChatPanel::onFailed);
    connect(m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_exportWatcher->result();
        const QString path = m_exportPath;
        m_exportStatus->setText(error.isEmpty() ? tr("Exported to %1").arg(QDir::toNativeSeparators(path))
                                                : tr("Export failed: %1").arg(error));
        m_exportStatus->setVisible(true);
        updateButtons();
        if (!error.isEmpty() && m_exportInteractive)
            QMessageBox::warning(this, tr("Export conversation"), error);
        Q_EMIT exportFinished(path, error);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChatPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChatPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChatPanel::updateButtons);
    updateButtons();
}

ChatPanel::~ChatPanel() {
    if (m_job->isRunning()) m_job->stop();
    m_exportWatcher->waitForFinished();
    saveHistory();
}

void ChatPanel::setModelDescription(const QString& text) {
    m_modelLine->setText(text);
}

void ChatPanel::setStudy(const QString& studyKey) {
    if (studyKey == m_study) return;
    if (m_job->isRunning()) m_job->stop();  // its answer belongs to the study being left
    saveHistory();
    m_answerRow = -1;
    m_study = studyKey;
    QString error;
    m_model->fromJson(m_study.isEmpty() ? QJsonArray() : m_history.load(m_study, &error));
    if (!error.isEmpty()) m_model->append({ChatMessage::Kind::Error, error, {}, false});
    updateButtons();
}

void ChatPanel::setSampling(double temperature, double topP, int maxTokens, int seed) {
    m_seed->setValue(seed);
    m_temperature->setValue(temperature);
    m_topP->setValue(topP);
    m_maxTokens->setValue(maxTokens);
}

void ChatPanel::send() {
    const QString question = m_input->toPlainText().trimmed();
    if (question.isEmpty() || m_job->isRunning()) return;
    m_input->clear();
    ask(question);
}

void ChatPanel::ask(const QString& question) {
    if (m_job->isRunning()) return;
    m_model->append({ChatMessage::Kind::Question, question, imageProvenance(), false});
    startAnswer();
}

QJsonObject ChatPanel::imageProvenance() const {
    const ImageView* v = m_viewer->view();
    if (!v->hasImage()) return {{QStringLiteral("image"), QStringLiteral("none")}};
    const Window w = v->window();
    return {{QStringLiteral("image"), m_viewer->currentPath()},
            {QStringLiteral("frame"), m_viewer->frame()},
            {QStringLiteral("stack_index"), m_viewer->index()},
            {QStringLiteral("window"),
             QJsonObject{{QStringLiteral("center"), w.center},
                         {QStringLiteral("width"), w.width},
                         {QStringLiteral("invert"), v->inverted()},
                         {QStringLiteral("explanation"), QString::fromStdString(w.explanation)}}}};
}

void ChatPanel::startAnswer() {
    const jobs::ChatBackendInfo backend = m_job->backendInfo();
    if (!backend.ready) {
        m_model->append({ChatMessage::Kind::Error,
                         tr("No model is loaded. Open a model folder with File > Open model… (Ctrl+M)."),
                         {},
                         false});
        saveHistory();
        return;
    }
    pipeline::Request request;
    for (const ChatMessage& m : m_model->messages()) {
        if (m.kind == ChatMessage::Kind::Error) continue;
        if (m.kind == ChatMessage::Kind::Answer && (m.streaming || m.text.isEmpty())) continue;
        request.conversation.push_back(
            {m.kind == ChatMessage::Kind::Question ? prompt::Role::User : prompt::Role::Assistant,
             m.text.toStdString()});
    }
    // The template needs alternating turns: drop a question left without its answer before the last.
    prompt::Conversation alternating;
    for (const auto& turn : request.conversation) {
        if (!alternating.empty() && alternating.back().role == turn.role) alternating.pop_back();
        alternating.push_back(turn);
    }
    request.conversation = alternating;

    QJsonObject provenance = imageProvenance();
    const ImageView* v = m_viewer->view();
    if (v->hasImage() && backend.hasVision)
        request.images.push_back(pipeline::ImageInput::pixels(v->displayImage()));
    request.sampling.temperature = m_temperature->value();
    request.sampling.greedy = m_temperature->value() == 0.0;
    request.sampling.top_p = m_topP->value();
    request.sampling.max_new_tokens = m_maxTokens->value();
    request.sampling.seed =
        m_seed->value() > 0 ? std::uint64_t(m_seed->value()) : QRandomGenerator::global()->generate();

    provenance.insert(QStringLiteral("model"), backend.model);
    if (!backend.digest.isEmpty()) provenance.insert(QStringLiteral("model_digest"), backend.digest);
    if (!backend.adapter.isEmpty()) {
        provenance.insert(QStringLiteral("adapter"), backend.adapter);
        provenance.insert(QStringLiteral("adapter_digest"), backend.adapterDigest);
    }
    if (!backend.templateName.isEmpty()) provenance.insert(QStringLiteral("template"), backend.templateName);
    provenance.insert(QStringLiteral("device"), backend.device);
    provenance.insert(QStringLiteral("sampling"),
                      QJsonObject{{QStringLiteral("temperature"), request.sampling.temperature},
                                  {QStringLiteral("top_p"), request.sampling.top_p},
                                  {QStringLiteral("max_new_tokens"), request.sampling.max_new_tokens},
                                  {QStringLiteral("seed"), QString::number(request.sampling.seed)}});
    if (request.images.empty() && v->hasImage())
        provenance.insert(QStringLiteral("image"), QStringLiteral("none"));
    provenance.insert(QStringLiteral("asked_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));

    m_answerRow = m_model->append({ChatMessage::Kind::Answer, QString(), provenance, true});
    m_clock.start();
    if (!m_job->start(request)) {
        m_model->replaceWithError(m_answerRow, tr("The previous answer is still running."));
        m_answerRow = -1;
    }
    updateButtons();
}

void ChatPanel::onText(const QString& text) {
    if (m_answerRow < 0) return;
    m_model->appendText(m_answerRow, text);
    const double s = m_clock.elapsed() / 1000.0;
    if (s > 0.2) m_speed->setText(tr("%1 tok/s").arg(m_job->tokensSoFar() / s, 0, 'f', 1));
}

void ChatPanel::onFinished(const jobs::ChatOutcome& outcome) {
    if (m_answerRow < 0) return;
    m_model->finish(m_answerRow, {{QStringLiteral("stop_reason"), outcome.stopReason},
                                  {QStringLiteral("generated_tokens"), outcome.generatedTokens},
                                  {QStringLiteral("prompt_tokens"), outcome.promptTokens},
                                  {QStringLiteral("seconds"), outcome.seconds},
                                  {QStringLiteral("tokens_per_second"), outcome.tokensPerSecond}});
    m_speed->setText(
        tr("%1 tokens · %2 tok/s").arg(outcome.generatedTokens).arg(outcome.tokensPerSecond, 0, 'f', 1));
    m_answerRow = -1;
    saveHistory();
    updateButtons();
    Q_EMIT answerFinished();
}

void ChatPanel::onFailed(const QString& message) {
    if (m_answerRow < 0) return;
    m_model->replaceWithError(m_answerRow, message);
    m_answerRow = -1;
    saveHistory();
    updateButtons();
    Q_EMIT answerFinished();
}

void ChatPanel::stop() {
    if (m_job->isRunning()) m_job->stop();
}

void ChatPanel::regenerate() {
    if (m_job->isRunning()) return;
    const int question = m_model->lastRow(ChatMessage::Kind::Question);
    if (question < 0) return;
    m_model->removeFrom(question + 1);
    startAnswer();
}

void ChatPanel::copyLastAnswer() {
    const int row = m_model->lastRow(ChatMessage::Kind::Answer);
    if (row < 0) return;
    QApplication::clipboard()->setText(m_model->messages()[static_cast<std::size_t>(row)].text);
}

void ChatPanel::editLastQuestion() {
    if (m_job->isRunning()) return;
    const int question = m_model->lastRow(ChatMessage::Kind::Question);
    if (question < 0) return;
    m_input->setPlainText(m_model->messages()[static_cast<std::size_t>(question)].text);
    m_model->removeFrom(question);
    saveHistory();
    m_input->setFocus();
    updateButtons();
}

QString ChatPanel::pendingQuestion() const {
    return m_input->toPlainText();
}

void ChatPanel::newConversation() {
    if (m_job->isRunning()) m_job->stop();
    m_answerRow = -1;
    m_model->clear();
    saveHistory();
    updateButtons();
}

void ChatPanel::saveHistory() {
    if (m_study.isEmpty()) return;
    if (m_model->messages().empty() && !QFile::exists(m_history.fileFor(m_study))) return;
    try {
        m_history.save(m_study, m_model->toJson());
    } catch (const std::exception& e) {
        qCWarning(lcChat) << "history not saved:" << e.what();
    }
}

void ChatPanel::updateButtons() {
    const bool running = m_job->isRunning();
    m_send->setEnabled(!running);
    m_stop->setEnabled(running);
    m_regenerate->setEnabled(!running && m_model->lastRow(ChatMessage::Kind::Question) >= 0);
    m_edit->setEnabled(!running && m_model->lastRow(ChatMessage::Kind::Question) >= 0);
    m_copy->setEnabled(m_model->lastRow(ChatMessage::Kind::Answer) >= 0);
    m_new->setEnabled(!m_model->messages().empty());
    m_export->setEnabled(m_model->lastRow(ChatMessage::Kind::Answer) >= 0 && !m_exportWatcher->isRunning());
}

namespace {

// Builds and writes an export on the calling thread; empty on success, else the error.
QString runExport(const std::vector<ChatMessage>& messages, ExportOptions options, ExportFormat format,
                  const QString& path) {
    try {
        const ConversationExport conversation = buildConversationExport(messages, options);
        const QString why = exportUnavailableReason(conversation, format);
        if (!why.isEmpty()) return why;
        writeConversationExport(conversation, format, path);
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace

QString ChatPanel::exportConversation(ExportFormat format, const QString& path) const {
    ExportOptions options;
    options.hidePatientDetails = m_viewer->view()->presentationMode();
    return runExport(m_model->messages(), options, format, path);
}

void ChatPanel::chooseExport(ExportFormat format) {
    if (m_exportWatcher->isRunning()) return;
    // A raster image cannot go into an SR: say so before asking for a file.
    if (format == ExportFormat::DicomSr) {
        std::vector<std::string> paths;
        QString noImage;
        for (const ChatMessage& m : m_model->messages()) {
            if (m.kind != ChatMessage::Kind::Answer || m.streaming) continue;
            const QString image = m.provenance.value(QStringLiteral("image")).toString();
            if (image.isEmpty() || image == QLatin1String("none"))
                noImage = tr("An answer was given without an image: a DICOM SR can only hold findings about "
                             "DICOM images. Export as Markdown or PDF instead.");
            else
                paths.push_back(image.toStdString());
        }
        QString why = noImage;
        if (why.isEmpty()) why = QString::fromStdString(srUnavailableReason(paths));
        if (!why.isEmpty()) {
            QMessageBox::information(this, tr("Export as DICOM SR"), why);
            return;
        }
    }
    QString suffix, filter;
    switch (format) {
        case ExportFormat::Markdown:
            suffix = QStringLiteral("md");
            filter = tr("Markdown (*.md)");
            break;
        case ExportFormat::Pdf:
            suffix = QStringLiteral("pdf");
            filter = tr("PDF (*.pdf)");
            break;
        case ExportFormat::DicomSr:
            suffix = QStringLiteral("dcm");
            filter = tr("DICOM (*.dcm)");
            break;
    }
    if (m_exportFolder.isEmpty())
        m_exportFolder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Export conversation"),
                                                m_exportFolder + QStringLiteral("/conversation.") + suffix, filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    m_exportFolder = QFileInfo(path).absolutePath();
    exportInBackground(format, path, true);
}

void ChatPanel::startExport(ExportFormat format, const QString& path) {
    exportInBackground(format, path, false);
}

void ChatPanel::exportInBackground(ExportFormat format, const QString& path, bool interactive) {
    if (m_exportWatcher->isRunning()) return;
    m_exportInteractive = interactive;
    ExportOptions options;
    options.hidePatientDetails = m_viewer->view()->presentationMode();
    m_exportStatus->setText(tr("Exporting…"));
    m_exportStatus->setVisible(true);
    m_exportPath = path;
    m_exportWatcher->setFuture(QtConcurrent::run(runExport, m_model->messages(), options, format, path));
    updateButtons();
}

}  // namespace stllava::ui
