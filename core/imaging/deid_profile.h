// Internal to core/imaging: the attribute actions of DICOM PS3.15 Annex E, Table E.1-1, Basic
// Application Level Confidentiality Profile (no options retained). Where the table allows several
// actions (X/Z, X/Z/D, Z/D) the least destructive that still removes the value is chosen: Z (empty)
// keeps Type 2 attributes present; D (dummy) is used where the attribute is Type 1.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctagkey.h>

namespace stllava::dicom {

enum class DeidAction {
    Keep,     // K, or not listed
    Remove,   // X
    Empty,    // Z: zero-length value
    Dummy,    // D: a dummy value of the same VR
    Uid,      // U: replaced by a new UID, consistently within the session
};

// The action for a tag listed in the profile's table; Keep when not listed. Generic rules
// (private tags, PN/DA/DT/TM values, instance UIDs, overlay and curve data) are applied by the caller.
DeidAction deidActionFor(const DcmTagKey& tag);

}  // namespace stllava::dicom
