#include "analysis.h"

#include "core/parallel.h"
#include "core/analytics/binning.h"
#include "core/analytics/over_time.h"
#include "core/analytics/string_index.h"
#include "core/analytics/rfm.h"
#include "core/analytics/transaction_models.h"
#include "core/analytics/transactions.h"
#include "core/analytics/value_models.h"
#include "core/domain/models.h"
#include "core/domain/roles.h"
#include "core/domain/segment_methods.h"
#include "core/table/cell_parse.h"
#include "core/table/convert.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <future>
#include <unordered_map>

namespace vs {

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string role(const Project &p, const char *r)
{
    auto it = p.source.columns.find(r);
    return it == p.source.columns.end() ? std::string() : it->second;
}

Error modelError(Msg code, std::vector<std::string> args = {}) { return makeError(ErrorKind::Model, code, std::move(args)); }

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower((unsigned char)a[i]) != std::tolower((unsigned char)b[i]))
            return false;
    return true;
}

} // namespace

const std::vector<double> *AnalysisResults::column(const std::string &name) const
{
    if (name == "value")
        return &value;
    for (const auto &s : scores)
        if (s.name == name)
            return &s.values;
    for (const auto &e : extra)
        if (e.name == name)
            return &e.values;
    return nullptr;
}

Meaning AnalysisResults::meaningOf(const std::string &name) const
{
    if (name == "value" || (layout == Layout::Campaigns && name == "effect"))
        return layout == Layout::Campaigns ? Meaning::Money : valueMeaning(model);
    for (const auto &s : scores)
        if (s.name == name)
            return Meaning::Score;
    for (const auto &e : extra)
        if (e.name == name)
            return e.isDate ? Meaning::Date : modelColumnMeaning(name);
    if (data)
        if (auto it = data->inputMeanings.find(name); it != data->inputMeanings.end())
            return it->second;
    return Meaning::Number;
}

Meaning AnalysisResults::statisticMeaning(size_t i) const
{
    if (i >= stats.size())
        return Meaning::Number;
    const std::string &name = stats[i].first;
    if (data && i < data->inputStats.size()) {
        const auto it = data->inputMeanings.find(name);
        return it == data->inputMeanings.end() ? Meaning::Number : it->second;
    }
    return meaningOf(name);
}

std::vector<size_t> AnalysisResults::describedStatistics() const
{
    std::vector<size_t> out;
    for (size_t i = 0; i < stats.size(); ++i)
        if (isMeasure(statisticMeaning(i)))
            out.push_back(i);
    return out;
}

