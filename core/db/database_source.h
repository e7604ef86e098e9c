#pragma once
// A project's database source read with the work pushed down to the engine: for order lines one
// grouped query returns a row per customer and purchase day (the CustomerDays the models read,
// so everything after it is as for a file); for customer tables only the mapped columns come.
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
    DatabaseStats stats;
};

// password: from the window; nullopt reads the variable source.database.password_env names.
Result<DatabaseData> readDatabaseSource(const Project &project, const std::optional<std::string> &password = std::nullopt,
                                        std::atomic<bool> *stop = nullptr);

// For the import wizard: the tables of the database, and the first rows of the source (every
// column, typed by the engine) for the mapping page.
Result<std::vector<std::string>> listDatabaseTables(const DatabaseSpec &spec, const std::string &password);
Result<std::shared_ptr<const Table>> previewDatabase(const DatabaseSpec &spec, const std::string &password, size_t rows);

// The per-customer output (the --out columns) into the table `name` of the source's database:
// a new table filled, then swapped in.
struct AnalysisResults;
Status writeResultsTable(const AnalysisResults &results, const DatabaseSpec &spec, const std::string &password,
                         const std::string &name);

// The SQL of the order-line push-down (for tests and the README).
std::string orderLinesQuery(const DbClient &client, const Project &project, const std::vector<DbColumn> &columns);

// Where a database source is, for messages: postgresql://host:port/database/table
std::string databaseSourceName(const DatabaseSpec &spec);

} // namespace vs
