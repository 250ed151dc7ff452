// De-identified export. (a) pixels only, as PNG: the only form that may leave the machine (for
// example to an external judge). (b) a DICOM copy per DICOM PS3.15 Annex E, Basic Application Level
// Confidentiality Profile: identifying attributes removed, emptied or replaced (names, IDs, birth
// date, institution, physicians, accession number, dates as the profile says), all private tags
// removed, UIDs replaced consistently across one export session, PatientIdentityRemoved=YES and the
// method recorded (DeidentificationMethod + DeidentificationMethodCodeSequence, DCM 113100).
// Pixel data is copied unchanged: text burned into the pixels survives, hence burnedInTextRisk().
#pragma once

#include "imaging/image_types.h"
#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"  // writePixelsPng

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace stllava {

// Why pixels of an image may carry burned-in patient text; empty when no reason is known.
// Reasons: BurnedInAnnotation=YES, modality US, a Secondary Capture SOP class, ImageType
// DERIVED or SECONDARY. The application asks the user to confirm before such pixels leave the machine.
std::vector<std::string> burnedInTextRisk(const DicomTags& tags);

// One export session: the same original UID always maps to the same new UID within it.
class DeidSession {
public:
    DeidSession();
    // Reads `input` (DICOM), writes the de-identified copy to `output`. Throws std::runtime_error
    // naming `input` when it is not readable DICOM. Thread-safe.
    void deidentifyFile(const std::string& input, const std::string& output);
    // The replacement for `uid` (created on first use). Thread-safe.
    std::string mapUid(const std::string& uid);
    std::size_t uidCount() const;

    static const char* methodDescription();

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::string> m_uids;  // guarded by m_mutex
};

}  // namespace stllava
