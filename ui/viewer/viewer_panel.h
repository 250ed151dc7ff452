// The viewer half of the Read workspace: the image canvas with its tool bar (window presets from the
// file and for CT, auto, invert, fit, 1:1, tag overlay, presentation mode), live window values, the
// privacy indicator, and a slider over the images of the open stack (the frames of a multi-frame
// file, or the slices of a series). Images load on a worker thread; the newest request wins.
#pragma once

#include "imaging/dicom_series.h"
#include "viewer/image_view.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace stllava::ui {

class ViewerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ViewerPanel(QWidget* parent = nullptr);
    ~ViewerPanel() override;

    // Opens one file: every frame of a multi-frame DICOM, or the single image. Async: imageShown().
    void openFile(const QString& path);
    void openSeries(const DicomSeries& series);
    void showIndex(int index);  // 0-based position in the stack

    ImageView* view() const { return m_view; }
    int index() const { return m_index; }
    int count() const { return static_cast<int>(m_stack.size()); }
    int frame() const;  // the shown image's frame within its file (0-based)
    QString currentPath() const;
    // Key of the study on screen for its chat history: "study:<StudyInstanceUID>" for DICOM, else
    // "file:<absolute path>" (the history store hashes it).
    QString studyKey() const;
    QString privacyText() const;
    // A CT window preset's name for people ("abdomen" -> "Abdomen", in the interface's language).
    static QString presetLabel(const char* name);

    // Actions the main window lists in its View menu (shortcuts active while the viewer has focus;
    // remappable: each has an objectName id, "viewer-invert", ...).
    QList<QAction*> viewActions() const { return m_actions; }
    QAction* overlayAction() const { return m_overlayAction; }
    QAction* presentationAction() const { return m_presentationAction; }

Q_SIGNALS:
    void imageShown();                      // an image is on screen (after openFile/openSeries/showIndex)
    void studyChanged(const QString& key);  // the shown image belongs to another study
    void loadFailed(const QString& message);

private:
    struct StackItem {
        QString path;
        int frame = 0;
    };
    struct Loaded {
        std::shared_ptr<const ImageData> image;
        QString error;
        int request = 0;
    };
    void startStack(std::vector<StackItem> stack);
    void onLoaded();
    void rebuildPresets();
    void onPreset(int comboIndex);
    void updateWindowLabel(const Window& w);
    void updatePosition();
    QAction* addViewAction(const QString& id, const QString& text, const QKeySequence& key, bool checkable);

    ImageView* m_view = nullptr;
    QComboBox* m_presets = nullptr;
    QLabel* m_windowLabel = nullptr;
    QLabel* m_privacy = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_sliderLabel = nullptr;
    QList<QAction*> m_actions;
    QAction* m_invertAction = nullptr;
    QAction* m_overlayAction = nullptr;
    QAction* m_presentationAction = nullptr;
    std::vector<StackItem> m_stack;
    std::vector<Window> m_presetWindows;  // parallel to the preset combo's entries after the first
    int m_index = -1;
    int m_request = 0;
    bool m_newStack = true;
    QString m_studyKey;
    QFutureWatcher<Loaded>* m_watcher = nullptr;
    int m_pendingIndex = -1;  // a slider move that arrived while loading
};

}  // namespace stllava::ui
