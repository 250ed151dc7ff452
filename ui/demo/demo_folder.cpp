#include "demo/demo_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace stllava::ui {

namespace {

QString existingDir(const QString& path) {
    return QFileInfo(path).isDir() ? QFileInfo(path).absoluteFilePath() : QString();
}

}  // namespace

std::optional<DemoFolder> DemoFolder::at(const QString& folder) {
    if (folder.isEmpty() || !QFileInfo(folder + QStringLiteral("/demo.json")).isFile()) return std::nullopt;
    const QDir root(folder);
    DemoFolder d;
    d.root = root.absolutePath();
    for (const char* stage : {"models/stllava-demo-stage2", "models/stllava-demo-stage1"}) {
        const QString m = root.absoluteFilePath(QString::fromLatin1(stage));
        if (QFileInfo(m + QStringLiteral("/config.json")).isFile()) {
            d.model = m;
            break;
        }
    }
    d.studies = existingDir(root.absoluteFilePath(QStringLiteral("world/studies")));
    d.pathologyTiles = existingDir(root.absoluteFilePath(QStringLiteral("world/benchmarks/pathvqa/images")));
    if (QFileInfo(root.absoluteFilePath(QStringLiteral("selftrain/items.jsonl"))).isFile())
        d.job = root.absoluteFilePath(QStringLiteral("selftrain"));
    for (const char* stage : {"stage1", "stage2"}) {
        const QDir eval(root.absoluteFilePath(QStringLiteral("eval/") + QString::fromLatin1(stage)));
        for (const QString& benchmark : eval.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString report = eval.absoluteFilePath(benchmark + QStringLiteral("/report/report.json"));
            if (QFileInfo(report).isFile()) d.reports << report;
        }
    }
    const QString index = root.absoluteFilePath(QStringLiteral("report/index.html"));
    if (QFileInfo(index).isFile()) d.comparison = index;
    return d;
}

QString DemoFolder::defaultLocation() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/demo");
}

QStringList DemoFolder::candidates(const QString& configured) {
    QStringList out;
    if (!configured.isEmpty()) out << configured;
    const QString env = qEnvironmentVariable("STLLAVA_DEMO_DIR");
    if (!env.isEmpty()) out << env;
    out << QDir::current().absoluteFilePath(QStringLiteral("stllava-demo")) << defaultLocation();
    // Running from a build folder (<source>/build/bin/stllava-studio): the README's first command
    // writes <source>/stllava-demo.
    const QDir bin(QCoreApplication::applicationDirPath());
    out << QDir::cleanPath(bin.absoluteFilePath(QStringLiteral("../../stllava-demo")));
    out.removeDuplicates();
    return out;
}

std::optional<DemoFolder> DemoFolder::find(const QString& configured) {
    for (const QString& place : candidates(configured))
        if (auto d = at(place)) return d;
    return std::nullopt;
}

}  // namespace stllava::ui
