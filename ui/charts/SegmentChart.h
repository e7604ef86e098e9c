#pragma once
// Customers and value per segment (a BarTable): one row per segment, in the segments' order and
// colours, with the share of customers (light bar) and of value (solid bar) and both percentages
// in columns of their own. Fed only from results; clicking a segment's row asks for the customer
// table to be filtered to it.
#include "BarTable.h"

#include <memory>

namespace vs { struct AnalysisResults; }

class SegmentChart : public BarTable {
    Q_OBJECT
public:
    explicit SegmentChart(QWidget *parent = nullptr);
    void setResults(std::shared_ptr<const vs::AnalysisResults> results);

signals:
    void segmentClicked(int segment);
};
