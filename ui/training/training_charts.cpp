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
        v.x->setLabelFormat(QStringLiteral("%d"));
        v.x->setTitleText(tr("step"));
        v.y = new QValueAxis(chart);
        v.y->setLabelFormat(c == LearningRate ? QStringLiteral("%.1e") : QStringLiteral("%.3g"));
        chart->addAxis(v.x, Qt::AlignBottom);
        chart->addAxis(v.y, Qt::AlignLeft);
        v.series->attachAxis(v.x);
        v.series->attachAxis(v.y);
        v.view = new QChartView(chart, this);
        v.view->setObjectName(QLatin1String(names[c]));
        v.view->setRenderHint(QPainter::Antialiasing, false);
        v.view->setMinimumSize(220, 160);
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

void TrainingCharts::grow(CurveView& v, double x, double y) {
    if (v.empty) {
        v.minY = v.maxY = y;
        v.maxX = x;
        v.empty = false;
        v.x->setRange(0, std::max(1.0, x));
        v.y->setRange(y - 0.5 * std::max(1e-12, std::abs(y)), y + 0.5 * std::max(1e-12, std::abs(y)));
        return;
    }
    if (x > v.maxX) {
        v.maxX = x;
        // Doubling the axis keeps resizes to a logarithmic few over a run.
        if (x > v.x->max()) v.x->setRange(0, std::max(x, 2 * v.x->max()));
    }
    if (y < v.minY || y > v.maxY) {
        v.minY = std::min(v.minY, y);
        v.maxY = std::max(v.maxY, y);
        const double pad = 0.05 * std::max(1e-12, v.maxY - v.minY);
        v.y->setRange(v.minY - pad, v.maxY + pad);
    }
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
        v.x->setRange(0, 1);
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
