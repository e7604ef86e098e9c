#pragma once
// The charts of value drawn with Qt Charts: the distribution (with the segment boundaries; a log
// scale for a skewed measure), the Pareto curve (with the Gini coefficient and the top 20 %'s
// share) and the holdout check of predictive CLV. Fed only from the results.
#include "PlainChart.h"

#include <memory>

namespace vs { struct AnalysisResults; }

class HistogramChart : public PlainChart {
    Q_OBJECT
public:
    using PlainChart::PlainChart;
    // An empty string, or why there is nothing to draw.
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r);
    QString tipAt(const QPointF &value) const override;
    bool logScale() const { return m_log; }

private:
    std::shared_ptr<const vs::AnalysisResults> m_results;
    bool m_log = false;
};

class ParetoChart : public PlainChart {
    Q_OBJECT
public:
    using PlainChart::PlainChart;
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r);
    QString tipAt(const QPointF &value) const override;

private:
    std::shared_ptr<const vs::AnalysisResults> m_results;
};

class HoldoutChart : public PlainChart {
    Q_OBJECT
public:
    using PlainChart::PlainChart;
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r);
    QString tipAt(const QPointF &value) const override;

private:
    std::shared_ptr<const vs::AnalysisResults> m_results;
};

// Repeat purchases per period, actual against each fitted purchase model, incremental or
// cumulative, with the end of the calibration period marked.
class TrackingChart : public PlainChart {
    Q_OBJECT
public:
    using PlainChart::PlainChart;
    QString setResults(const std::shared_ptr<const vs::AnalysisResults> &r, bool cumulative);
    QString tipAt(const QPointF &value) const override;

private:
    std::shared_ptr<const vs::AnalysisResults> m_results;
    bool m_cumulative = false;
};
