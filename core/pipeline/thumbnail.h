// Thumbnails for the HTML report's drill-down: an image of the benchmark loaded through
// core/imaging (DICOM or raster), reduced to at most `max_side` pixels by area averaging, encoded as
// PNG in memory and returned as a data URI. Built wherever core/imaging is (libpng encodes).
#pragma once

#include "evaluation/report_html.h"

#include <string>

namespace stllava::pipeline {
using eval::ThumbnailFn;

// "" when the image cannot be read (the report then shows no thumbnail for it).
std::string thumbnailDataUri(const std::string& path, int max_side = 128);

// A ThumbnailFn for images relative to `images_dir`.
ThumbnailFn thumbnailsFrom(const std::string& images_dir, int max_side = 128);

}  // namespace stllava::pipeline
