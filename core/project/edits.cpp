#include "edits.h"

#include "core/domain/models.h"

#include <algorithm>

namespace vs {

namespace {
// Strategies follow the labels they belong to; a label renamed in place keeps its strategy.
void relabel(SegmentSpec &seg, const std::vector<std::string> &labels)
{
    std::vector<std::pair<std::string, std::string>> kept;
    for (size_t i = 0; i < labels.size(); ++i) {
        std::string strategy = seg.strategyFor(labels[i]);
        if (strategy.empty() && i < seg.labels.size())
            strategy = seg.strategyFor(seg.labels[i]);
        kept.emplace_back(labels[i], strategy);
    }
    seg.labels = labels;
    seg.strategies = kept;
}
} // namespace

Project defaultProject(Layout layout, std::map<std::string, std::string> columns,
                       std::map<std::string, std::vector<std::string>> periodColumns)
{
    Project p;
    p.source.layout = layout;
    p.source.columns = std::move(columns);
    p.source.periodColumns = std::move(periodColumns);
    if (layout == Layout::Campaigns)
        return p;
    p.value.model = defaultValueModel(layout, p.source.columns, p.source.periodColumns).key;
    if (layout == Layout::Transactions) {
        // order lines: RFM segments with the default rules and strategies to start from
        p.value.timeUnit = "days";
        p.segments.method = "rfm_rules";
        p.segments.by = "rfm";
        p.segments.strategies.clear();
        setRfmRules(p.segments, defaultRfmRules());
    }
    return p;
}

void removeScore(Project &p, size_t score)
{
    const std::string name = p.scores[score].name;
    p.scores.erase(p.scores.begin() + std::ptrdiff_t(score));
    if (p.segments.by == name)
        p.segments.by = "value";
    if (p.value.model == "weighted_score" && p.value.score == name)
        p.value.model = defaultValueModel(p.source.layout, {}, {}).key;
}

void renameScore(Project &p, size_t score, const std::string &name)
{
    const std::string old = p.scores[score].name;
    p.scores[score].name = name;
    if (p.segments.by == old)
        p.segments.by = name;
    if (p.value.score == old)
        p.value.score = name;
}

void setSegmentLabels(SegmentSpec &seg, const std::vector<std::string> &labels)
{
    relabel(seg, labels);
    if (seg.method == "quantile")
        seg.bins = int(labels.size());
}

void setSegmentCount(SegmentSpec &seg, int bins)
{
    std::vector<std::string> labels = seg.labels;
    if (bins == 4 && labels.size() != 4) {
        labels = defaultLabels(4);
    } else {
        if (labels.size() > size_t(bins))
            labels.resize(size_t(bins));
        while (labels.size() < size_t(bins))
            labels.push_back("Q" + std::to_string(labels.size() + 1));
    }
    relabel(seg, labels);
    seg.bins = bins;
}

bool segmentMethodNeedsCutPoints(const Project &p, const std::string &method)
{
    const SegmentSpec &seg = p.segments;
    if (method != "thresholds")
        return false;
    const std::vector<std::string> labels =
        seg.method == "rfm_rules" ? defaultLabels(seg.bins) : seg.labels; // as setSegmentMethod leaves them
    return seg.edges.size() + 1 != labels.size() && seg.edges.size() != labels.size() + 1;
}

void setSegmentMethod(Project &p, const std::string &method, const std::vector<double> &cutPoints)
{
    SegmentSpec &seg = p.segments;
    const bool wasRules = seg.method == "rfm_rules";
    const bool needCuts = segmentMethodNeedsCutPoints(p, method);
    seg.method = method;
    if (method == "rfm_rules") {
        seg.by = "rfm";
        setRfmRules(seg, seg.rules.empty() ? defaultRfmRules() : seg.rules);
        return;
    }
    if (wasRules) { // back to value segments: the usual names and strategies
        seg.by = "value";
        seg.labels = defaultLabels(seg.bins);
        seg.strategies = defaultStrategies(seg.labels);
    }
    if (needCuts)
        seg.edges = cutPoints;
}

void setRfmRules(SegmentSpec &seg, const std::vector<RfmRule> &rules)
{
    const std::vector<std::string> labels = rfmRuleLabels(rules);
    std::vector<std::pair<std::string, std::string>> strategies;
    for (const std::string &l : labels) {
        std::string st = seg.strategyFor(l);
        strategies.emplace_back(l, st.empty() ? defaultRfmStrategy(l) : st);
    }
    seg.rules = rules;
    seg.labels = labels;
    seg.strategies = strategies;
}

void setStrategy(SegmentSpec &seg, const std::string &label, const std::string &strategy)
{
    for (auto &[l, s] : seg.strategies)
        if (l == label) {
            s = strategy;
            return;
        }
    seg.strategies.emplace_back(label, strategy);
}

void setValueModel(Project &p, const std::string &model, const std::string &score)
{
    p.value.model = model;
    if (!score.empty())
        p.value.score = score;
}

} // namespace vs
