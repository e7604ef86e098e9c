#pragma once
// Descriptive statistics (S8), computed as pandas does: missing values skipped, sample variance.
#include <cstddef>
#include <span>
#include <vector>

namespace vs {

struct DescriptiveStats {
    size_t count = 0;
    double mean, median, variance, std, min, max; // NaN when undefined (variance needs count >= 2)
    double sum;
};

DescriptiveStats describe(std::span<const double> values);

// Accurate sum (Neumaier) of the non-missing values.
double accurateSum(std::span<const double> values);

} // namespace vs
