// Shows a ConversationModel as a transcript: questions, answers (growing while they stream, with a
// line of provenance under each), and errors in red. Re-renders at most once per event-loop pass,
// however many tokens arrived, and keeps the view at the bottom while the user has not scrolled up.
#pragma once

#include <QTextBrowser>

namespace stllava::ui {

class ConversationModel;

class ChatView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ChatView(ConversationModel* model, QWidget* parent = nullptr);

    QString transcript() const;  // plain text of what is shown (for tests and Copy all)

private:
    void schedule();
    void renderNow();

    ConversationModel* m_model;
    bool m_scheduled = false;
};

// "model 3f2a9c1b · vicuna_v1 · T 0.2 · top-p 0.9 · W 400 L 40 · image 12 · 48 tokens, 35.1 tok/s"
QString provenanceLine(const class QJsonObject& provenance);

}  // namespace stllava::ui
