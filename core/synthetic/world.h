// The synthetic medical VQA world on disk: images with hidden findings, a stage-1 instruction set, an
// unlabeled stage-2 pool, three held-out benchmarks in the formats of VQA-RAD, SLAKE and PathVQA, and
// DICOM studies (a CT series, chest radiographs) with fake patient data. Layout (docs/synthetic-world.md):
//
//   DIR/world.json                         manifest: seed, scale, counts, parts, image path -> image id
//   DIR/findings/<image_id>.json           hidden ground truth per image (findings_json.h); for the oracle
//   DIR/stage1/instruct.json               LLaVA instruction JSON; images in DIR/stage1/images/
//   DIR/pool/manifest.json                 unlabeled images for stage 2; images in DIR/pool/images/
//   DIR/benchmarks/vqa-rad/VQA_RAD Dataset Public.json  + "VQA_RAD Image Folder"/synpic<N>.png
//   DIR/benchmarks/slake/{train,validate,test}.json     + imgs/xmlab<N>/source.png
//   DIR/benchmarks/pathvqa/test.json       LLaVA-Med JSON; images in DIR/benchmarks/pathvqa/images/
//   DIR/studies/index.json                 DICOM studies; DIR/studies/<study>/<series>/IM<NNNN>.dcm
//
// Every file is written atomically; world.json is written last, so a folder with world.json is complete.
// The same seed and scale give the same bytes.
#pragma once

#include "common/progress.h"
#include "synthetic/findings.h"

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace stllava::synthetic {

// The output folder cannot be used (a file, not writable, or a non-empty folder that is not a world).
struct WorldFolderError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class WorldScale { Small, Default };
const char* worldScaleName(WorldScale s);             // "small", "default"
WorldScale worldScaleFromName(const std::string& n);  // throws std::invalid_argument

// How many of each part a scale writes.
struct WorldCounts {
    int stage1PerModality = 0;                        // instruction items per modality (one image each)
    int poolPerModality = 0;                          // unlabeled images per modality
    int vqaRadTestImages = 0, vqaRadTrainImages = 0;  // half chest radiographs, half CT
    int slakeTestImages = 0, slakeTrainImages = 0, slakeValidateImages = 0;
    int pathVqaTestImages = 0;
    int questionsPerImage = 3;       // benchmark questions per image (VQA-RAD adds one paraphrase)
    int ctSeries = 0, ctSlices = 0;  // DICOM CT series and slices per series
    int radiographStudies = 0;       // DICOM DX studies
    int imageSize = 256;             // pixels per side for every image
};
WorldCounts countsFor(WorldScale s);

struct WorldOptions {
    std::string outDir;
    std::uint64_t seed = 1;
    WorldScale scale = WorldScale::Default;
};

struct WorldSummary {
    int images = 0;  // PNG images written
    int dicomFiles = 0;
    int findingsFiles = 0;
    int stage1Items = 0, poolImages = 0;
    int vqaRadQuestions = 0, slakeQuestions = 0, pathVqaQuestions = 0;  // test split, all languages
    std::uint64_t bytes = 0;                                            // total bytes written
    double seconds = 0.0;
};

// Checks that `dir` can hold a world: absent (created), empty, or an earlier world (has world.json; its
// files are replaced). Throws WorldFolderError naming the folder and the problem.
void checkWorldFolder(const std::string& dir);

// Generates the whole world. `progress` (may be empty) is called after each file with a stage label
// ("stage1", "pool", "vqa-rad", "slake", "pathvqa", "studies"); returning false cancels (throws Cancelled).
WorldSummary generateWorld(const WorldOptions& options, const ProgressFn& progress = {});

// world.json's image map: image path relative to the world folder -> image id.
struct WorldIndex {
    std::string dir;
    std::uint64_t seed = 0;
    std::string scale;
    std::map<std::string, std::string> imageIds;
    // The findings file of an image given by its path relative to the world folder, or absolute inside it.
    // Throws std::runtime_error naming the image when it is not part of the world.
    std::string findingsPath(const std::string& image) const;
};
// Reads DIR/world.json; throws std::runtime_error naming the file.
WorldIndex readWorldIndex(const std::string& dir);

}  // namespace stllava::synthetic
