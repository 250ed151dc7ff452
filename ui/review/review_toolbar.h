// The two rows above the Review workspace's pair: the store and what to do with it (open, import,
// export, train DPO, keys; the progress on the right), then who decides and which pairs are listed
// (curator, blind, auto-advance, filter, curator filter, sort). Touches only its own widgets and
// reports what the user does through its signals.
#pragma once

#include "review/review_filter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace stllava::ui {

class ReviewToolbar : public QWidget {
    Q_OBJECT
public:
    ReviewToolbar(const QString& curator, bool autoAdvance, QWidget* parent = nullptr);

    QString curatorText() const;  // as typed
    void setCuratorText(const QString& name);
    bool blind() const;
    void setBlind(bool on);
    bool autoAdvance() const;
    PairFilter filter() const;
    void setFilter(PairFilter f);
    PairSort sort() const;
    void setSort(PairSort s);
    QString curatorFilter() const;  // the curator whose decided pairs are listed; "" for any
    // The curator filter's choices: any curator, then each of `curators`; the chosen one is kept
    // when still there, without curatorFilterChanged().
    void setCurators(const QStringList& curators);
    QString progress() const;
    void setProgress(const QString& text);

Q_SIGNALS:
    void openStoreClicked();
    void importClicked();
    void exportClicked();
    void trainDpoClicked();
    void keysClicked();
    void curatorEdited(const QString& text);
    void blindToggled(bool on);
    void autoAdvanceToggled(bool on);
    void filterChanged();
    void curatorFilterChanged();
    void sortChanged();

private:
    QLineEdit* m_curator;
    QCheckBox* m_blind;
    QCheckBox* m_autoAdvance;
    QComboBox* m_filter;
    QComboBox* m_curatorFilter;
    QComboBox* m_sort;
    QLabel* m_progress;
};

}  // namespace stllava::ui
