// ClickHouse over its HTTP interface with libcurl. Each statement is one POST; reads carry the
// readonly=1 setting, so the server itself refuses anything but reading. ClickHouse 18's HTTP
// interface has no query parameters ({name:Type} came with 19.11): a statement's values go as
// "external data", a one-row temporary table _vs_params sent with the query (multipart form: the
// query a field, the table a file part, its columns in the URL), which the statement reads with
// scalar subqueries (intParameter, textParameter). The server evaluates each once, before the query runs (on a Distributed
// table the shards receive the values as constants), so the values are never SQL text.
// Identifiers go in backquotes (backslash and backquote escaped). Rows come as
// TabSeparatedWithNamesAndTypes and are parsed as they arrive.
#include "core/db/db_client.h"

#include <curl/curl.h>

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <random>

namespace vs {

namespace {

std::string urlEncode(CURL *curl, const std::string &s)
{
    char *e = curl_easy_escape(curl, s.c_str(), int(s.size()));
    std::string r = e ? e : "";
    curl_free(e);
    return r;
}

// A string literal by ClickHouse's rules: backslash and quote escaped, a NUL byte as \0 (the
// query text never carries a raw NUL)
std::string literal(std::string_view v)
{
    std::string r = "'";
    for (char c : v) {
        if (c == '\0') {
            r += "\\0";
            continue;
        }
        if (c == '\\' || c == '\'')
            r += '\\';
        r += c;
    }
    return r + "'";
}

// A value as a field of a TabSeparated row, by ClickHouse's escaping rules
std::string tsvField(std::string_view v)
{
    std::string r;
    r.reserve(v.size());
    for (char c : v) {
        switch (c) {
        case '\\': r += "\\\\"; break;
        case '\t': r += "\\t"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\0': r += "\\0"; break;
        default: r += c;
        }
    }
    return r;
}

// The values of a statement as the external table _vs_params: one row, a String column p1, p2...
// per value (the statement reads them with intParameter/textParameter's scalar subqueries; its
// text is sent as it is, never searched for placeholders).
struct ExternalParams {
    std::string row, structure;
};
ExternalParams externalParams(const std::vector<std::string> &params)
{
    ExternalParams e;
    for (size_t k = 0; k < params.size(); ++k) {
        e.row += (k ? "\t" : "") + tsvField(params[k]);
        e.structure += (k ? ", p" : "p") + std::to_string(k + 1) + " String";
    }
    e.row += '\n';
    return e;
}

// the server's exception without its stack: "Code: 60, e.displayText() = DB::Exception: Table x doesn't exist., e.what() = DB::Exception"
std::string reasonOf(std::string body, int *code)
{
    *code = 0;
    if (body.rfind("Code: ", 0) == 0)
        *code = std::atoi(body.c_str() + 6);
    if (auto p = body.find("DB::Exception: "); p != std::string::npos)
        body = body.substr(p + 15);
    if (auto p = body.find(", e.what()"); p != std::string::npos)
        body.resize(p);
    if (auto p = body.find("\n\nStack trace"); p != std::string::npos)
        body.resize(p);
    while (!body.empty() && (body.back() == '\n' || body.back() == ' '))
        body.pop_back();
    return body;
}

ColumnType typeOfName(std::string t)
{
    if (t.rfind("Nullable(", 0) == 0)
        t = t.substr(9, t.size() - 10);
    if (t.rfind("LowCardinality(", 0) == 0)
        t = t.substr(15, t.size() - 16);
    if (t.rfind("Int", 0) == 0 || t.rfind("UInt", 0) == 0 || t.rfind("Float", 0) == 0 || t.rfind("Decimal", 0) == 0)
        return ColumnType::Number;
    if (t == "Date" || t.rfind("DateTime", 0) == 0)
        return ColumnType::Date;
    return ColumnType::Text;
}

void unescapeTsv(std::string_view in, std::string &out)
{
    out.clear();
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\' || i + 1 == in.size()) {
            out += in[i];
            continue;
        }
        switch (in[++i]) {
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        default: out += in[i];
        }
    }
}

// A query id no other query of this process (or of another ValueScope) has had: the process
// and a count over all connections. (An id made of the connection's address and its own count
// came again when a new connection was allocated where a closed one had been, and the server
// answers a query whose id is still running elsewhere with an error, or one being killed with
// that kill.)
std::string nextQueryId()
{
    static std::atomic<uint64_t> count{0};
    static const std::string process = [] {
        std::random_device rd;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%ld-%08x", long(getpid()), unsigned(rd()));
        return std::string(buf);
    }();
    return "valuescope-" + process + "-" + std::to_string(++count);
}

