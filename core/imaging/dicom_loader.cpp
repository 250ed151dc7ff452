// DICOM to ImageData: header checks before any allocation, decoding through DCMTK's DicomImage
// (compressed syntaxes, bit unpacking, sign, planar/YBR/palette colour), then the modality transform
// done here in float (rescale slope/intercept or Modality LUT), so windowing later is exact.
#include "imaging/dicom_file.h"
#include "imaging/dicom_j2k_codec.h"
#include "imaging/dicom_fragment_guard.h"
#include "imaging/format_loaders.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmimage/diregist.h>  // colour images in DicomImage
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmimgle/dipixel.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace stllava {
namespace {

using dicom::tagInt;
using dicom::tagNumber;
using dicom::tagString;

[[noreturn]] void fail(const std::string& path, const std::string& why) { throw std::runtime_error(path + ": " + why); }

// Enhanced multi-frame files keep rescale and windows in functional groups: per-frame first, then shared.
DcmItem* functionalGroup(DcmDataset* ds, const DcmTagKey& macro, int frame) {
    DcmItem* group = nullptr;
    DcmItem* inner = nullptr;
    if (ds->findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, group, frame).good() && group &&
        group->findAndGetSequenceItem(macro, inner, 0).good() && inner)
        return inner;
    if (ds->findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, group, 0).good() && group &&
        group->findAndGetSequenceItem(macro, inner, 0).good() && inner)
        return inner;
    return nullptr;
}

// A LUT (modality or VOI) from a sequence item: descriptor (entries, first mapped, bits) + data.
bool readLut(DcmItem* item, bool signedInput, VoiLut& lut) {
    const long entries = tagInt(item, DCM_LUTDescriptor, -1, 0);
    const long first = tagInt(item, DCM_LUTDescriptor, 0, 1);
    const long bits = tagInt(item, DCM_LUTDescriptor, 16, 2);
    const Uint16* data = nullptr;
    unsigned long count = 0;
    if (entries < 0 || item->findAndGetUint16Array(DCM_LUTData, data, &count).bad() || data == nullptr) return false;
    const unsigned long n = entries == 0 ? 65536ul : static_cast<unsigned long>(entries);
    if (count == 0) return false;
    lut.data.assign(data, data + std::min(n, count));
    lut.firstMapped = signedInput ? static_cast<Sint16>(static_cast<Uint16>(first)) : static_cast<Uint16>(first);
    lut.bits = static_cast<int>(std::clamp(bits, 1l, 16l));
    lut.explanation = tagString(item, DCM_LUTExplanation);
    return true;
}

template <typename T>
void copyValues(const void* data, std::size_t n, std::vector<float>& out) {
    const T* p = static_cast<const T*>(data);
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(p[i]);
}

// The stored values through rescale slope/intercept (in double, then float) in one pass.
template <typename T>
void copyRescaled(const void* data, std::size_t n, double slope, double intercept, std::vector<float>& out) {
    const T* p = static_cast<const T*>(data);
    out.resize(n);
    float* o = out.data();
    for (std::size_t i = 0; i < n; ++i) o[i] = static_cast<float>(static_cast<double>(p[i]) * slope + intercept);
}

