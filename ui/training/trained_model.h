// What a training run produced, as the Read workspace and `stllava eval run` load it: a full model
// folder (<output>/model, when the decoder trained fully), or the base model with the LoRA adapter
// (<output>/adapter, for the config's model_path; a DPO adapter started from stage 1's holds both,
// stacked).
#pragma once

#include <QString>

namespace stllava::jobs {
class TrainingRunJob;
}

namespace stllava::ui {

struct TrainedModel {
    QString model;
    QString adapter;  // "" = the model folder is the whole model
    bool isValid() const { return !model.isEmpty(); }
};

// A finished SFT or DPO run's result; invalid when the run has not finished or wrote neither.
TrainedModel trainedModel(const jobs::TrainingRunJob& run);

}  // namespace stllava::ui
