// DICOM attribute values as people read them, shared by the viewer's overlay and the conversation
// exports: trimmed text, person names ("Family^Given^Middle" -> "Family, Given Middle") and dates
// ("20240131" -> "2024-01-31").
#pragma once

#include <QString>

#include <string>

namespace stllava::ui {

QString dicomText(const std::string& value);          // trimmed
QString dicomPersonName(const std::string& value);    // PN
QString dicomDate(const std::string& value);          // DA; left alone when not one

}  // namespace stllava::ui
