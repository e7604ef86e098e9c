#include "Charts.h"

#include "HeatmapChart.h"
#include "SegmentChart.h"
#include "core/analytics/analysis.h"

#include <QApplication>
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

// Calibration against holdout: mean purchases after the observation end, actual and predicted,
// by the number of repeat purchases before it.
class HoldoutChart : public QChartView {
public:
    explicit HoldoutChart(QWidget *parent) : QChartView(parent)
    {
        setRenderHint(QPainter::Antialiasing);
        auto *c = new QChart;
        c->setAnimationOptions(QChart::NoAnimation);
        c->legend()->setAlignment(Qt::AlignBottom);
        setChart(c);
        setMinimumHeight(220);
    }
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
    {
        QChart *c = chart();
        c->removeAllSeries();
        for (QAbstractAxis *a : c->axes())
            c->removeAxis(a), delete a;
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
    return {QStringLiteral("segments"), QStringLiteral("rfm_heatmap"), QStringLiteral("frequency_recency"),
            QStringLiteral("p_alive"), QStringLiteral("holdout")};
}

QString title(const QString &kind)
{
    if (kind == QLatin1String("segments")) return QApplication::translate("charts", "Segments");
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
