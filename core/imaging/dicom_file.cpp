#include "imaging/dicom_file.h"

#include "imaging/dicom_codecs.h"

#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcobject.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>
#include <stdexcept>

namespace stllava::dicom {

void initDicomLibrary() {
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        // Writers exist that announce an explicit-VR syntax (e.g. JPEG baseline) in the meta header
        // but encode the dataset as implicit VR (pydicom's SC_rgb_jpeg.dcm): an element whose VR
        // field is not a valid VR is then read as implicit VR little endian, as pydicom does,
        // instead of failing the whole file as truncated.
        dcmAcceptUnexpectedImplicitEncoding.set(OFTrue);
        registerDicomCodecs();
    });
}

std::unique_ptr<DcmFileFormat> openDicom(const std::string& path, bool headerOnly) {
    initDicomLibrary();
    auto file = std::make_unique<DcmFileFormat>();
    // Elements above 4 KiB are read from disk on first use: memory stays bounded whatever the file.
    const Uint32 maxRead = 4096;
    const OFCondition status =
        headerOnly ? file->loadFileUntilTag(OFFilename(path.c_str()), EXS_Unknown, EGL_noChange, maxRead,
                                            ERM_autoDetect, DCM_PixelData)
                   : file->loadFile(OFFilename(path.c_str()), EXS_Unknown, EGL_noChange, maxRead, ERM_autoDetect);
    if (status.bad()) {
        const std::string why = status.text();
        if (status == EC_InvalidStream || status == EC_UnknownVR || status == EC_InvalidTag)
            throw std::runtime_error(path + ": not a DICOM file (" + why + ")");
        throw std::runtime_error(path + ": cannot read DICOM (" + why + "; truncated or malformed?)");
    }
    DcmDataset* ds = file->getDataset();
    if (ds == nullptr || ds->card() == 0) throw std::runtime_error(path + ": not a DICOM file (no data elements)");
    return file;
}

std::string tagString(DcmItem* item, const DcmTagKey& key) {
    OFString value;
    if (item == nullptr || item->findAndGetOFStringArray(key, value).bad()) return {};
    std::string s(value.c_str());
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

double tagNumber(DcmItem* item, const DcmTagKey& key, double fallback, unsigned long index) {
    Float64 v = 0;
    if (item != nullptr && item->findAndGetFloat64(key, v, index).good()) return v;
    return fallback;
}

long tagInt(DcmItem* item, const DcmTagKey& key, long fallback, unsigned long index) {
    if (item == nullptr) return fallback;
    Uint16 u16 = 0;
    if (item->findAndGetUint16(key, u16, index).good()) return u16;
    Sint32 s32 = 0;
    if (item->findAndGetSint32(key, s32, index).good()) return s32;
    Sint16 s16 = 0;
    if (item->findAndGetSint16(key, s16, index).good()) return s16;
    Uint32 u32 = 0;
    if (item->findAndGetUint32(key, u32, index).good()) return static_cast<long>(u32);
    Sint32 is = 0;
    if (item->findAndGetSint32(key, is, index).good()) return is;
    OFString text;
    if (item->findAndGetOFString(key, text, index).good()) {
        try {
            return std::stol(text.c_str());
        } catch (const std::exception&) {
            return fallback;
        }
    }
    return fallback;
}

unsigned long tagValueCount(DcmItem* item, const DcmTagKey& key) {
    DcmElement* el = nullptr;
    if (item == nullptr || item->findAndGetElement(key, el).bad() || el == nullptr || el->getLength() == 0) return 0;
    return el->getVM();
}

std::string transferSyntaxUid(DcmFileFormat& file) {
    const std::string fromMeta = tagString(file.getMetaInfo(), DCM_TransferSyntaxUID);
    if (!fromMeta.empty()) return fromMeta;
    const DcmXfer xfer(file.getDataset()->getOriginalXfer());
    return xfer.getXferID();
}

std::string transferSyntaxName(DcmFileFormat& file) {
    const std::string uid = transferSyntaxUid(file);
    const DcmXfer xfer(uid.c_str());
    if (xfer.getXfer() != EXS_Unknown) return xfer.getXferName();
    const char* name = dcmFindNameOfUID(uid.c_str());
    return name != nullptr ? name : "unknown transfer syntax";
}

bool canDecode(DcmFileFormat& file) {
    const E_TransferSyntax original = file.getDataset()->getOriginalXfer();
    const std::string uid = transferSyntaxUid(file);
    const DcmXfer fromUid(uid.c_str());
    if (fromUid.getXfer() == EXS_Unknown && !uid.empty()) return false;  // a syntax DCMTK does not know
    const DcmXfer xfer(fromUid.getXfer() != EXS_Unknown ? fromUid.getXfer() : original);
    if (!xfer.isEncapsulated()) return true;
    return DcmCodecList::canChangeCoding(xfer.getXfer(), EXS_LittleEndianExplicit);
}

}  // namespace stllava::dicom
