#include "viewer/window_level_tool.h"

#include <QCoreApplication>

#include <algorithm>

namespace stllava::ui {

void WindowLevelTool::begin(const Window& start, QPoint at) {
    m_start = start;
    m_origin = at;
    m_active = true;
}

Window WindowLevelTool::move(QPoint at) const {
    const double step = std::max(m_start.width, 1.0) / kPixelsPerWidth;
    Window w;
    w.width = std::max(1.0, m_start.width + (at.x() - m_origin.x()) * step);
    w.center = m_start.center + (at.y() - m_origin.y()) * step;
    w.explanation = QCoreApplication::translate("stllava::ui::WindowLevelTool", "manual").toStdString();
    return w;
}

}  // namespace stllava::ui
