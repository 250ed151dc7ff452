// Where `stllava demo run` left its results, so that the studio opens on them: the trained model
// (stage 2, else stage 1), the sample studies (CT series and radiographs as DICOM, pathology tiles),
// the judged self-training job whose pairs are ready to review, and the reports of both stages.
// Found in, in order: the folder chosen in the settings, $STLLAVA_DEMO_DIR, ./stllava-demo, the
// application's data folder (…/STLLaVA-Med Studio/demo), and the source tree's stllava-demo when
// the studio runs from a build folder.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace stllava::ui {

struct DemoFolder {
    QString root;
    QString model;           // models/stllava-demo-stage2, else -stage1; "" when neither is trained yet
    QString studies;         // world/studies: DICOM CT series and radiographs
    QString pathologyTiles;  // world/benchmarks/pathvqa/images
    QString job;             // selftrain: items, judgements, pairs
    QStringList reports;     // eval/<stage>/<benchmark>/report/report.json, stage 1 first
    QString comparison;      // report/index.html, "" until the last phase ran

    bool finished() const { return !comparison.isEmpty(); }

    // The demo in `folder` (a folder with demo.json), or nothing.
    static std::optional<DemoFolder> at(const QString& folder);
    // The first demo in the places listed above; `configured` is the settings' folder ("" = none).
    static std::optional<DemoFolder> find(const QString& configured);
    // The places find() looks, in order (for messages and the "set up the demo" action).
    static QStringList candidates(const QString& configured);
    // Where a new demo is written when none exists: the application's data folder.
    static QString defaultLocation();
};

}  // namespace stllava::ui
