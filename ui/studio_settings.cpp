#include "studio_settings.h"

namespace stllava::ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kSplitter = QStringLiteral("read/splitter");
const QString kLastFolder = QStringLiteral("files/lastFolder");
const QString kRecent = QStringLiteral("files/recent");
const QString kLastModel = QStringLiteral("model/lastFolder");
const QString kUseEndpoint = QStringLiteral("model/useEndpoint");
const QString kEndpointUrl = QStringLiteral("model/endpointUrl");
const QString kEndpointModel = QStringLiteral("model/endpointModel");
const QString kAdapter = QStringLiteral("model/adapter");
const QString kVisionTower = QStringLiteral("model/visionTower");
const QString kDevice = QStringLiteral("model/device");
const QString kDtype = QStringLiteral("model/dtype");
const QString kQuant = QStringLiteral("model/quant");
const QString kThreads = QStringLiteral("model/threads");
const QString kJudgeEndpoint = QStringLiteral("judge/endpoint");
const QString kJudgeModel = QStringLiteral("judge/model");
const QString kRemoteConsent = QStringLiteral("judge/remoteConsent");
const QString kLanguage = QStringLiteral("ui/language");
const QString kDemoFolder = QStringLiteral("demo/folder");
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

ModelPreferences StudioSettings::modelPreferences() const {
    ModelPreferences p;
    p.useEndpoint = m_settings.value(kUseEndpoint, p.useEndpoint).toBool();
    p.endpointUrl = m_settings.value(kEndpointUrl, p.endpointUrl).toString();
    p.endpointModel = m_settings.value(kEndpointModel, p.endpointModel).toString();
    p.adapterDir = m_settings.value(kAdapter, p.adapterDir).toString();
    p.visionTowerDir = m_settings.value(kVisionTower, p.visionTowerDir).toString();
    p.device = m_settings.value(kDevice, p.device).toString();
    p.dtype = m_settings.value(kDtype, p.dtype).toString();
    const QString quant = m_settings.value(kQuant, p.quant).toString();
    if (quant == QLatin1String("int8") || quant == QLatin1String("q4")) p.quant = quant;  // else "none"
    p.threads = m_settings.value(kThreads, p.threads).toInt();
    return p;
}
void StudioSettings::setModelPreferences(const ModelPreferences& p) {
    m_settings.setValue(kUseEndpoint, p.useEndpoint);
    m_settings.setValue(kEndpointUrl, p.endpointUrl);
    m_settings.setValue(kEndpointModel, p.endpointModel);
    m_settings.setValue(kAdapter, p.adapterDir);
    m_settings.setValue(kVisionTower, p.visionTowerDir);
    m_settings.setValue(kDevice, p.device);
    m_settings.setValue(kDtype, p.dtype);
    m_settings.setValue(kQuant, p.quant);
    m_settings.setValue(kThreads, p.threads);
}
JudgePreferences StudioSettings::judgePreferences() const {
    JudgePreferences p;
    p.endpoint = m_settings.value(kJudgeEndpoint, p.endpoint).toString();
    p.model = m_settings.value(kJudgeModel, p.model).toString();
    p.remoteConsent = m_settings.value(kRemoteConsent, p.remoteConsent).toBool();
    return p;
}
void StudioSettings::setJudgePreferences(const JudgePreferences& p) {
    m_settings.setValue(kJudgeEndpoint, p.endpoint);
    m_settings.setValue(kJudgeModel, p.model);
    m_settings.setValue(kRemoteConsent, p.remoteConsent);
}
QString StudioSettings::language() const {
    return m_settings.value(kLanguage).toString();
}
void StudioSettings::setLanguage(const QString& language) {
    m_settings.setValue(kLanguage, language);
}
QString StudioSettings::demoFolder() const {
    return m_settings.value(kDemoFolder).toString();
}
void StudioSettings::setDemoFolder(const QString& folder) {
    m_settings.setValue(kDemoFolder, folder);
}

}  // namespace stllava::ui
