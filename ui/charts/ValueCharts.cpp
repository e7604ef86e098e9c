#include "ValueCharts.h"

#include "core/analytics/analysis.h"
#include "core/domain/models.h"
#include "core/table/table.h"

#include <QAreaSeries>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace {


const QColor kBars(0x3b, 0x6e, 0xa5), kBarsBorder(0x23, 0x45, 0x6b);
const QColor kBoundary(0xd5, 0x5e, 0x00); // Okabe-Ito vermillion

// Ticks at powers of ten from lo to hi (every second or third when there are many), with 2 and 5
// between them when the range is short: at most six.
std::vector<double> logTicks(double lo, double hi)
{
    std::vector<double> out;
    const int a = int(std::floor(std::log10(lo))), b = int(std::ceil(std::log10(hi)));
    const bool short_ = b - a <= 2;
    const int every = std::max(1, (b - a + 5) / 6);
    for (int k = a; k <= b; ++k)
        for (double m : short_ ? std::vector<double>{1, 2, 5} : std::vector<double>{1}) {
            if (!short_ && (k - a) % every)
                continue;
            const double v = m * std::pow(10.0, k);
            if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12))
                out.push_back(v);
        }
    return out;
}

// Two sentences one after the other (a space between them in English, none in Chinese).
QString sentences(const QString &a, const QString &b)
{
    return QApplication::translate("charts", "%1 %2", "two sentences, one after the other").arg(a, b);
}

} // namespace

// ---- distribution -----------------------------------------------------------------------------

QString HistogramChart::setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
{
    clear();
    m_results = r;
    m_positionTips = true;
    m_log = false;
    if (!r || !r->valueHistogram || r->valueHistogram->counts.empty()) {
        setTitle(QApplication::translate("charts", "No values to show"));
        finish();
        return QApplication::translate("charts", "no customer has a value");
    }
    const vs::Histogram &h = *r->valueHistogram;
    m_log = h.logScale;
    const size_t bins = h.counts.size();
    setTitle(QApplication::translate("charts", "Distribution of customer value (%1 customers)").arg(numbers::count(qulonglong(r->valuedCount))));
    // on a log scale the bars are laid out by bin (each spans the same factor of values) and the
    // values at or below zero get a bar of their own on the left
    const double e0 = h.edges.front(), eN = h.edges.back();
    const bool below = m_log && h.atOrBelowZero > 0;
    auto xOf = [&](double v) {
        if (!m_log)
            return v;
        if (v <= 0)
            return below ? -0.3 : 0.0;
        return std::clamp((std::log(v) - std::log(e0)) / (std::log(eN) - std::log(e0)), 0.0, 1.0) * double(bins);
    };
    auto *upper = new QLineSeries;
    double top = 0;
    for (size_t i = 0; i < bins; ++i) {
        upper->append(m_log ? double(i) : h.edges[i], double(h.counts[i]));
        upper->append(m_log ? double(i + 1) : h.edges[i + 1], double(h.counts[i]));
        top = std::max(top, double(h.counts[i]));
    }
    auto *area = new QAreaSeries(upper);
    area->setName(QApplication::translate("charts", "customers"));
    area->setColor(kBars);
    area->setBorderColor(kBarsBorder);
    chart()->addSeries(area);
    if (below) {
        auto *zero = new QLineSeries;
        zero->append(-1.5, double(h.atOrBelowZero));
        zero->append(-0.6, double(h.atOrBelowZero));
        auto *bar = new QAreaSeries(zero);
        bar->setName(QApplication::translate("charts", "0 or less"));
        bar->setColor(QColor(0xbb, 0xbb, 0xbb));
        bar->setBorderColor(QColor(0x77, 0x77, 0x77));
        chart()->addSeries(bar);
        top = std::max(top, double(h.atOrBelowZero));
    }
    const numbers::Ticks yTicks = countTicks(top * 1.05);
    if (r->segmentBy == "value" && r->edges.size() > 2) {
        for (size_t k = 1; k + 1 < r->edges.size(); ++k) {
            auto *line = new QLineSeries;
            line->append(xOf(r->edges[k]), 0);
            line->append(xOf(r->edges[k]), yTicks.last);
            line->setPen(QPen(kBoundary, 2, Qt::DashLine));
            line->setName(QApplication::translate("charts", "segment boundaries"));
            chart()->addSeries(line); // the legend names them once
        }
    }
    QCategoryAxis *x = nullptr;
    if (!m_log) {
        const numbers::Ticks t = numbers::niceTicks(e0, eN, 6);
        x = tickAxis(t, [t](double v) { return numbers::tick(v, t); }, true);
    } else {
        x = new QCategoryAxis;
        x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        x->setStartValue(below ? -1.6 : 0);
        if (below)
            x->append(QApplication::translate("charts", "≤ 0"), -1.05);
        for (double v : logTicks(e0, eN)) {
            numbers::Ticks own; // on a log scale each label has its own unit: 100, 1,000, 10k
            own.first = own.last = own.step = v;
            x->append(numbers::tick(v, own), xOf(v));
        }
        x->setRange(below ? -1.6 : 0, double(bins));
        const QString scale = QApplication::translate("charts", "Log scale: every bar spans the same ratio of values, so that the many "
                                                                "small values and the few large ones both show.");
        setNote(!below ? scale
                       : sentences(scale, h.atOrBelowZero == 1
                                              ? QApplication::translate("charts", "The one customer with a value of 0 or less is in the grey bar.")
                                              : QApplication::translate("charts", "The %1 customers with a value of 0 or less are in the grey bar.")
                                                    .arg(numbers::count(qulonglong(h.atOrBelowZero)))));
    }
    x->setTitleText(m_log ? QApplication::translate("charts", "value (log scale)") : QApplication::translate("charts", "value"));
    QCategoryAxis *y = tickAxis(yTicks, [yTicks](double v) { return numbers::tick(v, yTicks); });
    setVerticalTitle(QApplication::translate("charts", "customers"));
    attach(x, y);
    finish();
    return {};
}

