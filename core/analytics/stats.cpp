#include "stats.h"

#include "core/table/table.h"

#include <algorithm>
#include <cmath>

namespace vs {

namespace {
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
} // namespace

double accurateSum(std::span<const double> values)
{
    Neumaier s;
    for (double v : values)
        if (!std::isnan(v))
            s.add(v);
    return s.value();
}

DescriptiveStats describe(std::span<const double> values)
{
    DescriptiveStats st;
    st.mean = st.median = st.variance = st.std = st.min = st.max = kMissing;
    std::vector<double> present;
    present.reserve(values.size());
    for (double v : values)
        if (!std::isnan(v))
            present.push_back(v);
    st.count = present.size();
    st.sum = accurateSum(present);
    if (present.empty())
        return st;
    const double n = double(present.size());
    st.mean = st.sum / n;
    auto [mn, mx] = std::minmax_element(present.begin(), present.end());
    st.min = *mn;
    st.max = *mx;
    if (present.size() >= 2) {
        Neumaier ss;
        for (double v : present)
            ss.add((v - st.mean) * (v - st.mean));
        st.variance = ss.value() / (n - 1);
        st.std = std::sqrt(st.variance);
    }
    const size_t mid = present.size() / 2;
    std::nth_element(present.begin(), present.begin() + long(mid), present.end());
    const double upper = present[mid];
    if (present.size() % 2) {
        st.median = upper;
    } else {
        const double lower = *std::max_element(present.begin(), present.begin() + long(mid));
        st.median = (lower + upper) / 2.0; // numpy.median: the mean of the two middle values
    }
    return st;
}

} // namespace vs