std::vector<std::string> plottableMeasures(const AnalysisResults &r)
{
    std::vector<std::string> out;
    if (r.layout == Layout::Campaigns)
        return out;
    auto add = [&](const std::string &name) {
        if (std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    };
    add("value");
    for (const NamedValues &s : r.scores)
        add(s.name);
    for (const NamedValues &e : r.extra)
        if (!e.isDate)
            add(e.name);
    return out;
}

Result<NumberColumn> PreparedData::numbers(const std::string &column) const
{
    const Column *col = table->find(column);
    if (col && col->type == ColumnType::Number && rows.empty())
        return NumberColumn::view(col->numbers()); // a view, no copy
    // text read as numbers, or the kept rows of a column: converted once, then shared by every
    // recompute (a weight edit touches only doubles)
    std::shared_ptr<const Converted> converted;
    {
        std::lock_guard lock(m_conversions->mutex);
        auto &slot = m_conversions->byColumn[column];
        if (!slot) {
            UnreadableCells unreadable;
            auto all = numericValues(*table, column, file, unreadableAsMissing ? &unreadable : nullptr);
            if (all && !rows.empty()) {
                std::vector<double> kept(rows.size());
                for (size_t i = 0; i < rows.size(); ++i)
                    kept[i] = all.value()[rows[i]];
                all = std::move(kept);
            }
            std::optional<Diagnostic> note;
            if (unreadable.count) {
                note = Diagnostic{Msg::CellsReadAsMissing, {std::to_string(unreadable.count), column,
                                                            std::to_string(unreadable.firstRow), unreadable.firstCell}};
                note->file = file;
            }
            slot = std::make_shared<const Converted>(Converted{std::move(all), std::move(note)});
        }
        converted = slot;
    }
    if (!converted->values)
        return converted->values.error();
    return NumberColumn::view(converted->values.value(), converted);
}

std::optional<Diagnostic> PreparedData::unreadableNote(const std::string &column) const
{
    std::lock_guard lock(m_conversions->mutex);
    auto it = m_conversions->byColumn.find(column);
    return it == m_conversions->byColumn.end() || !it->second ? std::nullopt : it->second->note;
}

Status checkMapping(const Table &table, const Project &p, const std::string &file)
{
    for (const auto &[r, col] : p.source.columns)
        if (!table.find(col))
            return makeError(ErrorKind::Project, Msg::RoleColumnMissing, {r, col}, file);
    for (const auto &[r, cols] : p.source.periodColumns)
        for (const std::string &col : cols)
            if (!table.find(col))
                return makeError(ErrorKind::Project, Msg::PeriodColumnMissing, {r, col}, file);
    for (const ScoreSpec &s : p.scores)
        for (const ScoreItem &it : s.items)
            if (!table.find(it.column))
                return makeError(ErrorKind::Project, Msg::ScoreColumnMissing, {s.name, it.column}, file);
    for (const RateSpec &r : p.rates)
        if (!table.find(r.column))
            return makeError(ErrorKind::Project, Msg::RateColumnMissing, {r.name, r.column}, file);
    return Ok{};
}

namespace {
// what the mapped columns mean: an id stays an id even when it is also mapped elsewhere
void addInputMeanings(PreparedData &data, const Project &p)
{
    for (const auto &[r, col] : p.source.columns) {
        Meaning &m = data.inputMeanings.try_emplace(col, roleMeaning(r)).first->second;
        if (roleMeaning(r) == Meaning::Identifier)
            m = Meaning::Identifier;
    }
    for (const auto &[r, cols] : p.source.periodColumns)
        for (const std::string &col : cols)
            data.inputMeanings.try_emplace(col, roleMeaning(r));
}

// order lines grouped per customer and day, however they came: the fits' caches start empty
void takeGroupedLines(PreparedData &data, GroupedLines &&grouped)
{
    data.ids = std::move(grouped.ids);
    data.warnings = std::move(grouped.warnings);
    data.days = std::make_shared<const CustomerDays>(std::move(grouped.days));
    data.fitCache = std::make_shared<FitCache>();
    for (auto &cache : data.snapshotFits)
        cache = std::make_shared<FitCache>();
}
} // namespace

namespace {
// Order lines that come without a table of them (grouped as they streamed, or summed by a database)
std::shared_ptr<PreparedData> tablelessOrderLines(const Project &p, const std::string &source)
{
    auto data = std::make_shared<PreparedData>();
    data->table = std::make_shared<const Table>();
    data->file = source;
    data->layout = Layout::Transactions;
    addInputMeanings(*data, p);
    return data;
}
} // namespace

Result<std::shared_ptr<const PreparedData>> prepareGroupedLines(GroupedLines grouped, const Project &p,
                                                                const std::string &source)
{
    auto data = tablelessOrderLines(p, source);
    takeGroupedLines(*data, std::move(grouped));
    return std::shared_ptr<const PreparedData>(std::move(data));
}

Result<std::shared_ptr<const PreparedData>> prepareSummedLines(SummedLines summed, const Project &p,
                                                               const std::string &source)
{
    auto data = tablelessOrderLines(p, source);
    data->ids = std::move(summed.ids);
    data->warnings = std::move(summed.warnings);
    data->figures = std::make_shared<const CustomerFigures>(std::move(summed.figures));
    data->fitCache = std::make_shared<FitCache>();
    for (auto &cache : data->snapshotFits)
        cache = std::make_shared<FitCache>();
    return std::shared_ptr<const PreparedData>(std::move(data));
}

bool canStreamOrderLines(const Project &p)
{
    return p.source.layout == Layout::Transactions && p.scores.empty() && p.rates.empty() && p.source.periodColumns.empty();
}

Result<std::shared_ptr<const PreparedData>>
prepareGroupedOrderLines(Table columns, GroupedLines &&grouped,
                         std::vector<std::pair<std::string, DescriptiveStats>> inputStats, const Project &p,
                         const std::string &file)
{
    auto data = std::make_shared<PreparedData>();
    data->table = std::make_shared<const Table>(std::move(columns));
    data->file = file;
    data->layout = p.source.layout;
    if (auto st = checkMapping(*data->table, p, file); !st)
        return st.error();
    addInputMeanings(*data, p);
    takeGroupedLines(*data, std::move(grouped));
    data->inputStats = std::move(inputStats);
    return std::shared_ptr<const PreparedData>(std::move(data));
}

namespace {
// describe() of every number column, of all rows or of `rows` (each column on a core)
std::vector<std::pair<std::string, DescriptiveStats>> describeNumberColumns(const Table &table,
                                                                            const std::vector<uint32_t> &rows)
{
    std::vector<const Column *> numbers;
    for (const Column &c : table.columns)
        if (c.type == ColumnType::Number)
            numbers.push_back(&c);
    std::vector<std::pair<std::string, DescriptiveStats>> out(numbers.size());
    parallelFor(numbers.size(), [&](size_t k) {
        const Column &c = *numbers[k];
        out[k].first = c.name;
        if (rows.empty()) {
            out[k].second = describe(c.numbers());
            return;
        }
        std::vector<double> kept(rows.size());
        for (size_t i = 0; i < kept.size(); ++i)
            kept[i] = c.numbers()[rows[i]];
        out[k].second = describe(kept);
    });
    return out;
}
} // namespace

namespace {

// Which ids came before (the first row with an id counts): open addressing on the ids' hashes, a
// slot holding the row the id was first seen in (its text is read from the column there), room
// for every row without growing.
class SeenRows {
public:
    explicit SeenRows(size_t rows)
    {
        size_t cap = 16;
        while (cap < 2 * rows)
            cap <<= 1;
        m_slots.assign(rows ? cap : 0, Slot{});
        m_mask = cap - 1;
    }
    void prefetch(uint32_t tag) const { __builtin_prefetch(m_slots.data() + (tag & m_mask)); }
    // whether id, of this row, is new
    template <class TextAt>
    bool insert(std::string_view id, uint32_t tag, uint32_t row, const TextAt &textAt)
    {
        size_t h = tag & m_mask;
        for (; m_slots[h].row; h = (h + 1) & m_mask)
            if (m_slots[h].tag == tag && textAt(m_slots[h].row - 1) == id)
                return false;
        m_slots[h] = {row + 1, tag};
        return true;
    }

private:
    struct Slot {
        uint32_t row = 0; // + 1; 0: empty
        uint32_t tag = 0;
    };
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
};

} // namespace

Result<std::shared_ptr<const PreparedData>> prepareData(std::shared_ptr<const Table> table, const Project &p,
                                                        const std::string &file)
{
    auto data = std::make_shared<PreparedData>();
    data->table = table;
    data->file = file;
    data->layout = p.source.layout;
    if (auto st = checkMapping(*table, p, file); !st)
        return st.error();
    addInputMeanings(*data, p);
    if (p.source.layout == Layout::Transactions) {
        auto grouped = groupOrderLines(*table, p.source.columns, file);
        if (!grouped)
            return grouped.error();
        takeGroupedLines(*data, std::move(*grouped));
        data->inputStats = describeNumberColumns(*table, {}); // S8 of the order lines' own numbers
        return std::shared_ptr<const PreparedData>(std::move(data));
    }

    const std::string idRole = p.source.layout == Layout::Campaigns ? "campaign" : "customer";
    const std::string idColumn = role(p, idRole.c_str());
    const size_t n = table->rowCount();
    // the input columns described on the other cores while the ids are read here (again for
    // the rows kept, if some are left out)
    std::vector<std::pair<std::string, DescriptiveStats>> allRowsStats;
    std::future<void> described = startAlongside([&] { allRowsStats = describeNumberColumns(*table, {}); });
    if (idColumn.empty()) {
        // no id column: number the rows as the spreadsheet does
        data->ids.reserve(n, n * 7);
        for (size_t i = 0; i < n; ++i)
            data->ids.push_back(std::to_string(table->rowNumber(i)));
    } else {
        const Column &col = *table->find(idColumn);
        if (p.source.layout == Layout::Campaigns) {
            data->ids.reserve(n, n * 8);
            for (size_t i = 0; i < n; ++i)
                data->ids.push_back(col.cellText(i));
        } else {
            // Duplicate customer ids: the first row counts, later rows are left out (with a warning).
            StringIndex seen(col.type == ColumnType::Text ? 0 : n);
            std::deque<std::string> numericIds; // keeps text of numeric ids alive for the set
            size_t dup = 0, missing = 0;
            int64_t firstDupRow = -1, firstMissingRow = -1;
            std::string firstDupId;
            std::vector<uint32_t> keep;
            keep.reserve(n);
            data->ids.reserve(n, n * 8);
            // text ids: their hashes in blocks on every core, then looked up 16 ahead of use, in
            // a table of the rows they were first seen in (no copy of the ids)
            std::vector<uint32_t> tags;
            constexpr size_t kAhead = 16, kBlock = size_t(1) << 16;
            const bool text = col.type == ColumnType::Text;
            auto textAt = [&](size_t row) { return trimSpaces(col.texts().at(row)); };
            SeenRows seenRows(text ? n : 0);
            if (text) {
                tags.resize(n);
                parallelBlocks(n, kBlock, [&](size_t from, size_t to) {
                    for (size_t i = from; i < to; ++i)
                        tags[i] = StringIndex::tagOf(textAt(i));
                });
            }
            for (size_t i = 0; i < n; ++i) {
                std::string_view id;
                if (text) {
                    id = textAt(i);
                    if (i + kAhead < n)
                        seenRows.prefetch(tags[i + kAhead]);
                } else {
                    numericIds.push_back(col.cellText(i));
                    id = numericIds.back();
                }
                if (id.empty()) {
                    if (!missing++)
                        firstMissingRow = table->rowNumber(i);
                    continue;
                }
                bool isNew = false;
                if (text)
                    isNew = seenRows.insert(id, tags[i], uint32_t(i), textAt);
                else
                    seen.insert(id, isNew);
                if (!isNew) {
                    if (!dup++) {
                        firstDupRow = table->rowNumber(i);
                        firstDupId = std::string(id);
                    }
                    continue;
                }
                keep.push_back(uint32_t(i));
                data->ids.push_back(id);
            }
            if (missing)
                data->warnings.push_back({Msg::RowsWithoutId, {std::to_string(missing), std::to_string(firstMissingRow)}});
            if (dup)
                data->warnings.push_back({Msg::RowsRepeatId, {std::to_string(dup), std::to_string(firstDupRow), firstDupId}});
            if (dup || missing)
                data->rows = std::move(keep);
        }
    }
    described.get();
    if (data->ids.size() == 0)
        return makeError(ErrorKind::Model, Msg::NoRowsToAnalyse, {}, file);

    // Descriptive statistics of every numeric input column (S8), of the rows kept.
    data->inputStats = data->rows.empty() ? std::move(allRowsStats) : describeNumberColumns(*table, data->rows);
    data->unreadableAsMissing = p.source.unreadableAsMissing;
    // every column the project maps to a number role or a score, converted now, once
    for (const auto &[r, col] : p.source.columns)
        if (roleNeedsNumbers(r))
            (void)data->numbers(col);
    for (const auto &[r, cols] : p.source.periodColumns)
        for (const std::string &col : cols)
            (void)data->numbers(col);
    for (const ScoreSpec &s : p.scores)
        for (const ScoreItem &it : s.items)
            (void)data->numbers(it.column);
    return std::shared_ptr<const PreparedData>(std::move(data));
}

namespace {

Status computeScores(ModelContext &c)
{
    const size_t n = c.d.rowCount();
    for (const ScoreSpec &spec : c.p.scores) {
        NamedValues out{spec.name, std::vector<double>(n, 0.0)};
        double wsum = 0;
        for (const ScoreItem &it : spec.items)
            wsum += it.weight;
        const double divisor = spec.normalize == Normalize::Count ? double(spec.items.size()) : wsum;
        if (divisor == 0)
            return modelError(Msg::ScoreWeightsSumZero, {spec.name});
        size_t missing = 0;
        for (const ScoreItem &it : spec.items) {
            auto xr = c.d.numbers(it.column);
            if (!xr)
                return xr.error();
            NumberColumn x = std::move(xr.value());
            if (spec.minMaxScale) {
                std::vector<double> scaled = x.toVector();
                double mn = INFINITY, mx = -INFINITY;
                for (double v : x)
                    if (!std::isnan(v)) { mn = std::min(mn, v); mx = std::max(mx, v); }
                const double range = mx - mn;
                if (!(range > 0))
                    c.r.warnings.push_back({Msg::IndicatorConstant, {it.column, spec.name}});
                for (double &v : scaled)
                    if (!std::isnan(v))
                        v = range > 0 ? (v - mn) / range : 0.0;
                x = NumberColumn::own(std::move(scaled));
            }
            const double w = it.weight;
            double *o = out.values.data();
            for (size_t i = 0; i < n; ++i)
                o[i] += w * x[i];
        }
        for (double &v : out.values) {
            v /= divisor;
            missing += std::isnan(v);
        }
        if (missing)
            c.r.warnings.push_back({Msg::ScoreIndicatorMissing, {std::to_string(missing), spec.name}});
        c.r.scores.push_back(std::move(out));
    }
    return Ok{};
}

Status computeCampaigns(ModelContext &c)
{
    auto sales = c.need("sales", Msg::ModelNeedsCampaignSales);
    if (!sales) return sales.error();
    auto cost = c.need("cost", Msg::ModelNeedsCampaignCost);
    if (!cost) return cost.error();
    const size_t n = c.d.rowCount();
    std::vector<double> roi(n, kMissing);
    c.r.value.resize(n);
    CampaignSummary s;
    size_t zeroCost = 0;
    for (size_t i = 0; i < n; ++i) {
        const double e = sales.value()[i] - cost.value()[i];
        c.r.value[i] = e;
        if (cost.value()[i] != 0)
            roi[i] = e / cost.value()[i];
        else
            ++zeroCost;
    }
    if (zeroCost)
        c.r.warnings.push_back({Msg::CampaignZeroCost, {std::to_string(zeroCost)}});
    const DescriptiveStats st = describe(c.r.value);
    s.meanEffect = st.mean;
    s.totalEffect = st.sum;
    s.totalSales = accurateSum(sales.value().span());
    s.totalCost = accurateSum(cost.value().span());
    s.overallRoi = s.totalCost != 0 ? s.totalEffect / s.totalCost : kMissing;
    c.r.campaigns = s;
    c.r.extra.push_back({"sales", sales.value().toVector()});
    c.r.extra.push_back({"cost", cost.value().toVector()});
    c.r.extra.push_back({"roi", std::move(roi)});
    c.warnMissing(c.r.value, Msg::NoEffect);
    return Ok{};
}

Status computeRates(ModelContext &c)
{
    for (const RateSpec &rs : c.p.rates) {
        const Column &col = *c.d.table->find(rs.column);
        size_t nonEmpty = 0, positive = 0;
        double posNum = kMissing;
        const bool numeric = col.type == ColumnType::Number &&
                             parseNumber(rs.positive, NumberFormat{}, posNum) == CellParse::Ok;
        const std::string_view pos = trimSpaces(rs.positive);
        auto visit = [&](size_t row) {
            if (col.cellMissing(row))
                return;
            ++nonEmpty;
            if (numeric)
                positive += col.numbers()[row] == posNum;
            else if (col.type == ColumnType::Text)
                positive += equalsIgnoreCase(trimSpaces(col.texts().at(row)), pos);
            else
                positive += equalsIgnoreCase(col.cellText(row), pos);
        };
        if (c.d.rows.empty())
            for (size_t i = 0; i < col.size(); ++i) visit(i);
        else
            for (uint32_t i : c.d.rows) visit(i);
        if (!nonEmpty)
            c.r.warnings.push_back({Msg::RateNoAnswers, {rs.name, rs.column}});
        c.r.rates.emplace_back(rs.name, nonEmpty ? double(positive) / double(nonEmpty) : kMissing);
    }
    return Ok{};
}

// The value model's own compute function, from the registry (core/domain/models.h).
Status computeModel(ModelContext &c)
{
    const std::string &key = c.p.value.model;
    const ValueModelInfo *model = findValueModel(key);
    if (c.d.layout == Layout::Transactions && (!model || model->layout != Layout::Transactions))
        return modelError(Msg::ModelNeedsCustomerRows, {key});
    if (!model || model->layout != c.d.layout)
        return modelError(Msg::ModelNeedsOrderLines, {key});
    return model->compute(c);
}

// Segments by the project's method, from the registry (core/domain/segment_methods.h).
Status computeSegments(ModelContext &c)
{
    const SegmentMethodInfo *method = findSegmentMethod(c.p.segments.method);
    if (!method)
        return modelError(Msg::SegmentMethodUnknown, {c.p.segments.method});
    return method->assign(c);
}

} // namespace

namespace {
bool sameBits(const std::vector<double> &a, const std::vector<double> &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// The numbers behind a named statistic of `r`: value, a score or a model column.
const std::vector<double> *measure(const AnalysisResults &r, const std::string &name)
{
    if (name == "value")
        return &r.value;
    for (const NamedValues &s : r.scores)
        if (s.name == name)
            return &s.values;
    for (const NamedValues &e : r.extra)
        if (e.name == name)
            return &e.values;
    return nullptr;
}

// describe(values), or the previous results' statistic when its numbers were the same
DescriptiveStats describeOrReuse(const std::string &name, const std::vector<double> &values,
                                 const AnalysisResults *previous)
{
    if (previous)
        if (const std::vector<double> *before = measure(*previous, name); before && sameBits(*before, values))
            for (size_t i = previous->data ? previous->data->inputStats.size() : 0; i < previous->stats.size(); ++i)
                if (previous->stats[i].first == name) // the computed measures follow the inputs
                    return previous->stats[i].second;
    return describe(values);
}
} // namespace

void addStatistics(AnalysisResults &r, const AnalysisResults *previous)
{
    // the measures described: value, the scores, the numbers among the other columns
    std::vector<std::pair<const std::string *, const std::vector<double> *>> measures;
    static const std::string valueName = "value";
    measures.emplace_back(&valueName, &r.value);
    for (const NamedValues &s : r.scores)
        measures.emplace_back(&s.name, &s.values);
    for (const NamedValues &e : r.extra)
        if ((r.layout != Layout::Campaigns || e.name == "roi") && !e.isDate)
            measures.emplace_back(&e.name, &e.values);
    std::vector<DescriptiveStats> described(measures.size());
    const bool reuse = previous && previous->concentration && previous->valueHistogram && sameBits(previous->value, r.value);
    // each on a core of its own (a million customers: a median each)
    parallelFor(measures.size() + 2, [&](size_t i) {
        if (i == 0)
            r.concentration = reuse ? previous->concentration : concentration(r.value);
        else if (i == 1)
            r.valueHistogram = reuse ? previous->valueHistogram : valueDistribution(r.value, 30);
        else
            described[i - 2] = describeOrReuse(*measures[i - 2].first, *measures[i - 2].second, previous);
    });
    r.stats = r.data->inputStats;
    for (size_t i = 0; i < measures.size(); ++i)
        r.stats.emplace_back(*measures[i].first, described[i]);
}

Result<AnalysisResults> computeAnalysis(std::shared_ptr<const PreparedData> data, const Project &p,
                                        const ComputeOptions &options)
{
    AnalysisResults r;
    r.layout = data->layout;
    r.model = p.source.layout == Layout::Campaigns ? "campaign_effect" : p.value.model;
    r.data = data;
    r.warnings = data->warnings;
    ModelContext c{*data, p, r, options.stop, options.progress, options.stopLongStep};
    const Error superseded = makeError(ErrorKind::Cancelled, Msg::ComputationSuperseded);
    auto t0 = Clock::now();
    Status st = Ok{};
    if (data->layout == Layout::Campaigns) {
        if (st = computeScores(c); st)
            st = computeCampaigns(c);
    } else if (data->layout == Layout::Transactions) {
        st = computeModel(c);
    } else if (st = computeScores(c); st) {
        st = c.stopped() ? Status(superseded) : computeModel(c);
    }
    if (!st)
        return st.error();
    if (c.stopped())
        return superseded;
    if (auto s = computeRates(c); !s)
        return s.error();
    if (data->unreadableAsMissing) { // never silent: which cells were taken as missing
        std::vector<std::string> used;
        for (const auto &[role, col] : p.source.columns)
            if (roleNeedsNumbers(role))
                used.push_back(col);
        for (const auto &[role, cols] : p.source.periodColumns)
            used.insert(used.end(), cols.begin(), cols.end());
        for (const ScoreSpec &s : p.scores)
            for (const ScoreItem &it : s.items)
                used.push_back(it.column);
        std::sort(used.begin(), used.end());
        used.erase(std::unique(used.begin(), used.end()), used.end());
        for (const std::string &col : used)
            if (auto note = data->unreadableNote(col))
                r.warnings.push_back(*note);
    }
    size_t valued = 0;
    for (double v : r.value)
        valued += !std::isnan(v);
    r.totalValue = accurateSum(r.value);
    r.valuedCount = valued;
    r.meanValue = valued ? r.totalValue / double(valued) : kMissing;
    r.timings.computeMs = msSince(t0);

    auto t1 = Clock::now();
    if (data->layout != Layout::Campaigns) {
        if (auto s = computeSegments(c); !s)
            return s.error();
    } else {
        r.segment.assign(r.value.size(), -1);
    }
    r.timings.segmentMs = msSince(t1);
    if (c.stopped())
        return superseded;
    if (p.snapshots || p.cohorts)
        if (auto s = addOverTime(r, data, p, options.stop); !s)
            return s.error();

    if (options.statistics)
        addStatistics(r, options.previous);
    return r;
}

} // namespace vs
