#include "settings/settings_dialog.h"

#include "pipeline/compute_device.h"
#include "services/judge/api_key.h"
#include "translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace stllava::ui {

namespace {

bool isLoopbackHost(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

}  // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildModelPage(), tr("&Model"));
    m_tabs->addTab(buildJudgePage(), tr("&Judge"));
    m_tabs->addTab(buildInterfacePage(), tr("&Interface"));
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("settingsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problems->setVisible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    load();
    resize(620, 420);
}

QLineEdit* SettingsDialog::folderField(QWidget* page, const QString& title, QWidget** row) {
    auto* box = new QWidget(page);
    auto* edit = new QLineEdit(box);
    edit->setClearButtonEnabled(true);
    auto* browse = new QToolButton(box);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a folder"));
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString dir = QFileDialog::getExistingDirectory(this, title, edit->text());
        if (!dir.isEmpty()) edit->setText(QDir::toNativeSeparators(dir));
    });
    auto* h = new QHBoxLayout(box);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(edit);
    h->addWidget(browse);
    *row = box;
    return edit;
}

QWidget* SettingsDialog::buildModelPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_local = new QRadioButton(tr("A &local model folder"), page);
    m_local->setObjectName(QStringLiteral("useLocal"));
    m_remote = new QRadioButton(tr("An OpenAI-compatible &endpoint (e.g. `stllava serve` on a GPU server)"), page);
    m_remote->setObjectName(QStringLiteral("useEndpoint"));
    form->addRow(tr("Answers from:"), m_local);
    form->addRow(QString(), m_remote);
    m_endpointUrl = new QLineEdit(page);
    m_endpointUrl->setObjectName(QStringLiteral("endpointUrl"));
    m_endpointUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080/v1"));
    form->addRow(tr("Endpoint &address:"), m_endpointUrl);
    m_endpointModel = new QLineEdit(page);
    m_endpointModel->setObjectName(QStringLiteral("endpointModel"));
    form->addRow(tr("Endpoint m&odel:"), m_endpointModel);
    QWidget* row = nullptr;
    m_model = folderField(page, tr("Model folder"), &row);
    m_model->setObjectName(QStringLiteral("modelFolder"));
    m_model->setPlaceholderText(tr("config.json, safetensors and tokenizer.model"));
    form->addRow(tr("Model &folder:"), row);
    m_adapter = folderField(page, tr("LoRA adapter folder"), &row);
    m_adapter->setObjectName(QStringLiteral("adapterFolder"));
    m_adapter->setPlaceholderText(tr("none"));
    form->addRow(tr("LoRA &adapter:"), row);
    m_tower = folderField(page, tr("CLIP vision tower folder"), &row);
    m_tower->setObjectName(QStringLiteral("towerFolder"));
    m_tower->setPlaceholderText(tr("the model's own (or the folder its config names)"));
    form->addRow(tr("&Vision tower:"), row);
    const pipeline::ComputeFacts facts = pipeline::computeFacts();
    m_device = new QComboBox(page);
    m_device->setObjectName(QStringLiteral("device"));
    for (const auto& d : facts.devices) {
        const QString name = QString::fromStdString(d);
        m_device->addItem(name == QLatin1String("cpu") ? tr("CPU") : tr("GPU %1").arg(name), name);
    }
    if (facts.devices.size() == 1) m_device->setToolTip(tr("No CUDA device is available on this machine."));
    form->addRow(tr("&Device:"), m_device);
    m_dtype = new QComboBox(page);
    m_dtype->setObjectName(QStringLiteral("dtype"));
    m_dtype->addItem(tr("Automatic (float32 on CPU, float16 on GPU)"), QStringLiteral("auto"));
    m_dtype->addItem(tr("float32"), QStringLiteral("f32"));
    m_dtype->addItem(tr("bfloat16"), QStringLiteral("bf16"));
    m_dtype->addItem(tr("float16"), QStringLiteral("f16"));
    form->addRow(tr("Number &type:"), m_dtype);
    m_quant = new QComboBox(page);
    m_quant->setObjectName(QStringLiteral("quant"));
    m_quant->addItem(tr("As stored"), QStringLiteral("none"));
    m_quant->addItem(tr("int8 per channel (faster answers on the CPU)"), QStringLiteral("int8"));
    m_quant->addItem(tr("4-bit, groups of 32 (least memory; less accurate)"), QStringLiteral("q4"));
    m_quant->setToolTip(tr("Weight-only quantisation of the language model's linear layers, on the CPU only. "
                           "Answers come faster and the weights take less memory; they can differ a little "
                           "from the stored weights' answers."));
    form->addRow(tr("&Quantisation:"), m_quant);
    m_threads = new QSpinBox(page);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, std::max(1, facts.cpu_cores * 2));
    m_threads->setSpecialValueText(tr("One per core (%1)").arg(facts.cpu_cores));
    form->addRow(tr("CPU &threads:"), m_threads);
    auto* note = new QLabel(tr("Changes apply to the next model loaded. The endpoint's API key is found as the "
                               "judge's (environment, then keychain) for its host."),
                            page);
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(note);
    auto sync = [this] {
        const bool remote = m_remote->isChecked();
        for (QWidget* w : {static_cast<QWidget*>(m_endpointUrl), static_cast<QWidget*>(m_endpointModel)})
            w->setEnabled(remote);
        for (QWidget* w : {static_cast<QWidget*>(m_model), static_cast<QWidget*>(m_adapter),
                           static_cast<QWidget*>(m_tower), static_cast<QWidget*>(m_device),
                           static_cast<QWidget*>(m_dtype)})
            w->setEnabled(!remote);
        m_quant->setEnabled(!remote && m_device->currentData().toString() == QLatin1String("cpu"));
    };
    connect(m_remote, &QRadioButton::toggled, this, sync);
    connect(m_device, &QComboBox::currentIndexChanged, this, sync);
    m_local->setChecked(true);
    sync();
    return page;
}

