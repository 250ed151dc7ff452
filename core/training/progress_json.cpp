#include "training/progress_json.h"

namespace stllava::training {

nlohmann::json progressJson(const TrainProgress& p) {
    nlohmann::json j = {{"event", p.event}, {"stage", p.stage}, {"epoch", p.epoch}, {"step", p.step},
                        {"total_steps", p.total_steps}, {"loss", p.loss}, {"lr", p.lr}, {"grad_norm", p.grad_norm},
                        {"tokens_per_s", p.tokens_per_s}, {"eta_s", p.eta_s}, {"memory_bytes", p.memory_bytes}};
    if (p.stage == "dpo")
        j.update({{"reward_accuracy", p.reward_accuracy}, {"margin", p.margin}, {"chosen_reward", p.chosen_reward},
                  {"rejected_reward", p.rejected_reward}});
    if (!p.checkpoint.empty()) j["checkpoint"] = p.checkpoint;
    if (!p.detail.empty()) j["detail"] = p.detail;
    return j;
}

nlohmann::json dataReportJson(const DataReport& r) {
    return {{"event", "data"}, {"path", r.path}, {"total", r.total}, {"usable", r.usable}, {"issues", r.issues.size()}};
}

nlohmann::json doneJson(const TrainResult& r) {
    return {{"event", "done"}, {"steps", r.steps}, {"cancelled", r.cancelled}, {"resumed_from", r.resumed_from},
            {"loss", r.last_loss}, {"checkpoint", r.last_checkpoint}};
}

}  // namespace stllava::training
