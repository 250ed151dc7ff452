// Conversation templates (strings copied from METHOD.md as literals), their renderings, and
// tokenisation with labels checked token by token against a real sentencepiece tokenizer trained here.
#include "prompt/conversation.h"
#include "prompt/tokenize.h"

#include "fixtures/tiny_tokenizer.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace stllava::prompt;
using stllava::Tokenizer;

namespace {

// From ../shared/METHOD.md, "Conversation templates", character for character.
const std::string kVicunaSystem =
    "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's questions.";
const std::string kLlavaSystem =
    "A chat between a curious human and an artificial intelligence assistant. The assistant gives helpful, detailed, and polite answers to the human's questions.";
const std::string kSqSuffix =
    "Also, the artificial intelligence assistant is a curious virtual user. The virtual user asks complex questions that are relevant to the content in the image, for example, asking about background knowledge of the objects in the image, asking to discuss about events happening in the image, etc. Again, do not ask about uncertain details.";

const std::string q1 = "What is shown in this chest X-ray?";
const std::string a1 = "The chest X-ray shows a small pleural effusion on the left side.";
const std::string q2 = "Is the heart size normal?";
const std::string a2 = "Yes, the heart size is within normal limits.";
const std::string q3 = "What organ is shown?";
const std::string a3 = "The lungs, with a 3.5 cm nodule. R\xC3\xB6ntgen: Lungen\xC3\xB6" "dem \xE8\x82\xBA";  // multi-byte text

Conversation stage1() {
    return {{Role::User, withImage(q1)}, {Role::Assistant, a1}, {Role::VUser, q2},
            {Role::Assistant, a2},       {Role::User, q3},      {Role::Assistant, a3}};
}

std::vector<std::int64_t> widen(const std::vector<std::int32_t>& v) { return {v.begin(), v.end()}; }

// Maximal runs of consecutive target tokens.
std::vector<std::vector<std::int32_t>> targetRuns(const TokenizedPrompt& p) {
    std::vector<std::vector<std::int32_t>> runs;
    bool in = false;
    for (std::size_t i = 0; i < p.ids.size(); ++i) {
        const bool t = p.labels[i] != kIgnoreIndex;
        if (t && !in) runs.emplace_back();
        if (t) runs.back().push_back(static_cast<std::int32_t>(p.labels[i]));
        in = t;
    }
    return runs;
}

}  // namespace

