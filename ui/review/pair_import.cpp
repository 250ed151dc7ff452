#include "review/pair_import.h"

#include "review/review_text.h"

#include <QFileInfo>
#include <QtConcurrent>

namespace stllava::ui {

using namespace stllava::review;

PairImport::PairImport(QObject* parent) : QObject(parent), m_watcher(new QFutureWatcher<Result>(this)) {
    connect(m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        const Result r = m_watcher->result();
        if (!r.error.isEmpty()) Q_EMIT failed(r.error);
        else Q_EMIT imported(r.summary);
    });
}

PairImport::~PairImport() {
    m_watcher->waitForFinished();
}

bool PairImport::isRunning() const {
    return m_watcher->isRunning();
}

void PairImport::waitForFinished() {
    m_watcher->waitForFinished();
}

void PairImport::start(const QString& storeLocation, const QString& jobOrFile) {
    m_watcher->setFuture(QtConcurrent::run([storeLocation, jobOrFile] {
        Result r;
        try {
            ReviewStore store(storeLocation);  // this thread's own connection
            r.summary = QFileInfo(jobOrFile).isDir() ? store.importJob(jobOrFile) : store.importFile(jobOrFile);
        } catch (const std::exception& e) {
            r.error = QString::fromUtf8(e.what());
        }
        return r;
    }));
}

QString PairImport::summaryText(const ImportSummary& s) {
    QString text = ReviewText::tr("Imported %1 new pairs (%2 updated, %3 unchanged, %4 refused)")
                       .arg(s.added)
                       .arg(s.updated)
                       .arg(s.unchanged)
                       .arg(s.refused);
    if (!s.issues.empty())
        text += ReviewText::tr("; %1 records left out, first: %2:%3: %4")
                    .arg(s.issues.size())
                    .arg(s.issues.front().file)
                    .arg(s.issues.front().record)
                    .arg(s.issues.front().problem);
    return text;
}

}  // namespace stllava::ui
