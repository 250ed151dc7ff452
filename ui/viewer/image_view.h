// The image canvas of the Read workspace: one image (a DICOM frame or a raster file) rendered
// through core/imaging under the window the user chose, with zoom (wheel, around the cursor), pan
// (middle drag or Shift+drag), fit and 1:1, window/level by left or right drag (live values in the
// overlay), invert, and a tag overlay that can be hidden. Presentation mode hides patient details.
// displayImage() is exactly what is on screen at full resolution: the pixels the model is shown.
#pragma once

#include "imaging/image_loader.h"
#include "viewer/window_level_tool.h"

#include <QImage>
#include <QPointF>
#include <QWidget>

#include <memory>

namespace stllava::ui {

class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    // `keepWindow`: stay on the current window (scrolling through a series); else the file's default.
    void setImage(std::shared_ptr<const ImageData> image, bool keepWindow);
    void clear();
    const std::shared_ptr<const ImageData>& image() const { return m_image; }
    bool hasImage() const { return m_image != nullptr; }

    Window window() const { return m_window; }
    void setWindow(const Window& window);
    bool inverted() const { return m_invert; }
    void setInverted(bool invert);
    void autoWindow();  // 0.5-99.5 percentile of the image's values

    double zoom() const { return m_zoom; }
    void setZoom(double zoom, QPointF anchor);  // anchor in widget coordinates stays put
    void fitToView();
    void actualSize();  // one image pixel per screen pixel, centred
    QPointF imageToWidget(QPointF imagePoint) const;
    QPointF widgetToImage(QPointF widgetPoint) const;

    bool overlayVisible() const { return m_overlay; }
    void setOverlayVisible(bool visible);
    bool presentationMode() const { return m_presentation; }
    void setPresentationMode(bool on);
    void setPositionText(const QString& text);  // e.g. "Im 12/40" (drawn bottom left)

    // The rendered display at full resolution under the current window and invert.
    const RgbImage& displayImage() const { return m_display; }

    QSize sizeHint() const override { return {640, 640}; }

Q_SIGNALS:
    void windowChanged(const stllava::Window& window);
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void render();
    void drawOverlay(class QPainter& p) const;
    QString valueUnderCursor() const;

    std::shared_ptr<const ImageData> m_image;
    Window m_window;
    bool m_invert = false;
    RgbImage m_display;
    QImage m_shown;
    double m_zoom = 1.0;
    QPointF m_offset;  // widget position of the image's top-left corner
    bool m_fit = true;
    bool m_overlay = true;
    bool m_presentation = false;
    QString m_position;
    WindowLevelTool m_wl;
    bool m_panning = false;
    QPointF m_panStart, m_offsetStart;
    QPointF m_cursor{-1, -1};
};

}  // namespace stllava::ui
