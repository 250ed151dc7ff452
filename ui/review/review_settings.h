// What the Review workspace keeps in QSettings (group "review"): the curator's name, the store last
// opened, auto-advance, and the key map (each command's keys as portable key-sequence text).
#pragma once

#include "review/review_commands.h"

#include <QSettings>
#include <QString>

namespace stllava::ui {

class ReviewSettings {
public:
    QString curator() const;  // default: the login name
    void setCurator(const QString& name);
    QString lastStore() const;
    void setLastStore(const QString& path);
    bool autoAdvance() const;
    void setAutoAdvance(bool on);
    ReviewKeyMap keyMap() const;  // the defaults for commands never remapped
    void setKeyMap(const ReviewKeyMap& map);

private:
    QSettings m_settings;
};

}  // namespace stllava::ui
