// Window/level by mouse drag, as PACS viewers do it: dragging right widens the window (less
// contrast), dragging down raises the level (darker image). The step per pixel is the window
// width at the start of the drag divided by 256, so a drag across a 512-pixel view spans about two
// window widths whatever the modality's units; the width never goes below 1.
#pragma once

#include "imaging/windowing.h"

#include <QPoint>

namespace stllava::ui {

class WindowLevelTool {
public:
    static constexpr double kPixelsPerWidth = 256.0;

    void begin(const Window& start, QPoint at);
    bool active() const { return m_active; }
    // The window for the mouse at `at` (from the start of the drag, so no error accumulates).
    Window move(QPoint at) const;
    void end() { m_active = false; }

private:
    Window m_start;
    QPoint m_origin;
    bool m_active = false;
};

}  // namespace stllava::ui