QString HistogramChart::tipAt(const QPointF &value) const
{
    if (!m_results || !m_results->valueHistogram)
        return {};
    const vs::Histogram &h = *m_results->valueHistogram;
    const vs::Meaning meaning = m_results->meaningOf("value");
    const double x = value.x();
    size_t i = 0;
    if (m_log) {
        if (x >= 0 && x < 1) // the first bin also holds the smallest values (see vs::valueDistribution)
            return QApplication::translate("charts", "up to %1: %2 customers")
                .arg(numbers::statistic(h.edges[1], meaning), numbers::count(qulonglong(h.counts[0])));
        if (x < -0.5)
            return h.atOrBelowZero ? QApplication::translate("charts", "0 or less: %1 customers").arg(numbers::count(qulonglong(h.atOrBelowZero)))
                                   : QString();
        if (x < 0 || x >= double(h.counts.size()))
            return {};
        i = size_t(x);
    } else {
        if (x < h.edges.front() || x > h.edges.back())
            return {};
        while (i + 1 < h.counts.size() && x >= h.edges[i + 1])
            ++i;
    }
    return QApplication::translate("charts", "%1 to %2: %3 customers")
        .arg(numbers::statistic(h.edges[i], meaning), numbers::statistic(h.edges[i + 1], meaning),
             numbers::count(qulonglong(h.counts[i])));
}

// ---- Pareto curve -----------------------------------------------------------------------------

