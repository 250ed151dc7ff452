#include "chat/chat_view.h"

#include "chat/conversation_model.h"

#include <QJsonObject>
#include <QScrollBar>
#include <QTimer>

namespace stllava::ui {

QString provenanceLine(const QJsonObject& p) {
    QStringList parts;
    const QString digest = p.value(QStringLiteral("model_digest")).toString();
    if (!digest.isEmpty()) parts << ChatView::tr("model %1").arg(digest.left(8));
    const QString adapter = p.value(QStringLiteral("adapter_digest")).toString();
    if (!adapter.isEmpty()) parts << ChatView::tr("adapter %1").arg(adapter.left(8));
    const QString tmpl = p.value(QStringLiteral("template")).toString();
    if (!tmpl.isEmpty()) parts << tmpl;
    const QJsonObject s = p.value(QStringLiteral("sampling")).toObject();
    if (!s.isEmpty())
        parts << ChatView::tr("T %1 · top-p %2 · max %3")
                     .arg(s.value(QStringLiteral("temperature")).toDouble())
                     .arg(s.value(QStringLiteral("top_p")).toDouble())
                     .arg(s.value(QStringLiteral("max_new_tokens")).toInt());
    const QJsonObject w = p.value(QStringLiteral("window")).toObject();
    if (!w.isEmpty())
        parts << ChatView::tr("W %1 L %2%3")
                     .arg(w.value(QStringLiteral("width")).toDouble(), 0, 'f', 0)
                     .arg(w.value(QStringLiteral("center")).toDouble(), 0, 'f', 0)
                     .arg(w.value(QStringLiteral("invert")).toBool() ? ChatView::tr(" inverted") : QString());
    if (p.contains(QStringLiteral("frame")))
        parts << ChatView::tr("frame %1").arg(p.value(QStringLiteral("frame")).toInt() + 1);
    if (p.value(QStringLiteral("image")).toString() == QLatin1String("none"))
        parts << ChatView::tr("no image");
    if (p.contains(QStringLiteral("generated_tokens")))
        parts << ChatView::tr("%1 tokens, %2 tok/s")
                     .arg(p.value(QStringLiteral("generated_tokens")).toInt())
                     .arg(p.value(QStringLiteral("tokens_per_second")).toDouble(), 0, 'f', 1);
    if (p.value(QStringLiteral("stop_reason")).toString() == QLatin1String("cancelled"))
        parts << ChatView::tr("stopped");
    return parts.join(QStringLiteral(" · "));
}

ChatView::ChatView(ConversationModel* model, QWidget* parent) : QTextBrowser(parent), m_model(model) {
    setOpenLinks(false);
    setAccessibleName(tr("Conversation"));
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChatView::schedule);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChatView::schedule);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChatView::schedule);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChatView::schedule);
    renderNow();
}

void ChatView::schedule() {
    if (m_scheduled) return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &ChatView::renderNow);
}

void ChatView::renderNow() {
    m_scheduled = false;
    QScrollBar* bar = verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    const int keep = bar->value();
    QString html = QStringLiteral("<html><body style='font-size: 10pt'>");
    if (m_model->messages().empty())
        html += QStringLiteral("<p style='color:#888'>") +
                tr("Ask about the image on screen. The model sees it exactly as shown, under the current "
                   "window. Answers come from a research model: they are not a diagnosis.")
                    .toHtmlEscaped() +
                QStringLiteral("</p>");
    for (const ChatMessage& m : m_model->messages()) {
        const QString text = m.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        switch (m.kind) {
            case ChatMessage::Kind::Question:
                html += QStringLiteral("<p style='margin-top:10px'><b>") + tr("You").toHtmlEscaped() +
                        QStringLiteral("</b><br>") + text + QStringLiteral("</p>");
                break;
            case ChatMessage::Kind::Answer:
                html += QStringLiteral("<p><b>") + tr("Assistant").toHtmlEscaped() +
                        QStringLiteral("</b><br>") + text;
                if (m.streaming) html += QStringLiteral(" ▍");
                html += QStringLiteral("</p>");
                if (!m.streaming)
                    html += QStringLiteral("<p style='color:#888; font-size:8pt'>") +
                            provenanceLine(m.provenance).toHtmlEscaped() + QStringLiteral("</p>");
                break;
            case ChatMessage::Kind::Error:
                html += QStringLiteral("<p style='color:#c03030'><b>") + tr("Error").toHtmlEscaped() +
                        QStringLiteral("</b><br>") + text + QStringLiteral("</p>");
                break;
        }
    }
    html += QStringLiteral("</body></html>");
    setHtml(html);
    bar->setValue(atBottom ? bar->maximum() : keep);
}

QString ChatView::transcript() const {
    return toPlainText();
}

}  // namespace stllava::ui
