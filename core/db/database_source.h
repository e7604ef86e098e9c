#pragma once
// A project's database source read with the work pushed down to the engine. For order lines the
// engine groups the lines per customer and day and, when the analysis needs no more, sums those
// days per customer in the same query: one row per customer comes back (the figures the
// transaction models read). What needs the days themselves (the window's tracking chart and
// date edits, snapshots, cohorts, purchases per week or month) gets a row per customer and day
// instead, and everything after it is as for a file. For customer tables only the mapped columns
// come.
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

// What comes back for order lines.
enum class DatabaseRows { PerCustomer, PerCustomerDay };
// PerCustomer unless the days are needed: in the window (tracking chart, date edits without
// reading again), for snapshots or cohorts, or for purchases grouped per week, month, ...
DatabaseRows databaseRowsFor(const Project &project, bool window);

// password: from the window; nullopt reads the variable source.database.password_env names.
Result<DatabaseData> readDatabaseSource(const Project &project, const std::optional<std::string> &password = std::nullopt,
                                        std::atomic<bool> *stop = nullptr,
                                        DatabaseRows rows = DatabaseRows::PerCustomerDay);

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
std::string customerSummaryQuery(const DbClient &client, const Project &project, const std::vector<DbColumn> &columns,
                                 int32_t observationEnd, int32_t holdoutEnd);

// Where a database source is, for messages: postgresql://host:port/database/table
std::string databaseSourceName(const DatabaseSpec &spec);

} // namespace vs
