#include "imaging/structured_report.h"

#include "common/atomic_file.h"
#include "imaging/dicom_file.h"
#include "imaging/image_loader.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>
#include <dcmtk/dcmsr/dsrimgvl.h>

#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace stllava {

namespace {

// What the SR needs to know of one source image (read from its header).
struct SourceImage {
    std::string sopClassUid, sopInstanceUid, studyUid, seriesUid;
    long frames = 1;
};

SourceImage readSource(const std::string& path) {
    if (!looksLikeDicom(path))
        throw std::runtime_error(path +
                                 ": not a DICOM file; a DICOM SR can only reference DICOM images "
                                 "(export the conversation as Markdown or PDF instead)");
    std::unique_ptr<DcmFileFormat> file = dicom::openDicom(path, true);
    DcmDataset* ds = file->getDataset();
    SourceImage s;
    s.sopClassUid = dicom::tagString(ds, DCM_SOPClassUID);
    s.sopInstanceUid = dicom::tagString(ds, DCM_SOPInstanceUID);
    s.studyUid = dicom::tagString(ds, DCM_StudyInstanceUID);
    s.seriesUid = dicom::tagString(ds, DCM_SeriesInstanceUID);
    s.frames = dicom::tagInt(ds, DCM_NumberOfFrames, 1);
    if (s.sopClassUid.empty() || s.sopInstanceUid.empty())
        throw std::runtime_error(path + ": DICOM object without SOP Class or SOP Instance UID; an SR cannot reference it");
    if (s.studyUid.empty())
        throw std::runtime_error(path + ": DICOM object without Study Instance UID; an SR cannot join its study");
    return s;
}

void check(const OFCondition& status, const std::string& outputPath, const std::string& what) {
    if (status.bad()) throw std::runtime_error(outputPath + ": cannot write the SR: " + what + " (" + status.text() + ")");
}

// Adds a TEXT item (relationship `rel`, `mode` relative to the cursor) and leaves the cursor on it.
void addText(DSRDocumentTree& tree, DSRTypes::E_RelationshipType rel, DSRTypes::E_AddMode mode,
             const DSRCodedEntryValue& concept, const std::string& text, const std::string& outputPath) {
    if (tree.addContentItem(rel, DSRTypes::VT_Text, mode) == 0)
        throw std::runtime_error(outputPath + ": cannot write the SR: a TEXT item is not allowed here");
    check(tree.getCurrentContentItem().setConceptName(concept), outputPath, "concept name");
    // An empty TEXT value is invalid (UT, type 1): a blank answer is written as such.
    check(tree.getCurrentContentItem().setStringValue(text.empty() ? std::string("(empty)") : text, false),
          outputPath, "text value");
}

std::string joinModels(const std::vector<SrExchange>& exchanges) {
    std::set<std::string> seen;
    std::string out;
    for (const SrExchange& e : exchanges) {
        std::string m = e.model.empty() ? std::string("unknown model") : e.model;
        m += " (digest " + (e.modelDigest.empty() ? std::string("unknown") : e.modelDigest) + ")";
        if (!e.adapter.empty())
            m += " with adapter " + e.adapter + " (digest " +
                 (e.adapterDigest.empty() ? std::string("unknown") : e.adapterDigest) + ")";
        if (seen.insert(m).second) out += (out.empty() ? "" : "; ") + m;
    }
    return out;
}

// The whole file (meta header + dataset) in memory, for writeFileAtomic.
std::string encodeFile(DcmFileFormat& file, const std::string& outputPath) {
    std::string bytes;
    std::vector<char> chunk(1 << 16);
    DcmOutputBufferStream out(chunk.data(), static_cast<offile_off_t>(chunk.size()));
    check(file.validateMetaInfo(EXS_LittleEndianExplicit), outputPath, "file meta information");
    file.transferInit();
    OFCondition status;
    do {
        status = file.write(out, EXS_LittleEndianExplicit, EET_ExplicitLength, nullptr, EGL_recalcGL);
        void* data = nullptr;
        offile_off_t length = 0;
        out.flushBuffer(data, length);
        bytes.append(static_cast<const char*>(data), static_cast<std::size_t>(length));
    } while (status == EC_StreamNotifyClient);
    file.transferEnd();
    check(status, outputPath, "encoding");
    return bytes;
}

}  // namespace

