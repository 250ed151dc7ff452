#include "services/jobs/training_event.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace stllava::jobs {

TrainingEvent parseTrainingEvent(const QByteArray& line) {
    TrainingEvent e;
    const QByteArray trimmed = line.trimmed();
    e.text = QString::fromUtf8(trimmed);
    if (!trimmed.startsWith('{')) return e;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return e;
    const QJsonObject o = doc.object();
    if (!o.value(QStringLiteral("event")).isString()) return e;
    e.name = o.value(QStringLiteral("event")).toString();
    e.stage = o.value(QStringLiteral("stage")).toString();
    auto num = [&o](const char* key, double fallback = 0) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? v.toDouble() : fallback;
    };
    auto integer = [&](const char* key) { return static_cast<qint64>(num(key)); };
    e.epoch = integer("epoch");
    e.step = integer("step");
    e.totalSteps = integer("total_steps");
    e.loss = num("loss");
    e.lr = num("lr");
    e.gradNorm = num("grad_norm");
    e.tokensPerSecond = num("tokens_per_s");
    e.etaSeconds = num("eta_s", -1);
    e.memoryBytes = integer("memory_bytes");
    e.hasDpo = o.contains(QStringLiteral("reward_accuracy"));
    e.rewardAccuracy = num("reward_accuracy");
    e.margin = num("margin");
    e.chosenReward = num("chosen_reward");
    e.rejectedReward = num("rejected_reward");
    e.checkpoint = o.value(QStringLiteral("checkpoint")).toString();
    e.detail = o.value(QStringLiteral("detail")).toString();
    e.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    e.resumedFrom = integer("resumed_from");
    if (e.name == QLatin1String("step")) {
        e.kind = TrainingEvent::Kind::Step;
    } else if (e.name == QLatin1String("checkpoint")) {
        e.kind = TrainingEvent::Kind::Checkpoint;
    } else if (e.name == QLatin1String("reference")) {
        e.kind = TrainingEvent::Kind::Reference;
    } else if (e.name == QLatin1String("skipped")) {
        e.kind = TrainingEvent::Kind::Skipped;
    } else if (e.name == QLatin1String("data")) {
        e.kind = TrainingEvent::Kind::Data;
        e.usable = integer("usable");
        e.total = integer("total");
    } else if (e.name == QLatin1String("progress") && e.stage == QLatin1String("generate")) {
        e.kind = TrainingEvent::Kind::Generate;
        e.done = integer("done");
        e.total = integer("total");
        e.imagesPerSecond = num("images_per_s");
    } else if (e.name == QLatin1String("done")) {
        e.kind = TrainingEvent::Kind::Done;
        e.step = integer("steps");
    } else {
        e.kind = TrainingEvent::Kind::Other;
    }
    return e;
}

}  // namespace stllava::jobs