QWidget* SettingsDialog::buildJudgePage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_endpoint = new QLineEdit(page);
    m_endpoint->setObjectName(QStringLiteral("endpoint"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    m_endpoint->setToolTip(tr("Any OpenAI-compatible endpoint, e.g. `stllava serve` at http://127.0.0.1:8080/v1"));
    form->addRow(tr("&Endpoint:"), m_endpoint);
    m_judgeModel = new QLineEdit(page);
    m_judgeModel->setObjectName(QStringLiteral("judgeModel"));
    form->addRow(tr("Judge &model:"), m_judgeModel);
    auto* keyRow = new QWidget(page);
    m_key = new QLineEdit(keyRow);
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("paste a key to store it in the system keychain"));
    m_storeKey = new QPushButton(tr("&Store in keychain"), keyRow);
    m_storeKey->setObjectName(QStringLiteral("storeKey"));
    m_storeKey->setEnabled(false);
    connect(m_key, &QLineEdit::textChanged, this, [this](const QString& t) { m_storeKey->setEnabled(!t.isEmpty()); });
    connect(m_storeKey, &QPushButton::clicked, this, &SettingsDialog::storeKey);
    auto* h = new QHBoxLayout(keyRow);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(m_key);
    h->addWidget(m_storeKey);
    form->addRow(tr("API &key:"), keyRow);
    m_keySource = new QLabel(page);
    m_keySource->setObjectName(QStringLiteral("apiKeySource"));
    m_keySource->setWordWrap(true);
    form->addRow(QString(), m_keySource);
    m_consent = new QCheckBox(tr("Allow sending &de-identified images to an endpoint outside this machine"), page);
    m_consent->setToolTip(tr("Only pixels leave the machine, re-encoded without any DICOM header. Endpoints on "
                             "this machine (127.0.0.1, localhost) never need this."));
    m_consent->setObjectName(QStringLiteral("consent"));
    form->addRow(m_consent);
    auto* keyNote = new QLabel(tr("The key is read from $STLLAVA_JUDGE_API_KEY or $OPENAI_API_KEY first, then from "
                                  "the keychain. It is never written to the settings file or a log."),
                               page);
    keyNote->setWordWrap(true);
    keyNote->setEnabled(false);
    form->addRow(keyNote);
    connect(m_endpoint, &QLineEdit::editingFinished, this, &SettingsDialog::showKeySource);
    return page;
}