std::string srUnavailableReason(const std::vector<std::string>& imagePaths) {
    if (imagePaths.empty()) return "no image: the conversation was not about a DICOM image";
    std::string study;
    try {
        for (const std::string& path : imagePaths) {
            const SourceImage s = readSource(path);
            if (study.empty()) study = s.studyUid;
            if (s.studyUid != study)
                return path + ": belongs to another study than the first image; one SR reports on one study";
        }
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

SrWritten writeBasicTextSr(const SrDocumentInput& input, const std::string& outputPath) {
    if (input.exchanges.empty())
        throw std::runtime_error(outputPath + ": cannot write the SR: the conversation has no answered question");
    dicom::initDicomLibrary();

    // Source images, each read once; the first one gives the patient and study.
    std::map<std::string, SourceImage> sources;
    std::string studyUid;
    for (const SrExchange& e : input.exchanges) {
        if (sources.count(e.imagePath)) continue;
        SourceImage s = readSource(e.imagePath);
        if (studyUid.empty()) studyUid = s.studyUid;
        if (s.studyUid != studyUid)
            throw std::runtime_error(e.imagePath +
                                     ": belongs to another study than the first image; one SR reports on one study");
        if (e.frame < 0 || e.frame >= s.frames)
            throw std::runtime_error(e.imagePath + ": frame " + std::to_string(e.frame + 1) + " does not exist (" +
                                     std::to_string(s.frames) + " frames)");
        sources.emplace(e.imagePath, std::move(s));
    }

    DSRDocument doc(DSRTypes::DT_BasicTextSR);
    {
        const std::string& first = input.exchanges.front().imagePath;
        std::unique_ptr<DcmFileFormat> file = dicom::openDicom(first, true);
        const OFCondition utf8 = file->convertToUTF8();
        if (utf8.bad())
            throw std::runtime_error(first + ": cannot convert its character set to UTF-8 for the SR (" +
                                     std::string(utf8.text()) + ")");
        check(doc.readStudyData(*file->getDataset()), outputPath, "patient and study of " + first);
    }
    doc.createNewSeries();  // new Series and SOP Instance UIDs in the source study
    check(doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8), outputPath, "character set");
    check(doc.setSeriesDescription(input.seriesDescription), outputPath, "series description");
    check(doc.setSeriesNumber("990"), outputPath, "series number");  // apart from the acquired series
    check(doc.setInstanceNumber("1"), outputPath, "instance number");
    check(doc.setManufacturer(input.manufacturer), outputPath, "manufacturer");
    if (!input.softwareVersion.empty())
        check(doc.setSoftwareVersions(input.softwareVersion), outputPath, "software version");
    check(doc.setPreliminaryFlag(DSRTypes::PF_Preliminary), outputPath, "preliminary flag");

    DSRDocumentTree& tree = doc.getTree();
    if (tree.addContentItem(DSRTypes::RT_isRoot, DSRTypes::VT_Container) == 0)
        throw std::runtime_error(outputPath + ": cannot write the SR: no root container");
    check(tree.getCurrentContentItem().setConceptName(CODE_DCM_CADProcessingAndFindingsSummary), outputPath,
          "document title");
    check(tree.getCurrentContentItem().setContinuityOfContent(DSRTypes::COC_Separate), outputPath, "continuity");
    const std::string note =
        "The answers in this document were generated by a machine learning model, " + joinModels(input.exchanges) +
        ", in reply to the questions recorded with them. They are not a diagnosis and have not been verified "
        "by a clinician.";
    addText(tree, DSRTypes::RT_contains, DSRTypes::AM_belowCurrent, CODE_DCM_Comment, note, outputPath);

    SrWritten written;
    for (const SrExchange& e : input.exchanges) {
        const SourceImage& s = sources.at(e.imagePath);
        addText(tree, DSRTypes::RT_contains, DSRTypes::AM_afterCurrent, CODE_DCM_RETIRED_Request, e.question,
                outputPath);
        addText(tree, DSRTypes::RT_contains, DSRTypes::AM_afterCurrent, CODE_DCM_Finding, e.answer, outputPath);
        const std::size_t finding = tree.getNodeID();

        if (tree.addContentItem(DSRTypes::RT_inferredFrom, DSRTypes::VT_Image, DSRTypes::AM_belowCurrent) == 0)
            throw std::runtime_error(outputPath + ": cannot write the SR: an IMAGE reference is not allowed here");
        DSRImageReferenceValue image(s.sopClassUid, s.sopInstanceUid);
        if (s.frames > 1) image.getFrameList().addItem(static_cast<Sint32>(e.frame + 1));
        check(tree.getCurrentContentItem().setImageReference(image, false), outputPath,
              "reference to " + e.imagePath);
        check(tree.getCurrentContentItem().setConceptName(CODE_DCM_SourceImage), outputPath, "image concept");
        std::string algorithm = e.model.empty() ? std::string("unknown model") : e.model;
        std::string version = e.modelDigest.empty() ? std::string("unknown") : e.modelDigest;
        if (!e.adapter.empty()) {
            algorithm += " + adapter " + e.adapter;
            version += " + " + (e.adapterDigest.empty() ? std::string("unknown") : e.adapterDigest);
        }
        addText(tree, DSRTypes::RT_hasProperties, DSRTypes::AM_afterCurrent, CODE_DCM_AlgorithmName, algorithm,
                outputPath);
        addText(tree, DSRTypes::RT_hasProperties, DSRTypes::AM_afterCurrent, CODE_DCM_AlgorithmVersion, version,
                outputPath);
        if (!e.parameters.empty())
            addText(tree, DSRTypes::RT_hasProperties, DSRTypes::AM_afterCurrent, CODE_DCM_AlgorithmParameters,
                    e.parameters, outputPath);
        if (tree.gotoNode(finding) == 0) throw std::runtime_error(outputPath + ": cannot write the SR: tree cursor lost");

        check(doc.getCurrentRequestedProcedureEvidence().addItem(s.studyUid, s.seriesUid, s.sopClassUid,
                                                                 s.sopInstanceUid),
              outputPath, "evidence for " + e.imagePath);
        written.referencedSopInstanceUids.push_back(s.sopInstanceUid);
    }
    check(doc.completeDocument("Conversation with a machine learning model as it stood at export; not verified"),
          outputPath, "completion flag");
    if (!doc.isValid()) throw std::runtime_error(outputPath + ": cannot write the SR: DCMTK finds the document invalid");

    DcmFileFormat file;
    check(doc.write(*file.getDataset()), outputPath, "document");
    OFString uid;
    doc.getStudyInstanceUID(uid);
    written.studyInstanceUid = uid.c_str();
    doc.getSeriesInstanceUID(uid);
    written.seriesInstanceUid = uid.c_str();
    doc.getSOPInstanceUID(uid);
    written.sopInstanceUid = uid.c_str();
    writeFileAtomic(outputPath, encodeFile(file, outputPath));
    return written;
}

}  // namespace stllava
