#include "review/review_workspace.h"

#include "review/answer_panel.h"
#include "review/key_map_dialog.h"
#include "review/review_settings.h"
#include "review/store_location_dialog.h"
#include "services/review/review_state.h"
#include "viewer/image_view.h"

#include "imaging/image_loader.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace stllava::ui {

using namespace stllava::review;

namespace {

QString score(const std::optional<double>& s) {
    return s ? QString::number(*s, 'g', 3) : QStringLiteral("–");
}

QString figure(double v) {
    return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2);
}

// "<image path>#q<k>" shown by the image's file name (the full id goes in tool tips).
QString shortPairId(const QString& id) {
    const qsizetype hash = id.lastIndexOf(QLatin1Char('#'));
    return hash > 0 ? QFileInfo(id.left(hash)).fileName() + id.mid(hash) : id;
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

ReviewWorkspace::ReviewWorkspace(QWidget* parent) : QWidget(parent) {
    const ReviewSettings settings;
    m_keys = settings.keyMap();

    auto* openButton = new QPushButton(tr("Open store…"), this);
    openButton->setToolTip(tr("Open or create a review store (a SQLite file, or a PostgreSQL database a team shares)"));
    auto* importButton = new QPushButton(tr("Import pairs…"), this);
    importButton->setToolTip(tr("Import the pairs of a judged self-training job folder (or one pairs file)"));
    auto* exportButton = new QPushButton(tr("Export approved…"), this);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setToolTip(tr("Write the approved pairs for `stllava train dpo` (STLLaVA JSON or TRL JSON lines)"));
    auto* trainButton = new QPushButton(tr("Train DPO on approved pairs"), this);
    trainButton->setObjectName(QStringLiteral("train-dpo"));
    trainButton->setToolTip(tr("Export the approved pairs into the job folder, train DPO on them in the Training "
                               "workspace, and open the new model's report beside the previous one"));
    auto* keysButton = new QPushButton(tr("Keys…"), this);
    keysButton->setToolTip(tr("Change the review keys"));
    m_curator = new QLineEdit(settings.curator(), this);
    m_curator->setObjectName(QStringLiteral("curator"));
    m_curator->setToolTip(tr("Your name: every decision is recorded with it"));
    m_curator->setMaximumWidth(140);
    m_blind = new QCheckBox(tr("&Blind"), this);
    m_blind->setObjectName(QStringLiteral("blind"));
    m_blind->setToolTip(tr("Hide the judge's scores and show the answers in a random order (kept per pair and curator)"));
    m_autoAdvance = new QCheckBox(tr("Auto-advance"), this);
    m_autoAdvance->setChecked(settings.autoAdvance());
    m_autoAdvance->setToolTip(tr("Move to the next pair after each decision"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    for (int f = 0; f < kPairFilterCount; ++f) m_filter->addItem(pairFilterLabel(PairFilter(f)), f);
    m_curatorFilter = new QComboBox(this);
    m_curatorFilter->setObjectName(QStringLiteral("curator-filter"));
    m_curatorFilter->setToolTip(tr("Only the pairs one curator decided"));
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("sort"));
    for (PairSort s : {PairSort::ImportOrder, PairSort::MarginAscending, PairSort::MarginDescending})
        m_sort->addItem(pairSortLabel(s), int(s));
    for (QWidget* w : std::initializer_list<QWidget*>{openButton, importButton, exportButton, trainButton, keysButton, m_blind,
                                                      m_autoAdvance, m_filter, m_curatorFilter, m_sort})
        w->setFocusPolicy(Qt::NoFocus);  // the keys stay with the pair
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_storeLabel = new QLabel(tr("No store open"), this);
    m_storeLabel->setWordWrap(true);  // a long store path must not widen the window

    // Two rows: the store and what to do with it; then who decides and which pairs are shown.
    auto* storeRow = new QHBoxLayout;
    storeRow->addWidget(openButton);
    storeRow->addWidget(importButton);
    storeRow->addWidget(exportButton);
    storeRow->addWidget(trainButton);
    storeRow->addWidget(keysButton);
    storeRow->addStretch(1);
    storeRow->addWidget(m_progress);
    auto* viewRow = new QHBoxLayout;
    viewRow->addWidget(new QLabel(tr("Curator:"), this));
    viewRow->addWidget(m_curator);
    viewRow->addWidget(m_blind);
    viewRow->addWidget(m_autoAdvance);
    viewRow->addWidget(m_filter);
    viewRow->addWidget(m_curatorFilter);
    viewRow->addWidget(m_sort);
    viewRow->addStretch(1);
    auto* top = new QVBoxLayout;
    top->addLayout(storeRow);
    top->addLayout(viewRow);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pairs"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setMinimumWidth(220);

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

    buildActions();
    // The command buttons four to a row (choose / flip / approve; reject / tie / both wrong / note;
    // undo / next / previous), so the workspace fits a 1440-pixel screen beside the pair list and
    // the guidelines.
    auto* buttons = new QGridLayout;
    buttons->setHorizontalSpacing(4);
    for (int i = 0; i < int(m_buttons.size()); ++i) buttons->addWidget(m_buttons[std::size_t(i)], i / 4, i % 4);

    auto* centre = new QWidget(this);
    auto* cl = new QVBoxLayout(centre);
    cl->addWidget(m_image, 3);
    cl->addWidget(m_imageNote);
    cl->addWidget(m_question);
    cl->addLayout(answers, 2);
    cl->addWidget(m_evidence);
    cl->addLayout(buttons);
    cl->addWidget(m_status);

    auto* side = new QWidget(this);
    auto* sl = new QVBoxLayout(side);
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
    sl->addWidget(m_guidelines, 1);
    sl->addWidget(m_notes);
    sl->addWidget(m_agreement);
    sl->addWidget(m_storeLabel);

    auto* split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(centre);
    split->addWidget(side);
    split->setStretchFactor(1, 3);
    split->setSizes({300, 900, 320});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    setFocusPolicy(Qt::StrongFocus);

    m_import = new QFutureWatcher<ImportResult>(this);
    m_imageLoad = new QFutureWatcher<std::shared_ptr<const ImageData>>(this);
    connect(openButton, &QPushButton::clicked, this, &ReviewWorkspace::openStoreDialog);
    connect(importButton, &QPushButton::clicked, this, &ReviewWorkspace::importDialog);
    connect(exportButton, &QPushButton::clicked, this, &ReviewWorkspace::exportDialog);
    connect(keysButton, &QPushButton::clicked, this, &ReviewWorkspace::editKeys);
    connect(trainButton, &QPushButton::clicked, this, &ReviewWorkspace::trainDpoRequested);
    connect(m_curator, &QLineEdit::editingFinished, this, [this] { setCurator(m_curator->text()); });
    connect(m_blind, &QCheckBox::toggled, this, [this] { showPair(); });
    connect(m_autoAdvance, &QCheckBox::toggled, this, [](bool on) { ReviewSettings().setAutoAdvance(on); });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_curatorFilter, &QComboBox::currentIndexChanged, this, [this] { rebuildList(); });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { rebuildList(); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row != m_row) showRow(row);
    });
    connect(m_import, &QFutureWatcher<ImportResult>::finished, this, [this] {
        const ImportResult r = m_import->result();
        if (!r.error.isEmpty()) {
            say(tr("Import failed: %1").arg(r.error));
            return;
        }
        QString text = tr("Imported %1 new pairs (%2 updated, %3 unchanged, %4 refused)")
                           .arg(r.summary.added)
                           .arg(r.summary.updated)
                           .arg(r.summary.unchanged)
                           .arg(r.summary.refused);
        if (!r.summary.issues.empty())
            text += tr("; %1 records left out, first: %2:%3: %4")
                        .arg(r.summary.issues.size())
                        .arg(r.summary.issues.front().file)
                        .arg(r.summary.issues.front().record)
                        .arg(r.summary.issues.front().problem);
        say(text);
        reload();
        Q_EMIT importFinished(r.summary.added, r.summary.updated);
    });
    connect(m_imageLoad, &QFutureWatcher<std::shared_ptr<const ImageData>>::finished, this, [this] {
        const auto image = m_imageLoad->result();
        if (!m_pendingImage.isEmpty()) return loadImage(m_pendingImage);
        if (image) {
            m_image->setImage(image, false);
            m_image->fitToView();
        } else {
            m_image->clear();
            m_imageNote->setText(tr("Cannot read the image %1").arg(QDir::toNativeSeparators(m_shownImage)));
        }
    });

    const QString last = settings.lastStore();
    if (!last.isEmpty() && (isPostgresUrl(last) || QFileInfo::exists(last))) openStore(last);
    updateProgress();
}

