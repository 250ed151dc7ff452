// Folder scan (headers only) and bounded parallel loading of a series.
#include "imaging/dicom_series.h"

#include "imaging/dicom_file.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

namespace stllava {
namespace fs = std::filesystem;

ScanResult scanDicomFolder(const std::string& folder, const ProgressFn& progress) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(folder + ": not a folder");
    ScanResult result;
    std::map<std::pair<std::string, std::string>, DicomSeries> groups;
    Progress p;
    p.stage = "scanning";
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw std::runtime_error(folder + ": cannot list (" + ec.message() + ")");
    for (; it != end; it.increment(ec)) {
        if (ec) {
            result.errors.push_back({folder, "cannot list a sub-folder (" + ec.message() + ")"});
            ec.clear();
            continue;
        }
        std::error_code fe;
        if (!it->is_regular_file(fe) || it->is_symlink(fe)) continue;
        const std::string path = it->path().string();
        ++p.done;
        if (progress && (p.done % 16 == 0) && !progress(p)) throw Cancelled();
        if (!looksLikeDicom(path)) {
            ++result.skipped;
            continue;
        }
        try {
            auto file = dicom::openDicom(path, true);
            DcmDataset* ds = file->getDataset();
            const std::string study = dicom::tagString(ds, DCM_StudyInstanceUID);
            const std::string series = dicom::tagString(ds, DCM_SeriesInstanceUID);
            if (study.empty() && series.empty()) {
                result.errors.push_back({path, "no StudyInstanceUID/SeriesInstanceUID"});
                continue;
            }
            DicomSeries& s = groups[{study, series}];
            if (s.files.empty()) {
                s.studyUid = study;
                s.seriesUid = series;
                s.modality = dicom::tagString(ds, DCM_Modality);
                s.studyDescription = dicom::tagString(ds, DCM_StudyDescription);
                s.seriesDescription = dicom::tagString(ds, DCM_SeriesDescription);
                s.patientName = dicom::tagString(ds, DCM_PatientName);
                s.studyDate = dicom::tagString(ds, DCM_StudyDate);
                s.seriesNumber = static_cast<int>(dicom::tagInt(ds, DCM_SeriesNumber, 0));
            }
            s.files.push_back({path, static_cast<int>(dicom::tagInt(ds, DCM_InstanceNumber, 0)),
                               static_cast<int>(std::max(1l, dicom::tagInt(ds, DCM_NumberOfFrames, 1)))});
        } catch (const std::exception& e) {
            std::string why = e.what();
            if (why.rfind(path + ": ", 0) == 0) why = why.substr(path.size() + 2);
            result.errors.push_back({path, why});
        }
    }
    if (progress && !progress(p)) throw Cancelled();
    for (auto& [key, s] : groups) {
        std::sort(s.files.begin(), s.files.end(), [](const SeriesFile& a, const SeriesFile& b) {
            return std::tie(a.instanceNumber, a.path) < std::tie(b.instanceNumber, b.path);
        });
        result.series.push_back(std::move(s));
    }
    std::stable_sort(result.series.begin(), result.series.end(), [](const DicomSeries& a, const DicomSeries& b) {
        return std::tie(a.studyUid, a.seriesNumber, a.seriesUid) < std::tie(b.studyUid, b.seriesNumber, b.seriesUid);
    });
    return result;
}

std::vector<LoadedSlice> loadSeries(const DicomSeries& series, const LoadOptions& options, int threads,
                                    const ProgressFn& progress) {
    const std::size_t n = series.files.size();
    std::vector<LoadedSlice> out(n);
    if (n == 0) return out;
    unsigned hw = std::thread::hardware_concurrency();
    std::size_t workers = threads > 0 ? static_cast<std::size_t>(threads) : std::min(8u, std::max(1u, hw));
    workers = std::min(workers, n);
    std::atomic<std::size_t> next{0};
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> cancelled{false};
    std::mutex progressMutex;  // serialises calls of `progress`
    auto work = [&] {
        for (std::size_t i = next++; i < n && !cancelled; i = next++) {
            LoadedSlice& slice = out[i];
            slice.path = series.files[i].path;
            try {
                slice.image = std::make_unique<ImageData>(loadImageData(slice.path, options));
            } catch (const std::exception& e) {
                slice.error = e.what();
            }
            const std::int64_t d = ++done;
            if (progress) {
                std::lock_guard<std::mutex> lock(progressMutex);
                if (!progress(Progress{d, static_cast<std::int64_t>(n), "loading"})) cancelled = true;
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (cancelled) throw Cancelled();
    return out;
}

}  // namespace stllava
