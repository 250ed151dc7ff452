#include "synthetic/dicom_writer.h"

#include "common/atomic_file.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace stllava::synthetic {
namespace {

const char* const kFamily[] = {"HARTMANN", "OKONKWO", "LINDQVIST",  "MORENO",   "TANAKA",
                               "KOWALSKI", "DUBOIS",  "FITZGERALD", "NAKAMURA", "ABERNATHY",
                               "VASQUEZ",  "PETROV",  "OYELARAN",   "BRENNAN"};
const char* const kGivenF[] = {"GRETA", "AMARA", "INGRID", "LUCIA", "YUKI", "MARTA", "CLAIRE", "NORA"};
const char* const kGivenM[] = {"TOBIAS", "CHIDI", "ANDERS", "DIEGO", "KENJI", "PAWEL", "HUGO", "EAMON"};
const char* const kInstitution[] = {
    "Northbridge General Hospital (synthetic)", "St. Aurelia Medical Centre (synthetic)",
    "Lakeside University Clinic (synthetic)", "Harbour View Imaging (synthetic)"};
const char* const kPhysician[] = {"WELLS^MARGARET^DR", "ADEYEMI^SAMUEL^DR", "RICHTER^PAUL^DR", "CHEN^LI^DR"};

template <std::size_t N>
const char* pickFrom(Rng& rng, const char* const (&list)[N]) {
    return list[rng.pick(N)];
}

void check(OFCondition c, const std::string& path, const char* what) {
    if (c.bad()) throw std::runtime_error(path + ": cannot set " + what + " (" + c.text() + ")");
}

void put(DcmDataset* ds, const DcmTagKey& tag, const std::string& value, const std::string& path) {
    check(ds->putAndInsertString(tag, value.c_str()), path, DcmTag(tag).getTagName());
}

std::string num(double v, int decimals = 4) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
    }
    return s;
}

void putPatientAndStudy(DcmDataset* ds, const DicomStudy& st, const std::string& modality,
                        const std::string& path) {
    put(ds, DCM_SpecificCharacterSet, "ISO_IR 100", path);
    put(ds, DCM_PatientName, st.patient.name, path);
    put(ds, DCM_PatientID, st.patient.id, path);
    put(ds, DCM_PatientBirthDate, st.patient.birthDate, path);
    put(ds, DCM_PatientSex, st.patient.sex, path);
    put(ds, DCM_InstitutionName, st.patient.institution, path);
    put(ds, DCM_ReferringPhysicianName, st.patient.referringPhysician, path);
    put(ds, DCM_AccessionNumber, st.patient.accessionNumber, path);
    put(ds, DCM_StudyInstanceUID, st.studyUid, path);
    put(ds, DCM_SeriesInstanceUID, st.seriesUid, path);
    put(ds, DCM_StudyDate, st.studyDate, path);
    put(ds, DCM_SeriesDate, st.studyDate, path);
    put(ds, DCM_ContentDate, st.studyDate, path);
    put(ds, DCM_StudyTime, st.studyTime, path);
    put(ds, DCM_StudyID, st.patient.accessionNumber.substr(0, 16), path);
    put(ds, DCM_StudyDescription, st.studyDescription, path);
    put(ds, DCM_SeriesDescription, st.seriesDescription, path);
    put(ds, DCM_SeriesNumber, std::to_string(st.seriesNumber), path);
    put(ds, DCM_Modality, modality, path);
    put(ds, DCM_Manufacturer, "STLLaVA-Med Studio synthetic world", path);
    put(ds, DCM_PatientPosition, "HFS", path);
}

