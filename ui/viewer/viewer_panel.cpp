#include "viewer/viewer_panel.h"

#include "viewer/privacy_summary.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace stllava::ui {

Q_LOGGING_CATEGORY(lcViewer, "stllava.ui.viewer")

namespace {
const char* const kCtPresets[] = {"brain", "lung", "abdomen", "bone", "mediastinum", "liver"};
}  // namespace

QString ViewerPanel::presetLabel(const char* name) {
    if (!qstrcmp(name, "brain")) return ViewerPanel::tr("Brain");
    if (!qstrcmp(name, "lung")) return ViewerPanel::tr("Lung");
    if (!qstrcmp(name, "abdomen")) return ViewerPanel::tr("Abdomen");
    if (!qstrcmp(name, "bone")) return ViewerPanel::tr("Bone");
    if (!qstrcmp(name, "mediastinum")) return ViewerPanel::tr("Mediastinum");
    return ViewerPanel::tr("Liver");
}

ViewerPanel::ViewerPanel(QWidget* parent) : QWidget(parent) {
    m_view = new ImageView(this);
    m_presets = new QComboBox(this);
    m_presets->setAccessibleName(tr("Window presets"));
    m_presets->setToolTip(tr("Window presets: the file's own windows, and for CT the usual ones"));
    m_presets->setMinimumContentsLength(12);
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_windowLabel = new QLabel(this);
    m_windowLabel->setMinimumWidth(130);
    m_privacy = new QLabel(this);
    m_privacy->setTextFormat(Qt::PlainText);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setAccessibleName(tr("Image in stack"));
    m_slider->setEnabled(false);
    m_slider->setMinimumWidth(120);
    m_sliderLabel = new QLabel(this);

    auto* autoAction = addViewAction(QStringLiteral("viewer-auto-window"), tr("&Auto window"), QKeySequence(Qt::Key_A), false);
    m_invertAction = addViewAction(QStringLiteral("viewer-invert"), tr("&Invert"), QKeySequence(Qt::Key_I), true);
    auto* fitAction = addViewAction(QStringLiteral("viewer-fit"), tr("&Fit to view"), QKeySequence(Qt::Key_F), false);
    auto* oneAction = addViewAction(QStringLiteral("viewer-actual-size"), tr("Actual &size (1:1)"), QKeySequence(Qt::Key_1), false);
    m_overlayAction = addViewAction(QStringLiteral("viewer-tag-overlay"), tr("&Tag overlay"), QKeySequence(Qt::Key_T), true);
    m_overlayAction->setChecked(true);
    m_presentationAction =
        addViewAction(QStringLiteral("viewer-presentation"), tr("&Presentation mode (hide patient details)"), QKeySequence(Qt::Key_P), true);
    autoAction->setIconText(tr("Auto"));
    fitAction->setIconText(tr("Fit"));
    oneAction->setIconText(tr("1:1"));
    m_overlayAction->setIconText(tr("Tags"));
    m_presentationAction->setIconText(tr("Presentation"));
    auto* nextAction = addViewAction(QStringLiteral("viewer-next-image"), tr("&Next image"), QKeySequence(Qt::Key_Down), false);
    auto* prevAction = addViewAction(QStringLiteral("viewer-previous-image"), tr("P&revious image"), QKeySequence(Qt::Key_Up), false);
    nextAction->setShortcuts({QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_PageDown)});
    prevAction->setShortcuts({QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_PageUp)});

    connect(autoAction, &QAction::triggered, m_view, &ImageView::autoWindow);
    connect(m_invertAction, &QAction::toggled, m_view, &ImageView::setInverted);
    connect(fitAction, &QAction::triggered, m_view, &ImageView::fitToView);
    connect(oneAction, &QAction::triggered, m_view, &ImageView::actualSize);
    connect(m_overlayAction, &QAction::toggled, m_view, &ImageView::setOverlayVisible);
    connect(m_presentationAction, &QAction::toggled, this, [this](bool on) {
        m_view->setPresentationMode(on);
        m_privacy->setVisible(!on);
    });
    connect(nextAction, &QAction::triggered, this, [this] { showIndex(m_slider->value() + 1); });
    connect(prevAction, &QAction::triggered, this, [this] { showIndex(m_slider->value() - 1); });

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_presets);
    for (QAction* a :
         {autoAction, m_invertAction, fitAction, oneAction, m_overlayAction, m_presentationAction}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
    }
    bar->addStretch(1);

    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(4, 2, 4, 2);
    bottom->addWidget(m_slider, 1);
    bottom->addWidget(m_sliderLabel);
    bottom->addSpacing(12);
    bottom->addWidget(m_windowLabel);  // below the image, so the tool row fits long translations
    bottom->addSpacing(12);
    bottom->addWidget(m_privacy);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    m_watcher = new QFutureWatcher<Loaded>(this);
    connect(m_watcher, &QFutureWatcher<Loaded>::finished, this, &ViewerPanel::onLoaded);
    connect(m_slider, &QSlider::valueChanged, this, &ViewerPanel::showIndex);
    connect(m_presets, &QComboBox::activated, this, &ViewerPanel::onPreset);
    connect(m_view, &ImageView::windowChanged, this, &ViewerPanel::updateWindowLabel);
    rebuildPresets();
    updateWindowLabel({});
}

