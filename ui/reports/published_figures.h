// Figures other people published (STLLaVA-Med-7B, LLaVA-Med), read from the data file compiled into
// the studio (resources/published_figures.json, each entry with its source and the scoring behind
// it). The Reports workspace shows them beside our numbers, in their own rows and bars, never
// inside our tables' values.
#pragma once

#include <QList>
#include <QString>

namespace stllava::ui {

struct PublishedFigure {
    QString model;      // "STLLaVA-Med-7B"
    QString benchmark;  // "vqa-rad", "slake", "pathvqa" (as eval::benchmarkOf names them)
    QString type;       // "open" or "closed"
    QString metric;     // metrics::metricKey, e.g. "open_recall"
    double value = 0;   // percent
    QString setting;    // "zero-shot", "fine-tuned on ..."
    QString scoring;    // how the source scored it
    QString source;     // where the figure was published
};

struct PublishedFigures {
    QList<PublishedFigure> figures;
    QString error;  // names the file and the field when it could not be read
};

// The built-in file (":/reports/published_figures.json") unless another path is given.
PublishedFigures loadPublishedFigures(const QString& path = QString());

}  // namespace stllava::ui