void putPixels(DcmDataset* ds, int rows, int cols, const std::vector<Uint16>& pixels,
               const std::string& path) {
    put(ds, DCM_SamplesPerPixel, "1", path);
    put(ds, DCM_PhotometricInterpretation, "MONOCHROME2", path);
    check(ds->putAndInsertUint16(DCM_Rows, static_cast<Uint16>(rows)), path, "Rows");
    check(ds->putAndInsertUint16(DCM_Columns, static_cast<Uint16>(cols)), path, "Columns");
    check(ds->putAndInsertUint16(DCM_SamplesPerPixel, 1), path, "SamplesPerPixel");
    check(ds->putAndInsertUint16(DCM_BitsAllocated, 16), path, "BitsAllocated");
    check(ds->putAndInsertUint16(DCM_BitsStored, 12), path, "BitsStored");
    check(ds->putAndInsertUint16(DCM_HighBit, 11), path, "HighBit");
    check(ds->putAndInsertUint16(DCM_PixelRepresentation, 0), path, "PixelRepresentation");
    check(
        ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size())),
        path, "PixelData");
}

// Serialises in memory (Explicit VR Little Endian) and writes the bytes atomically.
void saveAtomic(DcmFileFormat& file, const std::string& path) {
    DcmDataset* ds = file.getDataset();
    ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    const Uint32 estimate = file.calcElementLength(EXS_LittleEndianExplicit, EET_ExplicitLength) + 4096;
    std::vector<char> buffer(estimate);
    DcmOutputBufferStream out(buffer.data(), buffer.size());
    std::string bytes;
    file.transferInit();
    OFCondition st = EC_StreamNotifyClient;
    while (st == EC_StreamNotifyClient) {
        st = file.write(out, EXS_LittleEndianExplicit, EET_ExplicitLength, nullptr, EGL_recalcGL,
                        EPD_noChange, 0, 0, 0, EWM_createNewMeta);
        void* chunk = nullptr;
        offile_off_t length = 0;
        out.flushBuffer(chunk, length);
        bytes.append(static_cast<const char*>(chunk), static_cast<std::size_t>(length));
    }
    file.transferEnd();
    if (st.bad()) throw std::runtime_error(path + ": cannot encode DICOM (" + std::string(st.text()) + ")");
    writeFileAtomic(path, bytes);
}

}  // namespace

FakePatient makeFakePatient(Rng& rng) {
    FakePatient p;
    const bool female = rng.chance(0.5);
    p.sex = female ? "F" : "M";
    p.name = std::string(pickFrom(rng, kFamily)) + "^" +
             (female ? pickFrom(rng, kGivenF) : pickFrom(rng, kGivenM));
    p.id = "SYN-" + std::to_string(rng.range(1000000, 9999999));
    const int year = rng.range(1935, 2000), month = rng.range(1, 12), day = rng.range(1, 28);
    p.birthDate = std::to_string(year) + (month < 10 ? "0" : "") + std::to_string(month) +
                  (day < 10 ? "0" : "") + std::to_string(day);
    p.institution = pickFrom(rng, kInstitution);
    p.referringPhysician = pickFrom(rng, kPhysician);
    p.accessionNumber = "ACC" + std::to_string(rng.range(10000000, 99999999));
    return p;
}

std::string makeUid(std::uint64_t seed, const std::string& label) {
    const std::uint64_t a = deriveSeed(seed, label, 1), b = deriveSeed(seed, label, 2);
    // 2.25.<decimal>: at most 6 + 20 + 19 digits; keep it under 64 characters.
    std::string uid = "2.25." + std::to_string(a >> 1) + std::to_string(b % 10000000000000000ull);
    if (uid.size() > 64) uid.resize(64);
    return uid;
}

