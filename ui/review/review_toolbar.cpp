#include "review/review_toolbar.h"

#include "review/review_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace stllava::ui {

ReviewToolbar::ReviewToolbar(const QString& curator, bool autoAdvance, QWidget* parent) : QWidget(parent) {
    auto* openButton = new QPushButton(ReviewText::tr("Open store…"), this);
    openButton->setToolTip(ReviewText::tr("Open or create a review store (a SQLite file, or a PostgreSQL database a team shares)"));
    auto* importButton = new QPushButton(ReviewText::tr("Import pairs…"), this);
    importButton->setToolTip(ReviewText::tr("Import the pairs of a judged self-training job folder (or one pairs file)"));
    auto* exportButton = new QPushButton(ReviewText::tr("Export approved…"), this);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setToolTip(ReviewText::tr("Write the approved pairs for `stllava train dpo` (STLLaVA JSON or TRL JSON lines)"));
    auto* trainButton = new QPushButton(ReviewText::tr("Train DPO on approved pairs"), this);
    trainButton->setObjectName(QStringLiteral("train-dpo"));
    trainButton->setToolTip(ReviewText::tr("Export the approved pairs into the job folder, train DPO on them in the Training "
                                           "workspace, and open the new model's report beside the previous one"));
    auto* keysButton = new QPushButton(ReviewText::tr("Keys…"), this);
    keysButton->setToolTip(ReviewText::tr("Change the review keys"));
    m_curator = new QLineEdit(curator, this);
    m_curator->setObjectName(QStringLiteral("curator"));
    m_curator->setToolTip(ReviewText::tr("Your name: every decision is recorded with it"));
    m_curator->setMaximumWidth(140);
    m_blind = new QCheckBox(ReviewText::tr("&Blind"), this);
    m_blind->setObjectName(QStringLiteral("blind"));
    m_blind->setToolTip(ReviewText::tr("Hide the judge's scores and show the answers in a random order (kept per pair and curator)"));
    m_autoAdvance = new QCheckBox(ReviewText::tr("Auto-advance"), this);
    m_autoAdvance->setChecked(autoAdvance);
    m_autoAdvance->setToolTip(ReviewText::tr("Move to the next pair after each decision"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    for (int f = 0; f < kPairFilterCount; ++f) m_filter->addItem(pairFilterLabel(PairFilter(f)), f);
    m_curatorFilter = new QComboBox(this);
    m_curatorFilter->setObjectName(QStringLiteral("curator-filter"));
    m_curatorFilter->setToolTip(ReviewText::tr("Only the pairs one curator decided"));
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("sort"));
    for (PairSort s : {PairSort::ImportOrder, PairSort::MarginAscending, PairSort::MarginDescending})
        m_sort->addItem(pairSortLabel(s), int(s));
    for (QWidget* w : std::initializer_list<QWidget*>{openButton, importButton, exportButton, trainButton, keysButton, m_blind,
                                                      m_autoAdvance, m_filter, m_curatorFilter, m_sort})
        w->setFocusPolicy(Qt::NoFocus);  // the keys stay with the pair
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));

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
    viewRow->addWidget(new QLabel(ReviewText::tr("Curator:"), this));
    viewRow->addWidget(m_curator);
    viewRow->addWidget(m_blind);
    viewRow->addWidget(m_autoAdvance);
    viewRow->addWidget(m_filter);
    viewRow->addWidget(m_curatorFilter);
    viewRow->addWidget(m_sort);
    viewRow->addStretch(1);
    auto* top = new QVBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);  // laid out as a part of the workspace's own layout
    top->addLayout(storeRow);
    top->addLayout(viewRow);

    connect(openButton, &QPushButton::clicked, this, &ReviewToolbar::openStoreClicked);
    connect(importButton, &QPushButton::clicked, this, &ReviewToolbar::importClicked);
    connect(exportButton, &QPushButton::clicked, this, &ReviewToolbar::exportClicked);
    connect(keysButton, &QPushButton::clicked, this, &ReviewToolbar::keysClicked);
    connect(trainButton, &QPushButton::clicked, this, &ReviewToolbar::trainDpoClicked);
    connect(m_curator, &QLineEdit::editingFinished, this, [this] { Q_EMIT curatorEdited(m_curator->text()); });
    connect(m_blind, &QCheckBox::toggled, this, &ReviewToolbar::blindToggled);
    connect(m_autoAdvance, &QCheckBox::toggled, this, &ReviewToolbar::autoAdvanceToggled);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT filterChanged(); });
    connect(m_curatorFilter, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT curatorFilterChanged(); });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT sortChanged(); });
}

QString ReviewToolbar::curatorText() const {
    return m_curator->text();
}

void ReviewToolbar::setCuratorText(const QString& name) {
    m_curator->setText(name);
}

bool ReviewToolbar::blind() const {
    return m_blind->isChecked();
}

void ReviewToolbar::setBlind(bool on) {
    m_blind->setChecked(on);
}

bool ReviewToolbar::autoAdvance() const {
    return m_autoAdvance->isChecked();
}

PairFilter ReviewToolbar::filter() const {
    return PairFilter(m_filter->currentData().toInt());
}

void ReviewToolbar::setFilter(PairFilter f) {
    m_filter->setCurrentIndex(m_filter->findData(int(f)));
}

PairSort ReviewToolbar::sort() const {
    return PairSort(m_sort->currentData().toInt());
}

void ReviewToolbar::setSort(PairSort s) {
    m_sort->setCurrentIndex(m_sort->findData(int(s)));
}

QString ReviewToolbar::curatorFilter() const {
    return m_curatorFilter->currentData().toString();
}

void ReviewToolbar::setCurators(const QStringList& curators) {
    const QString chosen = curatorFilter();
    const QSignalBlocker block(m_curatorFilter);
    m_curatorFilter->clear();
    m_curatorFilter->addItem(ReviewText::tr("Any curator"), QString());
    for (const QString& c : curators) m_curatorFilter->addItem(ReviewText::tr("Decided by %1").arg(c), c);
    m_curatorFilter->setCurrentIndex(std::max(0, m_curatorFilter->findData(chosen)));
}

QString ReviewToolbar::progress() const {
    return m_progress->text();
}

void ReviewToolbar::setProgress(const QString& text) {
    m_progress->setText(text);
}

}  // namespace stllava::ui
