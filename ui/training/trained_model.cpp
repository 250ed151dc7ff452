#include "training/trained_model.h"

#include "services/jobs/training_run_job.h"

#include <QDir>
#include <QFileInfo>

namespace stllava::ui {

namespace {

QString baseModel(const jobs::TrainingRunJob& run) {
    return run.spec().config.value(QStringLiteral("model_path")).toString();
}

bool isAdapter(const QString& dir) { return QFileInfo(dir + QStringLiteral("/adapter_config.json")).isFile(); }

}  // namespace

TrainedModel trainedModel(const jobs::TrainingRunJob& run) {
    if (run.state() != jobs::TrainingRunJob::State::Finished || run.spec().kind == jobs::TrainingRunSpec::Kind::Generate)
        return {};
    const QDir out(run.outputDir());
    const QString full = out.absoluteFilePath(QStringLiteral("model"));
    if (QFileInfo(full + QStringLiteral("/config.json")).isFile()) return {full, QString()};
    const QString adapter = out.absoluteFilePath(QStringLiteral("adapter"));
    if (isAdapter(adapter) && !baseModel(run).isEmpty()) return {baseModel(run), adapter};
    return {};
}

}  // namespace stllava::ui
