#include "Charts.h"

#include "HeatmapChart.h"
#include "ScatterChart.h"
#include "SegmentChart.h"
#include "TableChart.h"
#include "core/analytics/analysis.h"
#include "core/analytics/scenario.h"
#include "core/domain/charts.h"
#include "core/headless/run.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QLegendMarker>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QImage>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace charts {

namespace {

// A chart view with one title and axes, rebuilt from scratch for every results object.
class PlainChart : public QChartView {
public:
    explicit PlainChart(QWidget *parent) : QChartView(parent)
    {
        setRenderHint(QPainter::Antialiasing);
        auto *c = new QChart;
        c->setAnimationOptions(QChart::NoAnimation);
        c->legend()->setAlignment(Qt::AlignBottom);
        setChart(c);
        setMinimumHeight(220);
    }
    void clear()
    {
        chart()->removeAllSeries();
        for (QAbstractAxis *a : chart()->axes())
            chart()->removeAxis(a), delete a;
    }
    void axes(QValueAxis *x, QValueAxis *y)
    {
        chart()->addAxis(x, Qt::AlignBottom);
        chart()->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries *s : chart()->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
};

// Calibration against holdout: mean purchases after the observation end, actual and predicted,
// by the number of repeat purchases before it.
class HoldoutChart : public PlainChart {
public:
    using PlainChart::PlainChart;
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
    {
        QChart *c = chart();
        clear();
        if (!r || !r->btyd || r->btyd->holdout.empty()) {
            c->setTitle(QApplication::translate("charts", "No holdout period: set an observation end before the last order"));
            return QApplication::translate("charts", "the holdout chart needs predictive CLV and an observation end "
                                                     "before the last order");
        }
        const vs::BtydInfo &b = *r->btyd;
        c->setTitle(QApplication::translate("charts", "Purchases in the holdout period (%1 %2): actual and predicted")
                        .arg(QLocale().toString(b.holdoutLength, 'f', 1), QString::fromStdString(b.timeUnit)));
        auto *actual = new QLineSeries;
        actual->setName(QApplication::translate("charts", "actual"));
        auto *predicted = new QLineSeries;
        predicted->setName(QApplication::translate("charts", "predicted (BG/NBD)"));
        auto *axisX = new QCategoryAxis;
        axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        double top = 0;
        for (const vs::HoldoutRow &h : b.holdout) {
            actual->append(h.frequency, h.actual);
            predicted->append(h.frequency, h.predicted);
            top = std::max({top, h.actual, h.predicted});
            axisX->append(h.orMore ? QStringLiteral("%1+").arg(h.frequency) : QString::number(h.frequency), h.frequency);
        }
        QPen dash(QColor(0xf2, 0x8e, 0x2b), 2.5, Qt::DashLine);
        predicted->setPen(dash);
        actual->setPen(QPen(QColor(0x4e, 0x79, 0xa7), 2.5));
        actual->setPointsVisible(true);
        predicted->setPointsVisible(true);
        c->addSeries(actual);
        c->addSeries(predicted);
        axisX->setRange(0, b.holdout.back().frequency);
        axisX->setTitleText(QApplication::translate("charts", "repeat purchases up to the observation end"));
        auto *axisY = new QValueAxis;
        axisY->setRange(0, std::max(1.0, top * 1.1));
        axisY->applyNiceNumbers();
        axisY->setTitleText(QApplication::translate("charts", "mean purchases per customer"));
        c->addAxis(axisX, Qt::AlignBottom);
        c->addAxis(axisY, Qt::AlignLeft);
        for (QLineSeries *s : {actual, predicted}) {
            s->attachAxis(axisX);
            s->attachAxis(axisY);
            connect(s, &QLineSeries::hovered, this, [r, s](const QPointF &pt, bool on) {
                if (!on)
                    return QToolTip::hideText();
                const auto &rows = r->btyd->holdout;
                const size_t i = size_t(std::clamp(std::lround(pt.x()), 0L, long(rows.size() - 1)));
                QToolTip::showText(QCursor::pos(), QApplication::translate("charts", "%1 repeat purchases: %2 customers\nactual %3, predicted %4")
                                                       .arg(rows[i].orMore ? QStringLiteral("%1+").arg(rows[i].frequency) : QString::number(rows[i].frequency))
                                                       .arg(rows[i].customers)
                                                       .arg(QLocale().toString(rows[i].actual, 'f', 4), QLocale().toString(rows[i].predicted, 'f', 4)));
                (void)s;
            });
        }
        return {};
    }
};

// The value distribution, with the segment boundaries when segments are made by value.
class HistogramChart : public PlainChart {
public:
    using PlainChart::PlainChart;
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
    {
        clear();
        if (!r || !r->valueHistogram || r->valueHistogram->counts.empty()) {
            chart()->setTitle(QApplication::translate("charts", "No values to show"));
            return QApplication::translate("charts", "no customer has a value");
        }
        const vs::Histogram &h = *r->valueHistogram;
        chart()->setTitle(QApplication::translate("charts", "Distribution of customer value (%1 customers)")
                              .arg(QLocale().toString(qulonglong(r->valuedCount))));
        auto *upper = new QLineSeries;
        double top = 0;
        for (size_t i = 0; i < h.counts.size(); ++i) {
            upper->append(h.edges[i], double(h.counts[i]));
            upper->append(h.edges[i + 1], double(h.counts[i]));
            top = std::max(top, double(h.counts[i]));
        }
        auto *area = new QAreaSeries(upper);
        area->setName(QApplication::translate("charts", "customers"));
        area->setColor(QColor(0x4e, 0x79, 0xa7));
        area->setBorderColor(QColor(0x2b, 0x45, 0x5e));
        chart()->addSeries(area);
        if (r->segmentBy == "value" && r->edges.size() > 2) {
            bool first = true;
            for (size_t k = 1; k + 1 < r->edges.size(); ++k) {
                auto *line = new QLineSeries;
                line->append(r->edges[k], 0);
                line->append(r->edges[k], top * 1.05);
                line->setPen(QPen(QColor(0xe1, 0x57, 0x59), 2, Qt::DashLine));
                line->setName(QApplication::translate("charts", "segment boundaries"));
                chart()->addSeries(line);
                if (!first)
                    chart()->legend()->markers(line).front()->setVisible(false);
                first = false;
            }
        }
        auto *x = new QValueAxis;
        x->setRange(h.edges.front(), h.edges.back());
        x->setTitleText(QApplication::translate("charts", "value"));
        auto *y = new QValueAxis;
        y->setRange(0, top * 1.05);
        y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%.0f"));
        y->setTitleText(QApplication::translate("charts", "customers"));
        axes(x, y);
        connect(area, &QAreaSeries::hovered, this, [r](const QPointF &pt, bool on) {
            if (!on)
                return QToolTip::hideText();
            const vs::Histogram &hh = *r->valueHistogram;
            size_t i = 0;
            while (i + 1 < hh.counts.size() && pt.x() >= hh.edges[i + 1])
                ++i;
            QToolTip::showText(QCursor::pos(), QApplication::translate("charts", "%1 to %2: %3 customers")
                                                   .arg(QLocale().toString(hh.edges[i], 'g', 8), QLocale().toString(hh.edges[i + 1], 'g', 8))
                                                   .arg(QLocale().toString(qulonglong(hh.counts[i]))));
        });
        return {};
    }
};

// Cumulative share of value against share of customers, most valuable first; Gini and the top 20 %.
class ParetoChart : public PlainChart {
public:
    using PlainChart::PlainChart;
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
    {
        clear();
        if (!r || !r->concentration || r->concentration->customerShare.empty()) {
            chart()->setTitle(QApplication::translate("charts", "No values to show"));
            return QApplication::translate("charts", "no customer has a value");
        }
        const vs::Concentration &c = *r->concentration;
        chart()->setTitle(QApplication::translate("charts", "Top 20 % of customers bring %1 % of value · Gini %2")
                              .arg(QLocale().toString(100 * c.top20Share, 'f', 1), QLocale().toString(c.gini, 'f', 3)));
        auto *curve = new QLineSeries;
        curve->setName(QApplication::translate("charts", "cumulative share of value"));
        double lo = 0, hi = 100;
        for (size_t k = 0; k < c.customerShare.size(); ++k) {
            curve->append(100 * c.customerShare[k], 100 * c.valueShare[k]);
            lo = std::min(lo, 100 * c.valueShare[k]);
            hi = std::max(hi, 100 * c.valueShare[k]);
        }
        curve->setPen(QPen(QColor(0x4e, 0x79, 0xa7), 2.5));
        auto *equal = new QLineSeries;
        equal->setName(QApplication::translate("charts", "if every customer were worth the same"));
        equal->append(0, 0);
        equal->append(100, 100);
        equal->setPen(QPen(QColor(0x99, 0x99, 0x99), 1.5, Qt::DashLine));
        auto *mark = new QScatterSeries;
        mark->setName(QApplication::translate("charts", "top 20 %"));
        mark->append(20, 100 * c.top20Share);
        mark->setColor(QColor(0xe1, 0x57, 0x59));
        mark->setMarkerSize(11);
        mark->setPointLabelsVisible(true);
        mark->setPointLabelsFormat(QLocale().toString(100 * c.top20Share, 'f', 1) + QStringLiteral(" %"));
        chart()->addSeries(curve);
        chart()->addSeries(equal);
        chart()->addSeries(mark);
        auto *x = new QValueAxis;
        x->setRange(0, 100);
        x->setLabelFormat(QStringLiteral("%.0f %"));
        x->setTitleText(QApplication::translate("charts", "share of customers, most valuable first"));
        auto *y = new QValueAxis;
        y->setRange(lo, hi);
        if (lo == 0 && hi == 100)
            y->setTickCount(5);
        else
            y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%.0f %"));
        y->setTitleText(QApplication::translate("charts", "share of value"));
        axes(x, y);
        connect(curve, &QLineSeries::hovered, this, [r](const QPointF &pt, bool on) {
            if (!on)
                return QToolTip::hideText();
            const vs::Concentration &cc = *r->concentration;
            const auto it = std::lower_bound(cc.customerShare.begin(), cc.customerShare.end(), pt.x() / 100);
            const size_t k = std::min<size_t>(size_t(it - cc.customerShare.begin()), cc.customerShare.size() - 1);
            QToolTip::showText(QCursor::pos(), QApplication::translate("charts", "top %1 % of customers: %2 % of value")
                                                   .arg(QLocale().toString(100 * cc.customerShare[k], 'f', 2),
                                                        QLocale().toString(100 * cc.valueShare[k], 'f', 2)));
        });
        return {};
    }
};

HeatmapChart::Data matrix(const vs::BtydInfo &b, bool alive)
{
    HeatmapChart::Data d;
    const QString unit = QString::fromStdString(b.timeUnit);
    d.title = alive ? QApplication::translate("charts", "Probability that a customer is still active (age %1 %2)")
                          .arg(QLocale().toString(b.matrixT, 'f', 1), unit)
                    : QApplication::translate("charts", "Expected purchases in the next %1 (age %2 %3)")
                          .arg(unit.chopped(1), QLocale().toString(b.matrixT, 'f', 1), unit);
    d.xTitle = QApplication::translate("charts", "recency: time of the last purchase since the first (%1)").arg(unit);
    d.yTitle = QApplication::translate("charts", "repeat purchases (frequency)");
    d.valueTitle = alive ? QApplication::translate("charts", "P(alive)") : QApplication::translate("charts", "purchases");
    for (double r : b.recencyGrid)
        d.xLabels << QLocale().toString(r, 'f', b.recencyGrid.back() >= 20 ? 0 : 1);
    for (int f = 0; f <= b.maxFrequency; ++f)
        d.yLabels << QString::number(f);
    const auto &m = alive ? b.aliveMatrix : b.expectedMatrix;
    d.values = QVector<double>(m.begin(), m.end());
    d.decimals = 2;
    return d;
}

HeatmapChart::Data rfmHeatmap(const vs::RfmInfo &rfm)
{
    HeatmapChart::Data d;
    d.title = QApplication::translate("charts", "Mean spend by recency and frequency score (customers in brackets)");
    d.xTitle = QApplication::translate("charts", "frequency score F");
    d.yTitle = QApplication::translate("charts", "recency score R (5 = most recent)");
    d.valueTitle = QApplication::translate("charts", "mean spend");
    for (int k = 1; k <= 5; ++k) {
        d.xLabels << QString::number(k);
        d.yLabels << QString::number(k);
    }
    for (size_t r = 0; r < 5; ++r)
        for (size_t f = 0; f < 5; ++f) {
            d.values << rfm.cellMeanMonetary[r][f];
            d.counts << qulonglong(rfm.cellCount[r][f]);
        }
    return d;
}

// Baseline against current segment sizes, with the customers who moved.
class MigrationChart : public PlainChart {
public:
    using PlainChart::PlainChart;
    QString setComparison(const std::shared_ptr<const vs::ScenarioComparison> &cmp)
    {
        clear();
        if (!cmp || cmp->shifts.empty()) {
            chart()->setTitle(QApplication::translate("charts", "No baseline: press “Set as baseline”, then change a parameter"));
            return QApplication::translate("charts", "the migration chart needs a baseline (Analysis ▸ Set as Baseline, "
                                                     "or 'baseline' in the project)");
        }
        size_t customers = 0;
        for (const auto &row : cmp->moved)
            for (size_t n : row)
                customers += n;
        chart()->setTitle(QApplication::translate("charts", "Customers per segment, baseline and now · %1 of %2 moved")
                              .arg(QLocale().toString(qulonglong(cmp->changed)), QLocale().toString(qulonglong(customers))));
        auto *before = new QBarSet(QApplication::translate("charts", "baseline"));
        auto *now = new QBarSet(QApplication::translate("charts", "current"));
        before->setColor(QColor(0xba, 0xb0, 0xac));
        now->setColor(QColor(0x4e, 0x79, 0xa7));
        before->setLabelColor(QColor(0x55, 0x55, 0x55));
        now->setLabelColor(QColor(0x2b, 0x45, 0x5e));
        QStringList categories;
        double top = 0;
        for (const vs::ScenarioComparison::Shift &sh : cmp->shifts) {
            *before << double(sh.baselineCount);
            *now << double(sh.currentCount);
            top = std::max({top, double(sh.baselineCount), double(sh.currentCount)});
            categories << QString::fromStdString(sh.label);
        }
        auto *series = new QBarSeries;
        series->append(before);
        series->append(now);
        series->setLabelsVisible(cmp->shifts.size() <= 8);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setLabelsFormat(QStringLiteral("@value"));
        series->setLabelsPrecision(12);
        chart()->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        auto *y = new QValueAxis;
        y->setRange(0, std::max(1.0, top * 1.12));
        y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%.0f"));
        y->setTitleText(QApplication::translate("charts", "customers"));
        chart()->addAxis(x, Qt::AlignBottom);
        chart()->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        connect(series, &QBarSeries::hovered, this, [cmp](bool on, int index, QBarSet *) {
            if (!on || index < 0 || size_t(index) >= cmp->shifts.size())
                return QToolTip::hideText();
            const auto &sh = cmp->shifts[size_t(index)];
            QToolTip::showText(QCursor::pos(), QApplication::translate("charts", "%1\nbaseline: %2 customers, value %3\nnow: %4 customers, value %5")
                                                   .arg(QString::fromStdString(sh.label), QLocale().toString(qulonglong(sh.baselineCount)),
                                                        QLocale().toString(sh.baselineValue, 'f', 2),
                                                        QLocale().toString(qulonglong(sh.currentCount)),
                                                        QLocale().toString(sh.currentValue, 'f', 2)));
        });
        return {};
    }
};

TableChart::Data statisticsTable(const vs::AnalysisResults &r)
{
    TableChart::Data d;
    d.title = QApplication::translate("charts", "Descriptive statistics (%1 rows)").arg(QLocale().toString(qulonglong(r.rowCount())));
    d.header = QStringList{QApplication::translate("charts", "Column"), QApplication::translate("charts", "Count"),
                           QApplication::translate("charts", "Mean"), QApplication::translate("charts", "Median"),
                           QApplication::translate("charts", "Variance"), QApplication::translate("charts", "Std. deviation"),
                           QApplication::translate("charts", "Min"), QApplication::translate("charts", "Max")};
    const QLocale l;
    auto num = [&l](double v) { return std::isnan(v) ? QStringLiteral("—") : l.toString(v, 'g', 8); };
    for (const auto &[name, st] : r.stats)
        d.rows << QStringList{QString::fromStdString(name), l.toString(qulonglong(st.count)), num(st.mean), num(st.median),
                              num(st.variance), num(st.std), num(st.min), num(st.max)};
    return d;
}

// The part of a chart widget that a picture shows (the scatter's axis choosers stay out).
QWidget *surface(QWidget *chart)
{
    if (auto *scatter = qobject_cast<ScatterChart *>(chart))
        return scatter->view();
    return chart;
}

} // namespace

namespace {

// One view per ChartView of the registry (core/domain/charts.h): how to make it and how to show
// an input in it. The widget handed to show() is always the one its create() made.
struct ViewEntry {
    vs::ChartView view;
    QWidget *(*create)(QWidget *parent);
    void (*show)(QWidget *chart, const Input &in, const vs::ChartKindInfo &kind);
};

template <class T>
T *as(QWidget *w) { return static_cast<T *>(w); }

const ViewEntry kViews[] = {
    {vs::ChartView::Segments, [](QWidget *p) -> QWidget * { return new SegmentChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<SegmentChart>(w)->setResults(in.results); }},
    {vs::ChartView::Histogram, [](QWidget *p) -> QWidget * { return new HistogramChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<HistogramChart>(w)->setResults(in.results); }},
    {vs::ChartView::Pareto, [](QWidget *p) -> QWidget * { return new ParetoChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<ParetoChart>(w)->setResults(in.results); }},
    {vs::ChartView::Scatter, [](QWidget *p) -> QWidget * { return new ScatterChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<ScatterChart>(w)->setResults(in.results); }},
    {vs::ChartView::Migration, [](QWidget *p) -> QWidget * { return new MigrationChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<MigrationChart>(w)->setComparison(in.comparison); }},
    {vs::ChartView::Table, [](QWidget *p) -> QWidget * { return new TableChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) {
         as<TableChart>(w)->setData(in.results ? statisticsTable(*in.results) : TableChart::Data{});
     }},
    {vs::ChartView::Heatmap, [](QWidget *p) -> QWidget * { return new HeatmapChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &kind) {
         const auto &r = in.results;
         const std::string_view key = kind.key;
         if (key == "rfm_heatmap")
             as<HeatmapChart>(w)->setData(r && r->rfm ? rfmHeatmap(*r->rfm) : HeatmapChart::Data{});
         else
             as<HeatmapChart>(w)->setData(r && r->btyd ? matrix(*r->btyd, key == "p_alive") : HeatmapChart::Data{});
     }},
    {vs::ChartView::Holdout, [](QWidget *p) -> QWidget * { return new HoldoutChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<HoldoutChart>(w)->setResults(in.results); }},
};

const ViewEntry &viewOf(const vs::ChartKindInfo &kind)
{
    for (const ViewEntry &v : kViews)
        if (v.view == kind.view)
            return v;
    Q_UNREACHABLE();
}

const vs::ChartKindInfo *kindOf(const QString &kind)
{
    return vs::findChartKind(kind.toStdString());
}

QString unknownChart() { return QApplication::translate("charts", "unknown chart"); }

} // namespace

QStringList kinds()
{
    QStringList out;
    for (const vs::ChartKindInfo &k : vs::chartKinds())
        out << QString::fromLatin1(k.key);
    return out;
}

QString title(const QString &kind)
{
    const vs::ChartKindInfo *k = kindOf(kind);
    return k ? QApplication::translate("charts", k->title) : kind;
}

bool inReport(const QString &kind)
{
    const vs::ChartKindInfo *k = kindOf(kind);
    return k && k->inReport;
}

QWidget *create(const QString &kind, QWidget *parent)
{
    const vs::ChartKindInfo *k = kindOf(kind);
    return k ? viewOf(*k).create(parent) : nullptr;
}

QString unavailable(const QString &kind, const Input &in)
{
    const vs::ChartKindInfo *k = kindOf(kind);
    if (!k)
        return unknownChart();
    const char *why = vs::chartUnavailable(*k, in.results.get(), in.comparison.get());
    return why ? QApplication::translate("charts", why) : QString();
}

QString show(QWidget *chart, const QString &kind, const Input &in)
{
    const vs::ChartKindInfo *k = kindOf(kind);
    if (!k || !chart)
        return unknownChart();
    viewOf(*k).show(chart, in, *k);
    return unavailable(kind, in);
}

void render(QWidget *chart, QPainter &p, const QRectF &target, QSize logical)
{
    QWidget *w = surface(chart);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.translate(target.topLeft());
    p.scale(target.width() / logical.width(), target.height() / logical.height());
    const QRectF area(QPointF(0, 0), QSizeF(logical));
    if (auto *painted = qobject_cast<PaintedChart *>(w)) {
        painted->paintChart(p, area);
    } else if (auto *view = qobject_cast<QChartView *>(w)) {
        // the chart laid out at the logical size in its scene, whatever the view's size
        QChart *c = view->chart();
        const QRectF old = c->geometry();
        c->setGeometry(area);
        QCoreApplication::sendPostedEvents(); // the chart's layout
        view->scene()->render(&p, area, area);
        c->setGeometry(old);
    } else {
        w->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    p.restore();
}

namespace {
QSize logicalSizeFor(QSize size, int dpi)
{
    const double k = 96.0 / std::max(48, dpi);
    return QSize(std::max(200, int(std::lround(size.width() * k))), std::max(150, int(std::lround(size.height() * k))));
}
} // namespace

QImage image(QWidget *chart, QSize size, int dpi)
{
    // painted at 96 dpi, like the screen the layout was measured for; the dpi asked is only
    // recorded in the file (fonts would otherwise grow twice: by the scale and by the dpi)
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    img.setDotsPerMeterX(int(std::lround(96 / 0.0254)));
    img.setDotsPerMeterY(int(std::lround(96 / 0.0254)));
    {
        QPainter p(&img);
        render(chart, p, QRectF(QPointF(0, 0), QSizeF(size)), logicalSizeFor(size, dpi));
    }
    img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
    img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
    return img;
}

namespace {
// A chart file is .png, .svg or .pdf.
vs::Status checkFormat(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext != QLatin1String("png") && ext != QLatin1String("svg") && ext != QLatin1String("pdf"))
        return vs::makeError(vs::ErrorKind::Io, vs::Msg::ChartFormat, {ext.toStdString()}, path.toStdString());
    return vs::Ok{};
}
} // namespace

vs::Status save(QWidget *chart, const QString &path, QSize size, int dpi)
{
    if (vs::Status s = checkFormat(path); !s)
        return s;
    const QString ext = QFileInfo(path).suffix().toLower();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return vs::makeError(vs::ErrorKind::Io, vs::Msg::ChartCannotBeWritten, {file.errorString().toStdString()},
                             path.toStdString());
    bool ok = true;
    const QSize logical = logicalSizeFor(size, dpi);
    if (ext == QLatin1String("png")) {
        ok = image(chart, size, dpi).save(&file, "PNG");
    } else if (ext == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chart->windowTitle());
        svg.setResolution(96);
        QPainter p(&svg);
        render(chart, p, QRectF(QPointF(0, 0), QSizeF(size)), logical);
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&pdf);
        render(chart, p, QRectF(QPointF(0, 0), QSizeF(size)), logical);
    }
    if (!ok || !file.commit())
        return vs::makeError(vs::ErrorKind::Io, vs::Msg::ChartCannotBeWritten, {file.errorString().toStdString()},
                             path.toStdString());
    return vs::Ok{};
}

