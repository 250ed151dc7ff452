// What differs between the review store's two SQL backends, so the store has one code path:
//   - column types: the schema is written with SQLite's names; for PostgreSQL, INTEGER PRIMARY KEY
//     AUTOINCREMENT becomes BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, INTEGER becomes BIGINT
//     (SQLite integers are 64-bit) and REAL becomes DOUBLE PRECISION (SQLite reals are 8-byte);
//   - the id of an inserted row: lastInsertId() on SQLite, RETURNING on PostgreSQL (its tables have
//     no OIDs for Qt's lastInsertId());
//   - write transactions: SQLite BEGIN IMMEDIATE (the write lock first, waiting up to the busy
//     timeout, so a read-then-write transaction never fails half-way); PostgreSQL SERIALIZABLE,
//     retried on a serialization failure or deadlock, so two curators deciding at once never lose a
//     decision and one curator's two windows never undo the same event twice;
//   - schema changes: SQLite BEGIN IMMEDIATE; PostgreSQL a transaction holding an advisory lock, so
//     two programs opening a new database at once migrate it once.
// Statements common to both (INSERT ... ON CONFLICT DO NOTHING, COALESCE, ALTER TABLE ADD COLUMN)
// are written once in the store.
#pragma once

#include "services/review/store_location.h"

#include <QSqlError>
#include <QString>

class QSqlQuery;

namespace stllava::review {

// `statement` (CREATE TABLE / ALTER TABLE in SQLite's type names) for `backend`.
QString portableDdl(StoreBackend backend, const QString& statement);

// " RETURNING <column>" on PostgreSQL, "" on SQLite: appended to an INSERT whose id insertedId() reads.
QString returningId(StoreBackend backend, const char* column);
// The id the executed INSERT made (its RETURNING row on PostgreSQL); -1 when there is none.
qint64 insertedId(StoreBackend backend, QSqlQuery& insert);

QString beginWriteStatement(StoreBackend backend);
// The statements that open a schema-change transaction (BEGIN and, on PostgreSQL, the advisory lock).
QStringList beginSchemaChangeStatements(StoreBackend backend);

// Whether a failed statement or commit is a conflict with another writer that a retry of the
// whole transaction resolves (PostgreSQL SQLSTATE 40001, 40P01; SQLite busy or locked).
bool isTransientConflict(StoreBackend backend, const QSqlError& error);

}  // namespace stllava::review
