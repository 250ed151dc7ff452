#include "training/evaluation_like.h"

#include "evaluation/report_file.h"
#include "reports/report_images.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace stllava::ui {

namespace {


// The benchmark file as the report names it: absolute, from the working folder, or from the
// report's own folders upwards (the demo writes paths relative to its root).
QString findBenchmark(const QString& dataset, const QString& reportPath) {
    if (dataset.isEmpty()) return {};
    if (QFileInfo(dataset).isAbsolute()) return QFileInfo(dataset).isFile() ? dataset : QString();
    if (QFileInfo(dataset).isFile()) return QFileInfo(dataset).absoluteFilePath();
    QDir up = QFileInfo(reportPath).absoluteDir();
    for (int level = 0; level < 6; ++level) {
        const QFileInfo candidate(up.filePath(dataset));
        if (candidate.isFile()) return candidate.absoluteFilePath();
        if (!up.cdUp()) break;
    }
    return {};
}

}  // namespace

std::optional<jobs::EvaluationSpec> evaluationLike(const QString& reportJson, const QString& model,
                                                   const QString& adapter, const QString& outDir, QString* error) {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return std::nullopt;
    };
    eval::ReportFile report;
    try {
        report = eval::readReportFile(reportJson.toStdString());
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
    const QString shown = QDir::toNativeSeparators(reportJson);
    const QString dataset = QString::fromStdString(report.report.dataset_path);
    const QString benchmark = findBenchmark(dataset, reportJson);
    if (benchmark.isEmpty()) return fail(QCoreApplication::translate("EvaluationLike", "%1: its benchmark file %2 is not found").arg(shown, dataset));
    QString images;
    for (const auto& q : report.report.questions) {
        const QString image = QString::fromStdString(q.image);
        if (image.isEmpty()) continue;
        const QString found = resolveReportImage(report, image);
        if (found.isEmpty()) continue;
        const QString cleanFound = QDir::cleanPath(found), cleanImage = QDir::cleanPath(image);
        images = QFileInfo(image).isAbsolute() || !cleanFound.endsWith(cleanImage)
                     ? QFileInfo(found).absolutePath()
                     : cleanFound.left(cleanFound.size() - cleanImage.size());
        break;
    }
    if (images.isEmpty()) images = QFileInfo(benchmark).absolutePath();  // text-only benchmarks
    jobs::EvaluationSpec spec;
    spec.model = model;
    spec.adapter = adapter;
    spec.benchmark = benchmark;
    spec.images = images;
    spec.dataset = report.report.dataset_format.empty() ? QStringLiteral("auto")
                                                        : QString::fromStdString(report.report.dataset_format);
    spec.outDir = outDir;
    const auto& runner = report.report.config.contains("runner") ? report.report.config["runner"] : nlohmann::json();
    if (runner.is_object()) {
        if (runner.contains("max_batch") && runner["max_batch"].is_number_integer()) spec.batch = runner["max_batch"].get<int>();
        if (runner.contains("sampling") && runner["sampling"].is_object() &&
            runner["sampling"].contains("max_new_tokens") && runner["sampling"]["max_new_tokens"].is_number_integer())
            spec.maxNewTokens = runner["sampling"]["max_new_tokens"].get<int>();
    }
    return spec;
}

}  // namespace stllava::ui
