#include "synthetic/world.h"

#include "common/atomic_file.h"
#include "imaging/deidentify.h"
#include "synthetic/chest_xray.h"
#include "synthetic/ct_slice.h"
#include "synthetic/dicom_writer.h"
#include "synthetic/findings_json.h"
#include "synthetic/pathology_tile.h"
#include "synthetic/question_grammar.h"
#include "synthetic/world_writer.h"

#include <chrono>
#include <filesystem>
#include <fstream>

namespace stllava::synthetic {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kWorldFormat = "stllava-synthetic-world";
constexpr int kWorldVersion = 1;

const char* shortName(Modality m) {
    return m == Modality::ChestXray ? "cxr" : m == Modality::CtSlice ? "ct" : "path";
}

RgbImage toRgb(const Canvas& c) {
    RgbImage img;
    img.width = c.width;
    img.height = c.height;
    img.pixels.resize(c.v.size() * 3);
    for (std::size_t i = 0; i < c.v.size(); ++i)
        img.pixels[3 * i] = img.pixels[3 * i + 1] = img.pixels[3 * i + 2] = toByte(c.v[i]);
    return img;
}

// One stage-1 conversation: a description or a question first (with "<image>\n"), then 1..3 more turns.
json instructItem(const ImageFindings& f, const std::string& id, const std::string& image, Rng& rng) {
    json turns = json::array();
    std::vector<QaPair> qa = askQuestions(f, rng.range(2, 4), rng);
    const bool describeFirst = rng.chance(0.35);
    if (describeFirst) {
        const auto& prompts = describePrompts();
        turns.push_back({{"from", "human"}, {"value", "<image>\n" + prompts[rng.pick(prompts.size())]}});
        turns.push_back({{"from", "gpt"}, {"value", describeImage(f, rng)}});
        if (qa.size() > 1) qa.pop_back();
    }
    for (const QaPair& q : qa) {
        const bool first = turns.empty();
        turns.push_back({{"from", "human"}, {"value", (first ? "<image>\n" : "") + q.question}});
        // Mostly sentences; sometimes the short answer alone ("12 mm", "yes", "left").
        const std::string a = rng.chance(0.25) ? q.answer : q.longAnswer;
        turns.push_back({{"from", "gpt"}, {"value", a}});
    }
    return {{"id", id}, {"image", image}, {"conversations", turns}};
}

void writeStage1(WorldWriter& w) {
    const int per = w.counts().stage1PerModality;
    json items = json::array();
    int done = 0;
    for (int i = 0; i < per; ++i)
        for (const Modality m : {Modality::ChestXray, Modality::CtSlice, Modality::Pathology}) {
            const std::string id = std::string(shortName(m)) + "-s1-" + zeroPadded(i + 1, 6);
            const ImageFindings f = w.image(m, "stage1", i, id, "stage1/images/" + id + ".png");
            Rng rng(deriveSeed(w.options().seed, std::string("stage1-text-") + shortName(m),
                               static_cast<std::uint64_t>(i)));
            items.push_back(instructItem(f, "s1-" + std::string(shortName(m)) + "-" + zeroPadded(i + 1, 6),
                                         id + ".png", rng));
            w.tick("stage1", ++done, 3 * per);
        }
    w.json("stage1/instruct.json", items);
    w.summary().stage1Items = static_cast<int>(items.size());
}

void writePool(WorldWriter& w) {
    const int per = w.counts().poolPerModality;
    json images = json::array();
    int done = 0;
    for (int i = 0; i < per; ++i)
        for (const Modality m : {Modality::ChestXray, Modality::CtSlice, Modality::Pathology}) {
            const std::string id = std::string(shortName(m)) + "-pool-" + zeroPadded(i + 1, 6);
            w.image(m, "pool", i, id, "pool/images/" + id + ".png");
            images.push_back({{"id", id}, {"image", id + ".png"}, {"modality", modalityName(m)}});
            w.tick("pool", ++done, 3 * per);
        }
    w.json("pool/manifest.json", {{"format", "stllava-synthetic-pool"},
                                  {"version", 1},
                                  {"image_folder", "images"},
                                  {"opening_question", describePrompts().front()},
                                  {"images", images}});
    w.summary().poolImages = static_cast<int>(images.size());
}

// A study of an invented patient, with UIDs and a date from the case seed.
DicomStudy newStudy(std::uint64_t caseSeed, const std::string& description,
                    const std::string& seriesDescription) {
    Rng rng(deriveSeed(caseSeed, "patient"));
    DicomStudy st;
    st.patient = makeFakePatient(rng);
    st.seed = caseSeed;
    st.studyUid = makeUid(caseSeed, "study");
    st.seriesUid = makeUid(caseSeed, "series");
    st.studyDescription = description;
    st.seriesDescription = seriesDescription;
    st.studyDate = "2024" + zeroPadded(rng.range(1, 12), 2) + zeroPadded(rng.range(1, 28), 2);
    return st;
}

void writeStudies(WorldWriter& w) {
    const WorldCounts& c = w.counts();
    const std::uint64_t seed = w.options().seed;
    json studies = json::array();
    const int total = c.ctSeries * c.ctSlices + c.radiographStudies;
    int done = 0;
    for (int s = 0; s < c.ctSeries; ++s) {
        const std::uint64_t caseSeed = deriveSeed(seed, "study-ct", static_cast<std::uint64_t>(s));
        const DicomStudy st = newStudy(caseSeed, "CT CHEST ABDOMEN", "AXIAL 5MM SOFT TISSUE");
        Rng specRng(deriveSeed(caseSeed, "spec"));
        CtSpec spec = sampleCtSpec(specRng);
        if (s == 0) spec.liverLesion = true;  // the first sample series always shows a lesion
        CtOptions o;
        o.size = c.imageSize;
        o.sliceCount = c.ctSlices;
        const std::string studyId = "ct-study-" + zeroPadded(s + 1, 3);
        const CtSeries series = renderCtSeries(spec, caseSeed, studyId, o);
        json files = json::array();
        for (std::size_t i = 0; i < series.slices.size(); ++i) {
            const std::string rel =
                "studies/" + studyId + "/series-1/IM" + zeroPadded(static_cast<int>(i) + 1, 4) + ".dcm";
            writeCtSliceDicom(series.slices[i], st, static_cast<int>(i) + 1, w.path(rel));
            w.summary().bytes += fs::file_size(w.path(rel));
            ++w.summary().dicomFiles;
            w.recordImage(rel, series.slices[i].findings);
            files.push_back({{"file", rel}, {"image_id", series.slices[i].findings.imageId}});
            w.tick("studies", ++done, total);
        }
        studies.push_back({{"study", studyId},
                           {"modality", "CT"},
                           {"patient_name", st.patient.name},
                           {"study_uid", st.studyUid},
                           {"series_uid", st.seriesUid},
                           {"files", files}});
    }
    for (int s = 0; s < c.radiographStudies; ++s) {
        const std::uint64_t caseSeed = deriveSeed(seed, "study-dx", static_cast<std::uint64_t>(s));
        const DicomStudy st = newStudy(caseSeed, "XR CHEST PA", "PA");
        const std::string studyId = "dx-study-" + zeroPadded(s + 1, 3);
        ChestXrayOptions o;
        o.size = c.imageSize;
        const ChestXray x = generateChestXray(caseSeed, studyId + "-01", o);
        const std::string rel = "studies/" + studyId + "/series-1/IM0001.dcm";
        writeChestDicom(x, st, w.path(rel));
        w.summary().bytes += fs::file_size(w.path(rel));
        ++w.summary().dicomFiles;
        w.recordImage(rel, x.findings);
        studies.push_back({{"study", studyId},
                           {"modality", "DX"},
                           {"patient_name", st.patient.name},
                           {"study_uid", st.studyUid},
                           {"series_uid", st.seriesUid},
                           {"files", json::array({{{"file", rel}, {"image_id", x.findings.imageId}}})}});
        w.tick("studies", ++done, total);
    }
    w.json("studies/index.json",
           {{"format", "stllava-synthetic-studies"}, {"version", 1}, {"studies", studies}});
}

}  // namespace

