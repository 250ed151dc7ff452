#include "services/review/sql_dialect.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace stllava::review {

QString portableDdl(StoreBackend backend, const QString& statement) {
    if (backend == StoreBackend::Sqlite) return statement;
    static const QRegularExpression identity(QStringLiteral("\\bINTEGER PRIMARY KEY AUTOINCREMENT\\b"));
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    static const QRegularExpression real(QStringLiteral("\\bREAL\\b"));
    QString s = statement;
    s.replace(identity, QStringLiteral("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"));
    s.replace(integer, QStringLiteral("BIGINT"));
    s.replace(real, QStringLiteral("DOUBLE PRECISION"));
    return s;
}

QString returningId(StoreBackend backend, const char* column) {
    return backend == StoreBackend::Postgres ? QStringLiteral(" RETURNING ") + QLatin1String(column) : QString();
}

qint64 insertedId(StoreBackend backend, QSqlQuery& insert) {
    if (backend == StoreBackend::Postgres) return insert.next() ? insert.value(0).toLongLong() : -1;
    const QVariant id = insert.lastInsertId();
    return id.isValid() ? id.toLongLong() : -1;
}

QString beginWriteStatement(StoreBackend backend) {
    return backend == StoreBackend::Postgres ? QStringLiteral("BEGIN ISOLATION LEVEL SERIALIZABLE")
                                             : QStringLiteral("BEGIN IMMEDIATE");
}

QStringList beginSchemaChangeStatements(StoreBackend backend) {
    if (backend == StoreBackend::Sqlite) return {QStringLiteral("BEGIN IMMEDIATE")};
    // READ COMMITTED: each statement after the lock sees what a migration that held it committed.
    // The key is the store's own (ASCII "STLLrevw").
    return {QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"),
            QStringLiteral("SELECT pg_advisory_xact_lock(6004508094412191351)")};
}

bool isTransientConflict(StoreBackend backend, const QSqlError& error) {
    const QString code = error.nativeErrorCode();
    if (backend == StoreBackend::Postgres) return code == QLatin1String("40001") || code == QLatin1String("40P01");
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes (low byte).
    bool ok = false;
    const int n = code.toInt(&ok);
    return ok && ((n & 0xff) == 5 || (n & 0xff) == 6);
}

}  // namespace stllava::review
