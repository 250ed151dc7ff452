#include "imaging/dicom_codecs.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <mutex>

namespace stllava {

void registerDicomCodecs() {
    static std::once_flag once;
    std::call_once(once, [] {
        DJDecoderRegistration::registerCodecs();    // JPEG baseline, extended, lossless
        DJLSDecoderRegistration::registerCodecs();  // JPEG-LS
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

void probeDicom(DoctorReport& report) {
    registerDicomCodecs();
    report.facts["dicom"]["dcmtk_version"] = OFFIS_DCMTK_VERSION_STRING;
    report.add({"dicom", "DCMTK version", OFFIS_DCMTK_VERSION_STRING, CheckStatus::Ok, ""});
    struct Syntax {
        E_TransferSyntax xfer;
        const char* label;
    };
    const Syntax syntaxes[] = {
        {EXS_JPEGProcess1, "JPEG baseline"},
        {EXS_JPEGProcess2_4, "JPEG extended"},
        {EXS_JPEGProcess14SV1, "JPEG lossless SV1"},
        {EXS_JPEGLSLossless, "JPEG-LS lossless"},
        {EXS_JPEGLSLossy, "JPEG-LS near-lossless"},
        {EXS_RLELossless, "RLE lossless"},
        {EXS_JPEG2000LosslessOnly, "JPEG 2000"},
    };
    for (const auto& s : syntaxes) {
        const bool ok = DcmCodecList::canChangeCoding(s.xfer, EXS_LittleEndianExplicit);
        report.facts["dicom"]["decoders"][s.label] = ok;
        const bool expected = s.xfer != EXS_JPEG2000LosslessOnly;  // DCMTK has no free JPEG 2000 codec
        report.add({"dicom", std::string("decoder ") + s.label, ok ? "registered" : "not available",
                    ok ? CheckStatus::Ok : (expected ? CheckStatus::Fail : CheckStatus::Info),
                    ok || !expected ? "" : "DCMTK decoder missing: reinstall libdcmtk17"});
    }
}

}  // namespace stllava
