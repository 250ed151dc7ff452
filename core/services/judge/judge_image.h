// The image a remote judge sees: pixels only. The file goes through core/imaging's display
// rendering (DICOM: modality LUT, default window; raster: as stored), then into a PNG with no
// metadata chunks: no DICOM tag, no file name, nothing else leaves the machine.
#pragma once

#include <QByteArray>
#include <QString>

namespace stllava::judge {

// "data:image/png;base64,...". Throws std::runtime_error (from imaging, naming the file).
QByteArray deidentifiedPngDataUrl(const QString& image_path);

}  // namespace stllava::judge
