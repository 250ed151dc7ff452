#include "synthetic/findings.h"

#include <stdexcept>

namespace stllava::synthetic {
namespace {

template <typename E, std::size_t N>
E fromName(const std::string& name, const E (&values)[N], const char* (*nameOf)(E), const char* what) {
    for (const E v : values)
        if (name == nameOf(v)) return v;
    std::string known;
    for (const E v : values) known += std::string(known.empty() ? "" : ", ") + nameOf(v);
    throw std::invalid_argument("unknown " + std::string(what) + " '" + name + "' (known: " + known + ")");
}

}  // namespace

const char* modalityName(Modality m) {
    switch (m) {
        case Modality::ChestXray:
            return "chest_xray";
        case Modality::CtSlice:
            return "ct";
        case Modality::Pathology:
            return "pathology";
    }
    return "?";
}

Modality modalityFromName(const std::string& name) {
    static const Modality all[] = {Modality::ChestXray, Modality::CtSlice, Modality::Pathology};
    return fromName(name, all, &modalityName, "modality");
}

const char* sideName(Side s) {
    switch (s) {
        case Side::None:
            return "none";
        case Side::Left:
            return "left";
        case Side::Right:
            return "right";
    }
    return "?";
}

Side sideFromName(const std::string& name) {
    static const Side all[] = {Side::None, Side::Left, Side::Right};
    return fromName(name, all, &sideName, "side");
}

const char* tissueName(TissueType t) {
    switch (t) {
        case TissueType::Normal:
            return "normal";
        case TissueType::Inflamed:
            return "inflamed";
        case TissueType::Carcinoma:
            return "carcinoma";
    }
    return "?";
}

TissueType tissueFromName(const std::string& name) {
    static const TissueType all[] = {TissueType::Normal, TissueType::Inflamed, TissueType::Carcinoma};
    return fromName(name, all, &tissueName, "tissue type");
}

const char* densityName(Density d) {
    switch (d) {
        case Density::Low:
            return "low";
        case Density::Moderate:
            return "moderate";
        case Density::High:
            return "high";
    }
    return "?";
}

Density densityFromName(const std::string& name) {
    static const Density all[] = {Density::Low, Density::Moderate, Density::High};
    return fromName(name, all, &densityName, "cell density");
}

bool ImageFindings::normal() const {
    switch (modality) {
        case Modality::ChestXray:
            return chest.normal();
        case Modality::CtSlice:
            return ct.normal();
        case Modality::Pathology:
            return pathology.tissue == TissueType::Normal && !pathology.necrosis;
    }
    return true;
}

}  // namespace stllava::synthetic
