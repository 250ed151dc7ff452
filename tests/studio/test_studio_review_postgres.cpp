// stllava-studio's Review workspace on a review store in PostgreSQL, against a real server the test
// starts (tests/review/postgres_server.h), offscreen:
//   - the open-store dialog takes a file or a postgresql:// URL, and refuses a URL with a password
//     (it stays open and says why) or nothing at all;
//   - the workspace opens the URL, imports a judged job on its worker thread (its own connection),
//     and two curators' workspaces record their keys' decisions on the server at once; a new
//     workspace reopens the last store, the URL;
//   - a URL nothing answers on gives a message naming it and makes no folder from the URL.
#include "review/postgres_server.h"
#include "review/review_test_data.h"
#include "studio_test_env.h"

#include "review/review_workspace.h"
#include "review/store_location_dialog.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>

using namespace stllava::ui;
using namespace stllava::review;

class TestStudioReviewPostgres : public QObject {
    Q_OBJECT
    reviewtest::PostgresServer m_server;
    QTemporaryDir m_dir;
    QString m_url;

    void showActive(QWidget& w) {
        w.resize(1200, 800);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.setFocus();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        reviewtest::writeJob(m_dir.filePath(QStringLiteral("job")));
        const QString bin = reviewtest::findPostgresBinDir();
        if (bin.isEmpty())
            QFAIL("PostgreSQL's server binaries (initdb, pg_ctl, postgres, createdb) are not in /usr/lib/postgresql/*/bin, "
                  "$STLLAVA_PG_BINDIR or PATH: run scripts/setup.sh (Debian package postgresql)");
        const QString password = QStringLiteral("studio-test-password");
        const QString why = m_server.start(bin, QStringLiteral("curator"), password);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY2(m_server.createDatabase(QStringLiteral("team")).isEmpty(), "createdb failed");
        qputenv("PGPASSWORD", password.toUtf8());
        m_url = m_server.url(QStringLiteral("team"));
    }

    void cleanupTestCase() {
        const QString why = m_server.stop();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void dialogTakesFileOrUrl() {
        StoreLocationDialog withPassword(QStringLiteral("postgresql://ann:hunter2@db:5432/team"));
        withPassword.accept();
        QVERIFY(withPassword.result() != QDialog::Accepted);
        QVERIFY2(withPassword.problem()->text().contains(QStringLiteral("PGPASSWORD")), qPrintable(withPassword.problem()->text()));
        QVERIFY(!withPassword.problem()->text().contains(QStringLiteral("hunter2")));
        StoreLocationDialog empty(QString{});
        empty.accept();
        QVERIFY(empty.result() != QDialog::Accepted);
        QVERIFY(!empty.problem()->text().isEmpty());
        StoreLocationDialog url(QStringLiteral("  postgresql://ann@db:5432/team  "));
        url.accept();
        QCOMPARE(url.result(), int(QDialog::Accepted));
        QCOMPARE(url.location(), QStringLiteral("postgresql://ann@db:5432/team"));
        StoreLocationDialog file(m_dir.filePath(QStringLiteral("mine.sqlite")));
        file.accept();
        QCOMPARE(file.result(), int(QDialog::Accepted));
    }

    void twoCuratorsOnTheServer() {
        ReviewWorkspace ann;
        QVERIFY(ann.openStore(m_url));
        QCOMPARE(ann.store()->backend(), StoreBackend::Postgres);
        QSignalSpy done(&ann, &ReviewWorkspace::importFinished);
        ann.importPairs(m_dir.filePath(QStringLiteral("job")));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toInt(), 8);
        ann.setCurator(QStringLiteral("ann"));
        ReviewWorkspace bob;  // reopens the last store: the URL
        QVERIFY(bob.store());
        QCOMPARE(bob.store()->path(), m_url);
        bob.setCurator(QStringLiteral("bob"));
        QCOMPARE(bob.visiblePairIds().size(), 8);

        showActive(ann);
        QCOMPARE(ann.currentPairId(), QStringLiteral("a#q0"));
        QTest::keyClick(&ann, Qt::Key_A);  // approve the judge's answer 1
        QCOMPARE(ann.currentPairId(), QStringLiteral("j#q0"));
        QTest::keyClick(&ann, Qt::Key_F);  // flip: now answer 1
        showActive(bob);
        QCOMPARE(bob.currentPairId(), QStringLiteral("a#q0"));
        QTest::keyClick(&bob, Qt::Key_2);  // bob prefers answer 2: a conflict
        QTest::keyClick(&bob, Qt::Key_A);  // j: the judge's answer 2
        qInfo("last decision on PostgreSQL committed in %lld us on the GUI thread",
              static_cast<long long>(bob.lastDecisionMicros()));

        ReviewStore check(m_url);
        QCOMPARE(check.state(QStringLiteral("a#q0"), QStringLiteral("ann")).side, 1);
        QCOMPARE(check.state(QStringLiteral("j#q0"), QStringLiteral("ann")).side, 1);
        QCOMPARE(check.state(QStringLiteral("a#q0"), QStringLiteral("bob")).side, 2);
        QCOMPARE(check.state(QStringLiteral("j#q0"), QStringLiteral("bob")).side, 2);
        QCOMPARE(check.adjudicationQueue(), (QStringList{QStringLiteral("a#q0"), QStringLiteral("j#q0")}));
        ann.reload();
        QVERIFY2(ann.agreementText().contains(QStringLiteral("bob")), qPrintable(ann.agreementText()));
    }

    void unreachableUrlNamed() {
        const QString closed = QStringLiteral("postgresql://curator@127.0.0.1:%1/team").arg(reviewtest::freeLocalPort());
        ReviewWorkspace w;
        QSignalSpy said(&w, &ReviewWorkspace::message);
        const QString before = QDir::currentPath();
        QVERIFY(!w.openStore(closed));
        QVERIFY(!said.isEmpty());
        QVERIFY2(said.last().at(0).toString().contains(closed), qPrintable(said.last().at(0).toString()));
        QVERIFY(!QFileInfo::exists(QDir(before).filePath(QStringLiteral("postgresql:"))));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioReviewPostgres)

#include "test_studio_review_postgres.moc"
