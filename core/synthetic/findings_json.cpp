#include "synthetic/findings_json.h"

#include "common/atomic_file.h"

#include <cmath>
#include <stdexcept>

namespace stllava::synthetic {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "stllava-synthetic-findings";
constexpr int kVersion = 1;

// Rounds to 0.01 so that files stay short and identical across runs.
double r2(double v) {
    return std::round(v * 100.0) / 100.0;
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw std::runtime_error(where + ": " + what);
}

const json& field(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) fail(where, std::string("expected an object holding \"") + key + "\"");
    const auto it = j.find(key);
    if (it == j.end()) fail(where, std::string("missing field \"") + key + "\"");
    return *it;
}

template <typename T>
T get(const json& j, const char* key, const std::string& where) {
    const json& v = field(j, key, where);
    try {
        return v.get<T>();
    } catch (const json::exception&) {
        fail(where, std::string("field \"") + key + "\" has the wrong type (" + v.type_name() + ")");
    }
}

json lesionJson(const Lesion& l) {
    return {{"present", l.present},
            {"side", sideName(l.side)},
            {"size_mm", r2(l.sizeMm)},
            {"center_px", {r2(l.centerX), r2(l.centerY)}},
            {"contrast", r2(l.contrast)}};
}

Lesion lesionFrom(const json& j, const std::string& where) {
    Lesion l;
    l.present = get<bool>(j, "present", where);
    l.side = sideFromName(get<std::string>(j, "side", where));
    l.sizeMm = get<double>(j, "size_mm", where);
    const json& c = field(j, "center_px", where);
    if (!c.is_array() || c.size() != 2) fail(where, "\"center_px\" must be [x, y]");
    l.centerX = c[0].get<double>();
    l.centerY = c[1].get<double>();
    l.contrast = get<double>(j, "contrast", where);
    return l;
}

json sidedJson(const SidedFinding& s) {
    return {{"present", s.present}, {"side", sideName(s.side)}, {"extent", r2(s.extent)}};
}

SidedFinding sidedFrom(const json& j, const std::string& where) {
    SidedFinding s;
    s.present = get<bool>(j, "present", where);
    s.side = sideFromName(get<std::string>(j, "side", where));
    s.extent = get<double>(j, "extent", where);
    return s;
}

}  // namespace

json findingsToJson(const ImageFindings& f) {
    json j = {{"format", kFormat},
              {"version", kVersion},
              {"image_id", f.imageId},
              {"modality", modalityName(f.modality)},
              {"width", f.width},
              {"height", f.height},
              {"pixel_spacing_mm", std::round(f.pixelSpacingMm * 10000.0) / 10000.0},
              {"organ", f.organ},
              {"normal", f.normal()}};
    switch (f.modality) {
        case Modality::ChestXray:
            j["chest"] = {{"view", f.chest.view},
                          {"nodule", lesionJson(f.chest.nodule)},
                          {"effusion", sidedJson(f.chest.effusion)},
                          {"pneumothorax", sidedJson(f.chest.pneumothorax)},
                          {"cardiomegaly", f.chest.cardiomegaly},
                          {"cardiothoracic_ratio", r2(f.chest.cardiothoracicRatio)}};
            break;
        case Modality::CtSlice:
            j["ct"] = {{"plane", f.ct.plane},
                       {"slice_z_mm", r2(f.ct.sliceZMm)},
                       {"slice_thickness_mm", r2(f.ct.sliceThicknessMm)},
                       {"liver_lesion", lesionJson(f.ct.liverLesion)},
                       {"lung_nodule", lesionJson(f.ct.lungNodule)},
                       {"effusion", sidedJson(f.ct.effusion)}};
            break;
        case Modality::Pathology:
            j["pathology"] = {{"tissue", tissueName(f.pathology.tissue)},
                              {"density", densityName(f.pathology.density)},
                              {"nucleus_count", f.pathology.nucleusCount},
                              {"gland_count", f.pathology.glandCount},
                              {"vessel_count", f.pathology.vesselCount},
                              {"necrosis", f.pathology.necrosis},
                              {"organ", f.pathology.organ},
                              {"stain", f.pathology.stain}};
            break;
    }
    return j;
}

