#include "training/training_form.h"

#include "services/jobs/training_run_job.h"
#include "training/field_checks.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace stllava::ui {

namespace {

constexpr int kTrainingPage = 0;
constexpr int kGenerationPage = 1;
constexpr int kSft = int(TrainingKind::Sft);
constexpr int kDpo = int(TrainingKind::Dpo);

// Dotted keys reach into objects: "lr.decoder", "llm_lora.rank". A number where an object is
// expected ("lr": 1e-3) answers for every sub-key.
QJsonValue valueAt(const QJsonObject& o, const QString& key) {
    const int dot = key.indexOf(QLatin1Char('.'));
    if (dot < 0) return o.value(key);
    const QJsonValue outer = o.value(key.left(dot));
    if (outer.isDouble()) return outer;
    return outer.toObject().value(key.mid(dot + 1));
}

void setValueAt(QJsonObject& o, const QString& key, const QJsonValue& v) {
    const int dot = key.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        o.insert(key, v);
        return;
    }
    const QString outerKey = key.left(dot);
    const QJsonValue outer = o.value(outerKey);
    QJsonObject inner = outer.toObject();
    if (outer.isDouble() && outerKey == QLatin1String("lr"))  // one rate for every part, as the trainer reads it
        for (const char* part : {"decoder", "vision", "projector", "other"}) inner.insert(QLatin1String(part), outer);
    inner.insert(key.mid(dot + 1), v);
    if (outerKey == QLatin1String("lr") && key.endsWith(QLatin1String(".decoder"))) inner.insert(QStringLiteral("other"), v);
    o.insert(outerKey, inner);
}

QString shownText(const QJsonValue& v) {
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 8);
    if (v.isString()) return v.toString();
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

void selectText(QComboBox* combo, const QString& text) {
    if (text.isEmpty()) return;
    int i = combo->findText(text);
    if (i < 0) {
        combo->addItem(text);
        i = combo->count() - 1;
    }
    combo->setCurrentIndex(i);
}

}  // namespace

