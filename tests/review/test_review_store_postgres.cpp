// The preference review store on PostgreSQL (Qt's QPSQL driver), against a real server this test
// starts itself (postgres_server.h: initdb, pg_ctl on a unix socket and a free TCP port on
// 127.0.0.1, stopped at the end):
//   - locations: a path is SQLite; a postgresql:// URL is parsed, a password in it refused (the
//     message does not repeat it), the password comes from PGPASSWORD or a pgpass file (libpq);
//   - the store scenarios of test_review_store on the server: import (idempotent, fields as in the
//     job), decisions, undo as an event, states after reopening, blind order kept, adjudication;
//   - two curators deciding at once from two connections (and one curator's two windows undoing at
//     once): no decision lost, no event undone twice; the same on SQLite;
//   - the export of approved pairs, both formats, byte-identical to the SQLite store's export on the
//     same inputs and decisions;
//   - migration from schema version 1 on the server, reopening, a newer store refused;
//   - every commit flushed (fsync and synchronous_commit on), decision latency.
// The server binaries are installed by scripts/setup.sh (Debian: postgresql, libqt6sql6-psql): when
// they are missing the test fails, saying so.
#include "postgres_server.h"
#include "review_test_data.h"

#include "services/review/review_schema.h"
#include "services/review/review_store.h"
#include "services/review/store_location.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <map>
#include <set>
#include <thread>

using namespace stllava::review;

namespace {

const QString kSuperuser = QStringLiteral("curator");
const QString kPassword = QStringLiteral("s3cret-for-the-test");

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An export with the time of each pair's decision left out (two stores decide at different times).
QByteArray withoutDecisionTimes(const QByteArray& exported) {
    static const QRegularExpression decided(QStringLiteral("\"decided\": ?\"[^\"]*\""));
    return QString::fromUtf8(exported).replace(decided, QStringLiteral("\"decided\": \"\"")).toUtf8();
}

// The same decisions on any store (imported from the same job): two curators, a flip, a choice by
// hand, a tie, an undo, a conflict and its adjudication, notes with non-ASCII text.
void decideScript(ReviewStore& s) {
    const QString ann = QStringLiteral("ann"), bob = QStringLiteral("bob");
    s.decide(QStringLiteral("a#q0"), ann, EventKind::Approve);
    s.decide(QStringLiteral("a#q0"), bob, EventKind::Choose, 1);
    s.decide(QStringLiteral("j#q0"), ann, EventKind::Flip);
    s.decide(QStringLiteral("b#q0"), ann, EventKind::Choose, 1);
    s.decide(QStringLiteral("b#q0"), bob, EventKind::Choose, 2);  // disagree: adjudicated below
    s.decide(QStringLiteral("c#q0"), ann, EventKind::Tie);
    s.decide(QStringLiteral("d#q0"), bob, EventKind::BothWrong);
    s.decide(QStringLiteral("e#q0"), ann, EventKind::Choose, 2);
    s.decide(QStringLiteral("e#q0"), ann, EventKind::Note, 0, QStringLiteral("näher an der Frage — 更好"));
    s.undoLast(ann);  // the note
    s.decide(QStringLiteral("f#q0"), bob, EventKind::Choose, 1);
    s.decide(QStringLiteral("f#q0"), bob, EventKind::Reject);
    s.decide(QStringLiteral("h#q0"), ann, EventKind::Reject);
    s.decide(QStringLiteral("b#q0"), QStringLiteral("carol"), EventKind::Choose, 2, {}, true);
}

}  // namespace

class TestReviewStorePostgres : public QObject {
    Q_OBJECT
    reviewtest::PostgresServer m_server;
    QTemporaryDir m_dir;
    int m_databases = 0;

    QString job() { return m_dir.filePath(QStringLiteral("job")); }

