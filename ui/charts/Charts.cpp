#include "Charts.h"

#include "core/domain/models.h"

#include "BarTable.h"
#include "ChartStyle.h"
#include "HeatmapChart.h"
#include "Palette.h"
#include "PeriodMigrationChart.h"
#include "PlainChart.h"
#include "ScatterChart.h"
#include "SegmentChart.h"
#include "TableChart.h"
#include "ValueCharts.h"
#include "core/analytics/analysis.h"
#include "core/analytics/over_time.h"
#include "core/analytics/scenario.h"
#include "core/domain/charts.h"
#include "core/headless/run.h"
#include "ui/NumberFormat.h"
#include "ui/Wording.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <map>

namespace charts {

namespace {

HeatmapChart::Data matrix(const vs::BtydInfo &b, bool alive)
{
    HeatmapChart::Data d;
    const QString unit = QString::fromStdString(b.timeUnit);
    const QString age = numbers::duration(b.matrixT, unit);
    d.title = alive ? QApplication::translate("charts", "Probability that a customer is still active (age %1)").arg(age)
                    : QApplication::translate("charts", "Expected purchases in the next %1 (age %2)").arg(numbers::unitName(unit), age);
    d.xTitle = QApplication::translate("charts", "recency: time of the last purchase since the first (%1)").arg(unit);
    d.yTitle = QApplication::translate("charts", "repeat purchases (frequency)");
    d.valueTitle = alive ? QApplication::translate("charts", "P(alive)") : QApplication::translate("charts", "purchases");
    for (double r : b.recencyGrid)
        d.xLabels << (b.recencyGrid.back() >= 20 ? numbers::integer(r) : QLocale().toString(r, 'f', 1));
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

// Cohorts by the period of their first purchase (rows, the oldest at the top) and the periods
// since (columns): the share of the cohort still buying, or the revenue per customer so far.
HeatmapChart::Data cohortHeatmap(const vs::CohortTable &t)
{
    HeatmapChart::Data d;
    const bool quarter = t.period == "quarter", revenue = t.measure == "revenue";
    d.title = revenue ? QApplication::translate("charts", "Cumulated revenue per customer by cohort of first purchase")
                      : QApplication::translate("charts", "Share of each cohort still buying, in % (customers in brackets)");
    d.xTitle = quarter ? QApplication::translate("charts", "quarters since the first purchase")
                       : QApplication::translate("charts", "months since the first purchase");
    d.yTitle = quarter ? QApplication::translate("charts", "cohort (quarter of the first purchase) and its customers")
                       : QApplication::translate("charts", "cohort (month of the first purchase) and its customers");
    d.valueTitle = revenue ? QApplication::translate("charts", "revenue per customer") : QApplication::translate("charts", "% active");
    d.decimals = 0;
    // Active customers start at 100 % in the period of their first purchase by definition: that
    // column is left out, so that the colours tell the periods after it apart.
    const size_t first = revenue ? 0 : 1;
    size_t width = 0;
    for (const auto &row : t.rows)
        width = std::max(width, row.active.size());
    for (size_t k = first; k < width; ++k)
        d.xLabels << QString::number(k);
    for (auto it = t.rows.rbegin(); it != t.rows.rend(); ++it) { // rows are drawn from the bottom
        d.yLabels << QStringLiteral("%1 (%2)").arg(QString::fromStdString(it->cohort), numbers::count(qulonglong(it->size)));
        double cumulated = 0;
        for (size_t k = 0; k < width; ++k) {
            const bool inside = k < it->active.size() && it->size > 0;
            if (inside)
                cumulated += it->revenue[k];
            if (k < first)
                continue;
            if (!inside) {
                d.values << std::nan("");
                if (!revenue)
                    d.counts << 0;
                continue;
            }
            d.values << (revenue ? cumulated / double(it->size) : 100.0 * double(it->active[k]) / double(it->size));
            if (!revenue)
                d.counts << qulonglong(it->active[k]);
        }
    }
    return d;
}

// The segment colour of each label of a migration's columns: as in the segments chart.
std::vector<int> columnColours(const vs::PeriodMigration &m, const vs::AnalysisResults &r)
{
    std::vector<int> out;
    for (const std::string &l : m.toSegments) {
        int k = -1;
        for (size_t s = 0; s < r.segments.size(); ++s)
            if (r.segments[s].label == l)
                k = int(s);
        out.push_back(k);
    }
    return out;
}

// Baseline against current segment sizes, one row per segment in its colour (the current
// results' order; segments only the baseline has come last).
BarTable::Data migration(const std::shared_ptr<const vs::ScenarioComparison> &cmp,
                         const std::shared_ptr<const vs::AnalysisResults> &results)
{
    BarTable::Data d;
    d.empty = QApplication::translate("charts", "No baseline: press “Set as baseline”, then change a parameter");
    d.headings = QStringList{QApplication::translate("charts", "Baseline"), QApplication::translate("charts", "Now"), QApplication::translate("charts", "Change")};
    if (!cmp || cmp->shifts.empty())
        return d;
    size_t customers = 0;
    for (const auto &row : cmp->moved)
        for (size_t n : row)
            customers += n;
    d.title = QApplication::translate("charts", "Customers per segment, baseline and now · %1 of %2 moved")
                  .arg(numbers::count(qulonglong(cmp->changed)), numbers::count(qulonglong(customers)));
    std::map<std::string, int> colourOf;
    if (results)
        for (size_t k = 0; k < results->segments.size(); ++k)
            colourOf.emplace(results->segments[k].label, int(k));
    int next = results ? int(results->segments.size()) : 0;
    for (const vs::ScenarioComparison::Shift &sh : cmp->shifts) {
        BarTable::Row r;
        r.name = QString::fromStdString(sh.label);
        const auto it = colourOf.find(sh.label);
        r.colour = palette::segment(it != colourOf.end() ? it->second : next++);
        r.first = double(sh.baselineCount);
        r.second = double(sh.currentCount);
        const long long change = (long long)sh.currentCount - (long long)sh.baselineCount;
        r.cells = QStringList{numbers::count(qulonglong(sh.baselineCount)), numbers::count(qulonglong(sh.currentCount)),
                              (change > 0 ? QStringLiteral("+") : QString()) + numbers::count(change)};
        r.tip = QApplication::translate("charts", "%1\nbaseline: %2 customers, value %3\nnow: %4 customers, value %5")
                    .arg(r.name, numbers::count(qulonglong(sh.baselineCount)), numbers::money(sh.baselineValue),
                         numbers::count(qulonglong(sh.currentCount)), numbers::money(sh.currentValue));
        d.rows.push_back(std::move(r));
    }
    return d;
}

class MigrationChart : public BarTable {
public:
    using BarTable::BarTable;
    QString setInput(const Input &in)
    {
        setData(migration(in.comparison, in.results));
        if (!in.comparison || in.comparison->shifts.empty())
            return QApplication::translate("charts", "the migration chart needs a baseline (Analysis ▸ Set as Baseline, or 'baseline' in the project)");
        return {};
    }
};

TableChart::Data statisticsTable(const vs::AnalysisResults &r)
{
    TableChart::Data d;
    d.title = QApplication::translate("charts", "Descriptive statistics (%1 rows)").arg(numbers::count(qulonglong(r.rowCount())));
    d.header = QStringList{QApplication::translate("charts", "Column"), QApplication::translate("charts", "Count"), QApplication::translate("charts", "Mean"), QApplication::translate("charts", "Median"), QApplication::translate("charts", "Variance"), QApplication::translate("charts", "Std. deviation"),
                           QApplication::translate("charts", "Min"), QApplication::translate("charts", "Max")};
    for (size_t i : r.describedStatistics()) {
        const auto &[name, st] = r.stats[i];
        const vs::Meaning m = r.statisticMeaning(i);
        d.rows << QStringList{columnTitle(name), numbers::count(qulonglong(st.count)), numbers::statistic(st.mean, m),
                              numbers::statistic(st.median, m), numbers::number(st.variance), numbers::statistic(st.std, m),
                              numbers::statistic(st.min, m), numbers::statistic(st.max, m)};
    }
    return d;
}

// The purchase models side by side: fit, information criteria and the holdout check.
TableChart::Data modelTable(const vs::BtydInfo &b)
{
    TableChart::Data d;
    d.title = QApplication::translate("charts", "Purchase models compared (%1 customers)")
                  .arg(numbers::count(qulonglong(b.models.empty() ? 0 : b.models.front().fit.info.customers)));
    d.header = QStringList{QApplication::translate("charts", "Model"), QApplication::translate("charts", "Log-likelihood"), QApplication::translate("charts", "AIC"),
                           QApplication::translate("charts", "BIC"), QApplication::translate("charts", "Holdout MAE"),
                           QApplication::translate("charts", "Holdout RMSE"),
                           QApplication::translate("charts", "Predicted / actual purchases")};
    const QLocale l;
    for (const vs::PurchaseModelFit &m : b.models) {
        QString name = QString::fromUtf8(m.model->name);
        if (&m == b.chosenFit())
            name = QApplication::translate("charts", "%1 (chosen)").arg(name);
        QStringList row{name, l.toString(m.fit.info.logLikelihood, 'f', 1),
                        l.toString(m.aic, 'f', 1), l.toString(m.bic, 'f', 1)};
        if (m.holdout)
            row << l.toString(m.holdout->mae, 'f', 4) << l.toString(m.holdout->rmse, 'f', 4)
                << QStringLiteral("%1 / %2").arg(l.toString(m.holdout->predictedTotal, 'f', 1), l.toString(m.holdout->actualTotal, 'f', 0));
        else
            row << QStringLiteral("—") << QStringLiteral("—") << QStringLiteral("—");
        d.rows << row;
    }
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
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<MigrationChart>(w)->setInput(in); }},
    {vs::ChartView::Table, [](QWidget *p) -> QWidget * { return new TableChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &kind) {
         if (std::string_view(kind.key) == "model_comparison")
             as<TableChart>(w)->setData(in.results && in.results->btyd ? modelTable(*in.results->btyd) : TableChart::Data{});
         else
             as<TableChart>(w)->setData(in.results ? statisticsTable(*in.results) : TableChart::Data{});
     }},
    {vs::ChartView::Heatmap, [](QWidget *p) -> QWidget * { return new HeatmapChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &kind) {
         const auto &r = in.results;
         const std::string_view key = kind.key;
         if (key == "rfm_heatmap")
             as<HeatmapChart>(w)->setData(r && r->rfm ? rfmHeatmap(*r->rfm) : HeatmapChart::Data{});
         else if (key == "cohorts")
             as<HeatmapChart>(w)->setData(r && r->overTime && r->overTime->cohorts ? cohortHeatmap(*r->overTime->cohorts)
                                                                                    : HeatmapChart::Data{});
         else
             as<HeatmapChart>(w)->setData(r && r->btyd && !r->btyd->recencyGrid.empty() ? matrix(*r->btyd, key == "p_alive") : HeatmapChart::Data{});
     }},
    {vs::ChartView::Holdout, [](QWidget *p) -> QWidget * { return new HoldoutChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) { as<HoldoutChart>(w)->setResults(in.results); }},
    {vs::ChartView::PeriodMigration, [](QWidget *p) -> QWidget * { return new PeriodMigrationChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &) {
         const auto &r = in.results;
         if (!r || !r->overTime || !r->overTime->migration) {
             as<PeriodMigrationChart>(w)->setMigration(nullptr);
             return;
         }
         const vs::PeriodMigration &m = *r->overTime->migration;
         as<PeriodMigrationChart>(w)->setMigration(std::shared_ptr<const vs::PeriodMigration>(r->overTime, &m), columnColours(m, *r),
                                                   r->overTime->earlyWarnings.size());
     }},
    {vs::ChartView::Tracking, [](QWidget *p) -> QWidget * { return new TrackingChart(p); },
     [](QWidget *w, const Input &in, const vs::ChartKindInfo &kind) {
         as<TrackingChart>(w)->setResults(in.results, std::string_view(kind.key) == "tracking_cumulative");
     }},
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

Style styleOf(QWidget *chart)
{
    QWidget *w = surface(chart);
    if (auto *painted = qobject_cast<PaintedChart *>(w))
        return painted->chartStyle();
    if (auto *plain = qobject_cast<PlainChart *>(w))
        return plain->chartStyle();
    return screenStyle();
}

void setStyle(QWidget *chart, const Style &style)
{
    QWidget *w = surface(chart);
    if (auto *painted = qobject_cast<PaintedChart *>(w))
        painted->setChartStyle(style);
    else if (auto *plain = qobject_cast<PlainChart *>(w))
        plain->applyStyle(style);
}

void render(QWidget *chart, QPainter &p, const QRectF &target, QSize logical)
{
    render(chart, p, target, logical, styleOf(chart));
}

void render(QWidget *chart, QPainter &p, const QRectF &target, QSize logical, const Style &style)
{
    QWidget *w = surface(chart);
    const Style before = styleOf(chart);
    setStyle(chart, style);
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
    setStyle(chart, before);
}

QSize logicalSize(QSize size, int dpi)
{
    const double k = 96.0 / std::max(48, dpi);
    return QSize(std::max(200, int(std::lround(size.width() * k))), std::max(150, int(std::lround(size.height() * k))));
}

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
        render(chart, p, QRectF(QPointF(0, 0), QSizeF(size)), logicalSize(size, dpi), exportStyle(size, dpi));
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
    const QSize logical = logicalSize(size, dpi);
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
        render(chart, p, QRectF(QPointF(0, 0), QSizeF(size)), logical, exportStyle(size, dpi));
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&pdf);
        render(chart, p, QRectF(QPointF(0, 0), QSizeF(size)), logical, exportStyle(size, dpi));
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
