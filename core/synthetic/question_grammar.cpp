#include "synthetic/question_grammar.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stllava::synthetic {
namespace {

using Strings = std::vector<std::string>;

std::string mm(double v) {
    return std::to_string(static_cast<int>(std::lround(v))) + " mm";
}

// Replaces every "{side}" with `side`.
std::string fill(std::string s, const std::string& side) {
    for (auto p = s.find("{side}"); p != std::string::npos; p = s.find("{side}")) s.replace(p, 6, side);
    return s;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

const Lesion* noduleOf(const ImageFindings& f) {
    if (f.modality == Modality::ChestXray) return &f.chest.nodule;
    if (f.modality == Modality::CtSlice) return &f.ct.lungNodule;
    return nullptr;
}
const SidedFinding* effusionOf(const ImageFindings& f) {
    if (f.modality == Modality::ChestXray) return &f.chest.effusion;
    if (f.modality == Modality::CtSlice) return &f.ct.effusion;
    return nullptr;
}

// Question phrasings per topic; side-specific ones (with "{side}") for presence topics.
const Strings& phrasings(Topic t) {
    static const Strings modality = {"What imaging modality is this?", "What kind of image is this?",
                                     "How was this image taken?", "What type of imaging is shown?",
                                     "Which modality was used to acquire this image?"};
    static const Strings organ = {"Which organ system is shown?", "What part of the body is imaged?",
                                  "Which body region is shown in this image?", "What organ is shown?"};
    static const Strings plane = {"In which plane is the image taken?", "What is the imaging plane?",
                                  "Which plane is this image in?"};
    static const Strings normal = {"Is this image normal?", "Is this a normal study?",
                                   "Does this image look normal?"};
    static const Strings anyAbn = {"Is there an abnormality in this image?", "Is anything abnormal?",
                                   "Are there any abnormal findings?", "Is there any pathology visible?"};
    static const Strings abn = {"What abnormality is seen?", "What is abnormal in this image?",
                                "What are the findings?", "What abnormality is present?"};
    static const Strings nodP = {"Is there a lung nodule?", "Is a pulmonary nodule present?",
                                 "Do you see a nodule?", "Is there a nodule in the {side} lung?",
                                 "Does the {side} lung contain a nodule?"};
    static const Strings nodS = {"Which lung contains the nodule?", "On which side is the nodule?",
                                 "Where is the nodule located?", "In which lung is the nodule?"};
    static const Strings nodZ = {"How large is the nodule?", "What is the size of the nodule?",
                                 "How big is the lung nodule?", "What is the diameter of the nodule?"};
    static const Strings effP = {"Is there a pleural effusion?", "Is there fluid in the pleural space?",
                                 "Is a pleural effusion present?", "Is there a {side} pleural effusion?",
                                 "Is there fluid at the {side} lung base?"};
    static const Strings effS = {"Which side is the pleural effusion on?", "On which side is the effusion?",
                                 "Where is the pleural effusion?"};
    static const Strings ptxP = {"Is there a pneumothorax?", "Is a pneumothorax present?",
                                 "Is there a collapsed lung?", "Is there a {side} pneumothorax?",
                                 "Is the {side} lung collapsed?"};
    static const Strings ptxS = {"Which side is the pneumothorax on?", "On which side is the pneumothorax?",
                                 "Which lung is collapsed?"};
    static const Strings cardio = {"Is the heart enlarged?", "Is there cardiomegaly?",
                                   "Is the cardiac silhouette enlarged?", "Is the heart size normal?"};
    static const Strings livP = {"Is there a liver lesion?", "Is there a lesion in the liver?",
                                 "Do you see a hypodense lesion in the liver?",
                                 "Is a hepatic lesion present?"};
    static const Strings livZ = {"How large is the liver lesion?", "What is the size of the liver lesion?",
                                 "How big is the lesion in the liver?"};
    static const Strings tissue = {"What type of tissue is shown?", "What is the diagnosis?",
                                   "What does this histology show?", "How would you classify this tissue?"};
    static const Strings malig = {"Is there evidence of malignancy?", "Is this tissue malignant?",
                                  "Does this show carcinoma?", "Is there a tumor?"};
    static const Strings inflam = {"Is the tissue inflamed?", "Is there inflammation?",
                                   "Are there signs of inflammation?"};
    static const Strings necro = {"Is there necrosis?", "Is necrotic tissue present?",
                                  "Do you see necrosis?"};
    static const Strings glands = {"Are glands visible?", "Are there glands in this tissue?",
                                   "Is glandular structure present?"};
    static const Strings vessels = {"Are blood vessels present?", "Are there vessels in this image?",
                                    "Can you see blood vessels?"};
    static const Strings density = {"What is the cell density?", "How cellular is this tissue?",
                                    "What is the cellularity of the tissue?"};
    static const Strings stain = {"What stain was used?", "What staining is shown?", "Which stain is this?"};
    switch (t) {
        case Topic::Modality:
            return modality;
        case Topic::Organ:
            return organ;
        case Topic::Plane:
            return plane;
        case Topic::Normal:
            return normal;
        case Topic::AnyAbnormality:
            return anyAbn;
        case Topic::Abnormality:
            return abn;
        case Topic::NodulePresence:
            return nodP;
        case Topic::NoduleSide:
            return nodS;
        case Topic::NoduleSize:
            return nodZ;
        case Topic::EffusionPresence:
            return effP;
        case Topic::EffusionSide:
            return effS;
        case Topic::PneumothoraxPresence:
            return ptxP;
        case Topic::PneumothoraxSide:
            return ptxS;
        case Topic::Cardiomegaly:
            return cardio;
        case Topic::LiverLesionPresence:
            return livP;
        case Topic::LiverLesionSize:
            return livZ;
        case Topic::TissueType:
            return tissue;
        case Topic::Malignancy:
            return malig;
        case Topic::Inflammation:
            return inflam;
        case Topic::Necrosis:
            return necro;
        case Topic::Glands:
            return glands;
        case Topic::Vessels:
            return vessels;
        case Topic::CellDensity:
            return density;
        case Topic::Stain:
            return stain;
    }
    return modality;
}

// The thing a topic is about, for sentences ("nodule", "pleural effusion").
std::string thingOf(Topic t) {
    switch (t) {
        case Topic::NodulePresence:
        case Topic::NoduleSide:
        case Topic::NoduleSize:
            return "nodule";
        case Topic::EffusionPresence:
        case Topic::EffusionSide:
            return "pleural effusion";
        case Topic::PneumothoraxPresence:
        case Topic::PneumothoraxSide:
            return "pneumothorax";
        case Topic::LiverLesionPresence:
        case Topic::LiverLesionSize:
            return "liver lesion";
        default:
            return "finding";
    }
}

std::vector<std::string> findingLabels(const ImageFindings& f, bool withSides) {
    std::vector<std::string> out;
    auto sided = [withSides](const std::string& what, Side s) {
        return withSides ? std::string(sideName(s)) + " " + what : what;
    };
    if (f.modality == Modality::ChestXray) {
        if (f.chest.nodule.present) out.push_back(sided("lung nodule", f.chest.nodule.side));
        if (f.chest.effusion.present) out.push_back(sided("pleural effusion", f.chest.effusion.side));
        if (f.chest.pneumothorax.present) out.push_back(sided("pneumothorax", f.chest.pneumothorax.side));
        if (f.chest.cardiomegaly) out.push_back("cardiomegaly");
    } else if (f.modality == Modality::CtSlice) {
        if (f.ct.liverLesion.present) out.push_back("liver lesion");
        if (f.ct.lungNodule.present) out.push_back(sided("lung nodule", f.ct.lungNodule.side));
        if (f.ct.effusion.present) out.push_back(sided("pleural effusion", f.ct.effusion.side));
    } else {
        if (f.pathology.tissue == TissueType::Carcinoma) out.push_back("carcinoma");
        if (f.pathology.tissue == TissueType::Inflamed) out.push_back("inflammation");
        if (f.pathology.necrosis) out.push_back("necrosis");
    }
    return out;
}

std::string joinAnd(const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
    return s;
}

std::string modalityAnswer(Modality m) {
    return m == Modality::ChestXray ? "x-ray" : m == Modality::CtSlice ? "ct" : "microscopy";
}

std::string tissueAnswer(TissueType t) {
    return t == TissueType::Normal ? "normal" : t == TissueType::Inflamed ? "inflamed" : "carcinoma";
}

// A sentence for the answer.
std::string sentenceFor(const ImageFindings& f, const QuestionKey& key, const TruthAnswer& t, Rng& rng) {
    const std::string thing = thingOf(key.topic);
    const bool digitFirst = rng.chance(0.5);
    switch (key.topic) {
        case Topic::Modality:
            return f.modality == Modality::ChestXray ? "This is a chest x-ray (radiograph)."
                   : f.modality == Modality::CtSlice
                       ? "This is an axial CT scan."
                       : "This is a light microscopy image of an H&E-stained tissue section.";
        case Topic::Organ:
            return f.modality == Modality::ChestXray ? "The image shows the chest."
                   : f.modality == Modality::CtSlice ? "The image shows the upper abdomen."
                                                     : "The tissue is from the colon.";
        case Topic::Plane:
            return f.modality == Modality::CtSlice ? "The image is in the axial plane."
                                                   : "This is a PA (posteroanterior) view.";
        case Topic::Normal:
            return t.yes ? "Yes, the image is normal."
                         : "No, it is abnormal: there is " + joinAnd(findingLabels(f, true)) + ".";
        case Topic::AnyAbnormality:
            return t.yes ? "Yes, there is " + joinAnd(findingLabels(f, true)) + "."
                         : "No, no abnormality is seen.";
        case Topic::Abnormality:
            return t.findings.empty() ? "No abnormality is seen; the study is normal."
                                      : capitalised(joinAnd(findingLabels(f, true))) + ".";
        case Topic::NoduleSide:
        case Topic::EffusionSide:
        case Topic::PneumothoraxSide:
            if (t.side == Side::None) return "There is no " + thing + ".";
            return digitFirst ? capitalised(sideName(t.side)) + "."
                              : "The " + thing + " is on the " + sideName(t.side) + " side.";
        case Topic::NoduleSize:
        case Topic::LiverLesionSize:
            if (t.sizeMm <= 0.0) return "There is no " + thing + " to measure.";
            return digitFirst ? mm(t.sizeMm) + "." : "The " + thing + " measures about " + mm(t.sizeMm) + ".";
        case Topic::TissueType:
            return f.pathology.tissue == TissueType::Normal ? "This is normal colonic tissue."
                   : f.pathology.tissue == TissueType::Inflamed
                       ? "The tissue is inflamed, with many lymphocytes."
                       : "This is carcinoma, with crowded pleomorphic nuclei.";
        case Topic::CellDensity:
            return "The cell density is " + std::string(densityName(f.pathology.density)) + ".";
        case Topic::Stain:
            return "The section is stained with H&E (hematoxylin and eosin).";
        default:
            break;
    }
    // Closed presence-like topics.
    if (key.topic == Topic::Cardiomegaly) {
        const bool enlarged = f.chest.cardiomegaly;
        return std::string(t.yes ? "Yes" : "No") +
               (enlarged ? ", the heart is enlarged." : ", the heart size is normal.");
    }
    if (key.topic == Topic::Malignancy || key.topic == Topic::Inflammation || key.topic == Topic::Necrosis ||
        key.topic == Topic::Glands || key.topic == Topic::Vessels) {
        static const char* what[] = {"malignancy", "inflammation", "necrosis", "glands", "blood vessels"};
        const int i = key.topic == Topic::Malignancy     ? 0
                      : key.topic == Topic::Inflammation ? 1
                      : key.topic == Topic::Necrosis     ? 2
                      : key.topic == Topic::Glands       ? 3
                                                         : 4;
        return t.yes ? std::string("Yes, ") + what[i] + (i >= 3 ? " are visible." : " is present.")
                     : std::string("No, there ") + (i >= 3 ? "are no " : "is no ") + what[i] + ".";
    }
    // Nodule / effusion / pneumothorax / liver lesion presence.
    const Lesion* nodule = noduleOf(f);
    const SidedFinding* effusion = effusionOf(f);
    Side actual = Side::None;
    bool present = false;
    double size = 0.0;
    if (key.topic == Topic::NodulePresence && nodule)
        present = nodule->present, actual = nodule->side, size = nodule->sizeMm;
    if (key.topic == Topic::EffusionPresence && effusion)
        present = effusion->present, actual = effusion->side;
    if (key.topic == Topic::PneumothoraxPresence)
        present = f.chest.pneumothorax.present, actual = f.chest.pneumothorax.side;
    if (key.topic == Topic::LiverLesionPresence)
        present = f.ct.liverLesion.present, size = f.ct.liverLesion.sizeMm;
    if (t.yes) {
        std::string s = "Yes, there is a ";
        if (size > 0.0) s += mm(size) + " ";
        s += thing;
        if (actual != Side::None) s += std::string(" on the ") + sideName(actual) + " side";
        return s + ".";
    }
    if (present && actual != Side::None)
        return "No, the " + thing + " is on the " + sideName(actual) + " side.";
    return "No, there is no " + thing + ".";
}

}  // namespace

const char* topicName(Topic t) {
    switch (t) {
        case Topic::Modality:
            return "modality";
        case Topic::Organ:
            return "organ";
        case Topic::Plane:
            return "plane";
        case Topic::Normal:
            return "normal";
        case Topic::AnyAbnormality:
            return "any_abnormality";
        case Topic::Abnormality:
            return "abnormality";
        case Topic::NodulePresence:
            return "nodule_presence";
        case Topic::NoduleSide:
            return "nodule_side";
        case Topic::NoduleSize:
            return "nodule_size";
        case Topic::EffusionPresence:
            return "effusion_presence";
        case Topic::EffusionSide:
            return "effusion_side";
        case Topic::PneumothoraxPresence:
            return "pneumothorax_presence";
        case Topic::PneumothoraxSide:
            return "pneumothorax_side";
        case Topic::Cardiomegaly:
            return "cardiomegaly";
        case Topic::LiverLesionPresence:
            return "liver_lesion_presence";
        case Topic::LiverLesionSize:
            return "liver_lesion_size";
        case Topic::TissueType:
            return "tissue_type";
        case Topic::Malignancy:
            return "malignancy";
        case Topic::Inflammation:
            return "inflammation";
        case Topic::Necrosis:
            return "necrosis";
        case Topic::Glands:
            return "glands";
        case Topic::Vessels:
            return "vessels";
        case Topic::CellDensity:
            return "cell_density";
        case Topic::Stain:
            return "stain";
    }
    return "?";
}

bool isClosed(Topic t) {
    switch (t) {
        case Topic::Normal:
        case Topic::AnyAbnormality:
        case Topic::NodulePresence:
        case Topic::EffusionPresence:
        case Topic::PneumothoraxPresence:
        case Topic::Cardiomegaly:
        case Topic::LiverLesionPresence:
        case Topic::Malignancy:
        case Topic::Inflammation:
        case Topic::Necrosis:
        case Topic::Glands:
        case Topic::Vessels:
            return true;
        default:
            return false;
    }
}

std::vector<Topic> topicsFor(Modality m) {
    switch (m) {
        case Modality::ChestXray:
            return {Topic::Modality,         Topic::Organ,          Topic::Plane,
                    Topic::Normal,           Topic::AnyAbnormality, Topic::Abnormality,
                    Topic::NodulePresence,   Topic::NoduleSide,     Topic::NoduleSize,
                    Topic::EffusionPresence, Topic::EffusionSide,   Topic::PneumothoraxPresence,
                    Topic::PneumothoraxSide, Topic::Cardiomegaly};
        case Modality::CtSlice:
            return {Topic::Modality,         Topic::Organ,          Topic::Plane,
                    Topic::Normal,           Topic::AnyAbnormality, Topic::Abnormality,
                    Topic::NodulePresence,   Topic::NoduleSide,     Topic::NoduleSize,
                    Topic::EffusionPresence, Topic::EffusionSide,   Topic::LiverLesionPresence,
                    Topic::LiverLesionSize};
        case Modality::Pathology:
            return {Topic::Modality,     Topic::Organ,    Topic::TissueType, Topic::Malignancy,
                    Topic::Inflammation, Topic::Necrosis, Topic::Glands,     Topic::Vessels,
                    Topic::CellDensity,  Topic::Stain,    Topic::Normal};
    }
    return {};
}

bool appliesTo(Topic t, Modality m) {
    const auto all = topicsFor(m);
    return std::find(all.begin(), all.end(), t) != all.end();
}

TruthAnswer truthFor(const ImageFindings& f, const QuestionKey& key) {
    if (!appliesTo(key.topic, f.modality))
        throw std::invalid_argument(std::string("topic ") + topicName(key.topic) + " does not apply to a " +
                                    modalityName(f.modality) + " image");
    TruthAnswer t;
    t.closed = isClosed(key.topic);
    const Lesion* nodule = noduleOf(f);
    const SidedFinding* effusion = effusionOf(f);
    auto presence = [&](bool present, Side side) {
        bool yes = present && (key.side == Side::None || key.side == side);
        return key.negated ? !yes : yes;
    };
    auto sideOf = [&](bool present, Side side) {
        t.side = present ? side : Side::None;
        t.canonical = present ? sideName(side) : "none";
    };
    auto sizeOf = [&](bool present, double sizeMm) {
        t.sizeMm = present ? sizeMm : 0.0;
        t.canonical = present ? mm(sizeMm) : "none";
    };
    t.findings = findingLabels(f, false);
    switch (key.topic) {
        case Topic::Modality:
            t.canonical = modalityAnswer(f.modality);
            break;
        case Topic::Organ:
            t.canonical = f.organ;
            break;
        case Topic::Plane:
            t.canonical = f.modality == Modality::CtSlice ? "axial" : "pa";
            break;
        case Topic::Normal:
            t.yes = key.negated ? !f.normal() : f.normal();
            break;
        case Topic::AnyAbnormality:
            t.yes = key.negated ? f.normal() : !f.normal();
            break;
        case Topic::Abnormality:
            t.canonical = t.findings.empty() ? "none" : joinAnd(findingLabels(f, true));
            break;
        case Topic::NodulePresence:
            t.yes = presence(nodule->present, nodule->side);
            break;
        case Topic::NoduleSide:
            sideOf(nodule->present, nodule->side);
            break;
        case Topic::NoduleSize:
            sizeOf(nodule->present, nodule->sizeMm);
            break;
        case Topic::EffusionPresence:
            t.yes = presence(effusion->present, effusion->side);
            break;
        case Topic::EffusionSide:
            sideOf(effusion->present, effusion->side);
            break;
        case Topic::PneumothoraxPresence:
            t.yes = presence(f.chest.pneumothorax.present, f.chest.pneumothorax.side);
            break;
        case Topic::PneumothoraxSide:
            sideOf(f.chest.pneumothorax.present, f.chest.pneumothorax.side);
            break;
        case Topic::Cardiomegaly:
            t.yes = key.negated ? !f.chest.cardiomegaly : f.chest.cardiomegaly;
            break;
        case Topic::LiverLesionPresence:
            t.yes = presence(f.ct.liverLesion.present, Side::None);
            break;
        case Topic::LiverLesionSize:
            sizeOf(f.ct.liverLesion.present, f.ct.liverLesion.sizeMm);
            break;
        case Topic::TissueType:
            t.canonical = tissueAnswer(f.pathology.tissue);
            break;
        case Topic::Malignancy:
            t.yes = key.negated != f.pathology.malignant();
            break;
        case Topic::Inflammation:
            t.yes = key.negated != (f.pathology.tissue == TissueType::Inflamed);
            break;
        case Topic::Necrosis:
            t.yes = key.negated != f.pathology.necrosis;
            break;
        case Topic::Glands:
            t.yes = key.negated != f.pathology.glands();
            break;
        case Topic::Vessels:
            t.yes = key.negated != f.pathology.vessels();
            break;
        case Topic::CellDensity:
            t.canonical = densityName(f.pathology.density);
            break;
        case Topic::Stain:
            t.canonical = "h&e";
            break;
    }
    if (t.closed) t.canonical = t.yes ? "yes" : "no";
    return t;
}

QaPair askQuestion(const ImageFindings& f, Topic topic, Rng& rng, int variant) {
    const Strings& forms = phrasings(topic);
    const std::size_t n = forms.size();
    const std::size_t pick = variant < 0 ? rng.pick(n) : static_cast<std::size_t>(variant) % n;
    QaPair qa;
    qa.key.topic = topic;
    std::string q = forms[pick];
    if (q.find("{side}") != std::string::npos) {
        qa.key.side = rng.chance(0.5) ? Side::Left : Side::Right;
        q = fill(q, sideName(qa.key.side));
    }
    // "Is the heart size normal?" asks the negation of cardiomegaly.
    qa.key.negated = topic == Topic::Cardiomegaly && q.find("normal") != std::string::npos;
    qa.question = q;
    const TruthAnswer t = truthFor(f, qa.key);
    qa.closed = t.closed;
    qa.answer = t.canonical;
    qa.longAnswer = sentenceFor(f, qa.key, t, rng);
    switch (topic) {
        case Topic::Modality:
            qa.vqaRadType = "MODALITY";
            qa.slakeContent = "Modality";
            break;
        case Topic::Organ:
            qa.vqaRadType = "ORGAN";
            qa.slakeContent = "Organ";
            break;
        case Topic::Plane:
            qa.vqaRadType = "PLANE";
            qa.slakeContent = "Plane";
            break;
        case Topic::NoduleSide:
        case Topic::EffusionSide:
        case Topic::PneumothoraxSide:
            qa.vqaRadType = "POS";
            qa.slakeContent = "Position";
            break;
        case Topic::NoduleSize:
        case Topic::LiverLesionSize:
        case Topic::Cardiomegaly:
            qa.vqaRadType = "SIZE";
            qa.slakeContent = "Size";
            break;
        case Topic::CellDensity:
            qa.vqaRadType = "ATTRIB";
            qa.slakeContent = "Quantity";
            break;
        case Topic::Stain:
            qa.vqaRadType = "COLOR";
            qa.slakeContent = "Color";
            break;
        case Topic::Normal:
        case Topic::AnyAbnormality:
        case Topic::Abnormality:
        case Topic::TissueType:
            qa.vqaRadType = "ABN";
            qa.slakeContent = "Abnormality";
            break;
        default:
            qa.vqaRadType = "PRES";
            qa.slakeContent = "Abnormality";
            break;
    }
    return qa;
}

std::vector<QaPair> askQuestions(const ImageFindings& f, int count, Rng& rng) {
    std::vector<Topic> topics = topicsFor(f.modality);
    for (std::size_t i = topics.size(); i > 1; --i) std::swap(topics[i - 1], topics[rng.pick(i)]);  // shuffle
    std::vector<QaPair> out;
    bool wantYes = rng.chance(0.5), wantClosed = rng.chance(0.5);
    for (int attempt = 0; attempt < 3 && static_cast<int>(out.size()) < count; ++attempt) {
        for (std::size_t i = 0; i < topics.size() && static_cast<int>(out.size()) < count; ++i) {
            const Topic t = topics[i];
            if (attempt == 0 && isClosed(t) != wantClosed) continue;
            bool used = false;
            for (const auto& q : out) used |= q.key.topic == t;
            if (used) continue;
            QaPair qa = askQuestion(f, t, rng);
            if (qa.closed && attempt < 2) {  // balance yes / no: try a few phrasings for the wanted answer
                for (int k = 0; k < 4 && (qa.answer == "yes") != wantYes; ++k) qa = askQuestion(f, t, rng);
                if ((qa.answer == "yes") != wantYes) continue;
                wantYes = !wantYes;
            }
            out.push_back(std::move(qa));
            wantClosed = !wantClosed;
        }
    }
    return out;
}

const std::vector<std::string>& describePrompts() {
    static const Strings prompts = {"Can you describe the image in detail?", "Describe this image.",
                                    "What do you see in this image?",
                                    "Please describe the findings in this image."};
    return prompts;
}

std::string describeImage(const ImageFindings& f, Rng& rng) {
    std::string s;
    if (f.modality == Modality::ChestXray) {
        const auto& c = f.chest;
        s = "This is a posteroanterior chest radiograph. ";
        s += c.cardiomegaly
                 ? "The heart is enlarged, with a cardiothoracic ratio of about " +
                       std::to_string(static_cast<int>(std::lround(c.cardiothoracicRatio * 100))) + "%. "
                 : "The heart size is normal. ";
        if (c.nodule.present)
            s +=
                "There is a " + mm(c.nodule.sizeMm) + " nodule in the " + sideName(c.nodule.side) + " lung. ";
        if (c.effusion.present)
            s += std::string("A ") + sideName(c.effusion.side) +
                 " pleural effusion blunts the costophrenic angle. ";
        if (c.pneumothorax.present)
            s += std::string("There is a ") + sideName(c.pneumothorax.side) +
                 " pneumothorax with a visible pleural line and no lung markings beyond it. ";
        if (c.normal())
            s += "The lungs are clear, with no nodule, effusion or pneumothorax.";
        else if (!c.nodule.present && !c.effusion.present && !c.pneumothorax.present)
            s += "The lungs are clear.";
    } else if (f.modality == Modality::CtSlice) {
        const auto& c = f.ct;
        s = "This is an axial CT slice through the lung bases and the upper abdomen, showing the liver, "
            "spleen, "
            "stomach, aorta and spine. ";
        if (c.liverLesion.present)
            s += "There is a " + mm(c.liverLesion.sizeMm) + " hypodense lesion in the liver. ";
        if (c.lungNodule.present)
            s += "A " + mm(c.lungNodule.sizeMm) + " nodule is seen in the " + sideName(c.lungNodule.side) +
                 " lung. ";
        if (c.effusion.present)
            s += std::string("There is a ") + sideName(c.effusion.side) + " pleural effusion. ";
        if (c.normal()) s += "No focal lesion is seen.";
    } else {
        const auto& p = f.pathology;
        s = "This is an H&E-stained section of colonic tissue. ";
        s += p.tissue == TissueType::Normal ? "The architecture is normal. "
             : p.tissue == TissueType::Inflamed
                 ? "There is a dense inflammatory infiltrate of small round lymphocytes. "
                 : "There is carcinoma, with crowded, large pleomorphic nuclei. ";
        s += "The cell density is " + std::string(densityName(p.density)) + ". ";
        if (p.glands())
            s +=
                p.tissue == TissueType::Carcinoma ? "Irregular glands are present. " : "Glands are present. ";
        if (p.vessels()) s += "Blood vessels with red blood cells are visible. ";
        if (p.necrosis) s += "There is an area of necrosis.";
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    (void)rng;
    return s;
}

QaPair askQuestionZh(const ImageFindings& f, Topic topic) {
    QaPair qa;
    qa.key.topic = topic;
    if (!appliesTo(topic, f.modality)) return qa;
    const TruthAnswer t = truthFor(f, qa.key);
    qa.closed = t.closed;
    switch (topic) {
        case Topic::Modality:
            qa.question = "这张图像是什么成像方式？";
            qa.answer = f.modality == Modality::ChestXray ? "X光"
                        : f.modality == Modality::CtSlice ? "CT"
                                                          : "显微镜";
            qa.slakeContent = "Modality";
            break;
        case Topic::Organ:
            qa.question = "图像中显示的是哪个部位？";
            qa.answer = f.modality == Modality::ChestXray ? "胸部"
                        : f.modality == Modality::CtSlice ? "腹部"
                                                          : "结肠";
            qa.slakeContent = "Organ";
            break;
        case Topic::Normal:
            qa.question = "这张图像正常吗？";
            qa.slakeContent = "Abnormality";
            break;
        case Topic::NodulePresence:
            qa.question = "图像中有肺结节吗？";
            qa.slakeContent = "Abnormality";
            break;
        case Topic::EffusionPresence:
            qa.question = "有胸腔积液吗？";
            qa.slakeContent = "Abnormality";
            break;
        default:
            return QaPair{};
    }
    if (t.closed) qa.answer = t.yes ? "是" : "否";
    qa.longAnswer = qa.answer;
    return qa;
}

}  // namespace stllava::synthetic
