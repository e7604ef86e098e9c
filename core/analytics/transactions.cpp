#include "transactions.h"

#include "core/analytics/string_index.h"
#include "core/parallel.h"
#include "core/table/cell_parse.h"
#include "core/table/convert.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <deque>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace vs {

namespace {


std::string roleColumn(const std::map<std::string, std::string> &roles, const char *r)
{
    auto it = roles.find(r);
    return it == roles.end() ? std::string() : it->second;
}

// Numbers a column's cells (ids, invoices) in order of first sight; -1 for an empty cell.
// Number columns are keyed by value, so that a million numeric ids are never formatted as text.
class CellNumbering {
public:
    CellNumbering(const Column &col, size_t expected)
        : m_col(col), m_text(col.type == ColumnType::Text ? expected : 16)
    {
        if (col.type != ColumnType::Text)
            m_numbers.reserve(expected);
    }
    bool blank(size_t row) const
    {
        if (m_col.type == ColumnType::Text)
            return trimSpaces(m_col.texts().at(row)).empty();
        return std::isnan(m_col.numbers()[row]);
    }
    int64_t operator()(size_t row, bool &isNew)
    {
        if (m_col.type == ColumnType::Text) {
            const std::string_view s = trimSpaces(m_col.texts().at(row));
            if (s.empty())
                return -1;
            return m_text.insert(s, isNew);
        }
        const double v = m_col.numbers()[row];
        if (std::isnan(v))
            return -1;
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        auto [it, inserted] = m_numbers.try_emplace(bits, uint32_t(m_numbers.size()));
        isNew = inserted;
        return it->second;
    }

private:
    const Column &m_col;
    StringIndex m_text;
    std::unordered_map<uint64_t, uint32_t> m_numbers;
};

} // namespace

Result<double> daysPerUnit(const std::string &unit)
{
    if (unit == "days")
        return 1.0;
    if (unit == "weeks" || unit.empty())
        return 7.0;
    if (unit == "months")
        return 365.25 / 12;
    return makeError(ErrorKind::Project, Msg::TimeUnitUnknown, {unit});
}

