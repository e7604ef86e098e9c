// PostgreSQL through libpq: parameters bound with PQexecParams, identifiers quoted by libpq's own
// rule (PQescapeIdentifier), reads in a READ ONLY transaction, rows in single-row mode (memory
// stays at one row whatever the result's size).
#include "core/db/db_client.h"

#include <libpq-fe.h>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <memory>

namespace vs {

namespace {

std::string trimmed(const char *s)
{
    std::string r = s ? s : "";
    while (!r.empty() && (r.back() == '\n' || r.back() == ' '))
        r.pop_back();
    // libpq's messages start "ERROR:  " / "FATAL:  "; the code says that already
    for (const char *p : {"ERROR:  ", "FATAL:  "})
        if (r.rfind(p, 0) == 0)
            r.erase(0, std::strlen(p));
    return r;
}

ColumnType typeOfOid(Oid oid, std::string &name)
{
    switch (oid) {
    case 16: name = "boolean"; return ColumnType::Number;
    case 20: name = "bigint"; return ColumnType::Number;
    case 21: name = "smallint"; return ColumnType::Number;
    case 23: name = "integer"; return ColumnType::Number;
    case 700: name = "real"; return ColumnType::Number;
    case 701: name = "double precision"; return ColumnType::Number;
    case 790: name = "money"; return ColumnType::Text;
    case 1700: name = "numeric"; return ColumnType::Number;
    case 1082: name = "date"; return ColumnType::Date;
    case 1114: name = "timestamp"; return ColumnType::Date;
    case 1184: name = "timestamp with time zone"; return ColumnType::Date;
    case 25: name = "text"; return ColumnType::Text;
    case 1043: name = "character varying"; return ColumnType::Text;
    case 1042: name = "character"; return ColumnType::Text;
    default: name = "oid " + std::to_string(oid); return ColumnType::Text;
    }
}

class PostgresClient final : public DbClient {
public:
    ~PostgresClient() override
    {
        if (m_conn)
            PQfinish(m_conn);
    }
    const char *engine() const override { return "postgresql"; }

    Status connect(const DatabaseSpec &spec, const std::string &password) override
    {
        m_spec = spec;
        const std::string port = std::to_string(spec.port ? spec.port : 5432);
        const char *keys[] = {"host", "port", "dbname", "user", "password", "sslmode", "connect_timeout",
                              "application_name", "options", nullptr};
        const char *values[] = {spec.host.c_str(), port.c_str(), spec.database.c_str(), spec.user.c_str(),
                                password.c_str(), spec.tls ? "verify-full" : "prefer", "10", "ValueScope",
                                "-c TimeZone=UTC -c extra_float_digits=1", nullptr};
        m_conn = PQconnectdbParams(keys, values, 0);
        if (!m_conn || PQstatus(m_conn) != CONNECTION_OK)
            return makeError(ErrorKind::Io, Msg::DbCannotConnect,
                             {"PostgreSQL", serverName(spec), trimmed(m_conn ? PQerrorMessage(m_conn) : "out of memory")});
        PQsetNoticeProcessor(m_conn, [](void *, const char *) {}, nullptr); // NOTICEs are not for the user
        return Ok{};
    }

    std::string quoteIdentifier(std::string_view name) const override
    {
        if (name.find('\0') != std::string_view::npos) {
            // libpq would quote only the part before the NUL, and so name another table; quoted
            // whole, the statement ends inside the quotes and the server refuses it
            std::string r = "\"";
            for (char c : name)
                r += c == '"' ? std::string("\"\"") : std::string(1, c);
            return r + "\"";
        }
        char *q = PQescapeIdentifier(m_conn, name.data(), name.size());
        std::string r = q ? q : "\"\"";
        PQfreemem(q);
        return r;
    }

    Result<std::vector<std::string>> listTables() override
    {
        std::vector<std::string> out;
        Status s = select("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                          "ORDER BY table_name COLLATE \"C\"",
                          {}, [&](const DbRow &r) {
                              out.emplace_back(r[0] ? *r[0] : std::string_view());
                              return true;
                          }, nullptr);
        if (!s)
            return s.error();
        return out;
    }

    Status select(const std::string &sql, const std::vector<std::string> &params, const RowSink &sink,
                  std::vector<DbColumn> *columns) override
    {
        if (Status s = exec("BEGIN TRANSACTION READ ONLY"); !s)
            return s;
        Status st = run(sql, params, sink, columns);
        (void)exec(st ? "COMMIT" : "ROLLBACK");
        return st;
    }

    Result<std::vector<DbColumn>> describe(const std::string &relation) override
    {
        std::vector<DbColumn> cols;
        Status s = select("SELECT * FROM " + relation + " LIMIT 0", {}, [](const DbRow &) { return true; }, &cols);
        if (!s)
            return s.error();
        return cols;
    }

