// What the privacy indicator says about the image on screen: which identifying attributes the file
// carries (patient name, ID, study date, institution) and why its pixels may hold burned-in text
// (core/imaging's burnedInTextRisk: BurnedInAnnotation, US, secondary capture, derived images).
#pragma once

#include "imaging/image_loader.h"

#include <QCoreApplication>
#include <QStringList>

namespace stllava::ui {

struct PrivacySummary {
    // tr() under the context "stllava::ui::PrivacySummary", the name lupdate gives it
    Q_DECLARE_TR_FUNCTIONS(stllava::ui::PrivacySummary)
public:
    QStringList identifying;  // translated attribute names present in the file
    QStringList burnedIn;     // reasons pixels may carry patient text
    bool clean() const { return identifying.isEmpty() && burnedIn.isEmpty(); }
    QString text() const;     // one short line for the indicator (the attributes are in details())
    QString details() const;  // tooltip
};

PrivacySummary privacyOf(const ImageData& image);

}  // namespace stllava::ui
