#include "selection.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace vs {

namespace {
constexpr int kBits = 16;
constexpr size_t kBuckets = size_t(1) << kBits;

// Unsigned integers that sort like the doubles they come from.
inline uint64_t orderedKey(double x)
{
    const uint64_t u = std::bit_cast<uint64_t>(x);
    return (u >> 63) ? ~u : (u | (uint64_t(1) << 63));
}
inline size_t bucketOf(double x) { return size_t(orderedKey(x) >> (64 - kBits)); }

// The rank-th smallest of v, whose keys all share their top 16*level bits.
double selectWithin(std::vector<double> &v, size_t rank, int level)
{
    if (v.size() <= 4096 || level >= 4) {
        std::nth_element(v.begin(), v.begin() + long(rank), v.end());
        return v[rank];
    }
    const int shift = 64 - kBits * (level + 1);
    std::vector<uint32_t> hist(kBuckets, 0);
    for (double x : v)
        ++hist[size_t(orderedKey(x) >> shift) & (kBuckets - 1)];
    size_t b = 0, before = 0;
    while (before + hist[b] <= rank)
        before += hist[b++];
    if (hist[b] == v.size() && level == 3)
        return v[0]; // every key is the same: so is every value
    std::vector<double> sub;
    sub.reserve(hist[b]);
    for (double x : v)
        if ((size_t(orderedKey(x) >> shift) & (kBuckets - 1)) == b)
            sub.push_back(x);
    return selectWithin(sub, rank - before, level + 1);
}
} // namespace

RankSelector::RankSelector(std::span<const double> values) : m_values(values), m_cumulative(kBuckets + 1, 0)
{
    std::vector<uint32_t> hist(kBuckets, 0);
    for (double x : values)
        if (!std::isnan(x))
            ++hist[bucketOf(x)];
    uint32_t run = 0;
    for (size_t b = 0; b < kBuckets; ++b) {
        m_cumulative[b] = run;
        run += hist[b];
    }
    m_cumulative[kBuckets] = run;
    m_count = run;
}

std::vector<double> RankSelector::select(std::span<const size_t> ranks) const
{
    std::vector<double> out(ranks.size(), std::nan(""));
    if (m_count == 0)
        return out;
    // which bucket holds each rank
    std::vector<size_t> bucketOfRank(ranks.size());
    std::vector<size_t> needed;
    for (size_t i = 0; i < ranks.size(); ++i) {
        const size_t r = std::min(ranks[i], m_count - 1);
        const size_t b = size_t(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), uint32_t(r)) -
                                m_cumulative.begin()) - 1;
        bucketOfRank[i] = b;
        needed.push_back(b);
    }
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    std::vector<int> slot(kBuckets, -1);
    std::vector<std::vector<double>> gathered(needed.size());
    for (size_t k = 0; k < needed.size(); ++k) {
        slot[needed[k]] = int(k);
        gathered[k].reserve(m_cumulative[needed[k] + 1] - m_cumulative[needed[k]]);
    }
    for (double x : m_values) {
        if (std::isnan(x))
            continue;
        const int s = slot[bucketOf(x)];
        if (s >= 0)
            gathered[size_t(s)].push_back(x);
    }
    for (size_t i = 0; i < ranks.size(); ++i) {
        const size_t r = std::min(ranks[i], m_count - 1);
        std::vector<double> &g = gathered[size_t(slot[bucketOfRank[i]])];
        out[i] = selectWithin(g, r - m_cumulative[bucketOfRank[i]], 1);
    }
    return out;
}

} // namespace vs