void readDisplayTags(DcmDataset* ds, int frame, ImageData& img) {
    DcmItem* voi = functionalGroup(ds, DCM_FrameVOILUTSequence, frame);
    DcmItem* src = voi ? voi : static_cast<DcmItem*>(ds);
    const unsigned long nc = dicom::tagValueCount(src, DCM_WindowCenter);
    const unsigned long nw = dicom::tagValueCount(src, DCM_WindowWidth);
    for (unsigned long i = 0; i < std::min(nc, nw); ++i) {
        Window w;
        w.center = tagNumber(src, DCM_WindowCenter, 0, i);
        w.width = tagNumber(src, DCM_WindowWidth, 0, i);
        OFString ex;
        if (src->findAndGetOFString(DCM_WindowCenterWidthExplanation, ex, i).good()) w.explanation = ex.c_str();
        if (w.width > 0) img.fileWindows.push_back(w);
    }
    const std::string fn = tagString(src, DCM_VOILUTFunction);
    img.voiFunction = fn == "LINEAR_EXACT" ? VoiFunction::LinearExact
                      : fn == "SIGMOID"    ? VoiFunction::Sigmoid
                                           : VoiFunction::Linear;
    DcmSequenceOfItems* seq = nullptr;
    if (ds->findAndGetSequence(DCM_VOILUTSequence, seq).good() && seq) {
        // The LUT input is the modality output: the first mapped value reads as signed (SS) when
        // the data is signed or the rescale makes it negative, else as unsigned (US).
        const bool signedInput = img.tags.pixelRepresentation == 1 ||
                                 (!img.values.empty() && *std::min_element(img.values.begin(), img.values.end()) < 0);
        for (unsigned long i = 0; i < seq->card(); ++i) {
            VoiLut lut;
            if (readLut(seq->getItem(i), signedInput, lut)) img.voiLuts.push_back(std::move(lut));
        }
    }
    DcmItem* measures = functionalGroup(ds, DCM_PixelMeasuresSequence, frame);
    DcmItem* sp = measures ? measures : static_cast<DcmItem*>(ds);
    img.pixelSpacingRow = tagNumber(sp, DCM_PixelSpacing, 0, 0);
    img.pixelSpacingCol = tagNumber(sp, DCM_PixelSpacing, 0, 1);
    if (img.pixelSpacingRow <= 0) {
        img.pixelSpacingRow = tagNumber(ds, DCM_ImagerPixelSpacing, 0, 0);
        img.pixelSpacingCol = tagNumber(ds, DCM_ImagerPixelSpacing, 0, 1);
    }
    if (tagString(ds, DCM_PresentationLUTShape) == "INVERSE") img.monochrome1 = !img.monochrome1;
}

void readTags(DcmFileFormat& file, DicomTags& t) {
    DcmDataset* ds = file.getDataset();
    t.modality = tagString(ds, DCM_Modality);
    t.bodyPart = tagString(ds, DCM_BodyPartExamined);
    t.studyDescription = tagString(ds, DCM_StudyDescription);
    t.seriesDescription = tagString(ds, DCM_SeriesDescription);
    t.patientName = tagString(ds, DCM_PatientName);
    t.patientId = tagString(ds, DCM_PatientID);
    t.studyDate = tagString(ds, DCM_StudyDate);
    t.seriesDate = tagString(ds, DCM_SeriesDate);
    t.studyUid = tagString(ds, DCM_StudyInstanceUID);
    t.seriesUid = tagString(ds, DCM_SeriesInstanceUID);
    t.sopInstanceUid = tagString(ds, DCM_SOPInstanceUID);
    t.sopClassUid = tagString(ds, DCM_SOPClassUID);
    t.imageType = tagString(ds, DCM_ImageType);
    t.burnedInAnnotation = tagString(ds, DCM_BurnedInAnnotation);
    t.manufacturer = tagString(ds, DCM_Manufacturer);
    t.institution = tagString(ds, DCM_InstitutionName);
    t.photometric = tagString(ds, DCM_PhotometricInterpretation);
    t.transferSyntaxUid = dicom::transferSyntaxUid(file);
    t.transferSyntaxName = dicom::transferSyntaxName(file);
    t.rescaleType = tagString(ds, DCM_RescaleType);
    t.instanceNumber = static_cast<int>(tagInt(ds, DCM_InstanceNumber, 0));
    t.bitsAllocated = static_cast<int>(tagInt(ds, DCM_BitsAllocated, 0));
    t.bitsStored = static_cast<int>(tagInt(ds, DCM_BitsStored, t.bitsAllocated));
    t.highBit = static_cast<int>(tagInt(ds, DCM_HighBit, t.bitsStored - 1));
    t.pixelRepresentation = static_cast<int>(tagInt(ds, DCM_PixelRepresentation, 0));
    t.samplesPerPixel = static_cast<int>(tagInt(ds, DCM_SamplesPerPixel, 1));
}

