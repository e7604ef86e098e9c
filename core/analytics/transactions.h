#pragma once
// Order lines in, customers out: lines grouped per customer and purchase day, then summarised
// for one observation end and time unit with the conventions of the BTYD literature.
#include "core/error.h"
#include "core/table/table.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vs {

// What the order lines say per customer and day, sorted by day within each customer.
struct CustomerDays {
    std::vector<uint32_t> offset;  // customer i's days are [offset[i], offset[i + 1])
    std::vector<int32_t> day;      // days since 1970-01-01
    std::vector<double> net;       // the day's purchases less the day's returns
    std::vector<uint32_t> orders;  // the day's orders: distinct invoices, or 1 without an invoice column
    int32_t firstDay = 0, lastDay = 0; // over all lines
    size_t lines = 0;
    size_t returnLines = 0;
    size_t customers() const { return offset.empty() ? 0 : offset.size() - 1; }
};

// Order lines left out for want of a customer id, a date or an amount: how many for each, and the
// row of the first (the table's grouping and both order-line streams warn alike).
struct LinesLeftOut {
    enum Why { NoId = 0, NoDate = 1, NoAmount = 2 };
    size_t count[3] = {0, 0, 0};
    int64_t first[3] = {-1, -1, -1};
    void add(int why, int64_t row)
    {
        if (!count[why]++)
            first[why] = row;
    }
    void add(const LinesLeftOut &later, int64_t base); // a later part's, its rows counted from base
    void warn(std::vector<Diagnostic> &warnings) const;
};

struct GroupedLines {
    CustomerDays days;
    TextData ids;                      // customer id, in order of first appearance
    std::vector<Diagnostic> warnings;
};

// roles: customer, date, and amount or quantity x unit_price; invoice optional.
Result<GroupedLines> groupOrderLines(const Table &table, const std::map<std::string, std::string> &roles,
                                     const std::string &file);

// Days per time unit: days 1, weeks 7, months 365.25 / 12.
Result<double> daysPerUnit(const std::string &unit);

struct TransactionSummary {
    // BTYD, in the time unit: frequency = repeat purchase days, recency = first to last purchase,
    // T = first purchase to observation end, monetary = mean net value of the repeat purchase days.
    std::vector<double> frequency, recency, T, monetary;
    // RFM: time since the last purchase, orders, net spend (all up to the observation end)
    std::vector<double> sinceLast, orders, spend;
    std::vector<double> firstPurchase, lastPurchase; // dates (days since 1970-01-01)
    // After the observation end: purchase days and net spend
    std::vector<double> holdoutPurchases, holdoutSpend;
    std::vector<uint8_t> calibrated; // 0: first purchase after the observation end
    double observationEnd = 0;       // day
    double holdoutLength = 0;        // in the time unit (or in periods)
    size_t boughtLater = 0;  // first purchase after the observation end
    size_t onlyReturns = 0;  // no purchase at all in the data, only returns
};

// How the days are summarised beyond the observation end and the time unit.
struct SummaryOptions {
    // Orders after this day are left out (the end of the holdout period); default: none are.
    int32_t holdoutEnd = INT32_MAX;
    // "day": purchases grouped per day, times in the time unit. "week" (calendar weeks Monday to
    // Sunday, as pandas' period "W" that lifetimes uses), "month", "quarter", "year": purchases
    // grouped per calendar period, frequency, recency and T counted in whole periods.
    std::string period = "day";
};

// The period index of a day ("week": weeks since the Monday 1969-12-29; "month": year * 12 +
// month - 1, …); the day itself for "day".
int64_t periodOf(int32_t day, const std::string &period);

TransactionSummary summariseTransactions(const CustomerDays &days, int32_t observationEnd, double unitDays,
                                         const SummaryOptions &options = {});

// What summariseTransactions reads of a customer's days, summed already (by a database engine,
// from its own grouping per customer and day) for one observation end and holdout end, with
// purchases grouped per day: the per-customer rows a push-down returns instead of their days.
struct CustomerFigures {
    int32_t observationEnd = 0;
    int32_t holdoutEnd = INT32_MAX; // as the project gives it (INT32_MAX: none)
    int32_t firstDay = 0, lastDay = 0; // over all lines
    size_t lines = 0, returnLines = 0;
    // per customer, up to the observation end: purchase days (days with an order), the first
    // and the last of them, orders, net spend, and the net of the purchase days after the first
    std::vector<uint32_t> purchaseDays;
    std::vector<int32_t> first, last;
    std::vector<double> orders, spend, repeatValue;
    // after the observation end, up to the holdout end: purchase days and net spend
    std::vector<double> holdoutPurchases, holdoutSpend;
    std::vector<uint8_t> later; // a purchase after the observation end
    // for the tracking chart: the calibrated customers' repeat purchase days (after their first
    // purchase day, up to the holdout end) per 7-day week from firstDay, as addTracking counts
    // them from the days; nullopt when not asked for
    std::optional<std::vector<double>> repeatsPerWeek;
    size_t customers() const { return purchaseDays.size(); }
};

struct SummedLines {
    CustomerFigures figures;
    TextData ids; // customer id per row of the figures
    std::vector<Diagnostic> warnings;
};

// The summary summariseTransactions gives for the same days, observation end and holdout end
// (period "day").
TransactionSummary summariseFigures(const CustomerFigures &figures, double unitDays);

} // namespace vs
