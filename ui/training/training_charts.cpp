#include "training/training_charts.h"

#include <QGridLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace stllava::ui {

StepPoint StepPoint::from(const jobs::TrainingEvent& e) {
    StepPoint p;
    p.step = e.step;
    p.loss = e.loss;
    p.lr = e.lr;
    p.gradNorm = e.gradNorm;
    p.hasDpo = e.hasDpo;
    p.rewardAccuracy = e.rewardAccuracy;
    p.margin = e.margin;
    return p;
}

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
    const QString titles[CurveCount] = {tr("Loss"), tr("Learning rate"), tr("Gradient norm"), tr("Reward accuracy (DPO)"),
                                        tr("Margin (DPO)")};
    const char* names[CurveCount] = {"loss", "lr", "grad-norm", "reward-accuracy", "margin"};
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int c = 0; c < CurveCount; ++c) {
        CurveView& v = m_curves[std::size_t(c)];
        auto* chart = new QChart;
        chart->setTitle(titles[c]);
        chart->legend()->hide();
        chart->setMargins(QMargins(2, 2, 2, 2));
        v.series = new QLineSeries(chart);
        v.series->setName(titles[c]);
        chart->addSeries(v.series);
        v.x = new QValueAxis(chart);
        v.x->setLabelFormat(QStringLiteral("%.0f"));
        v.x->setTickType(QValueAxis::TicksDynamic);
        v.x->setTickAnchor(0);
        v.x->setTitleText(tr("step"));
        v.y = new QValueAxis(chart);
        v.y->setLabelFormat(c == LearningRate ? QStringLiteral("%.1e") : QStringLiteral("%.3g"));
        v.fixedY = c == RewardAccuracy;  // a share: always 0 … 1
        chart->addAxis(v.x, Qt::AlignBottom);
        chart->addAxis(v.y, Qt::AlignLeft);
        v.series->attachAxis(v.x);
        v.series->attachAxis(v.y);
        v.view = new QChartView(chart, this);
        v.view->setObjectName(QLatin1String(names[c]));
        v.view->setRenderHint(QPainter::Antialiasing, false);
        v.view->setMinimumSize(180, 150);
        grid->addWidget(v.view, c / 3, c % 3);
    }
    clear();
}

double TrainingCharts::value(const StepPoint& p, Curve c) {
    switch (c) {
    case Loss: return p.loss;
    case LearningRate: return p.lr;
    case GradNorm: return p.gradNorm;
    case RewardAccuracy: return p.rewardAccuracy;
    case Margin: return p.margin;
    case CurveCount: break;
    }
    return 0;
}

namespace {

// A step axis of whole numbers: ticks every 1, 2, 5, 10, 20, 50, ... steps, about five of them.
void setStepRange(QValueAxis* axis, double max) {
    axis->setRange(0, max);
    double interval = 1;
    for (double base = 1; interval * 5 < max; base *= 10)
        for (double m : {1.0, 2.0, 5.0})
            if (interval * 5 < max) interval = base * m;
    axis->setTickInterval(interval);
}

}  // namespace

void TrainingCharts::grow(CurveView& v, double x, double y) {
    if (v.empty || x > v.maxX) {
        // Doubling the axis keeps resizes to a logarithmic few over a run.
        if (v.empty || x > v.x->max()) setStepRange(v.x, std::max(4.0, v.empty ? x : std::max(x, 2 * v.x->max())));
        v.maxX = x;
    }
    if (v.fixedY) {
        v.empty = false;
        return;
    }
    if (!v.empty && y >= v.minY && y <= v.maxY) return;
    v.minY = v.empty ? y : std::min(v.minY, y);
    v.maxY = v.empty ? y : std::max(v.maxY, y);
    v.empty = false;
    const double span = v.maxY - v.minY;
    // A flat curve gets a band around its value (a tenth of it, or 0.001 around zero).
    const double pad = span > 0 ? 0.05 * span : std::max(0.1 * std::abs(v.maxY), 1e-3);
    v.y->setRange(v.minY - pad, v.maxY + pad);
}

void TrainingCharts::append(const QVector<StepPoint>& points) {
    if (points.isEmpty()) return;
    bool dpo = false;
    for (int c = 0; c < CurveCount; ++c) {
        CurveView& v = m_curves[std::size_t(c)];
        const bool dpoCurve = c == RewardAccuracy || c == Margin;
        QList<QPointF> batch;
        batch.reserve(points.size());
        for (const StepPoint& p : points) {
            if (dpoCurve && !p.hasDpo) continue;
            dpo = dpo || p.hasDpo;
            const double x = double(p.step), y = value(p, Curve(c));
            batch.append(QPointF(x, y));
            grow(v, x, y);
        }
        if (!batch.isEmpty()) v.series->append(batch);
    }
    if (dpo) setDpoVisible(true);
}

void TrainingCharts::show(const QVector<StepPoint>& points) {
    clear();
    bool dpo = false;
    for (int c = 0; c < CurveCount; ++c) {
        CurveView& v = m_curves[std::size_t(c)];
        const bool dpoCurve = c == RewardAccuracy || c == Margin;
        QList<QPointF> all;
        all.reserve(points.size());
        for (const StepPoint& p : points) {
            if (dpoCurve && !p.hasDpo) continue;
            dpo = dpo || p.hasDpo;
            all.append(QPointF(double(p.step), value(p, Curve(c))));
            grow(v, all.back().x(), all.back().y());
        }
        v.series->replace(all);
    }
    setDpoVisible(dpo);
}

void TrainingCharts::clear() {
    for (CurveView& v : m_curves) {
        v.series->clear();
        v.empty = true;
        setStepRange(v.x, 4);
        v.y->setRange(0, 1);
    }
    setDpoVisible(false);
}

int TrainingCharts::pointCount(Curve c) const { return int(m_curves[std::size_t(c)].series->count()); }

void TrainingCharts::setDpoVisible(bool on) {
    m_curves[RewardAccuracy].view->setVisible(on);
    m_curves[Margin].view->setVisible(on);
}

}  // namespace stllava::ui
