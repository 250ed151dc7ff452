#include "services/judge/judge_image.h"

#include "imaging/image_loader.h"
#include "imaging/raster_codecs.h"

namespace stllava::judge {

// Only the rendered display pixels leave the machine: no DICOM tag, no file name, no PNG text chunk.
QByteArray deidentifiedPngDataUrl(const QString& image_path) {
    const RgbImage pixels = loadDisplayImage(image_path.toStdString());
    const std::vector<std::uint8_t> png = encodePng(pixels);
    const QByteArray bytes(reinterpret_cast<const char*>(png.data()), static_cast<qsizetype>(png.size()));
    return QByteArrayLiteral("data:image/png;base64,") + bytes.toBase64();
}

}  // namespace stllava::judge