Result<GroupedLines> groupOrderLines(const Table &table, const std::map<std::string, std::string> &roles,
                                     const std::string &file)
{
    const std::string idCol = roleColumn(roles, "customer"), dateCol = roleColumn(roles, "date");
    const std::string amountCol = roleColumn(roles, "amount"), qtyCol = roleColumn(roles, "quantity"),
                      priceCol = roleColumn(roles, "unit_price"), invoiceCol = roleColumn(roles, "invoice");
    if (idCol.empty())
        return makeError(ErrorKind::Model, Msg::OrderLinesNeedCustomer, {}, file);
    if (dateCol.empty())
        return makeError(ErrorKind::Model, Msg::OrderLinesNeedDate, {}, file);
    if (amountCol.empty() && (qtyCol.empty() || priceCol.empty()))
        return makeError(ErrorKind::Model, Msg::OrderLinesNeedAmount, {}, file);
    const size_t n = table.rowCount();
    auto dates = dateValues(table, dateCol, file);
    if (!dates)
        return dates.error();
    std::vector<double> amount, quantity;
    if (!amountCol.empty()) {
        auto a = numericValues(table, amountCol, file);
        if (!a)
            return a.error();
        amount = std::move(a.value());
    }
    if (!qtyCol.empty()) {
        auto q = numericValues(table, qtyCol, file);
        if (!q)
            return q.error();
        quantity = std::move(q.value());
    }
    if (amountCol.empty()) {
        auto p = numericValues(table, priceCol, file);
        if (!p)
            return p.error();
        amount.resize(n);
        for (size_t i = 0; i < n; ++i)
            amount[i] = quantity[i] * p.value()[i];
    }

    // Each line: its customer, day and invoice number.
    GroupedLines out;
    const Column &ids = *table.find(idCol);
    const Column *inv = invoiceCol.empty() ? nullptr : table.find(invoiceCol);
    CellNumbering customerOf(ids, n / 4 + 16);
    std::optional<CellNumbering> invoiceOf;
    if (inv)
        invoiceOf.emplace(*inv, n / 2 + 16);
    std::vector<uint32_t> cust(n), invoice(n, 0);
    std::vector<int32_t> day(n);
    std::vector<uint8_t> isReturn(n, 0);
    std::deque<std::string> numericIds;
    LinesLeftOut leftOut;
    std::vector<uint8_t> keep(n, 1);
    out.ids.reserve(n / 4 + 16, n);
    auto skip = [&](size_t i, int why) {
        keep[i] = 0;
        leftOut.add(why, table.rowNumber(i));
    };
    for (size_t i = 0; i < n; ++i) {
        if (customerOf.blank(i)) { skip(i, 0); continue; }
        if (std::isnan(dates.value()[i])) { skip(i, 1); continue; }
        if (std::isnan(amount[i])) { skip(i, 2); continue; }
        // customers are numbered by their first line that is kept
        bool isNew = false;
        const int64_t c = customerOf(i, isNew);
        if (isNew)
            out.ids.push_back(ids.type == ColumnType::Text ? trimSpaces(ids.texts().at(i)) : std::string_view(numericIds.emplace_back(ids.cellText(i))));
        cust[i] = uint32_t(c);
        day[i] = int32_t(std::floor(dates.value()[i]));
        bool cancelled = amount[i] < 0 || (!quantity.empty() && quantity[i] < 0);
        if (inv) {
            bool invNew = false;
            const int64_t k = (*invoiceOf)(i, invNew);
            invoice[i] = k < 0 ? UINT32_MAX : uint32_t(k);
            if (inv->type == ColumnType::Text) {
                const std::string_view s = trimSpaces(inv->texts().at(i));
                cancelled |= !s.empty() && (s[0] == 'C' || s[0] == 'c');
            }
        }
        isReturn[i] = cancelled;
    }
    leftOut.warn(out.warnings);

    // Lines per customer by counting sort, then each customer's lines by day and invoice.
    const size_t customers = out.ids.size();
    if (customers == 0)
        return makeError(ErrorKind::Model, Msg::OrderLinesNoCustomer, {}, file);
    std::vector<uint32_t> start(customers + 1, 0);
    for (size_t i = 0; i < n; ++i)
        if (keep[i])
            start[cust[i] + 1]++;
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<uint32_t> order(start.back());
    {
        std::vector<uint32_t> fill(start.begin(), start.end() - 1);
        for (size_t i = 0; i < n; ++i)
            if (keep[i])
                order[fill[cust[i]]++] = uint32_t(i);
    }
    CustomerDays &d = out.days;
    d.offset.reserve(customers + 1);
    d.firstDay = INT32_MAX;
    d.lastDay = INT32_MIN;
    d.lines = order.size();
    std::vector<uint32_t> dayInvoices;
    for (size_t c = 0; c < customers; ++c) {
        d.offset.push_back(uint32_t(d.day.size()));
        auto first = order.begin() + start[c], last = order.begin() + start[c + 1];
        // by day, the lines of a day in file order: a day's sums are taken in the order of the
        // file, as the order-line stream (order_stream.h) takes them
        // (a customer's lines are in file order here: by day, then by line, without a buffer)
        std::sort(first, last, [&](uint32_t l, uint32_t r) { return day[l] != day[r] ? day[l] < day[r] : l < r; });
        for (auto it = first; it != last;) {
            const int32_t dd = day[*it];
            double net = 0;
            uint32_t orders = 0;
            bool anyOrder = false;
            dayInvoices.clear();
            for (; it != last && day[*it] == dd; ++it) {
                const uint32_t i = *it;
                if (isReturn[i]) { // a return always takes away, whatever sign its amount was written with
                    net -= std::fabs(amount[i]);
                    ++d.returnLines;
                    continue;
                }
                net += amount[i];
                anyOrder = true;
                if (inv)
                    dayInvoices.push_back(invoice[i]);
            }
            if (!inv) {
                orders = anyOrder ? 1 : 0;
            } else { // the day's distinct invoices (a line without one counts as one invoice)
                std::sort(dayInvoices.begin(), dayInvoices.end());
                orders = uint32_t(std::unique(dayInvoices.begin(), dayInvoices.end()) - dayInvoices.begin());
            }
            d.day.push_back(dd);
            d.net.push_back(net);
            d.orders.push_back(orders);
            d.firstDay = std::min(d.firstDay, dd);
            d.lastDay = std::max(d.lastDay, dd);
        }
    }
    d.offset.push_back(uint32_t(d.day.size()));
    if (d.returnLines)
        out.warnings.push_back({Msg::ReturnLines, {std::to_string(d.returnLines)}});
    return out;
}

