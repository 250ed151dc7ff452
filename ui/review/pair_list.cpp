#include "review/pair_list.h"

#include "review/review_text.h"

#include <QFileInfo>

namespace stllava::ui {

using namespace stllava::review;

QString shortPairId(const QString& id) {
    const qsizetype hash = id.lastIndexOf(QLatin1Char('#'));
    return hash > 0 ? QFileInfo(id.left(hash)).fileName() + id.mid(hash) : id;
}

PairList::PairList(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("pairs"));
    setFocusPolicy(Qt::NoFocus);
    setMinimumWidth(220);
}

QString PairList::rowText(const ReviewPair& p, const PairState& s) {
    QString decision = s.decided() ? QString::fromLatin1(verdictName(s.verdict)) : ReviewText::tr("—");
    if (s.verdict == Verdict::Approved) decision += QStringLiteral(" %1").arg(s.side);
    return ReviewText::tr("%1 · %2 · margin %3 · %4")
        .arg(shortPairId(p.id), p.judgeStatus, QString::number(p.margin, 'g', 3), decision);
}

void PairList::showPairs(const std::vector<const ReviewPair*>& pairs, const std::map<QString, PairState>& mine) {
    const QSignalBlocker block(this);
    clear();
    for (const ReviewPair* p : pairs) {
        const auto it = mine.find(p->id);
        auto* item = new QListWidgetItem(rowText(*p, it == mine.end() ? PairState{} : it->second), this);
        item->setData(Qt::UserRole, p->id);
        item->setToolTip(p->id);
    }
}

void PairList::updateRow(int row, const ReviewPair& p, const PairState& mine) {
    item(row)->setText(rowText(p, mine));
}

void PairList::selectRow(int row) {
    const QSignalBlocker block(this);
    setCurrentRow(row);
}

}  // namespace stllava::ui