ViewerPanel::~ViewerPanel() {
    m_watcher->waitForFinished();
}

QAction* ViewerPanel::addViewAction(const QString& id, const QString& text, const QKeySequence& key, bool checkable) {
    auto* a = new QAction(text, this);
    a->setObjectName(id);  // the shortcut map's id
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setCheckable(checkable);
    a->setToolTip(
        tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
    addAction(a);
    m_actions << a;
    return a;
}

void ViewerPanel::openFile(const QString& path) {
    // One entry; a multi-frame file's frames are added when its first frame arrives (onLoaded), so
    // the header is read once, on the worker thread.
    startStack({StackItem{QFileInfo(path).absoluteFilePath(), 0}});
}

void ViewerPanel::openSeries(const DicomSeries& series) {
    std::vector<StackItem> stack;
    for (const auto& file : series.files)
        for (int f = 0; f < std::max(1, file.frames); ++f)
            stack.push_back({QString::fromStdString(file.path), f});
    if (stack.empty()) return;
    startStack(std::move(stack));
}

void ViewerPanel::startStack(std::vector<StackItem> stack) {
    m_stack = std::move(stack);
    m_newStack = true;
    m_index = -1;
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, count() - 1));
    m_slider->setValue(count() / 2);
    m_slider->setEnabled(count() > 1);
    showIndex(count() / 2);
}

void ViewerPanel::showIndex(int index) {
    if (m_stack.empty()) return;
    index = std::clamp(index, 0, count() - 1);
    if (m_slider->value() != index) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(index);
    }
    if (m_watcher->isRunning()) {
        m_pendingIndex = index;  // shown when the running load finishes (dragging stays smooth)
        return;
    }
    m_pendingIndex = -1;
    const StackItem item = m_stack[static_cast<std::size_t>(index)];
    const int request = ++m_request;
    m_index = index;
    m_watcher->setFuture(QtConcurrent::run([item, request] {
        Loaded out;
        out.request = request;
        try {
            LoadOptions opts;
            opts.frame = item.frame;
            out.image = std::make_shared<const ImageData>(loadImageData(item.path.toStdString(), opts));
        } catch (const std::exception& e) {
            out.error = QString::fromStdString(e.what());
        }
        return out;
    }));
    updatePosition();
}

