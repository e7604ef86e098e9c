#include "scenario.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace vs {

namespace {
void crosstab(const AnalysisResults &base, const AnalysisResults &cur, ScenarioComparison &c);
void addShifts(const AnalysisResults &base, const AnalysisResults &cur, ScenarioComparison &c);
} // namespace

ScenarioComparison compareScenarios(const AnalysisResults &base, const AnalysisResults &cur)
{
    ScenarioComparison c;
    for (const SegmentRow &s : base.segments)
        c.baselineLabels.push_back(s.label);
    for (const SegmentRow &s : cur.segments)
        c.currentLabels.push_back(s.label);
    const size_t rows = c.baselineLabels.size() + 1, cols = c.currentLabels.size() + 1;
    c.moved.assign(rows, std::vector<size_t>(cols, 0));
    if (&base == &cur) { // a baseline just set: nobody moved, and the counts tell where everyone is
        size_t segmented = 0;
        for (size_t k = 0; k < cur.segments.size(); ++k) {
            c.moved[k][k] = cur.segments[k].count;
            segmented += cur.segments[k].count;
        }
        c.moved[rows - 1][cols - 1] = cur.rowCount() - segmented;
    } else {
        crosstab(base, cur, c);
    }
    addShifts(base, cur, c);
    return c;
}

namespace {
void crosstab(const AnalysisResults &base, const AnalysisResults &cur, ScenarioComparison &c)
{
    const size_t rows = c.moved.size(), cols = c.moved.front().size();
    // customer i of current -> index in baseline
    std::vector<int64_t> match(cur.rowCount(), -1);
    if (base.data == cur.data) {
        for (size_t i = 0; i < match.size(); ++i)
            match[i] = int64_t(i);
    } else {
        std::unordered_map<std::string_view, size_t> byId;
        byId.reserve(base.rowCount());
        for (size_t i = 0; i < base.rowCount(); ++i)
            byId.emplace(base.data->ids.at(i), i);
        for (size_t i = 0; i < cur.rowCount(); ++i)
            if (auto it = byId.find(cur.data->ids.at(i)); it != byId.end())
                match[i] = int64_t(it->second);
    }
    for (size_t i = 0; i < cur.rowCount(); ++i) {
        if (match[i] < 0)
            continue;
        const int b = base.segment[size_t(match[i])], s = cur.segment[i];
        const size_t bi = b < 0 ? rows - 1 : size_t(b), ci = s < 0 ? cols - 1 : size_t(s);
        ++c.moved[bi][ci];
        const std::string_view bl = b < 0 ? std::string_view() : std::string_view(base.segments[size_t(b)].label);
        const std::string_view cl = s < 0 ? std::string_view() : std::string_view(cur.segments[size_t(s)].label);
        c.changed += bl != cl;
    }
}

// Per segment label (the union of both, current order first): count and value before and now.
void addShifts(const AnalysisResults &base, const AnalysisResults &cur, ScenarioComparison &c)
{
    auto shiftFor = [&](const std::string &label) -> ScenarioComparison::Shift & {
        for (auto &sh : c.shifts)
            if (sh.label == label)
                return sh;
        c.shifts.push_back({label, 0, 0, 0.0, 0.0});
        return c.shifts.back();
    };
    for (const SegmentRow &s : cur.segments) {
        auto &sh = shiftFor(s.label);
        sh.currentCount = s.count;
        sh.currentValue = s.totalValue;
    }
    for (const SegmentRow &s : base.segments) {
        auto &sh = shiftFor(s.label);
        sh.baselineCount = s.count;
        sh.baselineValue = s.totalValue;
    }
}

} // namespace

} // namespace vs
