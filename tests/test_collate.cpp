// Collation: labels exactly on the answers (and, with question learning, the VUSER questions),
// checked token by token; seeded question learning; truncation that never cuts an image; padding;
// the epoch's batch order (seeded, length-grouped).
#include "training/collate.h"
#include "fixtures/training_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace stllava::training;
using stllava::Tokenizer;
namespace prompt = stllava::prompt;

namespace {

std::vector<std::vector<std::int32_t>> targetRuns(const Example& e) {
    std::vector<std::vector<std::int32_t>> runs;
    bool in = false;
    for (std::size_t i = 0; i < e.ids.size(); ++i) {
        const bool t = e.labels[i] != prompt::kIgnoreIndex;
        if (t && !in) runs.emplace_back();
        if (t) runs.back().push_back(static_cast<std::int32_t>(e.labels[i]));
        in = t;
    }
    return runs;
}

InstructItem threeTurns() {
    const auto& q = fixtures::questions();
    const auto& a = fixtures::answers();
    InstructItem it;
    it.id = "x";
    it.image = "img.png";
    it.conversation = {{prompt::Role::User, prompt::withImage(q[0])},
                       {prompt::Role::Assistant, a[0]},
                       {prompt::Role::User, q[1]},
                       {prompt::Role::Assistant, a[1]},
                       {prompt::Role::User, q[2]},
                       {prompt::Role::Assistant, a[2]}};
    return it;
}

// Answers and questions that start with a digit or a byte-fallback character: sentencepiece writes
// the space after the role prefix as a lone U+2581, which LLaVA's masking keeps in the target.
InstructItem digitTurns() {
    InstructItem it;
    it.id = "d";
    it.image = "img.png";
    it.conversation = {{prompt::Role::User, prompt::withImage("How many nodules?")},
                       {prompt::Role::Assistant, "5 nodules."},
                       {prompt::Role::User, "3 lesions: where?"},
                       {prompt::Role::Assistant, "\xE8\x82\xBA, the lungs."},
                       {prompt::Role::User, "Size?"},
                       {prompt::Role::Assistant, "12 mm."}};
    return it;
}

}  // namespace