std::string zeroPadded(int value, int width) {
    std::string s = std::to_string(value);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
}

const char* worldScaleName(WorldScale s) {
    return s == WorldScale::Small ? "small" : "default";
}

WorldScale worldScaleFromName(const std::string& n) {
    if (n == "small") return WorldScale::Small;
    if (n == "default") return WorldScale::Default;
    throw std::invalid_argument("unknown world scale '" + n + "' (small, default)");
}

WorldCounts countsFor(WorldScale s) {
    WorldCounts c;
    if (s == WorldScale::Small) {
        c.stage1PerModality = 16;
        c.poolPerModality = 8;
        c.vqaRadTestImages = 12;
        c.vqaRadTrainImages = 6;
        c.slakeTestImages = 12;
        c.slakeTrainImages = 6;
        c.slakeValidateImages = 4;
        c.pathVqaTestImages = 12;
        c.ctSeries = 1;
        c.ctSlices = 6;
        c.radiographStudies = 2;
    } else {
        c.stage1PerModality = 600;
        c.poolPerModality = 200;
        c.vqaRadTestImages = 150;
        c.vqaRadTrainImages = 60;
        c.slakeTestImages = 150;
        c.slakeTrainImages = 60;
        c.slakeValidateImages = 20;
        c.pathVqaTestImages = 200;
        c.ctSeries = 3;
        c.ctSlices = 8;
        c.radiographStudies = 6;
    }
    return c;
}