int64_t periodOf(int32_t day, const std::string &period)
{
    if (period == "day" || period.empty())
        return day;
    if (period == "week") // 1970-01-01 was a Thursday: weeks start on Monday 1969-12-29
        return (int64_t(day) + 3 - ((int64_t(day) + 3) % 7 + 7) % 7) / 7;
    // civil date from days (H. Hinnant's algorithm)
    const int64_t z = int64_t(day) + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2);
    if (period == "month")
        return y * 12 + m - 1;
    if (period == "quarter")
        return y * 4 + (m - 1) / 3;
    return y; // year
}

void LinesLeftOut::add(const LinesLeftOut &later, int64_t base)
{
    for (int w = 0; w < 3; ++w) {
        if (later.count[w] && !count[w])
            first[w] = base + later.first[w];
        count[w] += later.count[w];
    }
}

void LinesLeftOut::warn(std::vector<Diagnostic> &warnings) const
{
    const Msg what[3] = {Msg::LinesWithoutId, Msg::LinesWithoutDate, Msg::LinesWithoutAmount};
    for (int w = 0; w < 3; ++w)
        if (count[w])
            warnings.push_back({what[w], {std::to_string(count[w]), std::to_string(first[w])}});
}

TransactionSummary summariseTransactions(const CustomerDays &d, int32_t obsEnd, double unitDays,
                                         const SummaryOptions &options)
{
    const size_t n = d.customers();
    const bool byDay = options.period.empty() || options.period == "day";
    const int32_t holdoutEnd = std::max(obsEnd, std::min(options.holdoutEnd, d.lastDay));
    const int64_t obsPeriod = periodOf(obsEnd, options.period);
    TransactionSummary s;
    s.observationEnd = obsEnd;
    s.holdoutLength = byDay ? (holdoutEnd - obsEnd) / unitDays : double(periodOf(holdoutEnd, options.period) - obsPeriod);
    for (auto *v : {&s.frequency, &s.recency, &s.T, &s.monetary, &s.sinceLast, &s.orders, &s.spend, &s.firstPurchase,
                    &s.lastPurchase, &s.holdoutPurchases, &s.holdoutSpend})
        v->assign(n, kMissing);
    s.calibrated.assign(n, 0);
    std::atomic<size_t> boughtLater{0}, onlyReturns{0};
    // customers in blocks, on every core
    parallelBlocks(n, 1 << 16, [&](size_t from, size_t to) {
        size_t blockLater = 0, blockOnlyReturns = 0;
        for (size_t c = from; c < to; ++c) {
            int32_t first = INT32_MAX, last = 0;
            int64_t firstPeriod = 0, lastPeriod = 0, holdoutPeriod = INT64_MIN;
            size_t purchasePeriods = 0, holdoutPeriods = 0;
            bool later = false;
            double orders = 0, spend = 0, repeatValue = 0, holdoutSpend = 0;
            for (uint32_t k = d.offset[c]; k < d.offset[c + 1]; ++k) {
                const bool purchase = d.orders[k] > 0;
                if (d.day[k] > obsEnd) {
                    later |= purchase;
                    if (d.day[k] > holdoutEnd)
                        continue;
                    holdoutSpend += d.net[k];
                    if (purchase) {
                        const int64_t per = byDay ? d.day[k] : periodOf(d.day[k], options.period);
                        holdoutPeriods += per != holdoutPeriod;
                        holdoutPeriod = per;
                    }
                    continue;
                }
                spend += d.net[k];
                if (!purchase) {
                    // a return in a period with a purchase belongs to that period's value
                    if (purchasePeriods > 1 && !byDay && periodOf(d.day[k], options.period) == lastPeriod)
                        repeatValue += d.net[k];
                    continue;
                }
                orders += d.orders[k];
                const int64_t per = byDay ? d.day[k] : periodOf(d.day[k], options.period);
                if (purchasePeriods == 0) {
                    first = d.day[k];
                    firstPeriod = per;
                    lastPeriod = per;
                    purchasePeriods = 1;
                } else if (per != lastPeriod) {
                    ++purchasePeriods;
                    lastPeriod = per;
                    repeatValue += d.net[k];
                } else if (purchasePeriods > 1) {
                    repeatValue += d.net[k]; // another day of a repeat period
                }
                last = d.day[k];
            }
            s.holdoutPurchases[c] = double(holdoutPeriods);
            s.holdoutSpend[c] = holdoutSpend;
            if (purchasePeriods == 0) {
                ++(later ? blockLater : blockOnlyReturns);
                continue;
            }
            s.calibrated[c] = 1;
            const double x = double(purchasePeriods - 1);
            s.frequency[c] = x;
            if (byDay) {
                s.recency[c] = (last - first) / unitDays;
                s.T[c] = (obsEnd - first) / unitDays;
            } else {
                s.recency[c] = double(lastPeriod - firstPeriod);
                s.T[c] = double(obsPeriod - firstPeriod);
            }
            s.monetary[c] = x > 0 ? repeatValue / x : 0.0;
            s.sinceLast[c] = (obsEnd - last) / unitDays;
            s.orders[c] = orders;
            s.spend[c] = spend;
            s.firstPurchase[c] = first;
            s.lastPurchase[c] = last;
        }
        boughtLater += blockLater;
        onlyReturns += blockOnlyReturns;
    });
    s.boughtLater = boughtLater;
    s.onlyReturns = onlyReturns;
    return s;
}

