#pragma once
// How customers move over time (order lines): the segments as of two dates and the migration
// between them, early warnings about valuable customers who fell, and cohorts by the month or
// quarter of the first purchase. DESIGN.md §4.1 ("Over time") fixes the summary's shape.
#include "core/analytics/analysis.h"

#include <string>
#include <vector>

namespace vs {

inline constexpr const char *kNewCustomersRow = "(new)";  // first order after `from`
inline constexpr const char *kNoSegmentLabel = "(none)";  // a customer without a value

struct PeriodMigration {
    std::string from, to; // ISO dates
    // Rows: the segments as of `from` (the project's labels, "(none)" when a customer had no value,
    // then "(new)"); columns: the segments as of `to`.
    std::vector<std::string> fromSegments, toSegments;
    std::vector<std::vector<size_t>> moved;      // moved[i][j]: customers in fromSegments[i] now in toSegments[j]
    std::vector<std::vector<double>> movedValue; // their value as of `to` (the sum; a missing value adds nothing)
    // Lapsed: customers of the `from` snapshot (first purchase on or before `from`) with no purchase
    // day in (from, to] — returns alone are no purchase. They stay in moved[i][j] by their segment at
    // `to`; this is a column of its own beside the matrix, per row (the "(new)" row's is 0).
    std::vector<size_t> lapsedCount;
    std::vector<double> lapsedValue; // their value as of `to`
    size_t changed = 0; // customers there at `from` whose segment is another at `to`
    struct Segment {
        std::string label;
        size_t fromCount = 0, toCount = 0;
        double fromValue = 0, toValue = 0; // total value in the segment as of each date
        size_t lapsed = 0; // in it at `from`, and no purchase between the two dates
    };
    std::vector<Segment> segments; // the project's labels (and "(none)" when used)
    // Per customer (results' rows): the row and column in the matrix; -1 = not in it (the first
    // purchase lies after `to`).
    std::vector<int> fromIndex, toIndex;
    std::vector<double> fromValue, toValue;    // the model's value as of each date
    std::vector<double> fromAlive, toAlive;    // P(alive) as of each date (predictive models), else empty
    std::vector<double> lastPurchase;          // the last purchase up to `to` (day)
    std::vector<uint8_t> lapsed;               // no purchase between the two dates
};

// A valuable customer (value as of `from` in the top quartile) whose segment fell (a lower RFM
// rule, or a lower value segment) or whose P(alive) fell below the threshold.
struct EarlyWarning {
    uint32_t customer = 0; // row of the results
    bool segmentFell = false, aliveFell = false;
};

struct CohortTable {
    std::string period; // "month" or "quarter"
    std::string measure;
    struct Row {
        std::string cohort; // "2024-01" or "2024-Q1"
        size_t size = 0;    // customers whose first purchase falls in it
        std::vector<size_t> active;  // customers with a purchase in period k after acquisition (k = 0…)
        std::vector<double> revenue; // net amounts in period k
    };
    std::vector<Row> rows;
    std::string observationEnd; // ISO date: the periods reach up to it
};

struct OverTime {
    std::optional<PeriodMigration> migration;
    std::vector<EarlyWarning> earlyWarnings; // with the migration
    double valuableFrom = kMissing;          // the top quartile's lower edge of value as of `from`
    std::optional<CohortTable> cohorts;
};

// Fills results.overTime for a project with snapshots or cohorts (order lines only). What cannot
// be computed is a warning; only a stop request is an error (Cancelled).
Status addOverTime(AnalysisResults &results, std::shared_ptr<const PreparedData> data, const Project &project,
                   const std::atomic<bool> *stop);

// Cohorts alone, from the order lines up to the observation end (day).
CohortTable computeCohorts(const CustomerDays &days, int32_t observationEnd, const std::string &period);

// The lapsed column's index in customersInCell: one past the last segment at `to`.
inline int lapsedColumn(const PeriodMigration &m) { return int(m.toSegments.size()); }

// The customers of a matrix cell (row i, column j of PeriodMigration; j = lapsedColumn(m): the
// row's lapsed customers; -1: any), in results' row order.
std::vector<uint32_t> customersInCell(const PeriodMigration &m, int fromIndex, int toIndex);

} // namespace vs
