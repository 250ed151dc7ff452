// Internal to core/imaging: one loader per file family, dispatched by image_loader.cpp.
#pragma once

#include "imaging/image_loader.h"

namespace stllava {

#ifdef STLLAVA_HAVE_DICOM
ImageData loadDicomData(const std::string& path, const LoadOptions& options);
#endif
#ifdef STLLAVA_HAVE_OPENCV
ImageData loadRasterData(const std::string& path, const LoadOptions& options);
#endif

}  // namespace stllava
