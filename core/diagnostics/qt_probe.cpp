#include "diagnostics/qt_probe.h"

#include <QDir>
#include <QLibraryInfo>
#include <QtGlobal>

namespace stllava {

void probeQt(DoctorReport& report) {
    const std::string runtime = qVersion();
    report.facts["qt"]["version"] = runtime;
    report.facts["qt"]["compiled_version"] = QT_VERSION_STR;
    report.add({"qt", "Qt version", runtime + " (built against " QT_VERSION_STR ")", CheckStatus::Ok, ""});

    const QString dir = QLibraryInfo::path(QLibraryInfo::PluginsPath) + QStringLiteral("/platforms");
    const QStringList plugins = QDir(dir).entryList({QStringLiteral("libq*.so")}, QDir::Files, QDir::Name);
    std::string names;
    nlohmann::json list = nlohmann::json::array();
    for (const QString& p : plugins) {
        const std::string name = p.mid(4, p.size() - 7).toStdString();  // libqxcb.so -> xcb
        list.push_back(name);
        names += (names.empty() ? "" : ", ") + name;
    }
    report.facts["qt"]["platform_plugins"] = list;
    const QByteArray requested = qgetenv("QT_QPA_PLATFORM");
    const bool has_display = !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
    report.facts["qt"]["display"] = has_display;
    report.add({"qt", "platform plugins", names.empty() ? "none found in " + dir.toStdString() : names,
                plugins.isEmpty() ? CheckStatus::Fail : CheckStatus::Ok,
                plugins.isEmpty() ? "install qt6-qpa-plugins" : ""});
    std::string session = has_display ? "display available" : "no display (GUI needs QT_QPA_PLATFORM=offscreen or Xvfb)";
    if (!requested.isEmpty()) session += ", QT_QPA_PLATFORM=" + requested.toStdString();
    report.add({"qt", "session", session, CheckStatus::Info, ""});
}

}  // namespace stllava
