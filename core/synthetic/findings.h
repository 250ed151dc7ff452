// The hidden ground truth of one synthetic image: what was drawn, where, and how large. Value types
// only (no pixels, no files); the generators fill them, the question grammar asks about them, the
// oracle judge scores answers against them, and findings_json.h writes / reads them as the per-image
// findings file (`findings/<image_id>.json`, see docs/synthetic-world.md).
//
// INTERFACE CONTRACT (demo model, training, `stllava demo`, the oracle judge): keep these fields;
// add new ones with defaults.
//
// Sides are the PATIENT's sides. Images follow the radiological convention: the patient's right is
// on the viewer's left (chest radiograph in PA view, CT axial slices seen from the feet).
#pragma once

#include <string>
#include <vector>

namespace stllava::synthetic {

enum class Modality { ChestXray, CtSlice, Pathology };

// "chest_xray", "ct", "pathology"
const char* modalityName(Modality m);
// Throws std::invalid_argument for an unknown name.
Modality modalityFromName(const std::string& name);

enum class Side { None, Left, Right };
const char* sideName(Side s);                // "none", "left", "right"
Side sideFromName(const std::string& name);  // throws std::invalid_argument

// A round lesion drawn at a pixel position.
struct Lesion {
    bool present = false;
    Side side = Side::None;  // for lung findings; None for midline or organ lesions
    double sizeMm = 0.0;     // largest diameter in millimetres (as it appears on this image)
    double centerX = 0.0;    // pixel column of the centre (image coordinates)
    double centerY = 0.0;    // pixel row of the centre
    double contrast = 0.0;   // drawn contrast (display units 0..1 for radiographs, HU for CT)
};

// A finding on one side (effusion, pneumothorax).
struct SidedFinding {
    bool present = false;
    Side side = Side::None;
    double extent = 0.0;  // share of the hemithorax height (effusion) or width (pneumothorax), 0..1
};

struct ChestFindings {
    Lesion nodule;              // solitary pulmonary nodule, 6..30 mm
    SidedFinding effusion;      // pleural effusion (fluid level at the lung base)
    SidedFinding pneumothorax;  // air outside the lung, visible pleural line, no lung markings
    bool cardiomegaly = false;  // cardiothoracic ratio > 0.5
    double cardiothoracicRatio = 0.45;
    std::string view = "PA";  // projection
    bool normal() const {
        return !nodule.present && !effusion.present && !pneumothorax.present && !cardiomegaly;
    }
};

struct CtFindings {
    Lesion liverLesion;     // hypodense liver lesion (cyst / metastasis-like), side None
    Lesion lungNodule;      // solid lung nodule
    SidedFinding effusion;  // dependent pleural fluid, posterior
    double sliceZMm = 0.0;  // this slice's table position (ImagePositionPatient z)
    double sliceThicknessMm = 5.0;
    std::string plane = "axial";
    bool normal() const { return !liverLesion.present && !lungNodule.present && !effusion.present; }
};

enum class TissueType { Normal, Inflamed, Carcinoma };
const char* tissueName(TissueType t);                // "normal", "inflamed", "carcinoma"
TissueType tissueFromName(const std::string& name);  // throws std::invalid_argument

enum class Density { Low, Moderate, High };
const char* densityName(Density d);                // "low", "moderate", "high"
Density densityFromName(const std::string& name);  // throws std::invalid_argument

struct PathologyFindings {
    TissueType tissue = TissueType::Normal;
    int nucleusCount = 0;                 // nuclei drawn on the tile
    Density density = Density::Moderate;  // from nucleusCount (thresholds in pathology_tile.cpp)
    int glandCount = 0;                   // glands (ring of epithelium around a white lumen)
    int vesselCount = 0;                  // vessels (lumen with red blood cells)
    bool necrosis = false;                // pale eosinophilic area with nuclear debris
    std::string organ = "colon";
    std::string stain = "H&E";
    bool glands() const { return glandCount > 0; }
    bool vessels() const { return vesselCount > 0; }
    bool malignant() const { return tissue == TissueType::Carcinoma; }
};

// Everything known about one image. Only the member matching `modality` is meaningful.
struct ImageFindings {
    std::string imageId;  // e.g. "cxr-s1-000042"; the findings file is findings/<imageId>.json
    Modality modality = Modality::ChestXray;
    int width = 0, height = 0;
    double pixelSpacingMm = 1.0;  // square pixels (radiograph and CT); pathology: microns / 1000
    std::string organ;            // "chest", "abdomen" (CT slices show lower chest + upper abdomen), "colon"
    ChestFindings chest;
    CtFindings ct;
    PathologyFindings pathology;
    // No finding at all (the modality's own normal()).
    bool normal() const;
};

}  // namespace stllava::synthetic
