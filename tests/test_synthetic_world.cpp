// The synthetic world on disk: deterministic bytes from the seed, every file through the project's
// real readers (DICOM through core/imaging, benchmarks through core/evaluation, the instruction set
// through core/training's reader), de-identification of the fake patient data, findings files and
// the world index, and clear errors for unusable output folders.
#include "evaluation/benchmark.h"
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"
#include "synthetic/findings_json.h"
#include "synthetic/world.h"
#include "training/dataset.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace stllava;
using namespace stllava::synthetic;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Relative path -> bytes of every file under `root`.
std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = slurp(e.path());
    return out;
}

nlohmann::json readJson(const fs::path& p) {
    return nlohmann::json::parse(slurp(p));
}

}  // namespace

class TestSyntheticWorld : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    fs::path m_world;  // seed 7, small
    WorldSummary m_summary;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_world = fs::path(m_tmp.path().toStdString()) / "world-a";
        WorldOptions o;
        o.outDir = m_world.string();
        o.seed = 7;
        o.scale = WorldScale::Small;
        int calls = 0;
        m_summary = generateWorld(o, [&calls](const Progress& p) {
            ++calls;
            return p.done <= p.total;
        });
        QVERIFY(calls > 100);
        QVERIFY(fs::exists(m_world / "world.json"));
    }

    void sameSeedSameBytes() {
        const fs::path b = fs::path(m_tmp.path().toStdString()) / "world-b";
        WorldOptions o;
        o.outDir = b.string();
        o.seed = 7;
        o.scale = WorldScale::Small;
        generateWorld(o);
        const auto ta = tree(m_world), tb = tree(b);
        QCOMPARE(ta.size(), tb.size());
        for (const auto& [rel, bytes] : ta) {
            const auto it = tb.find(rel);
            QVERIFY2(it != tb.end(), rel.c_str());
            QVERIFY2(it->second == bytes, ("differs: " + rel).c_str());
        }
        // Regenerating in place (an earlier world) gives the same bytes again.
        generateWorld(o);
        QVERIFY(tree(b) == tb);
    }

    void differentSeedDiffers() {
        const fs::path c = fs::path(m_tmp.path().toStdString()) / "world-c";
        WorldOptions o;
        o.outDir = c.string();
        o.seed = 8;
        o.scale = WorldScale::Small;
        generateWorld(o);
        const auto ta = tree(m_world), tc = tree(c);
        int samePng = 0, png = 0;
        for (const auto& [rel, bytes] : ta) {
            if (rel.size() < 4 || rel.substr(rel.size() - 4) != ".png") continue;
            ++png;
            const auto it = tc.find(rel);
            QVERIFY2(it != tc.end(), rel.c_str());
            samePng += it->second == bytes;
        }
        QVERIFY(png > 100);
        QCOMPARE(samePng, 0);
        QVERIFY(slurp(m_world / "stage1/instruct.json") != slurp(c / "stage1/instruct.json"));
    }

    void summaryMatchesFiles() {
        int pngs = 0, dcms = 0, findings = 0;
        for (const auto& e : fs::recursive_directory_iterator(m_world)) {
            const std::string ext = e.path().extension().string();
            pngs += ext == ".png";
            dcms += ext == ".dcm";
            findings += e.path().parent_path().filename() == "findings";
        }
        QCOMPARE(pngs, m_summary.images);
        QCOMPARE(dcms, m_summary.dicomFiles);
        QCOMPARE(findings, m_summary.findingsFiles);
        QCOMPARE(m_summary.stage1Items, 48);
        QCOMPARE(m_summary.poolImages, 24);
    }

    void pngImagesLoadThroughImaging() {
        int checked = 0;
        for (const auto& e : fs::recursive_directory_iterator(m_world)) {
            if (e.path().extension() != ".png") continue;
            const ImageData img = loadImageData(e.path().string());
            QCOMPARE(img.width, 256);
            QCOMPARE(img.height, 256);
            QCOMPARE(img.source, ImageSource::Raster);
            ++checked;
        }
        QVERIFY(checked >= m_summary.images);
        // Pathology tiles are colour; radiographs are grey written as RGB.
        const RgbImage tile =
            loadDisplayImage((m_world / "benchmarks/pathvqa/images/test_0001.png").string());
        bool colour = false;
        for (std::size_t i = 0; i + 2 < tile.pixels.size(); i += 3)
            colour |= tile.pixels[i] != tile.pixels[i + 1] || tile.pixels[i + 1] != tile.pixels[i + 2];
        QVERIFY(colour);
    }

    void ctSeriesIsRealDicom() {
        const nlohmann::json studies = readJson(m_world / "studies/index.json");
        const nlohmann::json* ct = nullptr;
        for (const auto& s : studies["studies"])
            if (s["modality"] == "CT") ct = &s;
        QVERIFY(ct);
        const auto& files = (*ct)["files"];
        QCOMPARE(static_cast<int>(files.size()), 6);
        std::set<std::string> studyUids, seriesUids, sopUids;
        double lastZ = -1e9;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const std::string path = (m_world / files[i]["file"].get<std::string>()).string();
            QVERIFY(looksLikeDicom(path));
            const ImageData img = loadImageData(path);
            QCOMPARE(img.source, ImageSource::Dicom);
            QCOMPARE(img.tags.modality, std::string("CT"));
            QCOMPARE(img.tags.sopClassUid, std::string("1.2.840.10008.5.1.4.1.1.2"));
            QCOMPARE(img.tags.instanceNumber, static_cast<int>(i) + 1);
            QCOMPARE(img.bits, 12);
            QCOMPARE(img.tags.bitsAllocated, 16);
            QCOMPARE(img.tags.rescaleIntercept, -1024.0);
            QCOMPARE(img.tags.rescaleSlope, 1.0);
            QCOMPARE(img.tags.rescaleType, std::string("HU"));
            QVERIFY(img.tags.patientName.find('^') != std::string::npos);
            QVERIFY(!img.tags.institution.empty());
            QCOMPARE(img.tags.patientName, (*ct)["patient_name"].get<std::string>());
            QCOMPARE(static_cast<int>(img.fileWindows.size()), 2);
            QCOMPARE(img.fileWindows[0].center, 40.0);
            QCOMPARE(img.fileWindows[0].width, 400.0);
            QCOMPARE(img.fileWindows[1].center, -600.0);
            QCOMPARE(img.fileWindows[1].width, 1500.0);
            QVERIFY(std::abs(img.pixelSpacingRow - 360.0 / 256) < 1e-4);
            studyUids.insert(img.tags.studyUid);
            seriesUids.insert(img.tags.seriesUid);
            sopUids.insert(img.tags.sopInstanceUid);
            // Hounsfield units: air in the corner, bone in the vertebral body ring, soft tissue in the liver.
            const ImageFindings f = readFindingsFile(
                (m_world / "findings" / (files[i]["image_id"].get<std::string>() + ".json")).string());
            QVERIFY(std::abs(f.ct.sliceZMm - lastZ - 5.0) < 1e-6 || i == 0);
            lastZ = f.ct.sliceZMm;
            const float corner = img.values[0];
            QVERIFY2(corner > -1100.f && corner < -900.f, std::to_string(corner).c_str());
            float maxHu = -5000.f;
            for (float v : img.values) maxHu = std::max(maxHu, v);
            QVERIFY(maxHu > 700.f);  // cortical bone / couch
            if (f.ct.liverLesion.present) {
                const int x = static_cast<int>(f.ct.liverLesion.centerX),
                          y = static_cast<int>(f.ct.liverLesion.centerY);
                float mean = 0.f;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx)
                        mean += img.values[static_cast<std::size_t>(y + dy) * img.width + x + dx];
                mean /= 9.f;
                QVERIFY2(mean > -20.f && mean < 55.f,
                         std::to_string(mean).c_str());  // hypodense, below the liver's ~60
            }
        }
        QCOMPARE(studyUids.size(), std::size_t(1));
        QCOMPARE(seriesUids.size(), std::size_t(1));
        QCOMPARE(sopUids.size(), files.size());
    }

    void radiographIsDx() {
        const nlohmann::json studies = readJson(m_world / "studies/index.json");
        int dx = 0;
        for (const auto& s : studies["studies"]) {
            if (s["modality"] != "DX") continue;
            const ImageData img =
                loadImageData((m_world / s["files"][0]["file"].get<std::string>()).string());
            QCOMPARE(img.tags.modality, std::string("DX"));
            QCOMPARE(img.bits, 12);
            QCOMPARE(img.tags.bodyPart, std::string("CHEST"));
            QVERIFY(!img.tags.patientId.empty());
            ++dx;
        }
        QCOMPARE(dx, 2);
    }

    void deidentificationRemovesFakeNames() {
        const nlohmann::json studies = readJson(m_world / "studies/index.json");
        DeidSession session;
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "deid";
        for (const auto& s : studies["studies"]) {
            const fs::path in = m_world / s["files"][0]["file"].get<std::string>();
            const ImageData before = loadImageData(in.string());
            QVERIFY(slurp(in).find(before.tags.patientName) != std::string::npos);
            const fs::path dst = out / (s["study"].get<std::string>() + ".dcm");
            session.deidentifyFile(in.string(), dst.string());
            const std::string bytes = slurp(dst);
            for (const std::string& secret :
                 {before.tags.patientName, before.tags.patientId, before.tags.institution})
                QVERIFY2(bytes.find(secret) == std::string::npos, secret.c_str());
            const ImageData after = loadImageData(dst.string());
            QVERIFY(after.tags.patientName != before.tags.patientName);
            QVERIFY(after.tags.studyUid != before.tags.studyUid);
            QVERIFY(after.values == before.values);  // pixels unchanged
        }
    }

    void benchmarksLoadThroughEvaluationReaders() {
        using eval::DatasetFormat;
        const eval::Benchmark rad =
            eval::readBenchmark((m_world / "benchmarks/vqa-rad/VQA_RAD Dataset Public.json").string());
        QCOMPARE(rad.format, DatasetFormat::VqaRad);
        QCOMPARE(static_cast<int>(rad.items.size()), m_summary.vqaRadQuestions);
        QVERIFY(rad.warnings.empty());
        eval::ReadOptions all;
        all.vqa_rad_test_only = false;
        QVERIFY(
            eval::readBenchmark((m_world / "benchmarks/vqa-rad/VQA_RAD Dataset Public.json").string(), all)
                .items.size() > rad.items.size());
        const eval::Benchmark slake = eval::readBenchmark((m_world / "benchmarks/slake/test.json").string());
        QCOMPARE(slake.format, DatasetFormat::Slake);
        eval::ReadOptions zh;
        zh.language = "zh";
        const eval::Benchmark slakeZh =
            eval::readBenchmark((m_world / "benchmarks/slake/test.json").string(), zh);
        QVERIFY(!slakeZh.items.empty());
        QCOMPARE(static_cast<int>(slake.items.size() + slakeZh.items.size()), m_summary.slakeQuestions);
        for (const char* split : {"train", "validate"})
            QVERIFY(
                !eval::readBenchmark((m_world / "benchmarks/slake" / (std::string(split) + ".json")).string())
                     .items.empty());
        const eval::Benchmark path = eval::readBenchmark((m_world / "benchmarks/pathvqa/test.json").string());
        QCOMPARE(path.format, DatasetFormat::LlavaMed);
        QCOMPARE(static_cast<int>(path.items.size()), m_summary.pathVqaQuestions);

        const WorldIndex index = readWorldIndex(m_world.string());
        const std::pair<const eval::Benchmark*, std::string> sets[] = {
            {&rad, "benchmarks/vqa-rad/VQA_RAD Image Folder"},
            {&slake, "benchmarks/slake/imgs"},
            {&path, "benchmarks/pathvqa/images"}};
        for (const auto& [b, folder] : sets) {
            int closed = 0, open = 0;
            for (const auto& q : b->items) {
                closed += q.type == metrics::AnswerType::Closed;
                open += q.type == metrics::AnswerType::Open;
                QVERIFY(!q.question.empty() && !q.answer.empty());
                if (q.type == metrics::AnswerType::Closed) {
                    std::string a = q.answer;
                    for (auto& ch : a) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                    QVERIFY2(a == "yes" || a == "no", q.answer.c_str());
                }
                // Every image exists and has its hidden findings file.
                const fs::path img = m_world / folder / q.image;
                QVERIFY2(fs::exists(img), img.string().c_str());
                const std::string fp = index.findingsPath(img.string());
                QVERIFY(fs::exists(fp));
            }
            QVERIFY(closed > 5);
            QVERIFY(open > 5);
        }
        QCOMPARE(slake.items.front().image.substr(0, 5), std::string("xmlab"));
        QVERIFY(slake.items.front().image.find("/source.png") != std::string::npos);
    }

    void instructionSetLoadsThroughTrainingReader() {
        training::DataOptions o;
        o.image_folder = (m_world / "stage1/images").string();
        const training::InstructDataset ds =
            training::loadInstructData((m_world / "stage1/instruct.json").string(), o);
        QVERIFY2(ds.report.issues.empty(), ds.report.summary().c_str());
        QCOMPARE(static_cast<int>(ds.items.size()), 48);
        bool multiTurn = false, digitFirst = false;
        for (const auto& item : ds.items) {
            QVERIFY(item.conversation.front().text.rfind("<image>\n", 0) == 0);
            multiTurn |= item.conversation.size() >= 4;
            for (const auto& m : item.conversation)
                digitFirst |= m.role == prompt::Role::Assistant && !m.text.empty() &&
                              std::isdigit(static_cast<unsigned char>(m.text[0]));
        }
        QVERIFY(multiTurn);
        QVERIFY(digitFirst);
    }

    void poolHasImagesOnly() {
        const nlohmann::json m = readJson(m_world / "pool/manifest.json");
        QCOMPARE(static_cast<int>(m["images"].size()), 24);
        for (const auto& item : m["images"]) {
            QVERIFY(fs::exists(m_world / "pool/images" / item["image"].get<std::string>()));
            QVERIFY(!item.contains("findings"));
        }
        QVERIFY(slurp(m_world / "pool/manifest.json").find("nodule") == std::string::npos);
    }

    void findingsRoundTrip() {
        int n = 0;
        for (const auto& e : fs::directory_iterator(m_world / "findings")) {
            const ImageFindings f = readFindingsFile(e.path().string());
            QVERIFY(findingsToJson(f) == readJson(e.path()));
            if (++n > 40) break;
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, readFindingsFile((m_world / "world.json").string()));
    }

    void unusableFoldersAreRefused() {
        const fs::path base(m_tmp.path().toStdString());
        std::ofstream(base / "a-file") << "x";
        fs::create_directories(base / "busy");
        std::ofstream(base / "busy" / "notes.txt") << "mine";
        for (const fs::path& bad : {base / "a-file", base / "busy"}) {
            try {
                checkWorldFolder(bad.string());
                QFAIL("no error");
            } catch (const WorldFolderError& e) {
                QVERIFY2(std::string(e.what()).find(bad.string()) != std::string::npos, e.what());
            }
        }
        QVERIFY(fs::exists(base / "busy" / "notes.txt"));
        checkWorldFolder((base / "fresh" / "sub").string());  // created
        QVERIFY(fs::is_directory(base / "fresh" / "sub"));
    }
};

QTEST_GUILESS_MAIN(TestSyntheticWorld)
#include "test_synthetic_world.moc"
