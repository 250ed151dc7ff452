// Data set readers and up-front validation: LLaVA instruction JSON (array and JSON lines),
// STLLaVA and TRL preference files; bad items are reported with index, id and cause, never thrown.
#include "training/dataset.h"
#include "fixtures/training_data.h"

#include <QTemporaryDir>
#include <QTest>

using namespace stllava::training;
using nlohmann::json;

class TestDataset : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;

    bool hasIssue(const DataReport& r, std::size_t index, const std::string& fragment) {
        for (const auto& i : r.issues)
            if (i.index == index && i.problem.find(fragment) != std::string::npos) return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        d_ = dir_.path().toStdString();
        std::ofstream(d_ + "/a.png") << "x";
    }

    void instructValidation() {
        json items = json::array();
        items.push_back({{"id", "ok"}, {"image", "a.png"}, {"conversations", {{{"from", "human"}, {"value", "<image>\nWhat?"}}, {{"from", "gpt"}, {"value", "A lung."}}}}});
        items.push_back({{"id", "missing"}, {"image", "b.png"}, {"conversations", {{{"from", "human"}, {"value", "<image>\nWhat?"}}, {{"from", "gpt"}, {"value", "A."}}}}});
        items.push_back({{"id", "nomarker"}, {"image", "a.png"}, {"conversations", {{{"from", "human"}, {"value", "What?"}}, {{"from", "gpt"}, {"value", "A."}}}}});
        items.push_back({{"id", "empty"}, {"image", "a.png"}, {"conversations", {{{"from", "human"}, {"value", "<image>\nWhat?"}}, {{"from", "gpt"}, {"value", "  "}}}}});
        items.push_back({{"id", "order"}, {"conversations", {{{"from", "gpt"}, {"value", "A."}}, {{"from", "human"}, {"value", "Q?"}}}}});
        items.push_back({{"id", "malformed"}, {"conversations", {{{"from", "human"}}}}});
        items.push_back({{"id", "textonly"}, {"conversations", {{{"from", "human"}, {"value", "Q?"}}, {{"from", "gpt"}, {"value", "A."}}}}});
        items.push_back({{"id", 7}, {"conversations", {{{"from", "human"}, {"value", "Q?"}}, {{"from", "robot"}, {"value", "A."}}}}});
        items.push_back({{"id", "unanswered"}, {"conversations", {{{"from", "human"}, {"value", "Q?"}}}}});
        fixtures::writeJson(d_ + "/inst.json", items);
        DataOptions o;
        o.image_folder = d_;
        const auto ds = loadInstructData(d_ + "/inst.json", o);
        QCOMPARE(ds.report.total, std::size_t(9));
        QCOMPARE(ds.items.size(), std::size_t(2));
        QCOMPARE(ds.items[0].id, std::string("ok"));
        QCOMPARE(ds.items[1].id, std::string("textonly"));
        QVERIFY(hasIssue(ds.report, 1, "not found"));
        QVERIFY(hasIssue(ds.report, 2, "no <image>"));
        QVERIFY(hasIssue(ds.report, 3, "empty answer"));
        QVERIFY(hasIssue(ds.report, 4, "alternate"));
        QVERIFY(hasIssue(ds.report, 5, "'from' and 'value'"));
        QVERIFY(hasIssue(ds.report, 7, "unknown role"));
        QVERIFY(hasIssue(ds.report, 8, "does not end with an answer"));
        QCOMPARE(ds.report.issues[5].id, std::string("7"));
        QVERIFY(ds.report.summary().find("2 of 9 items usable") != std::string::npos);
        QCOMPARE(imagePath(o, "a.png"), d_ + "/a.png");
    }

    void jsonLinesAndErrors() {
        std::ofstream(d_ + "/inst.jsonl") << fixtures::instructItems(1)[0].dump() << "\n\n" << fixtures::instructItems(2)[1].dump() << "\n";
        QCOMPARE(loadInstructData(d_ + "/inst.jsonl").items.size(), std::size_t(2));
        std::ofstream(d_ + "/bad.json") << "[{\"id\": ";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadInstructData(d_ + "/bad.json"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadInstructData(d_ + "/absent.json"));
    }

    void preferenceFormats() {
        const json q = {{"from", "human"}, {"value", "<image>\nWhat organ?"}};
        json items = json::array();
        // STLLaVA layout.
        items.push_back({{"image", "a.png"},
                         {"chosen_conversations", {q, {{"from", "gpt"}, {"value", "The liver."}}}},
                         {"reject_conversations", {q, {{"from", "gpt"}, {"value", "A cat."}}}}});
        // TRL, conversational with an image part.
        items.push_back({{"prompt", {{{"role", "user"}, {"content", {{{"type", "image"}}, {{"type", "text"}, {"text", "What organ?"}}}}}}},
                         {"chosen", {{{"role", "assistant"}, {"content", "The liver."}}}},
                         {"rejected", {{{"role", "assistant"}, {"content", {{{"type", "text"}, {"text", "A cat."}}}}}}},
                         {"images", {"a.png"}}});
        // TRL, plain strings.
        items.push_back({{"prompt", "<image>\nWhat organ?"}, {"chosen", "The liver."}, {"rejected", "A cat."}, {"images", {"a.png"}}});
        // Bad: prompts differ; missing image; empty rejected.
        items.push_back({{"image", "a.png"},
                         {"chosen_conversations", {q, {{"from", "gpt"}, {"value", "x"}}}},
                         {"reject_conversations", {{{"from", "human"}, {"value", "<image>\nOther?"}}, {{"from", "gpt"}, {"value", "y"}}}}});
        items.push_back({{"prompt", "<image>\nQ?"}, {"chosen", "a"}, {"rejected", "b"}, {"images", {"zz.png"}}});
        items.push_back({{"prompt", "<image>\nQ?"}, {"chosen", "a"}, {"rejected", ""}, {"images", {"a.png"}}});
        items.push_back({{"foo", 1}});
        fixtures::writeJson(d_ + "/pref.json", items);
        DataOptions o;
        o.image_folder = d_;
        const auto ds = loadPreferenceData(d_ + "/pref.json", o);
        QCOMPARE(ds.items.size(), std::size_t(3));
        for (const auto& it : ds.items) {
            QCOMPARE(it.image, std::string("a.png"));
            QCOMPARE(it.prompt.size(), std::size_t(1));
            QCOMPARE(it.prompt[0].text, std::string("<image>\nWhat organ?"));
            QCOMPARE(it.chosen, std::string("The liver."));
            QCOMPARE(it.rejected, std::string("A cat."));
        }
        QVERIFY(hasIssue(ds.report, 3, "differ before the last answer"));
        QVERIFY(hasIssue(ds.report, 4, "not found"));
        QVERIFY(hasIssue(ds.report, 5, "empty answer"));
        QVERIFY(hasIssue(ds.report, 6, "neither STLLaVA"));
        // The digest follows the content.
        auto changed = ds.items;
        QCOMPARE(datasetDigest(changed), datasetDigest(ds.items));
        changed[1].rejected += "!";
        QVERIFY(datasetDigest(changed) != datasetDigest(ds.items));
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "test_dataset.moc"
