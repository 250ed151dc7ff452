#include "synthetic/oracle.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace stllava::synthetic {
namespace {

// Lower-cased words (letters, digits, '&', and '.' inside numbers), separated by single spaces and
// padded with a space at each end, so that " word " finds whole words.
std::string normalise(const std::string& text) {
    std::string s = text;
    for (const std::string drop : {"<image>", "</s>", "USER:", "ASSISTANT:", "VUSER:"})
        for (auto p = s.find(drop); p != std::string::npos; p = s.find(drop)) s.replace(p, drop.size(), " ");
    std::string out = " ";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool numberDot = c == '.' && i > 0 && i + 1 < s.size() &&
                               std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                               std::isdigit(static_cast<unsigned char>(s[i + 1]));
        if (std::isalnum(c) || c == '&' || numberDot || c >= 0x80) {
            out += static_cast<char>(std::tolower(c));
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

bool has(const std::string& n, const char* phrase) {
    return n.find(std::string(" ") + phrase + " ") != std::string::npos;
}
bool hasStem(const std::string& n, const char* stem) {
    return n.find(std::string(" ") + stem) != std::string::npos;
}
bool any(const std::string& n, std::initializer_list<const char*> phrases) {
    for (const char* p : phrases)
        if (has(n, p)) return true;
    return false;
}
bool anyStem(const std::string& n, std::initializer_list<const char*> stems) {
    for (const char* p : stems)
        if (hasStem(n, p)) return true;
    return false;
}
std::size_t wordCount(const std::string& n) {
    std::istringstream in(n);
    std::size_t k = 0;
    for (std::string w; in >> w;) ++k;
    return k;
}

Side sideIn(const std::string& n) {
    const bool l = has(n, "left"), r = has(n, "right");
    if (l == r) return Side::None;
    return l ? Side::Left : Side::Right;
}

bool closedForm(const std::string& n) {
    std::istringstream in(n);
    std::string first;
    in >> first;
    static const std::set<std::string> aux = {"is",    "are",    "does", "do",   "can",
                                              "was",   "were",   "has",  "have", "could",
                                              "would", "should", "will", "did",  "any"};
    return aux.count(first) > 0 || has(n, "yes or no");
}

// The lesion / finding words of radiology questions.
bool mentionsNodule(const std::string& n) {
    return anyStem(n, {"nodul", "mass", "lump", "coin lesion"});
}
bool mentionsLiver(const std::string& n) {
    return anyStem(n, {"liver", "hepat"});
}
bool mentionsEffusion(const std::string& n) {
    return anyStem(n, {"effusion", "fluid", "hydrothorax"});
}
bool mentionsPneumothorax(const std::string& n) {
    return anyStem(n, {"pneumothora", "collapse"}) || has(n, "air in the pleural");
}
bool mentionsHeart(const std::string& n) {
    return anyStem(n, {"heart", "cardi"});
}

enum class Polarity { Unknown, Yes, No };

Polarity polarityOf(const std::string& n) {
    std::istringstream in(n);
    std::string w1, w2, w3;
    in >> w1 >> w2 >> w3;
    static const std::set<std::string> yesFirst = {"yes",  "yeah",        "yep",      "correct",
                                                   "true", "affirmative", "positive", "present"};
    static const std::set<std::string> noFirst = {"no",     "not",   "none",    "nope",   "negative",
                                                  "absent", "false", "without", "nothing"};
    if (yesFirst.count(w1)) return Polarity::Yes;
    if (noFirst.count(w1)) return Polarity::No;
    if ((w1 == "there" || w1 == "it") && (w2 == "is" || w2 == "are"))
        return w3 == "no" || w3 == "not" ? Polarity::No : Polarity::Yes;
    if (any(n, {"no", "not", "without", "absent", "no evidence", "free of", "none", "isn t", "aren t",
                "cannot"}))
        return Polarity::No;
    if (any(n, {"present", "seen", "visible", "shows", "there is", "there are", "demonstrates", "evident"}))
        return Polarity::Yes;
    return Polarity::Unknown;
}

// Sizes written in the answer, in mm ("12 mm", "1.2 cm", "12mm", "12 millimetres").
std::vector<double> sizesIn(const std::string& n) {
    std::vector<double> out;
    std::istringstream in(n);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        std::size_t digits = 0;
        while (digits < w.size() && (std::isdigit(static_cast<unsigned char>(w[digits])) || w[digits] == '.'))
            ++digits;
        if (digits == 0) continue;
        double v = 0.0;
        try {
            v = std::stod(w.substr(0, digits));
        } catch (const std::exception&) {
            continue;
        }
        std::string unit = w.substr(digits);
        if (unit.empty() && i + 1 < words.size()) unit = words[i + 1];
        if (unit.rfind("cm", 0) == 0 || unit.rfind("centim", 0) == 0) v *= 10.0;
        out.push_back(v);
    }
    return out;
}

// Finding kinds named in an answer (for the abnormality list and the generic score).
std::set<std::string> kindsIn(const std::string& n) {
    std::set<std::string> k;
    if (mentionsNodule(n)) k.insert("nodule");
    if (mentionsEffusion(n)) k.insert("effusion");
    if (anyStem(n, {"pneumothora"})) k.insert("pneumothorax");
    if (anyStem(n, {"cardiomegal", "enlarged heart"}) || has(n, "heart is enlarged"))
        k.insert("cardiomegaly");
    if (mentionsLiver(n) && anyStem(n, {"lesion", "cyst", "metasta", "hypodens", "tumo", "mass"}))
        k.insert("liver lesion");
    if (anyStem(n, {"carcinom", "malignan", "cancer", "adenocarc"})) k.insert("carcinoma");
    if (anyStem(n, {"inflam", "lymphocyt"})) k.insert("inflammation");
    if (anyStem(n, {"necros", "necrot"})) k.insert("necrosis");
    return k;
}

std::set<std::string> trueKinds(const ImageFindings& f) {
    std::set<std::string> k;
    for (const std::string& label :
         truthFor(f, {Topic::Modality, Side::None, false}).findings) {  // every modality
        if (label.find("nodule") != std::string::npos)
            k.insert("nodule");
        else if (label.find("effusion") != std::string::npos)
            k.insert("effusion");
        else
            k.insert(label);
    }
    return k;
}

// Categorical answers: the words that name each category of a topic.
struct Category {
    std::string name;
    std::vector<const char*> words;  // stems
};

std::vector<Category> categoriesFor(Topic t) {
    switch (t) {
        case Topic::Modality:
            return {{"x-ray", {"x ray", "xray", "radiograph", "cxr", "plain film", "x-ray"}},
                    {"ct", {"ct", "computed tomograph", "cat scan"}},
                    {"microscopy", {"microscop", "histolog", "patholog", "h&e", "biopsy", "slide"}},
                    {"mri", {"mri", "magnetic"}},
                    {"ultrasound", {"ultrasound", "sonograph"}}};
        case Topic::Organ:
            return {{"chest", {"chest", "thora", "lung"}},
                    {"abdomen", {"abdom", "liver"}},
                    {"colon", {"colon", "bowel", "intestin"}},
                    {"brain", {"brain", "head"}}};
        case Topic::Plane:
            return {{"axial", {"axial", "transverse"}},
                    {"pa", {"pa", "posteroanterior", "frontal", "posterior anterior"}},
                    {"coronal", {"coronal"}},
                    {"sagittal", {"sagittal"}},
                    {"lateral", {"lateral"}}};
        case Topic::TissueType:
            return {{"normal", {"normal", "benign", "healthy", "unremarkable"}},
                    {"inflamed", {"inflam", "colitis", "lymphocyt"}},
                    {"carcinoma", {"carcinom", "malignan", "cancer", "tumo", "neoplas", "adenocarc"}}};
        case Topic::CellDensity:
            return {{"low", {"low", "sparse", "hypocellular"}},
                    {"moderate", {"moderate", "intermediate", "medium"}},
                    {"high", {"high", "dense", "crowded", "hypercellular"}}};
        case Topic::Stain:
            return {{"h&e", {"h&e", "hematoxylin", "haematoxylin", "eosin", "h e"}},
                    {"other", {"pas", "trichrome", "immuno", "giemsa"}}};
        case Topic::NoduleSide:
        case Topic::EffusionSide:
        case Topic::PneumothoraxSide:
            return {{"left", {"left"}}, {"right", {"right"}}};
        default:
            return {};
    }
}

bool saysAbsent(const std::string& n) {
    return any(n, {"none", "no", "not", "absent", "nothing", "normal", "there is no", "not seen"});
}

AnswerScore scoreCategorical(const std::string& n, Topic topic, const TruthAnswer& t) {
    if (t.canonical == "none") {  // a side question about a finding that is absent
        const Side s = sideIn(n);
        if (s != Side::None || (has(n, "left") && has(n, "right")))
            return {2, "names a side; truth: no such finding"};
        if (saysAbsent(n)) return {9, "says there is none; truth: none"};
        return {3, "no side and no denial; truth: none"};
    }
    bool right = false, wrong = false;
    for (const Category& c : categoriesFor(topic)) {
        bool hit = false;
        for (const char* w : c.words) hit |= hasStem(n, w);
        if (!hit) continue;
        (c.name == t.canonical ? right : wrong) = true;
    }
    // "normal" inside a longer tissue answer ("not normal") is no claim of normal tissue.
    if (topic == Topic::TissueType && t.canonical != "normal" && right && has(n, "not normal")) wrong = false;
    const std::string truth = "truth " + t.canonical;
    if (right && !wrong) return {wordCount(n) > 20 ? 9 : 10, "names the right answer; " + truth};
    if (right && wrong) return {5, "names the right answer and a wrong one; " + truth};
    if (wrong) return {2, "names a wrong answer; " + truth};
    return {3, "names no recognisable answer; " + truth};
}

AnswerScore scoreSize(const std::string& n, const TruthAnswer& t) {
    const std::vector<double> sizes = sizesIn(n);
    if (t.sizeMm <= 0.0) {
        if (!sizes.empty()) return {2, "gives a size; truth: no such lesion"};
        return saysAbsent(n) ? AnswerScore{9, "says there is none; truth: none"}
                             : AnswerScore{3, "no size; truth: none"};
    }
    if (sizes.empty()) return {3, "gives no size; truth " + t.canonical};
    const double v = sizes.front();
    const double err = std::abs(v - t.sizeMm), rel = err / t.sizeMm;
    std::ostringstream why;
    why << "says " << v << " mm; truth " << t.canonical;
    if (err <= 2.0 || rel <= 0.15) return {10, why.str()};
    if (rel <= 0.30) return {7, why.str()};
    if (rel <= 0.60) return {4, why.str()};
    return {2, why.str()};
}

AnswerScore scoreAbnormalityList(const ImageFindings& f, const std::string& n) {
    const std::set<std::string> truth = trueKinds(f), said = kindsIn(n);
    const bool claimsNormal = (has(n, "normal") && !has(n, "abnormal") && !has(n, "not normal")) ||
                              any(n, {"no abnormality", "none", "nothing", "unremarkable"});
    if (truth.empty()) {
        if (said.empty() && claimsNormal) return {10, "says normal; truth normal"};
        if (!said.empty()) return {2, "names findings; truth normal"};
        return {3, "neither findings nor normal; truth normal"};
    }
    if (said.empty())
        return {claimsNormal ? 2 : 3, claimsNormal ? "says normal; truth abnormal" : "names no findings"};
    std::size_t hit = 0;
    for (const auto& k : said) hit += truth.count(k);
    const double p = static_cast<double>(hit) / said.size(), r = static_cast<double>(hit) / truth.size();
    const double f1 = hit == 0 ? 0.0 : 2.0 * p * r / (p + r);
    std::ostringstream why;
    why << "names " << hit << " of " << truth.size() << " findings with " << (said.size() - hit)
        << " wrong (F1 " << std::round(f1 * 100.0) / 100.0 << ")";
    return {std::clamp(1 + static_cast<int>(std::lround(9.0 * f1)), 1, 10), why.str()};
}

// A detail stated in a closed answer (side, size) checked against the findings of the asked topic.
int closedDetail(const ImageFindings& f, const QuestionKey& key, const std::string& n) {
    QuestionKey sideKey = key, sizeKey = key;
    bool sideTopic = true, sizeTopic = true;
    switch (key.topic) {
        case Topic::NodulePresence:
            sideKey.topic = Topic::NoduleSide;
            sizeKey.topic = Topic::NoduleSize;
            break;
        case Topic::EffusionPresence:
            sideKey.topic = Topic::EffusionSide;
            sizeTopic = false;
            break;
        case Topic::PneumothoraxPresence:
            sideKey.topic = Topic::PneumothoraxSide;
            sizeTopic = false;
            break;
        case Topic::LiverLesionPresence:
            sideTopic = false;
            sizeKey.topic = Topic::LiverLesionSize;
            break;
        default:
            return 0;
    }
    int good = 0, bad = 0;
    const Side said = sideIn(n);
    if (sideTopic && said != Side::None && key.side == Side::None) {
        const TruthAnswer t = truthFor(f, {sideKey.topic, Side::None, false});
        (t.side == said ? good : bad) += 1;
    }
    const std::vector<double> sizes = sizesIn(n);
    if (sizeTopic && !sizes.empty()) {
        const TruthAnswer t = truthFor(f, {sizeKey.topic, Side::None, false});
        (t.sizeMm > 0.0 && std::abs(sizes.front() - t.sizeMm) <= std::max(2.0, 0.3 * t.sizeMm) ? good
                                                                                               : bad) += 1;
    }
    return bad > 0 ? -1 : good > 0 ? 1 : 0;
}

}  // namespace

MappedQuestion mapQuestion(const std::string& question, Modality m) {
    const std::string n = normalise(question);
    MappedQuestion out;
    if (wordCount(n) == 0) {
        out.reason = "empty question";
        return out;
    }
    const bool closed = closedForm(n);
    const Side side = sideIn(n);
    const bool sizeCue =
        anyStem(n, {"size", "large", "big", "diamet", "measur", "dimension"}) || has(n, "how many mm");
    const bool sideCue =
        any(n, {"which side", "what side", "which lung", "where", "side", "located", "location", "which"});
    QuestionKey k;
    k.side = Side::None;
    auto done = [&](Topic t) {
        k.topic = t;
        if (!appliesTo(t, m)) {
            out.reason =
                std::string("topic ") + topicName(t) + " does not apply to a " + modalityName(m) + " image";
            return out;
        }
        out.key = k;
        return out;
    };
    // Pathology words first (they name the topic outright).
    if (hasStem(n, "stain")) return done(Topic::Stain);
    if (anyStem(n, {"cellular", "cell density", "density", "how many cells"}))
        return done(Topic::CellDensity);
    if (anyStem(n, {"necros", "necrot", "dead tissue"})) return done(Topic::Necrosis);
    if (anyStem(n, {"gland", "crypt"})) return done(Topic::Glands);
    if (anyStem(n, {"vessel", "vascul", "capillar", "blood"})) return done(Topic::Vessels);
    if (closed && anyStem(n, {"inflam", "lymphocyt"})) return done(Topic::Inflammation);
    if (closed && anyStem(n, {"malignan", "cancer", "carcinom", "tumo", "neoplas"}) && !mentionsLiver(n))
        return done(Topic::Malignancy);
    // Radiology findings.
    if (mentionsLiver(n) && (anyStem(n, {"lesion", "cyst", "mass", "hypodens", "tumo", "metasta", "spot"}))) {
        if (!closed && sizeCue) return done(Topic::LiverLesionSize);
        if (closed) return done(Topic::LiverLesionPresence);
        out.reason = "an open question about the liver lesion that asks neither its size nor its presence";
        return out;
    }
    auto sided = [&](Topic presence, Topic sideTopic, Topic sizeTopic) {
        if (closed) {
            k.side = side;
            return done(presence);
        }
        if (sizeTopic != presence && sizeCue) return done(sizeTopic);
        if (sideCue || side != Side::None) return done(sideTopic);
        out.reason =
            std::string("an open question about ") + topicName(presence) + " that asks neither side nor size";
        return out;
    };
    if (mentionsPneumothorax(n))
        return sided(Topic::PneumothoraxPresence, Topic::PneumothoraxSide, Topic::PneumothoraxPresence);
    if (mentionsEffusion(n))
        return sided(Topic::EffusionPresence, Topic::EffusionSide, Topic::EffusionPresence);
    if (mentionsNodule(n)) return sided(Topic::NodulePresence, Topic::NoduleSide, Topic::NoduleSize);
    if (mentionsHeart(n) && (anyStem(n, {"enlarg", "cardiomegal", "size", "big", "large", "silhouette"}))) {
        k.negated = closed && has(n, "normal") && !has(n, "abnormal");
        if (closed) return done(Topic::Cardiomegaly);
        out.reason = "an open question about the heart size (only yes/no questions about it are scored)";
        return out;
    }
    // Whole-image questions.
    if (anyStem(n, {"plane", "orientation", "projection", "view"})) return done(Topic::Plane);
    if (anyStem(n,
                {"modality", "imaging", "kind of image", "type of image", "type of scan", "kind of scan"}) ||
        any(n, {"how was this image taken", "how was the image taken", "what scan"}))
        return done(Topic::Modality);
    if (anyStem(n, {"organ", "body part", "part of the body", "body region", "region"}))
        return done(Topic::Organ);
    if (!closed && (anyStem(n, {"tissue", "diagnos", "histolog", "classif"}) ||
                    anyStem(n, {"carcinom", "inflam", "tumo"})))
        return done(m == Modality::Pathology ? Topic::TissueType : Topic::Abnormality);
    if (closed && has(n, "normal") && !has(n, "abnormal")) return done(Topic::Normal);
    if (closed && anyStem(n, {"abnormal", "patholog", "lesion", "finding", "wrong"}))
        return done(Topic::AnyAbnormality);
    if (!closed && anyStem(n, {"abnormal", "finding", "lesion", "wrong", "patholog", "diagnos"}))
        return done(Topic::Abnormality);
    out.reason = "no topic of the world's grammar recognised in the question";
    return out;
}

AnswerScore scoreAnswer(const ImageFindings& f, const QuestionKey& key, const std::string& answer) {
    const std::string n = normalise(answer);
    if (wordCount(n) == 0) return {1, "empty answer"};
    const TruthAnswer t = truthFor(f, key);
    if (t.closed) {
        const Polarity p = polarityOf(n);
        const std::string truth = std::string("truth ") + (t.yes ? "yes" : "no");
        if (p == Polarity::Unknown) return {4, "neither yes nor no; " + truth};
        if ((p == Polarity::Yes) != t.yes)
            return {2, std::string("says ") + (p == Polarity::Yes ? "yes" : "no") + "; " + truth};
        const int detail = t.yes ? closedDetail(f, key, n) : 0;
        if (detail < 0) return {6, "right polarity but a wrong side or size; " + truth};
        return {detail > 0 ? 10 : 9, std::string("says ") + (t.yes ? "yes" : "no") +
                                         (detail > 0 ? " with a correct detail; " : "; ") + truth};
    }
    switch (key.topic) {
        case Topic::NoduleSize:
        case Topic::LiverLesionSize:
            return scoreSize(n, t);
        case Topic::Abnormality:
            return scoreAbnormalityList(f, n);
        default:
            return scoreCategorical(n, key.topic, t);
    }
}

AnswerScore scoreUnmapped(const ImageFindings& f, const std::string& answer) {
    const std::string n = normalise(answer);
    if (wordCount(n) == 0) return {1, "empty answer"};
    const std::set<std::string> truth = trueKinds(f);
    int score = 5, wrong = 0, right = 0;
    for (const auto& k : kindsIn(n)) {
        // A finding named in a denial ("no effusion") asserts nothing.
        const bool denied = has(n, ("no " + k).c_str()) || has(n, ("not " + k).c_str());
        if (denied) continue;
        truth.count(k) ? ++right : ++wrong;
    }
    score += right - 2 * wrong;
    std::ostringstream why;
    why << "generic: " << right << " present finding(s) named, " << wrong << " absent finding(s) asserted";
    return {std::clamp(score, 1, 8), why.str()};
}

const char* noiseName(NoiseKind k) {
    switch (k) {
        case NoiseKind::None:
            return "none";
        case NoiseKind::Flipped:
            return "flipped";
        case NoiseKind::Tied:
            return "tied";
    }
    return "?";
}

PairScore scorePair(const ImageFindings& f, const std::string& question, const std::string& answer1,
                    const std::string& answer2) {
    PairScore s;
    const MappedQuestion mq = mapQuestion(question, f.modality);
    AnswerScore a1, a2;
    std::ostringstream r;
    if (mq.key) {
        const TruthAnswer t = truthFor(f, *mq.key);
        s.mapped = true;
        s.topic = topicName(mq.key->topic);
        s.truth = t.canonical;
        a1 = scoreAnswer(f, *mq.key, answer1);
        a2 = scoreAnswer(f, *mq.key, answer2);
        r << "Question mapped to " << s.topic;
        if (mq.key->side != Side::None) r << " (" << sideName(mq.key->side) << " side)";
        if (mq.key->negated) r << " (negated)";
        r << "; true answer: " << t.canonical << ".";
    } else {
        s.unmappedReason = mq.reason;
        a1 = scoreUnmapped(f, answer1);
        a2 = scoreUnmapped(f, answer2);
        r << "Unanswerable from the findings (" << mq.reason << "); both answers scored on generic grounds.";
    }
    r << " Answer 1: " << a1.score << " (" << a1.why << "). Answer 2: " << a2.score << " (" << a2.why << ").";
    s.score1 = s.cleanScore1 = a1.score;
    s.score2 = s.cleanScore2 = a2.score;
    s.rationale = r.str();
    return s;
}

PairScore applyNoise(PairScore s, const NoiseConfig& noise, const std::string& pairKey) {
    if (noise.flipShare < 0.0 || noise.tieShare < 0.0 || noise.flipShare + noise.tieShare > 1.0)
        throw std::invalid_argument("oracle noise: flip share " + std::to_string(noise.flipShare) +
                                    " and tie share " + std::to_string(noise.tieShare) +
                                    " must be in [0, 1] and sum to at most 1");
    Rng rng(deriveSeed(noise.seed, pairKey));
    const double u = rng.uniform();
    if (u < noise.flipShare) {
        std::swap(s.score1, s.score2);
        s.noise = NoiseKind::Flipped;
        s.rationale += " [noise: scores flipped]";
    } else if (u < noise.flipShare + noise.tieShare) {
        s.score1 = s.score2 = (s.score1 + s.score2) / 2;
        s.noise = NoiseKind::Tied;
        s.rationale += " [noise: scores tied]";
    }
    return s;
}

PairScore scorePairNoisy(const ImageFindings& f, const std::string& question, const std::string& answer1,
                         const std::string& answer2, const NoiseConfig& noise, const std::string& pairKey) {
    return applyNoise(scorePair(f, question, answer1, answer2), noise, pairKey);
}

std::string judgeReplyText(const PairScore& s) {
    return std::to_string(s.score1) + " " + std::to_string(s.score2) + "\n" + s.rationale;
}

}  // namespace stllava::synthetic
