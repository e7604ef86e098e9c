#include "over_time.h"

#include "core/analytics/stats.h"
#include "core/analytics/transactions.h"
#include "core/table/cell_parse.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace vs {

namespace {

std::optional<int32_t> dayOf(const std::string &iso)
{
    double v = 0;
    if (parseDate(iso, DateOrder::Unknown, true, v) != CellParse::Ok)
        return std::nullopt;
    return int32_t(std::floor(v));
}

// Calendar month or quarter of a day, counted from year 0: comparable and subtractable.
int periodIndex(int32_t day, bool quarter)
{
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{day}}};
    const int y = int(ymd.year()), m = int(unsigned(ymd.month())) - 1;
    return quarter ? y * 4 + m / 3 : y * 12 + m;
}

std::string periodName(int index, bool quarter)
{
    char buf[16];
    if (quarter)
        std::snprintf(buf, sizeof buf, "%04d-Q%d", index / 4, index % 4 + 1);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
    return buf;
}

const std::vector<double> *extraColumn(const AnalysisResults &r, const char *name)
{
    for (const NamedValues &e : r.extra)
        if (e.name == name)
            return &e.values;
    return nullptr;
}

// The project's analysis as of one date: observation end = that date, the fits cached apart.
Result<AnalysisResults> snapshot(const std::shared_ptr<const PreparedData> &data, const Project &p,
                                 const std::string &date, size_t which, const std::atomic<bool> *stop)
{
    auto copy = std::make_shared<PreparedData>(*data);
    if (data->snapshotFits[which])
        copy->fitCache = data->snapshotFits[which];
    Project q = p;
    q.snapshots.reset();
    q.cohorts.reset();
    q.baseline.reset();
    q.value.observationEnd = date;
    ComputeOptions o;
    o.statistics = false;
    o.stop = stop;
    return computeAnalysis(copy, q, o);
}

// How good a segment is: its customers' mean value as of `from` (as of `to` when it had nobody
// then). A customer's segment fell when the new one is worth less per customer.
double segmentWorth(const AnalysisResults &a, const AnalysisResults &b, int segment)
{
    const double m = a.segments[size_t(segment)].meanValue;
    return std::isnan(m) ? b.segments[size_t(segment)].meanValue : m;
}

// numpy.quantile(x, q) (linear) of the numbers that are not missing
double quantileOf(std::vector<double> x, double q)
{
    x.erase(std::remove_if(x.begin(), x.end(), [](double v) { return std::isnan(v); }), x.end());
    if (x.empty())
        return kMissing;
    std::sort(x.begin(), x.end());
    const double pos = q * double(x.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, x.size() - 1);
    return x[lo] + (x[hi] - x[lo]) * (pos - double(lo));
}

