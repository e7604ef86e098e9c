#pragma once
// Descriptive statistics (S8), computed as pandas does: missing values skipped, sample variance.
#include <cstddef>
#include <cmath>
#include <span>
#include <vector>

namespace vs {

struct DescriptiveStats {
    size_t count = 0;
    double mean, median, variance, std, min, max; // NaN when undefined (variance needs count >= 2)
    double sum;
};

DescriptiveStats describe(std::span<const double> values);

// A running sum with Neumaier's compensation: what accurateSum() and describe() add up with.
struct Neumaier {
    double sum = 0, comp = 0;
    void add(double x)
    {
        const double t = sum + x;
        comp += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }
    double value() const { return sum + comp; }
};

// The first pass of describe(), value by value in order: count, sum, least and greatest. The
// order-line stream (order_store.h) keeps one per column across its chunks.
struct RunningStats {
    size_t count = 0;
    Neumaier sum;
    double mn = INFINITY, mx = -INFINITY;
    void add(double v) // not missing
    {
        ++count;
        sum.add(v);
        mn = v < mn ? v : mn;
        mx = v > mx ? v : mx;
    }
    // count, sum, mean, min and max as describe() gives them; median, variance and std missing
    DescriptiveStats first() const;
};

// Accurate sum (Neumaier) of the non-missing values.
double accurateSum(std::span<const double> values);

} // namespace vs
