#include "binning.h"

#include "selection.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vs {

namespace {
// numpy's _lerp: a + (b - a) * t, computed from the upper end when t >= 0.5.
double numpyLerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}
} // namespace

std::vector<double> quantiles(std::span<const double> values, std::span<const double> qs)
{
    const RankSelector selector(values);
    std::vector<double> out(qs.size(), std::numeric_limits<double>::quiet_NaN());
    const size_t n = selector.count();
    if (n == 0)
        return out;
    std::vector<size_t> ranks;
    std::vector<double> gammas;
    for (double qk : qs) {
        const double q = (qk * 100.0) / 100.0; // pandas -> numpy.percentile(q * 100) -> q / 100
        const double vi = double(n - 1) * q;
        const double lo = std::floor(vi);
        const size_t loIndex = size_t(std::clamp(lo, 0.0, double(n - 1)));
        ranks.push_back(loIndex);
        ranks.push_back(std::min(loIndex + 1, n - 1));
        gammas.push_back(vi - lo);
    }
    const std::vector<double> at = selector.select(ranks);
    for (size_t k = 0; k < qs.size(); ++k)
        out[k] = numpyLerp(at[2 * k], at[2 * k + 1], gammas[k]);
    return out;
}

std::vector<double> quantileEdges(std::span<const double> values, int q)
{
    std::vector<double> qs(size_t(q) + 1);
    const double step = 1.0 / double(q);
    for (int i = 0; i < q; ++i)
        qs[size_t(i)] = double(i) * step; // numpy.linspace: arange(num) * step, end point exact
    qs[size_t(q)] = 1.0;
    return quantiles(values, qs);
}

std::vector<int> assignBins(std::span<const double> values, std::span<const double> edges)
{
    std::vector<int> codes(values.size(), -1);
    if (edges.size() < 2)
        return codes;
    const double first = edges.front();
    const double *b = edges.data();
    const double *e = edges.data() + edges.size();
    const int nb = int(edges.size());
    const bool few = edges.size() <= 16;
    for (size_t i = 0; i < values.size(); ++i) {
        const double x = values[i];
        if (std::isnan(x))
            continue;
        int id;
        if (few) { // searchsorted(side="left") = how many edges are below x; no branches to mispredict
            id = 0;
            for (int k = 0; k < nb; ++k)
                id += b[k] < x;
        } else {
            id = int(std::lower_bound(b, e, x) - b);
        }
        if (x == first)
            id = 1; // include_lowest
        if (id == 0 || id == nb)
            continue;
        codes[i] = id - 1;
    }
    return codes;
}

BinPlan planBins(std::vector<double> edges)
{
    BinPlan plan;
    plan.edges = std::move(edges);
    const auto &e = plan.edges;
    for (size_t i = 0; i < e.size(); ++i)
        if (i == 0 || e[i] != plan.uniqueEdges.back())
            plan.uniqueEdges.push_back(e[i]);
    // each remaining bin (u_j, u_{j+1}] : the asked bin i with e_i = u_j < e_{i+1} = u_{j+1}
    for (size_t j = 0; j + 1 < plan.uniqueEdges.size(); ++j) {
        if (j == 0) {
            plan.labelIndex.push_back(0);
            continue;
        }
        int found = 0;
        for (size_t i = 0; i + 1 < e.size(); ++i)
            if (e[i] == plan.uniqueEdges[j] && e[i + 1] == plan.uniqueEdges[j + 1])
                found = int(i);
        plan.labelIndex.push_back(found);
    }
    return plan;
}

} // namespace vs
