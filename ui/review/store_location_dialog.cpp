#include "review/store_location_dialog.h"

#include "services/review/store_location.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace stllava::ui {

StoreLocationDialog::StoreLocationDialog(const QString& current, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Open or create a review store"));
    auto* hint = new QLabel(tr("A SQLite file for one curator, or the PostgreSQL database a team shares: "
                               "<tt>postgresql://user@host:port/dbname</tt>. The password is not part of the URL: "
                               "set PGPASSWORD or put it in ~/.pgpass."),
                            this);
    hint->setWordWrap(true);
    m_edit = new QLineEdit(current, this);
    m_edit->setObjectName(QStringLiteral("store-location"));
    m_edit->setPlaceholderText(tr("review.sqlite or postgresql://user@host:5432/reviews"));
    m_edit->setMinimumWidth(420);
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setToolTip(tr("Pick or name a SQLite file"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("store-location-problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);

    auto* row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    row->addWidget(browse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &StoreLocationDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &StoreLocationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StoreLocationDialog::reject);
}

QString StoreLocationDialog::location() const {
    return m_edit->text().trimmed();
}

void StoreLocationDialog::browse() {
    const QString current = location();
    const QString path = QFileDialog::getSaveFileName(this, tr("Review store file"),
                                                      review::isPostgresUrl(current) ? QString() : current,
                                                      tr("Review stores (*.sqlite);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) m_edit->setText(path);
}

void StoreLocationDialog::accept() {
    try {
        review::parseStoreLocation(location());
    } catch (const std::exception& e) {
        m_problem->setText(location().isEmpty() ? tr("Name a file or a postgresql:// URL.") : QString::fromUtf8(e.what()));
        return;
    }
    QDialog::accept();
}

QString StoreLocationDialog::ask(QWidget* parent, const QString& current) {
    StoreLocationDialog dialog(current, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.location() : QString();
}

}  // namespace stllava::ui
