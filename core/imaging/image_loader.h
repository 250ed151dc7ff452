// Loads any supported image file (PNG/JPEG through libpng/libjpeg-turbo in every build; DICOM through
// DCMTK + OpenJPEG and TIFF/BMP through OpenCV in the desktop build) into
// plain buffers: the raw values in modality units (float, so that windowing happens once, at full
// precision) plus the tags a reader needs, and renders them to a display RgbImage.
//
// INTERFACE CONTRACT (chat, evaluation, UI): loadDisplayImage(), loadImageData(), renderDisplay().
// Errors are std::runtime_error whose message starts with the file path and names the problem,
// e.g. "/x/a.dcm: unsupported transfer syntax JPEG 2000 Image Compression (1.2.840.10008.1.2.4.91)".
// Thread-safe: independent files may be loaded from several threads at once.
#pragma once

#include "imaging/image_types.h"
#include "imaging/windowing.h"

#include <cstdint>
#include <string>
#include <vector>

namespace stllava {

// Caps checked from the header, before any pixel buffer is allocated.
struct ImageLimits {
    int maxSide = 16384;                                  // rows and columns
    std::uint64_t maxFrameBytes = 1ull << 30;             // one decoded frame as float values
    std::uint64_t maxFrames = 65535;
};

struct LoadOptions {
    int frame = 0;  // multi-frame DICOM: which frame (0-based); out of range is an error
    ImageLimits limits;
};

// Tags for the info panel / overlay. Empty strings when absent (raster files have none).
struct DicomTags {
    std::string modality, bodyPart, studyDescription, seriesDescription, patientName, patientId,
        studyDate, seriesDate, studyUid, seriesUid, sopInstanceUid, sopClassUid, imageType,
        burnedInAnnotation, manufacturer, institution, photometric, transferSyntaxUid, transferSyntaxName,
        rescaleType;
    int instanceNumber = 0;
    int bitsAllocated = 0, bitsStored = 0, highBit = 0, pixelRepresentation = 0, samplesPerPixel = 0;
    double rescaleSlope = 1.0, rescaleIntercept = 0.0;
    bool hasModalityLut = false;  // ModalityLUTSequence used instead of slope/intercept
};

enum class ImageSource { Dicom, Raster };

struct ImageData {
    std::string path;
    ImageSource source = ImageSource::Raster;
    int width = 0, height = 0;
    int channels = 1;  // 1 (grey / monochrome) or 3 (RGB; alpha is dropped, as PIL's convert('RGB'))
    int frame = 0, frameCount = 1;
    int bits = 8;      // significant bits of the stored values (8, 12, 16 ...)
    // [height, width, channels] interleaved: modality values (HU for CT) for monochrome DICOM,
    // stored values for colour DICOM and raster images.
    std::vector<float> values;
    bool monochrome1 = false;  // display inverts (MONOCHROME1, or Presentation LUT Shape INVERSE)
    std::vector<Window> fileWindows;  // every WindowCenter/WindowWidth pair, in file order
    VoiFunction voiFunction = VoiFunction::Linear;
    std::vector<VoiLut> voiLuts;
    double pixelSpacingRow = 0.0, pixelSpacingCol = 0.0;  // mm; 0 when unknown
    DicomTags tags;
};

// True when the file starts like DICOM (preamble "DICM", or a plausible group 0008 start).
bool looksLikeDicom(const std::string& path);

ImageData loadImageData(const std::string& path, const LoadOptions& options = {});
// The display image under `display` (grey replicated to RGB).
RgbImage renderDisplay(const ImageData& image, const DisplayOptions& display = {});
// What the model and exports see by default: loadImageData + renderDisplay with the default window.
RgbImage loadDisplayImage(const std::string& path, const LoadOptions& options = {});
// The window the default display uses for `image` (for showing it in a UI); colour images: full range.
Window defaultWindow(const ImageData& image);

}  // namespace stllava
