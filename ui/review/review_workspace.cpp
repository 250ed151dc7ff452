#include "review/review_workspace.h"

#include "review/key_map_dialog.h"
#include "review/pair_import.h"
#include "review/pair_list.h"
#include "review/review_actions.h"
#include "review/review_pair_view.h"
#include "review/review_settings.h"
#include "review/review_side_panel.h"
#include "review/review_toolbar.h"
#include "review/store_location_dialog.h"
#include "services/review/review_state.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace stllava::ui {

using namespace stllava::review;

ReviewWorkspace::ReviewWorkspace(QWidget* parent) : QWidget(parent) {
    const ReviewSettings settings;
    m_keys = settings.keyMap();

    m_toolbar = new ReviewToolbar(settings.curator(), settings.autoAdvance(), this);
    m_list = new PairList(this);
    m_commands = new ReviewActions(this);
    m_commands->setKeyMap(m_keys);
    m_pairView = new ReviewPairView(m_commands->buttons(), this);
    m_side = new ReviewSidePanel(this);

    auto* split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_pairView);
    split->addWidget(m_side);
    split->setStretchFactor(1, 3);
    split->setSizes({300, 900, 320});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_toolbar);
    layout->addWidget(split, 1);
    setFocusPolicy(Qt::StrongFocus);

    m_import = new PairImport(this);
    connect(m_toolbar, &ReviewToolbar::openStoreClicked, this, &ReviewWorkspace::openStoreDialog);
    connect(m_toolbar, &ReviewToolbar::importClicked, this, &ReviewWorkspace::importDialog);
    connect(m_toolbar, &ReviewToolbar::exportClicked, this, &ReviewWorkspace::exportDialog);
    connect(m_toolbar, &ReviewToolbar::keysClicked, this, &ReviewWorkspace::editKeys);
    connect(m_toolbar, &ReviewToolbar::trainDpoClicked, this, &ReviewWorkspace::trainDpoRequested);
    connect(m_toolbar, &ReviewToolbar::curatorEdited, this, &ReviewWorkspace::setCurator);
    connect(m_toolbar, &ReviewToolbar::blindToggled, this, [this] { showPair(); });
    connect(m_toolbar, &ReviewToolbar::autoAdvanceToggled, this, [](bool on) { ReviewSettings().setAutoAdvance(on); });
    connect(m_toolbar, &ReviewToolbar::filterChanged, this, [this] { reload(); });
    connect(m_toolbar, &ReviewToolbar::curatorFilterChanged, this, [this] { rebuildList(); });
    connect(m_toolbar, &ReviewToolbar::sortChanged, this, [this] { rebuildList(); });
    connect(m_commands, &ReviewActions::triggered, this, &ReviewWorkspace::run);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row != m_row) showRow(row);
    });
    connect(m_import, &PairImport::failed, this, [this](const QString& error) { say(tr("Import failed: %1").arg(error)); });
    connect(m_import, &PairImport::imported, this, [this](const ImportSummary& summary) {
        say(PairImport::summaryText(summary));
        reload();
        Q_EMIT importFinished(summary.added, summary.updated);
    });

    const QString last = settings.lastStore();
    if (!last.isEmpty() && (isPostgresUrl(last) || QFileInfo::exists(last))) openStore(last);
    updateProgress();
}

ReviewWorkspace::~ReviewWorkspace() {
    m_import->waitForFinished();
}

QAction* ReviewWorkspace::action(ReviewCommand c) const {
    return m_commands->action(c);
}

void ReviewWorkspace::setKeyMap(const ReviewKeyMap& map) {
    m_keys = map;
    m_commands->setKeyMap(map);
}

void ReviewWorkspace::editKeys() {
    KeyMapDialog dialog(m_keys, this);
    if (dialog.exec() != QDialog::Accepted) return;
    setKeyMap(dialog.keyMap());
    ReviewSettings().setKeyMap(m_keys);
}

QString ReviewWorkspace::defaultStorePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/review/review.sqlite");
}