    Status replaceTable(const std::string &name, const std::vector<std::string> &header, const std::vector<bool> &numeric,
                        size_t rows, const std::function<std::string(size_t, size_t)> &cell) override
    {
        auto fail = [&](const std::string &why) {
            (void)exec("ROLLBACK");
            return makeError(ErrorKind::Io, Msg::DbWriteFailed, {name, why});
        };
        const std::string fresh = quoteIdentifier(name + "_vs_new");
        std::string create = "CREATE TABLE " + fresh + " (";
        for (size_t c = 0; c < header.size(); ++c)
            create += (c ? ", " : "") + quoteIdentifier(header[c]) + (numeric[c] ? " double precision" : " text");
        create += ")";
        if (Status s = exec("BEGIN"); !s)
            return fail(s.error().args.back());
        if (Status s = exec("DROP TABLE IF EXISTS " + fresh); !s)
            return fail(s.error().args.back());
        if (Status s = exec(create); !s)
            return fail(s.error().args.back());
        PGresult *res = PQexec(m_conn, ("COPY " + fresh + " FROM STDIN").c_str());
        const bool copying = PQresultStatus(res) == PGRES_COPY_IN;
        PQclear(res);
        if (!copying)
            return fail(trimmed(PQerrorMessage(m_conn)));
        std::string buf;
        for (size_t r = 0; r < rows; ++r) {
            appendTabSeparatedRow(buf, r, header.size(), numeric, cell);
            if (buf.size() > (1 << 20) || r + 1 == rows) {
                if (PQputCopyData(m_conn, buf.data(), int(buf.size())) != 1)
                    return fail(trimmed(PQerrorMessage(m_conn)));
                buf.clear();
            }
        }
        if (PQputCopyEnd(m_conn, nullptr) != 1)
            return fail(trimmed(PQerrorMessage(m_conn)));
        res = PQgetResult(m_conn);
        const bool copied = PQresultStatus(res) == PGRES_COMMAND_OK;
        const std::string why = trimmed(PQresultErrorMessage(res));
        PQclear(res);
        while ((res = PQgetResult(m_conn)))
            PQclear(res);
        if (!copied)
            return fail(why);
        // the swap: readers see the old table until the commit, then the new one
        if (Status s = exec("DROP TABLE IF EXISTS " + quoteIdentifier(name)); !s)
            return fail(s.error().args.back());
        if (Status s = exec("ALTER TABLE " + fresh + " RENAME TO " + quoteIdentifier(name)); !s)
            return fail(s.error().args.back());
        if (Status s = exec("COMMIT"); !s)
            return fail(s.error().args.back());
        return Ok{};
    }

    std::string textOf(const std::string &e, ColumnType) const override
    {
        return "btrim(CAST(" + e + " AS text), E' \\t\\r\\n')";
    }
    std::string dayOf(const std::string &e) const override { return "(CAST(" + e + " AS date) - DATE '1970-01-01')"; }
    std::string intParameter(size_t k) const override { return "CAST($" + std::to_string(k) + " AS integer)"; }
    std::string textParameter(size_t k) const override { return "CAST($" + std::to_string(k) + " AS text)"; }
    std::string doubleOf(const std::string &e) const override { return "CAST(" + e + " AS double precision)"; }
    // NaN sorts above Infinity in PostgreSQL: neither is below it
    std::string finite(const std::string &e) const override { return "(abs(" + e + ") < 'Infinity'::float8)"; }
    std::string startsWithC(const std::string &e) const override { return "(upper(left(" + e + ", 1)) = 'C')"; }
    std::string countDistinctIf(const std::string &e, const std::string &cond) const override
    {
        return "count(DISTINCT CASE WHEN " + cond + " THEN " + e + " END)";
    }
    std::string orderByText(const std::string &e) const override { return e + " COLLATE \"C\""; }
    std::string moneyOf(const std::string &e) const override { return "CAST(" + e + " AS numeric)"; }
    double moneyScale() const override { return 1; }
    std::string aggregateIf(const std::string &fn, const std::string &e, const std::string &cond) const override
    {
        const std::string agg = fn + "(" + e + ") FILTER (WHERE " + cond + ")";
        return fn == "sum" ? "coalesce(" + agg + ", 0)" : agg;
    }
    std::string firstByIf(const std::string &v, const std::string &order, const std::string &cond) const override
    {
        return "(array_agg(" + v + " ORDER BY " + order + ") FILTER (WHERE " + cond + "))[1]";
    }
    std::string daysAfterFirst(const std::string &rows, const std::string &firstCond, const std::string &cond) const override
    {
        // the first day is NULL for a customer without one: no day is after it
        return "SELECT vs_day FROM (SELECT vs_day, CASE WHEN " + cond + " THEN 1 ELSE 0 END AS vs_keep, min(vs_day) FILTER (WHERE " +
               firstCond + ") OVER (PARTITION BY vs_customer) AS vs_first FROM (" + rows +
               "\n) AS vs_rows) AS vs_marked WHERE vs_keep = 1 AND vs_day > vs_first";
    }

private:
    Error queryError(PGresult *res) const
    {
        const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
        const std::string why = trimmed(res ? PQresultErrorMessage(res) : PQerrorMessage(m_conn));
        if (state && std::strcmp(state, "42P01") == 0 && !m_spec.table.empty())
            return makeError(ErrorKind::Io, Msg::DbTableMissing, {m_spec.table, m_spec.database, why});
        // it was connected: the server or the network ended it (SQLSTATE 57P01-57P03: the server
        // is shutting down or an administrator ended the backend; class 08: connection exceptions)
        const bool ended = state && (std::strncmp(state, "57P0", 4) == 0 || std::strncmp(state, "08", 2) == 0);
        if (ended || PQstatus(m_conn) != CONNECTION_OK)
            return makeError(ErrorKind::Io, Msg::DbConnectionLost, {"PostgreSQL", serverName(m_spec), why});
        return makeError(ErrorKind::Io, Msg::DbQueryFailed, {"PostgreSQL", why});
    }

