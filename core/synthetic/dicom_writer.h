// Real DICOM files for the synthetic world, written with DCMTK: CT slices as 16-bit CT Image Storage
// (Rescale Slope/Intercept to Hounsfield units, two VOI windows, pixel spacing, a series with shared
// Study/Series UIDs, InstanceNumber and ImagePositionPatient) and chest radiographs as DX (Digital
// X-Ray Image Storage - For Presentation, 12 bits stored). Patient and study tags carry fake names,
// IDs, birth dates, institution and physicians, so that de-identification has something to remove.
// Files are written atomically (core/common/atomic_file.h). Errors: std::runtime_error naming the path.
#pragma once

#include "synthetic/chest_xray.h"
#include "synthetic/ct_slice.h"
#include "synthetic/rng.h"

#include <string>

namespace stllava::synthetic {

// Invented identifying data; none of it belongs to a real person.
struct FakePatient {
    std::string name;         // DICOM PN, e.g. "HARTMANN^GRETA"
    std::string id;           // e.g. "SYN-4820193"
    std::string birthDate;    // YYYYMMDD
    std::string sex;          // "F" / "M"
    std::string institution;  // e.g. "Northbridge General Hospital (synthetic)"
    std::string referringPhysician;
    std::string accessionNumber;
};
FakePatient makeFakePatient(Rng& rng);

// A DICOM UID under the 2.25 root from a seed and a label (deterministic; at most 64 characters).
std::string makeUid(std::uint64_t seed, const std::string& label);

struct DicomStudy {
    FakePatient patient;
    std::string studyUid, seriesUid;
    std::string studyDate = "20240115", studyTime = "093000";
    std::string studyDescription, seriesDescription;
    int seriesNumber = 1;
    std::uint64_t seed = 0;  // for SOP Instance UIDs
};

// Window centres/widths written into every CT slice (soft tissue first, then lung).
constexpr double kCtSoftTissueCenter = 40.0, kCtSoftTissueWidth = 400.0;
constexpr double kCtLungCenter = -600.0, kCtLungWidth = 1500.0;
// Stored CT values are HU + 1024 (Rescale Intercept -1024, slope 1), 12 bits stored, unsigned.
constexpr double kCtRescaleIntercept = -1024.0;

// One CT slice (instanceNumber 1-based). Position z from slice.findings.ct.sliceZMm.
void writeCtSliceDicom(const CtSlice& slice, const DicomStudy& study, int instanceNumber,
                       const std::string& path);
// A chest radiograph as DX, PA view, 12-bit MONOCHROME2.
void writeChestDicom(const ChestXray& xray, const DicomStudy& study, const std::string& path);

}  // namespace stllava::synthetic
