// The world's question grammar: what can be asked about an image (topics), the phrasings of each
// question (several templates per topic, side-specific variants), the true answer from the image's
// findings, and answer wordings (short reference answers for benchmarks, sentences for instruction
// data). The oracle judge maps free-form questions back to a QuestionKey (oracle.h), so a question
// written by a model in any of these wordings - or close to them - can be scored.
#pragma once

#include "synthetic/findings.h"
#include "synthetic/rng.h"

#include <string>
#include <vector>

namespace stllava::synthetic {

enum class Topic {
    Modality,          // OPEN  "What imaging modality is this?"            -> "x-ray" / "ct" / "pathology"
    Organ,             // OPEN  "Which organ system is shown?"               -> "chest" / "abdomen" / "colon"
    Plane,             // OPEN  "In which plane is the image taken?"         -> "pa" / "axial"
    Normal,            // CLOSED "Is this image normal?"                     -> yes when no finding
    AnyAbnormality,    // CLOSED "Is there an abnormality?"                  -> yes when any finding
    Abnormality,       // OPEN  "What abnormality is seen?"                  -> "left pleural effusion,
                       // cardiomegaly"
    NodulePresence,    // CLOSED lung nodule (radiograph or CT); side-specific when key.side is set
    NoduleSide,        // OPEN  "Which lung contains the nodule?"            -> "left" / "right" / "none"
    NoduleSize,        // OPEN  "How large is the nodule?"                   -> "12 mm"
    EffusionPresence,  // CLOSED pleural effusion (side-specific variants)
    EffusionSide,      // OPEN
    PneumothoraxPresence,  // CLOSED (radiograph only)
    PneumothoraxSide,      // OPEN
    Cardiomegaly,          // CLOSED "Is the heart enlarged?" (radiograph only)
    LiverLesionPresence,   // CLOSED (CT only)
    LiverLesionSize,       // OPEN  (CT only)
    TissueType,    // OPEN  "What type of tissue is shown?"             -> "normal" / "inflamed" / "carcinoma"
    Malignancy,    // CLOSED "Is there evidence of malignancy?"
    Inflammation,  // CLOSED "Is the tissue inflamed?"
    Necrosis,      // CLOSED
    Glands,        // CLOSED "Are glands visible?"
    Vessels,       // CLOSED "Are blood vessels present?"
    CellDensity,   // OPEN  "What is the cell density?"                 -> "low" / "moderate" / "high"
    Stain,         // OPEN  "What stain was used?"                      -> "h&e"
};

// "modality", "nodule_presence", ... (stable names used in files and rationales)
const char* topicName(Topic t);

// What a question asks: the topic, an asked side (closed side-specific presence questions), and
// whether the question asks for the negation (e.g. "Is the heart size normal?" for Cardiomegaly).
struct QuestionKey {
    Topic topic = Topic::Modality;
    Side side = Side::None;
    bool negated = false;
};

bool isClosed(Topic t);
// The topics that apply to a modality (the oracle treats others as unanswerable for that image).
std::vector<Topic> topicsFor(Modality m);
bool appliesTo(Topic t, Modality m);

// The true answer to a question about an image.
struct TruthAnswer {
    bool closed = false;
    bool yes = false;        // closed questions
    std::string canonical;   // short reference answer: "yes", "no", "left", "12 mm", "carcinoma", "none"
    double sizeMm = 0.0;     // size questions: the true size (0 when there is no such lesion)
    Side side = Side::None;  // side questions
    std::vector<std::string> findings;  // Abnormality: finding labels present ("nodule", "effusion", ...)
};

TruthAnswer truthFor(const ImageFindings& f, const QuestionKey& key);

// One question with its answers, as the datasets write it.
struct QaPair {
    QuestionKey key;
    std::string question;    // e.g. "Is there a nodule in the left lung?"
    std::string answer;      // short reference answer ("yes", "left", "12 mm")
    std::string longAnswer;  // a sentence ("Yes, there is a 12 mm nodule in the left lung.")
    bool closed = false;
    std::string
        vqaRadType;  // VQA-RAD question_type: PRES, POS, SIZE, ABN, MODALITY, ORGAN, PLANE, ATTRIB, OTHER
    std::string slakeContent;  // SLAKE content_type: Abnormality, Position, Size, Modality, Organ, Plane,
                               // Quantity, Color
};

// A question about `topic` in one of its phrasings (`variant` < 0: random; otherwise variant modulo the
// number of phrasings), with its true answers. Presence topics ask about a side half of the time.
QaPair askQuestion(const ImageFindings& f, Topic topic, Rng& rng, int variant = -1);
// Several questions about one image: about half closed, closed answers balanced between yes and no where
// the image allows it, no topic twice.
std::vector<QaPair> askQuestions(const ImageFindings& f, int count, Rng& rng);

// A description paragraph (the answer to "Can you describe the image in detail?").
std::string describeImage(const ImageFindings& f, Rng& rng);
// The prompts used for the description turn (the first of which is the stage-2 opening question).
const std::vector<std::string>& describePrompts();

// The Chinese question and answer of a topic for the SLAKE zh subset (a few topics only); empty
// question when the topic has no Chinese phrasing.
QaPair askQuestionZh(const ImageFindings& f, Topic topic);

}  // namespace stllava::synthetic