void ViewerPanel::onLoaded() {
    const Loaded result = m_watcher->result();
    if (m_pendingIndex >= 0 && m_pendingIndex != m_index) {
        const int next = m_pendingIndex;
        if (!result.image) {
            showIndex(next);
            return;
        }
        m_pendingIndex = -1;
        // Show this one (it may be the last for a while) and then move on.
        QMetaObject::invokeMethod(
            this, [this, next] { showIndex(next); }, Qt::QueuedConnection);
    }
    if (!result.image) {
        qCWarning(lcViewer) << result.error;
        Q_EMIT loadFailed(result.error);
        return;
    }
    const ImageData& img = *result.image;
    // A single file that turns out to be multi-frame: its stack becomes every frame.
    if (m_newStack && count() == 1 && img.frameCount > 1) {
        std::vector<StackItem> frames;
        for (int f = 0; f < img.frameCount; ++f) frames.push_back({m_stack.front().path, f});
        m_stack = std::move(frames);
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, count() - 1);
        m_slider->setValue(0);
        m_slider->setEnabled(true);
        m_index = 0;
    }
    const bool newStack = m_newStack;
    m_newStack = false;
    m_view->setImage(result.image, !newStack);
    if (newStack) rebuildPresets();
    const PrivacySummary privacy = privacyOf(img);
    m_privacy->setText(privacy.text());
    m_privacy->setToolTip(privacy.details());
    m_privacy->setStyleSheet(privacy.clean() ? QString()
                                             : QStringLiteral("color: #d08000; font-weight: bold"));
    m_privacy->setVisible(!m_presentationAction->isChecked());
    updatePosition();
    const QString key = studyKey();
    if (key != m_studyKey) {
        m_studyKey = key;
        Q_EMIT studyChanged(key);
    }
    Q_EMIT imageShown();
}

int ViewerPanel::frame() const {
    if (m_index < 0 || m_index >= count()) return 0;
    return m_stack[static_cast<std::size_t>(m_index)].frame;
}

QString ViewerPanel::currentPath() const {
    if (m_index < 0 || m_index >= count()) return {};
    return m_stack[static_cast<std::size_t>(m_index)].path;
}

QString ViewerPanel::studyKey() const {
    const auto& img = m_view->image();
    if (!img) return {};
    if (!img->tags.studyUid.empty())
        return QStringLiteral("study:") + QString::fromStdString(img->tags.studyUid);
    return QStringLiteral("file:") + QString::fromStdString(img->path);
}

QString ViewerPanel::privacyText() const {
    return m_privacy->text();
}

void ViewerPanel::rebuildPresets() {
    m_presets->clear();
    m_presetWindows.clear();
    m_presets->addItem(tr("Window presets"));
    const auto& img = m_view->image();
    if (!img) return;
    for (std::size_t i = 0; i < img->fileWindows.size(); ++i) {
        const Window& w = img->fileWindows[i];
        const QString name =
            w.explanation.empty() ? tr("File window %1").arg(i + 1) : QString::fromStdString(w.explanation);
        m_presets->addItem(tr("%1 (W %2 L %3)").arg(name).arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0));
        m_presetWindows.push_back(w);
    }
    if (img->tags.modality == "CT") {
        for (const char* name : kCtPresets) {
            if (auto w = presetWindow(name)) {
                m_presets->addItem(tr("CT %1 (W %2 L %3)")
                                       .arg(presetLabel(name))
                                       .arg(w->width, 0, 'f', 0)
                                       .arg(w->center, 0, 'f', 0));
                w->explanation = presetLabel(name).toStdString();
                m_presetWindows.push_back(*w);
            }
        }
    }
}

void ViewerPanel::onPreset(int comboIndex) {
    if (comboIndex <= 0 || comboIndex > static_cast<int>(m_presetWindows.size())) return;
    m_view->setWindow(m_presetWindows[static_cast<std::size_t>(comboIndex - 1)]);
    m_presets->setCurrentIndex(0);
    m_view->setFocus();
}

void ViewerPanel::updateWindowLabel(const Window& w) {
    if (!m_view->hasImage()) {
        m_windowLabel->clear();
        return;
    }
    m_windowLabel->setText(tr("W %1  L %2").arg(w.width, 0, 'f', 0).arg(w.center, 0, 'f', 0));
    const QSignalBlocker block(m_invertAction);
    m_invertAction->setChecked(m_view->inverted());
}

void ViewerPanel::updatePosition() {
    if (m_stack.empty()) {
        m_sliderLabel->clear();
        return;
    }
    const QString text = tr("Image %1 / %2").arg(m_slider->value() + 1).arg(count());
    m_sliderLabel->setText(text);
    m_view->setPositionText(count() > 1 ? text : QString());
}

}  // namespace stllava::ui
