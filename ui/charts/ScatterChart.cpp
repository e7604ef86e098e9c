#include "ScatterChart.h"

#include "Palette.h"
#include "PlainChart.h"
#include "core/analytics/analysis.h"
#include "ui/NumberFormat.h"
#include "ui/Wording.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QGraphicsObject>
#include <QGraphicsSceneHoverEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPaintEngine>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

namespace {

// rows with both values, or a fixed-seed sample of kMaxPoints of them, in row order
std::vector<size_t> pointsToShow(const std::vector<double> &x, const std::vector<double> &y, size_t *total)
{
    std::vector<size_t> rows;
    rows.reserve(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
            rows.push_back(i);
    *total = rows.size();
    if (rows.size() > ScatterChart::kMaxPoints) {
        std::mt19937_64 rng(20261122);
        // a partial Fisher-Yates shuffle picks kMaxPoints rows uniformly
        for (size_t k = 0; k < ScatterChart::kMaxPoints; ++k) {
            std::uniform_int_distribution<size_t> pick(k, rows.size() - 1);
            std::swap(rows[k], rows[pick(rng)]);
        }
        rows.resize(ScatterChart::kMaxPoints);
        std::sort(rows.begin(), rows.end());
    }
    return rows;
}

} // namespace

// All points of the scatter, painted in one go on the chart's plot area.
class PointCloud : public QGraphicsObject {
public:
    explicit PointCloud(QChart *chart) : QGraphicsObject(chart), m_chart(chart)
    {
        setAcceptHoverEvents(true);
        setZValue(10); // above the grid and axes, as a series would be
        connect(chart, &QChart::plotAreaChanged, this, [this] {
            prepareGeometryChange();
            update();
        });
    }

    struct Style {
        QColor fill, border;
        QString name;
    };

    // axes: where the plot area's edges are in data units
    void set(std::vector<ScatterChart::Point> points, std::vector<Style> styles, double marker, const QValueAxis *x,
             const QValueAxis *y, std::function<QString(const ScatterChart::Point &, const Style &)> describe)
    {
        m_points = std::move(points);
        m_styles = std::move(styles);
        m_marker = marker;
        m_x = x;
        m_y = y;
        m_describe = std::move(describe);
        prepareGeometryChange();
        update();
    }
    void clear() { set({}, {}, 0, nullptr, nullptr, {}); }
    const std::vector<ScatterChart::Point> &points() const { return m_points; }

    QRectF boundingRect() const override { return m_chart->plotArea(); }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        if (m_points.empty() || !m_x || !m_y)
            return;
        p->save();
        p->setClipRect(m_chart->plotArea());
        p->setRenderHint(QPainter::Antialiasing);
        const double r = m_marker / 2;
        // On screen, one pre-drawn marker per colour is copied to each point (drawing 5,000
        // antialiased ellipses costs ~30 ms); scaled or vector output (PNG at a higher dpi, SVG,
        // PDF) gets true ellipses.
        const bool sprites = p->paintEngine() && p->paintEngine()->type() == QPaintEngine::Raster &&
                             !p->transform().isScaling() && !p->transform().isRotating();
        const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
        const int side = int(std::ceil(m_marker + 2));
        for (size_t s = 0; s < m_styles.size(); ++s) { // one colour at a time
            const QPen pen(m_styles[s].border, 1);
            if (sprites) {
                QPixmap sprite(QSize(side, side) * dpr);
                sprite.setDevicePixelRatio(dpr);
                sprite.fill(Qt::transparent);
                {
                    QPainter sp(&sprite);
                    sp.setRenderHint(QPainter::Antialiasing);
                    sp.setBrush(m_styles[s].fill);
                    sp.setPen(pen);
                    sp.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
                }
                const QPointF offset(side / 2.0, side / 2.0);
                for (const ScatterChart::Point &pt : m_points)
                    if (size_t(pt.series) == s)
                        p->drawPixmap((toPlot(pt.at) - offset).toPoint(), sprite);
            } else {
                p->setBrush(m_styles[s].fill);
                p->setPen(pen);
                for (const ScatterChart::Point &pt : m_points)
                    if (size_t(pt.series) == s)
                        p->drawEllipse(toPlot(pt.at), r, r);
            }
        }
        p->restore();
    }

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *e) override
    {
        // the nearest point under the pointer, the last drawn first (it is on top)
        const double reach = m_marker / 2 + 2;
        double best = reach * reach;
        const ScatterChart::Point *hit = nullptr;
        for (const ScatterChart::Point &pt : m_points) {
            const QPointF d = toPlot(pt.at) - e->pos();
            const double dd = d.x() * d.x() + d.y() * d.y();
            if (dd <= best)
                best = dd, hit = &pt;
        }
        if (hit && m_describe)
            QToolTip::showText(e->screenPos(), m_describe(*hit, m_styles[size_t(hit->series)]));
        else
            QToolTip::hideText();
    }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override { QToolTip::hideText(); }

