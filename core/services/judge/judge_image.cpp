#include "services/judge/judge_image.h"

#include "common/atomic_file.h"
#include "imaging/deidentify.h"
#include "imaging/image_loader.h"

#include <QDir>
#include <QTemporaryDir>

#include <stdexcept>

namespace stllava::judge {
namespace {

// PNG bytes of pixels. core/imaging's encoder writes files (an in-memory encodePng is on its
// way); until then this is the one place that goes through a private temporary folder.
QByteArray pngBytes(const RgbImage& image) {
    QTemporaryDir dir(QDir::tempPath() + "/stllava-judge-XXXXXX");
    if (!dir.isValid())
        throw std::runtime_error("cannot create a temporary folder for the PNG: " +
                                 dir.errorString().toStdString());
    const std::string path = dir.filePath("image.png").toStdString();
    writePixelsPng(image, path);
    return QByteArray::fromStdString(readFile(path));
}

}  // namespace

QByteArray deidentifiedPngDataUrl(const QString& image_path) {
    const RgbImage pixels = loadDisplayImage(image_path.toStdString());
    return QByteArrayLiteral("data:image/png;base64,") + pngBytes(pixels).toBase64();
}

}  // namespace stllava::judge