WorldWriter::WorldWriter(const WorldOptions& options, const ProgressFn& progress)
    : m_options(options), m_counts(countsFor(options.scale)), m_progress(progress) {}

std::string WorldWriter::path(const std::string& relPath) const {
    const fs::path p = fs::path(m_options.outDir) / relPath;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec)
        throw WorldFolderError(p.parent_path().string() + ": cannot create folder (" + ec.message() + ")");
    return p.string();
}

void WorldWriter::bytes(const std::string& relPath, const std::string& data) {
    writeFileAtomic(path(relPath), data);
    m_summary.bytes += data.size();
}

void WorldWriter::json(const std::string& relPath, const nlohmann::json& j) {
    bytes(relPath, j.dump(1) + "\n");
}

void WorldWriter::findings(const ImageFindings& f) {
    bytes("findings/" + f.imageId + ".json", findingsToJson(f).dump(1) + "\n");
    ++m_summary.findingsFiles;
}

void WorldWriter::recordImage(const std::string& relPath, const ImageFindings& f) {
    m_index[relPath] = f.imageId;
    findings(f);
}

ImageFindings WorldWriter::image(Modality modality, const std::string& part, int index,
                                 const std::string& imageId, const std::string& relPath) {
    const std::uint64_t seed =
        deriveSeed(m_options.seed, part + "/" + modalityName(modality), static_cast<std::uint64_t>(index));
    const int size = m_counts.imageSize;
    RgbImage rgb;
    ImageFindings f;
    if (modality == Modality::ChestXray) {
        ChestXrayOptions o;
        o.size = size;
        ChestXray x = generateChestXray(seed, imageId, o);
        rgb = toRgb(x.intensity);
        f = std::move(x.findings);
    } else if (modality == Modality::CtSlice) {
        CtOptions o;
        o.size = size;
        o.sliceCount = 1;
        CtSlice s = generateCtSlice(seed, imageId, o);
        rgb = toRgb(windowHu(s.hu, kCtSoftTissueCenter, kCtSoftTissueWidth));
        f = std::move(s.findings);
    } else {
        PathologyOptions o;
        o.size = size;
        PathologyTile t = generatePathologyTile(seed, imageId, o);
        rgb = std::move(t.image);
        f = std::move(t.findings);
    }
    const std::string full = path(relPath);
    writePixelsPng(rgb, full);
    m_summary.bytes += fs::file_size(full);
    ++m_summary.images;
    recordImage(relPath, f);
    return f;
}

void WorldWriter::tick(const std::string& stage, int done, int total) {
    if (m_progress && !m_progress(Progress{done, total, stage})) throw Cancelled();
}