void writeCtSliceDicom(const CtSlice& slice, const DicomStudy& study, int instanceNumber,
                       const std::string& path) {
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    putPatientAndStudy(ds, study, "CT", path);
    put(ds, DCM_SOPClassUID, UID_CTImageStorage, path);
    put(ds, DCM_SOPInstanceUID, makeUid(study.seed, study.seriesUid + "/" + std::to_string(instanceNumber)),
        path);
    put(ds, DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL", path);
    put(ds, DCM_BodyPartExamined, "ABDOMEN", path);
    put(ds, DCM_InstanceNumber, std::to_string(instanceNumber), path);
    put(ds, DCM_FrameOfReferenceUID, makeUid(study.seed, study.studyUid + "/frame"), path);
    const ImageFindings& f = slice.findings;
    const double spacing = f.pixelSpacingMm;
    const double x0 = -0.5 * spacing * f.width, y0 = -0.5 * spacing * f.height;
    put(ds, DCM_ImagePositionPatient, num(x0) + "\\" + num(y0) + "\\" + num(f.ct.sliceZMm), path);
    put(ds, DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0", path);
    put(ds, DCM_SliceLocation, num(f.ct.sliceZMm), path);
    put(ds, DCM_SliceThickness, num(f.ct.sliceThicknessMm), path);
    put(ds, DCM_PixelSpacing, num(spacing, 6) + "\\" + num(spacing, 6), path);
    put(ds, DCM_KVP, "120", path);
    put(ds, DCM_RescaleIntercept, num(kCtRescaleIntercept), path);
    put(ds, DCM_RescaleSlope, "1", path);
    put(ds, DCM_RescaleType, "HU", path);
    put(ds, DCM_WindowCenter, num(kCtSoftTissueCenter) + "\\" + num(kCtLungCenter), path);
    put(ds, DCM_WindowWidth, num(kCtSoftTissueWidth) + "\\" + num(kCtLungWidth), path);
    put(ds, DCM_WindowCenterWidthExplanation, "SOFT TISSUE\\LUNG", path);
    std::vector<Uint16> px(slice.hu.v.size());
    for (std::size_t i = 0; i < px.size(); ++i) {
        const double stored = std::round(slice.hu.v[i] - kCtRescaleIntercept);
        px[i] = static_cast<Uint16>(std::clamp(stored, 0.0, 4095.0));
    }
    putPixels(ds, slice.hu.height, slice.hu.width, px, path);
    saveAtomic(file, path);
}

void writeChestDicom(const ChestXray& xray, const DicomStudy& study, const std::string& path) {
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    putPatientAndStudy(ds, study, "DX", path);
    put(ds, DCM_SOPClassUID, UID_DigitalXRayImageStorageForPresentation, path);
    put(ds, DCM_SOPInstanceUID, makeUid(study.seed, study.seriesUid + "/1"), path);
    put(ds, DCM_ImageType, "ORIGINAL\\PRIMARY", path);
    put(ds, DCM_PresentationIntentType, "FOR PRESENTATION", path);
    put(ds, DCM_BodyPartExamined, "CHEST", path);
    put(ds, DCM_ViewPosition, xray.findings.chest.view, path);
    put(ds, DCM_InstanceNumber, "1", path);
    put(ds, DCM_PatientOrientation, "L\\F", path);  // columns run to the patient's left, rows to the feet
    const std::string spacing =
        num(xray.findings.pixelSpacingMm, 6) + "\\" + num(xray.findings.pixelSpacingMm, 6);
    put(ds, DCM_PixelSpacing, spacing, path);
    put(ds, DCM_ImagerPixelSpacing, spacing, path);
    put(ds, DCM_RescaleIntercept, "0", path);
    put(ds, DCM_RescaleSlope, "1", path);
    put(ds, DCM_WindowCenter, "2048", path);
    put(ds, DCM_WindowWidth, "4096", path);
    put(ds, DCM_PresentationLUTShape, "IDENTITY", path);
    std::vector<Uint16> px(xray.intensity.v.size());
    for (std::size_t i = 0; i < px.size(); ++i)
        px[i] = static_cast<Uint16>(std::round(std::clamp<double>(xray.intensity.v[i], 0.0, 1.0) * 4095.0));
    putPixels(ds, xray.intensity.height, xray.intensity.width, px, path);
    saveAtomic(file, path);
}

}  // namespace stllava::synthetic