ReviewWorkspace::~ReviewWorkspace() {
    m_import->waitForFinished();
    m_imageLoad->waitForFinished();
}

void ReviewWorkspace::buildActions() {
    m_actions.resize(kReviewCommandCount);
    for (ReviewCommand c : kReviewCommands) {
        auto* a = new QAction(reviewCommandLabel(c), this);
        a->setObjectName(QStringLiteral("review-") + reviewCommandName(c));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, c] { run(c); });
        addAction(a);
        m_actions[std::size_t(c)] = a;
        auto* b = new QPushButton(this);
        b->setObjectName(QStringLiteral("button-") + reviewCommandName(c));
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        m_buttons.push_back(b);
    }
    setKeyMap(m_keys);
}

void ReviewWorkspace::setKeyMap(const ReviewKeyMap& map) {
    m_keys = map;
    for (ReviewCommand c : kReviewCommands) {
        QAction* a = m_actions[std::size_t(c)];
        a->setShortcuts(map.keys(c));
        const QString keys = map.keyText(c);
        a->setToolTip(keys.isEmpty() ? reviewCommandLabel(c) : tr("%1 (%2)").arg(reviewCommandLabel(c), keys));
        QPushButton* b = m_buttons[std::size_t(c)];
        b->setText(keys.isEmpty() ? reviewCommandLabel(c) : tr("%1  [%2]").arg(reviewCommandLabel(c), keys));
        b->setToolTip(a->toolTip());
    }
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
    m_storeLabel->setText(tr("Store: %1").arg(QFileInfo(path).fileName()));  // the full path in the tool tip
    m_storeLabel->setToolTip(QDir::toNativeSeparators(path));
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
    m_import->setFuture(QtConcurrent::run([path, jobOrFile] {
        ImportResult r;
        try {
            ReviewStore store(path);  // this thread's own connection
            r.summary = QFileInfo(jobOrFile).isDir() ? store.importJob(jobOrFile) : store.importFile(jobOrFile);
        } catch (const std::exception& e) {
            r.error = QString::fromUtf8(e.what());
        }
        return r;
    }));
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
    return m_curator->text().trimmed();
}