class ClickHouseClient final : public DbClient {
public:
    ClickHouseClient()
    {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        m_curl = curl_easy_init();
    }
    ~ClickHouseClient() override { curl_easy_cleanup(m_curl); }
    const char *engine() const override { return "clickhouse"; }

    Status connect(const DatabaseSpec &spec, const std::string &password) override
    {
        m_spec = spec;
        m_password = password;
        const int port = spec.port ? spec.port : (spec.tls ? 8443 : 8123);
        m_base = std::string(spec.tls ? "https://" : "http://") + spec.host + ":" + std::to_string(port) + "/?database=" +
                 urlEncode(m_curl, spec.database.empty() ? "default" : spec.database);
        std::string body;
        int code = 0;
        if (Status s = post("SELECT 1", false, body, code, nullptr); !s)
            return s;
        return Ok{};
    }

    std::string quoteIdentifier(std::string_view name) const override
    {
        std::string r = "`";
        for (char c : name) {
            if (c == '\\' || c == '`')
                r += '\\';
            r += c;
        }
        return r + "`";
    }

    Result<std::vector<std::string>> listTables() override
    {
        std::vector<std::string> out;
        Status s = select("SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name", {},
                          [&](const DbRow &r) {
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
        std::optional<ExternalParams> ext;
        if (!params.empty())
            ext = externalParams(params);
        Stream stream{sink, columns};
        std::string body;
        int code = 0;
        Status s = post(sql + "\nFORMAT TabSeparatedWithNamesAndTypes", true, body, code, &stream, ext ? &*ext : nullptr);
        if (!s)
            return s;
        if (stream.stopped && stop && stop->load())
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled);
        if (stream.serverError)
            return failure(stream.pending, code);
        if (!stream.stopped && !stream.pending.empty())
            stream.line(stream.pending); // a last line without its newline
        return Ok{};
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
        auto fail = [&](const Error &e) { return makeError(ErrorKind::Io, Msg::DbWriteFailed, {name, e.args.back()}); };
        const std::string fresh = quoteIdentifier(name + "_vs_new"), old = quoteIdentifier(name + "_vs_old"),
                          target = quoteIdentifier(name);
        std::string create = "CREATE TABLE " + fresh + " (";
        for (size_t c = 0; c < header.size(); ++c)
            create += (c ? ", " : "") + quoteIdentifier(header[c]) + (numeric[c] ? " Nullable(Float64)" : " String");
        create += ") ENGINE = MergeTree() ORDER BY tuple()";
        std::string body;
        int code = 0;
        for (const std::string &sql : {"DROP TABLE IF EXISTS " + fresh, "DROP TABLE IF EXISTS " + old, create})
            if (Status s = post(sql, false, body, code, nullptr); !s)
                return fail(s.error());
        std::string data;
        for (size_t r = 0; r < rows; ++r)
            appendTabSeparatedRow(data, r, header.size(), numeric, cell);
        if (Status s = post("INSERT INTO " + fresh + " FORMAT TabSeparated\n" + data, false, body, code, nullptr); !s) {
            (void)post("DROP TABLE IF EXISTS " + fresh, false, body, code, nullptr);
            return fail(s.error());
        }
        // the swap: one RENAME of both tables, which ClickHouse does under one lock
        if (Status s = post("EXISTS TABLE " + target, false, body, code, nullptr); !s)
            return fail(s.error());
        const bool exists = body.rfind("1", 0) == 0;
        const std::string rename = exists ? "RENAME TABLE " + target + " TO " + old + ", " + fresh + " TO " + target
                                          : "RENAME TABLE " + fresh + " TO " + target;
        if (Status s = post(rename, false, body, code, nullptr); !s)
            return fail(s.error());
        if (exists)
            (void)post("DROP TABLE IF EXISTS " + old, false, body, code, nullptr);
        return Ok{};
    }

    std::string textOf(const std::string &e, ColumnType) const override
    {
        return "replaceRegexpAll(toString(" + e + "), '^\\\\s+|\\\\s+$', '')";
    }
    std::string dayOf(const std::string &e) const override { return "toInt32(toDate(" + e + "))"; }
    std::string intParameter(size_t k) const override
    {
        return "(SELECT toInt32(p" + std::to_string(k) + ") FROM _vs_params)";
    }
    std::string textParameter(size_t k) const override { return "(SELECT p" + std::to_string(k) + " FROM _vs_params)"; }
    std::string doubleOf(const std::string &e) const override { return "toFloat64(" + e + ")"; }
    std::string finite(const std::string &e) const override { return "isFinite(" + e + ")"; }
    std::string startsWithC(const std::string &e) const override { return "(upper(substring(" + e + ", 1, 1)) = 'C')"; }
    std::string countDistinctIf(const std::string &e, const std::string &cond) const override
    {
        return "uniqExactIf(" + e + ", " + cond + ")";
    }
    std::string orderByText(const std::string &e) const override { return e; }
    // Decimal128 of whole millionths: a Float64 converted to a Decimal directly is truncated
    // (1.005 becomes 1.004999), rounded to millionths first it is the decimal the data meant
    std::string moneyOf(const std::string &e) const override { return "toDecimal128(round(" + e + " * 1000000), 0)"; }
    double moneyScale() const override { return 1e6; }
    std::string aggregateIf(const std::string &fn, const std::string &e, const std::string &cond) const override
    {
        return fn + "If(" + e + ", " + cond + ")";
    }
    std::string firstByIf(const std::string &v, const std::string &order, const std::string &cond) const override
    {
        return "argMinIf(" + v + ", " + order + ", " + cond + ")";
    }
    std::string daysAfterFirst(const std::string &rows, const std::string &firstCond, const std::string &cond) const override
    {
        // minIf gives 0 for a customer without a first day: such customers are left out by vs_has
        return "SELECT vs_day FROM (SELECT groupArrayIf(vs_day, " + cond + ") AS vs_days, minIf(vs_day, " + firstCond +
               ") AS vs_first, countIf(" + firstCond + ") AS vs_has FROM (" + rows +
               "\n) AS vs_rows GROUP BY vs_customer) ARRAY JOIN vs_days AS vs_day WHERE vs_has > 0 AND vs_day > vs_first";
    }

private:
    struct Stream {
        const RowSink &sink;
        std::vector<DbColumn> *columns;
        std::string pending;
        int header = 0; // lines of names and types seen
        std::vector<std::string> names;
        bool stopped = false, serverError = false;
        std::vector<std::string> fields;
        DbRow row;
        std::atomic<bool> *stop = nullptr;

        void line(std::string_view l)
        {
            if (stopped || serverError)
                return;
            if (l.rfind("Code: ", 0) == 0 && l.find("DB::Exception") != std::string_view::npos) {
                serverError = true; // an error after the rows began: the status was already 200
                pending = std::string(l);
                return;
            }
            size_t nf = 1;
            for (char c : l)
                nf += c == '\t';
            fields.resize(nf);
            row.assign(nf, std::nullopt);
            size_t start = 0;
            for (size_t f = 0; f < nf; ++f) {
                size_t end = l.find('\t', start);
                if (end == std::string_view::npos)
                    end = l.size();
                const std::string_view raw = l.substr(start, end - start);
                start = end + 1;
                if (raw == "\\N")
                    continue;
                unescapeTsv(raw, fields[f]);
                row[f] = fields[f];
            }
            if (header < 2) {
                if (header == 0) {
                    for (size_t f = 0; f < nf; ++f)
                        names.push_back(fields[f]);
                } else if (columns) {
                    for (size_t f = 0; f < nf && f < names.size(); ++f)
                        columns->push_back({names[f], fields[f], typeOfName(fields[f])});
                }
                ++header;
                return;
            }
            if (!sink(row) || (stop && stop->load()))
                stopped = true;
        }
    };

    struct Sink {
        std::string *body;
        Stream *stream;
        CURL *curl;
    };
    static size_t onData(char *ptr, size_t size, size_t nmemb, void *user)
    {
        auto *self = static_cast<Sink *>(user);
        const size_t n = size * nmemb;
        Stream *s = self->stream;
        long status = 0;
        curl_easy_getinfo(self->curl, CURLINFO_RESPONSE_CODE, &status);
        if (!s || status != 200) { // an error answer is text, not rows
            self->body->append(ptr, n);
            return n;
        }
        s->pending.append(ptr, n);
        size_t start = 0;
        for (size_t p; !s->stopped && !s->serverError && (p = s->pending.find('\n', start)) != std::string::npos; start = p + 1)
            s->line(std::string_view(s->pending).substr(start, p - start));
        if (s->serverError) {
            s->pending = s->pending.substr(s->pending.find("Code: "));
            return n;
        }
        s->pending.erase(0, start);
        return s->stopped ? 0 : n; // 0 stops the transfer
    }

    Error failure(const std::string &body, long status)
    {
        int code = 0;
        const std::string why = reasonOf(body, &code);
        if (code == 60 && !m_spec.table.empty()) // UNKNOWN_TABLE
            return makeError(ErrorKind::Io, Msg::DbTableMissing, {m_spec.table, m_spec.database, why});
        if (code == 192 || code == 193 || code == 194 || code == 195 || code == 516 || status == 401 || code == 81)
            return makeError(ErrorKind::Io, Msg::DbCannotConnect, {"ClickHouse", serverName(m_spec), why});
        return makeError(ErrorKind::Io, Msg::DbQueryFailed, {"ClickHouse", why});
    }

    // ext: the statement's values as the external table _vs_params
    Status post(const std::string &sql, bool readOnly, std::string &body, int &httpStatus, Stream *stream,
                const ExternalParams *ext = nullptr)
    {
        body.clear();
        curl_easy_reset(m_curl);
        const std::string queryId = nextQueryId();
        std::string url = m_base + (readOnly ? "&readonly=1" : "") + "&query_id=" + queryId;
        std::unique_ptr<curl_mime, decltype(&curl_mime_free)> form(nullptr, &curl_mime_free);
        if (ext) {
            // the query as a form field, the values as a file part (a file: an external table)
            url += "&_vs_params_format=TabSeparated&_vs_params_structure=" + urlEncode(m_curl, ext->structure);
            form.reset(curl_mime_init(m_curl));
            curl_mimepart *query = curl_mime_addpart(form.get());
            curl_mime_name(query, "query");
            curl_mime_data(query, sql.data(), sql.size());
            curl_mimepart *values = curl_mime_addpart(form.get());
            curl_mime_name(values, "_vs_params");
            curl_mime_filename(values, "_vs_params.tsv");
            curl_mime_data(values, ext->row.data(), ext->row.size());
            curl_easy_setopt(m_curl, CURLOPT_MIMEPOST, form.get());
        } else {
            curl_easy_setopt(m_curl, CURLOPT_POST, 1L);
            curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, sql.data());
            curl_easy_setopt(m_curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(sql.size()));
        }
        curl_easy_setopt(m_curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(m_curl, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(m_curl, CURLOPT_USERNAME, m_spec.user.empty() ? "default" : m_spec.user.c_str());
        curl_easy_setopt(m_curl, CURLOPT_PASSWORD, m_password.c_str());
        curl_easy_setopt(m_curl, CURLOPT_CONNECTTIMEOUT, 10L);
        if (m_timeoutSeconds)
            curl_easy_setopt(m_curl, CURLOPT_TIMEOUT, m_timeoutSeconds);
        curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(m_curl, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(m_curl, CURLOPT_SSL_VERIFYHOST, 2L);
        char errbuf[CURL_ERROR_SIZE] = {0};
        curl_easy_setopt(m_curl, CURLOPT_ERRORBUFFER, errbuf);
        Sink user{&body, stream, m_curl};
        if (stream)
            stream->stop = stop;
        // Stop: the transfer is aborted (and the server stops the query when its client goes)
        curl_easy_setopt(m_curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(m_curl, CURLOPT_XFERINFODATA, stop);
        curl_easy_setopt(m_curl, CURLOPT_XFERINFOFUNCTION,
                         +[](void *flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> int {
                             return flag && static_cast<std::atomic<bool> *>(flag)->load() ? 1 : 0;
                         });
        curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, &ClickHouseClient::onData);
        curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &user);
        const CURLcode rc = curl_easy_perform(m_curl);
        long status = 0;
        curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &status);
        httpStatus = int(status);
        if (rc == CURLE_WRITE_ERROR && stream && stream->stopped)
            return Ok{};
        if (rc == CURLE_ABORTED_BY_CALLBACK) {
            // the server may go on until it has something to send: it is told to stop now
            std::string ignored;
            int code = 0;
            // (within seconds: Stop must not wait on a server that does not answer)
            std::atomic<bool> *flag = stop;
            stop = nullptr;
            m_timeoutSeconds = 10;
            (void)post("KILL QUERY WHERE query_id = " + literal(queryId) + " ASYNC", false, ignored, code, nullptr);
            m_timeoutSeconds = 0;
            stop = flag;
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled);
        }
        if (rc != CURLE_OK && status == 0)
            return makeError(ErrorKind::Io, Msg::DbCannotConnect,
                             {"ClickHouse", serverName(m_spec), errbuf[0] ? errbuf : curl_easy_strerror(rc)});
        if (status != 200)
            return failure(body, status);
        if (rc != CURLE_OK)
            return makeError(ErrorKind::Io, Msg::DbCannotConnect,
                             {"ClickHouse", serverName(m_spec), errbuf[0] ? errbuf : curl_easy_strerror(rc)});
        return Ok{};
    }

    CURL *m_curl = nullptr;
    long m_timeoutSeconds = 0; // the whole request's, when set
    DatabaseSpec m_spec;
    std::string m_password;
    std::string m_base;
};

} // namespace

DbClient *makeClickHouseClient() { return new ClickHouseClient; }

} // namespace vs