    // A new, empty database on the server: its URL (TCP, password from PGPASSWORD).
    QString freshDatabase() {
        const QString name = QStringLiteral("reviews%1").arg(++m_databases);
        const QString why = m_server.createDatabase(name);
        if (!why.isEmpty()) qFatal("%s", qPrintable(why));
        return m_server.url(name);
    }
    QString freshSqlite() { return m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_databases)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString bin = reviewtest::findPostgresBinDir();
        if (bin.isEmpty())
            QFAIL("PostgreSQL's server binaries (initdb, pg_ctl, postgres, createdb) are not in /usr/lib/postgresql/*/bin, "
                  "$STLLAVA_PG_BINDIR or PATH: run scripts/setup.sh (Debian package postgresql)");
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QFAIL("Qt's PostgreSQL driver (QPSQL) is not installed: run scripts/setup.sh (Debian package libqt6sql6-psql)");
        const QString why = m_server.start(bin, kSuperuser, kPassword);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        qInfo("PostgreSQL from %s on 127.0.0.1:%d and %s, running as %s", qPrintable(bin), m_server.port(),
              qPrintable(m_server.socketDir()), qPrintable(m_server.runsAs()));
        qputenv("PGPASSWORD", kPassword.toUtf8());
        qunsetenv("PGPASSFILE");
        reviewtest::writeJob(job());
    }

    void cleanupTestCase() {
        const QString why = m_server.stop();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void locationsParsed() {
        const StoreLocation file = parseStoreLocation(QStringLiteral("/data/review.sqlite"));
        QCOMPARE(file.backend, StoreBackend::Sqlite);
        QCOMPARE(file.file, QStringLiteral("/data/review.sqlite"));
        const StoreLocation tcp = parseStoreLocation(QStringLiteral("postgresql://ann@db.example.org:6543/reviews?sslmode=require"));
        QCOMPARE(tcp.backend, StoreBackend::Postgres);
        QCOMPARE(tcp.host, QStringLiteral("db.example.org"));
        QCOMPARE(tcp.port, 6543);
        QCOMPARE(tcp.user, QStringLiteral("ann"));
        QCOMPARE(tcp.database, QStringLiteral("reviews"));
        QVERIFY2(tcp.options.contains(QStringLiteral("sslmode='require'")), qPrintable(tcp.options));
        const StoreLocation socket = parseStoreLocation(QStringLiteral("postgres:///team?host=/run/pg&user=bob&port=5433"));
        QCOMPARE(socket.host, QStringLiteral("/run/pg"));
        QCOMPARE(socket.user, QStringLiteral("bob"));
        QCOMPARE(socket.port, 5433);
        QCOMPARE(socket.database, QStringLiteral("team"));
        for (const QString& bad : {QStringLiteral("postgresql://ann:hunter2@127.0.0.1:5432/reviews"),
                                   QStringLiteral("postgresql://ann@127.0.0.1:5432/reviews?password=hunter2")}) {
            try {
                ReviewStore s(bad);
                QFAIL("a URL with a password was accepted");
            } catch (const ReviewStoreError& e) {
                const QString what = QString::fromUtf8(e.what());
                QVERIFY2(what.contains(QStringLiteral("PGPASSWORD")), e.what());
                QVERIFY2(!what.contains(QStringLiteral("hunter2")), e.what());
            }
        }
        QVERIFY_THROWS_EXCEPTION(ReviewStoreError, ReviewStore(QStringLiteral("postgresql://ann@127.0.0.1:5432/")));
        // Nothing listens there: an error naming the URL, not a hang.
        const QString closed = QStringLiteral("postgresql://%1@127.0.0.1:%2/reviews").arg(kSuperuser).arg(reviewtest::freeLocalPort());
        try {
            ReviewStore s(closed);
            QFAIL("a store opened on a port nothing listens on");
        } catch (const ReviewStoreError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(closed), e.what());
        }
    }

    // libpq reads the password from PGPASSWORD or a pgpass file; without one the server refuses.
    void passwordFromEnvironmentOrPgpass() {
        const QString url = freshDatabase();
        qunsetenv("PGPASSWORD");
        const QString pgpass = m_dir.filePath(QStringLiteral("pgpass"));
        qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath(QStringLiteral("no-such-pgpass"))));
        try {
            ReviewStore s(url);
            QFAIL("the server let a connection in without a password");
        } catch (const ReviewStoreError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("password"), Qt::CaseInsensitive), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(url), e.what());
        }
        {
            QFile f(pgpass);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("127.0.0.1:%1:*:%2:%3\n").arg(m_server.port()).arg(kSuperuser, kPassword).toUtf8());
            f.close();
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));  // libpq ignores a readable pgpass
        }
        qputenv("PGPASSFILE", QFile::encodeName(pgpass));
        {
            ReviewStore s(url);
            QCOMPARE(s.schemaVersion(), kSchemaVersion);
        }
        qunsetenv("PGPASSFILE");
        qputenv("PGPASSWORD", kPassword.toUtf8());
        ReviewStore s(url);
        QCOMPARE(s.backend(), StoreBackend::Postgres);
        // The trusted unix socket needs none.
        qunsetenv("PGPASSWORD");
        const QString socket = m_server.socketUrl(QStringLiteral("reviews%1").arg(m_databases));
        ReviewStore overSocket(socket);
        QCOMPARE(overSocket.schemaVersion(), kSchemaVersion);
        qputenv("PGPASSWORD", kPassword.toUtf8());
    }

    void importDecideUndoReopen() {
        const QString url = freshDatabase();
        std::map<QString, bool> drawn;
        {
            ReviewStore s(url);
            QCOMPARE(s.schemaVersion(), kSchemaVersion);
            QCOMPARE(s.journalMode(), QStringLiteral("wal"));  // fsync and synchronous_commit on
            const ImportSummary first = s.importJob(job());
            QCOMPARE(first.files.size(), 2);
            QCOMPARE(first.added, 8);
            QVERIFY(first.issues.empty());
            const ImportSummary again = s.importJob(job());
            QCOMPARE(again.added, 0);
            QCOMPARE(again.unchanged, 8);  // the doubles read back equal
            QCOMPARE(s.importFile(job() + QStringLiteral("/pairs.trl.jsonl")).unchanged, 2);
            QCOMPARE(s.pairCount(), 8);
            const auto a = s.pair(QStringLiteral("a#q0"));
            QVERIFY(a);
            QCOMPARE(a->answer1, QStringLiteral("A long and careful answer."));
            QCOMPARE(a->judgeChoice, 1);
            QCOMPARE(*a->score1, 8.5);
            QCOMPARE(a->margin, 3.0);
            QCOMPARE(*a->order21.scoreAnswer1, 9.0);
            QCOMPARE(*a->seed1, 40);
            QCOMPARE(s.pair(QStringLiteral("b#q0"))->ordersAgree.value_or(true), false);
            QVERIFY(!s.pair(QStringLiteral("g#q0")));

            const QString ann = QStringLiteral("ann");
            const qint64 first1 = s.decide(QStringLiteral("a#q0"), ann, EventKind::Approve);
            const qint64 second = s.decide(QStringLiteral("j#q0"), ann, EventKind::Flip);
            QVERIFY(first1 > 0);
            QCOMPARE(second, first1 + 1);  // the ids RETURNING gave
            s.decide(QStringLiteral("e#q0"), ann, EventKind::Choose, 1);
            s.decide(QStringLiteral("e#q0"), ann, EventKind::Note, 0, QStringLiteral("close call"));
            QCOMPARE(s.undoLast(ann)->kind, EventKind::Note);
            QCOMPARE(s.undoLast(ann)->pairId, QStringLiteral("e#q0"));
            QVERIFY(!s.state(QStringLiteral("e#q0"), ann).decided());
            QVERIFY_THROWS_EXCEPTION(ReviewStoreError, s.decide(QStringLiteral("c#q0"), ann, EventKind::Flip));
            QVERIFY_THROWS_EXCEPTION(ReviewStoreError, s.decide(QStringLiteral("nope"), ann, EventKind::Approve));
            const auto all = s.events();
            QCOMPARE(int(all.size()), 6);
            QCOMPARE(all[4].kind, EventKind::Undo);
            QCOMPARE(all[4].undoes, all[3].id);
            QVERIFY(all[0].time.endsWith(QLatin1Char('Z')));
            for (const auto& p : s.pairs()) drawn[p.id] = s.blindSwapped(p.id, ann);
            s.decide(QStringLiteral("b#q0"), ann, EventKind::Choose, 2, {}, false, QStringLiteral("21"));
            s.decide(QStringLiteral("b#q0"), QStringLiteral("Bob"), EventKind::Choose, 1);
            QCOMPARE(s.adjudicationQueue(), QStringList{QStringLiteral("b#q0")});
            QCOMPARE(s.curators(), (QStringList{QStringLiteral("Bob"), ann}));  // byte order, as on SQLite
        }
        ReviewStore s(url);  // reopened: the same states, the same blind order
        const auto states = s.states(QStringLiteral("ann"));
        QCOMPARE(states.at(QStringLiteral("a#q0")).verdict, Verdict::Approved);
        QCOMPARE(states.at(QStringLiteral("j#q0")).side, 1);
        QVERIFY(!states.at(QStringLiteral("e#q0")).decided());
        QCOMPARE(s.events().back().curator, QStringLiteral("Bob"));
        QCOMPARE(s.events()[6].shownOrder, QStringLiteral("21"));
        for (const auto& [id, swapped] : drawn) QCOMPARE(s.blindSwapped(id, QStringLiteral("ann")), swapped);
        s.decide(QStringLiteral("b#q0"), QStringLiteral("carol"), EventKind::Choose, 2, {}, true);
        QVERIFY(s.adjudicationQueue().isEmpty());
        QCOMPARE(s.resolutions().at(QStringLiteral("b#q0")).state.side, 2);
    }

    // Two curators decide at once, each from their own connection in their own thread, on a store
    // neither has opened before (both migrate it at once); then one curator undoes from two
    // connections at once. Every decision comes back committed and is in the store; no event is
    // undone twice.
    void concurrentCurators_data() {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("postgresql") << true;
        QTest::newRow("sqlite") << false;
    }
    void concurrentCurators() {
        QFETCH(bool, postgres);
        const QString location = postgres ? freshDatabase() : freshSqlite();
        QStringList ids;
        constexpr int kRounds = 6;
        struct Worker {
            explicit Worker(const QString& c) : curator(c) {}
            QString curator;
            std::vector<qint64> events;
            std::map<QString, int> lastChoice;
            QString error;
        };
        // Both open (and migrate) the new store at the same moment.
        std::atomic<int> ready{0};
        auto open = [&](Worker& w) -> std::unique_ptr<ReviewStore> {
            ++ready;
            while (ready.load() < 2) std::this_thread::yield();
            try {
                return std::make_unique<ReviewStore>(location);
            } catch (const std::exception& e) {
                w.error = QString::fromUtf8(e.what());
                return nullptr;
            }
        };
        {
            Worker w1{QStringLiteral("x")}, w2{QStringLiteral("y")};
            std::thread t1([&] { open(w1); }), t2([&] { open(w2); });
            t1.join();
            t2.join();
            QVERIFY2(w1.error.isEmpty(), qPrintable(w1.error));
            QVERIFY2(w2.error.isEmpty(), qPrintable(w2.error));
        }
        {
            ReviewStore s(location);
            QCOMPARE(s.schemaVersion(), kSchemaVersion);
            s.importJob(job());
            for (const auto& p : s.pairs()) ids << p.id;
        }
        auto decideAll = [&](Worker& w, int seed) {
            try {
                ReviewStore s(location);
                for (int round = 0; round < kRounds; ++round)
                    for (int i = 0; i < ids.size(); ++i) {
                        const int choice = 1 + (i + round + seed) % 2;
                        w.events.push_back(s.decide(ids[i], w.curator, EventKind::Choose, choice));
                        w.lastChoice[ids[i]] = choice;
                    }
            } catch (const std::exception& e) {
                w.error = QString::fromUtf8(e.what());
            }
        };
        Worker ann{QStringLiteral("ann")}, bob{QStringLiteral("bob")};
        QElapsedTimer timer;
        timer.start();
        std::thread ta([&] { decideAll(ann, 0); }), tb([&] { decideAll(bob, 1); });
        ta.join();
        tb.join();
        QVERIFY2(ann.error.isEmpty(), qPrintable(ann.error));
        QVERIFY2(bob.error.isEmpty(), qPrintable(bob.error));
        const int perCurator = kRounds * int(ids.size());
        QCOMPARE(int(ann.events.size()), perCurator);
        QCOMPARE(int(bob.events.size()), perCurator);
        qInfo("%s: %d decisions by two curators at once in %lld ms", postgres ? "postgresql" : "sqlite", 2 * perCurator,
              timer.elapsed());
        {
            ReviewStore s(location);
            std::set<qint64> stored;
            for (const auto& e : s.events()) stored.insert(e.id);
            QCOMPARE(int(stored.size()), 2 * perCurator);
            for (const Worker* w : {&ann, &bob}) {
                for (qint64 id : w->events) QVERIFY2(stored.count(id), qPrintable(QString::number(id)));
                const auto states = s.states(w->curator);
                for (const auto& [pair, choice] : w->lastChoice) QCOMPARE(states.at(pair).side, choice);
            }
        }

        // One curator, two windows: both undo at once; each undo takes back a different event.
        const int kUndos = 12;
        {
            ReviewStore s(location);
            for (int i = 0; i < 2 * kUndos; ++i) s.decide(ids[i % ids.size()], QStringLiteral("dana"), EventKind::Tie);
        }
        Worker w1{QStringLiteral("dana")}, w2{QStringLiteral("dana")};
        auto undoMany = [&](Worker& w) {
            try {
                ReviewStore s(location);
                for (int i = 0; i < kUndos; ++i) {
                    const auto undone = s.undoLast(w.curator);
                    if (!undone) throw std::runtime_error("nothing left to undo");
                    w.events.push_back(undone->id);
                }
            } catch (const std::exception& e) {
                w.error = QString::fromUtf8(e.what());
            }
        };
        std::thread u1([&] { undoMany(w1); }), u2([&] { undoMany(w2); });
        u1.join();
        u2.join();
        QVERIFY2(w1.error.isEmpty(), qPrintable(w1.error));
        QVERIFY2(w2.error.isEmpty(), qPrintable(w2.error));
        ReviewStore s(location);
        std::set<qint64> undone;
        int undoEvents = 0;
        for (const auto& e : s.events())
            if (e.kind == EventKind::Undo && e.curator == QStringLiteral("dana")) {
                ++undoEvents;
                undone.insert(e.undoes);
            }
        QCOMPARE(undoEvents, 2 * kUndos);
        QCOMPARE(int(undone.size()), 2 * kUndos);  // none twice
        for (const auto& [id, state] : s.states(QStringLiteral("dana"))) QVERIFY2(!state.decided(), qPrintable(id));
        QVERIFY(!s.undoLast(QStringLiteral("dana")));
    }

    // The same inputs and decisions on a SQLite file and on the server export the same bytes.
    void exportIdenticalToSqlite() {
        const QString url = freshDatabase();
        const QString file = freshSqlite();
        for (const QString& location : {url, file}) {
            ReviewStore s(location);
            s.importJob(job());
            s.importFile(job() + QStringLiteral("/pairs.trl.jsonl"));
            decideScript(s);
        }
        ReviewStore pg(url), lite(file);
        QCOMPARE(pg.backend(), StoreBackend::Postgres);
        QCOMPARE(lite.backend(), StoreBackend::Sqlite);
        for (PairFormat format : {PairFormat::Stllava, PairFormat::Trl}) {
            const QString suffix = format == PairFormat::Stllava ? QStringLiteral(".json") : QStringLiteral(".jsonl");
            const QString fromPg = m_dir.filePath(QStringLiteral("approved-pg") + suffix);
            const QString fromLite = m_dir.filePath(QStringLiteral("approved-sqlite") + suffix);
            const ExportSummary a = pg.exportApproved(fromPg, format);
            const ExportSummary b = lite.exportApproved(fromLite, format);
            // a (approved by both), j (flipped to 1), b (adjudicated: 2), e (ann chose 2; her note undone).
            QCOMPARE(a.written, 4);
            int flipped = 0;
            for (const auto& [id, side] : std::map<QString, int>{{QStringLiteral("a#q0"), 1}, {QStringLiteral("j#q0"), 1},
                                                                 {QStringLiteral("b#q0"), 2}, {QStringLiteral("e#q0"), 2}}) {
                const int judge = pg.pair(id)->judgeChoice;
                flipped += judge != 0 && judge != side;
            }
            QCOMPARE(a.flipped, flipped);
            QCOMPARE(a.written, b.written);
            QCOMPARE(a.flipped, b.flipped);
            const QByteArray bytes = fileBytes(fromPg);
            QVERIFY(bytes.contains("xxxxx"));
            // Byte for byte, but for when each store's decisions were made ("decided": its clock).
            const QByteArray other = fileBytes(fromLite);
            QCOMPARE(bytes.count("\"decided\""), 4);
            QCOMPARE(withoutDecisionTimes(bytes), withoutDecisionTimes(other));
        }
        QCOMPARE(pg.adjudicationQueue(), lite.adjudicationQueue());
        QCOMPARE(pg.curators(), lite.curators());
        const Agreement x = pg.agreementBetween(QStringLiteral("ann"), QStringLiteral("bob"));
        const Agreement y = lite.agreementBetween(QStringLiteral("ann"), QStringLiteral("bob"));
        QCOMPARE(x.n, y.n);
        QCOMPARE(x.kappa, y.kappa);
        const auto e1 = pg.events(), e2 = lite.events();
        QCOMPARE(e1.size(), e2.size());
        for (std::size_t i = 0; i < e1.size(); ++i) {
            QCOMPARE(e1[i].id, e2[i].id);
            QCOMPARE(e1[i].note, e2[i].note);
            QCOMPARE(e1[i].undoes, e2[i].undoes);
        }
    }

    void migratesFromVersion1AndRefusesNewer() {
        const QString url = freshDatabase();
        {
            QSqlDatabase db = openStoreConnection(parseStoreLocation(url), QStringLiteral("v1"));
            migrateSchema(db, url, 1);
            QCOMPARE(schemaVersion(db), 1);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO imports (source, time, added, updated, unchanged, refused) "
                                          "VALUES ('x', 't', 1, 0, 0, 0)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO pairs (pair_id, position, import_id, image, image_root, "
                                          "describe_prompt, description, question, answer1, answer2, judge_status, "
                                          "reason, judge_model, judge_choice, margin) VALUES ('p', 1, 1, '', '', '', "
                                          "'', 'q', 'one', 'two', 'needs_review', 'tie', 'j', 0, 0)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (pair_id, curator, kind, choice, time) VALUES "
                                          "('p', 'ann', 'choose', 2, '2024-01-01T00:00:00.000Z')")));
            QVERIFY(!db.tables().contains(QStringLiteral("blind_orders")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        {
            ReviewStore s(url);
            QCOMPARE(s.schemaVersion(), 2);
            QCOMPARE(s.state(QStringLiteral("p"), QStringLiteral("ann")).side, 2);
            QCOMPARE(s.events().front().shownOrder, QString());
            s.blindSwapped(QStringLiteral("p"), QStringLiteral("ann"));  // the v2 table is there
            s.decide(QStringLiteral("p"), QStringLiteral("ann"), EventKind::Tie);
        }
        {
            ReviewStore s(url);
            QCOMPARE(s.state(QStringLiteral("p"), QStringLiteral("ann")).verdict, Verdict::Tie);
            QCOMPARE(int(s.events().size()), 2);
        }
        {
            QSqlDatabase db = openStoreConnection(parseStoreLocation(url), QStringLiteral("newer"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        try {
            ReviewStore s(url);
            QFAIL("a newer store was opened");
        } catch (const ReviewStoreError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("newer")), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(url), e.what());
        }
    }

    void decisionTime() {
        ReviewStore s(freshDatabase());
        s.importJob(job());
        QElapsedTimer t;
        qint64 worst = 0, total = 0;
        for (int i = 0; i < 50; ++i) {
            t.start();
            s.decide(QStringLiteral("a#q0"), QStringLiteral("ann"), EventKind::Choose, 1 + i % 2);
            const qint64 us = t.nsecsElapsed() / 1000;
            worst = std::max(worst, us);
            total += us;
        }
        qInfo("one decision on PostgreSQL (state read + insert + commit, fsync on): mean %lld us, worst %lld us over 50",
              total / 50, worst);
        QVERIFY2(worst < 500000, "a decision took over 500 ms");
    }
};

QTEST_GUILESS_MAIN(TestReviewStorePostgres)

#include "test_review_store_postgres.moc"
