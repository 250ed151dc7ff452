// How the Training workspace joins the main window (one call from MainWindow's constructor): the
// demo's folder for the presets, "Open in Read" through the window's model loading, messages in the
// status bar, and the one-click loop (dpo_loop.h) between Review, Training and Reports.
#pragma once

namespace stllava::ui {

class MainWindow;
class TrainingWorkspace;

void wireTrainingWorkspace(MainWindow* window, TrainingWorkspace* training);

}  // namespace stllava::ui
