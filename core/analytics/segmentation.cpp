#include "segmentation.h"

#include "core/analytics/binning.h"
#include "core/analytics/rfm.h"
#include "core/domain/defaults.h"

#include <cmath>

namespace vs {

namespace {

Error modelError(Msg code, std::vector<std::string> args = {}) { return makeError(ErrorKind::Model, code, std::move(args)); }

// Per-segment totals with accurate (Neumaier) sums, and each segment's share of the value.
void segmentTotals(AnalysisResults &r)
{
    const std::vector<int> &codes = r.segment;
    const size_t labels = r.segments.size();
    std::vector<double> sum(labels, 0.0), comp(labels, 0.0);
    for (size_t i = 0; i < codes.size(); ++i) {
        const int s = r.segment[i];
        if (s < 0)
            continue;
        const double x = r.value[i];
        if (std::isnan(x))
            continue;
        double &acc = sum[size_t(s)];
        const double t = acc + x;
        comp[size_t(s)] += std::fabs(acc) >= std::fabs(x) ? (acc - t) + x : (x - t) + acc;
        acc = t;
    }
    double segTotal = 0;
    for (size_t s = 0; s < labels; ++s) {
        SegmentRow &row = r.segments[s];
        row.totalValue = row.count ? sum[s] + comp[s] : 0.0;
        row.meanValue = row.count ? row.totalValue / double(row.count) : kMissing;
        segTotal += row.totalValue;
    }
    for (SegmentRow &row : r.segments)
        row.shareOfValue = segTotal != 0 ? row.totalValue / segTotal : kMissing;
}

// The measure segments are made by: value or a score (an error naming it if it is neither).
Result<const std::vector<double> *> basisOf(ModelContext &c)
{
    const SegmentSpec &spec = c.p.segments;
    c.r.segmentBy = spec.by;
    const std::vector<double> *basis = c.r.column(spec.by);
    if (!basis)
        return modelError(Msg::SegmentByUnknown, {spec.by});
    return basis;
}

// Bins between edges, one label each; coinciding edges are dropped (with a warning).
Status binSegments(ModelContext &c, const std::vector<double> &basis, const std::vector<std::string> &labels,
                   const std::vector<double> &edges)
{
    const SegmentSpec &spec = c.p.segments;
    AnalysisResults &r = c.r;
    std::vector<int> labelOf;
    std::vector<double> used;
    if (!edges.empty()) {
        BinPlan plan = planBins(edges);
        used = plan.uniqueEdges;
        labelOf = plan.labelIndex;
        if (plan.collapsed()) {
            std::string kept;
            for (int li : labelOf)
                kept += (kept.empty() ? "" : ", ") + labels[size_t(li)];
            r.warnings.push_back({Msg::QuantileEdgesCoincide,
                                  {spec.by, std::to_string(labels.size()), std::to_string(labelOf.size()), kept}});
        }
    }
    std::vector<int> codes = used.size() >= 2 ? assignBins(basis, used) : std::vector<int>(basis.size(), -1);
    r.edges = used;
    r.segment.resize(codes.size());
    r.segments.clear();
    for (const std::string &l : labels)
        r.segments.push_back({l, spec.strategyFor(l), 0, 0.0, kMissing, kMissing});
    size_t outside = 0;
    for (size_t i = 0; i < codes.size(); ++i) {
        const int s = codes[i] < 0 ? -1 : labelOf[size_t(codes[i])];
        r.segment[i] = s;
        if (s >= 0) {
            r.segments[size_t(s)].count++;
        } else if (!std::isnan(basis[i])) {
            ++outside;
        }
    }
    segmentTotals(r);
    if (outside)
        r.warnings.push_back({Msg::OutsideThresholds, {std::to_string(outside)}});
    return Ok{};
}

} // namespace

Status quantileSegments(ModelContext &c)
{
    auto basis = basisOf(c);
    if (!basis)
        return basis.error();
    const std::vector<double> &values = **basis;
    const SegmentSpec &spec = c.p.segments;
    std::vector<std::string> labels = spec.labels;
    std::vector<double> edges;
    if (labels.empty())
        labels = defaultLabels(spec.bins);
    if (int(labels.size()) != spec.bins)
        return modelError(Msg::QuantileNameCount, {std::to_string(spec.bins), std::to_string(labels.size())});
    edges = quantileEdges(values, spec.bins);
    if (edges.empty() || std::isnan(edges.front())) {
        c.r.warnings.push_back({Msg::NoValueToSegment});
        edges.clear();
    }
    return binSegments(c, values, labels, edges);
}

Status thresholdSegments(ModelContext &c)
{
    auto basis = basisOf(c);
    if (!basis)
        return basis.error();
    const SegmentSpec &spec = c.p.segments;
    std::vector<std::string> labels = spec.labels;
    std::vector<double> edges = spec.edges;
    if (edges.size() + 1 == labels.size()) { // inner cut points only: open at both ends
        edges.insert(edges.begin(), -INFINITY);
        edges.push_back(INFINITY);
    }
    if (edges.size() != labels.size() + 1)
        return modelError(Msg::ThresholdEdgeCount, {std::to_string(spec.edges.size()), std::to_string(labels.size())});
    for (size_t i = 1; i < edges.size(); ++i)
        if (!(edges[i] > edges[i - 1]))
            return modelError(Msg::ThresholdsNotIncreasing);
    return binSegments(c, **basis, labels, edges);
}

// Named RFM segments: the first rule whose R, F and M ranges hold, "Others" otherwise.
Status rfmRuleSegments(ModelContext &c)
{
    AnalysisResults &r = c.r;
    const SegmentSpec &spec = c.p.segments;
    const std::vector<double> *R = r.column("r_score"), *F = r.column("f_score"), *M = r.column("m_score");
    if (!R || !F || !M)
        return modelError(Msg::RfmRulesNeedOrderLines);
    const std::vector<RfmRule> rules = spec.rules.empty() ? defaultRfmRules({}) : spec.rules;
    // what the project calls the customers no rule takes (in its language), else "Others"
    const std::string others = spec.labels.size() == rules.size() + 1 ? spec.labels.back() : rfmOthersLabel();
    r.segmentBy = "rfm";
    r.edges.clear();
    r.segments.clear();
    for (const RfmRule &rule : rules)
        r.segments.push_back({rule.name, spec.strategyFor(rule.name), 0, 0.0, kMissing, kMissing});
    r.segments.push_back({others, spec.strategyFor(others), 0, 0.0, kMissing, kMissing});
    r.segment.assign(R->size(), -1);
    for (size_t i = 0; i < R->size(); ++i) {
        if (std::isnan((*R)[i]))
            continue;
        const int s = matchRfmRule(rules, int((*R)[i]), int((*F)[i]), int((*M)[i]));
        r.segment[i] = s;
        if (s >= 0)
            r.segments[size_t(s)].count++;
    }
    segmentTotals(r);
    return Ok{};
}

Result<std::vector<double>> thresholdStartingPoints(std::shared_ptr<const PreparedData> data, const Project &p)
{
    Project q = p;
    SegmentSpec &seg = q.segments;
    if (seg.method == "rfm_rules") { // as setSegmentMethod leaves them
        seg.by = "value";
        seg.labels = defaultLabels(seg.bins);
    }
    seg.method = "quantile";
    seg.bins = int(seg.labels.size());
    ComputeOptions options;
    options.statistics = false;
    auto r = computeAnalysis(std::move(data), q, options);
    if (!r)
        return r.error();
    const std::vector<double> *basis = r->column(seg.by);
    const size_t n = seg.labels.size();
    if (!basis || n < 2)
        return std::vector<double>{};
    const std::vector<double> edges = quantileEdges(*basis, int(n));
    std::vector<double> cuts(edges.begin() + 1, edges.end() - 1);
    bool increasing = !cuts.empty() && !std::isnan(cuts.front());
    for (size_t i = 1; i < cuts.size(); ++i)
        increasing &= cuts[i] > cuts[i - 1];
    if (!increasing && !edges.empty()) {
        const double lo = edges.front(), hi = edges.back();
        for (size_t k = 1; k < n; ++k)
            cuts[k - 1] = lo + (hi - lo) * double(k) / double(n);
    }
    return cuts;
}

} // namespace vs
