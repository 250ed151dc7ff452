// The judge-reply score parser over many reply forms: the accepted ones give exactly the two
// scores in the order shown; garbage is refused with a reason, never guessed.
#include "selftrain/score_parser.h"

#include <QElapsedTimer>
#include <QTest>

namespace st = stllava::selftrain;

class TestSelftrainScores : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accepted_data() {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("second");
        QTest::addColumn<QString>("rationale");
        QTest::newRow("space") << "8 6\nAnswer 1 names the fracture." << 8.0 << 6.0
                               << "Answer 1 names the fracture.";
        QTest::newRow("comma") << "8,6\nwhy" << 8.0 << 6.0 << "why";
        QTest::newRow("comma space") << "7, 9" << 7.0 << 9.0 << "";
        QTest::newRow("out of ten") << "8/10 and 6/10\nreasons" << 8.0 << 6.0 << "reasons";
        QTest::newRow("out of ten spaced") << "8 / 10, 6 / 10" << 8.0 << 6.0 << "";
        QTest::newRow("out of words") << "9 out of 10 and 3 out of 10" << 9.0 << 3.0 << "";
        QTest::newRow("scores label") << "Scores: 8 and 6\nbecause" << 8.0 << 6.0 << "because";
        QTest::newRow("score label") << "Score: 5 5" << 5.0 << 5.0 << "";
        QTest::newRow("decimals") << "7.5 6.25" << 7.5 << 6.25 << "";
        QTest::newRow("ten and one") << "10 1" << 10.0 << 1.0 << "";
        QTest::newRow("leading blank lines") << "\n\n  8 6  \nr" << 8.0 << 6.0 << "r";
        QTest::newRow("markdown bold") << "**8** **6**\nr" << 8.0 << 6.0 << "r";
        QTest::newRow("trailing period") << "8 6." << 8.0 << 6.0 << "";
        QTest::newRow("vs") << "8 vs 6" << 8.0 << 6.0 << "";
        QTest::newRow("semicolon") << "8; 6" << 8.0 << 6.0 << "";
        QTest::newRow("labelled lines") << "Answer 1: 8\nAnswer 2: 6\nAnswer 1 is more specific." << 8.0
                                        << 6.0 << "Answer 1: 8\nAnswer 2: 6\nAnswer 1 is more specific.";
        QTest::newRow("labelled prose") << "After review, Answer 1: 8 ... and Answer 2: 6 overall." << 8.0
                                        << 6.0 << "After review, Answer 1: 8 ... and Answer 2: 6 overall.";
        QTest::newRow("labelled score word")
            << "Answer 1 score: 3\nAnswer 2 score: 9" << 3.0 << 9.0 << "Answer 1 score: 3\nAnswer 2 score: 9";
        QTest::newRow("assistant labels")
            << "Assistant 1: 7\nAssistant 2: 4" << 7.0 << 4.0 << "Assistant 1: 7\nAssistant 2: 4";
        QTest::newRow("labelled bold") << "**Answer 1:** 6/10\n**Answer 2:** 9/10" << 6.0 << 9.0
                                       << "**Answer 1:** 6/10\n**Answer 2:** 9/10";
        QTest::newRow("labelled one line")
            << "Answer 1: 8, Answer 2: 6" << 8.0 << 6.0 << "Answer 1: 8, Answer 2: 6";
        QTest::newRow("labelled is") << "Answer 1 is 4 and Answer 2 is 7." << 4.0 << 7.0
                                     << "Answer 1 is 4 and Answer 2 is 7.";
        QTest::newRow("crlf") << "8 6\r\nr\r\n" << 8.0 << 6.0 << "r";
    }
    void accepted() {
        QFETCH(QString, reply);
        QFETCH(double, first);
        QFETCH(double, second);
        QFETCH(QString, rationale);
        const st::ParsedScores s = st::parseScores(reply.toStdString());
        QVERIFY2(s.ok, s.problem.c_str());
        QCOMPARE(s.first, first);
        QCOMPARE(s.second, second);
        QCOMPARE(QString::fromStdString(s.rationale), rationale);
    }

    void refused_data() {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("problem");  // a word the reason must contain
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("blank") << "  \n \n"
                               << "empty";
        QTest::newRow("one number") << "8\nonly one"
                                    << "1 numbers";
        QTest::newRow("three numbers") << "8 6 7"
                                       << "3 numbers";
        QTest::newRow("words") << "I cannot evaluate medical images."
                               << "words";
        QTest::newRow("number words") << "eight and six"
                                      << "words";
        QTest::newRow("prose with numbers") << "Answer 1 is better by 2 points than answer 2"
                                            << "words";
        QTest::newRow("eleven") << "11 6"
                                << "outside";
        QTest::newRow("zero") << "0 6"
                              << "outside";
        QTest::newRow("negative") << "-3 5"
                                  << "outside";
        QTest::newRow("hundred scale") << "80 60"
                                       << "outside";
        QTest::newRow("slash pair") << "8/6"
                                    << "words";
        QTest::newRow("labelled out of range") << "Answer 1: 12\nAnswer 2: 6"
                                               << "outside";
        QTest::newRow("only one label") << "Answer 1: 8, the other is worse"
                                        << "words";
        QTest::newRow("json") << "{\"score1\": 8, \"score2\": 6}"
                              << "words";
    }
    void refused() {
        QFETCH(QString, reply);
        QFETCH(QString, problem);
        const st::ParsedScores s = st::parseScores(reply.toStdString());
        QVERIFY2(!s.ok, qPrintable(QStringLiteral("accepted as %1 %2").arg(s.first).arg(s.second)));
        QVERIFY2(QString::fromStdString(s.problem).contains(problem), s.problem.c_str());
    }

    void customRange() {
        const st::ParsedScores s = st::parseScores("0 100", st::ScoreRange{0, 100});
        QVERIFY(s.ok);
        QCOMPARE(s.first, 0.0);
        QCOMPARE(s.second, 100.0);
    }

    // Found by the judge_reply fuzz target (tests/fuzz): the labelled form was a std::regex, which
    // recursed once per character. These exact replies (a label, then a long run of whitespace)
    // overflowed the stack (50 000 and 300 000 spaces: SIGSEGV) or ran for minutes (5 000 spaces:
    // over 60 s). A judge's reply is outside input: it must be parsed, or refused, at once.
    void longRepliesParseInLinearTime_data() {
        QTest::addColumn<int>("spaces");
        QTest::addColumn<QString>("tail");
        QTest::addColumn<bool>("ok");
        QTest::newRow("5000 spaces, no score") << 5000 << "z" << false;
        QTest::newRow("50000 spaces, no score") << 50000 << "z" << false;
        QTest::newRow("300000 spaces, no score") << 300000 << "z" << false;
        QTest::newRow("300000 spaces, then the scores") << 300000 << ": 8\nanswer 2: 6" << true;
    }
    void longRepliesParseInLinearTime() {
        QFETCH(int, spaces);
        QFETCH(QString, tail);
        QFETCH(bool, ok);
        const std::string reply = "x\nanswer 1" + std::string(static_cast<std::size_t>(spaces), ' ') + tail.toStdString();
        QElapsedTimer timer;
        timer.start();
        const st::ParsedScores s = st::parseScores(reply);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed()) + " ms"));
        QCOMPARE(s.ok, ok);
        if (ok) {
            QCOMPARE(s.first, 8.0);
            QCOMPARE(s.second, 6.0);
        } else {
            QVERIFY(!s.problem.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSelftrainScores)
#include "test_selftrain_scores.moc"