QWidget* SettingsDialog::buildInterfacePage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    const QString systemCode = matchLanguage(QLocale::system().uiLanguages());
    QString systemName = systemCode;
    for (const Language& l : availableLanguages())
        if (l.code == systemCode) systemName = l.nativeName;
    m_language->addItem(tr("System language (%1)").arg(systemName), QString());
    for (const Language& l : availableLanguages()) m_language->addItem(l.nativeName, l.code);
    form->addRow(tr("&Language:"), m_language);
    auto* note = new QLabel(tr("The language changes at the next start."), page);
    note->setEnabled(false);
    form->addRow(note);
    QWidget* row = nullptr;
    m_demo = folderField(page, tr("Demo folder"), &row);
    m_demo->setObjectName(QStringLiteral("demoFolder"));
    m_demo->setPlaceholderText(tr("where `stllava demo run` wrote (default ./stllava-demo)"));
    form->addRow(tr("De&mo folder:"), row);
    return page;
}

void SettingsDialog::load() {
    StudioSettings s;
    m_model->setText(QDir::toNativeSeparators(s.lastModel()));
    const ModelPreferences m = s.modelPreferences();
    (m.useEndpoint ? m_remote : m_local)->setChecked(true);
    m_endpointUrl->setText(m.endpointUrl);
    m_endpointModel->setText(m.endpointModel);
    m_adapter->setText(QDir::toNativeSeparators(m.adapterDir));
    m_tower->setText(QDir::toNativeSeparators(m.visionTowerDir));
    int device = m_device->findData(m.device);
    if (device < 0) {  // a GPU named in the settings that this machine lacks: keep it visible
        m_device->addItem(tr("%1 (not available here)").arg(m.device), m.device);
        device = m_device->count() - 1;
    }
    m_device->setCurrentIndex(device);
    m_dtype->setCurrentIndex(std::max(0, m_dtype->findData(m.dtype)));
    m_quant->setCurrentIndex(std::max(0, m_quant->findData(m.quant)));
    m_threads->setValue(m.threads);
    const JudgePreferences j = s.judgePreferences();
    m_endpoint->setText(j.endpoint);
    m_judgeModel->setText(j.model);
    m_consent->setChecked(j.remoteConsent);
    m_language->setCurrentIndex(std::max(0, m_language->findData(s.language())));
    m_demo->setText(QDir::toNativeSeparators(s.demoFolder()));
    showKeySource();
}

QString SettingsDialog::modelFolder() const {
    return QDir::fromNativeSeparators(m_model->text().trimmed());
}

ModelPreferences SettingsDialog::modelPreferences() const {
    ModelPreferences p;
    p.useEndpoint = m_remote->isChecked();
    p.endpointUrl = m_endpointUrl->text().trimmed();
    p.endpointModel = m_endpointModel->text().trimmed();
    p.adapterDir = QDir::fromNativeSeparators(m_adapter->text().trimmed());
    p.visionTowerDir = QDir::fromNativeSeparators(m_tower->text().trimmed());
    p.device = m_device->currentData().toString();
    p.dtype = m_dtype->currentData().toString();
    p.quant = m_quant->currentData().toString();
    p.threads = m_threads->value();
    return p;
}

JudgePreferences SettingsDialog::judgePreferences() const {
    JudgePreferences p;
    p.endpoint = m_endpoint->text().trimmed();
    p.model = m_judgeModel->text().trimmed();
    p.remoteConsent = m_consent->isChecked();
    return p;
}

QString SettingsDialog::language() const {
    return m_language->currentData().toString();
}

QString SettingsDialog::demoFolder() const {
    return QDir::fromNativeSeparators(m_demo->text().trimmed());
}