TrainingForm::TrainingForm(QWidget* parent) : QWidget(parent) {
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("Stage 1: SFT with question learning"), kSft);
    m_kind->addItem(tr("Stage 2: generation (questions and two answers per image)"), int(TrainingKind::Generate));
    m_kind->addItem(tr("DPO on preference pairs"), kDpo);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(16);
    auto* paper = new QPushButton(tr("&Paper preset"), this);
    paper->setObjectName(QStringLiteral("paper-preset"));
    paper->setToolTip(tr("The hyperparameters of STLLaVA-Med's scripts (LoRA 128/256, the paper's rates, batches and epochs)"));
    m_demoButton = new QPushButton(tr("&Demo preset"), this);
    m_demoButton->setObjectName(QStringLiteral("demo-preset"));
    m_demoButton->setToolTip(tr("What `stllava demo run` trained with, on the demo's data (open the demo first)"));
    m_demoButton->setEnabled(false);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("(the output folder's name)"));

    auto* presets = new QHBoxLayout;
    presets->addWidget(paper);
    presets->addWidget(m_demoButton);
    presets->addStretch(1);
    // How the run is launched: a child process by default (a crash in training cannot take the
    // window down), on a worker thread of this window, or data parallel under torchrun.
    m_launch = new QComboBox(this);
    m_launch->setObjectName(QStringLiteral("launch"));
    m_launch->addItem(tr("Separate process"), int(jobs::TrainingRunSpec::Launch::ChildProcess));
    m_launch->addItem(tr("In this window"), int(jobs::TrainingRunSpec::Launch::InProcess));
    m_launch->addItem(tr("torchrun, several processes"), int(jobs::TrainingRunSpec::Launch::Torchrun));
    m_launch->setItemData(0, tr("`stllava train` as a child process: a crash in training never takes the window down"),
                          Qt::ToolTipRole);
    m_launch->setItemData(1, tr("On a worker thread of this window: starts at once, no second program; one such run at a time"),
                          Qt::ToolTipRole);
    if (jobs::TrainingRunJob::torchrunExecutable().isEmpty()) {
        m_launch->setItemText(2, tr("torchrun (not found on PATH)"));
        if (auto* model = qobject_cast<QStandardItemModel*>(m_launch->model())) model->item(2)->setEnabled(false);
    }
    m_launch->setItemData(2, tr("Data parallel on this machine: torchrun starts one `stllava train` per process (one per GPU, "
                                "or Gloo on the CPU); see docs/distributed-training.md for several machines"),
                          Qt::ToolTipRole);
    m_processes = new QSpinBox(this);
    m_processes->setObjectName(QStringLiteral("processes"));
    m_processes->setRange(1, 1024);
    m_processes->setValue(2);
    m_processes->setSuffix(tr(" processes"));
    m_processes->setToolTip(tr("torchrun's --nproc_per_node: the global batch is batch size x accumulation x processes"));
    auto* launch = new QHBoxLayout;
    launch->addWidget(m_launch, 1);
    launch->addWidget(m_processes);
    auto updateLaunch = [this] {
        const bool generate = kind() == TrainingKind::Generate;
        if (generate) m_launch->setCurrentIndex(0);  // stage-2 generation runs as a child process only
        m_launch->setEnabled(!generate);
        m_processes->setVisible(m_launch->currentData().toInt() == int(jobs::TrainingRunSpec::Launch::Torchrun));
    };
    connect(m_launch, &QComboBox::currentIndexChanged, this, updateLaunch);
    connect(m_kind, &QComboBox::currentIndexChanged, this, updateLaunch);
    updateLaunch();

    auto* head = new QFormLayout;
    head->addRow(tr("Kind:"), m_kind);
    head->addRow(tr("Preset:"), presets);
    head->addRow(tr("Run name:"), m_name);
    head->addRow(tr("Run as:"), launch);

    m_pages = new QStackedWidget(this);
    for (int page : {kTrainingPage, kGenerationPage}) {
        auto* w = new QWidget(m_pages);
        m_forms[page] = new QFormLayout(w);
        m_pages->addWidget(w);
    }
    QFormLayout* t = m_forms[kTrainingPage];
    addPath(t, kTrainingPage, QStringLiteral("model_path"), tr("Model folder"), Type::Folder,
            tr("The model to train (config.json, safetensors, tokenizer.model); for DPO the stage-1 model"));
    addPath(t, kTrainingPage, QStringLiteral("init_adapter"), tr("Start from adapter"), Type::OptionalFolder,
            tr("A LoRA adapter merged in first (stage 1's for DPO); empty: none"));
    addPath(t, kTrainingPage, QStringLiteral("data_path"), tr("Data file"), Type::File,
            tr("SFT: LLaVA conversations JSON. DPO: preference pairs (STLLaVA JSON or TRL JSON lines)"));
    addPath(t, kTrainingPage, QStringLiteral("image_folder"), tr("Image folder"), Type::OptionalFolder,
            tr("The folder the data's image paths are relative to; empty: beside the data file"));
    addPath(t, kTrainingPage, QStringLiteral("output_dir"), tr("Output folder"), Type::OutputFolder,
            tr("Checkpoints and the trained adapter or model go here (made when missing)"));
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("template"));
    m_template->addItems({QStringLiteral("v1_sq"), QStringLiteral("vicuna_v1"), QStringLiteral("llava_v1"),
                          QStringLiteral("mistral_instruct")});
    t->addRow(tr("Template:"), m_template);
    m_decoder = new QComboBox(this);
    m_decoder->setObjectName(QStringLiteral("decoder"));
    m_vision = new QComboBox(this);
    m_vision->setObjectName(QStringLiteral("vision"));
    for (QComboBox* c : {m_decoder, m_vision}) c->addItems({QStringLiteral("lora"), QStringLiteral("full"), QStringLiteral("frozen")});
    t->addRow(tr("Decoder trains:"), m_decoder);
    t->addRow(tr("Vision tower trains:"), m_vision);
    addNumber(t, kTrainingPage, QStringLiteral("sq_r"), tr("Question learning share (sq_r)"), 0, 1, false,
              tr("The chance that a later human turn becomes a question the model learns to ask (paper: 0.5)"), kSft);
    addNumber(t, kTrainingPage, QStringLiteral("beta"), tr("DPO beta"), 0, 100, true,
              tr("Strength of the pull towards the reference model (paper: 0.1)"), kDpo);
    addNumber(t, kTrainingPage, QStringLiteral("lr.decoder"), tr("Learning rate"), 0, 1, true,
              tr("Peak learning rate of the decoder (the vision tower's and projector's stay as the preset says)"));
    addWhole(t, kTrainingPage, QStringLiteral("epochs"), tr("Epochs"), 1, 100000, tr("Passes over the data"));
    addWhole(t, kTrainingPage, QStringLiteral("max_steps"), tr("Most steps"), -1, 100000000,
             tr("Caps the optimiser steps; -1: no cap"));
    addWhole(t, kTrainingPage, QStringLiteral("batch_size"), tr("Batch size"), 1, 4096, tr("Items per device and micro-step"));
    addWhole(t, kTrainingPage, QStringLiteral("grad_accum"), tr("Gradient accumulation"), 1, 4096,
             tr("Micro-steps per optimiser step"));
    addWhole(t, kTrainingPage, QStringLiteral("max_length"), tr("Most tokens"), 8, 1000000, tr("Longest sequence kept"));
    addWhole(t, kTrainingPage, QStringLiteral("llm_lora.rank"), tr("LoRA rank"), 1, 4096, tr("Rank of the decoder's LoRA"));
    addNumber(t, kTrainingPage, QStringLiteral("llm_lora.alpha"), tr("LoRA alpha"), 0, 1e6, true,
              tr("Scale of the decoder's LoRA (paper: twice the rank)"));
    addWhole(t, kTrainingPage, QStringLiteral("save_steps"), tr("Checkpoint every"), 0, 100000000,
             tr("Steps between checkpoints; 0: at the end of every epoch"));
    addWhole(t, kTrainingPage, QStringLiteral("keep_last"), tr("Checkpoints kept"), 0, 100000,
             tr("Older checkpoints are deleted; 0 keeps all"));

    QFormLayout* g = m_forms[kGenerationPage];
    addPath(g, kGenerationPage, QStringLiteral("model"), tr("Stage-1 model"), Type::Folder,
            tr("The model that asks and answers (stage 1's)"));
    addPath(g, kGenerationPage, QStringLiteral("adapter"), tr("Adapter"), Type::OptionalFolder,
            tr("Stage 1's LoRA adapter folder; empty: none"));
    addPath(g, kGenerationPage, QStringLiteral("images"), tr("Images folder"), Type::Folder,
            tr("Unlabeled images (DICOM or raster), searched recursively"));
    addWhole(g, kGenerationPage, QStringLiteral("questions"), tr("Questions per image"), 1, 64,
             tr("Questions the model asks per image (paper: 5)"));
    addLine(g, kGenerationPage, QStringLiteral("seeds"), tr("Answer seeds"), Type::Seeds,
            tr("The two seeds of the two answers (paper: 40,42)"));
    addWhole(g, kGenerationPage, QStringLiteral("describe-tokens"), tr("Description tokens"), 1, 8192,
             tr("Most tokens of the description"));
    addWhole(g, kGenerationPage, QStringLiteral("question-tokens"), tr("Question tokens"), 1, 8192,
             tr("Most tokens of a question (paper: 300)"));
    addWhole(g, kGenerationPage, QStringLiteral("answer-tokens"), tr("Answer tokens"), 1, 8192,
             tr("Most tokens of an answer (paper: 1024)"));
    addPath(g, kGenerationPage, QStringLiteral("out"), tr("Job folder"), Type::OutputFolder,
            tr("Items go here (made when missing; an existing job resumes)"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("form-message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_pages);
    layout->addWidget(m_message);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_presets[int(m_shownKind)] = collect(m_shownKind);  // the edits of the kind left are kept
        m_shownKind = kind();
        updateRows();
        const auto kept = m_presets.find(int(m_shownKind));
        if (kept == m_presets.end())
            usePaperPreset();
        else
            applyPreset(kept->second);
    });
    connect(paper, &QPushButton::clicked, this, &TrainingForm::usePaperPreset);
    connect(m_demoButton, &QPushButton::clicked, this, &TrainingForm::useDemoPreset);
    for (QComboBox* c : {m_template, m_decoder, m_vision})
        connect(c, &QComboBox::currentIndexChanged, this, &TrainingForm::revalidate);
    for (const Field& f : m_fields) connect(f.edit, &QLineEdit::textChanged, this, &TrainingForm::revalidate);
    connect(m_name, &QLineEdit::textChanged, this, &TrainingForm::revalidate);
    updateRows();
    usePaperPreset();
}

