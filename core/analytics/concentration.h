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
    // With values below zero the curve above rises past 1 and comes back: the same curve as a
    // share of the value above zero stays within 0-1 (customers at or below zero add nothing).
    size_t negativeCount = 0;
    double negativeTotal = 0, positiveTotal = 0;
    std::vector<double> positiveShare;    // filled when hasNegative, at the points of customerShare
    double top20PositiveShare = 0;        // the top 20 %'s share of the value above zero
};

// Missing values are left out.
Concentration concentration(std::span<const double> values);

struct Histogram {
    std::vector<double> edges;  // bins + 1, equal width from min to max (numpy.histogram)
    std::vector<size_t> counts; // the last bin includes its right edge
    // A skewed distribution (see valueDistribution) is binned on a log scale instead: edges grow by
    // the same factor from the least value above zero to the greatest, and the values at or below
    // zero are counted apart. The first edge is at least the 0.5th percentile of the values above
    // zero and a 100,000th of the greatest: the first bin then also takes the few smaller values.
    bool logScale = false;
    size_t atOrBelowZero = 0;
};

Histogram histogram(std::span<const double> values, int bins);
// How a distribution is best drawn: histogram(values, bins), unless it is skewed (one equal-width
// bin holds at least half of the values, or the skewness is above 2) while most values are above
// zero and spread over more than two powers of ten; then the values above zero in log-spaced bins.
Histogram valueDistribution(std::span<const double> values, int bins);

} // namespace vs