vs::Status check(const Input &in, const std::string &kind, const std::string &path)
{
    const vs::ChartKindInfo *k = vs::findChartKind(kind);
    if (!k)
        return vs::makeError(vs::ErrorKind::Project, vs::Msg::ChartNotAKind,
                             {kind, kinds().join(QStringLiteral(", ")).toStdString()});
    if (const char *why = vs::chartUnavailable(*k, in.results.get(), in.comparison.get()))
        return vs::makeError(vs::ErrorKind::Model, vs::Msg::ChartCannotBeDrawn, {kind, why});
    return checkFormat(QString::fromStdString(path));
}

vs::Status write(const Input &in, const std::string &kind, const std::string &path)
{
    if (vs::Status s = check(in, kind, path); !s)
        return s;
    const QString k = QString::fromStdString(kind);
    std::unique_ptr<QWidget> chart(create(k));
    show(chart.get(), k, in); // check() has said it can be drawn
    return save(chart.get(), QString::fromStdString(path));
}

Input inputOf(const vs::RunOutputs &out)
{
    Input in;
    in.results = std::shared_ptr<const vs::AnalysisResults>(&out.results, [](auto *) {});
    if (out.comparison)
        in.comparison = std::shared_ptr<const vs::ScenarioComparison>(out.comparison, [](auto *) {});
    return in;
}

vs::Status check(const vs::RunOutputs &out, const std::string &kind, const std::string &path)
{
    return check(inputOf(out), kind, path);
}

vs::Status write(const vs::RunOutputs &out, const std::string &kind, const std::string &path)
{
    return write(inputOf(out), kind, path);
}

} // namespace charts
