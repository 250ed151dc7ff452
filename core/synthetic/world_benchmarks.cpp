// The three held-out benchmarks of the synthetic world, in the datasets' own formats:
//   VQA-RAD: one JSON list "VQA_RAD Dataset Public.json" (qid, image_name, image_case_url, image_organ,
//            question, question_rephrase, question_type, answer, answer_type, phrase_type,
//            qid_linked_id, evaluation); test split = phrase_type test_freeform / test_para; train items too.
//   SLAKE:   train.json / validate.json / test.json (img_id, img_name "xmlab<N>/source.png", question,
//            answer, q_lang en|zh, location, modality, answer_type, base_type, content_type, triple, qid).
//   PathVQA: LLaVA-Med JSON (id, image, conversations [human "<image>\n..", gpt ".."], answer_type).
#include "synthetic/question_grammar.h"
#include "synthetic/world_writer.h"

namespace stllava::synthetic {
namespace {

using nlohmann::json;

const char* shortName(Modality m) {
    return m == Modality::ChestXray ? "cxr" : "ct";
}

// Closed answers as the datasets write them: "Yes" / "No" (capitalised about half the time).
std::string datasetAnswer(const QaPair& q, Rng& rng) {
    if (q.closed && rng.chance(0.5)) return q.answer == "yes" ? "Yes" : "No";
    return q.answer;
}

// The answer_type as written; a few carry the stray spaces / lower case of the real files.
std::string answerType(bool closed, int qid) {
    const std::string t = closed ? "CLOSED" : "OPEN";
    if (qid % 23 == 7) return t + " ";
    if (qid % 31 == 11) return closed ? "closed" : "open";
    return t;
}

void vqaRadImages(WorldWriter& w, bool test, int count, json& items, int& qid, int& imageNo,
                  int& testQuestions) {
    const int per = w.counts().questionsPerImage;
    for (int i = 0; i < count; ++i) {
        const Modality m = i % 2 == 0 ? Modality::ChestXray : Modality::CtSlice;
        const int n = ++imageNo;
        const std::string id = std::string(shortName(m)) + "-vqarad-" + zeroPadded(n, 6);
        const std::string name = "synpic" + std::to_string(100000 + n) + ".png";
        const ImageFindings f =
            w.image(m, "vqa-rad", n, id, "benchmarks/vqa-rad/VQA_RAD Image Folder/" + name);
        Rng rng(deriveSeed(w.options().seed, "vqa-rad-text", static_cast<std::uint64_t>(n)));
        const std::vector<QaPair> qs = askQuestions(f, per, rng);
        const std::string organ = m == Modality::ChestXray ? "CHEST" : "ABD";
        const std::string url = "https://synthetic.invalid/vqa-rad/case/" + std::to_string(100000 + n);
        for (std::size_t k = 0; k < qs.size(); ++k) {
            const QaPair& q = qs[k];
            const int own = ++qid;
            items.push_back({{"qid", own},
                             {"phrase_type", test ? "test_freeform" : "freeform"},
                             {"qid_linked_id", "syn" + std::to_string(own)},
                             {"image_case_url", url},
                             {"image_name", name},
                             {"image_organ", organ},
                             {"evaluation", "given"},
                             {"question", q.question},
                             {"question_rephrase", nullptr},
                             {"question_relation", nullptr},
                             {"question_frame", nullptr},
                             {"question_type", q.vqaRadType},
                             {"answer", datasetAnswer(q, rng)},
                             {"answer_type", answerType(q.closed, own)}});
            testQuestions += test;
            if (k == 0) {  // a paraphrase of the first question (the dataset's "para" items)
                QaPair para = askQuestion(f, q.key.topic, rng, -1);
                if (para.key.side != q.key.side || para.question == q.question) continue;
                const int pid = ++qid;
                items.push_back({{"qid", pid},
                                 {"phrase_type", test ? "test_para" : "para"},
                                 {"qid_linked_id", "syn" + std::to_string(own)},
                                 {"image_case_url", url},
                                 {"image_name", name},
                                 {"image_organ", organ},
                                 {"evaluation", "given"},
                                 {"question", para.question},
                                 {"question_rephrase", q.question},
                                 {"question_relation", "strict agreement"},
                                 {"question_frame", nullptr},
                                 {"question_type", para.vqaRadType},
                                 {"answer", datasetAnswer(para, rng)},
                                 {"answer_type", answerType(para.closed, pid)}});
                testQuestions += test;
            }
        }
        w.tick("vqa-rad", n, w.counts().vqaRadTestImages + w.counts().vqaRadTrainImages);
    }
}

void slakeSplit(WorldWriter& w, const std::string& split, int count, int& qid, int& imageNo,
                int* testQuestions) {
    json items = json::array();
    const int per = w.counts().questionsPerImage + 1;
    const int total =
        w.counts().slakeTestImages + w.counts().slakeTrainImages + w.counts().slakeValidateImages;
    for (int i = 0; i < count; ++i) {
        const Modality m = i % 2 == 0 ? Modality::CtSlice : Modality::ChestXray;
        const int n = ++imageNo;
        const std::string id = std::string(shortName(m)) + "-slake-" + zeroPadded(n, 6);
        const std::string name = "xmlab" + std::to_string(n) + "/source.png";
        const ImageFindings f = w.image(m, "slake", n, id, "benchmarks/slake/imgs/" + name);
        Rng rng(deriveSeed(w.options().seed, "slake-text", static_cast<std::uint64_t>(n)));
        const std::string modality = m == Modality::ChestXray ? "X-Ray" : "CT";
        const std::string location =
            m == Modality::ChestXray ? (rng.chance(0.5) ? "Chest" : "Lung") : "Abdomen";
        auto add = [&](const QaPair& q, const std::string& lang) {
            items.push_back({{"img_id", n},
                             {"img_name", name},
                             {"question", q.question},
                             {"answer", q.answer},
                             {"q_lang", lang},
                             {"location", location},
                             {"modality", modality},
                             {"answer_type", q.closed ? "CLOSED" : "OPEN"},
                             {"base_type", "vqa"},
                             {"content_type", q.slakeContent},
                             {"triple", {"vhead", "_", "_"}},
                             {"qid", ++qid}});
            if (testQuestions) ++*testQuestions;
        };
        for (const QaPair& q : askQuestions(f, per, rng)) add(q, "en");
        if (n % 3 == 0) {  // a Chinese question on every third image, as SLAKE is bilingual
            static const Topic zh[] = {Topic::Modality, Topic::Organ, Topic::Normal, Topic::NodulePresence,
                                       Topic::EffusionPresence};
            const QaPair q = askQuestionZh(f, zh[rng.pick(5)]);
            if (!q.question.empty()) add(q, "zh");
        }
        w.tick("slake", n, total);
    }
    w.json("benchmarks/slake/" + split + ".json", items);
}

}  // namespace

void writeVqaRad(WorldWriter& w) {
    json items = json::array();
    int qid = 0, imageNo = 0, testQuestions = 0;
    vqaRadImages(w, false, w.counts().vqaRadTrainImages, items, qid, imageNo, testQuestions);
    vqaRadImages(w, true, w.counts().vqaRadTestImages, items, qid, imageNo, testQuestions);
    w.json("benchmarks/vqa-rad/VQA_RAD Dataset Public.json", items);
    w.summary().vqaRadQuestions = testQuestions;
}

void writeSlake(WorldWriter& w) {
    int qid = 0, imageNo = 0, testQuestions = 0;
    slakeSplit(w, "train", w.counts().slakeTrainImages, qid, imageNo, nullptr);
    slakeSplit(w, "validate", w.counts().slakeValidateImages, qid, imageNo, nullptr);
    slakeSplit(w, "test", w.counts().slakeTestImages, qid, imageNo, &testQuestions);
    w.summary().slakeQuestions = testQuestions;
}

void writePathVqa(WorldWriter& w) {
    json items = json::array();
    const int count = w.counts().pathVqaTestImages;
    int qn = 0;
    for (int i = 0; i < count; ++i) {
        const std::string id = "path-pvqa-" + zeroPadded(i + 1, 6);
        const std::string name = "test_" + zeroPadded(i + 1, 4) + ".png";
        const ImageFindings f =
            w.image(Modality::Pathology, "pathvqa", i + 1, id, "benchmarks/pathvqa/images/" + name);
        Rng rng(deriveSeed(w.options().seed, "pathvqa-text", static_cast<std::uint64_t>(i + 1)));
        for (const QaPair& q : askQuestions(f, w.counts().questionsPerImage, rng)) {
            items.push_back({{"id", "pvqa_test_" + zeroPadded(++qn, 6)},
                             {"image", name},
                             {"conversations",
                              {{{"from", "human"}, {"value", "<image>\n" + q.question}},
                               {{"from", "gpt"}, {"value", q.answer}}}},
                             {"answer_type", q.closed ? "CLOSED" : "OPEN"}});
        }
        w.tick("pathvqa", i + 1, count);
    }
    w.json("benchmarks/pathvqa/test.json", items);
    w.summary().pathVqaQuestions = qn;
}

}  // namespace stllava::synthetic
