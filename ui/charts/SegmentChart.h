#pragma once
// Customers and value per segment, as shares in percent side by side. Fed only from results;
// clicking a segment's bar asks for the customer table to be filtered to it.
#include <QChartView>

#include <memory>

namespace vs { struct AnalysisResults; }

class SegmentChart : public QChartView {
    Q_OBJECT
public:
    explicit SegmentChart(QWidget *parent = nullptr);
    void setResults(std::shared_ptr<const vs::AnalysisResults> results);

signals:
    void segmentClicked(int segment);
};