void checkWorldFolder(const std::string& dir) {
    if (dir.empty()) throw WorldFolderError("no output folder given");
    std::error_code ec;
    const fs::path p(dir);
    const auto st = fs::status(p, ec);
    if (fs::exists(st)) {
        if (!fs::is_directory(st)) throw WorldFolderError(dir + ": exists and is not a folder");
        const bool empty = fs::is_empty(p, ec);
        if (ec) throw WorldFolderError(dir + ": cannot list the folder (" + ec.message() + ")");
        if (!empty && !fs::exists(p / "world.json"))
            throw WorldFolderError(
                dir +
                ": folder is not empty and holds no world.json; choose an empty or new folder "
                "(an earlier world is regenerated in place)");
    } else {
        fs::create_directories(p, ec);
        if (ec) throw WorldFolderError(dir + ": cannot create the folder (" + ec.message() + ")");
    }
    // Probe that files can be created there.
    const fs::path probe = p / ".stllava-write-probe";
    {
        std::ofstream out(probe);
        if (!out) throw WorldFolderError(dir + ": folder is not writable");
    }
    fs::remove(probe, ec);
}

WorldSummary generateWorld(const WorldOptions& options, const ProgressFn& progress) {
    const auto start = std::chrono::steady_clock::now();
    checkWorldFolder(options.outDir);
    std::error_code ec;
    fs::remove(fs::path(options.outDir) / "world.json", ec);  // incomplete until written again
    WorldWriter w(options, progress);
    writeStage1(w);
    writePool(w);
    writeVqaRad(w);
    writeSlake(w);
    writePathVqa(w);
    writeStudies(w);
    WorldSummary& s = w.summary();
    const WorldCounts& c = w.counts();
    nlohmann::json manifest = {
        {"format", kWorldFormat},
        {"version", kWorldVersion},
        {"seed", options.seed},
        {"scale", worldScaleName(options.scale)},
        {"image_size", c.imageSize},
        {"parts",
         {{"findings", "findings"},
          {"stage1",
           {{"data", "stage1/instruct.json"}, {"image_folder", "stage1/images"}, {"items", s.stage1Items}}},
          {"pool",
           {{"manifest", "pool/manifest.json"}, {"image_folder", "pool/images"}, {"images", s.poolImages}}},
          {"vqa-rad",
           {{"data", "benchmarks/vqa-rad/VQA_RAD Dataset Public.json"},
            {"image_folder", "benchmarks/vqa-rad/VQA_RAD Image Folder"},
            {"format", "vqa-rad"},
            {"test_questions", s.vqaRadQuestions}}},
          {"slake",
           {{"data", "benchmarks/slake/test.json"},
            {"image_folder", "benchmarks/slake/imgs"},
            {"format", "slake"},
            {"test_questions", s.slakeQuestions}}},
          {"pathvqa",
           {{"data", "benchmarks/pathvqa/test.json"},
            {"image_folder", "benchmarks/pathvqa/images"},
            {"format", "llava-med"},
            {"test_questions", s.pathVqaQuestions}}},
          {"studies", "studies/index.json"}}},
        {"counts",
         {{"png_images", s.images}, {"dicom_files", s.dicomFiles}, {"findings_files", s.findingsFiles}}},
        {"images", w.index()}};
    w.json("world.json", manifest);  // last: marks the world complete
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return s;
}

std::string WorldIndex::findingsPath(const std::string& image) const {
    fs::path p(image);
    if (p.is_absolute()) p = p.lexically_normal().lexically_relative(fs::path(dir).lexically_normal());
    const std::string rel = p.lexically_normal().generic_string();
    const auto it = imageIds.find(rel);
    if (it == imageIds.end())
        throw std::runtime_error(image + ": not an image of the synthetic world in " + dir);
    return (fs::path(dir) / "findings" / (it->second + ".json")).string();
}

WorldIndex readWorldIndex(const std::string& dir) {
    const std::string file = (fs::path(dir) / "world.json").string();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readFile(file));
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || j.value("format", std::string()) != kWorldFormat)
        throw std::runtime_error(file + ": not a synthetic world manifest (\"format\" is not \"" +
                                 kWorldFormat + "\")");
    WorldIndex idx;
    idx.dir = dir;
    try {
        idx.seed = j.at("seed").get<std::uint64_t>();
        idx.scale = j.at("scale").get<std::string>();
        for (const auto& [path, id] : j.at("images").items()) idx.imageIds[path] = id.get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(file + ": bad field (" + e.what() + ")");
    }
    return idx;
}

}  // namespace stllava::synthetic