private:
    QPointF toPlot(QPointF v) const
    {
        const QRectF a = m_chart->plotArea();
        const double w = m_x->max() - m_x->min(), h = m_y->max() - m_y->min();
        return {a.left() + (w > 0 ? (v.x() - m_x->min()) / w : 0.5) * a.width(),
                a.bottom() - (h > 0 ? (v.y() - m_y->min()) / h : 0.5) * a.height()};
    }

    QChart *m_chart;
    std::vector<ScatterChart::Point> m_points;
    std::vector<Style> m_styles; // per series
    double m_marker = 0;
    QPointer<const QValueAxis> m_x, m_y;
    std::function<QString(const ScatterChart::Point &, const Style &)> m_describe;
};

ScatterChart::ScatterChart(QWidget *parent) : QWidget(parent)
{
    m_x = new QComboBox;
    m_y = new QComboBox;
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    auto *choose = new QHBoxLayout;
    auto *xl = new QLabel(tr("&Horizontal:"));
    xl->setBuddy(m_x);
    auto *yl = new QLabel(tr("&Vertical:"));
    yl->setBuddy(m_y);
    choose->addWidget(xl);
    choose->addWidget(m_x, 1);
    choose->addSpacing(12);
    choose->addWidget(yl);
    choose->addWidget(m_y, 1);
    m_view = new PlainChart;
    m_cloud = new PointCloud(m_view->chart());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(choose);
    layout->addWidget(m_view, 1);
    connect(m_x, &QComboBox::currentIndexChanged, this, &ScatterChart::redraw);
    connect(m_y, &QComboBox::currentIndexChanged, this, &ScatterChart::redraw);
}

QStringList ScatterChart::measures(const vs::AnalysisResults &r)
{
    QStringList out;
    for (const std::string &m : vs::plottableMeasures(r))
        out << QString::fromStdString(m);
    return out;
}

QChartView *ScatterChart::view() const { return m_view; }

QString ScatterChart::xMeasure() const { return m_x->currentData().toString(); }
QString ScatterChart::yMeasure() const { return m_y->currentData().toString(); }

void ScatterChart::setAxes(const QString &x, const QString &y)
{
    const QSignalBlocker bx(m_x), by(m_y);
    if (int i = m_x->findData(x); i >= 0)
        m_x->setCurrentIndex(i);
    if (int i = m_y->findData(y); i >= 0)
        m_y->setCurrentIndex(i);
    redraw();
}

QString ScatterChart::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    m_results = std::move(results);
    const QStringList names = m_results ? measures(*m_results) : QStringList();
    // keep the user's axes when the new results still have them
    QString x = xMeasure(), y = yMeasure();
    {
        const QSignalBlocker bx(m_x), by(m_y);
        m_x->clear();
        m_y->clear();
        for (const QString &n : names) {
            const QString shown = columnTitle(n.toStdString());
            m_x->addItem(shown, n);
            m_y->addItem(shown, n);
        }
        if (!names.contains(x))
            x = names.size() > 1 ? names[1] : QString();
        if (!names.contains(y) || y == x)
            y = QStringLiteral("value");
        m_x->setCurrentIndex(m_x->findData(x));
        m_y->setCurrentIndex(m_y->findData(y));
    }
    redraw();
    if (names.size() < 2)
        return QApplication::translate("charts", "the scatter needs a score or a model column to set against value");
    return {};
}

const std::vector<ScatterChart::Point> &ScatterChart::points() const
{
    return m_cloud->points();
}

