#pragma once
// A project's database source read with the work pushed down to the engine. For order lines the
// engine groups the lines per customer and day and, when the analysis needs no more, sums those
// days per customer in the same query: one row per customer comes back (the figures the
// transaction models read), and for the tracking chart a second query sums the repeat purchases
// per week. What needs the days themselves (snapshots, cohorts, purchases per week or month)
// gets a row per customer and day instead, and everything after it is as for a file. For
// customer tables only the mapped columns come.
#include "core/analytics/transactions.h"
#include "core/db/db_client.h"
#include "core/db/db_stats.h"
#include "core/project/project.h"
#include "core/table/table.h"

#include <atomic>
#include <memory>
#include <optional>

namespace vs {

struct DatabaseData {
    std::shared_ptr<const Table> table;  // customers and campaigns: the mapped columns
    std::optional<GroupedLines> grouped; // order lines: per customer and day
    std::optional<SummedLines> summed;   // order lines: per customer
    DatabaseStats stats;
};

// What comes back for order lines: a row per customer; the same and the tracking chart's repeat
// purchases per week (a row per week); or a row per customer and day.
enum class DatabaseRows { PerCustomer, PerCustomerTracked, PerCustomerDay };
// The one rule, for the command line and the window: per customer unless something needs the
// purchase days themselves: snapshots, cohorts, a value model whose purchases are grouped per
// week, month, ... The tracking chart of a model that fits purchase models (trackingChart: the
// chart is drawn; the window always offers it, the command line when asked or in a report) adds
// its weeks (PerCustomerTracked).
DatabaseRows databaseRowsFor(const Project &project, bool trackingChart);

// Whether order lines a database sent can compute the project without reading again: rows per
// customer and day (and customer tables) serve any settings; rows per customer only the
// observation end and holdout end they were summed for, only while databaseRowsFor needs no
// days, and for the tracking chart only with its weeks. The window reads again when they do not.
struct PreparedData;
bool databaseDataServes(const PreparedData &data, const Project &project, bool trackingChart);

// password: from the window; nullopt reads the variable source.database.password_env names.
// rowsRead: when given, the rows received so far (for a progress display; updated as they come).
Result<DatabaseData> readDatabaseSource(const Project &project, const std::optional<std::string> &password = std::nullopt,
                                        std::atomic<bool> *stop = nullptr,
                                        DatabaseRows rows = DatabaseRows::PerCustomerDay,
                                        std::atomic<uint64_t> *rowsRead = nullptr);

// For the import wizard: the tables of the database, and the first rows of the source (every
// column, typed by the engine) for the mapping page.
Result<std::vector<std::string>> listDatabaseTables(const DatabaseSpec &spec, const std::string &password);
Result<std::shared_ptr<const Table>> previewDatabase(const DatabaseSpec &spec, const std::string &password, size_t rows);

// The per-customer output (the --out columns) into the table `name` of the source's database:
// a new table filled, then swapped in.
struct AnalysisResults;
Status writeResultsTable(const AnalysisResults &results, const DatabaseSpec &spec, const std::string &password,
                         const std::string &name);

// The SQL of the order-line push-down (for tests and the README): a row per customer and day, or
// a row per customer summed for an observation end and holdout end (days since 1970-01-01).
std::string orderLinesQuery(const DbClient &client, const Project &project, const std::vector<DbColumn> &columns);
// The dates are bound parameters.
DbStatement customerSummaryQuery(const DbClient &client, const Project &project, const std::vector<DbColumn> &columns,
                                 int32_t observationEnd, int32_t holdoutEnd);
// The tracking chart's actual series (period "day"): per 7-day week from firstDay (the first day
// of the lines kept), the repeat purchase days up to holdoutEnd of the customers who bought up to
// observationEnd; a row (week, count) per week with any.
DbStatement repeatDaysPerWeekQuery(const DbClient &client, const Project &project, const std::vector<DbColumn> &columns,
                                   int32_t firstDay, int32_t observationEnd, int32_t holdoutEnd);

// Where a database source is, for messages: postgresql://host:port/database/table
std::string databaseSourceName(const DatabaseSpec &spec);

} // namespace vs
