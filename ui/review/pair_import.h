// Imports pairs into a review store on a worker thread with the thread's own connection: the pairs
// files of a judged self-training job folder, or one pairs file. Touches the store only through
// that connection; reports the outcome through its signals, on the thread it lives in.
#pragma once

#include "services/review/review_store.h"

#include <QFutureWatcher>
#include <QObject>

namespace stllava::ui {

class PairImport : public QObject {
    Q_OBJECT
public:
    explicit PairImport(QObject* parent = nullptr);
    ~PairImport() override;  // waits for a running import

    bool isRunning() const;
    void start(const QString& storeLocation, const QString& jobOrFile);
    void waitForFinished();
    static QString summaryText(const review::ImportSummary& s);  // "Imported 3 new pairs (…)"

Q_SIGNALS:
    void imported(const review::ImportSummary& summary);
    void failed(const QString& error);

private:
    struct Result {
        review::ImportSummary summary;
        QString error;
    };
    QFutureWatcher<Result>* m_watcher;
};

}  // namespace stllava::ui
