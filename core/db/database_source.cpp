#include "database_source.h"

#include "core/analytics/analysis.h"
#include "core/domain/models.h"
#include "core/domain/sources.h"
#include "core/io/results_writer.h"
#include "core/table/cell_parse.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <set>

namespace vs {

std::string serverName(const DatabaseSpec &spec)
{
    const SourceKindInfo *kind = findSourceKind(spec.engine);
    const int port = spec.port ? spec.port : kind ? (spec.tls ? kind->defaultTlsPort : kind->defaultPort) : 0;
    return spec.host + ":" + std::to_string(port);
}

std::string databaseSourceName(const DatabaseSpec &spec)
{
    return spec.engine + "://" + serverName(spec) + "/" + spec.database + (spec.table.empty() ? "" : "/" + spec.table);
}

Result<std::string> databasePassword(const DatabaseSpec &spec)
{
    if (spec.passwordEnv.empty())
        return std::string();
    const char *v = std::getenv(spec.passwordEnv.c_str());
    if (!v)
        return makeError(ErrorKind::Project, Msg::DbPasswordNotSet, {spec.passwordEnv});
    return std::string(v);
}

Result<std::unique_ptr<DbClient>> connectDatabase(const DatabaseSpec &spec, const std::string &password)
{
    const SourceKindInfo *kind = findSourceKind(spec.engine);
    if (!kind || !kind->makeClient)
        return makeError(ErrorKind::Project, Msg::DbNotAvailable, {spec.engine});
    std::unique_ptr<DbClient> client(kind->makeClient());
    if (Status s = client->connect(spec, password); !s)
        return s.error();
    return client;
}

std::string sourceRelation(const DbClient &client, const DatabaseSpec &spec)
{
    if (!spec.query.empty()) {
        // the user's query as a subquery: one statement only (a second one is a syntax error
        // inside the parentheses), run in a read-only transaction / with readonly=1
        std::string q = spec.query;
        while (!q.empty() && (std::isspace((unsigned char)q.back()) || q.back() == ';'))
            q.pop_back();
        return "(" + q + "\n) AS vs_source";
    }
    return client.quoteIdentifier(spec.table) + " AS vs_source";
}

namespace {

using Clock = std::chrono::steady_clock;

std::string roleColumn(const Project &p, const char *r)
{
    auto it = p.source.columns.find(r);
    return it == p.source.columns.end() ? std::string() : it->second;
}

const DbColumn *findColumn(const std::vector<DbColumn> &cols, const std::string &name)
{
    for (const DbColumn &c : cols)
        if (c.name == name)
            return &c;
    return nullptr;
}

double toNumber(std::optional<std::string_view> v)
{
    if (!v || v->empty())
        return kMissing;
    if (*v == "t" || *v == "true")
        return 1;
    if (*v == "f" || *v == "false")
        return 0;
    double d = kMissing;
    const char *b = v->data(), *e = v->data() + v->size();
    if (*b == '+')
        ++b;
    auto r = std::from_chars(b, e, d);
    if (r.ec != std::errc() || r.ptr != e) {
        if (*v == "nan" || *v == "NaN")
            return kMissing;
        if (*v == "inf" || *v == "Infinity")
            return HUGE_VAL;
        if (*v == "-inf" || *v == "-Infinity")
            return -HUGE_VAL;
        return kMissing;
    }
    return d;
}

Status checkColumns(const std::vector<DbColumn> &cols, const Project &p, const std::string &where)
{
    for (const auto &[role, col] : p.source.columns) {
        const DbColumn *c = findColumn(cols, col);
        if (!c)
            return makeError(ErrorKind::Project, Msg::RoleColumnMissing, {role, col}, where);
        if (p.source.layout == Layout::Transactions) {
            if (role == "date" && c->type != ColumnType::Date)
                return makeError(ErrorKind::Value, Msg::DbColumnNotDate, {col, c->engineType, role}, where);
            if ((role == "amount" || role == "quantity" || role == "unit_price") && c->type != ColumnType::Number)
                return makeError(ErrorKind::Value, Msg::DbColumnNotNumber, {col, c->engineType, role}, where);
        }
    }
    for (const auto &[role, list] : p.source.periodColumns)
        for (const std::string &col : list)
            if (!findColumn(cols, col))
                return makeError(ErrorKind::Project, Msg::PeriodColumnMissing, {role, col}, where);
    for (const ScoreSpec &s : p.scores)
        for (const ScoreItem &it : s.items)
            if (!findColumn(cols, it.column))
                return makeError(ErrorKind::Project, Msg::ScoreColumnMissing, {s.name, it.column}, where);
    for (const RateSpec &r : p.rates)
        if (!findColumn(cols, r.column))
            return makeError(ErrorKind::Project, Msg::RateColumnMissing, {r.name, r.column}, where);
    return Ok{};
}

// The inner select of the push-down: each line's customer, day, amount, return flag and invoice.
std::string linesSubquery(const DbClient &db, const Project &p, const std::vector<DbColumn> &cols)
{
    const DatabaseSpec &spec = *p.source.database;
    auto q = [&](const std::string &c) { return "vs_source." + db.quoteIdentifier(c); };
    const std::string idCol = roleColumn(p, "customer"), dateCol = roleColumn(p, "date"),
                      amountCol = roleColumn(p, "amount"), qtyCol = roleColumn(p, "quantity"),
                      priceCol = roleColumn(p, "unit_price"), invCol = roleColumn(p, "invoice");
    const ColumnType idType = findColumn(cols, idCol)->type;
    const std::string amount =
        amountCol.empty() ? db.doubleOf(q(qtyCol)) + " * " + db.doubleOf(q(priceCol)) : db.doubleOf(q(amountCol));
    std::string ret = "(" + amount + " < 0";
    if (!qtyCol.empty())
        ret += " OR " + db.doubleOf(q(qtyCol)) + " < 0";
    std::string invoice = "''";
    if (!invCol.empty()) {
        const DbColumn *ic = findColumn(cols, invCol);
        invoice = "coalesce(" + db.textOf(q(invCol), ic->type) + ", '')";
        if (ic->type == ColumnType::Text)
            ret += " OR " + db.startsWithC(invoice);
    }
    ret += ")";
    return "SELECT " + db.textOf(q(idCol), idType) + " AS vs_customer, " + db.dayOf(q(dateCol)) + " AS vs_day, " + amount +
           " AS vs_amount, " + db.moneyOf(amount) + " AS vs_money, CASE WHEN " + ret + " THEN 1 ELSE 0 END AS vs_return, " +
           invoice + " AS vs_invoice FROM " + sourceRelation(db, spec);
}

// The grouping per customer and day, in the engine: a day's net (purchases less returns, a
// return always taking away whatever its sign), its orders (distinct invoices of the purchase
// lines, or 1), its lines and return lines; money summed as exact decimals.
std::string dayGroupsQuery(const DbClient &db, const Project &p, const std::vector<DbColumn> &cols)
{
    const bool hasInvoice = !roleColumn(p, "invoice").empty();
    const std::string orders = hasInvoice ? db.countDistinctIf("vs_invoice", "vs_return = 0")
                                          : "max(CASE WHEN vs_return = 0 THEN 1 ELSE 0 END)";
    return "SELECT vs_customer, vs_day, sum(CASE WHEN vs_return = 1 THEN -abs(vs_money) ELSE vs_money END) AS vs_net, "
           + orders + " AS vs_orders, "
           "count(*) AS vs_lines, sum(vs_return) AS vs_return_lines\n"
           "FROM (" + linesSubquery(db, p, cols) + "\n) AS vs_lines\n"
           "WHERE vs_customer <> '' AND vs_day IS NOT NULL AND " + db.finite("vs_amount") + "\n"
           "GROUP BY vs_customer, vs_day";
}

} // namespace

std::string orderLinesQuery(const DbClient &db, const Project &p, const std::vector<DbColumn> &cols)
{
    return dayGroupsQuery(db, p, cols) + "\nORDER BY " + db.orderByText("vs_customer") + ", vs_day";
}

DbStatement customerSummaryQuery(const DbClient &db, const Project &p, const std::vector<DbColumn> &cols,
                                 int32_t observationEnd, int32_t holdoutEnd)
{
    // as summariseTransactions reads the days (period "day"): a purchase day is a day with an
    // order; up to the observation end E its purchase days, first and last, orders, net spend and
    // the net of the purchase days after the first; after E up to the holdout end H its purchase
    // days and net spend, and whether it bought after E at all
    const std::string E = db.intParameter(1), H = db.intParameter(2);
    const std::string in = "vs_day <= " + E, buy = "vs_day <= " + E + " AND vs_orders > 0",
                      hold = "vs_day > " + E + " AND vs_day <= " + H;
    return {"SELECT vs_customer, " + db.aggregateIf("sum", "1", buy) + ", " + db.aggregateIf("min", "vs_day", buy) + ", " +
           db.aggregateIf("max", "vs_day", buy) + ", " + db.aggregateIf("sum", "vs_orders", in) + ", " +
           db.aggregateIf("sum", "vs_net", in) + ", " + db.aggregateIf("sum", "vs_net", buy) + " - " +
           db.firstByIf("vs_net", "vs_day", buy) + ", " + db.aggregateIf("sum", "1", hold + " AND vs_orders > 0") + ", " +
           db.aggregateIf("sum", "vs_net", hold) + ", " + db.aggregateIf("max", "1", "vs_day > " + E + " AND vs_orders > 0") +
           ", sum(vs_lines), sum(vs_return_lines)\n"
           "FROM (" + dayGroupsQuery(db, p, cols) + "\n) AS vs_days\n"
           "GROUP BY vs_customer\nORDER BY " + db.orderByText("vs_customer"),
            {std::to_string(observationEnd), std::to_string(holdoutEnd)}};
}

DbStatement repeatDaysPerWeekQuery(const DbClient &db, const Project &p, const std::vector<DbColumn> &cols, int32_t firstDay,
                                   int32_t observationEnd, int32_t holdoutEnd)
{
    // as addTracking reads the days (period "day"): a customer who bought up to the observation
    // end E has from that first purchase day f on a repeat purchase day for each purchase day d,
    // f < d <= H, counted in the 7-day week (d - firstDay) / 7; d - firstDay > 0, so the division
    // of either engine (PostgreSQL's of integers, ClickHouse's of floats, floored) is the file
    // path's. A purchase day (a day with an order: vs_orders > 0 in dayGroupsQuery, a distinct
    // invoice or the day's one order of its purchase lines) is a day with a kept line that is no
    // return: only those days are grouped, without the sums the figures need.
    const std::string E = db.intParameter(1), H = db.intParameter(2);
    const std::string purchaseDays = "SELECT vs_customer, vs_day FROM (" + linesSubquery(db, p, cols) + "\n) AS vs_lines\n"
                                     "WHERE vs_customer <> '' AND vs_day IS NOT NULL AND " + db.finite("vs_amount") +
                                     " AND vs_return = 0\nGROUP BY vs_customer, vs_day";
    return {"SELECT floor((vs_day - " + db.intParameter(3) + ") / 7) AS vs_week, count(*)\n"
            "FROM (" + db.daysAfterFirst(purchaseDays, "vs_day <= " + E, "vs_day <= " + H) + "\n) AS vs_repeats\n"
            "GROUP BY vs_week\nORDER BY vs_week",
            {std::to_string(observationEnd), std::to_string(holdoutEnd), std::to_string(firstDay)}};
}

namespace {

// whether the project's value model reads this parameter (core/domain/models.cpp)
bool modelUses(const Project &p, std::string_view parameter)
{
    const ValueModelInfo *m = findValueModel(p.value.model);
    return m && modelHasParameter(*m, parameter);
}

} // namespace

DatabaseRows databaseRowsFor(const Project &p, bool trackingChart)
{
    // snapshots, cohorts and purchases grouped per week or month read the days themselves; the
    // tracking chart (a model that fits purchase models, purchases per day) gets its repeat
    // purchases per week from the engine
    const bool byDay = !modelUses(p, "period") || p.value.period.empty() || p.value.period == "day";
    if (p.snapshots || p.cohorts || !byDay)
        return DatabaseRows::PerCustomerDay;
    return trackingChart && modelUses(p, "purchase_model") ? DatabaseRows::PerCustomerTracked : DatabaseRows::PerCustomer;
}

namespace {

// The observation end (and holdout end) the figures are summed for, as computeAnalysis will
// read them from the project; a date it cannot read leaves the default, for computeAnalysis to
// name.
int32_t dayOrDefault(const std::string &text, int32_t fallback)
{
    double v = 0;
    if (text.empty() || parseDate(text, DateOrder::Unknown, true, v) != CellParse::Ok)
        return fallback;
    return int32_t(std::floor(v));
}

} // namespace

bool databaseDataServes(const PreparedData &data, const Project &p, bool trackingChart)
{
    if (!data.figures)
        return true;
    const DatabaseRows rows = databaseRowsFor(p, trackingChart);
    if (rows == DatabaseRows::PerCustomerDay)
        return false;
    // the tracking chart's weeks are summed for the same dates as the figures
    if (rows == DatabaseRows::PerCustomerTracked && !data.figures->repeatsPerWeek)
        return false;
    // the dates the figures were summed for (readDatabaseSource): a date that cannot be read
    // leaves the default there and here, for computeAnalysis to name
    const CustomerFigures &f = *data.figures;
    if (f.observationEnd != dayOrDefault(p.value.observationEnd, f.lastDay))
        return false;
    return !modelUses(p, "holdout_end") || f.holdoutEnd == dayOrDefault(p.value.holdoutEnd, INT32_MAX);
}

Result<DatabaseData> readDatabaseSource(const Project &p, const std::optional<std::string> &givenPassword,
                                        std::atomic<bool> *stop, DatabaseRows detail, std::atomic<uint64_t> *rowsRead)
{
    const DatabaseSpec &spec = *p.source.database;
    const std::string where = databaseSourceName(spec);
    std::string password;
    if (givenPassword) {
        password = *givenPassword;
    } else {
        auto pw = databasePassword(spec);
        if (!pw)
            return pw.error();
        password = std::move(pw.value());
    }
    auto connected = connectDatabase(spec, password);
    if (!connected)
        return connected.error();
    DbClient &db = *connected.value();
    db.stop = stop;
    DatabaseData out;
    out.stats.engine = spec.engine;
    const auto t0 = Clock::now();
    auto cols = db.describe(sourceRelation(db, spec));
    if (!cols)
        return cols.error();
    if (Status s = checkColumns(cols.value(), p, where); !s)
        return s.error();

    if (p.source.layout == Layout::Transactions) {
        const std::string idCol = roleColumn(p, "customer"), dateCol = roleColumn(p, "date");
        if (idCol.empty())
            return makeError(ErrorKind::Model, Msg::OrderLinesNeedCustomer, {}, where);
        if (dateCol.empty())
            return makeError(ErrorKind::Model, Msg::OrderLinesNeedDate, {}, where);
        if (roleColumn(p, "amount").empty() && (roleColumn(p, "quantity").empty() || roleColumn(p, "unit_price").empty()))
            return makeError(ErrorKind::Model, Msg::OrderLinesNeedAmount, {}, where);
        // the lines the grouped query leaves out, counted as the file reader counts them, and
        // the first and last day of the lines it keeps
        uint64_t scanned = 0, noId = 0, noDate = 0, noAmount = 0;
        double firstDay = kMissing, lastDay = kMissing;
        const std::string kept = "vs_customer <> '' AND vs_day IS NOT NULL AND " + db.finite("vs_amount");
        const std::string count =
            "SELECT count(*), sum(CASE WHEN vs_customer <> '' THEN 0 ELSE 1 END), "
            "sum(CASE WHEN vs_customer <> '' AND vs_day IS NULL THEN 1 ELSE 0 END), "
            "sum(CASE WHEN vs_customer <> '' AND vs_day IS NOT NULL AND " + db.finite("vs_amount") + " THEN 0 "
            "WHEN vs_customer <> '' AND vs_day IS NOT NULL THEN 1 ELSE 0 END), " + db.aggregateIf("min", "vs_day", kept) + ", " +
            db.aggregateIf("max", "vs_day", kept) + " FROM (" + linesSubquery(db, p, cols.value()) + "\n) AS vs_lines";
        Status s = db.select(count, {}, [&](const DbRow &r) {
            auto n = [&](size_t i) { return uint64_t(std::max(0.0, std::isnan(toNumber(r[i])) ? 0.0 : toNumber(r[i]))); };
            scanned = n(0), noId = n(1), noDate = n(2), noAmount = n(3);
            firstDay = toNumber(r[4]), lastDay = toNumber(r[5]);
            return true;
        });
        if (!s)
            return s.error();
        std::vector<Diagnostic> warnings;
        const struct { uint64_t n; const char *what; } left[] = {{noId, "customer"}, {noDate, "date"}, {noAmount, "amount"}};
        for (const auto &l : left)
            if (l.n)
                warnings.push_back({Msg::DbLinesLeftOut, {std::to_string(l.n), l.what}});
        if (scanned == noId + noDate + noAmount || std::isnan(firstDay) || std::isnan(lastDay))
            return makeError(ErrorKind::Model, Msg::OrderLinesNoCustomer, {}, where);
        out.stats.rowsScanned = scanned;
        const double scale = db.moneyScale();
        auto money = [&](std::optional<std::string_view> v) { return toNumber(v) / scale; };
        uint64_t rows = 0;
        if (detail != DatabaseRows::PerCustomerDay) {
            // one row per customer: the engine groups per customer and day, then per customer
            SummedLines g;
            CustomerFigures &f = g.figures;
            f.firstDay = int32_t(firstDay);
            f.lastDay = int32_t(lastDay);
            f.observationEnd = dayOrDefault(p.value.observationEnd, f.lastDay);
            f.holdoutEnd = dayOrDefault(p.value.holdoutEnd, INT32_MAX);
            const int32_t holdoutEnd = std::max(f.observationEnd, std::min(f.holdoutEnd, f.lastDay));
            const DbStatement summary = customerSummaryQuery(db, p, cols.value(), f.observationEnd, holdoutEnd);
            s = db.select(summary.sql, summary.params, [&](const DbRow &r) {
                if ((++rows & 0xffff) == 0 && rowsRead)
                    rowsRead->store(rows);
                g.ids.push_back(r[0] ? *r[0] : std::string_view());
                const uint32_t days = uint32_t(std::max(0.0, toNumber(r[1])));
                f.purchaseDays.push_back(days);
                f.first.push_back(days ? int32_t(toNumber(r[2])) : 0);
                f.last.push_back(days ? int32_t(toNumber(r[3])) : 0);
                f.orders.push_back(toNumber(r[4]));
                f.spend.push_back(money(r[5]));
                f.repeatValue.push_back(days > 1 ? money(r[6]) : 0.0);
                f.holdoutPurchases.push_back(toNumber(r[7]));
                f.holdoutSpend.push_back(money(r[8]));
                f.later.push_back(toNumber(r[9]) > 0);
                f.lines += size_t(toNumber(r[10]));
                f.returnLines += size_t(toNumber(r[11]));
                return true;
            });
            if (!s)
                return s.error();
            if (detail == DatabaseRows::PerCustomerTracked) {
                // the tracking chart's repeat purchases per week, for the same dates (addTracking's
                // weeks: from the first day up to the holdout end)
                const int64_t weeks = int64_t((holdoutEnd - f.firstDay) / 7) + 1;
                std::vector<double> perWeek(size_t(std::clamp<int64_t>(weeks, 0, 100000)), 0.0);
                const DbStatement weekQuery = repeatDaysPerWeekQuery(db, p, cols.value(), f.firstDay, f.observationEnd, holdoutEnd);
                s = db.select(weekQuery.sql, weekQuery.params,
                              [&](const DbRow &r) {
                                  ++rows;
                                  ++out.stats.weekRows;
                                  const double week = toNumber(r[0]);
                                  if (week >= 0 && week < double(perWeek.size()))
                                      perWeek[size_t(week)] = toNumber(r[1]);
                                  return true;
                              });
                if (!s)
                    return s.error();
                f.repeatsPerWeek = std::move(perWeek);
            }
            if (f.returnLines)
                warnings.push_back({Msg::ReturnLines, {std::to_string(f.returnLines)}});
            g.warnings = std::move(warnings);
            out.summed = std::move(g);
            out.stats.perCustomer = true;
        } else {
            GroupedLines g;
            CustomerDays &d = g.days;
            d.firstDay = INT32_MAX;
            d.lastDay = INT32_MIN;
            std::string last;
            bool any = false;
            s = db.select(orderLinesQuery(db, p, cols.value()), {}, [&](const DbRow &r) {
                if ((++rows & 0xffff) == 0 && rowsRead)
                    rowsRead->store(rows);
                const std::string_view cust = r[0] ? *r[0] : std::string_view();
                if (!any || cust != last) {
                    any = true;
                    last.assign(cust);
                    g.ids.push_back(cust);
                    d.offset.push_back(uint32_t(d.day.size()));
                }
                const int32_t day = int32_t(toNumber(r[1]));
                d.day.push_back(day);
                d.net.push_back(money(r[2]));
                d.orders.push_back(uint32_t(toNumber(r[3])));
                d.lines += size_t(toNumber(r[4]));
                d.returnLines += size_t(toNumber(r[5]));
                d.firstDay = std::min(d.firstDay, day);
                d.lastDay = std::max(d.lastDay, day);
                return true;
            });
            if (!s)
                return s.error();
            d.offset.push_back(uint32_t(d.day.size()));
            if (d.returnLines)
                warnings.push_back({Msg::ReturnLines, {std::to_string(d.returnLines)}});
            if (g.ids.size() == 0)
                return makeError(ErrorKind::Model, Msg::OrderLinesNoCustomer, {}, where);
            g.warnings = std::move(warnings);
            out.grouped = std::move(g);
        }
        out.stats.rowsTransferred = rows;
        out.table = std::make_shared<const Table>();
    } else {
        // only the columns the project uses, in the order of the table
        std::set<std::string> used;
        for (const auto &[role, col] : p.source.columns)
            used.insert(col);
        for (const auto &[role, list] : p.source.periodColumns)
            used.insert(list.begin(), list.end());
        for (const ScoreSpec &sc : p.scores)
            for (const ScoreItem &it : sc.items)
                used.insert(it.column);
        for (const RateSpec &r : p.rates)
            used.insert(r.column);
        std::vector<const DbColumn *> picked;
        std::string select;
        for (const DbColumn &c : cols.value()) {
            if (!used.count(c.name))
                continue;
            const std::string e = "vs_source." + db.quoteIdentifier(c.name);
            select += std::string(picked.empty() ? "" : ", ") + (c.type == ColumnType::Date ? db.dayOf(e) : e);
            picked.push_back(&c);
        }
        if (picked.empty())
            select = "1";
        const std::string idRole = p.source.layout == Layout::Campaigns ? "campaign" : "customer";
        std::string sql = "SELECT " + select + " FROM " + sourceRelation(db, spec);
        if (const std::string id = roleColumn(p, idRole.c_str()); !id.empty())
            sql += " ORDER BY " + db.orderByText(db.textOf("vs_source." + db.quoteIdentifier(id), findColumn(cols.value(), id)->type));
        std::vector<std::vector<double>> numbers(picked.size());
        std::vector<TextData> texts(picked.size());
        uint64_t rows = 0;
        Status s = db.select(sql, {}, [&](const DbRow &r) {
            if ((++rows & 0xffff) == 0 && rowsRead)
                rowsRead->store(rows);
            for (size_t i = 0; i < picked.size(); ++i) {
                if (picked[i]->type == ColumnType::Text)
                    texts[i].push_back(r[i] ? *r[i] : std::string_view());
                else
                    numbers[i].push_back(toNumber(r[i]));
            }
            return true;
        });
        if (!s)
            return s.error();
        auto table = std::make_shared<Table>();
        for (size_t i = 0; i < picked.size(); ++i) {
            if (picked[i]->type == ColumnType::Text) {
                table->columns.push_back(Column::textColumn(picked[i]->name, std::move(texts[i])));
            } else {
                Column c = Column::numberColumn(picked[i]->name, std::move(numbers[i]));
                c.type = picked[i]->type;
                table->columns.push_back(std::move(c));
            }
        }
        out.stats.rowsScanned = rows;
        out.stats.rowsTransferred = rows;
        out.table = std::move(table);
    }
    out.stats.queryMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    return out;
}

Result<std::vector<std::string>> listDatabaseTables(const DatabaseSpec &spec, const std::string &password)
{
    auto db = connectDatabase(spec, password);
    if (!db)
        return db.error();
    return db.value()->listTables();
}

Result<std::shared_ptr<const Table>> previewDatabase(const DatabaseSpec &spec, const std::string &password, size_t rows)
{
    auto connected = connectDatabase(spec, password);
    if (!connected)
        return connected.error();
    DbClient &db = *connected.value();
    auto cols = db.describe(sourceRelation(db, spec));
    if (!cols)
        return cols.error();
    std::string select;
    for (const DbColumn &c : cols.value()) {
        const std::string e = "vs_source." + db.quoteIdentifier(c.name);
        select += std::string(select.empty() ? "" : ", ") + (c.type == ColumnType::Date ? db.dayOf(e) : e);
    }
    if (select.empty())
        return std::make_shared<const Table>();
    std::vector<std::vector<double>> numbers(cols->size());
    std::vector<TextData> texts(cols->size());
    Status s = db.select("SELECT " + select + " FROM " + sourceRelation(db, spec) + " LIMIT " + std::to_string(rows), {},
                         [&](const DbRow &r) {
                             for (size_t i = 0; i < cols->size() && i < r.size(); ++i) {
                                 if ((*cols)[i].type == ColumnType::Text)
                                     texts[i].push_back(r[i] ? *r[i] : std::string_view());
                                 else
                                     numbers[i].push_back(toNumber(r[i]));
                             }
                             return true;
                         });
    if (!s)
        return s.error();
    auto table = std::make_shared<Table>();
    for (size_t i = 0; i < cols->size(); ++i) {
        const DbColumn &c = (*cols)[i];
        if (c.type == ColumnType::Text) {
            table->columns.push_back(Column::textColumn(c.name, std::move(texts[i])));
        } else {
            Column col = Column::numberColumn(c.name, std::move(numbers[i]));
            col.type = c.type;
            table->columns.push_back(std::move(col));
        }
    }
    return std::shared_ptr<const Table>(std::move(table));
}

Status writeResultsTable(const AnalysisResults &results, const DatabaseSpec &spec, const std::string &password,
                         const std::string &name)
{
    auto db = connectDatabase(spec, password);
    if (!db)
        return db.error();
    const OutputTable t = resultsTable(results);
    return db.value()->replaceTable(name, t.header, t.numeric, t.rows, t.text);
}

} // namespace vs
