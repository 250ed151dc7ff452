// StopMatcher: stop strings spanning tokens, overlapping prefixes, held text released when it
// turns out not to be a stop string, eos, and a randomised check against a plain search.
#include "generation/stop_matcher.h"

#include <QTest>

#include <random>

using stllava::GenerationResult;
using stllava::StopMatcher;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

std::vector<std::string> split(const QString& s) {
    std::vector<std::string> out;
    for (const auto& part : s.split('|')) out.push_back(part.toStdString());
    return out;
}

}  // namespace

class TestStreamStop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streams_data() {
        // pieces and the text emitted after each piece, '|'-separated; stop strings ','-separated.
        QTest::addColumn<QString>("pieces");
        QTest::addColumn<QString>("stops");
        QTest::addColumn<QString>("emitted");
        QTest::addColumn<bool>("stopped");
        QTest::addColumn<QString>("final");  // all text, finish() included
        QTest::newRow("no stop strings: pass-through") << "a<|/s|>"
                                                       << ""
                                                       << "a<|/s|>" << false << "a</s>";
        QTest::newRow("spanning three pieces") << "Hello| wor|ld</|s|>more"
                                               << "</s>"
                                               << "Hello| wor|ld||" << true << "Hello world";
        QTest::newRow("inside one piece") << "ab</s>cd|ef"
                                          << "</s>"
                                          << "ab" << true << "ab";
        QTest::newRow("at the very start") << "</s>"
                                           << "</s>"
                                           << "" << true << "";
        QTest::newRow("held then released") << "a<|/x|y"
                                            << "</s>"
                                            << "a|</x|y" << false << "a</xy";
        QTest::newRow("held until finish") << "end<|/"
                                           << "</s>"
                                           << "end|" << false << "end</";
        QTest::newRow("overlapping prefixes, earliest wins") << "xab|cd"
                                                             << "abc,bcd"
                                                             << "x|" << true << "x";
        QTest::newRow("self-overlap aab") << "a|a|a|b"
                                          << "aab"
                                          << "||a|" << true << "a";
        QTest::newRow("partial then full") << "##|#|# end"
                                           << "###"
                                           << "|" << true << "";
        QTest::newRow("second stop string completes first") << "x</|AB"
                                                            << "</s>,AB"
                                                            << "x|</" << true << "x</";
        QTest::newRow("multi-byte stop string") << "答案：是|。\n|下一"
                                                << "。\n"
                                                << "答案：是|" << true << "答案：是";
        QTest::newRow("VUSER turn") << "What is it?</s>|VUSER:"
                                    << "</s>VUSER:,</s>"
                                    << "What is it?" << true << "What is it?";
    }
    void streams() {
        QFETCH(QString, pieces);
        QFETCH(QString, stops);
        QFETCH(QString, emitted);
        QFETCH(bool, stopped);
        QFETCH(QString, final);
        std::vector<std::string> stop_list;
        for (const auto& s : stops.split(',', Qt::SkipEmptyParts)) stop_list.push_back(s.toStdString());
        StopMatcher m(stop_list, 2);
        const auto in = split(pieces);
        const auto want = split(emitted);
        std::string all;
        std::size_t i = 0;
        bool did_stop = false;
        for (; i < in.size() && !did_stop; ++i) {
            const auto step = m.push(100, in[i]);
            QVERIFY2(i < want.size(), "more steps than expected");
            QCOMPARE(QString::fromStdString(step.text), QString::fromStdString(want[i]));
            all += step.text;
            did_stop = step.stopped;
            if (did_stop) QVERIFY(step.reason == GenerationResult::StopReason::StopString);
        }
        QCOMPARE(did_stop, stopped);
        QCOMPARE(m.stopped(), stopped);
        if (!stopped) QCOMPARE(i, want.size());
        const auto tail = m.finish();
        QCOMPARE(tail.stopped, stopped);
        all += tail.text;
        QCOMPARE(QString::fromStdString(all), final);
    }

    void eosReleasesHeldText() {
        StopMatcher m({"</s>"}, 2);
        auto s1 = m.push(10, "answer <");
        QCOMPARE(s1.text, std::string("answer "));
        QCOMPARE(m.held(), std::string("<"));
        auto s2 = m.push(2, "");
        QVERIFY(s2.stopped);
        QVERIFY(s2.reason == GenerationResult::StopReason::Eos);
        QCOMPARE(s2.text, std::string("<"));
        QVERIFY(m.finish().reason == GenerationResult::StopReason::Eos);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, m.push(10, "x"));
        m.reset();
        QVERIFY(!m.stopped());
        QCOMPARE(m.push(10, "again").text, std::string("again"));
    }

    void eosWithText() {
        // Text arriving with eos (a decoder's flushed bytes) is released; a stop string it
        // completes wins over eos.
        StopMatcher m({"</s>"}, 2);
        QCOMPARE(m.push(10, "a <").text, std::string("a "));
        auto s = m.push(2, "x");
        QVERIFY(s.stopped);
        QVERIFY(s.reason == GenerationResult::StopReason::Eos);
        QCOMPARE(s.text, std::string("<x"));
        StopMatcher m2({"</s>"}, 2);
        QCOMPARE(m2.push(10, "a </").text, std::string("a "));
        s = m2.push(2, "s>tail");
        QVERIFY(s.reason == GenerationResult::StopReason::StopString);
        QCOMPARE(s.text, std::string());
    }

    void noEosWhenDisabled() {
        StopMatcher m({}, -1);
        const auto s = m.push(2, "x");
        QVERIFY(!s.stopped);
        QCOMPARE(s.text, std::string("x"));
    }

    void finishTailCanStop() {
        StopMatcher m({"STOP"});
        QCOMPARE(m.pushText("abc ST").text, std::string("abc "));
        const auto f = m.finish("OP and more");
        QVERIFY(f.stopped);
        QCOMPARE(f.text, std::string(""));
    }

    void randomisedAgainstPlainSearch() {
        // Texts over a small alphabet, cut at random points, against find() on the whole text.
        std::mt19937 rng(123);
        const std::string alphabet = "ab</s>";
        const std::vector<std::vector<std::string>> stop_sets = {
            {"</s>"}, {"ab", "</s>"}, {"aab", "ba", "s>a"}, {"bb"}};
        for (int trial = 0; trial < 3000; ++trial) {
            const auto& stops = stop_sets[trial % stop_sets.size()];
            std::string text;
            const int len = static_cast<int>(rng() % 30);
            for (int i = 0; i < len; ++i) text += alphabet[rng() % alphabet.size()];
            std::size_t first = std::string::npos;
            for (const auto& s : stops) first = std::min(first, text.find(s));
            const std::string expected = first == std::string::npos ? text : text.substr(0, first);

            StopMatcher m(stops);
            std::string got;
            bool stopped = false;
            std::size_t pos = 0, fed = 0;
            while (pos < text.size() && !stopped) {
                const std::size_t n = std::min<std::size_t>(text.size() - pos, rng() % 4);
                const auto step = m.pushText(std::string_view(text).substr(pos, n));
                pos += n;
                fed = pos;
                got += step.text;
                stopped = step.stopped;
                // Emitted text is always a prefix of the answer, and only held text is missing.
                QVERIFY(expected.compare(0, got.size(), got) == 0 || stopped);
                if (!stopped) QCOMPARE(got + m.held(), text.substr(0, fed));
            }
            if (!stopped) got += m.finish().text;
            QCOMPARE(stopped, first != std::string::npos);
            QCOMPARE(got, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamStop)
#include "test_stream_stop.moc"
