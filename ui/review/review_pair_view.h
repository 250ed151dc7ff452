// The Review workspace's centre: the pair shown (its image, window/level by dragging, loaded on a
// worker thread; the question; the two answers with the judge's scores; the judge's evidence), the
// command buttons below it and the status line. Touches only its own widgets.
#pragma once

#include "review/review_commands.h"
#include "services/review/review_types.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;

namespace stllava {
struct ImageData;
}

namespace stllava::ui {

class AnswerPanel;
class ImageView;

class ReviewPairView : public QWidget {
    Q_OBJECT
public:
    // `commandButtons` are laid out four to a row below the answers.
    explicit ReviewPairView(const std::vector<QPushButton*>& commandButtons, QWidget* parent = nullptr);
    ~ReviewPairView() override;  // waits for an image being loaded

    void showNoPair(const QString& message);  // `message` where the question goes
    // `swapped`: the answers shown in the order 2, 1; `blind`: no scores, verdict or rationale.
    void showPair(const review::ReviewPair& p, const review::PairState& mine, bool swapped, bool blind,
                  const ReviewKeyMap& keys);
    QString answerText(int shownPosition) const;  // 1 or 2, as on screen
    bool answerScoresVisible() const;
    void setStatus(const QString& text);

private:
    void loadImage(const QString& path);

    ImageView* m_image;
    QLabel* m_imageNote;
    QLabel* m_question;
    AnswerPanel* m_answers[2];
    QLabel* m_evidence;
    QLabel* m_status;
    QFutureWatcher<std::shared_ptr<const ImageData>>* m_imageLoad;
    QString m_shownImage, m_pendingImage;
};

}  // namespace stllava::ui