TransactionSummary summariseFigures(const CustomerFigures &f, double unitDays)
{
    const size_t n = f.customers();
    const int32_t obsEnd = f.observationEnd;
    const int32_t holdoutEnd = std::max(obsEnd, std::min(f.holdoutEnd, f.lastDay));
    TransactionSummary s;
    s.observationEnd = obsEnd;
    s.holdoutLength = (holdoutEnd - obsEnd) / unitDays;
    for (auto *v : {&s.frequency, &s.recency, &s.T, &s.monetary, &s.sinceLast, &s.orders, &s.spend, &s.firstPurchase,
                    &s.lastPurchase})
        v->assign(n, kMissing);
    s.holdoutPurchases = f.holdoutPurchases;
    s.holdoutSpend = f.holdoutSpend;
    s.calibrated.assign(n, 0);
    for (size_t c = 0; c < n; ++c) {
        if (f.purchaseDays[c] == 0) {
            ++(f.later[c] ? s.boughtLater : s.onlyReturns);
            continue;
        }
        s.calibrated[c] = 1;
        const double x = double(f.purchaseDays[c] - 1);
        const int32_t first = f.first[c], last = f.last[c];
        s.frequency[c] = x;
        s.recency[c] = (last - first) / unitDays;
        s.T[c] = (obsEnd - first) / unitDays;
        s.monetary[c] = x > 0 ? f.repeatValue[c] / x : 0.0;
        s.sinceLast[c] = (obsEnd - last) / unitDays;
        s.orders[c] = f.orders[c];
        s.spend[c] = f.spend[c];
        s.firstPurchase[c] = first;
        s.lastPurchase[c] = last;
    }
    return s;
}

} // namespace vs
