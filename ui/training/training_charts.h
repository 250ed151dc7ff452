// The live curves of one training run (Qt Charts): loss, learning rate, gradient norm and, for DPO,
// reward accuracy and margin, against the optimiser step. Points are appended as steps arrive (an
// axis grows only when a point falls outside it), so a long run costs one append per step and
// curve; showing another run replaces the points in one call per curve.
#pragma once

#include "services/jobs/training_event.h"

#include <QList>
#include <QPointF>
#include <QVector>
#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace stllava::ui {

// What the charts keep of a step event.
struct StepPoint {
    qint64 step = 0;
    double loss = 0, lr = 0, gradNorm = 0, rewardAccuracy = 0, margin = 0;
    bool hasDpo = false;
    static StepPoint from(const jobs::TrainingEvent& e);
};

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    enum Curve { Loss, LearningRate, GradNorm, RewardAccuracy, Margin, CurveCount };

    explicit TrainingCharts(QWidget* parent = nullptr);

    void append(const QVector<StepPoint>& points);  // the new steps of the shown run
    void show(const QVector<StepPoint>& points);    // another run: its whole history
    void clear();
    int pointCount(Curve c) const;
    QLineSeries* series(Curve c) const { return m_curves[std::size_t(c)].series; }
    QChartView* view(Curve c) const { return m_curves[std::size_t(c)].view; }

private:
    struct CurveView {
        QLineSeries* series = nullptr;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
        QChartView* view = nullptr;
        double minY = 0, maxY = 0, maxX = 0;
        bool empty = true;
        bool fixedY = false;  // the y range stays 0 … 1
    };
    static double value(const StepPoint& p, Curve c);
    void grow(CurveView& v, double x, double y);
    void setDpoVisible(bool on);

    std::array<CurveView, CurveCount> m_curves;
};

}  // namespace stllava::ui
