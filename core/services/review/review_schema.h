// The review store's schema and its migrations. Version 1: imports, pairs, events. Version 2: the
// blind-mode answer order per pair and curator (blind_orders) and the order an event was decided
// under (events.shown_order). schema_version holds one row; a store is migrated step by step in one
// transaction when opened; a store newer than this program is refused (never changed). The same
// steps run on SQLite and PostgreSQL (sql_dialect.h maps the column types); on PostgreSQL the
// migration holds an advisory lock, so programs opening a new database at once migrate it once.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace stllava::review {

inline constexpr int kSchemaVersion = 2;

// The version in `db` (0 for an empty database). Throws std::runtime_error on a query error.
int schemaVersion(QSqlDatabase& db);
// Brings `db` (QSQLITE or QPSQL) from its version to `target` (<= kSchemaVersion) in one transaction. Throws
// std::runtime_error naming `origin` and the step when a statement fails or the store is newer.
void migrateSchema(QSqlDatabase& db, const QString& origin, int target = kSchemaVersion);

}  // namespace stllava::review