class TestPrompt : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string model_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        model_ = stllava::testing::trainTinyTokenizer(dir_.path().toStdString(), 500,
                                                      {kVicunaSystem, kSqSuffix, q1, a1, q2, a2, q3, a3});
    }

    void templateStrings() {
        QCOMPARE(getTemplate("vicuna_v1").system, kVicunaSystem);
        QCOMPARE(getTemplate("v1").system, kVicunaSystem);
        QCOMPARE(getTemplate("v1").name, std::string("vicuna_v1"));
        QCOMPARE(getTemplate("llava_v1").system, kLlavaSystem);
        QCOMPARE(getTemplate("v1_sq").system, kVicunaSystem + kSqSuffix);  // "followed directly"
        QCOMPARE(getTemplate("v1_sq").vuser_role, std::string("VUSER"));
        for (const char* n : {"vicuna_v1", "llava_v1", "v1_sq"}) {
            QCOMPARE(getTemplate(n).user_role, std::string("USER"));
            QCOMPARE(getTemplate(n).assistant_role, std::string("ASSISTANT"));
            QCOMPARE(getTemplate(n).sep, std::string(" "));
            QCOMPARE(getTemplate(n).sep2, std::string("</s>"));
        }
        QCOMPARE(templateNames(), (std::vector<std::string>{"llava_v1", "mistral_instruct", "v1", "v1_sq", "vicuna_v1"}));
    }

    void vicunaAndLlavaRendering_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("system");
        QTest::newRow("vicuna_v1") << "vicuna_v1" << QString::fromStdString(kVicunaSystem);
        QTest::newRow("v1") << "v1" << QString::fromStdString(kVicunaSystem);
        QTest::newRow("llava_v1") << "llava_v1" << QString::fromStdString(kLlavaSystem);
    }
    void vicunaAndLlavaRendering() {
        QFETCH(QString, name);
        QFETCH(QString, system);
        const auto& t = getTemplate(name.toStdString());
        const Conversation c = {{Role::User, withImage(q1)}, {Role::Assistant, a1}, {Role::User, q3}, {Role::Assistant, a3}};
        // METHOD.md: system then " USER: <image>\n{q} ASSISTANT: {a}</s>USER: ..."
        const std::string expected = system.toStdString() + " USER: <image>\n" + q1 + " ASSISTANT: " + a1 + "</s>USER: " + q3 +
                                     " ASSISTANT: " + a3 + "</s>";
        QCOMPARE(joinSegments(renderTraining(t, c)), expected);
        const Conversation ask(c.begin(), c.begin() + 3);
        QCOMPARE(renderForGeneration(t, ask),
                 system.toStdString() + " USER: <image>\n" + q1 + " ASSISTANT: " + a1 + "</s>USER: " + q3 + " ASSISTANT:");
        // A leading system message replaces the template's.
        Conversation custom = {{Role::System, "Be brief."}, {Role::User, "Hi?"}};
        QCOMPARE(renderForGeneration(t, custom), std::string("Be brief. USER: Hi? ASSISTANT:"));
    }

    void stage1Rendering() {
        const auto& t = getTemplate("v1_sq");
        const auto segs = renderTraining(t, stage1());
        // METHOD.md: {system} USER: <image>\n{q1} ASSISTANT: {a1}</s>VUSER: {q2}</s> ASSISTANT: {a2}</s>USER: {q3} ASSISTANT: {a3}</s>
        const std::string expected = kVicunaSystem + kSqSuffix + " USER: <image>\n" + q1 + " ASSISTANT: " + a1 + "</s>VUSER: " + q2 +
                                     "</s> ASSISTANT: " + a2 + "</s>USER: " + q3 + " ASSISTANT: " + a3 + "</s>";
        QCOMPARE(joinSegments(segs), expected);
        std::vector<std::string> targets;
        for (const auto& s : segs)
            if (s.target) targets.push_back(s.text);
        QCOMPARE(targets, (std::vector<std::string>{a1 + "</s>", q2 + "</s>", a2 + "</s>", a3 + "</s>"}));
        // A VUSER text that already ends with "</s>" does not get a second one.
        Conversation c = stage1();
        c[2].text = q2 + "</s>";
        QCOMPARE(joinSegments(renderTraining(t, c)), expected);
    }

    void generationAndQuestionSuffixes() {
        const auto& t = getTemplate("v1_sq");
        const std::string head = kVicunaSystem + kSqSuffix + " USER: <image>\n" + q1 + " ASSISTANT: " + a1;
        Conversation c = {{Role::User, withImage(q1)}, {Role::Assistant, a1}};
        QCOMPARE(renderForQuestion(t, c), head + "</s>VUSER:");
        c.push_back({Role::VUser, q2});
        QCOMPARE(renderForGeneration(t, c), head + "</s>VUSER: " + q2 + "</s> ASSISTANT:");
        const std::string g = renderForGeneration(getTemplate("vicuna_v1"), {{Role::User, withImage(q1)}});
        QCOMPARE(g, kVicunaSystem + " USER: <image>\n" + q1 + " ASSISTANT:");
        QVERIFY(g.back() == ':');  // no trailing space, as LLaVA's get_prompt with a None message
    }

    // An answer is the model's text, never markup: a "<image>" in it renders as "[image]" in every
    // rendering (generation, question, training; both separator styles) and counts as no image.
    void assistantTurnsHoldNoImagePlaceholder() {
        const std::string said = "It shows <image> twice: <image>";
        const std::string as_text = "It shows [image] twice: [image]";
        QCOMPARE(withoutImagePlaceholders(said), as_text);
        QCOMPARE(withoutImagePlaceholders("<image<image>>"), std::string("<image[image]>"));
        QCOMPARE(withoutImagePlaceholders("no marker"), std::string("no marker"));
        const Conversation c = {{Role::User, withImage(q1)}, {Role::Assistant, said}, {Role::User, q2}};
        QCOMPARE(imagePlaceholderCount(c), std::size_t(1));
        QCOMPARE(imagePlaceholderCount({{Role::User, "<image><image>"}, {Role::VUser, "<image>"}}), std::size_t(3));
        const auto& sq = getTemplate("v1_sq");
        const std::string head = kVicunaSystem + kSqSuffix + " USER: <image>\n" + q1 + " ASSISTANT: " + as_text;
        QCOMPARE(renderForGeneration(sq, c), head + "</s>USER: " + q2 + " ASSISTANT:");
        QCOMPARE(renderForQuestion(sq, {c[0], c[1]}), head + "</s>VUSER:");
        QCOMPARE(joinSegments(renderTraining(sq, {c[0], c[1]})), head + "</s>");
        QCOMPARE(renderForGeneration(getTemplate("mistral_instruct"), c),
                 "[INST] <image>\n" + q1 + " [/INST] " + as_text + " </s>[INST] " + q2 + " [/INST]");
        const Tokenizer tok = Tokenizer::load(model_);
        QCOMPARE(tokenizePrompt(tok, renderForGeneration(sq, c)).image_positions.size(), std::size_t(1));
    }

    void mistralInstruct() {
        const auto& t = getTemplate("mistral_instruct");
        QCOMPARE(t.system, std::string());
        // METHOD.md: "[INST] <image>\n{q} [/INST] {a} </s>[INST] {q2} [/INST]" (a space before "</s>")
        const Conversation c = {{Role::User, withImage(q1)}, {Role::Assistant, a1}, {Role::User, q2}};
        QCOMPARE(renderForGeneration(t, c),
                 "[INST] <image>\n" + q1 + " [/INST] " + a1 + " </s>[INST] " + q2 + " [/INST]");
        const Conversation full = {{Role::User, withImage(q1)}, {Role::Assistant, a1}};
        const auto segs = renderTraining(t, full);
        QCOMPARE(joinSegments(segs), "[INST] <image>\n" + q1 + " [/INST] " + a1 + " </s>");
        QCOMPARE(segs.back().text, a1 + " </s>");
        QVERIFY(segs.back().target);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderForQuestion(t, full));
    }

    void errors() {
        try {
            getTemplate("chatml");
            QFAIL("no exception");
        } catch (const std::runtime_error& e) {
            const std::string msg = e.what();
            for (const char* n : {"'chatml'", "vicuna_v1", "llava_v1", "v1_sq", "mistral_instruct", "v1"})
                QVERIFY2(msg.find(n) != std::string::npos, msg.c_str());
        }
        const auto& v = getTemplate("vicuna_v1");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderTraining(v, stage1()));  // VUSER needs v1_sq
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderTraining(v, {{Role::Assistant, "a"}, {Role::User, "q"}}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderTraining(v, {{Role::User, "q"}}));  // must end with an answer
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderTraining(v, {}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderForGeneration(v, {{Role::User, "q"}, {Role::Assistant, "a"}}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderForQuestion(v, {{Role::User, "q"}, {Role::Assistant, "a"}}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderForQuestion(getTemplate("v1_sq"), {{Role::User, "q"}}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 renderForGeneration(v, {{Role::User, "q"}, {Role::System, "late"}, {Role::User, "q"}}));
    }

    void roles() {
        QVERIFY(roleFromName("human") == Role::User);
        QVERIFY(roleFromName("gpt") == Role::Assistant);
        QVERIFY(roleFromName("VUSER") == Role::VUser);
        QVERIFY(roleFromName("system") == Role::System);
        QCOMPARE(std::string(roleName(Role::VUser)), std::string("vuser"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, roleFromName("bot"));
    }

    void chooseTemplateFromModel() {
        QCOMPARE(chooseTemplate("/models/llava-med-v1.5-mistral-7b"), std::string("mistral_instruct"));
        QCOMPARE(chooseTemplate("ZachSun/STLLaVA-Med-7B"), std::string("v1_sq"));
        QCOMPARE(chooseTemplate("/ckpt/SQ-LLaVA-7b"), std::string("v1_sq"));
        QCOMPARE(chooseTemplate("liuhaotian/llava-v1.5-7b"), std::string("vicuna_v1"));
        QCOMPARE(chooseTemplate("llava-v1.5-7b", "llava_v1"), std::string("llava_v1"));
        QCOMPARE(chooseTemplate("llava-v1.5-7b", "not_a_template"), std::string("vicuna_v1"));
        QCOMPARE(chooseTemplate("STLLaVA-Med-7B", "v1_sq", "v1"), std::string("vicuna_v1"));  // user override wins
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, chooseTemplate("x", "", "bogus"));
    }

    void trainingLabelsTokenByToken() {
        const Tokenizer tok = Tokenizer::load(model_);
        const auto segs = renderTraining(getTemplate("v1_sq"), stage1());
        const auto p = tokenizeSegments(tok, segs);
        QCOMPARE(p.ids.size(), p.labels.size());

        // The ids are LLaVA's: BOS, the text before <image>, the marker, then each stretch between
        // "</s>" encoded on its own, with "</s>" as the EOS id.
        const std::int32_t eos = tok.eosId();
        std::vector<std::int64_t> expected = {tok.bosId()};
        const auto append = [&](const std::string& s) {
            const auto ids = widen(tok.encode(s));
            expected.insert(expected.end(), ids.begin(), ids.end());
        };
        append(kVicunaSystem + kSqSuffix + " USER: ");
        expected.push_back(kImageTokenId);
        append("\n" + q1 + " ASSISTANT: " + a1);
        expected.push_back(eos);
        append("VUSER: " + q2);
        expected.push_back(eos);
        append(" ASSISTANT: " + a2);
        expected.push_back(eos);
        append("USER: " + q3 + " ASSISTANT: " + a3);
        expected.push_back(eos);
        QCOMPARE(p.ids, expected);
        QCOMPARE(p.image_positions.size(), std::size_t(1));
        QCOMPARE(p.ids[static_cast<std::size_t>(p.image_positions[0])], kImageTokenId);
        QCOMPARE(p.labels[static_cast<std::size_t>(p.image_positions[0])], kIgnoreIndex);

        // Labels: exactly the answers and the VUSER question, each ending with EOS.
        for (std::size_t i = 0; i < p.ids.size(); ++i) QVERIFY(p.labels[i] == kIgnoreIndex || p.labels[i] == p.ids[i]);
        const auto runs = targetRuns(p);
        const std::vector<std::string> texts = {a1, q2, a2, a3};
        if (runs.size() != texts.size() || qEnvironmentVariableIsSet("STLLAVA_DUMP")) {
            for (std::size_t i = 0; i < p.ids.size(); ++i)
                qInfo("%zu %lld %s %lld", i, static_cast<long long>(p.ids[i]),
                      p.ids[i] >= 0 ? tok.idToPiece(static_cast<std::int32_t>(p.ids[i])).c_str() : "IMG", static_cast<long long>(p.labels[i]));
        }
        QCOMPARE(runs.size(), texts.size());
        int total = 0;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            QCOMPARE(runs[r].back(), eos);
            const std::vector<std::int32_t> body(runs[r].begin(), runs[r].end() - 1);
            QCOMPARE(tok.decode(body), texts[r]);
            // Token by token: the run is the text's own tokens (as encoded in place), then EOS.
            for (auto id : body) QVERIFY(id != eos && id != tok.bosId());
            total += static_cast<int>(runs[r].size());
        }
        QCOMPARE(p.targetCount(), total);
        // The role words never carry a label.
        for (std::size_t i = 0; i < p.ids.size(); ++i)
            if (p.labels[i] != kIgnoreIndex) {
                const std::string piece = tok.idToPiece(static_cast<std::int32_t>(p.ids[i]));
                QVERIFY2(piece.find("USER") == std::string::npos && piece.find("ASSIST") == std::string::npos, piece.c_str());
            }
    }

    void mistralLabels() {
        const Tokenizer tok = Tokenizer::load(model_);
        const Conversation c = {{Role::User, withImage(q1)}, {Role::Assistant, a1}, {Role::User, q2}, {Role::Assistant, a3}};
        const auto p = tokenizeSegments(tok, renderTraining(getTemplate("mistral_instruct"), c));
        const auto runs = targetRuns(p);
        QCOMPARE(runs.size(), std::size_t(2));
        // Each run: the answer, the space before "</s>" (its own lone U+2581 token), then EOS.
        for (std::size_t r = 0; r < 2; ++r) {
            QCOMPARE(runs[r].back(), tok.eosId());
            QCOMPARE(tok.idToPiece(runs[r][runs[r].size() - 2]), std::string("\xE2\x96\x81"));
            QCOMPARE(tok.decode(std::vector<std::int32_t>(runs[r].begin(), runs[r].end() - 2)),
                     r == 0 ? a1 : a3);
        }
        QCOMPARE(p.ids.front(), std::int64_t(tok.bosId()));
    }

    void generationPromptTokens() {
        const Tokenizer tok = Tokenizer::load(model_);
        const std::string prompt = renderForGeneration(getTemplate("vicuna_v1"), {{Role::User, "<image>\n<image>\nCompare the two images."}});
        const auto p = tokenizePrompt(tok, prompt);
        QCOMPARE(p.targetCount(), 0);
        QCOMPARE(p.image_positions.size(), std::size_t(2));
        for (auto pos : p.image_positions) QCOMPARE(p.ids[static_cast<std::size_t>(pos)], kImageTokenId);
        QCOMPARE(std::count(p.ids.begin(), p.ids.end(), kImageTokenId), 2L);
        QCOMPARE(p.ids.front(), std::int64_t(tok.bosId()));
        std::vector<std::int32_t> tail;
        for (std::size_t i = static_cast<std::size_t>(p.image_positions[1]) + 1; i < p.ids.size(); ++i)
            tail.push_back(static_cast<std::int32_t>(p.ids[i]));
        QCOMPARE(tok.decode(tail), std::string("\nCompare the two images. ASSISTANT:"));
        TokenizeOptions no_bos;
        no_bos.add_bos = false;
        QVERIFY(tokenizePrompt(tok, prompt, no_bos).ids.front() != tok.bosId());
        // A prompt that starts with the image: BOS then the marker (tokenizer_image_token).
        const auto q = tokenizePrompt(tok, "<image>\nWhat?");
        QCOMPARE(q.ids[0], std::int64_t(tok.bosId()));
        QCOMPARE(q.ids[1], kImageTokenId);
        QCOMPARE(q.image_positions, std::vector<std::int64_t>{1});
    }
};

QTEST_GUILESS_MAIN(TestPrompt)
#include "test_prompt.moc"