QString ParetoChart::setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
{
    clear();
    m_results = r;
    m_positionTips = true;
    if (!r || !r->concentration || r->concentration->customerShare.empty()) {
        setTitle(QApplication::translate("charts", "No values to show"));
        finish();
        return QApplication::translate("charts", "no customer has a value");
    }
    const vs::Concentration &c = *r->concentration;
    // with values below zero the curve of the net total rises past 100 % and comes back: the
    // chart shows shares of the value above zero instead, and its note says so
    const bool negative = c.hasNegative && !c.positiveShare.empty();
    const std::vector<double> &shares = negative ? c.positiveShare : c.valueShare;
    const double top20 = negative ? c.top20PositiveShare : c.top20Share;
    const QString gini = QLocale().toString(c.gini, 'f', 3);
    setTitle(negative ? QApplication::translate("charts", "Top 20 % of customers bring %1 of the value above zero · Gini %2").arg(numbers::percent(top20), gini)
                               : QApplication::translate("charts", "Top 20 % of customers bring %1 of value · Gini %2").arg(numbers::percent(top20), gini));
    auto *curve = new QLineSeries;
    curve->setName(negative ? QApplication::translate("charts", "cumulative share of the value above zero") : QApplication::translate("charts", "cumulative share of value"));
    for (size_t k = 0; k < c.customerShare.size(); ++k)
        curve->append(100 * c.customerShare[k], 100 * std::clamp(shares[k], 0.0, 1.0));
    curve->setPen(QPen(QColor(0x00, 0x72, 0xb2), 2.5));
    auto *equal = new QLineSeries;
    equal->setName(QApplication::translate("charts", "all customers alike"));
    equal->append(0, 0);
    equal->append(100, 100);
    equal->setPen(QPen(QColor(0x99, 0x99, 0x99), 1.5, Qt::DashLine));
    auto *mark = new QScatterSeries;
    mark->setName(QApplication::translate("charts", "top 20 %"));
    mark->append(20, 100 * std::clamp(top20, 0.0, 1.0));
    mark->setColor(QColor(0xd5, 0x5e, 0x00));
    mark->setMarkerSize(11);
    mark->setPointLabelsVisible(true);
    mark->setPointLabelsFormat(numbers::percent(top20));
    chart()->addSeries(curve);
    chart()->addSeries(equal);
    chart()->addSeries(mark);
    const numbers::Ticks t = numbers::niceTicks(0, 100, 5);
    auto label = [t](double v) { return numbers::percentTick(v, t); };
    QCategoryAxis *x = tickAxis(t, label, true);
    x->setTitleText(QApplication::translate("charts", "share of customers, most valuable first"));
    QCategoryAxis *y = tickAxis(t, label);
    setVerticalTitle(negative ? QApplication::translate("charts", "share of the value above zero") : QApplication::translate("charts", "share of value"));
    attach(x, y);
    if (negative)
        setNote(sentences((c.negativeCount == 1 ? QApplication::translate("charts", "One customer has a value below zero (%1).")
                                                : QApplication::translate("charts", "%2 customers have a value below zero (%1 in all)."))
                              .arg(numbers::money(c.negativeTotal), numbers::count(qulonglong(c.negativeCount))),
                          QApplication::translate("charts", "The curve shows shares of the value above zero (%1), so it ends at 100 %; "
                                                            "of the net total (%2) the top 20 % bring %3.")
                              .arg(numbers::money(c.positiveTotal), numbers::money(r->totalValue), numbers::percent(c.top20Share))));
    finish();
    return {};
}

QString ParetoChart::tipAt(const QPointF &value) const
{
    if (!m_results || !m_results->concentration || value.x() < 0 || value.x() > 100)
        return {};
    const vs::Concentration &c = *m_results->concentration;
    const bool negative = c.hasNegative && !c.positiveShare.empty();
    const std::vector<double> &shares = negative ? c.positiveShare : c.valueShare;
    const auto it = std::lower_bound(c.customerShare.begin(), c.customerShare.end(), value.x() / 100);
    const size_t k = std::min<size_t>(size_t(it - c.customerShare.begin()), c.customerShare.size() - 1);
    return (negative ? QApplication::translate("charts", "Top %1 of customers: %2 of the value above zero") : QApplication::translate("charts", "Top %1 of customers: %2 of value"))
        .arg(numbers::percent(c.customerShare[k]), numbers::percent(shares[k]));
}

// ---- holdout check ----------------------------------------------------------------------------

