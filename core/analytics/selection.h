#pragma once
// Order statistics (the k-th smallest value) of a large column without sorting or copying it:
// one pass builds a histogram over the top 16 bits of each value's ordered bit pattern, a
// second pass gathers only the values in the buckets that hold the wanted ranks.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace vs {

class RankSelector {
public:
    explicit RankSelector(std::span<const double> values); // missing values (NaN) are skipped
    size_t count() const { return m_count; }
    // The values at these 0-based ranks among the non-missing values (each rank < count()).
    std::vector<double> select(std::span<const size_t> ranks) const;

private:
    std::span<const double> m_values;
    std::vector<uint32_t> m_cumulative; // values in buckets before b
    size_t m_count = 0;
};

} // namespace vs
