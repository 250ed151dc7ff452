// The preference review store on a real SQLite file in a temporary folder:
//   - import of the three pairs files (both formats and the review list), idempotent re-import,
//     a changed pair refused, bad records and unreadable files named;
//   - decisions as events (choose, flip, approve, reject, tie, both wrong, note), undo as a new
//     event, states derived from them, nothing overwritten; decisions survive closing and reopening
//     and a SIGKILL of a child process that was deciding (this binary re-run in --decide-loop mode);
//   - export gives exactly the approved pairs, chosen side right after a flip, in both formats that
//     training's reader loads; blind order kept; adjudication queue; schema migration from v1;
//   - Cohen's kappa and Gwet's AC1 against hand-computed tables and an independent python3 script.
#include "review_test_data.h"

#include "services/review/agreement.h"
#include "services/review/review_schema.h"
#include "services/review/review_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <set>

using namespace stllava::review;
using nlohmann::json;

namespace {

json readJsonFile(const QString& path) {
    std::ifstream in(path.toStdString());
    return json::parse(in);
}

std::vector<json> readJsonLines(const QString& path) {
    std::ifstream in(path.toStdString());
    std::vector<json> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

std::string lastValue(const json& conversation) {
    return conversation.back().at("value").get<std::string>();
}

// Child mode: decide in a loop and report each committed event id on stdout until killed.
int decideLoop(const QString& store, const QStringList& pairIds) {
    ReviewStore s(store);
    for (int i = 0; i < 1000000; ++i) {
        const QString id = pairIds[i % pairIds.size()];
        const qint64 event = s.decide(id, QStringLiteral("child"), EventKind::Choose, 1 + i % 2);
        std::printf("committed %lld\n", static_cast<long long>(event));
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace

class TestReviewStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    QString job() { return m_dir.filePath(QStringLiteral("job")); }
    QString freshStore() { return m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        reviewtest::writeJob(job());
    }

    void importIsIdempotent() {
        ReviewStore s(freshStore());
        QCOMPARE(s.schemaVersion(), kSchemaVersion);
        QCOMPARE(s.journalMode(), QStringLiteral("wal"));
        const ImportSummary first = s.importJob(job());
        QCOMPARE(first.files.size(), 2);  // pairs.stllava.json, pairs.review.jsonl
        QCOMPARE(first.added, 8);
        QVERIFY(first.issues.empty());
        const ImportSummary again = s.importJob(job());
        QCOMPARE(again.added, 0);
        QCOMPARE(again.unchanged, 8);
        const ImportSummary trl = s.importFile(job() + QStringLiteral("/pairs.trl.jsonl"));
        QCOMPARE(trl.added, 0);
        QCOMPARE(trl.unchanged, 2);
        QCOMPARE(s.pairCount(), 8);

        // The fields as the job has them, answer 1 / 2 in the generated order whatever was chosen.
        const auto a = s.pair(QStringLiteral("a#q0"));
        QVERIFY(a);
        QCOMPARE(a->answer1, QStringLiteral("A long and careful answer."));
        QCOMPARE(a->answer2, QStringLiteral("Short."));
        QCOMPARE(a->judgeChoice, 1);
        QCOMPARE(a->judgeStatus, QStringLiteral("auto_accepted"));
        QCOMPARE(*a->score1, 8.5);
        QCOMPARE(*a->score2, 5.5);
        QCOMPARE(a->margin, 3.0);
        QVERIFY(a->order21.present);
        QCOMPARE(*a->order21.scoreAnswer1, 9.0);
        QCOMPARE(a->order21.rationale, QStringLiteral("rationale for a#q0 21"));
        QCOMPARE(a->judgeModel, QStringLiteral("judge-x"));
        QCOMPARE(*a->seed1, 40);
        const auto j = s.pair(QStringLiteral("j#q0"));
        QCOMPARE(j->answer1, QStringLiteral("xxxxx"));
        QCOMPARE(j->answer2, QStringLiteral("y"));
        QCOMPARE(j->judgeChoice, 2);
        const auto b = s.pair(QStringLiteral("b#q0"));
        QCOMPARE(b->judgeStatus, QStringLiteral("needs_review"));
        QCOMPARE(b->reason, QStringLiteral("order_flip"));
        QCOMPARE(b->ordersAgree.value_or(true), false);
        QCOMPARE(b->answer1, QStringLiteral("b one"));
        QCOMPARE(s.pair(QStringLiteral("h#q0"))->judgeStatus, QStringLiteral("rejected"));
        QVERIFY(!s.pair(QStringLiteral("g#q0")));  // incomplete: in no file
        QCOMPARE(s.pair(QStringLiteral("a#q0"))->imagePath(), job() + QStringLiteral("/img.png"));
    }

    // A demo or job folder moved (or copied) with its images: the pair files still name the old
    // absolute paths; the image is found under the folder it was imported from. A bare file name
    // beside the pair file is no match for a lost image (moved_path.h).
    void movedFolderFindsItsImagesAgain() {
        const QString made = m_dir.filePath(QStringLiteral("made-here"));
        QVERIFY(QDir().mkpath(made + QStringLiteral("/world/pool")));
        const QString image = made + QStringLiteral("/world/pool/scan.png");
        QFile(image).open(QIODevice::WriteOnly);
        reviewtest::writeJob(made + QStringLiteral("/selftrain"), image.toStdString());
        QFile(made + QStringLiteral("/selftrain/gone.png")).open(QIODevice::WriteOnly);
        const QString moved = m_dir.filePath(QStringLiteral("moved-there"));
        QVERIFY(QDir().rename(made, moved));
        ReviewStore s(freshStore());
        QCOMPARE(s.importJob(moved + QStringLiteral("/selftrain")).added, 8);
        const auto a = s.pair(QStringLiteral("a#q0"));
        QVERIFY(a);
        QCOMPARE(a->image, image);  // the record as written
        QCOMPARE(a->imagePath(), moved + QStringLiteral("/world/pool/scan.png"));
        // Gone for good: the recorded path comes back, for the "Image not found" note to name.
        QVERIFY(QFile::remove(moved + QStringLiteral("/world/pool/scan.png")));
        QCOMPARE(s.pair(QStringLiteral("a#q0"))->imagePath(), image);
        ReviewPair bare = *a;
        bare.image = m_dir.filePath(QStringLiteral("elsewhere/gone.png"));
        QCOMPARE(bare.imagePath(), bare.image);  // "gone.png" beside the pair file is a stranger
    }

    void changedPairRefusedAndBadInputNamed() {
        ReviewStore s(freshStore());
        s.importJob(job());
        const QString other = m_dir.filePath(QStringLiteral("changed.jsonl"));
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"id\":\"a#q0\",\"question\":\"q\",\"answers\":[\"other\",\"answers\"]}\n"
                "{\"id\":\"new#q0\",\"question\":\"q\",\"answers\":[\"only one\"]}\n"
                "not json\n"
                "{\"id\":\"new#q1\",\"question\":\"q\",\"answers\":[\"x\",\"y\"],\"status\":\"needs_review\"}\n"
                // Seeds beyond an integer's range (fuzz finding 6: undefined behaviour when read as one).
                "{\"id\":\"new#q2\",\"question\":\"q\",\"answers\":[\"x\",\"y\"],\"chosen_answer\":1,"
                "\"seeds\":{\"chosen\":1.5e80,\"rejected\":2}}\n");
        f.close();
        const ImportSummary r = s.importFile(other);
        QCOMPARE(r.refused, 1);
        QCOMPARE(r.added, 1);
        QCOMPARE(int(r.issues.size()), 4);
        const auto seeds = std::find_if(r.issues.begin(), r.issues.end(), [](const auto& i) { return i.record == 5; });
        QVERIFY(seeds != r.issues.end());
        QVERIFY2(seeds->problem.contains(QStringLiteral("seeds")), qPrintable(seeds->problem));
        QCOMPARE(r.issues[0].record, 2);
        QVERIFY(r.issues[0].problem.contains(QStringLiteral("not two answers")));
        QCOMPARE(r.issues[1].record, 3);
        QVERIFY(std::any_of(r.issues.begin(), r.issues.end(), [](const auto& i) { return i.id == QStringLiteral("a#q0"); }));
        QCOMPARE(s.pair(QStringLiteral("a#q0"))->answer1, QStringLiteral("A long and careful answer."));
        try {
            s.importFile(m_dir.filePath(QStringLiteral("missing.json")));
            QFAIL("no error for a missing file");
        } catch (const ReviewStoreError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("missing.json")), e.what());
        }
        try {
            s.decide(QStringLiteral("nope"), QStringLiteral("ann"), EventKind::Approve);
            QFAIL("no error for an unknown pair");
        } catch (const ReviewStoreError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("nope")), e.what());
        }
        // The tie has no side: approve and flip are refused with the reason; nothing is recorded.
        QVERIFY_THROWS_EXCEPTION(ReviewStoreError, s.decide(QStringLiteral("c#q0"), QStringLiteral("ann"), EventKind::Flip));
        QVERIFY(s.events(QStringLiteral("c#q0")).empty());
    }

    void decisionsUndoAndExport() {
        const QString path = freshStore();
        {
            ReviewStore s(path);
            s.importJob(job());
            const QString ann = QStringLiteral("ann");
            s.decide(QStringLiteral("a#q0"), ann, EventKind::Approve);            // chosen 1 (judge's)
            s.decide(QStringLiteral("j#q0"), ann, EventKind::Flip);               // judge said 2: now 1
            s.decide(QStringLiteral("b#q0"), ann, EventKind::Choose, 2);          // order flip: 2 by hand
            s.decide(QStringLiteral("c#q0"), ann, EventKind::Tie);
            s.decide(QStringLiteral("d#q0"), ann, EventKind::BothWrong);
            s.decide(QStringLiteral("h#q0"), ann, EventKind::Reject);
            s.decide(QStringLiteral("e#q0"), ann, EventKind::Choose, 1);
            s.decide(QStringLiteral("e#q0"), ann, EventKind::Note, 0, QStringLiteral("close call"));
            // Undo takes back the latest event that counts: the note, then the choice of e.
            QCOMPARE(s.undoLast(ann)->kind, EventKind::Note);
            const auto undone = s.undoLast(ann);
            QCOMPARE(undone->pairId, QStringLiteral("e#q0"));
            QCOMPARE(undone->kind, EventKind::Choose);
            QVERIFY(!s.state(QStringLiteral("e#q0"), ann).decided());
            s.decide(QStringLiteral("f#q0"), ann, EventKind::Choose, 2);
            s.decide(QStringLiteral("f#q0"), ann, EventKind::Reject);  // changed her mind: rejected
            QCOMPARE(s.state(QStringLiteral("j#q0"), ann).side, 1);
            QCOMPARE(s.state(QStringLiteral("f#q0"), ann).verdict, Verdict::Rejected);
            // Every event is kept: 10 decisions + 2 undos, the undone ones still there.
            const auto all = s.events();
            QCOMPARE(int(all.size()), 12);
            QCOMPARE(all[9].kind, EventKind::Undo);
            QCOMPARE(all[9].undoes, all[6].id);
            QVERIFY(all[0].time.endsWith(QLatin1Char('Z')));
            QCOMPARE(all[0].curator, ann);
        }
        ReviewStore s(path);  // reopened: the same states
        const auto states = s.states(QStringLiteral("ann"));
        QCOMPARE(states.at(QStringLiteral("a#q0")).verdict, Verdict::Approved);
        QCOMPARE(states.at(QStringLiteral("b#q0")).side, 2);
        QCOMPARE(states.at(QStringLiteral("c#q0")).verdict, Verdict::Tie);
        QCOMPARE(states.at(QStringLiteral("d#q0")).verdict, Verdict::BothWrong);
        QVERIFY(!states.at(QStringLiteral("e#q0")).decided());

        // Export: exactly a, b, j; chosen = the side decided (j flipped, b chosen by hand).
        const QString stllavaOut = m_dir.filePath(QStringLiteral("approved.stllava.json"));
        const ExportSummary e = s.exportApproved(stllavaOut, PairFormat::Stllava);
        QCOMPARE(e.written, 3);
        QCOMPARE(e.flipped, 1);
        const json arr = readJsonFile(stllavaOut);
        std::map<std::string, json> byId;
        for (const auto& r : arr) byId[r.at("id").get<std::string>()] = r;
        QCOMPARE(byId.size(), std::size_t(3));
        QCOMPARE(lastValue(byId.at("a#q0").at("chosen_conversations")), std::string("A long and careful answer."));
        QCOMPARE(lastValue(byId.at("j#q0").at("chosen_conversations")), std::string("xxxxx"));
        QCOMPARE(lastValue(byId.at("j#q0").at("reject_conversations")), std::string("y"));
        QCOMPARE(byId.at("j#q0").at("review").at("flipped").get<bool>(), true);
        QCOMPARE(byId.at("j#q0").at("seeds").at("chosen").get<long long>(), 40LL);
        QCOMPARE(lastValue(byId.at("b#q0").at("chosen_conversations")), std::string("b two"));
        QCOMPARE(byId.at("b#q0").at("chosen_conversations")[2].at("value").get<std::string>(),
                 std::string("What does b#q0 show?"));
        const QString trlOut = m_dir.filePath(QStringLiteral("approved.trl.jsonl"));
        QCOMPARE(s.exportApproved(trlOut, PairFormat::Trl).written, 3);
        const auto lines = readJsonLines(trlOut);
        QCOMPARE(int(lines.size()), 3);
        for (const auto& l : lines)
            if (l.at("id") == "j#q0")
                QCOMPARE(l.at("chosen")[0].at("content")[0].at("text").get<std::string>(), std::string("xxxxx"));

        // The exported files read back as pairs with the decided side as the judge's choice.
        ReviewStore again(freshStore());
        QCOMPARE(again.importFile(trlOut).added, 3);
        QCOMPARE(again.pair(QStringLiteral("j#q0"))->answer1, QStringLiteral("xxxxx"));
        QCOMPARE(again.pair(QStringLiteral("j#q0"))->judgeChoice, 1);
    }

    void twoCuratorsAdjudicationAndAgreement() {
        ReviewStore s(freshStore());
        s.importJob(job());
        const QString ann = QStringLiteral("ann"), bob = QStringLiteral("bob");
        s.decide(QStringLiteral("a#q0"), ann, EventKind::Approve);
        s.decide(QStringLiteral("a#q0"), bob, EventKind::Choose, 1);  // same outcome
        s.decide(QStringLiteral("b#q0"), ann, EventKind::Choose, 1);
        s.decide(QStringLiteral("b#q0"), bob, EventKind::Choose, 2);  // disagree
        s.decide(QStringLiteral("c#q0"), ann, EventKind::Tie);
        s.decide(QStringLiteral("c#q0"), bob, EventKind::Reject);    // disagree
        s.decide(QStringLiteral("j#q0"), ann, EventKind::Approve);   // only ann
        QCOMPARE(s.curators(), (QStringList{ann, bob}));
        QCOMPARE(s.adjudicationQueue(), (QStringList{QStringLiteral("b#q0"), QStringLiteral("c#q0")}));
        auto res = s.resolutions();
        QVERIFY(res.at(QStringLiteral("b#q0")).conflict);
        QCOMPARE(res.at(QStringLiteral("a#q0")).curators, (QStringList{ann, bob}));
        // An adjudication settles b: out of the queue, exported with answer 2.
        s.decide(QStringLiteral("b#q0"), QStringLiteral("carol"), EventKind::Choose, 2, {}, true);
        QCOMPARE(s.adjudicationQueue(), QStringList{QStringLiteral("c#q0")});
        res = s.resolutions();
        QVERIFY(res.at(QStringLiteral("b#q0")).adjudicated);
        QCOMPARE(res.at(QStringLiteral("b#q0")).state.side, 2);
        QCOMPARE(s.exportApproved(m_dir.filePath(QStringLiteral("adj.json")), PairFormat::Stllava).written, 3);

        // ann vs bob on a, b, c: categories (approved1, approved1), (approved1, approved2), (tie, rejected).
        const Agreement between = s.agreementBetween(ann, bob);
        QCOMPARE(between.n, std::size_t(3));
        const Agreement direct = measureAgreement({{0, 0}, {0, 1}, {3, 2}}, 5);
        QCOMPARE(between.kappa, direct.kappa);
        QCOMPARE(between.ac1, direct.ac1);
        // ann vs judge on a (1 vs 1), b (1 vs judge 0 = neither), c (tie vs neither), j (2 vs 2).
        const Agreement judge = s.agreementWithJudge(ann);
        QCOMPARE(judge.n, std::size_t(4));
        const Agreement expected = measureAgreement({{0, 0}, {0, 2}, {2, 2}, {1, 1}}, 3);
        QCOMPARE(judge.observed, 0.75);
        QCOMPARE(judge.kappa, expected.kappa);
    }

    void blindOrderKept() {
        const QString path = freshStore();
        std::map<QString, bool> drawn;
        {
            ReviewStore s(path);
            s.importJob(job());
            for (const auto& p : s.pairs()) drawn[p.id] = s.blindSwapped(p.id, QStringLiteral("ann"));
            for (const auto& p : s.pairs()) QCOMPARE(s.blindSwapped(p.id, QStringLiteral("ann")), drawn[p.id]);
            s.decide(QStringLiteral("a#q0"), QStringLiteral("ann"), EventKind::Choose, 1, {}, false, QStringLiteral("21"));
        }
        ReviewStore s(path);
        for (const auto& [id, swapped] : drawn) QCOMPARE(s.blindSwapped(id, QStringLiteral("ann")), swapped);
        QCOMPARE(s.events().front().shownOrder, QStringLiteral("21"));
    }

    void migratesFromVersion1() {
        const QString path = freshStore();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            migrateSchema(db, path, 1);
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
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        ReviewStore s(path);
        QCOMPARE(s.schemaVersion(), 2);
        QCOMPARE(s.state(QStringLiteral("p"), QStringLiteral("ann")).side, 2);
        QCOMPARE(s.events().front().shownOrder, QString());
        s.blindSwapped(QStringLiteral("p"), QStringLiteral("ann"));  // the v2 table is there
        s.decide(QStringLiteral("p"), QStringLiteral("ann"), EventKind::Tie);
        QCOMPARE(s.state(QStringLiteral("p"), QStringLiteral("ann")).verdict, Verdict::Tie);
    }

    void newerStoreRefused() {
        const QString path = freshStore();
        { ReviewStore s(path); }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        try {
            ReviewStore s(path);
            QFAIL("a newer store was opened");
        } catch (const ReviewStoreError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("newer")), e.what());
            QVERIFY(QString::fromUtf8(e.what()).contains(path));
        }
    }

    // A child deciding in a loop is killed with SIGKILL; every decision it reported is in the store.
    void decisionsSurviveSigkill() {
        const QString path = freshStore();
        QStringList ids;
        {
            ReviewStore s(path);
            s.importJob(job());
            for (const auto& p : s.pairs()) ids << p.id;
        }
        for (int round = 0; round < 3; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        QStringList{QStringLiteral("--decide-loop"), path} + ids);
            QVERIFY(child.waitForStarted(10000));
            std::set<long long> reported;
            QByteArray pending;
            const int target = 20 + 37 * round;
            QElapsedTimer t;
            t.start();
            while (int(reported.size()) < target && t.elapsed() < 60000) {
                child.waitForReadyRead(200);
                pending += child.readAllStandardOutput();
                int nl;
                while ((nl = pending.indexOf('\n')) >= 0) {
                    const QByteArray line = pending.left(nl);
                    pending.remove(0, nl + 1);
                    if (line.startsWith("committed ")) reported.insert(line.mid(10).toLongLong());
                }
            }
            QVERIFY2(int(reported.size()) >= target, child.readAllStandardError().constData());
            QCOMPARE(::kill(pid_t(child.processId()), SIGKILL), 0);
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            pending += child.readAllStandardOutput();  // lines written before the kill count too
            for (const QByteArray& line : pending.split('\n'))
                if (line.startsWith("committed ")) reported.insert(line.mid(10).toLongLong());

            ReviewStore s(path);
            std::set<long long> stored;
            for (const auto& e : s.events()) stored.insert(e.id);
            for (long long id : reported) QVERIFY2(stored.count(id), qPrintable(QString::number(id)));
            QVERIFY(stored.size() >= reported.size());
            qInfo("round %d: %zu decisions reported before SIGKILL, %zu in the store", round, reported.size(),
                  stored.size());
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void decisionTime() {
        ReviewStore s(freshStore());
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
        qInfo("one decision (insert + commit + fsync): mean %lld us, worst %lld us over 50", total / 50, worst);
        QVERIFY2(worst < 100000, "a decision took over 100 ms");
    }

    // Hand-computed (formulas in agreement.cpp) and the kappa paradox: 90% raw agreement, kappa < 0.
    void agreementGolden_data() {
        QTest::addColumn<QList<int>>("table");  // row-major K x K counts, rater A in rows
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("observed");
        QTest::addColumn<double>("kappa");
        QTest::addColumn<double>("ac1");
        // po = 0.85; pe = .49*.46 + .51*.54 = 0.5008; kappa = 0.3492/0.4992; pi1 = 0.475,
        // pe(AC1) = 2 * 0.475 * 0.525 = 0.49875; AC1 = 0.35125/0.50125.
        QTest::newRow("balanced") << QList<int>{40, 9, 6, 45} << 2 << 0.85 << 0.3492 / 0.4992 << 0.35125 / 0.50125;
        // po = 0.9; pe = .95^2 + .05^2 = 0.905; kappa = -0.005/0.095; pe(AC1) = 2*.95*.05 = 0.095.
        QTest::newRow("paradox") << QList<int>{90, 5, 5, 0} << 2 << 0.9 << -0.005 / 0.095 << 0.805 / 0.905;
        // Three categories, 10 items: po = 0.5; A = (.4,.3,.3), B = (.3,.4,.3): pe = .12+.12+.09 = 0.33,
        // kappa = 0.17/0.67; pi = (.35,.35,.3): pe(AC1) = (.2275+.2275+.21)/2 = 0.3325, AC1 = 0.1675/0.6675.
        QTest::newRow("three") << QList<int>{2, 1, 1, 0, 2, 1, 1, 1, 1} << 3 << 0.5 << 0.17 / 0.67 << 0.1675 / 0.6675;
    }
    void agreementGolden() {
        QFETCH(QList<int>, table);
        QFETCH(int, k);
        QFETCH(double, observed);
        QFETCH(double, kappa);
        QFETCH(double, ac1);
        std::vector<std::pair<int, int>> ratings;
        for (int a = 0; a < k; ++a)
            for (int b = 0; b < k; ++b)
                for (int n = 0; n < table[a * k + b]; ++n) ratings.emplace_back(a, b);
        const Agreement r = measureAgreement(ratings, k);
        QVERIFY(std::abs(r.observed - observed) < 1e-12);
        QVERIFY2(std::abs(r.kappa - kappa) < 1e-12, qPrintable(QString::number(r.kappa, 'g', 17)));
        QVERIFY2(std::abs(r.ac1 - ac1) < 1e-12, qPrintable(QString::number(r.ac1, 'g', 17)));
    }

    void agreementMatchesPython() {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty()) QSKIP("python3 is not installed");
        QRandomGenerator rng(20240611);
        QString ratingsText;
        std::vector<std::vector<std::pair<int, int>>> sets;
        const int ks[] = {2, 3, 5};
        for (int set = 0; set < 3; ++set) {
            std::vector<std::pair<int, int>> r;
            const int k = ks[set];
            for (int i = 0; i < 200; ++i) {
                const int a = int(rng.bounded(k));
                const int b = rng.bounded(100) < 70 ? a : int(rng.bounded(k));  // agreement above chance
                r.emplace_back(a, b);
                ratingsText += QStringLiteral("%1 %2 %3 %4\n").arg(set).arg(k).arg(a).arg(b);
            }
            sets.push_back(r);
        }
        const QString data = m_dir.filePath(QStringLiteral("ratings.txt"));
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ratingsText.toUtf8());
        f.close();
        // An independent implementation over the raw rating lists (not the contingency table code).
        const QString script = QStringLiteral(
            "import sys, collections\n"
            "sets = collections.defaultdict(list); ks = {}\n"
            "for line in open(sys.argv[1]):\n"
            "    s, k, a, b = map(int, line.split()); sets[s].append((a, b)); ks[s] = k\n"
            "for s in sorted(sets):\n"
            "    r = sets[s]; n = len(r); k = ks[s]\n"
            "    po = sum(1 for a, b in r if a == b) / n\n"
            "    ca = collections.Counter(a for a, _ in r); cb = collections.Counter(b for _, b in r)\n"
            "    pe = sum(ca[c] / n * cb[c] / n for c in range(k))\n"
            "    pg = sum(((ca[c] + cb[c]) / (2 * n)) * (1 - (ca[c] + cb[c]) / (2 * n)) for c in range(k)) / (k - 1)\n"
            "    print('%.17g %.17g %.17g' % (po, (po - pe) / (1 - pe), (po - pg) / (1 - pg)))\n");
        QProcess py;
        py.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, data});
        QVERIFY(py.waitForFinished(30000));
        QCOMPARE(py.exitCode(), 0);
        const QList<QByteArray> lines = py.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (int set = 0; set < 3; ++set) {
            const QList<QByteArray> v = lines[set].split(' ');
            const Agreement r = measureAgreement(sets[std::size_t(set)], ks[set]);
            QVERIFY(std::abs(r.observed - v[0].toDouble()) < 1e-12);
            QVERIFY2(std::abs(r.kappa - v[1].toDouble()) < 1e-12, lines[set].constData());
            QVERIFY2(std::abs(r.ac1 - v[2].toDouble()) < 1e-12, lines[set].constData());
        }
    }
};

int main(int argc, char** argv) {
    if (argc >= 4 && QByteArray(argv[1]) == "--decide-loop") {
        QCoreApplication app(argc, argv);
        QStringList ids;
        for (int i = 3; i < argc; ++i) ids << QString::fromLocal8Bit(argv[i]);
        return decideLoop(QString::fromLocal8Bit(argv[2]), ids);
    }
    QCoreApplication app(argc, argv);
    TestReviewStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_review_store.moc"
