// The oracle judge: every phrasing of the world's grammar maps back to its own question key; rewordings
// map too; the true answer outscores wrong ones on every question type; unmappable questions are flagged,
// never guessed; the noisy variant flips / ties about the configured share, deterministically.
#include "synthetic/chest_xray.h"
#include "synthetic/ct_slice.h"
#include "synthetic/oracle.h"
#include "synthetic/pathology_tile.h"

#include <QTest>

using namespace stllava::synthetic;

namespace {

std::vector<ImageFindings> sampleImages() {
    std::vector<ImageFindings> out;
    for (std::uint64_t s = 1; s <= 40; ++s) {
        out.push_back(generateChestXray(s, "cxr").findings);
        out.push_back(generateCtSlice(s, "ct").findings);
        out.push_back(generatePathologyTile(s, "path").findings);
    }
    return out;
}

// A plausible wrong answer for a question whose reference answer is `qa`.
std::string wrongAnswer(const ImageFindings& f, const QaPair& qa) {
    if (qa.closed) return qa.answer == "yes" ? "No." : "Yes.";
    const TruthAnswer t = truthFor(f, qa.key);
    switch (qa.key.topic) {
        case Topic::NoduleSide:
        case Topic::EffusionSide:
        case Topic::PneumothoraxSide:
            return t.side == Side::Left ? "Right." : "Left.";
        case Topic::NoduleSize:
        case Topic::LiverLesionSize:
            return t.sizeMm > 0 ? std::to_string(static_cast<int>(t.sizeMm * 2.5 + 10)) + " mm" : "15 mm";
        case Topic::Modality:
            return f.modality == Modality::CtSlice ? "This is an MRI." : "It is a CT scan.";
        case Topic::Organ:
            return f.organ == "chest" ? "The brain." : "The chest.";
        case Topic::Plane:
            return f.modality == Modality::CtSlice ? "Sagittal." : "Axial.";
        case Topic::TissueType:
            return f.pathology.tissue == TissueType::Carcinoma ? "Normal tissue." : "Carcinoma.";
        case Topic::CellDensity:
            return f.pathology.density == Density::High ? "Low." : "High.";
        case Topic::Stain:
            return "Trichrome.";
        case Topic::Abnormality:
            return f.normal() ? "There is a large left pleural effusion." : "The study is normal.";
        default:
            return "I cannot tell.";
    }
}

}  // namespace

class TestOracle : public QObject {
    Q_OBJECT
    std::vector<ImageFindings> m_images = sampleImages();

private Q_SLOTS:
    void everyPhrasingMapsBack() {
        int checked = 0;
        for (const ImageFindings& f : m_images)
            for (const Topic t : topicsFor(f.modality))
                for (int v = 0; v < 6; ++v) {
                    Rng rng(deriveSeed(checked, "q"));
                    const QaPair qa = askQuestion(f, t, rng, v);
                    const MappedQuestion m = mapQuestion("<image>\n" + qa.question + "</s>", f.modality);
                    QVERIFY2(m.key.has_value(), (qa.question + ": " + m.reason).c_str());
                    QVERIFY2(m.key->topic == t, (qa.question + " -> " + topicName(m.key->topic)).c_str());
                    QVERIFY2(m.key->side == qa.key.side, qa.question.c_str());
                    QCOMPARE(m.key->negated, qa.key.negated);
                    ++checked;
                }
        QVERIFY(checked > 2000);
    }

