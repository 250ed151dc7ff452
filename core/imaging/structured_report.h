// A chat conversation about DICOM images as a DICOM Basic Text SR (PS3.3 A.35.1, DCMTK's dcmsr), so
// the model's findings can go back to the PACS beside the images they are about. The SR joins the
// source images' study (Patient and General Study module attributes copied from the first source
// file) in a new series with a new SOP instance. Content tree, under a root CONTAINER titled
// (DCM, 111017, "CAD Processing and Findings Summary"):
//   CONTAINS   TEXT  (DCM, 121106, "Comment")  machine-generated, model and digest, not a diagnosis
//   per question and answer:
//   CONTAINS   TEXT  (DCM, 121062, "Request")  the question
//   CONTAINS   TEXT  (DCM, 121071, "Finding")  the answer
//     INFERRED FROM  IMAGE (DCM, 121324, "Source Image")  SOP class/instance (+ frame of a multi-frame)
//     HAS PROPERTIES TEXT (DCM, 111001, "Algorithm Name")         model (and adapter)
//     HAS PROPERTIES TEXT (DCM, 111003, "Algorithm Version")      model (and adapter) digest
//     HAS PROPERTIES TEXT (DCM, 111002, "Algorithm Parameters")   template, sampling, window
// (Basic Text SR allows HAS OBS CONTEXT only below a CONTAINER, hence properties of the finding.)
// Completion COMPLETE (the conversation as it stood), verification UNVERIFIED and preliminary flag
// PRELIMINARY: no clinician has signed what a model said. Text is UTF-8 (ISO_IR 192); the source
// file's values are converted to UTF-8 when it uses another character set. No Qt here.
#pragma once

#include <string>
#include <vector>

namespace stllava {

struct SrExchange {
    std::string question, answer;
    std::string imagePath;  // the DICOM file the model saw
    int frame = 0;          // 0-based frame within that file
    std::string model, modelDigest;    // what answered (digest may be empty: unknown)
    std::string adapter, adapterDigest;  // empty when no adapter
    std::string parameters;  // one line: template, sampling settings, window and frame
};

struct SrDocumentInput {
    std::vector<SrExchange> exchanges;  // at least one
    std::string manufacturer = "STLLaVA-Med";
    std::string softwareVersion;
    std::string seriesDescription = "AI-assisted image question answering";
};

struct SrWritten {
    std::string studyInstanceUid, seriesInstanceUid, sopInstanceUid;
    std::vector<std::string> referencedSopInstanceUids;  // one per exchange, in order
};

// Why no SR can be written about these images (empty when it can): an image that is not a DICOM
// file (raster images have no SOP instance to reference), a DICOM object without SOP UIDs, or
// images from more than one study. Reads file headers only.
std::string srUnavailableReason(const std::vector<std::string>& imagePaths);

// Writes the SR to `outputPath` atomically. Throws std::runtime_error naming the file and the
// problem (no exchanges, a source image as srUnavailableReason() says, DCMTK refusing a value).
SrWritten writeBasicTextSr(const SrDocumentInput& input, const std::string& outputPath);

}  // namespace stllava