Status addMigration(OverTime &ot, AnalysisResults &r, const std::shared_ptr<const PreparedData> &data,
                    const Project &p, const std::atomic<bool> *stop)
{
    const SnapshotSpec &sp = *p.snapshots;
    const CustomerDays &days = *data->days;
    const auto from = dayOf(sp.from), to = dayOf(sp.to);
    if (!from || !to) // the project reader checks them; a project made in code may not
        return Ok{};
    if (*from >= *to) {
        r.warnings.push_back({Msg::SnapshotsInWrongOrder, {sp.from, sp.to}});
        return Ok{};
    }
    if (*from < days.firstDay) {
        r.warnings.push_back({Msg::SnapshotBeforeFirstOrder, {sp.from, formatDate(days.firstDay)}});
        return Ok{};
    }
    Result<AnalysisResults> snaps[2] = {snapshot(data, p, sp.from, 0, stop), snapshot(data, p, sp.to, 1, stop)};
    for (size_t k = 0; k < 2; ++k)
        if (!snaps[k]) {
            if (snaps[k].error().kind == ErrorKind::Cancelled)
                return snaps[k].error();
            Diagnostic w = snaps[k].error();
            w.context.push_back({Msg::SnapshotNotComputed, {k ? sp.to : sp.from}});
            r.warnings.push_back(std::move(w));
            return Ok{};
        }
    const AnalysisResults &a = snaps[0].value(), &b = snaps[1].value();
    const size_t n = r.rowCount();

    PeriodMigration m;
    m.from = sp.from;
    m.to = sp.to;
    std::vector<std::string> labels;
    for (const SegmentRow &s : b.segments)
        labels.push_back(s.label);
    // who bought when: the first purchase, the last one up to `to`, and whether one fell between
    std::vector<int32_t> first(n, INT32_MAX);
    m.lastPurchase.assign(n, kMissing);
    m.lapsed.assign(n, 1);
    for (size_t c = 0; c < n; ++c)
        for (uint32_t k = days.offset[c]; k < days.offset[c + 1]; ++k) {
            if (days.orders[k] == 0 || days.day[k] > *to)
                continue;
            first[c] = std::min(first[c], days.day[k]);
            m.lastPurchase[c] = days.day[k];
            if (days.day[k] > *from)
                m.lapsed[c] = 0;
        }
    bool noneFrom = false, noneTo = false;
    for (size_t c = 0; c < n; ++c) {
        if (first[c] > *to)
            continue;
        noneFrom |= first[c] <= *from && a.segment[c] < 0;
        noneTo |= b.segment[c] < 0;
    }
    m.fromSegments = labels;
    if (noneFrom)
        m.fromSegments.push_back(kNoSegmentLabel);
    m.fromSegments.push_back(kNewCustomersRow);
    m.toSegments = labels;
    if (noneTo)
        m.toSegments.push_back(kNoSegmentLabel);
    for (const std::string &l : labels)
        m.segments.push_back({l});
    if (noneFrom || noneTo)
        m.segments.push_back({kNoSegmentLabel});
    const size_t rows = m.fromSegments.size(), cols = m.toSegments.size();
    const size_t noneRow = labels.size(), newRow = rows - 1, noneCol = labels.size();
    m.moved.assign(rows, std::vector<size_t>(cols, 0));
    m.movedValue.assign(rows, std::vector<double>(cols, 0.0));
    m.lapsedCount.assign(rows, 0);
    m.lapsedValue.assign(rows, 0.0);
    m.fromIndex.assign(n, -1);
    m.toIndex.assign(n, -1);
    m.fromValue = a.value;
    m.toValue = b.value;
    if (const auto *x = extraColumn(a, "p_alive"))
        m.fromAlive = *x;
    if (const auto *x = extraColumn(b, "p_alive"))
        m.toAlive = *x;
    for (size_t c = 0; c < n; ++c) {
        if (first[c] > *to) {
            m.lapsed[c] = 0;
            continue;
        }
        const bool isNew = first[c] > *from;
        const int sa = a.segment[c], sb = b.segment[c];
        const size_t i = isNew ? newRow : sa < 0 ? noneRow : size_t(sa);
        const size_t j = sb < 0 ? noneCol : size_t(sb);
        m.fromIndex[c] = int(i);
        m.toIndex[c] = int(j);
        ++m.moved[i][j];
        if (!std::isnan(b.value[c]))
            m.movedValue[i][j] += b.value[c];
        if (isNew) {
            m.lapsed[c] = 0;
        } else {
            m.changed += sa != sb;
            PeriodMigration::Segment &s = m.segments[std::min(i, m.segments.size() - 1)];
            ++s.fromCount;
            if (!std::isnan(a.value[c]))
                s.fromValue += a.value[c];
            s.lapsed += m.lapsed[c];
            if (m.lapsed[c]) {
                ++m.lapsedCount[i];
                if (!std::isnan(b.value[c]))
                    m.lapsedValue[i] += b.value[c];
            }
        }
        PeriodMigration::Segment &t = m.segments[std::min(j, m.segments.size() - 1)];
        ++t.toCount;
        if (!std::isnan(b.value[c]))
            t.toValue += b.value[c];
    }

    // early warnings: valuable as of `from`, and fallen by `to`
    std::vector<double> present;
    for (size_t c = 0; c < n; ++c)
        if (m.fromIndex[c] >= 0 && first[c] <= *from)
            present.push_back(a.value[c]);
    ot.valuableFrom = quantileOf(present, 0.75);
    for (size_t c = 0; c < n && !std::isnan(ot.valuableFrom); ++c) {
        if (m.fromIndex[c] < 0 || first[c] > *from || std::isnan(a.value[c]) || a.value[c] < ot.valuableFrom)
            continue;
        EarlyWarning w;
        w.customer = uint32_t(c);
        const int sa = a.segment[c], sb = b.segment[c];
        w.segmentFell = sa >= 0 && sa != sb && (sb < 0 || segmentWorth(a, b, sb) < segmentWorth(a, b, sa));
        if (!m.fromAlive.empty() && !m.toAlive.empty())
            w.aliveFell = m.fromAlive[c] >= sp.aliveBelow && m.toAlive[c] < sp.aliveBelow;
        if (w.segmentFell || w.aliveFell)
            ot.earlyWarnings.push_back(w);
    }
    ot.migration = std::move(m);
    return Ok{};
}

} // namespace

