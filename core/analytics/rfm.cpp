#include "rfm.h"

#include "core/analytics/binning.h"
#include "core/table/table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace vs {

namespace {

std::string percent(double share)
{
    return std::to_string(int(std::lround(share * 100))) + "%";
}

// pandas: x.rank(method="first"): 1..k by value, ties in order of appearance; NaN stays NaN.
std::vector<double> firstRanks(std::span<const double> x)
{
    std::vector<uint32_t> idx;
    idx.reserve(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i]))
            idx.push_back(uint32_t(i));
    std::stable_sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) { return x[a] < x[b]; });
    std::vector<double> rank(x.size(), kMissing);
    for (size_t k = 0; k < idx.size(); ++k)
        rank[idx[k]] = double(k + 1);
    return rank;
}

std::string scoreList(std::vector<int> used)
{
    std::sort(used.begin(), used.end());
    std::string list;
    for (int s : used)
        list += (list.empty() ? "" : ", ") + std::to_string(s);
    return list;
}

// The R package rfm (R/utils.R bins(), bins_lower(), bins_upper(); R/rfm-table-transaction.R
// rfm_prep_bins(), unchanged from 0.1.0 to 0.3.0): thresholds t_k = quantile(x, k/5) + 1,
// bins [min, t_1), [t_1, t_2), …, [t_4, max + 1); a value gets the last bin it lies in (R assigns
// the bins in turn), score 5 - k for recency (the most recent 5), k + 1 for frequency and monetary.
void scoreAsRPackage(std::span<const double> values, bool reversed, const char *name, std::vector<int> &out,
                     std::vector<double> &usedEdges, std::vector<int> &binScores, std::vector<Diagnostic> &warnings)
{
    constexpr int kBins = 5;
    std::vector<double> sorted;
    for (double v : values)
        if (!std::isnan(v))
            sorted.push_back(v);
    out.assign(values.size(), 0);
    if (sorted.empty())
        return;
    std::sort(sorted.begin(), sorted.end());
    // R's seq(0, 1, length.out = 6): from + (1:4) * ((to - from) / 5)
    const double by = 1.0 / kBins;
    double lower[kBins], upper[kBins];
    lower[0] = sorted.front();
    upper[kBins - 1] = sorted.back() + 1;
    for (int k = 1; k < kBins; ++k)
        lower[k] = upper[k - 1] = rQuantile7(sorted, double(k) * by) + 1;
    auto toScore = [&](int k) { return reversed ? kBins - k : k + 1; };
    for (size_t i = 0; i < values.size(); ++i)
        for (int k = 0; k < kBins; ++k)
            if (values[i] >= lower[k] && values[i] < upper[k])
                out[i] = toScore(k);
    usedEdges.push_back(lower[0]);
    for (int k = 0; k < kBins; ++k)
        if (upper[k] > lower[k]) {
            usedEdges.push_back(upper[k]);
            binScores.push_back(toScore(k));
        }
    if (binScores.size() < size_t(kBins)) { // empty bins: many customers share a value
        std::map<double, size_t> count;
        for (double v : sorted)
            ++count[v];
        const auto common = std::max_element(count.begin(), count.end(),
                                             [](const auto &a, const auto &b) { return a.second < b.second; });
        warnings.push_back({Msg::RfmTies, {name, percent(double(common->second) / double(sorted.size())),
                                           formatNumber(common->first), scoreList(binScores)}});
    }
}

void score(std::span<const double> values, bool reversed, RfmScoringKind kind, const char *name, std::vector<int> &out,
           std::vector<double> &usedEdges, std::vector<int> &binScores, std::vector<Diagnostic> &warnings)
{
    if (kind == RfmScoringKind::RPackage)
        return scoreAsRPackage(values, reversed, name, out, usedEdges, binScores, warnings);
    const bool rankBased = kind == RfmScoringKind::Rank;
    std::vector<double> ranks;
    std::span<const double> basis = values;
    if (rankBased) {
        ranks = firstRanks(values);
        basis = ranks;
    }
    const BinPlan plan = planBins(quantileEdges(basis, 5));
    out.assign(values.size(), 0);
    if (plan.uniqueEdges.size() < 2 || std::isnan(plan.uniqueEdges.front())) {
        // one value for everyone: the middle score
        if (!plan.uniqueEdges.empty() && !std::isnan(plan.uniqueEdges.front())) {
            for (size_t i = 0; i < values.size(); ++i)
                if (!std::isnan(values[i]))
                    out[i] = 3;
            warnings.push_back({Msg::RfmAllSame, {name}});
        }
        return;
    }
    auto toScore = [&](int label) { return reversed ? 5 - label : label + 1; };
    for (int li : plan.labelIndex)
        binScores.push_back(toScore(li));
    usedEdges = plan.uniqueEdges;
    if (rankBased) { // show the value range each bin covers, not the ranks
        std::vector<double> sorted;
        for (double v : values)
            if (!std::isnan(v))
                sorted.push_back(v);
        std::sort(sorted.begin(), sorted.end());
        for (double &e : usedEdges) {
            const size_t k = size_t(std::clamp(std::ceil(e), 1.0, double(sorted.size()))) - 1;
            e = sorted[k];
        }
    }
    const std::vector<int> bins = assignBins(basis, plan.uniqueEdges);
    for (size_t i = 0; i < bins.size(); ++i)
        if (bins[i] >= 0)
            out[i] = toScore(plan.labelIndex[size_t(bins[i])]);
    if (plan.collapsed()) {
        // the value most customers share is where the edges coincide
        double common = plan.edges.front();
        for (size_t k = 1; k < plan.edges.size(); ++k)
            if (plan.edges[k] == plan.edges[k - 1])
                common = plan.edges[k];
        size_t same = 0, n = 0;
        for (double v : values)
            if (!std::isnan(v)) {
                ++n;
                same += v == common;
            }
        warnings.push_back({Msg::RfmTies, {name, percent(n ? double(same) / double(n) : 0), formatNumber(common),
                                           scoreList(binScores)}});
    }
}

} // namespace

double rQuantile7(std::span<const double> sorted, double p)
{
    const size_t n = sorted.size();
    const double index = 1 + double(n - 1) * p;
    const double lo = std::floor(index), hi = std::ceil(index);
    double q = sorted[size_t(lo) - 1];
    const double xHi = sorted[size_t(hi) - 1];
    if (index > lo && xHi != q) {
        const double h = index - lo;
        q = (1 - h) * q + h * xHi;
    }
    return q;
}

RfmScores scoreRfm(std::span<const double> recency, std::span<const double> frequency,
                   std::span<const double> monetary, RfmScoringKind kind)
{
    RfmScores s;
    s.kind = kind;
    score(recency, true, kind, "Recency", s.r, s.edges[0], s.binScores[0], s.warnings);
    score(frequency, false, kind, "Frequency", s.f, s.edges[1], s.binScores[1], s.warnings);
    score(monetary, false, kind, "Monetary", s.m, s.edges[2], s.binScores[2], s.warnings);
    return s;
}

int matchRfmRule(const std::vector<RfmRule> &rules, int r, int f, int m)
{
    if (r <= 0 || f <= 0 || m <= 0)
        return -1;
    for (size_t i = 0; i < rules.size(); ++i) {
        const RfmRule &x = rules[i];
        if (r >= x.r[0] && r <= x.r[1] && f >= x.f[0] && f <= x.f[1] && m >= x.m[0] && m <= x.m[1])
            return int(i);
    }
    return int(rules.size());
}

} // namespace vs
