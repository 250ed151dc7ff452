// The curator's commands in the Review workspace and their keys: the default keys, the labels shown
// on buttons and tooltips, and the key map (several keys per command) that the settings keep.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <array>

namespace stllava::ui {

enum class ReviewCommand { ChooseFirst, ChooseSecond, Flip, Approve, Reject, Tie, BothWrong, Note, Undo, Next, Previous };
inline constexpr int kReviewCommandCount = 11;
inline constexpr std::array<ReviewCommand, kReviewCommandCount> kReviewCommands = {
    ReviewCommand::ChooseFirst, ReviewCommand::ChooseSecond, ReviewCommand::Flip, ReviewCommand::Approve,
    ReviewCommand::Reject,      ReviewCommand::Tie,          ReviewCommand::BothWrong, ReviewCommand::Note,
    ReviewCommand::Undo,        ReviewCommand::Next,         ReviewCommand::Previous};

QString reviewCommandName(ReviewCommand c);   // stable settings key, e.g. "choose_first"
QString reviewCommandLabel(ReviewCommand c);  // translated, e.g. "Answer 1 is better"
QList<QKeySequence> defaultReviewKeys(ReviewCommand c);

class ReviewKeyMap {
public:
    ReviewKeyMap();  // the defaults
    QList<QKeySequence> keys(ReviewCommand c) const { return m_keys[std::size_t(c)]; }
    void setKeys(ReviewCommand c, QList<QKeySequence> keys);
    // "" when no key is bound twice, else a sentence naming the key and both commands.
    QString conflict() const;
    // The keys as shown to the user: "1", "J, Right".
    QString keyText(ReviewCommand c) const;

private:
    std::array<QList<QKeySequence>, kReviewCommandCount> m_keys;
};

}  // namespace stllava::ui
