#include "SegmentChart.h"

#include "core/analytics/analysis.h"

#include <QBarCategoryAxis>
#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

SegmentChart::SegmentChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setMinimumHeight(220);
}

void SegmentChart::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes())
        c->removeAxis(a), delete a;
    if (!results || results->segments.empty()) {
        c->setTitle(tr("No segments yet"));
        return;
    }
    c->setTitle(tr("Customers and value by segment"));
    auto *customers = new QBarSet(tr("% of customers"));
    auto *value = new QBarSet(tr("% of value"));
    customers->setColor(QColor(0x4e, 0x79, 0xa7));
    value->setColor(QColor(0xf2, 0x8e, 0x2b));
    size_t segmented = 0;
    for (const vs::SegmentRow &s : results->segments)
        segmented += s.count;
    // horizontal bars, first segment at the top: long segment names get the room they need
    const int n = int(results->segments.size());
    QStringList categories;
    double top = 0;
    for (int k = n - 1; k >= 0; --k) {
        const vs::SegmentRow &s = results->segments[size_t(k)];
        const double pc = segmented ? 100.0 * double(s.count) / double(segmented) : 0.0;
        const double pv = std::isnan(s.shareOfValue) ? 0.0 : 100.0 * s.shareOfValue;
        *customers << pc;
        *value << pv;
        top = std::max({top, pc, pv});
        categories << tr("%1 (%2 customers)").arg(QString::fromStdString(s.label), QLocale().toString(qulonglong(s.count)));
    }
    auto *series = new QHorizontalBarSeries;
    // the value set first so that, read from the top, customers come before value
    series->append(value);
    series->append(customers);
    series->setLabelsVisible(n <= 16); // more would overlap; hover tells
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(3);
    customers->setLabelColor(QColor(0x2b, 0x45, 0x5e));
    value->setLabelColor(QColor(0x8a, 0x4b, 0x10));
    c->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setRange(0, std::max(10.0, top * 1.15));
    x->applyNiceNumbers();
    x->setLabelFormat(QStringLiteral("%.0f %"));
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    connect(series, &QHorizontalBarSeries::clicked, this, [this, n](int index, QBarSet *) { emit segmentClicked(n - 1 - index); });
    connect(series, &QHorizontalBarSeries::hovered, this, [results, n](bool on, int bar, QBarSet *set) {
        const int index = n - 1 - bar;
        if (!on || bar < 0 || index < 0 || index >= n) {
            QToolTip::hideText();
            return;
        }
        const vs::SegmentRow &s = results->segments[size_t(index)];
        QToolTip::showText(QCursor::pos(), tr("%1: %2 customers, total value %3, %4 = %5 %")
                                               .arg(QString::fromStdString(s.label))
                                               .arg(s.count)
                                               .arg(QLocale().toString(s.totalValue, 'f', 2), set->label())
                                               .arg(QLocale().toString(set->at(bar), 'f', 2)));
    });
}