QString ReviewWorkspace::demoStorePath(const QString& job) {
    const QByteArray digest =
        QCryptographicHash::hash(QFileInfo(job).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/review/demo-") +
           QString::fromLatin1(digest.left(12)) + QStringLiteral(".sqlite");
}

bool ReviewWorkspace::openStore(const QString& path) {
    if (!isPostgresUrl(path)) QDir().mkpath(QFileInfo(path).absolutePath());
    try {
        m_store.reset();
        m_store = std::make_unique<ReviewStore>(path);
    } catch (const std::exception& e) {
        say(tr("Cannot open the review store: %1").arg(QString::fromUtf8(e.what())));
        reload();
        return false;
    }
    ReviewSettings().setLastStore(path);
    m_side->setStorePath(path);
    reload();
    return true;
}

void ReviewWorkspace::importPairs(const QString& jobOrFile) {
    if (m_import->isRunning()) {
        say(tr("An import is running already."));
        return;
    }
    if (!m_store && !openStore(defaultStorePath())) return;
    const QString path = m_store->path();
    say(tr("Importing %1…").arg(QDir::toNativeSeparators(jobOrFile)));
    m_import->start(path, jobOrFile);
}
void ReviewWorkspace::openDemoJob(const QString& job) {
    const QString path = demoStorePath(job);
    if (m_store && m_store->path() != path && m_store->pairCount() > 0) {
        say(tr("The demo's pairs are in %1: Import pairs… adds them to this store.").arg(QDir::toNativeSeparators(job)));
        return;
    }
    if (jobPairFiles(job).isEmpty()) return;  // the demo has not judged its job yet
    if (!m_store || m_store->path() != path) openStore(path);
    importPairs(job);
}

void ReviewWorkspace::openStoreDialog() {
    const QString location = StoreLocationDialog::ask(this, m_store ? m_store->path() : defaultStorePath());
    if (!location.isEmpty()) openStore(location);
}

void ReviewWorkspace::importDialog() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Judged self-training job folder"));
    if (!dir.isEmpty()) importPairs(dir);
}

