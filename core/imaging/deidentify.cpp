// De-identified DICOM copies (PS3.15 Annex E basic profile) and the burned-in text risk.
#include "imaging/deidentify.h"

#include "imaging/deid_profile.h"
#include "imaging/dicom_file.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <filesystem>
#include <stdexcept>

namespace stllava {
namespace fs = std::filesystem;
using dicom::DeidAction;

namespace {

bool isDicomRootUid(const std::string& uid) { return uid.rfind("1.2.840.10008.", 0) == 0; }

std::string dummyFor(DcmEVR vr) {
    switch (vr) {
        case EVR_PN: return "ANONYMIZED";
        case EVR_DA: return "19000101";
        case EVR_TM: return "000000";
        case EVR_DT: return "19000101000000";
        case EVR_IS:
        case EVR_DS: return "0";
        default: return "ANONYMIZED";
    }
}

DeidAction genericAction(DcmElement* el) {
    const DcmTag& tag = el->getTag();
    const Uint16 g = tag.getGroup(), e = tag.getElement();
    if (tag.isPrivate() || tag.isPrivateReservation()) return DeidAction::Remove;
    if ((g & 0xFF00) == 0x5000) return DeidAction::Remove;  // curve data (retired)
    if ((g & 0xFF00) == 0x6000 && (e == 0x3000 || e == 0x4000 || e == 0x0022 || e == 0x1500))
        return DeidAction::Remove;  // overlay data, comments, description, label
    const DeidAction listed = dicom::deidActionFor(tag);
    if (listed != DeidAction::Keep) return listed;
    switch (el->ident()) {
        case EVR_PN: return DeidAction::Empty;
        case EVR_DA:
        case EVR_DT:
        case EVR_TM: return DeidAction::Remove;
        case EVR_UI: {
            OFString v;
            el->getOFStringArray(v);
            return v.empty() || isDicomRootUid(v.c_str()) ? DeidAction::Keep : DeidAction::Uid;
        }
        default: return DeidAction::Keep;
    }
}

}  // namespace

std::vector<std::string> burnedInTextRisk(const DicomTags& t) {
    std::vector<std::string> reasons;
    if (t.burnedInAnnotation == "YES") reasons.emplace_back("BurnedInAnnotation is YES");
    if (t.modality == "US") reasons.emplace_back("ultrasound (modality US) often carries burned-in text");
    if (t.sopClassUid.rfind("1.2.840.10008.5.1.4.1.1.7", 0) == 0)
        reasons.emplace_back("Secondary Capture image (SOP class " + t.sopClassUid + ")");
    const std::string type = "\\" + t.imageType + "\\";
    if (type.find("\\DERIVED\\") != std::string::npos) reasons.emplace_back("ImageType is DERIVED");
    if (type.find("\\SECONDARY\\") != std::string::npos) reasons.emplace_back("ImageType is SECONDARY");
    return reasons;
}

DeidSession::DeidSession() { dicom::initDicomLibrary(); }

const char* DeidSession::methodDescription() {
    return "PS3.15 E.1 Basic Profile (STLLaVA-Med Studio)";  // LO: at most 64 characters
}

std::string DeidSession::mapUid(const std::string& uid) {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_uids.find(uid);
    if (it != m_uids.end()) return it->second;
    char buf[100];
    dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT);
    return m_uids.emplace(uid, buf).first->second;
}

std::size_t DeidSession::uidCount() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_uids.size();
}

namespace {

void applyAction(DcmItem* item, unsigned long index, DeidAction action, DeidSession& session) {
    DcmElement* el = item->getElement(index);
    switch (action) {
        case DeidAction::Keep: break;
        case DeidAction::Remove: delete item->remove(index); break;
        case DeidAction::Empty: el->clear(); break;
        case DeidAction::Dummy:
            if (el->ident() == EVR_SQ) el->clear();
            else el->putString(dummyFor(el->ident()).c_str());
            break;
        case DeidAction::Uid: {
            std::string mapped;
            for (unsigned long v = 0; v < el->getVM(); ++v) {
                OFString uid;
                if (el->getOFString(uid, v).bad()) continue;
                mapped += (v ? "\\" : "") + session.mapUid(uid.c_str());
            }
            el->putString(mapped.c_str());
            break;
        }
    }
}

void deidentifyItem(DcmItem* item, DeidSession& session, int depth) {
    if (depth > 64) throw std::runtime_error("sequences nested deeper than 64 levels");
    for (unsigned long i = item->card(); i-- > 0;) {
        DcmElement* el = item->getElement(i);
        const DeidAction action = genericAction(el);
        if (action == DeidAction::Keep && el->ident() == EVR_SQ) {
            auto* seq = static_cast<DcmSequenceOfItems*>(el);
            for (unsigned long k = 0; k < seq->card(); ++k) deidentifyItem(seq->getItem(k), session, depth + 1);
        }
        applyAction(item, i, action, session);
    }
}

}  // namespace

void DeidSession::deidentifyFile(const std::string& input, const std::string& output) {
    std::error_code ec;
    if (fs::exists(output, ec) && fs::equivalent(input, output, ec))
        throw std::runtime_error(input + ": the de-identified copy must not overwrite the original");
    std::unique_ptr<DcmFileFormat> file = dicom::openDicom(input, false);
    DcmDataset* ds = file->getDataset();
    if (dicom::tagString(ds, DCM_SOPClassUID).empty() && dicom::tagString(ds, DCM_SOPInstanceUID).empty())
        throw std::runtime_error(input + ": not a DICOM object (no SOP class or instance UID)");
    try {
        deidentifyItem(ds, *this, 0);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(input + ": " + e.what());
    }
    DcmMetaInfo* meta = file->getMetaInfo();
    for (unsigned long i = meta->card(); i-- > 0;) {
        const DeidAction action = dicom::deidActionFor(meta->getElement(i)->getTag());
        applyAction(meta, i, action, *this);
    }
    ds->putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    ds->putAndInsertString(DCM_DeidentificationMethod, methodDescription());
    ds->putAndInsertString(DCM_LongitudinalTemporalInformationModified, "REMOVED");
    DcmItem* code = nullptr;
    ds->findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    if (ds->findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, -2).good() && code) {
        code->putAndInsertString(DCM_CodeValue, "113100");
        code->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        code->putAndInsertString(DCM_CodeMeaning, "Basic Application Confidentiality Profile");
    }
    const fs::path out(output);
    if (out.has_parent_path()) fs::create_directories(out.parent_path(), ec);
    const std::string tmp = output + ".part";
    const OFCondition st = file->saveFile(OFFilename(tmp.c_str()), EXS_Unknown, EET_ExplicitLength, EGL_recalcGL,
                                          EPD_noChange, 0, 0, EWM_updateMeta);
    if (st.bad()) {
        fs::remove(tmp, ec);
        throw std::runtime_error(input + ": cannot write the de-identified copy " + output + " (" + st.text() + ")");
    }
    fs::rename(tmp, output, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw std::runtime_error(output + ": cannot rename the finished copy into place");
    }
}

}  // namespace stllava
