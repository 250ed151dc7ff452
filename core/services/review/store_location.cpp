#include "services/review/store_location.h"

#include "services/review/sql_dialect.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace stllava::review {

namespace {

[[noreturn]] void refuse(const QString& shown, const QString& why) {
    throw std::runtime_error(QStringLiteral("%1: %2").arg(shown, why).toStdString());
}

// libpq's conninfo quoting: 'value' with \ and ' escaped.
QString quoted(QString value) {
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    value.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// The URL as it can be shown: without a password, in the user part or as a parameter.
QString shownUrl(QUrl url) {
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        url.setQuery(query);
    }
    return url.toString(QUrl::RemovePassword);
}

StoreLocation parsePostgresUrl(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    const QString shown = url.isValid() ? shownUrl(url) : QStringLiteral("the PostgreSQL URL");
    if (!url.isValid())
        refuse(shown, QStringLiteral("not a valid URL (%1); expected postgresql://user@host:port/dbname")
                          .arg(url.errorString()));
    if (!url.password().isEmpty())
        refuse(shown, QStringLiteral("a password in the URL is not accepted (it would be kept in settings): "
                                     "put it in PGPASSWORD or ~/.pgpass, where libpq reads it"));
    StoreLocation l;
    l.backend = StoreBackend::Postgres;
    l.text = shown;
    l.host = url.host(QUrl::FullyDecoded);
    l.port = url.port(-1);
    l.user = url.userName(QUrl::FullyDecoded);
    l.database = url.path(QUrl::FullyDecoded).mid(1);
    QStringList options;
    bool timeout = false, application = false;
    for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("password"))
            refuse(shown, QStringLiteral("a password in the URL is not accepted: put it in PGPASSWORD or ~/.pgpass"));
        if (key == QLatin1String("host")) {
            l.host = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            l.port = value.toInt(&ok);
            if (!ok || l.port <= 0 || l.port > 65535) refuse(shown, QStringLiteral("port '%1' is not a port number").arg(value));
        } else if (key == QLatin1String("user")) {
            l.user = value;
        } else if (key == QLatin1String("dbname")) {
            l.database = value;
        } else {
            // Qt turns the ';' between options into spaces: a value cannot hold one.
            if (key.isEmpty() || value.contains(QLatin1Char(';')) || key.contains(QLatin1Char(';')) ||
                key.contains(QLatin1Char('=')) || key.contains(QLatin1Char(' ')))
                refuse(shown, QStringLiteral("the parameter '%1' cannot be passed to libpq").arg(key));
            timeout = timeout || key == QLatin1String("connect_timeout");
            application = application || key == QLatin1String("application_name");
            options << key + QLatin1Char('=') + quoted(value);
        }
    }
    if (l.database.isEmpty() || l.database.contains(QLatin1Char('/')))
        refuse(shown, QStringLiteral("names no database; expected postgresql://user@host:port/dbname"));
    if (!timeout) options << QStringLiteral("connect_timeout=10");  // an unreachable server is an error, not a hang
    if (!application) options << QStringLiteral("application_name='stllava-review'");
    l.options = options.join(QLatin1Char(';'));
    return l;
}

}  // namespace

bool isPostgresUrl(const QString& text) {
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

StoreLocation parseStoreLocation(const QString& text) {
    if (isPostgresUrl(text)) return parsePostgresUrl(text);
    if (text.trimmed().isEmpty()) throw std::runtime_error("review store: no file or postgresql:// URL given");
    StoreLocation l;
    l.text = text;
    l.file = text;
    return l;
}

StoreBackend storeBackend(const QSqlDatabase& db) {
    return db.driverName() == QLatin1String("QPSQL") ? StoreBackend::Postgres : StoreBackend::Sqlite;
}

QSqlDatabase openStoreConnection(const StoreLocation& l, const QString& connectionName) {
    const bool postgres = l.backend == StoreBackend::Postgres;
    const QString driver = postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    if (!QSqlDatabase::isDriverAvailable(driver))
        refuse(l.text, postgres ? QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)")
                                : QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)"));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, connectionName);
    auto failed = [&](const QString& what, const QString& why) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        refuse(l.text, what + QStringLiteral(": ") + why);
    };
    if (postgres) {
        db.setHostName(l.host);
        if (l.port > 0) db.setPort(l.port);
        db.setUserName(l.user);
        db.setDatabaseName(l.database);
        db.setConnectOptions(l.options);
    } else {
        db.setDatabaseName(l.file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) failed(QStringLiteral("open"), db.lastError().text().trimmed());
    if (!postgres) {
        for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            QString why;
            // Switching a new file to WAL needs it to itself, and SQLite does not wait for that (no
            // busy handler): when another program opens the same new store at once, wait here.
            QElapsedTimer waited;
            waited.start();
            for (;;) {
                QSqlQuery q(db);
                if (q.exec(QString::fromLatin1(pragma))) {
                    why.clear();
                    break;
                }
                why = q.lastError().text();
                if (!isTransientConflict(StoreBackend::Sqlite, q.lastError()) || waited.elapsed() > 10000) break;
                QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
            }
            if (!why.isEmpty()) failed(QString::fromLatin1(pragma), why);
        }
    }
    return db;
}

}  // namespace stllava::review
