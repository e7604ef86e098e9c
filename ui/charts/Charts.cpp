#include "Charts.h"

#include "HeatmapChart.h"
#include "SegmentChart.h"
#include "core/analytics/analysis.h"

#include <QApplication>
#include <QAreaSeries>
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
                                                     "before the last order (value.observation_end)");
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

} // namespace

QStringList kinds()
{
    return {QStringLiteral("segments"), QStringLiteral("histogram"), QStringLiteral("pareto"), QStringLiteral("rfm_heatmap"), QStringLiteral("frequency_recency"),
            QStringLiteral("p_alive"), QStringLiteral("holdout")};
}

QString title(const QString &kind)
{
    if (kind == QLatin1String("segments")) return QApplication::translate("charts", "Segments");
    if (kind == QLatin1String("histogram")) return QApplication::translate("charts", "Distribution");
    if (kind == QLatin1String("pareto")) return QApplication::translate("charts", "Pareto");
    if (kind == QLatin1String("rfm_heatmap")) return QApplication::translate("charts", "RFM heatmap");
    if (kind == QLatin1String("frequency_recency")) return QApplication::translate("charts", "Frequency/recency");
    if (kind == QLatin1String("p_alive")) return QApplication::translate("charts", "P(alive)");
    if (kind == QLatin1String("holdout")) return QApplication::translate("charts", "Holdout check");
    return kind;
}

QWidget *create(const QString &kind, QWidget *parent)
{
    if (kind == QLatin1String("segments"))
        return new SegmentChart(parent);
    if (kind == QLatin1String("holdout"))
        return new HoldoutChart(parent);
    if (kind == QLatin1String("histogram"))
        return new HistogramChart(parent);
    if (kind == QLatin1String("pareto"))
        return new ParetoChart(parent);
    if (kinds().contains(kind))
        return new HeatmapChart(parent);
    return nullptr;
}

QString show(QWidget *chart, const QString &kind, std::shared_ptr<const vs::AnalysisResults> r)
{
    if (auto *s = qobject_cast<SegmentChart *>(chart)) {
        s->setResults(r);
        return r && !r->segments.empty() ? QString() : QApplication::translate("charts", "there are no segments");
    }
    if (auto *h = dynamic_cast<HoldoutChart *>(chart))
        return h->setResults(r);
    if (auto *h = dynamic_cast<HistogramChart *>(chart))
        return h->setResults(r);
    if (auto *h = dynamic_cast<ParetoChart *>(chart))
        return h->setResults(r);
    auto *heat = qobject_cast<HeatmapChart *>(chart);
    if (!heat)
        return QApplication::translate("charts", "unknown chart");
    if (kind == QLatin1String("rfm_heatmap")) {
        if (!r || !r->rfm) {
            heat->setData({});
            return QApplication::translate("charts", "the RFM heatmap needs RFM scores: order lines with the 'rfm' model "
                                                     "or RFM segments");
        }
        heat->setData(rfmHeatmap(*r->rfm));
        return {};
    }
    if (!r || !r->btyd) {
        heat->setData({});
        return QApplication::translate("charts", "this chart needs the 'predictive_clv' model (order lines)");
    }
    heat->setData(matrix(*r->btyd, kind == QLatin1String("p_alive")));
    return {};
}

vs::Status save(QWidget *chart, const QString &path, QSize size, int dpi)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext != QLatin1String("png") && ext != QLatin1String("svg") && ext != QLatin1String("pdf"))
        return vs::makeError(vs::ErrorKind::Io, "a chart is written as .png, .svg or .pdf, not '." + ext.toStdString() + "'",
                             path.toStdString());
    // lay the chart out at the asked size, off screen
    const QSize oldSize = chart->size();
    const bool wasVisible = chart->isVisible();
    if (!wasVisible) {
        chart->setAttribute(Qt::WA_DontShowOnScreen);
        chart->show();
    }
    chart->resize(size);
    QCoreApplication::sendPostedEvents();
    auto paint = [&](QPainter &p) {
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        if (auto *heat = qobject_cast<HeatmapChart *>(chart))
            heat->paintChart(p, QRectF(QPointF(0, 0), QSizeF(size)));
        else
            chart->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return vs::makeError(vs::ErrorKind::Io, "the chart cannot be written: " + file.errorString().toStdString(),
                             path.toStdString());
    bool ok = true;
    if (ext == QLatin1String("png")) {
        QImage img(size, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        img.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        img.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
        {
            QPainter p(&img);
            paint(p);
        }
        ok = img.save(&file, "PNG");
    } else if (ext == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chart->windowTitle());
        QPainter p(&svg);
        paint(p);
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&pdf);
        paint(p);
    }
    if (!wasVisible)
        chart->hide();
    chart->resize(oldSize);
    if (!ok || !file.commit())
        return vs::makeError(vs::ErrorKind::Io, "the chart cannot be written: " + file.errorString().toStdString(),
                             path.toStdString());
    return vs::Ok{};
}

vs::Status write(const vs::AnalysisResults &results, const std::string &kind, const std::string &path)
{
    const QString k = QString::fromStdString(kind);
    if (!kinds().contains(k))
        return vs::makeError(vs::ErrorKind::Project, "'" + kind + "' is not a chart kind; use one of " +
                                                         kinds().join(QStringLiteral(", ")).toStdString());
    std::unique_ptr<QWidget> chart(create(k));
    // the results live for the whole call: a non-owning pointer is enough
    const QString why = show(chart.get(), k, std::shared_ptr<const vs::AnalysisResults>(&results, [](auto *) {}));
    if (!why.isEmpty())
        return vs::makeError(vs::ErrorKind::Model, "the chart '" + kind + "' cannot be drawn: " + why.toStdString());
    return save(chart.get(), QString::fromStdString(path));
}

} // namespace charts
