#include "imaging/deid_profile.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <map>

namespace stllava::dicom {
namespace {

using A = DeidAction;

const std::map<DcmTagKey, DeidAction>& table() {
    static const std::map<DcmTagKey, DeidAction> t = {
        // Identity of the patient
        {DCM_PatientName, A::Empty}, {DCM_PatientID, A::Empty}, {DCM_IssuerOfPatientID, A::Remove},
        {DCM_PatientBirthDate, A::Empty}, {DCM_PatientBirthTime, A::Remove}, {DCM_PatientSex, A::Empty},
        {DcmTagKey(0x0010, 0x1000), A::Remove}, {DCM_OtherPatientNames, A::Remove}, {DCM_OtherPatientIDsSequence, A::Remove},
        {DCM_PatientBirthName, A::Remove}, {DCM_PatientAge, A::Remove}, {DCM_PatientSize, A::Remove},
        {DCM_PatientWeight, A::Remove}, {DCM_PatientAddress, A::Remove}, {DCM_PatientMotherBirthName, A::Remove},
        {DCM_MilitaryRank, A::Remove}, {DCM_BranchOfService, A::Remove}, {DCM_RETIRED_MedicalRecordLocator, A::Remove},
        {DCM_EthnicGroup, A::Remove}, {DCM_Occupation, A::Remove}, {DCM_AdditionalPatientHistory, A::Remove},
        {DCM_PatientComments, A::Remove}, {DCM_PatientTelephoneNumbers, A::Remove},
        {DCM_PatientReligiousPreference, A::Remove}, {DCM_MedicalAlerts, A::Remove}, {DCM_Allergies, A::Remove},
        {DCM_PregnancyStatus, A::Remove}, {DCM_SmokingStatus, A::Remove}, {DCM_LastMenstrualDate, A::Remove},
        {DCM_ResponsiblePerson, A::Remove}, {DCM_ResponsibleOrganization, A::Remove},
        {DCM_PatientInsurancePlanCodeSequence, A::Remove}, {DCM_PatientPrimaryLanguageCodeSequence, A::Remove},
        {DCM_PatientState, A::Remove}, {DCM_CountryOfResidence, A::Remove}, {DCM_RegionOfResidence, A::Remove},
        {DCM_PatientSexNeutered, A::Remove}, {DCM_SpecialNeeds, A::Remove}, {DCM_ReferencedPatientSequence, A::Remove},
        {DCM_PatientTransportArrangements, A::Remove}, {DCM_ReferencedPatientPhotoSequence, A::Remove},
        // Visit, admission, request
        {DCM_AdmissionID, A::Remove}, {DCM_IssuerOfAdmissionIDSequence, A::Remove}, {DCM_CurrentPatientLocation, A::Remove},
        {DCM_VisitComments, A::Remove}, {DCM_ServiceEpisodeID, A::Remove}, {DCM_ServiceEpisodeDescription, A::Remove},
        {DCM_AdmittingDiagnosesDescription, A::Remove}, {DCM_AdmittingDiagnosesCodeSequence, A::Remove},
        {DCM_AccessionNumber, A::Empty}, {DCM_IssuerOfAccessionNumberSequence, A::Remove},
        {DCM_StudyID, A::Empty}, {DCM_RequestingPhysician, A::Remove}, {DCM_RequestingService, A::Remove},
        {DCM_RequestedProcedureDescription, A::Remove}, {DCM_RequestedProcedureID, A::Remove},
        {DCM_RequestAttributesSequence, A::Remove}, {DCM_RequestedContrastAgent, A::Remove},
        {DcmTagKey(0x0032, 0x4000), A::Remove}, {DcmTagKey(0x0032, 0x1030), A::Remove}, {DCM_ReasonForTheRequestedProcedure, A::Remove},
        {DCM_PlacerOrderNumberImagingServiceRequest, A::Empty}, {DCM_FillerOrderNumberImagingServiceRequest, A::Empty},
        {DCM_ImagingServiceRequestComments, A::Remove}, {DCM_OrderEnteredBy, A::Remove},
        {DCM_OrderEntererLocation, A::Remove}, {DCM_OrderCallbackPhoneNumber, A::Remove},
        {DCM_ScheduledProcedureStepID, A::Remove}, {DCM_ScheduledProcedureStepDescription, A::Remove},
        {DCM_ScheduledStationName, A::Remove}, {DCM_ScheduledProcedureStepLocation, A::Remove},
        {DCM_ScheduledStationAETitle, A::Remove}, {DCM_PerformedProcedureStepID, A::Remove},
        {DCM_PerformedProcedureStepDescription, A::Remove}, {DCM_PerformedStationName, A::Remove},
        {DCM_PerformedLocation, A::Remove}, {DCM_PerformedStationAETitle, A::Remove},
        {DCM_CommentsOnThePerformedProcedureStep, A::Remove}, {DCM_ReferencedStudySequence, A::Remove},
        {DCM_ReferencedPerformedProcedureStepSequence, A::Remove},
        // Institution, staff, equipment
        {DCM_InstitutionName, A::Remove}, {DCM_InstitutionAddress, A::Remove}, {DCM_InstitutionCodeSequence, A::Remove},
        {DCM_InstitutionalDepartmentName, A::Remove}, {DCM_ReferringPhysicianName, A::Empty},
        {DCM_ReferringPhysicianAddress, A::Remove}, {DCM_ReferringPhysicianTelephoneNumbers, A::Remove},
        {DCM_ReferringPhysicianIdentificationSequence, A::Remove}, {DCM_ConsultingPhysicianName, A::Remove},
        {DCM_PhysiciansOfRecord, A::Remove}, {DCM_PhysiciansOfRecordIdentificationSequence, A::Remove},
        {DCM_PerformingPhysicianName, A::Remove}, {DCM_PerformingPhysicianIdentificationSequence, A::Remove},
        {DCM_NameOfPhysiciansReadingStudy, A::Remove}, {DCM_PhysiciansReadingStudyIdentificationSequence, A::Remove},
        {DCM_OperatorsName, A::Remove}, {DCM_OperatorIdentificationSequence, A::Remove},
        {DCM_StationName, A::Remove}, {DCM_DeviceSerialNumber, A::Remove}, {DCM_PlateID, A::Remove},
        {DCM_GeneratorID, A::Remove}, {DCM_CassetteID, A::Remove}, {DCM_GantryID, A::Remove},
        {DCM_DetectorID, A::Remove}, {DCM_ProtocolName, A::Remove}, {DCM_AcquisitionDeviceProcessingDescription, A::Remove},
        {DCM_TimezoneOffsetFromUTC, A::Remove}, {DCM_ScheduledPerformingPhysicianName, A::Remove},
        {DCM_VerifyingObserverName, A::Dummy}, {DCM_VerifyingOrganization, A::Remove}, {DCM_PersonName, A::Dummy},
        {DCM_ReviewerName, A::Empty},
        {DCM_RETIRED_InterpretationRecorder, A::Remove}, {DCM_RETIRED_InterpretationTranscriber, A::Remove},
        {DCM_RETIRED_InterpretationAuthor, A::Remove}, {DCM_RETIRED_InterpretationApproverSequence, A::Remove},
        {DCM_RETIRED_PhysicianApprovingInterpretation, A::Remove}, {DcmTagKey(0x4008, 0x010B), A::Remove},
        {DCM_RETIRED_InterpretationDiagnosisDescription, A::Remove}, {DcmTagKey(0x4008, 0x4000), A::Remove},
        {DCM_RETIRED_ResultsIDIssuer, A::Remove}, {DCM_RETIRED_InterpretationIDIssuer, A::Remove},
        // Descriptions and free text that may name the patient
        {DCM_StudyDescription, A::Remove}, {DCM_SeriesDescription, A::Remove}, {DCM_DerivationDescription, A::Remove},
        {DCM_ImageComments, A::Remove}, {DCM_FrameComments, A::Remove}, {DcmTagKey(0x0018, 0x4000), A::Remove},
        {DCM_TextString, A::Remove}, {DCM_TextValue, A::Remove}, {DCM_ContentSequence, A::Remove},
        {DcmTagKey(0x0008, 0x4000), A::Remove}, {DCM_AdditionalPatientHistory, A::Remove},
        {DCM_ModifiedAttributesSequence, A::Remove}, {DCM_OriginalAttributesSequence, A::Remove},
        {DCM_DigitalSignaturesSequence, A::Remove}, {DCM_MACParametersSequence, A::Remove},
        {DCM_GraphicAnnotationSequence, A::Remove}, {DCM_ContributionDescription, A::Remove},
        {DCM_ProcedureCodeSequence, A::Remove}, {DCM_PerformedProtocolCodeSequence, A::Remove},
        {DCM_SourceApplicationEntityTitle, A::Remove}, {DCM_PrivateInformationCreatorUID, A::Remove},
        {DCM_PrivateInformation, A::Remove},
        // Dates and times (the generic rule removes the rest)
        {DCM_StudyDate, A::Empty}, {DCM_StudyTime, A::Empty}, {DCM_ContentDate, A::Empty}, {DCM_ContentTime, A::Empty},
        // UIDs (the generic rule replaces every UID outside DICOM's own root)
        {DCM_StudyInstanceUID, A::Uid}, {DCM_SeriesInstanceUID, A::Uid}, {DCM_SOPInstanceUID, A::Uid},
        {DCM_MediaStorageSOPInstanceUID, A::Uid}, {DCM_FrameOfReferenceUID, A::Uid},
        {DCM_ReferencedSOPInstanceUID, A::Uid},
    };
    return t;
}

}  // namespace

DeidAction deidActionFor(const DcmTagKey& tag) {
    const auto& t = table();
    const auto it = t.find(tag);
    return it == t.end() ? DeidAction::Keep : it->second;
}

}  // namespace stllava::dicom
