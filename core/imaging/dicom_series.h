// A folder of DICOM files as studies and series: scanned recursively (headers only, so memory stays
// bounded for thousands of files), grouped by study and series UID, ordered by instance number,
// and loaded in parallel by a bounded pool of threads.
#pragma once

#include "common/progress.h"
#include "imaging/image_loader.h"

#include <memory>
#include <string>
#include <vector>

namespace stllava {

struct SeriesFile {
    std::string path;
    int instanceNumber = 0;
    int frames = 1;
};

struct DicomSeries {
    std::string studyUid, seriesUid, modality, studyDescription, seriesDescription, patientName, studyDate;
    int seriesNumber = 0;
    std::vector<SeriesFile> files;  // by instance number, then path
};

struct ScanError {
    std::string path;
    std::string reason;
};

struct ScanResult {
    std::vector<DicomSeries> series;  // by study UID, then series number, then series UID
    std::vector<ScanError> errors;    // files that look like DICOM but could not be read
    std::int64_t skipped = 0;         // files that are not DICOM at all (no "DICM" and no DICOM start)
};

// Walks `folder` recursively (symlinks not followed). `progress` gets stage "scanning" with done =
// files looked at, total = 0 (unknown); returning false throws stllava::Cancelled.
ScanResult scanDicomFolder(const std::string& folder, const ProgressFn& progress = {});

struct LoadedSlice {
    std::string path;
    std::unique_ptr<ImageData> image;  // null when loading failed
    std::string error;                 // why (names the file)
};

// Loads every file of `series` with at most `threads` threads (0: hardware concurrency, capped at 8).
// Results keep the series order. Progress stage "loading", done/total files; false cancels (throws
// stllava::Cancelled after the running loads finish).
std::vector<LoadedSlice> loadSeries(const DicomSeries& series, const LoadOptions& options = {}, int threads = 0,
                                    const ProgressFn& progress = {});

}  // namespace stllava
