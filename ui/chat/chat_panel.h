// The chat half of the Read workspace: asks the model about the image on screen, exactly as the
// viewer renders it under the chosen window (pipeline::ImageInput::pixels of the current display),
// streams the answer from the chat job's worker thread, and offers Stop, Regenerate and Copy,
// sampling settings (temperature, top-p, max tokens) and the speed in tokens per second. Each
// answer records its provenance; the conversation is saved per study (HistoryStore) and restored
// when the study is opened again. Errors appear in the conversation. "Export" writes the conversation
// with its images as Markdown, PDF or a DICOM Basic Text SR (chat/conversation_export.h).
#pragma once

#include "chat/conversation_export.h"
#include "chat/conversation_model.h"
#include "chat/history_store.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QWidget>

class QAction;
class QDoubleSpinBox;
template <typename T>
class QFutureWatcher;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace stllava::jobs {
class ChatJob;
struct ChatOutcome;
}  // namespace stllava::jobs

namespace stllava::ui {

class ChatView;
class ViewerPanel;

class ChatPanel : public QWidget {
    Q_OBJECT
public:
    ChatPanel(jobs::ChatJob* job, ViewerPanel* viewer, QWidget* parent = nullptr);
    ~ChatPanel() override;

    // Saves the current conversation and shows (restores) the one of `studyKey`.
    void setStudy(const QString& studyKey);
    QString study() const { return m_study; }
    void ask(const QString& question);  // as if typed and sent
    void stop();
    void regenerate();
    void copyLastAnswer();
    void editLastQuestion();  // back into the input box, with its answer removed, to change and resend
    void newConversation();   // clears the study's conversation (saved empty)
    // The line above the conversation saying which model answers (or that none is loaded).
    void setModelDescription(const QString& text);
    // seed 0: a new random seed per answer (recorded in its provenance either way).
    void setSampling(double temperature, double topP, int maxTokens, int seed = 0);

    ConversationModel* model() const { return m_model; }
    ChatView* view() const { return m_view; }
    QLabel* speedLabel() const { return m_speed; }
    QPushButton* stopButton() const { return m_stop; }
    QString pendingQuestion() const;  // the input box's text
    HistoryStore& history() { return m_history; }
    // Send (Ctrl+Return in the input box) and Stop (Esc), for the shortcut map.
    QList<QAction*> keyActions() const { return {m_sendAction, m_stopAction}; }

    // Writes the conversation (answered questions, the images the model saw) in `format` to `path`
    // on the calling thread; empty on success, else the error. Presentation mode hides patient details.
    QString exportConversation(ExportFormat format, const QString& path) const;
    // Asks for a file, then startExport(); a DICOM SR of a raster image is refused before asking.
    void chooseExport(ExportFormat format);
    // Exports on a worker thread; exportFinished() and the panel's status line tell the result.
    void startExport(ExportFormat format, const QString& path);
    QPushButton* exportButton() const { return m_export; }

Q_SIGNALS:
    void answerFinished();  // after an answer ended (done, stopped or failed)
    void exportFinished(const QString& path, const QString& error);  // chooseExport's result

private:
    void send();
    void startAnswer();
    void onText(const QString& text);
    void onFinished(const jobs::ChatOutcome& outcome);
    void onFailed(const QString& message);
    void saveHistory();
    void updateButtons();
    QJsonObject imageProvenance() const;
    void exportInBackground(ExportFormat format, const QString& path, bool interactive);

    jobs::ChatJob* m_job;
    ViewerPanel* m_viewer;
    ConversationModel* m_model;
    ChatView* m_view;
    QPlainTextEdit* m_input;
    QAction* m_sendAction = nullptr;
    QAction* m_stopAction = nullptr;
    QPushButton *m_send, *m_stop, *m_regenerate, *m_edit, *m_copy, *m_new, *m_export;
    QDoubleSpinBox *m_temperature, *m_topP;
    QSpinBox* m_maxTokens;
    QSpinBox* m_seed;
    QLabel* m_speed;
    QLabel* m_modelLine;
    QLabel* m_exportStatus;
    QFutureWatcher<QString>* m_exportWatcher;
    QString m_exportFolder;  // where the last export went
    QString m_exportPath;    // the running (or last) export's file
    bool m_exportInteractive = false;  // the running export came from the menu: errors in a message box
    HistoryStore m_history;
    QString m_study;
    int m_answerRow = -1;  // the answer being streamed
    QElapsedTimer m_clock;
};

}  // namespace stllava::ui