void ReviewWorkspace::setCurator(const QString& name) {
    if (m_curator->text() != name) m_curator->setText(name);
    ReviewSettings().setCurator(name.trimmed());
    reload();
}

bool ReviewWorkspace::blind() const {
    return m_blind->isChecked();
}

void ReviewWorkspace::setBlind(bool on) {
    m_blind->setChecked(on);
}

void ReviewWorkspace::setFilter(PairFilter f) {
    m_filter->setCurrentIndex(m_filter->findData(int(f)));
}

void ReviewWorkspace::setSort(PairSort s) {
    m_sort->setCurrentIndex(m_sort->findData(int(s)));
}

bool ReviewWorkspace::adjudicating() const {
    return PairFilter(m_filter->currentData().toInt()) == PairFilter::Adjudication;
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
            const QString chosen = m_curatorFilter->currentData().toString();
            const QSignalBlocker block(m_curatorFilter);
            m_curatorFilter->clear();
            m_curatorFilter->addItem(tr("Any curator"), QString());
            for (const QString& c : m_store->curators()) m_curatorFilter->addItem(tr("Decided by %1").arg(c), c);
            m_curatorFilter->setCurrentIndex(std::max(0, m_curatorFilter->findData(chosen)));
        } catch (const std::exception& e) {
            say(QString::fromUtf8(e.what()));
        }
    }
    for (std::size_t i = 0; i < m_pairs.size(); ++i) m_index[m_pairs[i].id] = i;
    rebuildList();
    updateAgreement();
}

