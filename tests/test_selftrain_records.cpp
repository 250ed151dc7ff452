// The job folder's files: append-only JSONL with torn-line repair, readers that name file, line
// and field, record round trips, the judge protocol's exact text and request body, price table.
#include "common/atomic_file.h"
#include "selftrain/job_records.h"
#include "selftrain/jsonl.h"
#include "selftrain/judge_protocol.h"
#include "selftrain/pricing.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

namespace st = stllava::selftrain;
using nlohmann::json;

namespace {

void writeRaw(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

st::GeneratedItem sampleItem() {
    st::GeneratedItem it;
    it.item_id = "chest.png#q0";
    it.image = "images/chest.png";
    it.image_sha256 = std::string(64, 'a');
    it.description = "A frontal chest radiograph.";
    it.question_index = 0;
    it.question = "Is there a pneumothorax?";
    it.answers = {"No pneumothorax is seen.", "There is a small left apical pneumothorax."};
    it.seeds = {40, 42};
    it.stop_reasons = {"eos", "eos"};
    return it;
}

}  // namespace

class TestSelftrainRecords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendAndRead() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.jsonl").toStdString();
        {
            st::JsonlWriter w(path);
            QCOMPARE(w.repairedBytes(), std::size_t(0));
            w.append(std::vector<json>{{{"n", 1}}, {{"n", 2}}});
            w.append(json{{"n", 3}});
        }
        std::vector<int> seen;
        st::readJsonl(path, [&](const json& j, std::size_t line) {
            seen.push_back(j["n"].get<int>());
            QCOMPARE(line, static_cast<std::size_t>(seen.size()));
        });
        QCOMPARE(seen, (std::vector<int>{1, 2, 3}));
    }

    void tornLastLineRepairedOnOpen() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.jsonl").toStdString();
        writeRaw(path, "{\"n\":1}\n{\"n\":2}\n{\"n\":3,\"te");  // a crash mid-write
        int n = 0;
        st::readJsonl(path, [&](const json&, std::size_t) { ++n; });
        QCOMPARE(n, 2);  // the reader skips the unterminated line
        {
            st::JsonlWriter w(path);
            QCOMPARE(w.repairedBytes(), std::string("{\"n\":3,\"te").size());
            w.append(json{{"n", 4}});
        }
        QCOMPARE(stllava::readFile(path), std::string("{\"n\":1}\n{\"n\":2}\n{\"n\":4}\n"));
    }

    void tornOnlyLine() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.jsonl").toStdString();
        writeRaw(path, "{\"n\":");
        st::JsonlWriter w(path);
        QCOMPARE(w.repairedBytes(), std::size_t(5));
        w.append(json{{"n", 1}});
        QCOMPARE(stllava::readFile(path), std::string("{\"n\":1}\n"));
    }

    void badLineNamesFileAndLine() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("items.jsonl").toStdString();
        writeRaw(path, "{\"n\":1}\n\nnot json\n");
        try {
            st::readJsonl(path, [](const json&, std::size_t) {});
            QFAIL("no error");
        } catch (const st::RecordError& e) {
            QCOMPARE(e.line, std::size_t(3));
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path + ":3: not valid JSON")),
                     e.what());
        }
    }

    void missingFieldNamesField() {
        QTemporaryDir dir;
        const std::string job = dir.path().toStdString();
        json item = st::toJson(sampleItem());
        item.erase("question");
        json bad_type = st::toJson(sampleItem());
        bad_type["answers"] = {"a", 7};
        writeRaw(st::jobPath(job, st::kItemsFile),
                 st::toJson(sampleItem()).dump() + "\n" + item.dump() + "\n");
        try {
            st::readItems(job);
            QFAIL("no error");
        } catch (const st::RecordError& e) {
            QVERIFY2(QString(e.what()).contains("items.jsonl:2: field 'question': missing"), e.what());
        }
        writeRaw(st::jobPath(job, st::kItemsFile), bad_type.dump() + "\n");
        try {
            st::readItems(job);
            QFAIL("no error");
        } catch (const st::RecordError& e) {
            QVERIFY2(QString(e.what()).contains("items.jsonl:1: field 'answers[1]': expected a string"),
                     e.what());
        }
    }

    void itemRoundTrip() {
        QTemporaryDir dir;
        const std::string job = dir.path().toStdString();
        {
            st::JsonlWriter w(st::jobPath(job, st::kItemsFile));
            w.append(st::toJson(sampleItem()));
        }
        const auto items = st::readItems(job);
        QCOMPARE(items.size(), std::size_t(1));
        const auto& it = items[0];
        const auto ref = sampleItem();
        QCOMPARE(it.item_id, ref.item_id);
        QCOMPARE(it.describe_prompt, std::string("Can you describe the image in detail?"));
        QCOMPARE(it.answers, ref.answers);
        QCOMPARE(it.seeds, ref.seeds);
        QCOMPARE(it.stop_reasons, ref.stop_reasons);
    }

    void jobInfo() {
        QTemporaryDir dir;
        const std::string job = dir.path().toStdString();
        QVERIFY_THROWS_EXCEPTION(st::RecordError, st::readJobInfo(job));
        st::JobInfo info;
        info.model = {{"folder", "/models/stllava"}};
        info.settings = {{"questions", 5}};
        info.created = st::isoTimeNow();
        st::writeJobInfo(job, info);
        const st::JobInfo back = st::readJobInfo(job);
        QCOMPARE(back.settings["questions"].get<int>(), 5);
        writeRaw(st::jobPath(job, st::kJobFile), R"({"format":"something-else/2"})");
        try {
            st::readJobInfo(job);
            QFAIL("no error");
        } catch (const st::RecordError& e) {
            QVERIFY2(QString(e.what()).contains("field 'format'"), e.what());
        }
    }

    void judgementRoundTripMapsOrders() {
        st::Judgement j;
        j.item_id = "x#q1";
        j.order = st::AnswerOrder::Swapped;
        j.status = st::JudgeStatus::Ok;
        j.first_score = 9;   // shown first = answer 2
        j.second_score = 4;  // answer 1
        j.usage = {1200, 80};
        j.cost_usd = 0.0038;
        const json line = st::toJson(j);
        QCOMPARE(line["score_answer1"].get<double>(), 4.0);
        QCOMPARE(line["score_answer2"].get<double>(), 9.0);
        const st::Judgement back = st::judgementFromJson(line, "judgements.jsonl", 1);
        QCOMPARE(*back.scoreOfAnswer(1), 4.0);
        QCOMPARE(*back.scoreOfAnswer(2), 9.0);
        QCOMPARE(back.usage.prompt_tokens, 1200LL);
        QCOMPARE(*back.cost_usd, 0.0038);
        json bad = line;
        bad["order"] = "13";
        QVERIFY_THROWS_EXCEPTION(st::RecordError, st::judgementFromJson(bad, "judgements.jsonl", 7));
        json no_scores = line;
        no_scores["first_score"] = nullptr;
        QVERIFY_THROWS_EXCEPTION(st::RecordError, st::judgementFromJson(no_scores, "judgements.jsonl", 7));
    }

    void userContentIsMethodText() {
        const std::string text = st::judgeUserContent("Q?", "A one", "A two", "RULE");
        QCOMPARE(text, std::string(
                           "[Question]\nQ?\n\n[Answer 1]\nA one\n\n[End of Answer 1]\n\n[Answer 2]\nA two\n\n"
                           "[End of Answer 2]\n\n[System]\nRULE\n\n"));
    }

    void generatedImageMarkersAreNotPlaceholders() {
        // A tiny model wrote "<image>" in its answer: a LLaVA server would count a second image.
        const std::string text = st::judgeUserContent("What is <image>?", "<image><image> x", "y", "RULE");
        QCOMPARE(text.find("<image>"), std::string::npos);
        QVERIFY(text.find("[Question]\nWhat is [image]?") != std::string::npos);
        QVERIFY(text.find("[Answer 1]\n[image][image] x") != std::string::npos);
    }

    void requestBody() {
        const auto item = sampleItem();
        const auto spec = st::judgeRequestFor(item, st::AnswerOrder::Swapped, "gpt-4o",
                                              st::defaultJudgeRule(), "data:image/png;base64,AAAA");
        const json body = json::parse(st::judgeRequestBody(spec));
        QCOMPARE(body["model"].get<std::string>(), std::string("gpt-4o"));
        QCOMPARE(body["temperature"].get<double>(), 0.2);
        const json& content = body["messages"][0]["content"];
        QCOMPARE(body["messages"][0]["role"].get<std::string>(), std::string("user"));
        const std::string text = content[0]["text"].get<std::string>();
        // swapped: answer 2 is shown as "Answer 1"
        QVERIFY(text.find("[Answer 1]\n" + item.answers[1] + "\n\n[End of Answer 1]") != std::string::npos);
        QVERIFY(text.find("[Answer 2]\n" + item.answers[0] + "\n\n[End of Answer 2]") != std::string::npos);
        QVERIFY(text.find(st::defaultJudgeRule()) != std::string::npos);
        QCOMPARE(content[1]["type"].get<std::string>(), std::string("image_url"));
        QCOMPARE(content[1]["image_url"]["url"].get<std::string>(),
                 std::string("data:image/png;base64,AAAA"));
        QCOMPARE(st::judgeRequestBody(spec), st::judgeRequestBody(spec));  // deterministic
        st::GeneratedItem three = item;
        three.answers.push_back("third");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 st::judgeRequestFor(three, st::AnswerOrder::Forward, "m", "r", ""));
    }

    void defaultRuleAsksForTheFormat() {
        const std::string& rule = st::defaultJudgeRule();
        for (const char* must :
             {"halluc", "accuracy", "relevance", "helpfulness", "detail", "1 to 10", "first line"})
            QVERIFY2(rule.find(must) != std::string::npos, must);
    }

    void ruleFromFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("rule.txt").toStdString();
        writeRaw(path, "Score both.\n\n");
        QCOMPARE(st::readJudgeRule(path), std::string("Score both."));
        writeRaw(path, " \n");
        QVERIFY_THROWS_EXCEPTION(st::RecordError, st::readJudgeRule(path));
    }

    void responseParsing() {
        const auto r = st::parseJudgeResponse(
            R"({"choices":[{"message":{"role":"assistant","content":"8 6\nok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":900,"completion_tokens":40}})");
        QCOMPARE(r.content, std::string("8 6\nok"));
        QCOMPARE(r.usage.prompt_tokens, 900LL);
        QCOMPARE(r.usage.completion_tokens, 40LL);
        QVERIFY(r.has_usage);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, st::parseJudgeResponse("{\"choices\":[]}"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, st::parseJudgeResponse("{\"choi"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 st::parseJudgeResponse("{\"error\":{\"message\":\"x\"}}"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 st::parseJudgeResponse(R"({"choices":[{"message":{"content":5}}]})"));
    }

    void prices() {
        st::PriceTable t = st::PriceTable::builtIn();
        // 1M prompt tokens at $2.50 + 100k completion tokens at $10 / 1M = $3.50
        QCOMPARE(*t.cost("gpt-4o", {1000000, 100000}), 3.5);
        QCOMPARE(*t.cost("gpt-4o-2024-08-06", {1000000, 0}), 2.5);
        QCOMPARE(*t.cost("gpt-4o-mini-2024-07-18", {1000000, 0}), 0.15);
        QVERIFY(!t.cost("llava-med-local", {10, 10}).has_value());
        QTemporaryDir dir;
        const std::string path = dir.filePath("prices.json").toStdString();
        writeRaw(
            path,
            R"({"llava-med-local": {"input_per_mtok": 0, "output_per_mtok": 0}, "gpt-4o": {"input_per_mtok": 5, "output_per_mtok": 15}})");
        t.load(path);
        QCOMPARE(*t.cost("llava-med-local", {10, 10}), 0.0);
        QCOMPARE(*t.cost("gpt-4o", {1000000, 0}), 5.0);
        writeRaw(path, R"({"m": {"input_per_mtok": "cheap"}})");
        try {
            t.load(path);
            QFAIL("no error");
        } catch (const st::RecordError& e) {
            QVERIFY2(QString(e.what()).contains("input_per_mtok"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestSelftrainRecords)
#include "test_selftrain_records.moc"
