#include "review/review_commands.h"

#include <QCoreApplication>

namespace stllava::ui {

namespace {


}  // namespace

QString reviewCommandName(ReviewCommand c) {
    switch (c) {
        case ReviewCommand::ChooseFirst: return QStringLiteral("choose_first");
        case ReviewCommand::ChooseSecond: return QStringLiteral("choose_second");
        case ReviewCommand::Flip: return QStringLiteral("flip");
        case ReviewCommand::Approve: return QStringLiteral("approve");
        case ReviewCommand::Reject: return QStringLiteral("reject");
        case ReviewCommand::Tie: return QStringLiteral("tie");
        case ReviewCommand::BothWrong: return QStringLiteral("both_wrong");
        case ReviewCommand::Note: return QStringLiteral("note");
        case ReviewCommand::Undo: return QStringLiteral("undo");
        case ReviewCommand::Next: return QStringLiteral("next");
        case ReviewCommand::Previous: return QStringLiteral("previous");
    }
    return {};
}

QString reviewCommandLabel(ReviewCommand c) {
    switch (c) {
        case ReviewCommand::ChooseFirst: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Answer 1 is better");
        case ReviewCommand::ChooseSecond: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Answer 2 is better");
        case ReviewCommand::Flip: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Flip the judge's choice");
        case ReviewCommand::Approve: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Approve the judge's choice");
        case ReviewCommand::Reject: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Reject the pair");
        case ReviewCommand::Tie: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Tie");
        case ReviewCommand::BothWrong: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Both wrong");
        case ReviewCommand::Note: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Write a note");
        case ReviewCommand::Undo: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Undo my last decision");
        case ReviewCommand::Next: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Next pair");
        case ReviewCommand::Previous: return QCoreApplication::translate("stllava::ui::ReviewCommand", "Previous pair");
    }
    return {};
}

QList<QKeySequence> defaultReviewKeys(ReviewCommand c) {
    switch (c) {
        case ReviewCommand::ChooseFirst: return {QKeySequence(Qt::Key_1)};
        case ReviewCommand::ChooseSecond: return {QKeySequence(Qt::Key_2)};
        case ReviewCommand::Flip: return {QKeySequence(Qt::Key_F)};
        case ReviewCommand::Approve: return {QKeySequence(Qt::Key_A)};
        case ReviewCommand::Reject: return {QKeySequence(Qt::Key_R)};
        case ReviewCommand::Tie: return {QKeySequence(Qt::Key_T)};
        case ReviewCommand::BothWrong: return {QKeySequence(Qt::Key_B)};
        case ReviewCommand::Note: return {QKeySequence(Qt::Key_N)};
        case ReviewCommand::Undo: return {QKeySequence(Qt::CTRL | Qt::Key_Z)};
        case ReviewCommand::Next: return {QKeySequence(Qt::Key_J), QKeySequence(Qt::Key_Right)};
        case ReviewCommand::Previous: return {QKeySequence(Qt::Key_K), QKeySequence(Qt::Key_Left)};
    }
    return {};
}

ReviewKeyMap::ReviewKeyMap() {
    for (ReviewCommand c : kReviewCommands) m_keys[std::size_t(c)] = defaultReviewKeys(c);
}

void ReviewKeyMap::setKeys(ReviewCommand c, QList<QKeySequence> keys) {
    keys.removeAll(QKeySequence());
    m_keys[std::size_t(c)] = keys;
}

QString ReviewKeyMap::conflict() const {
    for (ReviewCommand a : kReviewCommands)
        for (const QKeySequence& k : keys(a))
            for (ReviewCommand b : kReviewCommands) {
                if (int(b) <= int(a)) continue;
                if (keys(b).contains(k))
                    return QCoreApplication::translate("stllava::ui::ReviewCommand", "The key %1 is set for both \"%2\" and \"%3\".")
                        .arg(k.toString(QKeySequence::NativeText), reviewCommandLabel(a), reviewCommandLabel(b));
            }
    return {};
}

QString ReviewKeyMap::keyText(ReviewCommand c) const {
    QStringList parts;
    for (const QKeySequence& k : keys(c)) parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(", "));
}

}  // namespace stllava::ui