CohortTable computeCohorts(const CustomerDays &days, int32_t observationEnd, const std::string &period)
{
    const bool quarter = period == "quarter";
    CohortTable t;
    t.period = quarter ? "quarter" : "month";
    t.observationEnd = formatDate(observationEnd);
    const int endIndex = periodIndex(observationEnd, quarter);
    std::map<int, CohortTable::Row> byCohort;
    for (size_t c = 0; c < days.customers(); ++c) {
        int cohort = INT32_MIN;
        CohortTable::Row *row = nullptr;
        int lastActive = INT32_MIN;
        for (uint32_t k = days.offset[c]; k < days.offset[c + 1]; ++k) {
            if (days.day[k] > observationEnd)
                break;
            const int idx = periodIndex(days.day[k], quarter);
            if (!row) {
                if (days.orders[k] == 0) // returns before the first purchase belong to no cohort
                    continue;
                cohort = idx;
                row = &byCohort[cohort];
                if (row->active.empty()) {
                    row->cohort = periodName(cohort, quarter);
                    row->active.assign(size_t(endIndex - cohort + 1), 0);
                    row->revenue.assign(size_t(endIndex - cohort + 1), 0.0);
                }
                ++row->size;
            }
            const size_t since = size_t(idx - cohort);
            row->revenue[since] += days.net[k];
            if (days.orders[k] > 0 && idx != lastActive) { // days are in order: count each period once
                ++row->active[since];
                lastActive = idx;
            }
        }
    }
    for (auto &[index, row] : byCohort)
        t.rows.push_back(std::move(row));
    return t;
}

std::vector<uint32_t> customersInCell(const PeriodMigration &m, int fromIndex, int toIndex)
{
    std::vector<uint32_t> out;
    const bool lapsed = toIndex == lapsedColumn(m);
    for (size_t c = 0; c < m.fromIndex.size(); ++c)
        if ((fromIndex < 0 || m.fromIndex[c] == fromIndex) &&
            (lapsed ? m.lapsed[c] != 0 : toIndex < 0 || m.toIndex[c] == toIndex) && m.fromIndex[c] >= 0)
            out.push_back(uint32_t(c));
    return out;
}

Status addOverTime(AnalysisResults &r, std::shared_ptr<const PreparedData> data, const Project &p,
                   const std::atomic<bool> *stop)
{
    if (data->layout != Layout::Transactions || !data->days) {
        r.warnings.push_back({Msg::OverTimeNeedsOrderLines});
        return Ok{};
    }
    auto ot = std::make_shared<OverTime>();
    if (p.snapshots)
        if (Status s = addMigration(*ot, r, data, p, stop); !s)
            return s;
    if (p.cohorts) {
        int32_t end = data->days->lastDay;
        if (auto d = dayOf(p.value.observationEnd); d && !p.value.observationEnd.empty())
            end = *d;
        ot->cohorts = computeCohorts(*data->days, end, p.cohorts->period);
        ot->cohorts->measure = p.cohorts->measure;
    }
    r.overTime = std::move(ot);
    return Ok{};
}

} // namespace vs
