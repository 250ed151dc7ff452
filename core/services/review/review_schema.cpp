#include "services/review/review_schema.h"

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
    const int current = schemaVersion(db);
    if (current > kSchemaVersion)
        throw std::runtime_error(origin.toStdString() + ": review store schema version " + std::to_string(current) +
                                 " is newer than this program's (" + std::to_string(kSchemaVersion) +
                                 "); open it with a newer STLLaVA-Med Studio");
    if (current >= target) return;
    if (!db.transaction())
        throw std::runtime_error(origin.toStdString() + ": cannot begin the migration: " + db.lastError().text().toStdString());
    for (int v = current; v < target; ++v) {
        for (const QString& statement : migrationStep(v)) {
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                const std::string why = q.lastError().text().toStdString();
                db.rollback();
                throw std::runtime_error(origin.toStdString() + ": migration to schema version " + std::to_string(v + 1) +
                                         " failed: " + why);
            }
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
        q.addBindValue(v + 1);
        if (!q.exec()) {
            db.rollback();
            throw std::runtime_error(origin.toStdString() + ": " + q.lastError().text().toStdString());
        }
    }
    if (!db.commit())
        throw std::runtime_error(origin.toStdString() + ": migration not committed: " + db.lastError().text().toStdString());
}

}  // namespace stllava::review
