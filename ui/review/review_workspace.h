// The Review workspace (Ctrl+2): preference pairs of a self-training job, one at a time. On top the
// image (window/level by dragging, as in Read) and the question; below the two answers side by side
// with the judge's scores, whether the two answer orders agreed, and the rationale; beside them the
// review guidelines. Keys (remappable, shown on the buttons and tooltips) choose answer 1 or 2, flip
// or approve the judge's choice, reject, tie, both wrong, note, undo, next / previous; a decision is
// committed to the store before the workspace moves on to the next pair. Filters, sort by margin,
// progress, agreement (kappa, AC1), blind mode (scores hidden, answers in an order drawn per pair
// and curator and kept in the store), the adjudication queue, and export of the approved pairs.
// The store (a SQLite file, or a PostgreSQL database a team shares: Open store… takes either) is
// used on the GUI thread for single-row decisions (measured: lastDecisionMicros());
// imports run on a worker thread with their own connection.
// ReviewWorkspace holds the store, the pairs and the curator's states, and decides; the widgets are
// its pieces: review_toolbar, pair_list, review_pair_view, review_side_panel, review_actions (and
// pair_import for the worker thread).
#pragma once

#include "review/review_commands.h"
#include "review/review_filter.h"
#include "services/review/review_store.h"

#include <QWidget>

#include <map>
#include <memory>

class QAction;

namespace stllava::ui {

class PairImport;
class PairList;
class ReviewActions;
class ReviewPairView;
class ReviewSidePanel;
class ReviewToolbar;

class ReviewWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit ReviewWorkspace(QWidget* parent = nullptr);
    ~ReviewWorkspace() override;

    bool openStore(const QString& path);  // false (with message()) when it cannot be opened
    // Imports a job folder's pairs files (or one pairs file) into the open store on a worker thread,
    // opening the default store first when none is open. importFinished() when done.
    void importPairs(const QString& jobOrFile);
    // The demo's judged job: its own store under the application's data folder, imported (again:
    // idempotent) and opened.
    void openDemoJob(const QString& job);
    static QString defaultStorePath();
    static QString demoStorePath(const QString& job);

    review::ReviewStore* store() const { return m_store.get(); }
    QString curator() const;
    void setCurator(const QString& name);
    bool blind() const;
    void setBlind(bool on);
    void setFilter(PairFilter f);
    void setSort(PairSort s);
    void setKeyMap(const ReviewKeyMap& map);
    const ReviewKeyMap& keyMap() const { return m_keys; }

    void run(ReviewCommand c);           // what the keys and buttons do
    void addNote(const QString& text);   // N asks for the text, then calls this
    void showRow(int row);
    int currentRow() const { return m_row; }
    QString currentPairId() const;
    QStringList visiblePairIds() const { return m_visible; }
    QAction* action(ReviewCommand c) const;
    QString progressText() const;
    QString agreementText() const;
    QString answerText(int shownPosition) const;  // 1 or 2, as on screen
    bool answerScoresVisible() const;
    qint64 lastDecisionMicros() const { return m_lastDecisionUs; }
    void reload();  // pairs, states and the list from the store

Q_SIGNALS:
    void message(const QString& text);
    void importFinished(int added, int updated);
    void decided(const QString& pairId);
    // "Train DPO on approved pairs" was pressed (issue 13, item 5: the Training workspace's loop).
    void trainDpoRequested();

private:
    void rebuildList();
    void refreshRow(const QString& id);
    void showPair();
    void decide(review::EventKind kind, int choice = 0, const QString& note = {});
    void undo();
    void updateProgress();
    void updateAgreement();
    void openStoreDialog();
    void importDialog();
    void exportDialog();
    void editKeys();
    bool adjudicating() const;
    bool swappedForMe(const QString& id);
    void say(const QString& text);

    // The pairs and my states, as the store holds them (reload()).
    std::unique_ptr<review::ReviewStore> m_store;
    std::vector<review::ReviewPair> m_pairs;
    std::map<QString, std::size_t> m_index;  // pair id -> m_pairs position
    std::map<QString, review::PairState> m_mine;
    std::map<QString, review::Resolution> m_resolutions;
    QStringList m_visible;
    int m_row = -1;
    qint64 m_lastDecisionUs = 0;
    ReviewKeyMap m_keys;

    // The pieces of the workspace, each in its own file.
    ReviewToolbar* m_toolbar;     // the two rows on top
    ReviewActions* m_commands;    // the commands' actions (keys) and buttons
    PairList* m_list;             // left
    ReviewPairView* m_pairView;   // centre
    ReviewSidePanel* m_side;      // right
    PairImport* m_import;         // imports on a worker thread
};

}  // namespace stllava::ui