    void rewordingsMap_data() {
        QTest::addColumn<QString>("question");
        QTest::addColumn<int>("modality");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("side");
        const int cxr = static_cast<int>(Modality::ChestXray), ct = static_cast<int>(Modality::CtSlice),
                  path = static_cast<int>(Modality::Pathology);
        QTest::newRow("mass") << "can you see a mass in the right lung" << cxr << "nodule_presence"
                              << "right";
        QTest::newRow("how big") << "How big is that lump?" << cxr << "nodule_size"
                                 << "none";
        QTest::newRow("cm") << "what is the nodule's diameter in cm?" << ct << "nodule_size"
                            << "none";
        QTest::newRow("fluid") << "Any fluid collection around the left lung?" << cxr << "effusion_presence"
                               << "left";
        QTest::newRow("collapse") << "Which side has the collapsed lung" << cxr << "pneumothorax_side"
                                  << "none";
        QTest::newRow("cardiac") << "Does the patient have cardiomegaly" << cxr << "cardiomegaly"
                                 << "none";
        QTest::newRow("hepatic") << "is there a hepatic cyst" << ct << "liver_lesion_presence"
                                 << "none";
        QTest::newRow("scan") << "What kind of scan is this?" << ct << "modality"
                              << "none";
        QTest::newRow("cancer") << "Is this cancer?" << path << "malignancy"
                                << "none";
        QTest::newRow("cells") << "how dense are the cells (cell density)?" << path << "cell_density"
                               << "none";
        QTest::newRow("dx") << "What's the diagnosis here?" << path << "tissue_type"
                            << "none";
        QTest::newRow("dx radiology") << "What's the diagnosis here?" << cxr << "abnormality"
                                      << "none";
    }
    void rewordingsMap() {
        QFETCH(QString, question);
        QFETCH(int, modality);
        QFETCH(QString, topic);
        QFETCH(QString, side);
        const MappedQuestion m = mapQuestion(question.toStdString(), static_cast<Modality>(modality));
        QVERIFY2(m.key.has_value(), m.reason.c_str());
        QCOMPARE(QString(topicName(m.key->topic)), topic);
        QCOMPARE(QString(sideName(m.key->side)), side);
    }

    void correctBeatsWrongOnEveryTopic() {
        std::map<std::string, int> perTopic;
        for (const ImageFindings& f : m_images)
            for (const Topic t : topicsFor(f.modality)) {
                Rng rng(deriveSeed(static_cast<std::uint64_t>(t), f.imageId + std::to_string(f.width)));
                const QaPair qa = askQuestion(f, t, rng);
                for (const std::string& right : {qa.answer, qa.longAnswer}) {
                    const std::string wrong = wrongAnswer(f, qa);
                    const PairScore s = scorePair(f, qa.question, right, wrong);
                    QVERIFY(s.mapped);
                    QVERIFY2(s.score1 > s.score2,
                             (qa.question + " | " + right + " | " + wrong + " | " + s.rationale).c_str());
                    QVERIFY2(s.score1 >= 7, (qa.question + " | " + right + " | " + s.rationale).c_str());
                    // Order does not matter to the clean oracle.
                    const PairScore r = scorePair(f, qa.question, wrong, right);
                    QCOMPARE(r.score1, s.score2);
                    QCOMPARE(r.score2, s.score1);
                }
                ++perTopic[topicName(t)];
            }
        QCOMPARE(static_cast<int>(perTopic.size()), 24);  // every topic was exercised
    }

    void sizeToleranceIsGraded() {
        CtSpec spec;
        spec.liverLesion = true;
        spec.liverLesionSizeMm = 20.0;
        const ImageFindings f = renderCtSeries(spec, 3, "ct",
                                               [] {
                                                   CtOptions o;
                                                   o.sliceCount = 1;
                                                   o.firstSliceZMm = 0;
                                                   return o;
                                               }())
                                    .slices[0]
                                    .findings;
        QVERIFY(f.ct.liverLesion.present);
        const double truth = f.ct.liverLesion.sizeMm;
        const QuestionKey k{Topic::LiverLesionSize, Side::None, false};
        const int exact = scoreAnswer(f, k, std::to_string(static_cast<int>(truth)) + " mm").score;
        const int cm = scoreAnswer(f, k, "about " + std::to_string(truth / 10.0).substr(0, 3) + " cm").score;
        const int off25 = scoreAnswer(f, k, std::to_string(static_cast<int>(truth * 1.25)) + " mm").score;
        const int off50 = scoreAnswer(f, k, std::to_string(static_cast<int>(truth * 1.5)) + " mm").score;
        const int none = scoreAnswer(f, k, "It is a lesion.").score;
        QCOMPARE(exact, 10);
        QCOMPARE(cm, 10);
        QVERIFY(exact > off25 && off25 > off50 && off50 > none - 2);
    }

