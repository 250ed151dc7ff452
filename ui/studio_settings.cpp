#include "studio_settings.h"

namespace stllava::ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kSplitter = QStringLiteral("read/splitter");
const QString kLastFolder = QStringLiteral("files/lastFolder");
const QString kRecent = QStringLiteral("files/recent");
const QString kLastModel = QStringLiteral("model/lastFolder");
}  // namespace

QByteArray StudioSettings::geometry() const {
    return m_settings.value(kGeometry).toByteArray();
}
void StudioSettings::setGeometry(const QByteArray& g) {
    m_settings.setValue(kGeometry, g);
}
QByteArray StudioSettings::splitterState() const {
    return m_settings.value(kSplitter).toByteArray();
}
void StudioSettings::setSplitterState(const QByteArray& s) {
    m_settings.setValue(kSplitter, s);
}
QString StudioSettings::lastFolder() const {
    return m_settings.value(kLastFolder).toString();
}
void StudioSettings::setLastFolder(const QString& folder) {
    m_settings.setValue(kLastFolder, folder);
}
QString StudioSettings::lastModel() const {
    return m_settings.value(kLastModel).toString();
}
void StudioSettings::setLastModel(const QString& folder) {
    m_settings.setValue(kLastModel, folder);
}
QStringList StudioSettings::recent() const {
    return m_settings.value(kRecent).toStringList();
}
void StudioSettings::addRecent(const QString& path) {
    QStringList list = recent();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent) list.removeLast();
    m_settings.setValue(kRecent, list);
}
void StudioSettings::clearRecent() {
    m_settings.remove(kRecent);
}

}  // namespace stllava::ui
