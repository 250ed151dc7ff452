// The Review workspace's list of the pairs in view: one row per pair (its short id, the judge's
// status, the margin, my decision), the full id in the row's tool tip. Touches only its rows; which
// pairs are listed, and in what order, the workspace decides.
#pragma once

#include "services/review/review_types.h"

#include <QListWidget>

#include <map>
#include <vector>

namespace stllava::ui {

// "<image path>#q<k>" shown by the image's file name (the full id goes in tool tips).
QString shortPairId(const QString& id);

class PairList : public QListWidget {
    Q_OBJECT
public:
    explicit PairList(QWidget* parent = nullptr);
    // The rows, without currentRowChanged(); no row is current afterwards.
    void showPairs(const std::vector<const review::ReviewPair*>& pairs, const std::map<QString, review::PairState>& mine);
    void updateRow(int row, const review::ReviewPair& p, const review::PairState& mine);
    void selectRow(int row);  // -1: none; without currentRowChanged()

private:
    static QString rowText(const review::ReviewPair& p, const review::PairState& mine);
};

}  // namespace stllava::ui
