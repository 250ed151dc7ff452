// The desktop application's persistent state through QSettings (the platform's usual place: on
// Linux ~/.config/STLLaVA-Med/STLLaVA-Med Studio.conf): window geometry, splitter layout, the last
// folder and model, and the recent list. Nothing here is secret; API keys never go into settings.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace stllava::ui {

class StudioSettings {
public:
    static constexpr int kMaxRecent = 10;

    QByteArray geometry() const;
    void setGeometry(const QByteArray& g);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& s);
    QString lastFolder() const;  // where the open dialogs start
    void setLastFolder(const QString& folder);
    QString lastModel() const;  // the model folder loaded at start-up
    void setLastModel(const QString& folder);
    QStringList recent() const;  // newest first, at most kMaxRecent
    void addRecent(const QString& path);
    void clearRecent();

private:
    QSettings m_settings;
};

}  // namespace stllava::ui
