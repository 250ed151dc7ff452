// Which long jobs are running (model loading, a chat answer, a folder scan), for the status bar.
// GUI thread only: jobs report begin/end from their GUI-side facade.
#pragma once

#include <QLoggingCategory>
#include <QObject>
#include <QStringList>

#include <map>

namespace stllava::jobs {

Q_DECLARE_LOGGING_CATEGORY(lcJobs)

class JobTracker : public QObject {
    Q_OBJECT
public:
    explicit JobTracker(QObject* parent = nullptr) : QObject(parent) {}

    int begin(const QString& name);  // returns the job's id
    void end(int id);                // unknown ids are ignored
    QStringList running() const;

Q_SIGNALS:
    void changed(const QStringList& running);

private:
    int m_next = 1;
    std::map<int, QString> m_jobs;
};

}  // namespace stllava::jobs
