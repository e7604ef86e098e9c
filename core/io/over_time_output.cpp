#include "over_time_output.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace vs {

namespace {
using json = nlohmann::ordered_json;
json num(double v)
{
    return std::isfinite(v) ? json(v) : json();
}
} // namespace

void addOverTimeSummary(json &j, const AnalysisResults &r)
{
    if (!r.overTime)
        return;
    const OverTime &ot = *r.overTime;
    if (ot.migration) {
        const PeriodMigration &m = *ot.migration;
        json segs = json::array();
        for (const PeriodMigration::Segment &s : m.segments)
            segs.push_back({{"segment", s.label}, {"from_count", s.fromCount}, {"to_count", s.toCount},
                            {"from_value", num(s.fromValue)}, {"to_value", num(s.toValue)}, {"lapsed", s.lapsed}});
        json value = json::array(), lapsedValue = json::array();
        for (const auto &row : m.movedValue) {
            json r = json::array();
            for (double v : row)
                r.push_back(num(v));
            value.push_back(std::move(r));
        }
        for (double v : m.lapsedValue)
            lapsedValue.push_back(num(v));
        j["period_migration"] = {{"from", m.from},
                                 {"to", m.to},
                                 {"from_segments", m.fromSegments},
                                 {"to_segments", m.toSegments},
                                 {"moved", m.moved},
                                 {"value", value},
                                 {"lapsed", m.lapsedCount},
                                 {"lapsed_value", lapsedValue},
                                 {"changed", m.changed},
                                 {"segments", segs}};
    }
    if (ot.cohorts) {
        json rows = json::array();
        for (const CohortTable::Row &row : ot.cohorts->rows) {
            json revenue = json::array();
            for (double v : row.revenue)
                revenue.push_back(num(v));
            rows.push_back({{"cohort", row.cohort}, {"size", row.size}, {"active", row.active}, {"revenue", revenue}});
        }
        j["cohorts"] = {{"period", ot.cohorts->period}, {"rows", rows}};
    }
}

OutputTable earlyWarningTable(const AnalysisResults &r)
{
    OutputTable t;
    t.header = {"customer", "segment_then", "segment_now", "value_then", "value_now"};
    t.numeric = {false, false, false, true, true};
    const OverTime *ot = r.overTime.get();
    const PeriodMigration *m = ot && ot->migration ? &*ot->migration : nullptr;
    const bool alive = m && !m->fromAlive.empty() && !m->toAlive.empty();
    if (alive) {
        t.header.insert(t.header.end(), {"p_alive_then", "p_alive_now"});
        t.numeric.insert(t.numeric.end(), {true, true});
    }
    t.header.insert(t.header.end(), {"last_purchase", "reason"});
    t.numeric.insert(t.numeric.end(), {false, false});
    if (!m)
        return t;
    t.rows = ot->earlyWarnings.size();
    t.text = [&r, ot, m, alive](size_t row, size_t col) -> std::string {
        const EarlyWarning &w = ot->earlyWarnings[row];
        const size_t c = w.customer;
        if (!alive && col >= 5)
            col += 2;
        switch (col) {
        case 0: return std::string(r.data->ids.at(c));
        case 1: return m->fromSegments[size_t(m->fromIndex[c])];
        case 2: return m->toSegments[size_t(m->toIndex[c])];
        case 3: return formatNumber(m->fromValue[c]);
        case 4: return formatNumber(m->toValue[c]);
        case 5: return formatNumber(m->fromAlive[c]);
        case 6: return formatNumber(m->toAlive[c]);
        case 7: return std::isnan(m->lastPurchase[c]) ? std::string() : formatDate(m->lastPurchase[c]);
        default:
            return w.segmentFell && w.aliveFell ? "segment_fell;p_alive_fell" : w.segmentFell ? "segment_fell" : "p_alive_fell";
        }
    };
    return t;
}

} // namespace vs
