#include "series/series_list_model.h"

#include "image_conversion.h"

namespace stllava::ui {

SeriesListModel::SeriesListModel(QObject* parent) : QAbstractListModel(parent) {}

void SeriesListModel::setSeries(std::vector<DicomSeries> series) {
    beginResetModel();
    m_series = std::move(series);
    m_thumbnails.assign(m_series.size(), QPixmap());
    endResetModel();
}

void SeriesListModel::setThumbnail(int row, const RgbImage& image) {
    if (row < 0 || row >= rowCount()) return;
    m_thumbnails[static_cast<std::size_t>(row)] = QPixmap::fromImage(toQImage(image));
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {Qt::DecorationRole});
}

bool SeriesListModel::hasThumbnail(int row) const {
    return row >= 0 && row < rowCount() && !m_thumbnails[static_cast<std::size_t>(row)].isNull();
}

int SeriesListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_series.size());
}

QVariant SeriesListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const DicomSeries& s = m_series[static_cast<std::size_t>(index.row())];
    int images = 0;
    for (const auto& f : s.files) images += std::max(1, f.frames);
    switch (role) {
        case Qt::DisplayRole: {
            const QString description = s.seriesDescription.empty()
                                            ? tr("Series %1").arg(s.seriesNumber)
                                            : QString::fromStdString(s.seriesDescription);
            return tr("%1\n%2 · %n image(s)", nullptr, images)
                .arg(description, QString::fromStdString(s.modality));
        }
        case Qt::ToolTipRole:
            return tr("%1\nStudy: %2\nSeries UID: %3")
                .arg(QString::fromStdString(s.studyDescription), QString::fromStdString(s.studyDate),
                     QString::fromStdString(s.seriesUid));
        case Qt::DecorationRole:
            return m_thumbnails[static_cast<std::size_t>(index.row())];
        case SeriesUidRole:
            return QString::fromStdString(s.seriesUid);
        case StudyUidRole:
            return QString::fromStdString(s.studyUid);
        case ImageCountRole:
            return images;
        default:
            return {};
    }
}

}  // namespace stllava::ui