TrainingForm::Field& TrainingForm::addLine(QFormLayout* form, int page, const QString& key, const QString& label,
                                           Type type, const QString& toolTip, int onlyKind) {
    Field f;
    f.key = key;
    f.label = label;
    f.type = type;
    f.page = page;
    f.onlyKind = onlyKind;
    f.edit = new QLineEdit(this);
    f.edit->setObjectName(key);
    f.edit->setToolTip(toolTip);
    form->addRow(label + tr(":"), f.edit);
    f.row = f.edit;
    m_fields.push_back(f);
    return m_fields.back();
}

void TrainingForm::addPath(QFormLayout* form, int page, const QString& key, const QString& label, Type type,
                           const QString& toolTip, int onlyKind) {
    Field f;
    f.key = key;
    f.label = label;
    f.type = type;
    f.page = page;
    f.onlyKind = onlyKind;
    auto* row = new QWidget(this);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    f.edit = new QLineEdit(row);
    f.edit->setObjectName(key);
    f.edit->setToolTip(toolTip);
    auto* browse = new QToolButton(row);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose"));
    h->addWidget(f.edit, 1);
    h->addWidget(browse);
    form->addRow(label + tr(":"), row);
    f.row = row;
    QLineEdit* edit = f.edit;
    connect(browse, &QToolButton::clicked, this, [this, edit, type, label] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString chosen = type == Type::File ? QFileDialog::getOpenFileName(this, label, start)
                                                  : QFileDialog::getExistingDirectory(this, label, start);
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    m_fields.push_back(f);
}

void TrainingForm::addWhole(QFormLayout* form, int page, const QString& key, const QString& label, qint64 min,
                            qint64 max, const QString& toolTip, int onlyKind) {
    Field& f = addLine(form, page, key, label, Type::Whole, toolTip, onlyKind);
    f.minWhole = min;
    f.maxWhole = max;
}

void TrainingForm::addNumber(QFormLayout* form, int page, const QString& key, const QString& label, double min,
                             double max, bool minExclusive, const QString& toolTip, int onlyKind) {
    Field& f = addLine(form, page, key, label, Type::Number, toolTip, onlyKind);
    f.minNumber = min;
    f.maxNumber = max;
    f.minExclusive = minExclusive;
}

TrainingKind TrainingForm::kind() const { return TrainingKind(m_kind->currentData().toInt()); }

void TrainingForm::setKind(TrainingKind k) { m_kind->setCurrentIndex(m_kind->findData(int(k))); }

void TrainingForm::setDemoRoot(const QString& root) {
    const bool first = m_demoRoot.isEmpty();
    m_demoRoot = root;
    m_demoButton->setEnabled(!root.isEmpty());
    // A demo opened on a form nobody has filled in yet: its preset is the sensible start.
    if (first && !root.isEmpty() && field(QStringLiteral("model_path"))->text().isEmpty() &&
        kind() != TrainingKind::Generate) {
        const QString note = m_presetNote;
        if (!useDemoPreset()) {  // not asked for: no complaint when this demo lacks the record
            m_presetNote = note;
            revalidate();
        }
    }
}

bool TrainingForm::shown(const Field& f, TrainingKind k) const {
    const int page = k == TrainingKind::Generate ? kGenerationPage : kTrainingPage;
    return f.page == page && (f.onlyKind < 0 || f.onlyKind == int(k));
}

void TrainingForm::updateRows() {
    m_pages->setCurrentIndex(kind() == TrainingKind::Generate ? kGenerationPage : kTrainingPage);
    for (const Field& f : m_fields)
        if (f.page == kTrainingPage) m_forms[kTrainingPage]->setRowVisible(f.row, shown(f, kind()));
}

void TrainingForm::applyPreset(const QJsonObject& preset) {
    m_presets[int(kind())] = preset;
    m_filling = true;
    const int page = kind() == TrainingKind::Generate ? kGenerationPage : kTrainingPage;
    for (const Field& f : m_fields)
        if (f.page == page) f.edit->setText(shownText(valueAt(preset, f.key)));
    if (kind() != TrainingKind::Generate) {
        selectText(m_template, preset.value(QStringLiteral("template")).toString());
        selectText(m_decoder, preset.value(QStringLiteral("decoder")).toString());
        selectText(m_vision, preset.value(QStringLiteral("vision")).toString());
    }
    m_filling = false;
    revalidate();
}

void TrainingForm::usePaperPreset() {
    // The paths already typed stay: a preset is about how to train, not on what.
    QJsonObject preset = paperPreset(kind());
    for (const Field& f : m_fields)
        if (shown(f, kind()) && f.type != Type::Whole && f.type != Type::Number && f.type != Type::Seeds)
            preset.insert(f.key, f.edit->text());
    m_presetNote = tr("Paper preset.");
    applyPreset(preset);
}

bool TrainingForm::useDemoPreset() {
    QString error;
    const auto preset = demoPreset(m_demoRoot, kind(), &error);
    if (!preset) {
        m_presetNote = tr("Demo preset not available: %1").arg(error);
        revalidate();
        return false;
    }
    m_presetNote = tr("Demo preset from %1.").arg(QDir::toNativeSeparators(m_demoRoot));
    applyPreset(*preset);
    return true;
}

QString TrainingForm::text(const QString& key) const {
    const QLineEdit* e = field(key);
    return e ? e->text().trimmed() : QString();
}

QLineEdit* TrainingForm::field(const QString& key) const {
    if (key == QLatin1String("name")) return m_name;
    for (const Field& f : m_fields)
        if (f.key == key) return f.edit;
    return nullptr;
}

void TrainingForm::setValue(const QString& key, const QString& value) {
    if (QLineEdit* e = field(key)) e->setText(value);
}

QString TrainingForm::check(const Field& f) const {
    const QString v = f.edit->text();
    switch (f.type) {
    case Type::Folder: return checks::existingFolder(v, true);
    case Type::OptionalFolder: return checks::existingFolder(v, false);
    case Type::File: return checks::existingFile(v, true);
    case Type::OutputFolder: return checks::outputFolder(v);
    case Type::Whole: return checks::wholeNumber(v, f.minWhole, f.maxWhole);
    case Type::Number: return checks::number(v, f.minNumber, f.maxNumber, f.minExclusive);
    case Type::Seeds: return checks::seedPair(v);
    }
    return {};
}

QString TrainingForm::validate() {
    m_invalidKey.clear();
    for (const Field& f : m_fields) {
        if (!shown(f, kind())) continue;
        const QString problem = check(f);
        if (!problem.isEmpty()) {
            m_invalidKey = f.key;
            return tr("%1: %2").arg(f.label, problem);
        }
    }
    if (kind() == TrainingKind::Sft && m_template->currentText() != QLatin1String("v1_sq") &&
        text(QStringLiteral("sq_r")).toDouble() > 0) {
        m_invalidKey = QStringLiteral("sq_r");
        return tr("Question learning share (sq_r): question learning needs the v1_sq template (or set it to 0)");
    }
    return {};
}

QString TrainingForm::message() const { return m_message->text(); }

void TrainingForm::revalidate() {
    if (m_filling) return;
    const QString problem = validate();
    for (const Field& f : m_fields)
        f.edit->setStyleSheet(f.key == m_invalidKey ? QStringLiteral("QLineEdit { border: 1px solid #c0392b; }") : QString());
    QString ready = tr("Ready to start.");
    const auto preset = m_presets.find(int(kind()));
    const bool resumes = preset == m_presets.end() || preset->second.value(QStringLiteral("resume")).toBool(true);
    if (problem.isEmpty() && kind() != TrainingKind::Generate && resumes) {
        // The trainer continues from the newest checkpoint of its output folder (config "resume").
        const QStringList checkpoints = jobs::trainingCheckpoints(text(QStringLiteral("output_dir")));
        if (!checkpoints.isEmpty())
            ready = tr("Ready to start; it continues from %1 in the output folder.").arg(QFileInfo(checkpoints.last()).fileName());
    }
    m_message->setText(m_presetNote + QLatin1Char(' ') + (problem.isEmpty() ? ready : problem));
    m_message->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #c0392b;"));
    Q_EMIT validityChanged(problem.isEmpty(), problem);
}

QJsonObject TrainingForm::collect(TrainingKind k) const {
    const auto preset = m_presets.find(int(k));
    QJsonObject values = preset == m_presets.end() ? paperPreset(k) : preset->second;
    for (const Field& f : m_fields) {
        if (!shown(f, k)) continue;
        const QString v = f.edit->text().trimmed();
        bool whole = false, number = false;
        const qint64 wholeValue = v.toLongLong(&whole);
        const double numberValue = v.toDouble(&number);
        if (f.type == Type::Whole && whole)
            setValueAt(values, f.key, wholeValue);
        else if (f.type == Type::Number && number)
            setValueAt(values, f.key, numberValue);
        else if ((f.type == Type::Folder || f.type == Type::OptionalFolder || f.type == Type::File ||
                  f.type == Type::OutputFolder) && !v.isEmpty())
            setValueAt(values, f.key, QFileInfo(v).absoluteFilePath());
        else
            setValueAt(values, f.key, v);  // kept as typed (a bad number stays to be corrected)
    }
    if (k != TrainingKind::Generate) {
        values.insert(QStringLiteral("template"), m_template->currentText());
        values.insert(QStringLiteral("decoder"), m_decoder->currentText());
        values.insert(QStringLiteral("vision"), m_vision->currentText());
    }
    return values;
}

jobs::TrainingRunSpec TrainingForm::spec() const {
    jobs::TrainingRunSpec s;
    s.kind = kind();
    const QJsonObject values = collect(kind());
    if (kind() == TrainingKind::Generate) {
        s.outputDir = values.value(QStringLiteral("out")).toString();
        s.generateArgs << QStringLiteral("--model") << values.value(QStringLiteral("model")).toString();
        const QString adapter = values.value(QStringLiteral("adapter")).toString();
        if (!adapter.isEmpty()) s.generateArgs << QStringLiteral("--adapter") << adapter;
        s.generateArgs << QStringLiteral("--images") << values.value(QStringLiteral("images")).toString()
                       << QStringLiteral("--out") << s.outputDir;
        for (const char* key : {"questions", "seeds", "describe-tokens", "question-tokens", "answer-tokens",
                                "images-per-batch"})
            if (values.contains(QLatin1String(key)))
                s.generateArgs << QStringLiteral("--") + QLatin1String(key) << shownText(values.value(QLatin1String(key)));
    } else {
        s.config = values;
        s.launch = static_cast<jobs::TrainingRunSpec::Launch>(m_launch->currentData().toInt());
        s.processes = m_processes->value();
    }
    const QString out = kind() == TrainingKind::Generate ? s.outputDir : s.config.value(QStringLiteral("output_dir")).toString();
    s.name = m_name->text().trimmed().isEmpty() ? QDir(out).dirName() : m_name->text().trimmed();
    return s;
}

}  // namespace stllava::ui