void ScatterChart::redraw()
{
    QChart *c = m_view->chart();
    m_cloud->clear();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes())
        c->removeAxis(a), delete a;
    const auto r = m_results;
    const std::vector<double> *xs = r ? r->column(xMeasure().toStdString()) : nullptr;
    const std::vector<double> *ys = r ? r->column(yMeasure().toStdString()) : nullptr;
    if (!xs || !ys) {
        m_view->setTitle(QApplication::translate("charts", "Add a score to set customers' value against it"));
        m_view->setVerticalTitle(QString());
        m_view->setLegend({});
        return;
    }
    size_t total = 0;
    const std::vector<size_t> rows = pointsToShow(*xs, *ys, &total);
    const QString xName = m_x->currentText(), yName = m_y->currentText();
    m_view->setTitle(rows.size() < total
                    ? QApplication::translate("charts", "%1 against %2 · a random sample of %3 of %4 customers")
                          .arg(yName, xName, QLocale().toString(qulonglong(rows.size())), QLocale().toString(qulonglong(total)))
                    : QApplication::translate("charts", "%1 against %2 · %3 customers")
                          .arg(yName, xName, QLocale().toString(qulonglong(total))));
    // segments in their order, then customers without one
    const int segments = int(r->segments.size());
    std::vector<Point> points;
    points.reserve(rows.size());
    std::vector<size_t> perSegment(size_t(segments + 1), 0);
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t row : rows) {
        const int s = row < r->segment.size() && r->segment[row] >= 0 && r->segment[row] < segments ? r->segment[row] : segments;
        const double x = (*xs)[row], y = (*ys)[row];
        points.push_back({QPointF(x, y), s, row});
        perSegment[size_t(s)]++;
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    const auto pad = [](double lo, double hi) { return hi > lo ? (hi - lo) * 0.03 : std::max(1.0, std::abs(lo) * 0.1); };
    // a measure that is never below zero gets no negative part on its axis
    const auto below = [&pad](double lo, double hi) { return lo >= 0 && lo - pad(lo, hi) < 0 ? 0.0 : lo - pad(lo, hi); };
    if (rows.empty())
        x0 = y0 = 0, x1 = y1 = 1;
    const numbers::Ticks tx = numbers::niceTicks(below(x0, x1), x1 + pad(x0, x1), 6);
    const numbers::Ticks ty = numbers::niceTicks(below(y0, y1), y1 + pad(y0, y1), 5);
    QCategoryAxis *ax = PlainChart::tickAxis(tx, [tx](double v) { return numbers::tick(v, tx); }, true);
    QCategoryAxis *ay = PlainChart::tickAxis(ty, [ty](double v) { return numbers::tick(v, ty); });
    ax->setTitleText(xName);
    m_view->setVerticalTitle(yName);
    c->addAxis(ax, Qt::AlignBottom);
    c->addAxis(ay, Qt::AlignLeft);
    const double marker = rows.size() > 2000 ? 5 : rows.size() > 300 ? 7 : 9;
    // the legend: a point-less series per segment that has points; the points refer to these
    std::vector<PointCloud::Style> styles;
    std::vector<int> seriesOf(size_t(segments + 1), -1);
    for (int s = 0; s <= segments; ++s) {
        if (!perSegment[size_t(s)])
            continue;
        QColor col = palette::segment(s < segments ? s : -1);
        const QColor border = col.darker(130);
        col.setAlphaF(rows.size() > 2000 ? 0.55f : 0.8f);
        auto *series = new QScatterSeries;
        series->setName(s < segments ? QString::fromStdString(r->segments[size_t(s)].label)
                                     : QApplication::translate("charts", "no segment"));
        series->setMarkerSize(9);
        series->setBorderColor(border);
        series->setColor(col);
        c->addSeries(series);
        series->attachAxis(ax);
        series->attachAxis(ay);
        seriesOf[size_t(s)] = int(styles.size());
        styles.push_back({col, border, series->name()});
    }
    for (Point &p : points)
        p.series = seriesOf[size_t(p.series)];
    // the legend flows into lines under the plot, so that no segment's name is cut short
    QList<PlainChart::LegendEntry> legend;
    for (const PointCloud::Style &st : styles)
        legend.push_back({st.fill, st.border, st.name});
    m_view->setLegend(legend);
    const vs::Meaning xMeaning = r->meaningOf(xMeasure().toStdString()), yMeaning = r->meaningOf(yMeasure().toStdString());
    m_cloud->set(std::move(points), std::move(styles), marker, ax, ay,
                 [r, xName, yName, xMeaning, yMeaning](const Point &p, const PointCloud::Style &style) {
                     return QApplication::translate("charts", "Customer %1 (%2)\n%3: %4\n%5: %6")
                         .arg(QString::fromUtf8(r->data->ids.at(p.row)), style.name, xName,
                              numbers::measure(p.at.x(), xMeaning), yName, numbers::measure(p.at.y(), yMeaning));
                 });
    m_view->applyStyle(m_view->chartStyle());
}