QString HoldoutChart::setResults(const std::shared_ptr<const vs::AnalysisResults> &r)
{
    QChart *c = chart();
    clear();
    m_results = r;
    m_positionTips = true;
    if (!r || !r->btyd || r->btyd->holdout.empty()) {
        setTitle(QApplication::translate("charts", "No holdout period: set an observation end before the last order"));
        finish();
        return QApplication::translate("charts", "the holdout chart needs predictive CLV and an observation end before the last order");
    }
    const vs::BtydInfo &b = *r->btyd;
    setTitle(QApplication::translate("charts", "Purchases in the holdout period (%1): actual and predicted")
                    .arg(numbers::duration(b.holdoutLength, QString::fromStdString(b.timeUnit))));
    auto *actual = new QLineSeries;
    actual->setName(QApplication::translate("charts", "actual"));
    auto *predicted = new QLineSeries;
    predicted->setName(QApplication::translate("charts", "predicted (%1)")
                           .arg(QString::fromUtf8(b.chosenFit() ? b.chosenFit()->model->name : "")));
    auto *axisX = new QCategoryAxis;
    axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axisX->setStartValue(-0.3); // the first label clear of the vertical axis' labels
    double top = 0;
    for (const vs::HoldoutRow &h : b.holdout) {
        actual->append(h.frequency, h.actual);
        predicted->append(h.frequency, h.predicted);
        top = std::max({top, h.actual, h.predicted});
        axisX->append(h.orMore ? QStringLiteral("%1+").arg(h.frequency) : QString::number(h.frequency), h.frequency);
    }
    predicted->setPen(QPen(QColor(0xe6, 0x9f, 0x00), 2.5, Qt::DashLine));
    actual->setPen(QPen(QColor(0x00, 0x72, 0xb2), 2.5));
    actual->setPointsVisible(true);
    predicted->setPointsVisible(true);
    c->addSeries(actual);
    c->addSeries(predicted);
    axisX->setRange(-0.3, b.holdout.back().frequency + 0.3);
    axisX->setTitleText(QApplication::translate("charts", "repeat purchases up to the observation end"));
    const numbers::Ticks t = numbers::niceTicks(0, std::max(0.5, top * 1.1), 5);
    QCategoryAxis *axisY = tickAxis(t, [t](double v) { return numbers::tick(v, t); });
    setVerticalTitle(QApplication::translate("charts", "mean purchases per customer"));
    attach(axisX, axisY);
    finish();
    return {};
}

QString HoldoutChart::tipAt(const QPointF &value) const
{
    if (!m_results || !m_results->btyd || m_results->btyd->holdout.empty())
        return {};
    const auto &rows = m_results->btyd->holdout;
    const long i = std::clamp(std::lround(value.x()), 0L, long(rows.size() - 1));
    const vs::HoldoutRow &h = rows[size_t(i)];
    return QApplication::translate("charts", "%1 repeat purchases: %2 customers\nactual %3, predicted %4")
        .arg(h.orMore ? QStringLiteral("%1+").arg(h.frequency) : QString::number(h.frequency), numbers::count(qulonglong(h.customers)),
             QLocale().toString(h.actual, 'f', 3), QLocale().toString(h.predicted, 'f', 3));
}

// ---- tracking ---------------------------------------------------------------------------------

namespace {

const QColor kModelColours[] = {QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                QColor(0xd5, 0x5e, 0x00)};

std::vector<double> cumulated(const std::vector<double> &v, bool cumulative)
{
    std::vector<double> out(v);
    if (cumulative)
        for (size_t k = 1; k < out.size(); ++k)
            out[k] += out[k - 1];
    return out;
}

} // namespace