QString ReviewWorkspace::rowText(const ReviewPair& p) const {
    const auto it = m_mine.find(p.id);
    const PairState s = it == m_mine.end() ? PairState{} : it->second;
    QString decision = s.decided() ? QString::fromLatin1(verdictName(s.verdict)) : tr("—");
    if (s.verdict == Verdict::Approved) decision += QStringLiteral(" %1").arg(s.side);
    return tr("%1 · %2 · margin %3 · %4").arg(shortPairId(p.id), p.judgeStatus, QString::number(p.margin, 'g', 3), decision);
}

void ReviewWorkspace::rebuildList() {
    const QString keep = currentPairId();
    const PairFilter f = PairFilter(m_filter->currentData().toInt());
    const QString byCurator = m_curatorFilter->currentData().toString();
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
    sortPairs(shown, PairSort(m_sort->currentData().toInt()));
    m_visible.clear();
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const ReviewPair* p : shown) {
        m_visible << p->id;
        auto* item = new QListWidgetItem(rowText(*p), m_list);
        item->setData(Qt::UserRole, p->id);
        item->setToolTip(p->id);
    }
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
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(m_row);
    }
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
    m_actions[std::size_t(ReviewCommand::Flip)]->setEnabled(!isBlind);
    m_actions[std::size_t(ReviewCommand::Approve)]->setEnabled(!isBlind);
    for (ReviewCommand c : {ReviewCommand::Flip, ReviewCommand::Approve}) {
        m_buttons[std::size_t(c)]->setEnabled(!isBlind);
        if (isBlind) m_buttons[std::size_t(c)]->setToolTip(tr("Not in blind mode: it would show the judge's choice"));
        else m_buttons[std::size_t(c)]->setToolTip(m_actions[std::size_t(c)]->toolTip());
    }
    if (id.isEmpty()) {
        m_question->setText(m_store ? tr("No pair in this view.") : tr("Open a store or import a judged job."));
        for (AnswerPanel* a : m_answers) a->show(QString(), QString(), QString(), false);
        m_evidence->clear();
        m_notes->clear();
        m_image->clear();
        m_imageNote->clear();
        m_shownImage.clear();
        return;
    }
    const ReviewPair& p = m_pairs[m_index.at(id)];
    const PairState& s = m_mine[id];
    const bool swapped = swappedForMe(id);
    m_question->setText(tr("<b>%1</b> — %2").arg(shortPairId(p.id).toHtmlEscaped(), p.question.toHtmlEscaped()));
    m_question->setToolTip(p.id);
    for (int shown = 1; shown <= 2; ++shown) {
        const int original = swapped ? 3 - shown : shown;
        const QString text = original == 1 ? p.answer1 : p.answer2;
        QString scores;
        if (!isBlind) {
            const OrderEvidence& o12 = p.order12;
            const OrderEvidence& o21 = p.order21;
            auto of = [original](const OrderEvidence& o) { return original == 1 ? o.scoreAnswer1 : o.scoreAnswer2; };
            scores = tr("judge: %1 (order 1-2: %2, order 2-1: %3)%4")
                         .arg(score(original == 1 ? p.score1 : p.score2), score(of(o12)), score(of(o21)),
                              p.judgeChoice == original ? tr(" · the judge's choice") : QString());
        }
        const QString heading = isBlind ? tr("Answer %1 [%2]").arg(QChar(u'A' + shown - 1)).arg(m_keys.keyText(shown == 1 ? ReviewCommand::ChooseFirst : ReviewCommand::ChooseSecond))
                                        : tr("Answer %1 [%2]").arg(shown).arg(m_keys.keyText(shown == 1 ? ReviewCommand::ChooseFirst : ReviewCommand::ChooseSecond));
        const bool chosen = s.verdict == Verdict::Approved && s.side == original;
        m_answers[shown - 1]->show(heading, text, scores, chosen);
    }
    if (isBlind) {
        m_evidence->setText(tr("Blind mode: the judge's scores, verdict and rationale are hidden."));
    } else {
        const QString agree = !p.ordersAgree ? tr("only one order judged")
                              : *p.ordersAgree ? tr("both orders agree")
                                               : tr("the orders disagree (the verdict changed with the order)");
        QString text = tr("Judge %1 · status %2%3 · margin %4 · %5")
                           .arg(p.judgeModel.toHtmlEscaped(), p.judgeStatus,
                                p.reason.isEmpty() ? QString() : tr(" (%1)").arg(p.reason), QString::number(p.margin, 'g', 3), agree);
        if (!p.order12.rationale.isEmpty()) text += tr("<br><b>Order 1-2:</b> %1").arg(p.order12.rationale.toHtmlEscaped());
        if (!p.order21.rationale.isEmpty()) text += tr("<br><b>Order 2-1:</b> %1").arg(p.order21.rationale.toHtmlEscaped());
        m_evidence->setText(text);
    }
    m_notes->setText(s.notes.isEmpty() ? QString() : tr("<b>My notes:</b> %1").arg(s.notes.join(QStringLiteral(" · ")).toHtmlEscaped()));

    // The image, loaded on a worker thread; while one loads, the newest request waits its turn.
    const QString path = p.imagePath();
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        m_image->clear();
        m_pendingImage.clear();
        m_imageNote->setText(path.isEmpty() ? tr("This pair has no image.") : tr("Image not found: %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_imageNote->setText(tr("%1 — drag to change window/level").arg(QFileInfo(path).fileName()));
    m_imageNote->setToolTip(QDir::toNativeSeparators(path));
    loadImage(path);
}

void ReviewWorkspace::loadImage(const QString& path) {
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
    if (kind != EventKind::Note && m_autoAdvance->isChecked() && m_row + 1 < m_visible.size())
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
    if (row >= 0) m_list->item(row)->setText(rowText(p));
    updateProgress();
}

QString ReviewWorkspace::progressText() const {
    return m_progress->text();
}

void ReviewWorkspace::updateProgress() {
    int decided = 0, decidedHere = 0;
    for (const auto& [id, s] : m_mine)
        if (s.decided()) {
            ++decided;
            if (m_visible.contains(id)) ++decidedHere;
        }
    m_progress->setText(tr("%1 decided of %2 (%3 of %4 in this view)")
                            .arg(decided)
                            .arg(m_pairs.size())
                            .arg(decidedHere)
                            .arg(m_visible.size()));
}

QString ReviewWorkspace::agreementText() const {
    return m_agreement->text();
}

void ReviewWorkspace::updateAgreement() {
    if (!m_store || curator().isEmpty()) {
        m_agreement->clear();
        return;
    }
    try {
        const Agreement j = m_store->agreementWithJudge(curator());
        QString text = tr("<b>Agreement</b><br>%1 vs judge: κ %2, AC1 %3 (n = %4)")
                           .arg(curator().toHtmlEscaped(), figure(j.kappa), figure(j.ac1))
                           .arg(j.n);
        for (const QString& other : m_store->curators()) {
            if (other == curator()) continue;
            const Agreement b = m_store->agreementBetween(curator(), other);
            if (b.n == 0) continue;
            text += tr("<br>vs %1: κ %2, AC1 %3 (n = %4)").arg(other.toHtmlEscaped(), figure(b.kappa), figure(b.ac1)).arg(b.n);
        }
        text += tr("<br>Adjudication queue: %1").arg(m_store->adjudicationQueue().size());
        m_agreement->setText(text);
    } catch (const std::exception& e) {
        say(QString::fromUtf8(e.what()));
    }
}

QString ReviewWorkspace::answerText(int shownPosition) const {
    return m_answers[shownPosition == 2 ? 1 : 0]->text();
}

bool ReviewWorkspace::answerScoresVisible() const {
    return !m_answers[0]->scores().isEmpty();
}

void ReviewWorkspace::say(const QString& text) {
    m_status->setText(text);
    Q_EMIT message(text);
}

}  // namespace stllava::ui