    void closedDetailsCount() {
        ChestSpec spec;
        spec.nodule = true;
        spec.noduleSide = Side::Left;
        spec.noduleSizeMm = 14;
        const ImageFindings f = renderChestXray(spec, 9, "c").findings;
        const std::string q = "Is there a lung nodule?";
        const PairScore s =
            scorePair(f, q, "Yes, a 14 mm nodule in the left lung.", "Yes, in the right lung.");
        QCOMPARE(s.score1, 10);
        QCOMPARE(s.score2, 6);
        QCOMPARE(scorePair(f, "Is there a nodule in the right lung?", "No, it is in the left lung.", "Yes.")
                     .score1,
                 9);
        QCOMPARE(scorePair(f, q, "", "Maybe.").score1, 1);
        QCOMPARE(scorePair(f, q, "", "Maybe.").score2, 4);
    }

    void unmappableQuestionsAreFlagged() {
        const ImageFindings cxr = generateChestXray(4, "c").findings;
        for (const std::string q : {"What is the patient's favourite colour?", "Is there a liver lesion?",
                                    "How large is the effusion?", ""}) {
            const PairScore s = scorePair(cxr, q, "Blue.", "There is a huge pneumothorax.");
            QVERIFY2(!s.mapped, q.c_str());
            QVERIFY(!s.unmappedReason.empty());
            QVERIFY(s.rationale.find("Unanswerable") != std::string::npos);
            QVERIFY(s.topic.empty() && s.truth.empty());
            if (!cxr.chest.pneumothorax.present)
                QVERIFY(s.score2 < s.score1);  // an asserted absent finding costs
        }
        const ImageFindings tile = generatePathologyTile(4, "p").findings;
        QVERIFY(!scorePair(tile, "Is there a pneumothorax?", "no", "yes").mapped);
    }

    void noiseFlipsAboutTheShare() {
        const ImageFindings f = generateChestXray(6, "c").findings;
        NoiseConfig noise;
        noise.flipShare = 0.2;
        noise.tieShare = 0.1;
        noise.seed = 99;
        int flipped = 0, tied = 0, none = 0;
        const int n = 3000;
        for (int i = 0; i < n; ++i) {
            const PairScore s = scorePairNoisy(f, "What imaging modality is this?", "x-ray", "mri", noise,
                                               "pair-" + std::to_string(i));
            QCOMPARE(s.cleanScore1, 10);
            QCOMPARE(s.cleanScore2, 2);
            switch (s.noise) {
                case NoiseKind::Flipped:
                    ++flipped;
                    QCOMPARE(s.score1, 2);
                    QCOMPARE(s.score2, 10);
                    break;
                case NoiseKind::Tied:
                    ++tied;
                    QCOMPARE(s.score1, 6);
                    QCOMPARE(s.score2, 6);
                    break;
                case NoiseKind::None:
                    ++none;
                    QCOMPARE(s.score1, 10);
                    break;
            }
            // Same pair key, same noise.
            QCOMPARE(scorePairNoisy(f, "What imaging modality is this?", "x-ray", "mri", noise,
                                    "pair-" + std::to_string(i))
                         .noise,
                     s.noise);
        }
        QVERIFY2(std::abs(flipped / double(n) - 0.2) < 0.025, std::to_string(flipped).c_str());
        QVERIFY2(std::abs(tied / double(n) - 0.1) < 0.02, std::to_string(tied).c_str());
        NoiseConfig other = noise;
        other.seed = 100;
        int differ = 0;
        for (int i = 0; i < 200; ++i)
            differ += scorePairNoisy(f, "q modality", "x-ray", "mri", noise, std::to_string(i)).noise !=
                      scorePairNoisy(f, "q modality", "x-ray", "mri", other, std::to_string(i)).noise;
        QVERIFY(differ > 20);
        NoiseConfig bad;
        bad.flipShare = 0.8;
        bad.tieShare = 0.3;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scorePairNoisy(f, "q", "a", "b", bad, "k"));
    }

    void replyTextStartsWithScores() {
        const ImageFindings f = generatePathologyTile(2, "p").findings;
        const PairScore s = scorePair(f, "What stain was used?", "H&E", "Giemsa");
        const std::string reply = judgeReplyText(s);
        QCOMPARE(reply.substr(0, reply.find('\n')),
                 std::to_string(s.score1) + " " + std::to_string(s.score2));
        QVERIFY(s.score1 > s.score2);
    }
};

QTEST_GUILESS_MAIN(TestOracle)
#include "test_oracle.moc"