    Status exec(const std::string &sql)
    {
        PGresult *res = PQexec(m_conn, sql.c_str());
        const ExecStatusType st = PQresultStatus(res);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            Error e = queryError(res);
            PQclear(res);
            return e;
        }
        PQclear(res);
        return Ok{};
    }

    Status run(const std::string &sql, const std::vector<std::string> &params, const RowSink &sink,
               std::vector<DbColumn> *columns)
    {
        std::vector<const char *> values;
        for (const std::string &p : params)
            values.push_back(p.c_str());
        if (!PQsendQueryParams(m_conn, sql.c_str(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0))
            return queryError(nullptr);
        PQsetSingleRowMode(m_conn);
        // while the engine works and no row has come: wait on the socket, a tenth of a second at a
        // time, so that Stop cancels the query on the server
        bool cancelled = false;
        while (PQisBusy(m_conn)) {
            if (stop && stop->load() && !cancelled) {
                cancelled = true;
                if (PGcancel *cancel = PQgetCancel(m_conn)) {
                    char buf[256];
                    PQcancel(cancel, buf, sizeof buf);
                    PQfreeCancel(cancel);
                }
            }
            pollfd pfd{PQsocket(m_conn), POLLIN, 0};
            if (poll(&pfd, 1, 100) < 0 && errno != EINTR)
                break;
            if (!PQconsumeInput(m_conn))
                break;
        }
        if (cancelled) {
            while (PGresult *res = PQgetResult(m_conn))
                PQclear(res);
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled);
        }
        std::optional<Error> error;
        bool stopped = false, described = false;
        DbRow row;
        while (PGresult *res = PQgetResult(m_conn)) {
            const ExecStatusType st = PQresultStatus(res);
            if (st == PGRES_SINGLE_TUPLE || st == PGRES_TUPLES_OK) {
                if (columns && !described) {
                    described = true;
                    for (int c = 0; c < PQnfields(res); ++c) {
                        DbColumn col;
                        col.name = PQfname(res, c);
                        col.type = typeOfOid(PQftype(res, c), col.engineType);
                        columns->push_back(std::move(col));
                    }
                }
                if (!stopped && !error) {
                    const int nf = PQnfields(res);
                    for (int r = 0; r < PQntuples(res); ++r) {
                        row.assign(nf, std::nullopt);
                        for (int c = 0; c < nf; ++c)
                            if (!PQgetisnull(res, r, c))
                                row[c] = std::string_view(PQgetvalue(res, r, c), PQgetlength(res, r, c));
                        if (!sink(row) || (stop && stop->load())) {
                            stopped = true;
                            if (PGcancel *cancel = PQgetCancel(m_conn)) {
                                char buf[256];
                                PQcancel(cancel, buf, sizeof buf);
                                PQfreeCancel(cancel);
                            }
                            break;
                        }
                    }
                }
            } else if (!stopped && !error) {
                error = queryError(res);
            }
            PQclear(res);
        }
        // the connection ended while the rows came (the server stopped, the backend was
        // terminated, the network went): what came is incomplete, never a result
        if (!error && !stopped && PQstatus(m_conn) != CONNECTION_OK)
            error = queryError(nullptr);
        if (stopped && stop && stop->load())
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled);
        if (error)
            return *error;
        return Ok{};
    }

    PGconn *m_conn = nullptr;
    DatabaseSpec m_spec;
};

} // namespace

DbClient *makePostgresClient() { return new PostgresClient; }

} // namespace vs
