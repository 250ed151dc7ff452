#include "diagnostics/dicom_probe.h"

#include "imaging/dicom_codecs.h"
#include "imaging/j2k_decoder.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace stllava {

void probeDicom(DoctorReport& report) {
    registerDicomCodecs();
    report.facts["dicom"]["dcmtk_version"] = OFFIS_DCMTK_VERSION_STRING;
    report.add({"dicom", "DCMTK version", OFFIS_DCMTK_VERSION_STRING, CheckStatus::Ok, ""});
    report.facts["dicom"]["openjpeg_version"] = openJpegVersion();
    report.add({"dicom", "OpenJPEG version", openJpegVersion(), CheckStatus::Ok, ""});
    struct Syntax {
        E_TransferSyntax xfer;
        const char* label;
        const char* library;
    };
    const Syntax syntaxes[] = {
        {EXS_JPEGProcess1, "JPEG baseline", "DCMTK"},
        {EXS_JPEGProcess2_4, "JPEG extended", "DCMTK"},
        {EXS_JPEGProcess14SV1, "JPEG lossless SV1", "DCMTK"},
        {EXS_JPEGLSLossless, "JPEG-LS lossless", "DCMTK"},
        {EXS_JPEGLSLossy, "JPEG-LS near-lossless", "DCMTK"},
        {EXS_RLELossless, "RLE lossless", "DCMTK"},
        {EXS_JPEG2000LosslessOnly, "JPEG 2000 lossless", "OpenJPEG"},
        {EXS_JPEG2000, "JPEG 2000", "OpenJPEG"},
    };
    for (const auto& s : syntaxes) {
        const bool ok = DcmCodecList::canChangeCoding(s.xfer, EXS_LittleEndianExplicit);
        report.facts["dicom"]["decoders"][s.label] = ok;
        const std::string advice = std::string(s.library) == "DCMTK"
                                       ? "DCMTK decoder missing: reinstall libdcmtk17"
                                       : "rebuild with libopenjp2-7-dev installed";
        report.add({"dicom", std::string("decoder ") + s.label,
                    ok ? std::string("registered (") + s.library + ")" : "not available",
                    ok ? CheckStatus::Ok : CheckStatus::Fail, ok ? "" : advice});
    }
}

}  // namespace stllava
