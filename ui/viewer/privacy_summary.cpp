#include "viewer/privacy_summary.h"

#include "imaging/deidentify.h"

namespace stllava::ui {

PrivacySummary privacyOf(const ImageData& image) {
    PrivacySummary s;
    if (image.source != ImageSource::Dicom) return s;
    const DicomTags& t = image.tags;
    if (!t.patientName.empty()) s.identifying << PrivacySummary::tr("patient name");
    if (!t.patientId.empty()) s.identifying << PrivacySummary::tr("patient ID");
    if (!t.studyDate.empty()) s.identifying << PrivacySummary::tr("study date");
    if (!t.institution.empty()) s.identifying << PrivacySummary::tr("institution");
    for (const auto& reason : burnedInTextRisk(t)) s.burnedIn << QString::fromStdString(reason);
    return s;
}

QString PrivacySummary::text() const {
    if (clean()) return tr("No identifying tags");
    QStringList parts;
    if (!identifying.isEmpty()) parts << tr("Identifiable (%n tag(s))", nullptr, int(identifying.size()));
    if (!burnedIn.isEmpty()) parts << tr("Burned-in text risk");
    return parts.join(QStringLiteral(" · "));
}

QString PrivacySummary::details() const {
    QStringList lines;
    lines << (identifying.isEmpty()
                  ? tr("The file carries no patient name, ID, study date or institution.")
                  : tr("The file carries: %1.").arg(identifying.join(QStringLiteral(", "))));
    if (burnedIn.isEmpty())
        lines << tr("No reason known for text burned into the pixels.");
    else
        lines << tr("Pixels may show patient text: %1.").arg(burnedIn.join(QStringLiteral("; ")));
    lines << tr("The chat runs on this machine; images are not sent anywhere.");
    return lines.join(QLatin1Char('\n'));
}

}  // namespace stllava::ui