ImageFindings findingsFromJson(const json& j, const std::string& where) {
    if (!j.is_object()) fail(where, "findings must be a JSON object");
    if (j.value("format", std::string()) != kFormat)
        fail(where, std::string("not a synthetic findings file (\"format\" is not \"") + kFormat + "\")");
    if (get<int>(j, "version", where) != kVersion)
        fail(where, "unsupported findings version " + j["version"].dump() + " (this build reads " +
                        std::to_string(kVersion) + ")");
    ImageFindings f;
    try {
        f.imageId = get<std::string>(j, "image_id", where);
        f.modality = modalityFromName(get<std::string>(j, "modality", where));
        f.width = get<int>(j, "width", where);
        f.height = get<int>(j, "height", where);
        f.pixelSpacingMm = get<double>(j, "pixel_spacing_mm", where);
        f.organ = get<std::string>(j, "organ", where);
        switch (f.modality) {
            case Modality::ChestXray: {
                const std::string w = where + " chest";
                const json& c = field(j, "chest", where);
                f.chest.view = get<std::string>(c, "view", w);
                f.chest.nodule = lesionFrom(field(c, "nodule", w), w + ".nodule");
                f.chest.effusion = sidedFrom(field(c, "effusion", w), w + ".effusion");
                f.chest.pneumothorax = sidedFrom(field(c, "pneumothorax", w), w + ".pneumothorax");
                f.chest.cardiomegaly = get<bool>(c, "cardiomegaly", w);
                f.chest.cardiothoracicRatio = get<double>(c, "cardiothoracic_ratio", w);
                break;
            }
            case Modality::CtSlice: {
                const std::string w = where + " ct";
                const json& c = field(j, "ct", where);
                f.ct.plane = get<std::string>(c, "plane", w);
                f.ct.sliceZMm = get<double>(c, "slice_z_mm", w);
                f.ct.sliceThicknessMm = get<double>(c, "slice_thickness_mm", w);
                f.ct.liverLesion = lesionFrom(field(c, "liver_lesion", w), w + ".liver_lesion");
                f.ct.lungNodule = lesionFrom(field(c, "lung_nodule", w), w + ".lung_nodule");
                f.ct.effusion = sidedFrom(field(c, "effusion", w), w + ".effusion");
                break;
            }
            case Modality::Pathology: {
                const std::string w = where + " pathology";
                const json& p = field(j, "pathology", where);
                f.pathology.tissue = tissueFromName(get<std::string>(p, "tissue", w));
                f.pathology.density = densityFromName(get<std::string>(p, "density", w));
                f.pathology.nucleusCount = get<int>(p, "nucleus_count", w);
                f.pathology.glandCount = get<int>(p, "gland_count", w);
                f.pathology.vesselCount = get<int>(p, "vessel_count", w);
                f.pathology.necrosis = get<bool>(p, "necrosis", w);
                f.pathology.organ = get<std::string>(p, "organ", w);
                f.pathology.stain = get<std::string>(p, "stain", w);
                break;
            }
        }
    } catch (const std::invalid_argument& e) {
        fail(where, e.what());
    }
    return f;
}

void writeFindingsFile(const ImageFindings& f, const std::string& path) {
    writeFileAtomic(path, findingsToJson(f).dump(1) + "\n");
}

ImageFindings readFindingsFile(const std::string& path) {
    const std::string text = readFile(path);
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, or out_of_range 406 (a number too large)
        fail(path, std::string("not valid JSON: ") + e.what());
    }
    return findingsFromJson(j, path);
}

}  // namespace stllava::synthetic
