#include "training/training_presets.h"

#include "common/moved_path.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace stllava::ui {

namespace {


QJsonObject lora(int rank, double alpha) {
    return QJsonObject{{QStringLiteral("rank"), rank}, {QStringLiteral("alpha"), alpha}, {QStringLiteral("dropout"), 0.05}};
}

QJsonObject rates(double decoder, double vision, double projector) {
    return QJsonObject{{QStringLiteral("decoder"), decoder}, {QStringLiteral("vision"), vision},
                       {QStringLiteral("projector"), projector}, {QStringLiteral("other"), decoder}};
}

std::optional<QJsonObject> readObject(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QCoreApplication::translate("TrainingPresets", "%1: cannot be read (has the demo run this phase?)").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) *error = QCoreApplication::translate("TrainingPresets", "%1: not a JSON object (%2)").arg(QDir::toNativeSeparators(path), pe.errorString());
        return std::nullopt;
    }
    return doc.object();
}

}  // namespace

QJsonObject paperPreset(TrainingKind kind) {
    switch (kind) {
    case TrainingKind::Sft:
        return QJsonObject{{QStringLiteral("template"), QStringLiteral("v1_sq")},
                           {QStringLiteral("sq_r"), 0.5},
                           {QStringLiteral("max_length"), 2048},
                           {QStringLiteral("decoder"), QStringLiteral("lora")},
                           {QStringLiteral("vision"), QStringLiteral("lora")},
                           {QStringLiteral("train_projector"), true},
                           {QStringLiteral("llm_lora"), lora(128, 256)},
                           {QStringLiteral("vision_lora"), lora(32, 64)},
                           {QStringLiteral("batch_size"), 8},
                           {QStringLiteral("grad_accum"), 4},
                           {QStringLiteral("epochs"), 3},
                           {QStringLiteral("max_steps"), -1},
                           {QStringLiteral("lr"), rates(2e-4, 5e-5, 2e-5)},
                           {QStringLiteral("warmup_ratio"), 0.03},
                           {QStringLiteral("bf16"), true},
                           {QStringLiteral("save_steps"), 0},
                           {QStringLiteral("keep_last"), 2}};
    case TrainingKind::Dpo:
        return QJsonObject{{QStringLiteral("template"), QStringLiteral("v1_sq")},
                           {QStringLiteral("sq_r"), 0.0},
                           {QStringLiteral("max_length"), 2048},
                           {QStringLiteral("decoder"), QStringLiteral("lora")},
                           {QStringLiteral("vision"), QStringLiteral("lora")},
                           {QStringLiteral("train_projector"), true},
                           {QStringLiteral("llm_lora"), lora(128, 256)},
                           {QStringLiteral("vision_lora"), lora(32, 64)},
                           {QStringLiteral("batch_size"), 4},
                           {QStringLiteral("grad_accum"), 16},
                           {QStringLiteral("epochs"), 1},
                           {QStringLiteral("max_steps"), -1},
                           {QStringLiteral("lr"), rates(5e-6, 2e-5, 2e-5)},
                           {QStringLiteral("warmup_ratio"), 0.03},
                           {QStringLiteral("bf16"), true},
                           {QStringLiteral("beta"), 0.1},
                           {QStringLiteral("save_steps"), 0},
                           {QStringLiteral("keep_last"), 2}};
    case TrainingKind::Generate:
        return QJsonObject{{QStringLiteral("questions"), 5},
                           {QStringLiteral("seeds"), QStringLiteral("40,42")},
                           {QStringLiteral("describe-tokens"), 1024},
                           {QStringLiteral("question-tokens"), 300},
                           {QStringLiteral("answer-tokens"), 1024}};
    }
    return {};
}

std::optional<QJsonObject> demoPreset(const QString& root, TrainingKind kind, QString* error) {
    const QDir dir(root);
    if (root.isEmpty() || !QFileInfo(dir.absoluteFilePath(QStringLiteral("demo.json"))).isFile()) {
        if (error) *error = QCoreApplication::translate("TrainingPresets", "no demo folder is open (Help ▸ Open the demo)");
        return std::nullopt;
    }
    if (kind == TrainingKind::Generate) {
        // The demo generates from its stage-1 model on the unlabeled pool (core/demo/demo_run.cpp),
        // with its default scale's lengths (core/demo/demo_settings.h).
        const QString model = dir.absoluteFilePath(QStringLiteral("models/stllava-demo-stage1"));
        if (!QFileInfo(model + QStringLiteral("/config.json")).isFile()) {
            if (error) *error = QCoreApplication::translate("TrainingPresets", "%1: the demo's stage-1 model is not trained yet").arg(QDir::toNativeSeparators(model));
            return std::nullopt;
        }
        QString images = dir.absoluteFilePath(QStringLiteral("world/pool/images"));
        if (const auto manifest = readObject(dir.absoluteFilePath(QStringLiteral("world/pool/manifest.json")), nullptr))
            images = dir.absoluteFilePath(QStringLiteral("world/pool/") +
                                          manifest->value(QStringLiteral("image_folder")).toString(QStringLiteral("images")));
        return QJsonObject{{QStringLiteral("model"), model},
                           {QStringLiteral("images"), images},
                           {QStringLiteral("out"), dir.absoluteFilePath(QStringLiteral("studio/generate"))},
                           {QStringLiteral("questions"), 3},
                           {QStringLiteral("seeds"), QStringLiteral("40,42")},
                           {QStringLiteral("describe-tokens"), 96},
                           {QStringLiteral("question-tokens"), 32},
                           {QStringLiteral("answer-tokens"), 48}};
    }
    const QString stage = kind == TrainingKind::Sft ? QStringLiteral("stage1") : QStringLiteral("dpo");
    const QString record = dir.absoluteFilePath(QStringLiteral("phases/%1.json").arg(stage));
    const auto phase = readObject(record, error);
    if (!phase) return std::nullopt;
    if (!phase->value(QStringLiteral("config")).isObject()) {
        if (error) *error = QCoreApplication::translate("TrainingPresets", "%1: no \"config\" object").arg(QDir::toNativeSeparators(record));
        return std::nullopt;
    }
    QJsonObject config = phase->value(QStringLiteral("config")).toObject();
    config.remove(QStringLiteral("stage"));
    config.remove(QStringLiteral("resume_from"));
    config.insert(QStringLiteral("output_dir"),
                  dir.absoluteFilePath(QStringLiteral("studio/") + (kind == TrainingKind::Sft ? QStringLiteral("sft")
                                                                                                : QStringLiteral("dpo"))));
    for (const char* key : {"model_path", "data_path", "image_folder", "init_adapter", "vision_tower_path"}) {
        const QString value = config.value(QLatin1String(key)).toString();
        // The records name the folder where the demo was made; a demo moved or copied since has
        // the same parts under its new folder.
        if (!value.isEmpty())
            config.insert(QLatin1String(key), QString::fromStdString(relocatedPath(
                                                  dir.absoluteFilePath(value).toStdString(), dir.absolutePath().toStdString(), 0)));
    }
    config.insert(QStringLiteral("reference_cache_dir"), QString());  // the new output folder's own
    return config;
}

}  // namespace stllava::ui
