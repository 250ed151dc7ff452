// The series of an opened folder, one row each: description, modality, image count and a thumbnail
// that arrives later from the background scan. Changed on the GUI thread only.
#pragma once

#include "imaging/dicom_series.h"
#include "imaging/image_types.h"

#include <QAbstractListModel>
#include <QPixmap>

#include <vector>

namespace stllava::ui {

class SeriesListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { SeriesUidRole = Qt::UserRole + 1, StudyUidRole, ImageCountRole };

    explicit SeriesListModel(QObject* parent = nullptr);

    void setSeries(std::vector<DicomSeries> series);
    void setThumbnail(int row, const RgbImage& image);
    const DicomSeries& series(int row) const { return m_series.at(static_cast<std::size_t>(row)); }
    bool hasThumbnail(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    std::vector<DicomSeries> m_series;
    std::vector<QPixmap> m_thumbnails;  // parallel to m_series; null until loaded
};

}  // namespace stllava::ui