QString SettingsDialog::problems() const {
    QStringList out;
    const QString model = modelFolder();
    if (!model.isEmpty() && !QFileInfo(model + QStringLiteral("/config.json")).isFile())
        out << tr("Model folder %1: no config.json there.").arg(QDir::toNativeSeparators(model));
    const ModelPreferences m = modelPreferences();
    if (m.useEndpoint) {
        const QUrl endpoint(m.endpointUrl, QUrl::StrictMode);
        if (!endpoint.isValid() || endpoint.host().isEmpty() ||
            (endpoint.scheme() != QLatin1String("http") && endpoint.scheme() != QLatin1String("https")))
            out << tr("Endpoint '%1': expected an address such as http://127.0.0.1:8080/v1.").arg(m.endpointUrl);
        if (m.endpointModel.isEmpty()) out << tr("Endpoint model: a name is needed (`stllava serve --model-id`).");
    }
    if (!m.adapterDir.isEmpty() && !QFileInfo(m.adapterDir + QStringLiteral("/adapter_config.json")).isFile())
        out << tr("LoRA adapter %1: no adapter_config.json there.").arg(QDir::toNativeSeparators(m.adapterDir));
    if (!m.visionTowerDir.isEmpty() && !QFileInfo(m.visionTowerDir + QStringLiteral("/config.json")).isFile())
        out << tr("Vision tower %1: no config.json there.").arg(QDir::toNativeSeparators(m.visionTowerDir));
    const JudgePreferences j = judgePreferences();
    const QUrl url(j.endpoint, QUrl::StrictMode);
    if (j.endpoint.isEmpty() || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        out << tr("Judge endpoint '%1': expected an http:// or https:// address such as "
                  "https://api.openai.com/v1.")
                   .arg(j.endpoint);
    else if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
        out << tr("Judge endpoint %1: plain http to another machine would send the API key and the images "
                  "unencrypted; use https.")
                   .arg(j.endpoint);
    if (j.model.isEmpty()) out << tr("Judge model: a name is needed (e.g. gpt-4o).");
    const QString demo = demoFolder();
    if (!demo.isEmpty() && !QFileInfo(demo).isDir())
        out << tr("Demo folder %1 does not exist.").arg(QDir::toNativeSeparators(demo));
    return out.join(QLatin1Char('\n'));
}

void SettingsDialog::accept() {
    const QString p = problems();
    m_problems->setText(p);
    m_problems->setVisible(!p.isEmpty());
    if (!p.isEmpty()) return;
    save();
    QDialog::accept();
}

void SettingsDialog::save() {
    StudioSettings s;
    if (!modelFolder().isEmpty()) s.setLastModel(modelFolder());
    s.setModelPreferences(modelPreferences());
    s.setJudgePreferences(judgePreferences());
    s.setLanguage(language());
    s.setDemoFolder(demoFolder());
}

void SettingsDialog::showKeySource() {
    const QString host = QUrl(m_endpoint->text().trimmed()).host();
    if (host.isEmpty()) {
        m_keySource->setText(tr("Key: give an endpoint first."));
        return;
    }
    m_keySource->setText(tr("Key for %1: looking…").arg(host));
    // The keychain may take seconds (or not answer without a desktop session): off the GUI thread.
    QPointer<QLabel> label = m_keySource;
    auto* watcher = new QFutureWatcher<judge::ApiKey>(this);
    connect(watcher, &QFutureWatcher<judge::ApiKey>::finished, this, [this, watcher, label, host] {
        const judge::ApiKey key = watcher->result();
        watcher->deleteLater();
        if (!label || QUrl(m_endpoint->text().trimmed()).host() != host) return;
        if (key.key.isEmpty())
            label->setText(tr("Key for %1: none found%2").arg(host, key.note.isEmpty() ? QString() : tr(" (%1)").arg(key.note)));
        else
            label->setText(tr("Key for %1: found in %2 (not shown).").arg(host, key.source));
    });
    watcher->setFuture(QtConcurrent::run([host] { return judge::resolveApiKey(host, true, 3000); }));
}

void SettingsDialog::storeKey() {
    const QString host = QUrl(m_endpoint->text().trimmed()).host();
    if (host.isEmpty()) {
        m_keySource->setText(tr("Give the endpoint first: the key is stored for its host."));
        return;
    }
    const QString key = m_key->text();
    m_key->clear();  // the key leaves the widget at once; it lives on only in the keychain
    m_storeKey->setEnabled(false);
    m_keySource->setText(tr("Storing the key for %1…").arg(host));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, host] {
        const QString error = watcher->result();
        watcher->deleteLater();
        const bool ok = error.isEmpty();
        const QString message = ok ? tr("Key for %1 stored in the system keychain.").arg(host)
                                   : tr("The keychain did not store the key for %1: %2").arg(host, error);
        m_keySource->setText(message);
        Q_EMIT keyStored(ok, message);
    });
    watcher->setFuture(QtConcurrent::run([host, key] { return judge::storeApiKeyInKeychain(host, key); }));
}

}  // namespace stllava::ui
