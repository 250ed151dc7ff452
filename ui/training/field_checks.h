// The checks a training form runs on its fields before a run may start, each returning "" when the
// value is fine, else the problem in words (the form puts the field's name in front): a folder or
// file that must exist, an output folder that can be made, a whole number or a number in a range,
// and the two answer seeds of stage-2 generation.
#pragma once

#include <QString>

namespace stllava::ui::checks {

QString existingFolder(const QString& path, bool required);
QString existingFile(const QString& path, bool required);
QString outputFolder(const QString& path);  // required; an existing file or an unmakeable place fails
QString wholeNumber(const QString& text, qint64 min, qint64 max, qint64* value = nullptr);
QString number(const QString& text, double min, double max, bool minExclusive, double* value = nullptr);
QString seedPair(const QString& text);  // "40,42"

}  // namespace stllava::ui::checks