// Everything that can be checked before decoding: presence, dimensions, caps, syntax, data length.
void checkHeader(const std::string& path, DcmFileFormat& file, const LoadOptions& opt, long& frames) {
    DcmDataset* ds = file.getDataset();
    DcmElement* pixels = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, pixels).bad() || pixels == nullptr)
        fail(path, "no pixel data (7FE0,0010) in this DICOM file");
    const long rows = tagInt(ds, DCM_Rows, 0), cols = tagInt(ds, DCM_Columns, 0);
    const long spp = tagInt(ds, DCM_SamplesPerPixel, 1), bitsAlloc = tagInt(ds, DCM_BitsAllocated, 0);
    frames = std::max(1l, tagInt(ds, DCM_NumberOfFrames, 1));
    if (rows <= 0 || cols <= 0) fail(path, "missing or zero Rows/Columns");
    if (rows > opt.limits.maxSide || cols > opt.limits.maxSide)
        fail(path, "image of " + std::to_string(cols) + "x" + std::to_string(rows) + " exceeds the limit of " +
                       std::to_string(opt.limits.maxSide) + " pixels per side");
    if (spp != 1 && spp != 3) fail(path, "SamplesPerPixel " + std::to_string(spp) + " is not supported (1 or 3)");
    if (bitsAlloc != 1 && bitsAlloc != 8 && bitsAlloc != 16 && bitsAlloc != 32)
        fail(path, "BitsAllocated " + std::to_string(bitsAlloc) + " is not supported");
    if (static_cast<std::uint64_t>(frames) > opt.limits.maxFrames)
        fail(path, "NumberOfFrames " + std::to_string(frames) + " exceeds the limit");
    const std::uint64_t frameValues = static_cast<std::uint64_t>(rows) * static_cast<std::uint64_t>(cols) * spp;
    if (frameValues * sizeof(float) > opt.limits.maxFrameBytes) fail(path, "decoded frame would exceed the memory limit");
    if (opt.frame < 0 || opt.frame >= frames)
        fail(path, "frame " + std::to_string(opt.frame) + " out of range (the file has " + std::to_string(frames) +
                       (frames == 1 ? " frame)" : " frames)"));
    if (!dicom::canDecode(file)) {
        const std::string name = dicom::transferSyntaxName(file), uid = dicom::transferSyntaxUid(file);
        fail(path, "unsupported transfer syntax " + (name == "unknown transfer syntax" ? uid : name + " (" + uid + ")"));
    }
    const DcmXfer xfer(ds->getOriginalXfer());
    if (!xfer.isEncapsulated()) {
        std::uint64_t frameBits = frameValues * static_cast<std::uint64_t>(bitsAlloc);
        const std::string photometric = tagString(ds, DCM_PhotometricInterpretation);
        if (photometric == "YBR_FULL_422" || photometric == "YBR_PARTIAL_422") frameBits = frameBits * 2 / 3;  // 4:2:2
        const std::uint64_t need = (frameBits * static_cast<std::uint64_t>(opt.frame + 1) + 7) / 8;
        const Uint32 have = pixels->getLength();
        if (have != DCM_UndefinedLength && have < need)
            fail(path, "pixel data holds " + std::to_string(have) + " bytes, frame " + std::to_string(opt.frame) +
                           " needs " + std::to_string(need) + " (truncated?)");
    }
}

// DCMTK reads big-endian pixel data as OW, swapping each 16-bit word, and then assembles 32-bit
// samples from two words in local order: high and low halves come out exchanged (pydicom's
// rtdose_expb.dcm reads 250085395 for 1249000). Put the halves back in the loaded element first.
void repairBigEndian32(const std::string& path, DcmDataset* ds) {
    if (ds->getOriginalXfer() != EXS_BigEndianExplicit || tagInt(ds, DCM_BitsAllocated, 0) != 32) return;
    DcmElement* pixels = nullptr;
    Uint16* words = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, pixels).bad() || pixels == nullptr ||
        pixels->loadAllDataIntoMemory().bad() || pixels->getUint16Array(words).bad() || words == nullptr)
        fail(path, "cannot read the 32-bit big-endian pixel data");
    const unsigned long count = pixels->getLength() / 2;
    for (unsigned long i = 0; i + 1 < count; i += 2) std::swap(words[i], words[i + 1]);
}

}  // namespace

