#include "reports/question_browser.h"

#include "reports/report_images.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace stllava::ui {

namespace {

QLabel* textLabel(const char* name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

}  // namespace

QuestionBrowser::QuestionBrowser(QWidget* parent) : QWidget(parent) {
    m_model = new QuestionTableModel(this);
    m_reportBox = new QComboBox(this);
    m_reportBox->setObjectName(QStringLiteral("questionReport"));
    m_reportBox->setToolTip(tr("The report whose questions are listed"));
    m_filterBox = new QComboBox(this);
    m_filterBox->setObjectName(QStringLiteral("questionFilter"));
    m_filterBox->addItem(tr("All questions"), int(QuestionTableModel::Filter::All));
    m_filterBox->addItem(tr("Open"), int(QuestionTableModel::Filter::Open));
    m_filterBox->addItem(tr("Closed"), int(QuestionTableModel::Filter::Closed));
    m_filterBox->addItem(tr("Closed: hits"), int(QuestionTableModel::Filter::ClosedHits));
    m_filterBox->addItem(tr("Closed: misses"), int(QuestionTableModel::Filter::ClosedMisses));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("questionSearch"));
    m_search->setPlaceholderText(tr("Find in id, question, reference, prediction"));
    m_search->setClearButtonEnabled(true);

    auto* reportLabel = new QLabel(tr("&Report:"), this);
    reportLabel->setBuddy(m_reportBox);
    auto* filterLabel = new QLabel(tr("S&how:"), this);
    filterLabel->setBuddy(m_filterBox);
    auto* searchLabel = new QLabel(tr("F&ind:"), this);
    searchLabel->setBuddy(m_search);
    auto* bar = new QHBoxLayout;
    bar->addWidget(reportLabel);
    bar->addWidget(m_reportBox, 2);
    bar->addWidget(filterLabel);
    bar->addWidget(m_filterBox);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 2);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("questionTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto* detail = new QWidget(this);
    detail->setObjectName(QStringLiteral("questionDetail"));
    m_image = new QLabel(detail);
    m_image->setObjectName(QStringLiteral("detailImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(200, 200);
    m_question = textLabel("detailQuestion", detail);
    m_reference = textLabel("detailReference", detail);
    m_prediction = textLabel("detailPrediction", detail);
    m_normalized = textLabel("detailNormalized", detail);
    m_score = textLabel("detailScore", detail);
    auto* form = new QFormLayout;
    form->addRow(tr("Question"), m_question);
    form->addRow(tr("Reference"), m_reference);
    form->addRow(tr("Prediction"), m_prediction);
    form->addRow(tr("Normalised"), m_normalized);
    form->addRow(tr("Score"), m_score);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_image, 1);
    detailLayout->addLayout(form);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_reportBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setReport(index >= 0 && index < m_reports.size() ? m_reports[index] : LoadedReport());
        applyFilter();
    });
    connect(m_filterBox, &QComboBox::currentIndexChanged, this, &QuestionBrowser::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &QuestionBrowser::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showQuestion(m_model->question(current.row())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0) m_view->setCurrentIndex(m_model->index(0, 0));
        else showQuestion(nullptr);
    });
    showQuestion(nullptr);
}

void QuestionBrowser::setReports(const QList<LoadedReport>& reports) {
    const QString before = currentReport() >= 0 ? QString::fromStdString(m_reports[currentReport()]->path) : QString();
    m_reports = reports;
    QSignalBlocker block(m_reportBox);
    m_reportBox->clear();
    int keep = reports.isEmpty() ? -1 : 0;
    for (int i = 0; i < reports.size(); ++i) {
        m_reportBox->addItem(reportTitle(*reports[i]));
        m_reportBox->setItemData(i, QString::fromStdString(reports[i]->path), Qt::ToolTipRole);
        if (QString::fromStdString(reports[i]->path) == before) keep = i;
    }
    m_reportBox->setCurrentIndex(keep);
    m_model->setReport(keep >= 0 ? reports[keep] : LoadedReport());
    applyFilter();
}

void QuestionBrowser::showReport(int index, const QString& type) {
    if (index < 0 || index >= m_reports.size()) return;
    {
        QSignalBlocker block(m_filterBox);
        const auto filter = type == QLatin1String("open")     ? QuestionTableModel::Filter::Open
                            : type == QLatin1String("closed") ? QuestionTableModel::Filter::Closed
                                                              : QuestionTableModel::Filter::All;
        m_filterBox->setCurrentIndex(m_filterBox->findData(int(filter)));
    }
    if (m_reportBox->currentIndex() != index) m_reportBox->setCurrentIndex(index);  // applies the filter
    else applyFilter();
    m_view->setFocus();
}

