#include "edits.h"

#include "core/domain/defaults.h"
#include "core/domain/models.h"
#include "core/table/table.h"

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
                       std::map<std::string, std::vector<std::string>> periodColumns, const Translate &tr)
{
    Project p;
    p.source.layout = layout;
    p.source.columns = std::move(columns);
    p.source.periodColumns = std::move(periodColumns);
    if (tr) // the default names and strategies in the interface's language
        setSegmentCount(p.segments, p.segments.bins, tr);
    if (layout == Layout::Campaigns)
        return p;
    p.value.model = defaultValueModel(layout, p.source.columns, p.source.periodColumns).key;
    if (layout == Layout::Transactions) {
        // order lines: RFM segments with the default rules and strategies to start from
        p.value.timeUnit = "days";
        p.segments.method = "rfm_rules";
        p.segments.by = "rfm";
        p.segments.strategies.clear();
        setRfmRules(p.segments, defaultRfmRules(tr), tr);
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

SegmentCountChange setSegmentCount(SegmentSpec &seg, int bins, const Translate &tr)
{
    const std::vector<std::string> labels = segmentLadder(bins, tr);
    SegmentCountChange change;
    std::vector<std::pair<std::string, std::string>> strategies;
    for (size_t i = 0; i < labels.size(); ++i) {
        const bool stays = std::find(seg.labels.begin(), seg.labels.end(), labels[i]) != seg.labels.end();
        (stays ? change.kept : change.added).push_back(labels[i]);
        strategies.emplace_back(labels[i], stays ? seg.strategyFor(labels[i]) : ladderStrategy(labels, i, tr));
    }
    for (const std::string &l : seg.labels)
        if (std::find(labels.begin(), labels.end(), l) == labels.end())
            change.dropped.push_back(l);
    seg.labels = labels;
    seg.strategies = std::move(strategies);
    seg.bins = bins;
    return change;
}

bool segmentMethodNeedsCutPoints(const Project &p, const std::string &method)
{
    const SegmentSpec &seg = p.segments;
    if (method != "thresholds")
        return false;
    const size_t names = seg.method == "rfm_rules" ? size_t(seg.bins) : seg.labels.size(); // as setSegmentMethod leaves them
    return seg.edges.size() + 1 != names && seg.edges.size() != names + 1;
}

void setSegmentMethod(Project &p, const std::string &method, const std::vector<double> &cutPoints,
                      const Translate &tr)
{
    SegmentSpec &seg = p.segments;
    const bool wasRules = seg.method == "rfm_rules";
    const bool needCuts = segmentMethodNeedsCutPoints(p, method);
    seg.method = method;
    if (method == "rfm_rules") {
        seg.by = "rfm";
        setRfmRules(seg, seg.rules.empty() ? defaultRfmRules(tr) : seg.rules, tr);
        return;
    }
    if (wasRules) { // back to value segments: the usual names and strategies
        seg.by = "value";
        seg.labels.clear();
        setSegmentCount(seg, seg.bins, tr);
    }
    if (needCuts)
        seg.edges = cutPoints;
}

void setRfmRules(SegmentSpec &seg, const std::vector<RfmRule> &rules, const Translate &tr)
{
    const std::vector<std::string> labels = rfmRuleLabels(rules, tr);
    std::vector<std::pair<std::string, std::string>> strategies;
    for (const std::string &l : labels) {
        std::string st = seg.strategyFor(l);
        strategies.emplace_back(l, st.empty() ? defaultRfmStrategy(l, tr) : st);
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

std::optional<NoMovement> whyNobodyMoves(const Project &baseline, const Project &current)
{
    // everything but the scores the same?
    Project a = baseline, b = current;
    a.scores.clear();
    b.scores.clear();
    a.baseline.reset();
    b.baseline.reset();
    a.source = b.source;
    if (projectToJson(a) != projectToJson(b) || baseline.scores.size() != current.scores.size())
        return std::nullopt;
    std::string changed;
    for (size_t i = 0; i < current.scores.size(); ++i) {
        const ScoreSpec &x = baseline.scores[i], &y = current.scores[i];
        const bool same = x.name == y.name && x.normalize == y.normalize && x.minMaxScale == y.minMaxScale &&
                          x.items.size() == y.items.size() &&
                          std::equal(x.items.begin(), x.items.end(), y.items.begin(), [](const ScoreItem &u, const ScoreItem &v) {
                              return u.column == v.column && u.weight == v.weight;
                          });
        if (same)
            continue;
        if (current.segments.by == y.name || (current.value.model == "weighted_score" && current.value.score == y.name))
            return std::nullopt; // this score decides the segments: people can move
        if (changed.empty())
            changed = y.name;
    }
    if (changed.empty() || current.segments.method == "rfm_rules")
        return std::nullopt;
    return NoMovement{current.segments.by, changed};
}

void setValueModel(Project &p, const std::string &model, const std::string &score)
{
    p.value.model = model;
    if (!score.empty())
        p.value.score = score;
}

void setSnapshots(Project &p, std::optional<SnapshotSpec> snapshots)
{
    if (snapshots && snapshots->to < snapshots->from) // ISO dates sort as text
        std::swap(snapshots->from, snapshots->to);
    p.snapshots = std::move(snapshots);
}

void setCohorts(Project &p, std::optional<CohortSpec> cohorts)
{
    p.cohorts = std::move(cohorts);
}

SnapshotSpec defaultSnapshots(int32_t firstDay, int32_t lastDay)
{
    SnapshotSpec s;
    s.from = formatDate(std::max(firstDay, lastDay - 182));
    s.to = formatDate(lastDay);
    return s;
}

} // namespace vs
