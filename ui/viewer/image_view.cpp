#include "viewer/image_view.h"

#include "viewer/dicom_text.h"
#include "image_conversion.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace stllava::ui {

namespace {

constexpr double kMinZoom = 0.05, kMaxZoom = 40.0;

// Text with a dark outline, readable on any grey.
void shadowText(QPainter& p, const QRect& area, int flags, const QString& text) {
    p.setPen(QColor(0, 0, 0, 220));
    for (const QPoint d : {QPoint(1, 1), QPoint(-1, -1), QPoint(1, -1), QPoint(-1, 1)})
        p.drawText(area.translated(d), flags, text);
    p.setPen(QColor(235, 235, 215));
    p.drawText(area, flags, text);
}

}  // namespace

ImageView::ImageView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 200);
    setAccessibleName(tr("Image"));
}

void ImageView::setImage(std::shared_ptr<const ImageData> image, bool keepWindow) {
    const bool sameSize =
        m_image && image && m_image->width == image->width && m_image->height == image->height;
    m_image = std::move(image);
    if (!m_image) {
        clear();
        return;
    }
    if (!keepWindow) {
        m_window = defaultWindow(*m_image);
        m_invert = false;
    }
    render();
    if (!sameSize || m_fit) fitToView();
    Q_EMIT windowChanged(m_window);
    update();
}

void ImageView::clear() {
    m_image.reset();
    m_display = {};
    m_shown = {};
    update();
}

void ImageView::setWindow(const Window& window) {
    m_window = window;
    m_window.width = std::max(1.0, m_window.width);
    render();
    Q_EMIT windowChanged(m_window);
    update();
}

void ImageView::setInverted(bool invert) {
    if (m_invert == invert) return;
    m_invert = invert;
    render();
    Q_EMIT windowChanged(m_window);
    update();
}

void ImageView::autoWindow() {
    if (!m_image || m_image->values.empty()) return;
    Window w = percentileWindow(m_image->values.data(), m_image->values.size());
    w.explanation = tr("auto (0.5-99.5 %)").toStdString();
    setWindow(w);
}

void ImageView::render() {
    if (!m_image) return;
    DisplayOptions opts;
    opts.mode = DisplayOptions::Mode::Explicit;
    opts.window = m_window;
    opts.invert = m_invert;
    m_display = renderDisplay(*m_image, opts);
    m_shown = toQImage(m_display);
}

void ImageView::setZoom(double zoom, QPointF anchor) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const QPointF imagePoint = widgetToImage(anchor);
    m_zoom = zoom;
    m_offset = anchor - imagePoint * m_zoom;
    m_fit = false;
    Q_EMIT zoomChanged(m_zoom);
    update();
}

void ImageView::fitToView() {
    m_fit = true;
    if (!m_image || m_image->width <= 0 || m_image->height <= 0) return;
    m_zoom = std::clamp(std::min(double(width()) / m_image->width, double(height()) / m_image->height),
                        kMinZoom, kMaxZoom);
    m_offset =
        QPointF((width() - m_image->width * m_zoom) / 2.0, (height() - m_image->height * m_zoom) / 2.0);
    Q_EMIT zoomChanged(m_zoom);
    update();
}

void ImageView::actualSize() {
    if (!m_image) return;
    m_fit = false;
    m_zoom = 1.0;
    m_offset = QPointF((width() - m_image->width) / 2.0, (height() - m_image->height) / 2.0);
    Q_EMIT zoomChanged(m_zoom);
    update();
}

QPointF ImageView::imageToWidget(QPointF p) const {
    return m_offset + p * m_zoom;
}

QPointF ImageView::widgetToImage(QPointF p) const {
    return (p - m_offset) / m_zoom;
}

void ImageView::setOverlayVisible(bool visible) {
    m_overlay = visible;
    update();
}

void ImageView::setPresentationMode(bool on) {
    m_presentation = on;
    update();
}

void ImageView::setPositionText(const QString& text) {
    m_position = text;
    update();
}

void ImageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (!m_image || m_shown.isNull()) {
        p.setPen(QColor(170, 170, 170));
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Open a DICOM file or folder (Ctrl+O, Ctrl+Shift+O), or drop it here."));
        return;
    }
    // Bilinear up to 4x (as diagnostic viewers interpolate CT and radiographs); beyond that
    // nearest-neighbour, so that a close look shows the acquired pixels as squares.
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 4.0);
    p.drawImage(QRectF(m_offset, QSizeF(m_image->width * m_zoom, m_image->height * m_zoom)), m_shown);
    if (m_overlay) drawOverlay(p);
}

QString ImageView::valueUnderCursor() const {
    if (!m_image || m_cursor.x() < 0) return {};
    const QPointF ip = widgetToImage(m_cursor);
    const int x = int(std::floor(ip.x())), y = int(std::floor(ip.y()));
    if (x < 0 || y < 0 || x >= m_image->width || y >= m_image->height) return {};
    const std::size_t i = (static_cast<std::size_t>(y) * m_image->width + x) * m_image->channels;
    if (m_image->channels == 3)
        return tr("x %1 y %2: RGB %3 %4 %5")
            .arg(x)
            .arg(y)
            .arg(m_image->values[i])
            .arg(m_image->values[i + 1])
            .arg(m_image->values[i + 2]);
    const QString unit = m_image->tags.modality == "CT" ? tr(" HU") : QString();
    return tr("x %1 y %2: %3%4").arg(x).arg(y).arg(double(m_image->values[i]), 0, 'f', 0).arg(unit);
}