void ReviewWorkspace::exportDialog() {
    if (!m_store) return say(tr("Open a store first."));
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export approved pairs"), QString(),
                                                      tr("STLLaVA pairs (*.json);;TRL pairs (*.jsonl)"), &filter);
    if (path.isEmpty()) return;
    try {
        const auto format = path.endsWith(QLatin1String(".jsonl")) ? PairFormat::Trl : PairFormat::Stllava;
        const ExportSummary s = m_store->exportApproved(path, format);
        say(tr("Wrote %1 approved pairs (%2 flipped) to %3").arg(s.written).arg(s.flipped).arg(QDir::toNativeSeparators(path)));
    } catch (const std::exception& e) {
        say(tr("Export failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

QString ReviewWorkspace::curator() const {
    return m_toolbar->curatorText().trimmed();
}

void ReviewWorkspace::setCurator(const QString& name) {
    if (m_toolbar->curatorText() != name) m_toolbar->setCuratorText(name);
    ReviewSettings().setCurator(name.trimmed());
    reload();
}

bool ReviewWorkspace::blind() const {
    return m_toolbar->blind();
}

void ReviewWorkspace::setBlind(bool on) {
    m_toolbar->setBlind(on);
}

void ReviewWorkspace::setFilter(PairFilter f) {
    m_toolbar->setFilter(f);
}

void ReviewWorkspace::setSort(PairSort s) {
    m_toolbar->setSort(s);
}

bool ReviewWorkspace::adjudicating() const {
    return m_toolbar->filter() == PairFilter::Adjudication;
}

void ReviewWorkspace::reload() {
    m_pairs.clear();
    m_index.clear();
    m_mine.clear();
    m_resolutions.clear();
    if (m_store) {
        try {
            m_pairs = m_store->pairs();
            m_mine = m_store->states(curator(), adjudicating());
            m_resolutions = m_store->resolutions();
            m_toolbar->setCurators(m_store->curators());
        } catch (const std::exception& e) {
            say(QString::fromUtf8(e.what()));
        }
    }
    for (std::size_t i = 0; i < m_pairs.size(); ++i) m_index[m_pairs[i].id] = i;
    rebuildList();
    updateAgreement();
}

void ReviewWorkspace::rebuildList() {
    const QString keep = currentPairId();
    const PairFilter f = m_toolbar->filter();
    const QString byCurator = m_toolbar->curatorFilter();
    std::map<QString, PairState> decidedBy;
    if (m_store && !byCurator.isEmpty()) {
        try {
            decidedBy = m_store->states(byCurator);
        } catch (const std::exception& e) {
            say(QString::fromUtf8(e.what()));
        }
    }
    std::vector<const ReviewPair*> shown;
    for (const ReviewPair& p : m_pairs) {
        const PairState& mine = m_mine[p.id];
        if (!matchesFilter(f, p, mine, m_resolutions[p.id])) continue;
        if (!byCurator.isEmpty() && !decidedBy[p.id].decided()) continue;
        shown.push_back(&p);
    }
    sortPairs(shown, m_toolbar->sort());
    m_visible.clear();
    for (const ReviewPair* p : shown) m_visible << p->id;
    m_list->showPairs(shown, m_mine);
    m_row = -1;
    const int again = m_visible.indexOf(keep);
    showRow(again >= 0 ? again : (m_visible.isEmpty() ? -1 : 0));
    updateProgress();
}

QString ReviewWorkspace::currentPairId() const {
    return m_row >= 0 && m_row < m_visible.size() ? m_visible[m_row] : QString();
}

void ReviewWorkspace::showRow(int row) {
    m_row = row >= 0 && row < m_visible.size() ? row : -1;
    m_list->selectRow(m_row);
    showPair();
}

bool ReviewWorkspace::swappedForMe(const QString& id) {
    if (!blind() || !m_store || curator().isEmpty()) return false;
    try {
        return m_store->blindSwapped(id, curator());
    } catch (const std::exception& e) {
        say(QString::fromUtf8(e.what()));
        return false;
    }
}

void ReviewWorkspace::showPair() {
    const QString id = currentPairId();
    const bool isBlind = blind();
    m_commands->setBlindMode(isBlind);
    if (id.isEmpty()) {
        m_pairView->showNoPair(m_store ? tr("No pair in this view.") : tr("Open a store or import a judged job."));
        m_side->setNotes({});
        return;
    }
    const ReviewPair& p = m_pairs[m_index.at(id)];
    const PairState& s = m_mine[id];
    const bool swapped = swappedForMe(id);
    m_side->setNotes(s.notes);
    m_pairView->showPair(p, s, swapped, isBlind, m_keys);
}

void ReviewWorkspace::run(ReviewCommand c) {
    switch (c) {
        case ReviewCommand::Next: return showRow(std::min(m_row + 1, int(m_visible.size()) - 1));
        case ReviewCommand::Previous: return showRow(std::max(m_row - 1, m_visible.isEmpty() ? -1 : 0));
        case ReviewCommand::Undo: return undo();
        case ReviewCommand::Note: {
            if (currentPairId().isEmpty()) return;
            bool ok = false;
            const QString text = QInputDialog::getMultiLineText(this, tr("Note"), tr("Note on %1:").arg(currentPairId()), QString(), &ok);
            if (ok && !text.trimmed().isEmpty()) addNote(text.trimmed());
            return;
        }
        case ReviewCommand::ChooseFirst:
        case ReviewCommand::ChooseSecond: {
            const int shown = c == ReviewCommand::ChooseFirst ? 1 : 2;
            const int original = swappedForMe(currentPairId()) ? 3 - shown : shown;
            return decide(EventKind::Choose, original);
        }
        case ReviewCommand::Flip:
            if (!blind()) decide(EventKind::Flip);
            return;
        case ReviewCommand::Approve:
            if (!blind()) decide(EventKind::Approve);
            return;
        case ReviewCommand::Reject: return decide(EventKind::Reject);
        case ReviewCommand::Tie: return decide(EventKind::Tie);
        case ReviewCommand::BothWrong: return decide(EventKind::BothWrong);
    }
}

void ReviewWorkspace::addNote(const QString& text) {
    decide(EventKind::Note, 0, text);
}

void ReviewWorkspace::decide(EventKind kind, int choice, const QString& note) {
    const QString id = currentPairId();
    if (id.isEmpty() || !m_store) return;
    if (curator().isEmpty()) return say(tr("Type your name in the Curator field first."));
    const QString shownOrder = blind() ? (swappedForMe(id) ? QStringLiteral("21") : QStringLiteral("12")) : QString();
    QElapsedTimer t;
    t.start();
    try {
        m_store->decide(id, curator(), kind, choice, note, adjudicating(), shownOrder);
    } catch (const std::exception& e) {
        return say(QString::fromUtf8(e.what()));
    }
    m_lastDecisionUs = t.nsecsElapsed() / 1000;
    refreshRow(id);
    say(tr("%1: %2 saved (%3 ms)").arg(id, QString::fromLatin1(eventKindName(kind))).arg(double(m_lastDecisionUs) / 1000.0, 0, 'f', 1));
    Q_EMIT decided(id);
    if (kind != EventKind::Note && m_toolbar->autoAdvance() && m_row + 1 < m_visible.size())
        showRow(m_row + 1);
    else
        showPair();
}

void ReviewWorkspace::undo() {
    if (!m_store || curator().isEmpty()) return;
    std::optional<ReviewEvent> undone;
    try {
        undone = m_store->undoLast(curator(), adjudicating());
    } catch (const std::exception& e) {
        return say(QString::fromUtf8(e.what()));
    }
    if (!undone) return say(tr("Nothing to undo."));
    refreshRow(undone->pairId);
    const int row = m_visible.indexOf(undone->pairId);
    if (row >= 0) showRow(row);
    say(tr("Undid %1 on %2").arg(QString::fromLatin1(eventKindName(undone->kind)), undone->pairId));
}

void ReviewWorkspace::refreshRow(const QString& id) {
    const auto it = m_index.find(id);
    if (it == m_index.end() || !m_store) return;
    const ReviewPair& p = m_pairs[it->second];
    try {
        m_mine[id] = m_store->state(id, curator(), adjudicating());
        m_resolutions[id] = resolvePair(p.judgeChoice, m_store->events(id));
    } catch (const std::exception& e) {
        say(QString::fromUtf8(e.what()));
    }
    const int row = m_visible.indexOf(id);
    if (row >= 0) {
        const auto mine = m_mine.find(id);
        m_list->updateRow(row, p, mine == m_mine.end() ? PairState{} : mine->second);
    }
    updateProgress();
}

QString ReviewWorkspace::progressText() const {
    return m_toolbar->progress();
}

void ReviewWorkspace::updateProgress() {
    int decided = 0, decidedHere = 0;
    for (const auto& [id, s] : m_mine)
        if (s.decided()) {
            ++decided;
            if (m_visible.contains(id)) ++decidedHere;
        }
    m_toolbar->setProgress(tr("%1 decided of %2 (%3 of %4 in this view)")
                               .arg(decided)
                               .arg(m_pairs.size())
                               .arg(decidedHere)
                               .arg(m_visible.size()));
}

QString ReviewWorkspace::agreementText() const {
    return m_side->agreementText();
}

void ReviewWorkspace::updateAgreement() {
    try {
        m_side->showAgreement(m_store.get(), curator());
    } catch (const std::exception& e) {
        say(QString::fromUtf8(e.what()));
    }
}

QString ReviewWorkspace::answerText(int shownPosition) const {
    return m_pairView->answerText(shownPosition);
}

bool ReviewWorkspace::answerScoresVisible() const {
    return m_pairView->answerScoresVisible();
}

void ReviewWorkspace::say(const QString& text) {
    m_pairView->setStatus(text);
    Q_EMIT message(text);
}

}  // namespace stllava::ui
