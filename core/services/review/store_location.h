// Where a review store lives: a SQLite file (a path: the default, for one curator) or a PostgreSQL
// database shared by a team (a URL, postgresql://user@host:port/dbname, optionally with libpq
// parameters as a query: ?host=/socket/dir&sslmode=require). A URL never carries a password: libpq
// reads it from PGPASSWORD or ~/.pgpass (PGPASSFILE), so the URL can be kept in settings and shown.
// openStoreConnection() opens a Qt Sql connection to either (QSQLITE or QPSQL), SQLite in WAL mode
// with synchronous=FULL and foreign keys on.
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <stdexcept>

namespace stllava::review {

enum class StoreBackend { Sqlite, Postgres };

struct StoreLocation {
    StoreBackend backend = StoreBackend::Sqlite;
    QString text;      // as given (a path, or the URL): what messages and settings show
    QString file;      // SQLite: the path
    QString host;      // PostgreSQL: a host name, an address or a unix socket folder; "" for libpq's default
    int port = -1;     // -1 for libpq's default
    QString user;      // "" for libpq's default (the login name)
    QString database;  // the database name (required)
    QString options;   // further libpq keywords, "key='value';..." (Qt's QPSQL connect options)
};

// True for text starting with postgresql:// or postgres:// (any case).
bool isPostgresUrl(const QString& text);

// A path or a URL. Throws std::runtime_error naming the text (never a password) and the problem: a
// URL that does not parse, carries a password, names no database, or has a parameter libpq would
// misread.
StoreLocation parseStoreLocation(const QString& text);

// Opens a connection named `connectionName` (Qt Sql connections belong to the thread that opened
// them). Throws std::runtime_error naming the location: driver not installed (with the Debian
// package that has it), server unreachable, authentication failed, file not writable.
QSqlDatabase openStoreConnection(const StoreLocation& location, const QString& connectionName);

// The backend of an open connection, from its driver.
StoreBackend storeBackend(const QSqlDatabase& db);

}  // namespace stllava::review