QString TrackingChart::setResults(const std::shared_ptr<const vs::AnalysisResults> &r, bool cumulative)
{
    QChart *c = chart();
    clear();
    m_results = r;
    m_cumulative = cumulative;
    m_positionTips = true;
    if (!r || !r->btyd || r->btyd->models.empty() || r->btyd->tracking.actual.empty()) {
        setTitle(QApplication::translate("charts", "No purchase model could be fitted"));
        finish();
        return QApplication::translate("charts", "the tracking chart needs predictive CLV with a fitted purchase model");
    }
    const vs::BtydInfo &b = *r->btyd;
    const vs::TrackingSeries &t = b.tracking;
    const bool weeks = b.period == "day" || b.period.empty();
    setTitle(cumulative ? QApplication::translate("charts", "Cumulative repeat purchases: actual and expected by each model")
                        : weeks ? QApplication::translate("charts", "Repeat purchases per week: actual and expected by each model")
                                : QApplication::translate("charts", "Repeat purchases per period: actual and expected by each model"));
    double top = 0;
    auto addLine = [&](const std::vector<double> &values, const QString &name, const QPen &pen) {
        auto *line = new QLineSeries;
        line->setName(name);
        const std::vector<double> v = cumulated(values, cumulative);
        for (size_t k = 0; k < v.size(); ++k) {
            line->append(double(k), v[k]);
            top = std::max(top, v[k]);
        }
        line->setPen(pen);
        c->addSeries(line);
    };
    addLine(t.actual, QApplication::translate("charts", "actual"), QPen(QColor(0x00, 0x72, 0xb2), 2.5));
    for (size_t m = 0; m < t.expected.size() && m < b.models.size(); ++m)
        addLine(t.expected[m], QString::fromUtf8(b.models[m].model->name),
                QPen(kModelColours[m % 4], 2, int(m) == b.chosen ? Qt::SolidLine : Qt::DashLine));
    // the end of the calibration period
    auto *end = new QLineSeries;
    end->setName(QApplication::translate("charts", "end of calibration"));
    const double at = double(t.calibrationPeriods) - 0.5;
    const numbers::Ticks ty = numbers::niceTicks(0, std::max(1.0, top * 1.05), 5);
    end->append(at, 0);
    end->append(at, ty.last);
    end->setPen(QPen(Qt::gray, 1.5, Qt::DotLine));
    c->addSeries(end);
    auto *axisX = new QCategoryAxis;
    axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const size_t n = t.actual.size();
    const size_t step = std::max<size_t>(1, (n + 4) / 5);
    for (size_t k = step / 2; k < n; k += step) // year and month, clear of the vertical axis: whole labels fit
        axisX->append(QString::fromStdString(vs::formatDate(t.periodStart[k]).substr(0, 7)), double(k));
    axisX->setRange(0, double(n - 1));
    axisX->setTitleText(weeks ? QApplication::translate("charts", "week (its first day)")
                              : QApplication::translate("charts", "period (its first day)"));
    axisX->setLabelsAngle(0);
    QCategoryAxis *axisY = tickAxis(ty, [ty](double v) { return numbers::tick(v, ty); });
    setVerticalTitle(QApplication::translate("charts", "repeat purchases"));
    attach(axisX, axisY);
    finish();
    return {};
}

QString TrackingChart::tipAt(const QPointF &value) const
{
    if (!m_results || !m_results->btyd || m_results->btyd->tracking.actual.empty())
        return {};
    const vs::BtydInfo &b = *m_results->btyd;
    const vs::TrackingSeries &t = b.tracking;
    const size_t k = size_t(std::clamp(std::lround(value.x()), 0L, long(t.actual.size() - 1)));
    QString tip = QApplication::translate("charts", "from %1: actual %2")
                      .arg(QString::fromStdString(vs::formatDate(t.periodStart[k])),
                           QLocale().toString(cumulated(t.actual, m_cumulative)[k], 'f', 0));
    for (size_t m = 0; m < t.expected.size() && m < b.models.size(); ++m)
        tip += QStringLiteral("\n%1: %2").arg(QString::fromUtf8(b.models[m].model->name),
                                               QLocale().toString(cumulated(t.expected[m], m_cumulative)[k], 'f', 1));
    return tip;
}