class TestCollate : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string model_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        model_ = fixtures::trainTokenizer(dir_.path().toStdString());
    }

    void labelsTokenByToken_data() {
        QTest::addColumn<double>("sq_r");
        QTest::addColumn<bool>("digits");
        QTest::newRow("answers only") << 0.0 << false;
        QTest::newRow("every later question a VUSER question") << 1.0 << false;
        QTest::newRow("answers starting with a digit") << 0.0 << true;
        QTest::newRow("VUSER questions starting with a digit") << 1.0 << true;
    }
    void labelsTokenByToken() {
        QFETCH(double, sq_r);
        QFETCH(bool, digits);
        const Tokenizer tok = Tokenizer::load(model_);
        CollateOptions co;
        co.sq_r = sq_r;
        co.image_tokens = 4;
        const InstructItem item = digits ? digitTurns() : threeTurns();
        const Example e = instructExample(tok, item, {}, co, 0, 0);
        const auto& c = item.conversation;
        const std::vector<std::string> texts =
            sq_r > 0 ? std::vector<std::string>{c[1].text, c[2].text, c[3].text, c[4].text, c[5].text}
                     : std::vector<std::string>{c[1].text, c[3].text, c[5].text};
        const auto runs = targetRuns(e);
        QCOMPARE(runs.size(), texts.size());
        for (std::size_t r = 0; r < runs.size(); ++r) {
            QCOMPARE(runs[r].back(), tok.eosId());
            const std::vector<std::int32_t> body(runs[r].begin(), runs[r].end() - 1);
            QCOMPARE(tok.decode(body), texts[r]);
            // The run is exactly the text's own tokens as encoded alone, then EOS: the space after
            // the role prefix is the text's leading "▁" (a lone U+2581 piece before a digit or a
            // byte-fallback character is a target, as in LLaVA's masking).
            QCOMPARE(body, tok.encode(texts[r]));
        }
        for (std::size_t i = 0; i < e.ids.size(); ++i) {
            QVERIFY(e.labels[i] == prompt::kIgnoreIndex || e.labels[i] == e.ids[i]);
            if (e.labels[i] != prompt::kIgnoreIndex) {
                const std::string piece = tok.idToPiece(static_cast<std::int32_t>(e.ids[i]));
                QVERIFY2(piece.find("USER") == std::string::npos && piece.find("ASSIST") == std::string::npos,
                         piece.c_str());
            }
        }
        QCOMPARE(std::count(e.ids.begin(), e.ids.end(), prompt::kImageTokenId), 1L);
        QCOMPARE(e.image, std::string("img.png"));
    }

    void questionLearningIsSeeded() {
        prompt::Conversation conv;
        for (int t = 0; t < 40; ++t) {
            conv.push_back({prompt::Role::User, "q"});
            conv.push_back({prompt::Role::Assistant, "a"});
        }
        const auto a = questionLearning(conv, 0.5, 42, 3, 17);
        const auto b = questionLearning(conv, 0.5, 42, 3, 17);
        const auto c = questionLearning(conv, 0.5, 42, 4, 17);
        int vuser = 0, diff = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].role, b[i].role);
            vuser += a[i].role == prompt::Role::VUser;
            diff += a[i].role != c[i].role;
        }
        QCOMPARE(a[0].role, prompt::Role::User);  // the first question is never a VUSER turn
        QVERIFY(vuser > 8 && vuser < 31);         // 39 draws at p = 0.5
        QVERIFY(diff > 0);                        // another epoch, other roles
        for (const auto& m : questionLearning(conv, 0.0, 42, 3, 17)) QVERIFY(m.role != prompt::Role::VUser);
    }

    void truncationKeepsImages() {
        Example e;
        e.ids = {1, 5, prompt::kImageTokenId, 6, 7, 8, 9};
        e.labels = {-100, -100, -100, -100, 7, 8, 9};
        Example cut = e;
        truncate(cut, 9, 4);  // 1,5,[4 image],6,7,8,9 = 10 positions -> the last token goes
        QCOMPARE(cut.ids.size(), std::size_t(6));
        QCOMPARE(cut.expandedLength(4), std::int64_t(9));
        QCOMPARE(cut.targets(), std::int64_t(2));
        Example small = e;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, truncate(small, 5, 4));  // the image would be cut
        Example notarget = e;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, truncate(notarget, 7, 4));  // no answer token left
        Example fits = e;
        truncate(fits, 100, 4);
        QCOMPARE(fits.ids, e.ids);
    }

    void collatePads() {
        CollateOptions co;
        co.image_tokens = 4;
        co.pad_id = 0;
        Example a, b;
        a.ids = {1, prompt::kImageTokenId, 5, 6};
        a.labels = {-100, -100, -100, 6};
        a.image = "a";
        b.ids = {1, 9};
        b.labels = {-100, 9};
        int loads = 0;
        const Batch batch = collate({a, b}, co, [&](const std::string& p) {
            ++loads;
            return torch::full({3, 28, 28}, p == "a" ? 1.0f : 2.0f);
        });
        QCOMPARE(loads, 1);
        QCOMPARE(batch.input_ids.sizes().vec(), (std::vector<std::int64_t>{2, 4}));
        QCOMPARE(batch.pixel_values.sizes().vec(), (std::vector<std::int64_t>{1, 3, 28, 28}));
        QVERIFY(torch::equal(batch.attention_mask,
                             torch::tensor({1, 1, 1, 1, 1, 1, 0, 0}, torch::kInt64).view({2, 4})));
        QVERIFY(torch::equal(batch.labels[1], torch::tensor({-100, 9, -100, -100}, torch::kInt64)));
        QVERIFY(torch::equal(batch.input_ids[1], torch::tensor({1, 9, 0, 0}, torch::kInt64)));
        QCOMPARE(batch.tokens, std::int64_t(7 + 2));
        QCOMPARE(batch.target_tokens, std::int64_t(2));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, collate({a}, co, {}));
    }

    void epochOrder() {
        std::vector<std::int64_t> lengths;
        for (int i = 0; i < 37; ++i) lengths.push_back((i * 7919) % 101);
        const auto a = epochBatches(lengths, 4, 42, 0, true, true, 8);
        const auto b = epochBatches(lengths, 4, 42, 0, true, true, 8);
        const auto c = epochBatches(lengths, 4, 42, 1, true, true, 8);
        QCOMPARE(a, b);
        QVERIFY(a != c);
        QCOMPARE(a.size(), std::size_t(10));
        QCOMPARE(a.back().size(), std::size_t(1));
        std::set<std::size_t> all;
        for (const auto& batch : a) all.insert(batch.begin(), batch.end());
        QCOMPARE(all.size(), std::size_t(37));
        // Within a mega-batch of 8 (two batches) lengths fall.
        for (std::size_t m = 0; m + 1 < a.size(); m += 2) {
            std::vector<std::size_t> mega(a[m]);
            mega.insert(mega.end(), a[m + 1].begin(), a[m + 1].end());
            for (std::size_t i = 1; i < mega.size(); ++i) QVERIFY(lengths[mega[i - 1]] >= lengths[mega[i]]);
        }
        const auto plain = epochBatches(lengths, 4, 42, 0, false, false, 0);
        QCOMPARE(plain[0], (std::vector<std::size_t>{0, 1, 2, 3}));
    }
};

QTEST_GUILESS_MAIN(TestCollate)
#include "test_collate.moc"
