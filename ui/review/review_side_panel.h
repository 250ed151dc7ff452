// The Review workspace's right-hand column: the review guidelines, my notes on the pair shown, the
// agreement figures (me vs the judge, vs each other curator; the adjudication queue) and the store
// open. Reads the store for the agreement figures; touches only its own widgets.
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace stllava::review {
class ReviewStore;
}

namespace stllava::ui {

class ReviewSidePanel : public QWidget {
    Q_OBJECT
public:
    explicit ReviewSidePanel(QWidget* parent = nullptr);

    void setNotes(const QStringList& notes);  // mine on the pair shown; none: nothing shown
    // Cleared without a store or a curator; throws what the store throws (the text is then kept).
    void showAgreement(review::ReviewStore* store, const QString& curator);
    QString agreementText() const;
    void setStorePath(const QString& path);  // the file name shown, the full path in the tool tip

private:
    QTextBrowser* m_guidelines;
    QLabel* m_notes;
    QLabel* m_agreement;
    QLabel* m_storeLabel;
};

}  // namespace stllava::ui
