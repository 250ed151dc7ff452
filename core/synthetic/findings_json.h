// The per-image findings file (`findings/<image_id>.json`): ImageFindings as JSON and back.
// Layout (only the block of the image's modality is written):
//   {"format": "stllava-synthetic-findings", "version": 1, "image_id": "cxr-s1-000042",
//    "modality": "chest_xray", "width": 256, "height": 256, "pixel_spacing_mm": 1.37, "organ": "chest",
//    "normal": false,
//    "chest": {"view": "PA", "nodule": {"present": true, "side": "left", "size_mm": 12.5,
//              "center_px": [170.2, 98.0], "contrast": 0.31},
//              "effusion": {"present": false, "side": "none", "extent": 0},
//              "pneumothorax": {...}, "cardiomegaly": true, "cardiothoracic_ratio": 0.58}}
//   CT: "ct": {"plane", "slice_z_mm", "slice_thickness_mm", "liver_lesion": {...}, "lung_nodule": {...},
//              "effusion": {...}}
//   pathology: "pathology": {"tissue", "density", "nucleus_count", "gland_count", "vessel_count",
//              "necrosis", "organ", "stain"}
#pragma once

#include "synthetic/findings.h"

#include <nlohmann/json.hpp>

#include <string>

namespace stllava::synthetic {

nlohmann::json findingsToJson(const ImageFindings& f);
// Throws std::runtime_error naming `where` (a file path or item) and the missing / bad field.
ImageFindings findingsFromJson(const nlohmann::json& j, const std::string& where);

// Writes findings/<id>.json content atomically to `path`; reads it back (errors name the file).
void writeFindingsFile(const ImageFindings& f, const std::string& path);
ImageFindings readFindingsFile(const std::string& path);

}  // namespace stllava::synthetic
