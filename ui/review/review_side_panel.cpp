#include "review/review_side_panel.h"

#include "review/review_text.h"
#include "services/review/review_store.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace stllava::ui {

using namespace stllava::review;

namespace {

QString figure(double v) {
    return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2);
}

QString guidelines() {
    return QCoreApplication::translate(
        "stllava::ui::ReviewWorkspace",
        "<h3>Review guidelines</h3>"
        "<ol>"
        "<li><b>Look at the image first.</b> Check every finding an answer states against the image; an answer "
        "that claims something the image does not show is worse than a shorter correct one.</li>"
        "<li><b>Then accuracy</b>, relevance to the question, helpfulness and detail, in that order.</li>"
        "<li>Do not prefer an answer for its length, its position, or because the judge preferred it.</li>"
        "<li><b>1 / 2</b>: that answer is better and the pair is worth training on. <b>A</b> approves the "
        "judge's choice, <b>F</b> flips it.</li>"
        "<li><b>T</b> when neither is better; <b>B</b> when both are wrong; <b>R</b> when the pair should not "
        "be used at all (unreadable image, off-topic question, identical answers).</li>"
        "<li>Write a note (<b>N</b>) when a decision was hard: it helps adjudication.</li>"
        "<li>Blind mode hides the judge's scores and shows the answers in a random order per pair; use it "
        "for agreement studies.</li>"
        "</ol>");
}

}  // namespace

ReviewSidePanel::ReviewSidePanel(QWidget* parent) : QWidget(parent) {
    auto* sl = new QVBoxLayout(this);
    m_guidelines = new QTextBrowser(this);
    m_guidelines->setObjectName(QStringLiteral("guidelines"));
    m_guidelines->setFocusPolicy(Qt::NoFocus);
    m_guidelines->setHtml(guidelines());
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_agreement = new QLabel(this);
    m_agreement->setObjectName(QStringLiteral("agreement"));
    m_agreement->setWordWrap(true);
    m_storeLabel = new QLabel(ReviewText::tr("No store open"), this);
    m_storeLabel->setWordWrap(true);  // a long store path must not widen the window
    sl->addWidget(m_guidelines, 1);
    sl->addWidget(m_notes);
    sl->addWidget(m_agreement);
    sl->addWidget(m_storeLabel);
}

void ReviewSidePanel::setNotes(const QStringList& notes) {
    m_notes->setText(notes.isEmpty() ? QString()
                                     : ReviewText::tr("<b>My notes:</b> %1").arg(notes.join(QStringLiteral(" · ")).toHtmlEscaped()));
}

void ReviewSidePanel::showAgreement(ReviewStore* store, const QString& curator) {
    if (!store || curator.isEmpty()) {
        m_agreement->clear();
        return;
    }
    const Agreement j = store->agreementWithJudge(curator);
    QString text = ReviewText::tr("<b>Agreement</b><br>%1 vs judge: κ %2, AC1 %3 (n = %4)")
                       .arg(curator.toHtmlEscaped(), figure(j.kappa), figure(j.ac1))
                       .arg(j.n);
    for (const QString& other : store->curators()) {
        if (other == curator) continue;
        const Agreement b = store->agreementBetween(curator, other);
        if (b.n == 0) continue;
        text += ReviewText::tr("<br>vs %1: κ %2, AC1 %3 (n = %4)").arg(other.toHtmlEscaped(), figure(b.kappa), figure(b.ac1)).arg(b.n);
    }
    text += ReviewText::tr("<br>Adjudication queue: %1").arg(store->adjudicationQueue().size());
    m_agreement->setText(text);
}

QString ReviewSidePanel::agreementText() const {
    return m_agreement->text();
}

void ReviewSidePanel::setStorePath(const QString& path) {
    m_storeLabel->setText(ReviewText::tr("Store: %1").arg(QFileInfo(path).fileName()));  // the full path in the tool tip
    m_storeLabel->setToolTip(QDir::toNativeSeparators(path));
}

}  // namespace stllava::ui
