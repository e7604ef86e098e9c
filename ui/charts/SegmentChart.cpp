#include "SegmentChart.h"

#include "Palette.h"
#include "core/analytics/analysis.h"
#include "ui/NumberFormat.h"

#include <cmath>

SegmentChart::SegmentChart(QWidget *parent) : BarTable(parent)
{
    connect(this, &BarTable::rowClicked, this, &SegmentChart::segmentClicked);
}

void SegmentChart::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    Data d;
    d.title = tr("Customers and value by segment");
    d.empty = tr("No segments yet");
    d.headings = QStringList{tr("Customers"), tr("Value")};
    if (results) {
        size_t segmented = 0;
        for (const vs::SegmentRow &s : results->segments)
            segmented += s.count;
        for (size_t k = 0; k < results->segments.size(); ++k) {
            const vs::SegmentRow &s = results->segments[k];
            Row r;
            r.name = QString::fromStdString(s.label);
            r.colour = palette::segment(int(k));
            r.first = segmented ? double(s.count) / double(segmented) : 0.0;
            r.second = s.shareOfValue;
            r.cells = QStringList{numbers::percent(r.first), numbers::percent(r.second)};
            r.tip = tr("%1\n%2 customers, %3 of those in a segment\nvalue %4, %5 of all value\nmean value %6")
                        .arg(r.name, numbers::count(qulonglong(s.count)), numbers::percent(r.first),
                             numbers::money(s.totalValue), numbers::percent(s.shareOfValue), numbers::money(s.meanValue));
            d.rows.push_back(std::move(r));
        }
    }
    setData(std::move(d));
}
