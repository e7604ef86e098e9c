#pragma once
// How concentrated value is: the Pareto / Lorenz curve, the Gini coefficient, the share of value
// of the top 20 % of customers, and the value distribution as a histogram.
#include <span>
#include <vector>

namespace vs {

struct Concentration {
    size_t customers = 0;    // with a value
    double gini = 0;         // (2 sum i x_(i)) / (n sum x) - (n + 1) / n, x ascending
    double top20Share = 0;   // value of the ceil(20 %) most valuable customers / all value
    bool hasNegative = false;
    // the curve: share of customers (most valuable first) against cumulative share of value,
    // at most 1,001 points from (0, 0) to (1, 1)
    std::vector<double> customerShare, valueShare;
};

// Missing values are left out.
Concentration concentration(std::span<const double> values);

struct Histogram {
    std::vector<double> edges;  // bins + 1, equal width from min to max (numpy.histogram)
    std::vector<size_t> counts; // the last bin includes its right edge
};

Histogram histogram(std::span<const double> values, int bins);

} // namespace vs
