#pragma once
// A connection to a database server, as the analysis needs it: columns of a table or query, rows
// streamed as text, and writing a results table. One implementation per engine (PostgreSQL with
// libpq, ClickHouse over its HTTP interface with libcurl), chosen through core/domain/sources.h.
// Identifiers are quoted by the engine's rules; values go as bound parameters: PostgreSQL's
// ($1, $2...), and for ClickHouse 18, whose HTTP interface has no query parameters, as a one-row
// external table sent with the query (its "external data"), read by scalar subqueries that the
// server evaluates once; a user's query only ever runs as a subquery of a read-only statement.
#include "core/error.h"
#include "core/project/project.h"
#include "core/table/table.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

struct DbColumn {
    std::string name;
    std::string engineType; // as the engine names it: "double precision", "Nullable(Float64)"
    ColumnType type = ColumnType::Text;
};

// One row: the fields as text, nullopt for NULL.
using DbRow = std::vector<std::optional<std::string_view>>;
using RowSink = std::function<bool(const DbRow &)>; // false: stop reading

// Row r of a results table as one line of tab-separated text, as both engines load it
// (PostgreSQL's COPY text format and ClickHouse's TabSeparated): backslash escapes for \\, tab,
// newline and carriage return; an empty number is NULL (\N).
inline void appendTabSeparatedRow(std::string &out, size_t r, size_t columns, const std::vector<bool> &numeric,
                                  const std::function<std::string(size_t, size_t)> &cell)
{
    for (size_t c = 0; c < columns; ++c) {
        if (c)
            out += '\t';
        const std::string v = cell(r, c);
        if (numeric[c] && v.empty()) {
            out += "\\N";
            continue;
        }
        for (char ch : v) {
            switch (ch) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += ch;
            }
        }
    }
    out += '\n';
}

class DbClient {
public:
    virtual ~DbClient() = default;
    virtual const char *engine() const = 0;
    // Connects and checks the password (an error carries the engine's reason).
    virtual Status connect(const DatabaseSpec &spec, const std::string &password) = 0;
    virtual std::string quoteIdentifier(std::string_view name) const = 0;
    // The tables (and views) of the database, for the wizard's list.
    virtual Result<std::vector<std::string>> listTables() = 0;
    // Runs a read-only SELECT (read-only transaction / readonly setting), streaming rows.
    // params: the values of the statement's intParameter(k)/textParameter(k), bound, never part of
    // the statement's text.
    virtual Status select(const std::string &sql, const std::vector<std::string> &params, const RowSink &sink,
                          std::vector<DbColumn> *columns = nullptr) = 0;
    // The columns of a relation (a quoted table or "(query) AS alias") without reading rows.
    virtual Result<std::vector<DbColumn>> describe(const std::string &relation) = 0;
    // Replaces (or creates) the table `name` with these rows at once: a new table is filled, then
    // swapped in. numeric[i]: column i holds numbers (empty text = NULL).
    virtual Status replaceTable(const std::string &name, const std::vector<std::string> &header,
                                const std::vector<bool> &numeric, size_t rows,
                                const std::function<std::string(size_t, size_t)> &cell) = 0;
    // Set from another thread to stop a running query.
    std::atomic<bool> *stop = nullptr;

    // SQL dialect of the push-down
    virtual std::string textOf(const std::string &expr, ColumnType type) const = 0;   // trimmed text
    virtual std::string dayOf(const std::string &expr) const = 0;                     // days since 1970-01-01
    virtual std::string doubleOf(const std::string &expr) const = 0;
    // true for a finite number: false (or NULL) for NaN, an infinity or NULL, so that such an
    // amount is counted and left out as a file's line without an amount is
    virtual std::string finite(const std::string &doubleExpr) const = 0;
    virtual std::string startsWithC(const std::string &textExpr) const = 0;
    virtual std::string countDistinctIf(const std::string &expr, const std::string &cond) const = 0;
    virtual std::string orderByText(const std::string &expr) const = 0; // byte order
    // Money summed exactly: a double as an exact decimal (PostgreSQL numeric from the double's 15
    // significant digits; ClickHouse Decimal128 of whole millionths), its sums read back divided
    // by moneyScale().
    virtual std::string moneyOf(const std::string &doubleExpr) const = 0;
    virtual double moneyScale() const = 0;
    // fn(expr) over the rows where cond holds (sum: 0 when none; min, max: any value when none)
    virtual std::string aggregateIf(const std::string &fn, const std::string &expr, const std::string &cond) const = 0;
    // the value of the row with the least `order` among the rows where cond holds
    virtual std::string firstByIf(const std::string &value, const std::string &order, const std::string &cond) const = 0;
    // A query giving vs_day for each row of `rows` (a query with vs_customer and vs_day) where
    // `cond` holds and whose vs_day is after its customer's least vs_day among the rows where
    // `firstCond` holds; a customer without such a row gives none. One pass over `rows`
    // (PostgreSQL: a window aggregate; ClickHouse 18, which has none: each customer's days as an
    // array, joined back).
    virtual std::string daysAfterFirst(const std::string &rows, const std::string &firstCond, const std::string &cond) const = 0;
    // The k-th (from 1) of select()'s params in a statement, as a 32-bit integer or as text.
    virtual std::string intParameter(size_t k) const = 0;
    virtual std::string textParameter(size_t k) const = 0;
};

// A statement and the values bound to its parameters.
struct DbStatement {
    std::string sql;
    std::vector<std::string> params;
};

DbClient *makePostgresClient();
DbClient *makeClickHouseClient();

// The password for a database source: the variable password_env names (or the window's, when given).
Result<std::string> databasePassword(const DatabaseSpec &spec);
// A connected client for a project's database source.
Result<std::unique_ptr<DbClient>> connectDatabase(const DatabaseSpec &spec, const std::string &password);
// The FROM clause of a database source: the quoted table, or the user's query as a subquery.
std::string sourceRelation(const DbClient &client, const DatabaseSpec &spec);
// host:port as messages show it
std::string serverName(const DatabaseSpec &spec);

} // namespace vs
