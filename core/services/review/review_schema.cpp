#include "services/review/review_schema.h"

#include "services/review/sql_dialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <stdexcept>

namespace stllava::review {

namespace {

// The statements that take the schema from version (index) to version (index + 1).
const QStringList& migrationStep(int from) {
    static const QStringList toV1 = {
        QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),
        QStringLiteral("CREATE TABLE imports (import_id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, "
                       "time TEXT NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL, "
                       "unchanged INTEGER NOT NULL, refused INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE pairs (pair_id TEXT PRIMARY KEY, position INTEGER NOT NULL, "
                       "import_id INTEGER NOT NULL REFERENCES imports(import_id), image TEXT NOT NULL, "
                       "image_root TEXT NOT NULL, describe_prompt TEXT NOT NULL, description TEXT NOT NULL, "
                       "question TEXT NOT NULL, answer1 TEXT NOT NULL, answer2 TEXT NOT NULL, seed1 INTEGER, "
                       "seed2 INTEGER, judge_status TEXT NOT NULL, reason TEXT NOT NULL, judge_model TEXT NOT NULL, "
                       "judge_choice INTEGER NOT NULL, score1 REAL, score2 REAL, margin REAL NOT NULL, "
                       "orders_agree INTEGER, order12 TEXT, order21 TEXT)"),
        QStringLiteral("CREATE TABLE events (event_id INTEGER PRIMARY KEY AUTOINCREMENT, "
                       "pair_id TEXT NOT NULL REFERENCES pairs(pair_id), curator TEXT NOT NULL, kind TEXT NOT NULL, "
                       "choice INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '', undoes INTEGER, "
                       "adjudication INTEGER NOT NULL DEFAULT 0, time TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX events_by_pair ON events (pair_id, event_id)"),
        QStringLiteral("CREATE INDEX events_by_curator ON events (curator, event_id)"),
    };
    static const QStringList toV2 = {
        QStringLiteral("CREATE TABLE blind_orders (pair_id TEXT NOT NULL REFERENCES pairs(pair_id), "
                       "curator TEXT NOT NULL, swapped INTEGER NOT NULL, PRIMARY KEY (pair_id, curator))"),
        QStringLiteral("ALTER TABLE events ADD COLUMN shown_order TEXT NOT NULL DEFAULT ''"),
    };
    static const QStringList none;
    switch (from) {
        case 0: return toV1;
        case 1: return toV2;
        default: return none;
    }
}

}  // namespace

int schemaVersion(QSqlDatabase& db) {
    if (!db.tables().contains(QStringLiteral("schema_version"))) return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        throw std::runtime_error("schema_version: " + q.lastError().text().toStdString());
    return q.value(0).toInt();
}

void migrateSchema(QSqlDatabase& db, const QString& origin, int target) {
    const StoreBackend backend = storeBackend(db);
    auto newer = [&](int version) {
        return std::runtime_error(origin.toStdString() + ": review store schema version " + std::to_string(version) +
                                  " is newer than this program's (" + std::to_string(kSchemaVersion) +
                                  "); open it with a newer STLLaVA-Med Studio");
    };
    const int seen = schemaVersion(db);
    if (seen > kSchemaVersion) throw newer(seen);
    if (seen >= target) return;
    auto run = [&](const QString& statement) {
        QSqlQuery q(db);
        if (q.exec(statement)) return QString();
        return q.lastError().text();
    };
    for (const QString& statement : beginSchemaChangeStatements(backend)) {
        const QString why = run(statement);
        if (!why.isEmpty()) {
            run(QStringLiteral("ROLLBACK"));
            throw std::runtime_error(origin.toStdString() + ": cannot begin the migration: " + why.toStdString());
        }
    }
    auto abandon = [&](const std::string& why) {
        run(QStringLiteral("ROLLBACK"));
        return std::runtime_error(origin.toStdString() + ": " + why);
    };
    int current = 0;
    try {
        current = schemaVersion(db);  // again, under the lock: another program may have migrated meanwhile
    } catch (const std::runtime_error& e) {
        throw abandon(e.what());
    }
    if (current > kSchemaVersion) {
        run(QStringLiteral("ROLLBACK"));
        throw newer(current);
    }
    for (int v = current; v < target; ++v) {
        for (const QString& statement : migrationStep(v)) {
            const QString why = run(portableDdl(backend, statement));
            if (!why.isEmpty())
                throw abandon("migration to schema version " + std::to_string(v + 1) + " failed: " + why.toStdString());
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
        q.addBindValue(v + 1);
        if (!q.exec()) {
            const std::string why = q.lastError().text().toStdString();
            q.finish();
            throw abandon(why);
        }
    }
    const QString why = run(QStringLiteral("COMMIT"));
    if (!why.isEmpty()) throw abandon("migration not committed: " + why.toStdString());
}

}  // namespace stllava::review
