#include "stats.h"

#include "core/table/table.h"
#include "selection.h"

#include <algorithm>
#include <cmath>

namespace vs {


double accurateSum(std::span<const double> values)
{
    Neumaier s;
    for (double v : values)
        if (!std::isnan(v))
            s.add(v);
    return s.value();
}

DescriptiveStats RunningStats::first() const
{
    DescriptiveStats st;
    st.mean = st.median = st.variance = st.std = st.min = st.max = kMissing;
    st.count = count;
    st.sum = sum.value();
    if (count == 0)
        return st;
    st.mean = st.sum / double(count);
    st.min = mn;
    st.max = mx;
    return st;
}

DescriptiveStats describe(std::span<const double> values)
{
    RunningStats running;
    for (double v : values)
        if (!std::isnan(v))
            running.add(v);
    DescriptiveStats st = running.first();
    const size_t count = st.count;
    if (count == 0)
        return st;
    const double n = double(count);
    if (count >= 2) {
        Neumaier ss;
        for (double v : values)
            if (!std::isnan(v))
                ss.add((v - st.mean) * (v - st.mean));
        st.variance = ss.value() / (n - 1);
        st.std = std::sqrt(st.variance);
    }
    // numpy.median: the middle value, or the mean of the two middle values
    const RankSelector selector(values);
    const size_t mid = count / 2;
    if (count % 2) {
        const size_t r[] = {mid};
        st.median = selector.select(r)[0];
    } else {
        const size_t r[] = {mid - 1, mid};
        const std::vector<double> m = selector.select(r);
        st.median = (m[0] + m[1]) / 2.0;
    }
    return st;
}

} // namespace vs
