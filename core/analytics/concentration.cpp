#include "concentration.h"

#include "core/analytics/stats.h"

#include <boost/sort/spreadsort/float_sort.hpp>

#include <algorithm>
#include <cmath>

namespace vs {

Concentration concentration(std::span<const double> values)
{
    Concentration c;
    std::vector<double> x;
    x.reserve(values.size());
    for (double v : values)
        if (!std::isnan(v))
            x.push_back(v);
    const size_t n = x.size();
    c.customers = n;
    if (n == 0)
        return c;
    // ascending; a radix sort for floats, ~3x std::sort on a million values
    boost::sort::spreadsort::float_sort(x.begin(), x.end());
    const double total = accurateSum(x);
    c.hasNegative = x.front() < 0;
    const size_t firstPositive = size_t(std::upper_bound(x.begin(), x.end(), 0.0) - x.begin());
    const size_t firstNonNegative = size_t(std::lower_bound(x.begin(), x.end(), 0.0) - x.begin());
    c.negativeCount = firstNonNegative;
    c.negativeTotal = accurateSum(std::span<const double>(x.data(), firstNonNegative));
    c.positiveTotal = accurateSum(std::span<const double>(x.data() + firstPositive, n - firstPositive));
    double weighted = 0, comp = 0;
    for (size_t j = 0; j < n; ++j) { // Neumaier sum of i * x_(i), i = j + 1
        const double term = double(j + 1) * x[j];
        const double t = weighted + term;
        comp += std::fabs(weighted) >= std::fabs(term) ? (weighted - t) + term : (term - t) + weighted;
        weighted = t;
    }
    weighted += comp;
    c.gini = total != 0 ? 2 * weighted / (double(n) * total) - double(n + 1) / double(n) : 0.0;
    const size_t top = size_t(std::ceil(0.2 * double(n)));
    const double topSum = accurateSum(std::span<const double>(x.data() + (n - top), top));
    c.top20Share = total != 0 ? topSum / total : 0.0;
    if (c.hasNegative) {
        double topPositive = 0;
        for (size_t j = std::max(n - top, firstPositive); j < n; ++j)
            topPositive += x[j];
        c.top20PositiveShare = c.positiveTotal > 0 ? topPositive / c.positiveTotal : 0.0;
    }
    // the curve, most valuable first, sampled at most 1,000 steps
    const size_t steps = std::min<size_t>(n, 1000);
    c.customerShare.push_back(0);
    c.valueShare.push_back(0);
    if (c.hasNegative)
        c.positiveShare.push_back(0);
    double cum = 0, cumPositive = 0;
    size_t done = 0;
    for (size_t s = 1; s <= steps; ++s) {
        const size_t upto = (n * s) / steps;
        for (; done < upto; ++done) {
            const double v = x[n - 1 - done];
            cum += v;
            cumPositive += v > 0 ? v : 0;
        }
        c.customerShare.push_back(double(upto) / double(n));
        c.valueShare.push_back(total != 0 ? cum / total : 0.0);
        if (c.hasNegative)
            c.positiveShare.push_back(c.positiveTotal > 0 ? std::min(1.0, cumPositive / c.positiveTotal) : 0.0);
    }
    return c;
}

Histogram histogram(std::span<const double> values, int bins)
{
    Histogram h;
    double lo = INFINITY, hi = -INFINITY;
    for (double v : values)
        if (!std::isnan(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!std::isfinite(lo) || bins < 1)
        return h;
    if (lo == hi) { // numpy: a range of width 1 around the single value
        lo -= 0.5;
        hi += 0.5;
    }
    // numpy.linspace(lo, hi, bins + 1)
    const double step = (hi - lo) / bins;
    for (int i = 0; i <= bins; ++i)
        h.edges.push_back(i == bins ? hi : lo + i * step);
    h.counts.assign(size_t(bins), 0);
    const double norm = bins / (hi - lo);
    for (double v : values) {
        if (std::isnan(v))
            continue;
        // numpy's fast path: index by arithmetic, then correct against the edges
        long i = long((v - lo) * norm);
        i = std::clamp(i, 0L, long(bins) - 1);
        if (v < h.edges[size_t(i)])
            --i;
        else if (i + 1 < bins && v >= h.edges[size_t(i) + 1])
            ++i;
        h.counts[size_t(i)]++;
    }
    return h;
}

Histogram valueDistribution(std::span<const double> values, int bins)
{
    Histogram h = histogram(values, bins);
    if (h.counts.empty())
        return h;
    size_t n = 0, positive = 0;
    double lo = INFINITY, hi = 0, sum = 0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        ++n;
        sum += v;
        if (v > 0) {
            ++positive;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (2 * positive < n || !(hi > 100 * lo))
        return h;
    const size_t tallest = *std::max_element(h.counts.begin(), h.counts.end());
    // skewness (the moment coefficient): above 2, most values crowd into the first bars
    const auto skewness = [&] {
        const double mean = sum / double(n);
        double m2 = 0, m3 = 0;
        for (double v : values)
            if (!std::isnan(v)) {
                const double d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
            }
        m2 /= double(n);
        m3 /= double(n);
        return m2 > 0 ? m3 / std::pow(m2, 1.5) : 0.0;
    };
    if (!(2 * tallest >= n || skewness() > 2))
        return h;
    Histogram log;
    log.logScale = true;
    log.atOrBelowZero = n - positive;
    // from the least half per cent of the values above zero (they go into the first bin), so that a
    // few tiny values do not stretch the axis over empty powers of ten; at most five of them
    {
        std::vector<double> pos;
        pos.reserve(positive);
        for (double v : values)
            if (v > 0)
                pos.push_back(v);
        const size_t k = pos.size() / 200;
        std::nth_element(pos.begin(), pos.begin() + long(k), pos.end());
        lo = std::max({lo, pos[k], hi * 1e-5});
    }
    const double a = std::log(lo), step = (std::log(hi) - a) / bins;
    for (int i = 0; i <= bins; ++i)
        log.edges.push_back(i == 0 ? lo : i == bins ? hi : std::exp(a + i * step));
    log.counts.assign(size_t(bins), 0);
    for (double v : values) {
        if (!(v > 0))
            continue;
        // the bin by its logarithm, corrected against the edges as numpy does for equal widths
        long i = std::clamp(long((std::log(v) - a) / step), 0L, long(bins) - 1);
        if (v < log.edges[size_t(i)])
            --i;
        else if (i + 1 < bins && v >= log.edges[size_t(i) + 1])
            ++i;
        log.counts[size_t(std::clamp(i, 0L, long(bins) - 1))]++;
    }
    return log;
}

} // namespace vs