ImageData loadDicomData(const std::string& path, const LoadOptions& opt) {
    std::unique_ptr<DcmFileFormat> file = dicom::openDicom(path, false);
    DcmDataset* ds = file->getDataset();
    long frames = 1;
    checkHeader(path, *file, opt, frames);

    ImageData img;
    img.path = path;
    img.source = ImageSource::Dicom;
    img.frame = opt.frame;
    img.frameCount = static_cast<int>(frames);
    readTags(*file, img.tags);
    const bool mono = img.tags.photometric.rfind("MONOCHROME", 0) == 0 || img.tags.samplesPerPixel == 1;
    const bool palette = img.tags.photometric == "PALETTE COLOR";

    const unsigned long flags = CIF_IgnoreModalityTransformation | CIF_UsePartialAccessToPixelData;
    repairBigEndian32(path, ds);
    if (const std::string problem = dicom::compressedFragmentsProblem(ds); !problem.empty())
        fail(path, "cannot decode pixel data (compressed stream corrupt or not decodable): " + problem);
    clearJpeg2000Error();
    DicomImage decoded(ds, ds->getOriginalXfer(), flags, static_cast<unsigned long>(opt.frame), 1);
    if (decoded.getStatus() != EIS_Normal) {
        const bool compressed = DcmXfer(ds->getOriginalXfer()).isEncapsulated();
        const std::string j2k = lastJpeg2000Error();
        fail(path, std::string("cannot decode pixel data") +
                       (compressed ? " (compressed stream corrupt or not decodable)" : "") + ": " +
                       (j2k.empty() ? DicomImage::getString(decoded.getStatus()) : j2k));
    }
    img.width = static_cast<int>(decoded.getWidth());
    img.height = static_cast<int>(decoded.getHeight());
    const std::size_t pixels = static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height);

    if (mono && !palette && decoded.isMonochrome()) {
        img.channels = 1;
        img.monochrome1 = img.tags.photometric == "MONOCHROME1";
        img.bits = img.tags.bitsStored > 0 ? img.tags.bitsStored : 8;
        const DiPixel* inter = decoded.getInterData();
        if (inter == nullptr || inter->getData() == nullptr || inter->getCount() < pixels)
            fail(path, "decoder returned no pixel values");
        // Modality transform: the Modality LUT if present, else rescale slope/intercept.
        DcmItem* pvt = functionalGroup(ds, DCM_PixelValueTransformationSequence, opt.frame);
        DcmItem* rescale = pvt ? pvt : static_cast<DcmItem*>(ds);
        DcmItem* lutItem = nullptr;
        VoiLut modalityLut;
        const bool useLut = ds->findAndGetSequenceItem(DCM_ModalityLUTSequence, lutItem, 0).good() && lutItem &&
                            readLut(lutItem, img.tags.pixelRepresentation == 1, modalityLut);
        double slope = 1.0, intercept = 0.0;
        if (!useLut) {
            slope = tagNumber(rescale, DCM_RescaleSlope, 1.0);
            intercept = tagNumber(rescale, DCM_RescaleIntercept, 0.0);
            img.tags.rescaleSlope = slope == 0.0 ? 1.0 : slope;
            img.tags.rescaleIntercept = intercept;
            slope = img.tags.rescaleSlope;
        }
        switch (inter->getRepresentation()) {
            case EPR_Uint8: copyRescaled<Uint8>(inter->getData(), pixels, slope, intercept, img.values); break;
            case EPR_Sint8: copyRescaled<Sint8>(inter->getData(), pixels, slope, intercept, img.values); break;
            case EPR_Uint16: copyRescaled<Uint16>(inter->getData(), pixels, slope, intercept, img.values); break;
            case EPR_Sint16: copyRescaled<Sint16>(inter->getData(), pixels, slope, intercept, img.values); break;
            case EPR_Uint32: copyRescaled<Uint32>(inter->getData(), pixels, slope, intercept, img.values); break;
            case EPR_Sint32: copyRescaled<Sint32>(inter->getData(), pixels, slope, intercept, img.values); break;
        }
        if (useLut) {
            img.tags.hasModalityLut = true;
            const auto last = static_cast<long>(modalityLut.data.size()) - 1;
            for (float& v : img.values)
                v = modalityLut.data[static_cast<std::size_t>(std::clamp(static_cast<long>(v) - modalityLut.firstMapped, 0l, last))];
            img.bits = modalityLut.bits;
        }
        readDisplayTags(ds, opt.frame, img);
    } else {
        img.channels = 3;
        img.bits = img.tags.bitsStored > 8 && !palette ? 16 : 8;
        const void* out = decoded.getOutputData(img.bits, 0, 0);
        if (out == nullptr) fail(path, "cannot render colour pixel data");
        if (img.bits == 16) copyValues<Uint16>(out, pixels * 3, img.values);
        else copyValues<Uint8>(out, pixels * 3, img.values);
        readDisplayTags(ds, opt.frame, img);
        img.fileWindows.clear();  // VOI windows do not apply to colour data
        img.voiLuts.clear();
        img.monochrome1 = false;
    }
    return img;
}

}  // namespace stllava
