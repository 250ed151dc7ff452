// The preference review store: one SQLite file (Qt's QSQLITE driver) in WAL mode with
// synchronous=FULL, so every decision is on disk (committed and fsynced) before decide() returns,
// and readers never block the writer; or, for a team of curators, one PostgreSQL database (QPSQL,
// a postgresql:// URL: store_location.h) with the same schema and the same code path
// (sql_dialect.h), where a decision is committed on the server before decide() returns and write
// transactions are serializable (retried on a conflict), so concurrent curators lose nothing. Pairs are imported from `stllava selftrain pairs` files (keyed
// on the pair id: a re-import adds nothing twice); curators' decisions are appended events (undo is
// an event too; nothing is overwritten or deleted); states, the adjudication queue, agreement and
// the export of approved pairs are derived from the events.
// One ReviewStore is one connection for the thread that made it (Qt Sql connections are per thread);
// other threads open their own on the same file or database.
#pragma once

#include "services/review/agreement.h"
#include "services/review/pair_export.h"
#include "services/review/pair_file_reader.h"
#include "services/review/review_types.h"
#include "services/review/store_location.h"

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

namespace stllava::review {

// A store that cannot be opened or written: names the file and the problem.
class ReviewStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ImportSummary {
    QStringList files;
    int added = 0;      // new pairs
    int updated = 0;    // known pairs whose judge evidence changed
    int unchanged = 0;  // known pairs seen again as they are
    int refused = 0;    // known ids whose question or answers differ from the stored pair (kept as stored)
    std::vector<PairFileIssue> issues;  // bad records and refused pairs, with the reason
};

struct ExportSummary {
    QString path;
    int written = 0;
    int flipped = 0;  // pairs whose chosen side is the judge's rejected one
};

class ReviewStore {
public:
    // Opens (creating when absent) and migrates the store at `location`: a SQLite file path, or a
    // postgresql://user@host:port/dbname URL of an existing database (password from PGPASSWORD or
    // ~/.pgpass). Throws ReviewStoreError naming the location and the problem.
    explicit ReviewStore(const QString& location);
    ~ReviewStore();
    ReviewStore(const ReviewStore&) = delete;
    ReviewStore& operator=(const ReviewStore&) = delete;

    QString path() const { return m_path; }  // the location as given
    StoreBackend backend() const { return m_backend; }
    int schemaVersion();
    // "wal" when every commit is logged ahead and flushed (SQLite: journal_mode; PostgreSQL: fsync
    // and synchronous_commit on), else what the backend says.
    QString journalMode();

    // Imports one pairs file, or every pairs file of a job folder. One transaction per call.
    ImportSummary importFile(const QString& file);
    ImportSummary importJob(const QString& jobFolder);

    std::vector<ReviewPair> pairs();  // in import order
    std::optional<ReviewPair> pair(const QString& id);
    int pairCount();

    // Records a decision (not undo) and returns its event id once it is committed. Throws
    // ReviewStoreError for an unknown pair, an empty curator, or a decision the pair's state does
    // not allow (whyInvalid()).
    qint64 decide(const QString& pairId, const QString& curator, EventKind kind, int choice = 0,
                  const QString& note = {}, bool adjudication = false, const QString& shownOrder = {});
    // Takes back the curator's latest event that counts (any pair; adjudications separately) with
    // a new undo event; returns the event taken back, or nothing when there is none.
    std::optional<ReviewEvent> undoLast(const QString& curator, bool adjudication = false);

    std::vector<ReviewEvent> events(const QString& pairId = {});  // oldest first
    QStringList curators();  // everyone who recorded an event, adjudications excluded
    PairState state(const QString& pairId, const QString& curator, bool adjudication = false);
    std::map<QString, PairState> states(const QString& curator, bool adjudication = false);
    std::map<QString, Resolution> resolutions();
    QStringList adjudicationQueue();  // curators disagree and no adjudication yet, in import order

    // Blind mode: whether the pair is shown to `curator` with the answers swapped. Drawn at random on
    // first use and kept in the store, so a curator always sees a pair the same way.
    bool blindSwapped(const QString& pairId, const QString& curator);

    // Pairs resolved as approved, chosen side as decided, written atomically in `format`.
    ExportSummary exportApproved(const QString& file, PairFormat format);

    // Curator vs judge over the preferred answer (answer 1, answer 2, neither: tie or both wrong),
    // on pairs the curator decided that way and the judge scored; curator vs curator over the
    // outcome (approved 1, approved 2, rejected, tie, both wrong) on pairs both decided.
    Agreement agreementWithJudge(const QString& curator);
    Agreement agreementBetween(const QString& curatorA, const QString& curatorB);

private:
    ReviewEvent readEvent(const class QSqlQuery& q) const;
    std::vector<ReviewEvent> eventsWhere(const QString& where, const QVariantList& binds);
    void exec(class QSqlQuery& q, const char* what);
    // Runs `body` in a write transaction (sql_dialect.h), again from the start after a conflict with
    // another writer; returns what `body` returns once committed.
    template <class Body>
    auto writeTransaction(const char* what, Body&& body) -> decltype(body());
    void begin(const char* what);
    void commit(const char* what);
    void rollback();
    ImportSummary importFiles(const QStringList& files);
    ImportSummary importContents(const QStringList& files, const std::vector<PairFileContents>& contents);
    [[noreturn]] void fail(const QString& what, const QString& why) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    StoreBackend m_backend = StoreBackend::Sqlite;
    bool m_inTransaction = false;
};

}  // namespace stllava::review
