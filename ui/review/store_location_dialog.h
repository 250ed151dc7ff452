// The Review workspace's "Open store…" dialog: one line that takes a SQLite file (typed, or picked
// with Browse…) or a postgresql://user@host:port/dbname URL of a store a team shares; a URL is
// checked (no password in it: libpq reads PGPASSWORD or ~/.pgpass) before the dialog closes.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace stllava::ui {

class StoreLocationDialog : public QDialog {
    Q_OBJECT
public:
    explicit StoreLocationDialog(const QString& current, QWidget* parent = nullptr);
    QString location() const;
    QLineEdit* editor() const { return m_edit; }
    QLabel* problem() const { return m_problem; }

    void accept() override;

    // The chosen file or URL, "" when cancelled.
    static QString ask(QWidget* parent, const QString& current);

private:
    void browse();

    QLineEdit* m_edit = nullptr;
    QLabel* m_problem = nullptr;
};

}  // namespace stllava::ui
