// Internal to core/imaging (DCMTK types): opening a DICOM file with bounded memory and reading tags.
// Large elements (pixel data) stay on disk until used (maxReadLength), so a header look costs
// kilobytes whatever the file size.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <memory>
#include <string>
#include <vector>

namespace stllava::dicom {

// Codecs registered, DCMTK's console logging limited to fatal errors (errors reach callers as
// exceptions naming the file). Idempotent, thread-safe.
void initDicomLibrary();

// Opens `path`; `headerOnly` stops parsing at the pixel data. Throws std::runtime_error
// "<path>: not a DICOM file (...)" / "<path>: cannot read (...)".
std::unique_ptr<DcmFileFormat> openDicom(const std::string& path, bool headerOnly);

// Tag values as text (multi-valued joined with '\\', trimmed); "" when absent.
std::string tagString(DcmItem* item, const DcmTagKey& key);
// Value `index` of a numeric string/binary tag, or `fallback`.
double tagNumber(DcmItem* item, const DcmTagKey& key, double fallback, unsigned long index = 0);
long tagInt(DcmItem* item, const DcmTagKey& key, long fallback, unsigned long index = 0);
// Number of values of a tag (0 when absent or empty).
unsigned long tagValueCount(DcmItem* item, const DcmTagKey& key);

// The transfer syntax UID the file was written with (from the meta header when present).
std::string transferSyntaxUid(DcmFileFormat& file);
std::string transferSyntaxName(DcmFileFormat& file);
// true when DCMTK can decode the file's transfer syntax (native, or a registered decoder).
bool canDecode(DcmFileFormat& file);

}  // namespace stllava::dicom
