// The per-question drill-down of one opened report: a filterable table of its questions and, for the
// selected one, the image (read off the GUI thread), the question, the reference, the prediction, the
// normalised forms and the scores (hit by LLaVA-Med's rule and by the strict rule, recall, F1).
#pragma once

#include "reports/question_table_model.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace stllava::ui {

class QuestionBrowser : public QWidget {
    Q_OBJECT
public:
    explicit QuestionBrowser(QWidget* parent = nullptr);

    void setReports(const QList<LoadedReport>& reports);
    // Shows report `index` (into the list given to setReports) filtered to a question type
    // ("open", "closed", "" for all).
    void showReport(int index, const QString& type = QString());
    // Selects the question with this id in the current report; false when it is not listed.
    bool selectQuestion(const QString& id);
    int currentReport() const;
    // The folder the user chose for the current report's images ("" when none).
    QString imageFolder() const;
    void chooseImageFolder();

    QuestionTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void message(const QString& text);

private:
    void applyFilter();
    void showQuestion(const eval::QuestionResult* q);
    void loadImage(const QString& path);

    QList<LoadedReport> m_reports;
    QHash<QString, QString> m_imageFolders;  // report path -> folder the user chose
    QuestionTableModel* m_model;
    QComboBox* m_reportBox;
    QComboBox* m_filterBox;
    QLineEdit* m_search;
    QTableView* m_view;
    QLabel* m_image;
    QLabel* m_question;
    QLabel* m_reference;
    QLabel* m_prediction;
    QLabel* m_normalized;
    QLabel* m_score;
    int m_imageTicket = 0;  // the newest image request; older results are dropped
};

}  // namespace stllava::ui