void ImageView::drawOverlay(QPainter& p) const {
    QFont f = font();
    f.setPointSizeF(std::max(8.0, f.pointSizeF()));
    p.setFont(f);
    const QRect area = rect().adjusted(8, 6, -8, -6);
    const DicomTags& t = m_image->tags;

    QStringList topLeft;
    if (m_image->source == ImageSource::Dicom) {
        if (m_presentation) {
            topLeft << tr("Patient details hidden (presentation mode)");
        } else {
            if (!t.patientName.empty()) topLeft << dicomPersonName(t.patientName);
            if (!t.patientId.empty()) topLeft << tr("ID %1").arg(dicomText(t.patientId));
            if (!t.studyDate.empty()) topLeft << dicomDate(t.studyDate);
            if (!t.institution.empty()) topLeft << dicomText(t.institution);
        }
    } else {
        topLeft << QString::fromStdString(m_image->path).section(QLatin1Char('/'), -1);
    }
    shadowText(p, area, Qt::AlignLeft | Qt::AlignTop, topLeft.join(QLatin1Char('\n')));

    QStringList topRight;
    QString modality = dicomText(t.modality);
    if (!t.bodyPart.empty()) modality += QStringLiteral(" · ") + dicomText(t.bodyPart);
    if (!modality.isEmpty()) topRight << modality;
    if (!t.studyDescription.empty()) topRight << dicomText(t.studyDescription);
    if (!t.seriesDescription.empty()) topRight << dicomText(t.seriesDescription);
    if (m_image->pixelSpacingRow > 0)
        topRight << tr("Pixel %1 × %2 mm")
                        .arg(m_image->pixelSpacingRow, 0, 'g', 3)
                        .arg(m_image->pixelSpacingCol, 0, 'g', 3);
    shadowText(p, area, Qt::AlignRight | Qt::AlignTop, topRight.join(QLatin1Char('\n')));

    QStringList bottomLeft;
    if (!m_position.isEmpty()) bottomLeft << m_position;
    QString wl = tr("W %1  L %2").arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0);
    if (!m_window.explanation.empty())
        wl += QStringLiteral("  (") + dicomText(m_window.explanation) + QLatin1Char(')');
    if (m_invert) wl += tr("  inverted");
    bottomLeft << wl;
    shadowText(p, area, Qt::AlignLeft | Qt::AlignBottom, bottomLeft.join(QLatin1Char('\n')));

    QStringList bottomRight;
    const QString value = valueUnderCursor();
    if (!value.isEmpty()) bottomRight << value;
    bottomRight
        << tr("%1 × %2  ·  zoom %3%").arg(m_image->width).arg(m_image->height).arg(m_zoom * 100.0, 0, 'f', 0);
    shadowText(p, area, Qt::AlignRight | Qt::AlignBottom, bottomRight.join(QLatin1Char('\n')));
}

void ImageView::resizeEvent(QResizeEvent*) {
    if (m_fit) fitToView();
}

void ImageView::mousePressEvent(QMouseEvent* e) {
    if (!m_image) return;
    const bool pan = e->button() == Qt::MiddleButton ||
                     (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier));
    if (pan) {
        m_panning = true;
        m_panStart = e->position();
        m_offsetStart = m_offset;
        setCursor(Qt::ClosedHandCursor);
    } else if (e->button() == Qt::LeftButton || e->button() == Qt::RightButton) {
        m_wl.begin(m_window, e->position().toPoint());
        setCursor(Qt::SizeAllCursor);
    }
    e->accept();
}

void ImageView::mouseMoveEvent(QMouseEvent* e) {
    m_cursor = e->position();
    if (m_panning) {
        m_offset = m_offsetStart + (e->position() - m_panStart);
        m_fit = false;
    } else if (m_wl.active()) {
        setWindow(m_wl.move(e->position().toPoint()));
        return;
    }
    update();
}

void ImageView::mouseReleaseEvent(QMouseEvent* e) {
    if (m_wl.active()) {
        setWindow(m_wl.move(e->position().toPoint()));
        m_wl.end();
    }
    m_panning = false;
    unsetCursor();
}

void ImageView::mouseDoubleClickEvent(QMouseEvent*) {
    fitToView();
}

void ImageView::wheelEvent(QWheelEvent* e) {
    if (!m_image) return;
    const double steps = e->angleDelta().y() / 120.0;
    setZoom(m_zoom * std::pow(1.25, steps), e->position());
    e->accept();
}

void ImageView::leaveEvent(QEvent*) {
    m_cursor = QPointF(-1, -1);
    update();
}

}  // namespace stllava::ui
