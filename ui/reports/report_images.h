// Where a report's images are: the report records each question's image path relative to the
// benchmark's image folder, which it does not name. Looked for in a folder the user chose, beside the
// benchmark file and in the folders next to it ("VQA_RAD Image Folder", "imgs", "images"), with a
// relative benchmark path taken from the working folder or from the report's own folders upwards.
// Also the small PNG data URIs the exported HTML report embeds.
#pragma once

#include "evaluation/report_file.h"

#include <QImage>
#include <QString>

#include <string>

namespace stllava::ui {

// The image file of `image` (a question's "image" field), or "" when none is found.
QString resolveReportImage(const eval::ReportFile& report, const QString& image, const QString& chosenFolder = QString());

// Reads an image scaled to fit `maxSide` pixels (a null image when it cannot be read). Thread-safe.
QImage readScaledImage(const QString& path, int maxSide);

// "data:image/png;base64,..." of the image scaled to `maxSide`, or "" (for eval::ThumbnailFn).
std::string thumbnailDataUri(const QString& path, int maxSide = 160);

}  // namespace stllava::ui
