#include "review/review_pair_view.h"

#include "review/answer_panel.h"
#include "review/pair_list.h"
#include "review/review_text.h"
#include "viewer/image_view.h"

#include "imaging/image_loader.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace stllava::ui {

using namespace stllava::review;

namespace {

QString score(const std::optional<double>& s) {
    return s ? QString::number(*s, 'g', 3) : QStringLiteral("–");
}

}  // namespace

ReviewPairView::ReviewPairView(const std::vector<QPushButton*>& commandButtons, QWidget* parent) : QWidget(parent) {
    m_image = new ImageView(this);
    m_image->setMinimumHeight(220);
    m_imageNote = new QLabel(this);
    m_imageNote->setObjectName(QStringLiteral("image-note"));
    m_imageNote->setWordWrap(true);  // long image paths must not widen the window
    m_question = new QLabel(this);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setWordWrap(true);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* answers = new QHBoxLayout;
    for (int i = 0; i < 2; ++i) {
        m_answers[i] = new AnswerPanel(this);
        m_answers[i]->setObjectName(QStringLiteral("answer%1").arg(i + 1));
        answers->addWidget(m_answers[i]);
    }
    m_evidence = new QLabel(this);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    // The command buttons four to a row (choose / flip / approve; reject / tie / both wrong / note;
    // undo / next / previous), so the workspace fits a 1440-pixel screen beside the pair list and
    // the guidelines.
    auto* buttons = new QGridLayout;
    buttons->setHorizontalSpacing(4);
    for (int i = 0; i < int(commandButtons.size()); ++i) buttons->addWidget(commandButtons[std::size_t(i)], i / 4, i % 4);

    auto* cl = new QVBoxLayout(this);
    cl->addWidget(m_image, 3);
    cl->addWidget(m_imageNote);
    cl->addWidget(m_question);
    cl->addLayout(answers, 2);
    cl->addWidget(m_evidence);
    cl->addLayout(buttons);
    cl->addWidget(m_status);

    m_imageLoad = new QFutureWatcher<std::shared_ptr<const ImageData>>(this);
    connect(m_imageLoad, &QFutureWatcher<std::shared_ptr<const ImageData>>::finished, this, [this] {
        const auto image = m_imageLoad->result();
        if (!m_pendingImage.isEmpty()) return loadImage(m_pendingImage);
        if (image) {
            m_image->setImage(image, false);
            m_image->fitToView();
        } else {
            m_image->clear();
            m_imageNote->setText(ReviewText::tr("Cannot read the image %1").arg(QDir::toNativeSeparators(m_shownImage)));
        }
    });
}

ReviewPairView::~ReviewPairView() {
    m_imageLoad->waitForFinished();
}

void ReviewPairView::showNoPair(const QString& message) {
    m_question->setText(message);
    for (AnswerPanel* a : m_answers) a->show(QString(), QString(), QString(), false);
    m_evidence->clear();
    m_image->clear();
    m_imageNote->clear();
    m_shownImage.clear();
}

void ReviewPairView::showPair(const ReviewPair& p, const PairState& s, bool swapped, bool isBlind, const ReviewKeyMap& keys) {
    m_question->setText(ReviewText::tr("<b>%1</b> — %2").arg(shortPairId(p.id).toHtmlEscaped(), p.question.toHtmlEscaped()));
    m_question->setToolTip(p.id);
    for (int shown = 1; shown <= 2; ++shown) {
        const int original = swapped ? 3 - shown : shown;
        const QString text = original == 1 ? p.answer1 : p.answer2;
        QString scores;
        if (!isBlind) {
            const OrderEvidence& o12 = p.order12;
            const OrderEvidence& o21 = p.order21;
            auto of = [original](const OrderEvidence& o) { return original == 1 ? o.scoreAnswer1 : o.scoreAnswer2; };
            scores = ReviewText::tr("judge: %1 (order 1-2: %2, order 2-1: %3)%4")
                         .arg(score(original == 1 ? p.score1 : p.score2), score(of(o12)), score(of(o21)),
                              p.judgeChoice == original ? ReviewText::tr(" · the judge's choice") : QString());
        }
        const ReviewCommand choose = shown == 1 ? ReviewCommand::ChooseFirst : ReviewCommand::ChooseSecond;
        const QString heading = isBlind ? ReviewText::tr("Answer %1 [%2]").arg(QChar(u'A' + shown - 1)).arg(keys.keyText(choose))
                                        : ReviewText::tr("Answer %1 [%2]").arg(shown).arg(keys.keyText(choose));
        const bool chosen = s.verdict == Verdict::Approved && s.side == original;
        m_answers[shown - 1]->show(heading, text, scores, chosen);
    }
    if (isBlind) {
        m_evidence->setText(ReviewText::tr("Blind mode: the judge's scores, verdict and rationale are hidden."));
    } else {
        const QString agree = !p.ordersAgree ? ReviewText::tr("only one order judged")
                              : *p.ordersAgree ? ReviewText::tr("both orders agree")
                                               : ReviewText::tr("the orders disagree (the verdict changed with the order)");
        QString text = ReviewText::tr("Judge %1 · status %2%3 · margin %4 · %5")
                           .arg(p.judgeModel.toHtmlEscaped(), p.judgeStatus,
                                p.reason.isEmpty() ? QString() : ReviewText::tr(" (%1)").arg(p.reason),
                                QString::number(p.margin, 'g', 3), agree);
        if (!p.order12.rationale.isEmpty())
            text += ReviewText::tr("<br><b>Order 1-2:</b> %1").arg(p.order12.rationale.toHtmlEscaped());
        if (!p.order21.rationale.isEmpty())
            text += ReviewText::tr("<br><b>Order 2-1:</b> %1").arg(p.order21.rationale.toHtmlEscaped());
        m_evidence->setText(text);
    }

    // The image, loaded on a worker thread; while one loads, the newest request waits its turn.
    const QString path = p.imagePath();
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        m_image->clear();
        m_pendingImage.clear();
        m_imageNote->setText(path.isEmpty() ? ReviewText::tr("This pair has no image.")
                                            : ReviewText::tr("Image not found: %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_imageNote->setText(ReviewText::tr("%1 — drag to change window/level").arg(QFileInfo(path).fileName()));
    m_imageNote->setToolTip(QDir::toNativeSeparators(path));
    loadImage(path);
}

void ReviewPairView::loadImage(const QString& path) {
    if (path == m_shownImage && !m_imageLoad->isRunning()) return;
    if (m_imageLoad->isRunning()) {
        m_pendingImage = path;
        return;
    }
    m_pendingImage.clear();
    m_shownImage = path;
    m_imageLoad->setFuture(QtConcurrent::run([path]() -> std::shared_ptr<const ImageData> {
        try {
            return std::make_shared<const ImageData>(loadImageData(path.toStdString()));
        } catch (const std::exception&) {
            return nullptr;
        }
    }));
}

QString ReviewPairView::answerText(int shownPosition) const {
    return m_answers[shownPosition == 2 ? 1 : 0]->text();
}

bool ReviewPairView::answerScoresVisible() const {
    return !m_answers[0]->scores().isEmpty();
}

void ReviewPairView::setStatus(const QString& text) {
    m_status->setText(text);
}

}  // namespace stllava::ui