bool QuestionBrowser::selectQuestion(const QString& id) {
    int row = m_model->rowOf(id);
    if (row < 0 && (m_filterBox->currentIndex() != 0 || !m_search->text().isEmpty())) {
        QSignalBlocker blockFilter(m_filterBox);
        QSignalBlocker blockSearch(m_search);
        m_filterBox->setCurrentIndex(0);
        m_search->clear();
        applyFilter();
        row = m_model->rowOf(id);
    }
    if (row < 0) return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_model->index(row, 0));
    return true;
}

int QuestionBrowser::currentReport() const {
    const int i = m_reportBox->currentIndex();
    return i >= 0 && i < m_reports.size() ? i : -1;
}

QString QuestionBrowser::imageFolder() const {
    const int i = currentReport();
    return i < 0 ? QString() : m_imageFolders.value(QString::fromStdString(m_reports[i]->path));
}

void QuestionBrowser::chooseImageFolder() {
    const int i = currentReport();
    if (i < 0) return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of the benchmark's images"),
                                                             imageFolder());
    if (folder.isEmpty()) return;
    m_imageFolders.insert(QString::fromStdString(m_reports[i]->path), folder);
    showQuestion(m_model->question(m_view->currentIndex().row()));
}

void QuestionBrowser::applyFilter() {
    m_model->setFilter(QuestionTableModel::Filter(m_filterBox->currentData().toInt()), m_search->text());
}

void QuestionBrowser::showQuestion(const eval::QuestionResult* q) {
    if (!q) {
        for (QLabel* l : {m_question, m_reference, m_prediction, m_normalized, m_score}) l->clear();
        m_image->setPixmap(QPixmap());
        m_image->setText(m_reports.isEmpty() ? tr("Open a report (Ctrl+Shift+R)") : tr("No question selected"));
        ++m_imageTicket;
        return;
    }
    m_question->setText(QString::fromStdString(q->question));
    m_reference->setText(QString::fromStdString(q->reference));
    m_prediction->setText(QString::fromStdString(q->prediction));
    m_normalized->setText(tr("reference \"%1\", prediction \"%2\"")
                              .arg(QString::fromStdString(q->reference_normalized),
                                   QString::fromStdString(q->prediction_normalized)));
    if (q->score.type == metrics::AnswerType::Closed)
        m_score->setText(tr("CLOSED: %1 by LLaVA-Med's substring rule, %2 by the strict whole-word rule")
                             .arg(q->score.closed_hit ? tr("hit") : tr("miss"),
                                  q->score.closed_hit_strict ? tr("hit") : tr("miss")));
    else if (q->score.type == metrics::AnswerType::Open)
        m_score->setText(tr("OPEN: recall %1, precision %2, F1 %3, exact %4")
                             .arg(q->score.recall, 0, 'f', 2)
                             .arg(q->score.precision, 0, 'f', 2)
                             .arg(q->score.f1, 0, 'f', 2)
                             .arg(q->score.exact, 0, 'f', 2));
    else
        m_score->setText(tr("not scored (answer type neither OPEN nor CLOSED)"));
    const int i = currentReport();
    const QString image = QString::fromStdString(q->image);
    const QString path = i < 0 ? QString() : resolveReportImage(*m_reports[i], image, imageFolder());
    m_image->setToolTip(path.isEmpty() ? image : QDir::toNativeSeparators(path));
    if (path.isEmpty()) {
        ++m_imageTicket;
        m_image->setPixmap(QPixmap());
        m_image->setText(image.isEmpty() ? tr("(no image)")
                                         : tr("%1 not found: choose the image folder (Ctrl+Shift+I)").arg(image));
        return;
    }
    loadImage(path);
}

void QuestionBrowser::loadImage(const QString& path) {
    const int ticket = ++m_imageTicket;
    m_image->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, ticket, path] {
        const QImage image = watcher->result();
        watcher->deleteLater();
        if (ticket != m_imageTicket) return;  // a newer question was selected meanwhile
        if (image.isNull()) {
            m_image->setPixmap(QPixmap());
            m_image->setText(tr("%1: not a readable image").arg(QDir::toNativeSeparators(path)));
            return;
        }
        m_image->setPixmap(QPixmap::fromImage(image));
    });
    watcher->setFuture(QtConcurrent::run([path] { return readScaledImage(path, 512); }));
}

}  // namespace stllava::ui
