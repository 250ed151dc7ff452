// Pair building on crafted judgements: ties, order flips, floors, margins, unparseable replies,
// identical answers and missing orders are never decided silently; the bias figures; the writers.
#include "selftrain/jsonl.h"
#include "selftrain/pair_stats.h"
#include "selftrain/pair_writers.h"
#include "selftrain/pairs.h"
#include "fixtures/selftrain_data.h"

#include "common/atomic_file.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

namespace st = stllava::selftrain;
using namespace selftraintest;
using nlohmann::json;

namespace {

st::PairOptions strict() {
    st::PairOptions o;
    o.min_margin = 1.5;
    o.both_wrong_floor = 4.0;
    return o;
}

std::map<std::string, const st::PairDecision*> byId(const std::vector<st::PairDecision>& ds) {
    std::map<std::string, const st::PairDecision*> m;
    for (const auto& d : ds) m[d.item.item_id] = &d;
    return m;
}
// The map points into `ds`: a temporary would be freed before the map is read (ASan found tests
// reading freed decisions that way), so only a vector that outlives the map is accepted.
std::map<std::string, const st::PairDecision*> byId(std::vector<st::PairDecision>&&) = delete;

}  // namespace

class TestSelftrainPairs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decisions_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("chosen");
        QTest::newRow("a accepted") << "a#q0"
                                    << "auto_accepted"
                                    << "" << 1;
        QTest::newRow("b flip") << "b#q0"
                                << "needs_review"
                                << "order_flip" << 0;
        QTest::newRow("c tie") << "c#q0"
                               << "needs_review"
                               << "tie" << 0;
        QTest::newRow("d floor") << "d#q0"
                                 << "needs_review"
                                 << "both_below_floor" << 1;
        QTest::newRow("e margin") << "e#q0"
                                  << "needs_review"
                                  << "margin_below_minimum" << 1;
        QTest::newRow("f unparseable") << "f#q0"
                                       << "needs_review"
                                       << "unparseable_reply" << 0;
        QTest::newRow("g one order") << "g#q0"
                                     << "incomplete"
                                     << "one_order_missing" << 0;
        QTest::newRow("h identical") << "h#q0"
                                     << "rejected"
                                     << "identical_answers" << 0;
        QTest::newRow("i not judged") << "i#q0"
                                      << "incomplete"
                                      << "not_judged" << 0;
        QTest::newRow("j accepted after a failure") << "j#q0"
                                                    << "auto_accepted"
                                                    << "" << 2;
    }
    void decisions() {
        QFETCH(QString, id);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        QFETCH(int, chosen);
        const Crafted c = crafted();
        const auto ds = st::decidePairs(c.items, c.judgements, strict());
        QCOMPARE(ds.size(), c.items.size());
        const auto m = byId(ds);
        const st::PairDecision& d = *m.at(id.toStdString());
        QCOMPARE(QString(st::pairStatusName(d.status)), status);
        QCOMPARE(QString::fromStdString(d.reason), reason);
        QCOMPARE(d.chosen, chosen);
    }

    void averagesBothOrders() {
        const Crafted c = crafted();
        const auto ds = st::decidePairs(c.items, c.judgements, strict());
        const auto m = byId(ds);
        const auto& a = *m.at("a#q0");
        QCOMPARE(*a.score1, 8.5);  // (8 + 9) / 2: the swapped order showed answer 1 second
        QCOMPARE(*a.score2, 5.5);
        QCOMPARE(a.margin, 3.0);
        QCOMPARE(*a.orders_agree, true);
        const auto& b = *m.at("b#q0");
        QCOMPARE(*b.orders_agree, false);
        const auto& j = *m.at("j#q0");
        QCOMPARE(*j.score1, 4.5);  // the failed forward judgement does not count, the later one does
        QCOMPARE(*j.score2, 9.0);
    }

    void marginAndFloorAreOptions() {
        const Crafted c = crafted();
        st::PairOptions loose;
        loose.min_margin = 1.0;
        loose.both_wrong_floor = 0.0;
        const auto ds = st::decidePairs(c.items, c.judgements, loose);
        const auto m = byId(ds);
        QCOMPARE(m.at("e#q0")->status, st::PairStatus::AutoAccepted);
        QCOMPARE(m.at("d#q0")->status, st::PairStatus::AutoAccepted);
        QCOMPARE(m.at("b#q0")->status, st::PairStatus::NeedsReview);  // a flip stays a flip
        QCOMPARE(m.at("c#q0")->status, st::PairStatus::NeedsReview);  // a tie stays a tie
    }

    void singleOrderWhenAllowed() {
        const Crafted c = crafted();
        st::PairOptions o = strict();
        o.allow_single_order = true;
        const auto ds = st::decidePairs(c.items, c.judgements, o);
        const auto m = byId(ds);
        QCOMPARE(m.at("g#q0")->status, st::PairStatus::AutoAccepted);
        QCOMPARE(m.at("g#q0")->chosen, 1);
        QVERIFY(!m.at("g#q0")->orders_agree.has_value());
    }

    void counts() {
        const Crafted c = crafted();
        const auto ds = st::decidePairs(c.items, c.judgements, strict());
        const auto s = st::countStatuses(ds);
        QCOMPARE(s.at("auto_accepted"), 2LL);
        QCOMPARE(s.at("needs_review"), 5LL);
        QCOMPARE(s.at("rejected"), 1LL);
        QCOMPARE(s.at("incomplete"), 2LL);
        const auto t = st::totalJudgements(c.judgements);
        QCOMPARE(t.requests, 18LL);
        QCOMPARE(t.ok, 16LL);
        QCOMPARE(t.unparseable, 1LL);
        QCOMPARE(t.failed, 1LL);
    }

    void biasFigures() {
        const Crafted c = crafted();
        const auto b = st::measureBias(st::decidePairs(c.items, c.judgements, strict()));
        // both orders parsed: a b c d e j (f has an unparseable order, g one order, h rejected first)
        QCOMPARE(b.both_orders, 6LL);
        QCOMPARE(b.order_flips, 1LL);
        QCOMPARE(b.order_flip_rate, 1.0 / 6.0);
        // every parsed judgement counts (also h's, rejected for identical answers): 16 parsed, 14
        // decisive (c's two are ties), the first shown won 8; the first-minus-second scores sum to 5
        QCOMPARE(b.decisive, 14LL);
        QCOMPARE(b.first_shown_won, 8LL);
        QCOMPARE(b.first_shown_win_rate, 8.0 / 14.0);
        QCOMPARE(b.mean_first_minus_second, 5.0 / 16.0);
        QCOMPARE(b.accepted, 2LL);
        QCOMPARE(b.chosen_longer, 1LL);  // a's chosen is longer, j's is shorter
        // Pearson r of length differences (20,-1,7,4) and score differences (3,1,1,-4.5) for a d e j,
        // computed with Python's statistics.correlation: 0.5104044736267598
        QCOMPARE(b.correlation_n, 4LL);
        QVERIFY(qAbs(b.length_score_correlation - 0.5104044736267598) < 1e-12);
    }

    void stllavaWriter() {
        const Crafted c = crafted();
        const auto ds = st::decidePairs(c.items, c.judgements, strict());
        QTemporaryDir dir;
        const std::string path = dir.filePath("pairs.stllava.json").toStdString();
        QCOMPARE(st::writeStllavaPairs(path, ds), std::size_t(2));
        const json all = json::parse(stllava::readFile(path));
        QVERIFY(all.is_array());
        QCOMPARE(all.size(), std::size_t(2));
        const json& a = all[0];
        QCOMPARE(a["id"].get<std::string>(), std::string("a#q0"));
        QCOMPARE(a["image"].get<std::string>(), std::string("img.png"));
        const json& chosen = a["chosen_conversations"];
        const json& rejected = a["reject_conversations"];
        QCOMPARE(chosen.size(), std::size_t(4));
        QCOMPARE(chosen[0]["from"].get<std::string>(), std::string("human"));
        QCOMPARE(chosen[0]["value"].get<std::string>(),
                 std::string("<image>\nCan you describe the image in detail?"));
        QCOMPARE(chosen[1]["from"].get<std::string>(), std::string("gpt"));
        QCOMPARE(chosen[2]["value"].get<std::string>(), std::string("What does a#q0 show?"));
        QCOMPARE(chosen[3]["value"].get<std::string>(), std::string("A long and careful answer."));
        QCOMPARE(rejected[3]["value"].get<std::string>(), std::string("Short."));
        for (int t = 0; t < 3; ++t) QVERIFY(chosen[t] == rejected[t]);
        QCOMPARE(a["status"].get<std::string>(), std::string("auto_accepted"));
        QCOMPARE(a["judge_model"].get<std::string>(), std::string("judge-x"));
        QCOMPARE(a["scores"]["answer1"].get<double>(), 8.5);
        QCOMPARE(a["scores"]["order_12"]["score_answer1"].get<double>(), 8.0);
        QCOMPARE(a["scores"]["order_21"]["score_answer1"].get<double>(), 9.0);
        QCOMPARE(a["scores"]["order_21"]["rationale"].get<std::string>(),
                 std::string("rationale for a#q0 21"));
        QCOMPARE(a["seeds"]["chosen"].get<int>(), 40);
        QCOMPARE(all[1]["chosen_conversations"][3]["value"].get<std::string>(),
                 std::string("y"));  // j: answer 2
    }

    void trlWriter() {
        const Crafted c = crafted();
        const auto ds = st::decidePairs(c.items, c.judgements, strict());
        QTemporaryDir dir;
        const std::string path = dir.filePath("pairs.trl.jsonl").toStdString();
        QCOMPARE(st::writeTrlPairs(path, ds), std::size_t(2));
        std::vector<json> lines;
        st::readJsonl(path, [&](const json& j, std::size_t) { lines.push_back(j); });
        QCOMPARE(lines.size(), std::size_t(2));
        const json& a = lines[0];
        QCOMPARE(a["prompt"].size(), std::size_t(3));
        QCOMPARE(a["prompt"][0]["role"].get<std::string>(), std::string("user"));
        QCOMPARE(a["prompt"][0]["content"][0]["type"].get<std::string>(), std::string("image"));
        QCOMPARE(a["chosen"][0]["role"].get<std::string>(), std::string("assistant"));
        QCOMPARE(a["chosen"][0]["content"][0]["text"].get<std::string>(),
                 std::string("A long and careful answer."));
        QCOMPARE(a["rejected"][0]["content"][0]["text"].get<std::string>(), std::string("Short."));
        QCOMPARE(a["images"][0].get<std::string>(), std::string("img.png"));
        QCOMPARE(a["scores"]["margin"].get<double>(), 3.0);
    }

    void reviewList() {
        const Crafted c = crafted();
        const auto ds = st::decidePairs(c.items, c.judgements, strict());
        QTemporaryDir dir;
        const std::string path = dir.filePath("pairs.review.jsonl").toStdString();
        QCOMPARE(st::writeReviewList(path, ds), std::size_t(6));
        std::map<std::string, std::string> reasons;
        st::readJsonl(path, [&](const json& j, std::size_t) {
            reasons[j["id"].get<std::string>()] = j["reason"].get<std::string>();
            QCOMPARE(j["answers"].size(), std::size_t(2));
        });
        QCOMPARE(reasons.at("b#q0"), std::string("order_flip"));
        QCOMPARE(reasons.at("h#q0"), std::string("identical_answers"));
        QCOMPARE(reasons.at("f#q0"), std::string("unparseable_reply"));
        QVERIFY(!reasons.count("a#q0"));
        QVERIFY(!reasons.count("i#q0"));
    }
};

QTEST_GUILESS_MAIN(TestSelftrainPairs)
#include "test_selftrain_pairs.moc"
