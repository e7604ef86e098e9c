// Database sources (issue 18) against real servers started by tests/db/servers.sh (the ctest
// fixture dbservers): PostgreSQL 15 and a two-shard ClickHouse cluster. The same fixtures as the
// file-based runs (resources/sample) give the same per-customer output through either engine.
#include "core/analytics/analysis.h"
#include "core/analytics/transactions.h"
#include "core/db/database_source.h"
#include "core/headless/run.h"
#include "core/project/project.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

using namespace vs;
using json = nlohmann::json;

namespace {

std::map<std::string, std::string> readState() { return testutil::readKeyValues(VS_DB_STATE); }

std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    rows.back().clear();
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

} // namespace

class TstDatabase : public QObject {
    Q_OBJECT
    std::map<std::string, std::string> m_state;
    QTemporaryDir m_dir;
    std::string m_password;

    json databaseSource(const std::string &engine, const std::string &table, const std::string &query = {})
    {
        json d = {{"engine", engine}, {"host", "127.0.0.1"}, {"database", "shop"}, {"user", "vs"},
                  {"password_env", "VS_TEST_DB_PASSWORD"}, {"tls", false}};
        d["port"] = std::stoi(engine == "postgresql" ? m_state["VS_PG_PORT"] : m_state["VS_CH_HTTP1"]);
        if (!query.empty())
            d["query"] = query;
        else
            d["table"] = table;
        return d;
    }

    // a sample project with its source replaced by a database table (or query)
    std::string projectFor(const std::string &sample, const json &database, const std::string &name,
                           const json &columns = nullptr)
    {
        json p = testutil::loadJson(std::string(VS_RESOURCES) + "/sample/" + sample);
        p["source"].erase("path");
        p["source"].erase("sheet");
        p["source"]["database"] = database;
        if (!columns.is_null())
            p["source"]["columns"] = columns;
        const std::string path = m_dir.filePath(QString::fromStdString(name)).toStdString();
        std::ofstream(path) << p.dump(2);
        return path;
    }
    std::string fileProject(const std::string &sample)
    {
        json p = testutil::loadJson(std::string(VS_RESOURCES) + "/sample/" + sample);
        p["source"]["path"] = std::string(VS_RESOURCES) + "/sample/" + p["source"]["path"].get<std::string>();
        const std::string path = m_dir.filePath(QString::fromStdString("file_" + sample)).toStdString();
        std::ofstream(path) << p.dump(2);
        return path;
    }
    Status run(const std::string &project, const std::string &out, const std::string &summary = {},
               const std::string &writeTable = {})
    {
        RunRequest req;
        req.projectPath = project;
        req.outPath = out;
        req.summaryPath = summary;
        req.writeTable = writeTable;
        return runHeadless(req, {});
    }
    std::string tmp(const std::string &name) { return m_dir.filePath(QString::fromStdString(name)).toStdString(); }

    // rows sorted by customer; numbers equal to 1e-9 relative (the engine sums money exactly, the
    // file path adds a day's lines in file order as doubles: the sums differ in the last bit),
    // text (segments, strategies, cells) exactly. The CLV interval's bounds come from standard
    // errors of a numerically differentiated Hessian, which turns last-bit differences of the
    // spend into some 1e-9 of the bounds: they are compared to 1e-7.
    void compareOutputs(const std::string &dbCsv, const std::string &fileCsv)
    {
        auto a = parseCsv(testutil::readFile(dbCsv)), b = parseCsv(testutil::readFile(fileCsv));
        QVERIFY(!a.empty() && !b.empty());
        QCOMPARE(a.front(), b.front());
        QCOMPARE(a.size(), b.size());
        auto byId = [](const auto &x, const auto &y) { return x[0] < y[0]; };
        std::sort(a.begin() + 1, a.end(), byId);
        std::sort(b.begin() + 1, b.end(), byId);
        for (size_t r = 1; r < a.size(); ++r) {
            QCOMPARE(a[r].size(), b[r].size());
            for (size_t c = 0; c < a[r].size(); ++c) {
                if (a[r][c] == b[r][c])
                    continue;
                char *ea = nullptr, *eb = nullptr;
                const double x = std::strtod(a[r][c].c_str(), &ea), y = std::strtod(b[r][c].c_str(), &eb);
                const bool numbers = !a[r][c].empty() && !b[r][c].empty() && *ea == 0 && *eb == 0;
                const bool fromStandardErrors = a.front()[c] == "clv_low" || a.front()[c] == "clv_high";
                if (!numbers || std::fabs(x - y) > (fromStandardErrors ? 1e-7 : 1e-9) * std::max(1.0, std::fabs(y)))
                    QFAIL(qPrintable(QStringLiteral("customer %1, column %2: database '%3', file '%4'")
                                         .arg(QString::fromStdString(a[r][0]), QString::fromStdString(a.front()[c]),
                                              QString::fromStdString(a[r][c]), QString::fromStdString(b[r][c]))));
            }
        }
    }

    // numbers equal to `tol` relative (standard errors, numerically differentiated: 1e-7), everything else exactly
    static bool sameJsonNumbers(const json &a, const json &b, double tol, const std::string &key = {})
    {
        if (key == "standard_errors")
            tol = std::max(tol, 1e-7);
        if (a.is_number() && b.is_number())
            return std::fabs(a.get<double>() - b.get<double>()) <= tol * std::max(1.0, std::fabs(b.get<double>()));
        if (a.type() != b.type() || a.size() != b.size())
            return false;
        if (a.is_array()) {
            for (size_t i = 0; i < a.size(); ++i)
                if (!sameJsonNumbers(a[i], b[i], tol))
                    return false;
            return true;
        }
        if (a.is_object()) {
            for (auto it = b.begin(); it != b.end(); ++it)
                if (!a.contains(it.key()) || !sameJsonNumbers(a[it.key()], it.value(), tol, it.key()))
                    return false;
            return true;
        }
        return a == b;
    }

    size_t countRows(const std::string &engine, const std::string &table)
    {
        json d = databaseSource(engine, table);
        DatabaseSpec spec{engine, "127.0.0.1", d["port"].get<int>(), "shop", "vs", table, "", "", false};
        auto db = connectDatabase(spec, m_password);
        if (!db)
            return size_t(-1);
        size_t n = 0;
        Status s = db.value()->select("SELECT count(*) FROM " + db.value()->quoteIdentifier(table), {},
                                      [&](const DbRow &r) {
                                          n = std::stoul(std::string(*r[0]));
                                          return true;
                                      });
        return s ? n : size_t(-1);
    }

private slots:
    void initTestCase()
    {
        m_state = readState();
        QVERIFY2(!m_state["VS_PG_PORT"].empty(), "the servers are not running (ctest fixture dbservers)");
        m_password = m_state["VS_TEST_PASSWORD"];
        qputenv("VS_TEST_DB_PASSWORD", QByteArray::fromStdString(m_password));
    }

    void sameAsFile_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("table");
        for (const char *e : {"postgresql", "clickhouse"}) {
            QTest::newRow((std::string(e) + " order lines").c_str()) << e << "cdnow.valuescope.json" << "cdnow_lines";
            QTest::newRow((std::string(e) + " customers").c_str()) << e << "sample.valuescope.json" << "customers";
        }
    }
    void sameAsFile()
    {
        QFETCH(QString, engine);
        QFETCH(QString, sample);
        QFETCH(QString, table);
        const bool lines = table == "cdnow_lines";
        json columns = lines ? json{{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}} : json(nullptr);
        const std::string tag = engine.toStdString() + "_" + table.toStdString();
        const std::string project = projectFor(sample.toStdString(), databaseSource(engine.toStdString(), table.toStdString()),
                                               tag + ".json", columns);
        Status s = run(project, tmp(tag + ".csv"), tmp(tag + ".json.summary"));
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        QVERIFY(run(fileProject(sample.toStdString()), tmp("file_" + tag + ".csv")));
        compareOutputs(tmp(tag + ".csv"), tmp("file_" + tag + ".csv"));
        const json summary = testutil::loadJson(tmp(tag + ".json.summary"));
        QCOMPARE(summary["database"]["engine"].get<std::string>(), engine.toStdString());
        QCOMPARE(summary["database"]["rows_scanned"].get<int>(), lines ? 6919 : 3000);
        // order lines: the engine sums them per customer; a row per customer comes back
        if (lines)
            QCOMPARE(summary["database"]["rows_transferred"].get<int>(), 2357);
        QVERIFY(summary["database"]["query_ms"].get<double>() >= 0);
    }

    // Order lines with returns (negative amounts, negative quantities, invoices starting with C or
    // c), several invoices a day, days with returns only, a customer with only returns, one who
    // first bought after the observation end, and a holdout period: the engine's per-customer
    // sums (and, where the days are needed, its per-customer-day rows) give the file's output.
    void returnsSameAsFile_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<bool>("perCustomer");
        for (const char *e : {"postgresql", "clickhouse"}) {
            QTest::newRow((std::string(e) + " predictive, holdout").c_str()) << e << "holdout" << true;
            QTest::newRow((std::string(e) + " rfm").c_str()) << e << "rfm" << true;
            QTest::newRow((std::string(e) + " rfm, quantity x price").c_str()) << e << "price" << true;
            QTest::newRow((std::string(e) + " predictive, weeks: days needed").c_str()) << e << "weeks" << false;
            QTest::newRow((std::string(e) + " cohorts: days needed").c_str()) << e << "cohorts" << false;
            QTest::newRow((std::string(e) + " snapshots: days needed").c_str()) << e << "snapshots" << false;
        }
    }
    void returnsSameAsFile()
    {
        QFETCH(QString, engine);
        QFETCH(QString, variant);
        QFETCH(bool, perCustomer);
        const std::string e = engine.toStdString(), v = variant.toStdString();
        json p = testutil::loadJson(std::string(VS_RESOURCES) + "/sample/cdnow.valuescope.json");
        p["source"]["columns"] = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"},
                                  {"quantity", "quantity"}, {"invoice", "invoice"}};
        p["value"]["holdout_end"] = "1998-03-31";
        if (v == "rfm" || v == "price" || v == "cohorts" || v == "snapshots") {
            p["value"] = {{"model", "rfm"}, {"time_unit", "days"}, {"observation_end", "1998-02-15"}};
            p["segments"] = {{"by", "value"}, {"method", "quantile"}, {"count", 5}};
        }
        if (v == "price") { // the amount as quantity x unit price, the unit price from the amount column
            p["source"]["columns"].erase("amount");
            p["source"]["columns"]["unit_price"] = "amount";
        }
        if (v == "weeks")
            p["value"]["period"] = "week";
        if (v == "cohorts")
            p["cohorts"] = {{"period", "quarter"}, {"measure", "customers"}};
        if (v == "snapshots") // issue 19 from a database: the migration between two dates
            p["snapshots"] = {{"from", "1997-09-30"}, {"to", "1998-02-15"}};
        const std::string tag = e + "_returns_" + v;
        p["source"]["path"] = testutil::dataPath("db/returns_lines.csv");
        std::ofstream(tmp("file_" + tag + ".json")) << p.dump(2);
        p["source"].erase("path");
        p["source"]["database"] = databaseSource(e, "returns_lines");
        std::ofstream(tmp(tag + ".json")) << p.dump(2);
        Status s = run(tmp(tag + ".json"), tmp(tag + ".csv"), tmp(tag + ".summary.json"));
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        s = run(tmp("file_" + tag + ".json"), tmp("file_" + tag + ".csv"), tmp("file_" + tag + ".summary.json"));
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        compareOutputs(tmp(tag + ".csv"), tmp("file_" + tag + ".csv"));
        const json summary = testutil::loadJson(tmp(tag + ".summary.json"));
        const json fileSummary = testutil::loadJson(tmp("file_" + tag + ".summary.json"));
        const size_t customers = parseCsv(testutil::readFile(tmp(tag + ".csv"))).size() - 1;
        QCOMPARE(summary["database"]["rows_scanned"].get<size_t>(), size_t(7791));
        const size_t transferred = summary["database"]["rows_transferred"].get<size_t>();
        if (perCustomer) // one row per customer came back
            QCOMPARE(transferred, customers);
        else // a row per customer and day
            QVERIFY2(transferred > customers && transferred < 7791, std::to_string(transferred).c_str());
        // the same segments (counts and totals), and the holdout the models were checked on
        for (const char *key : {"customers", "total_value", "segments", "rfm", "cohorts", "period_migration", "bgnbd", "gamma_gamma", "holdout"}) {
            QCOMPARE(summary.contains(key), fileSummary.contains(key));
            if (fileSummary.contains(key))
                QVERIFY2(sameJsonNumbers(summary[key], fileSummary[key], 1e-9),
                         (std::string(key) + ": " + summary[key].dump() + " / " + fileSummary[key].dump()).c_str());
        }
        if (v == "snapshots")
            QVERIFY(summary.contains("period_migration") && summary["period_migration"]["changed"].get<double>() > 0);
        if (v == "holdout") // the models checked on the holdout, as for the file
            QVERIFY(summary["holdout"]["length"].get<double>() > 0);
        // the returns and the customers without a purchase are counted as for the file
        auto about = [](const json &j) {
            std::multiset<std::string> out;
            for (const json &w : j["warnings"]) {
                const std::string text = w.get<std::string>();
                for (const char *word : {"returns or cancellations", "first bought after", "only returns", "Gamma-Gamma"})
                    if (text.find(word) != std::string::npos)
                        out.insert(text);
            }
            return out;
        };
        QCOMPARE(about(summary), about(fileSummary));
        QVERIFY(!about(fileSummary).empty());
    }

    // the tracking chart's series of a database run and a file run, bin for bin, exactly: the
    // repeat purchases per week as counted, the expected ones from the same fits on the same
    // frequency, recency and T
    static bool sameTracking(const TrackingSeries &a, const TrackingSeries &b, std::string *why)
    {
        auto differ = [&](const char *what, size_t i, double x, double y) {
            *why = std::string(what) + " week " + std::to_string(i) + ": database " + std::to_string(x) + ", file " + std::to_string(y);
            return false;
        };
        if (b.actual.empty() || b.expected.empty()) {
            *why = "the file run has no tracking series";
            return false;
        }
        if (a.actual.size() != b.actual.size() || a.periodStart != b.periodStart || a.expected.size() != b.expected.size() ||
            a.calibrationPeriods != b.calibrationPeriods || a.periodDays != b.periodDays) {
            *why = "weeks: database " + std::to_string(a.actual.size()) + " (" + std::to_string(a.calibrationPeriods) +
                   " calibration), file " + std::to_string(b.actual.size()) + " (" + std::to_string(b.calibrationPeriods) + ")";
            return false;
        }
        for (size_t i = 0; i < b.actual.size(); ++i)
            if (a.actual[i] != b.actual[i])
                return differ("actual", i, a.actual[i], b.actual[i]);
        for (size_t m = 0; m < b.expected.size(); ++m)
            for (size_t i = 0; i < b.expected[m].size(); ++i)
                if (a.expected[m].size() != b.expected[m].size() || a.expected[m][i] != b.expected[m][i])
                    return differ("expected", i, a.expected[m][i], b.expected[m][i]);
        return true;
    }

    // Predictive CLV with the tracking chart (the window always offers it; `run` with --chart
    // tracking or --report): the engine sends a row per customer and the chart's repeat purchases
    // per week (a second query), no customer-days; the chart's actual and expected series equal
    // the file run's exactly, on order lines with returns, return-only days before anyone's first
    // purchase, customers with only returns or first buying after the observation end, and lines
    // after the holdout end. An edit of the holdout end or the observation end reads again
    // (per customer, with the weeks for the new dates), and the series again equal the file's.
    void trackingChartPerCustomer_data() { errors_data(); }
    void trackingChartPerCustomer()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        json p = testutil::loadJson(std::string(VS_RESOURCES) + "/sample/cdnow.valuescope.json");
        p["source"]["columns"] = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"},
                                  {"quantity", "quantity"}, {"invoice", "invoice"}};
        p["value"]["holdout_end"] = "1998-03-31";
        const std::string tag = e + "_tracking";
        p["source"]["path"] = testutil::dataPath("db/returns_lines.csv");
        std::ofstream(tmp("file_" + tag + ".json")) << p.dump(2);
        p["source"].erase("path");
        p["source"]["database"] = databaseSource(e, "returns_lines");
        std::ofstream(tmp(tag + ".json")) << p.dump(2);

        auto file = loadAnalysis(tmp("file_" + tag + ".json"), nullptr, {}, std::nullopt, true);
        QVERIFY2(file, file ? "" : file.error().describe().c_str());
        auto loaded = loadAnalysis(tmp(tag + ".json"), nullptr, {}, std::nullopt, true);
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        Project project = loaded->project;
        QVERIFY(databaseRowsFor(project, true) == DatabaseRows::PerCustomerTracked);
        QVERIFY(databaseRowsFor(project, false) == DatabaseRows::PerCustomer);
        std::shared_ptr<const PreparedData> data = loaded->data;
        auto check = [&](const std::string &what) {
            std::string why;
            // per customer, with the weeks: no days came
            QVERIFY2(data->figures && !data->days && data->database && data->database->perCustomer, what.c_str());
            QVERIFY2(data->figures->repeatsPerWeek, what.c_str());
            QVERIFY2(databaseDataServes(*data, project, true), what.c_str());
            auto a = computeAnalysis(data, project);
            QVERIFY2(a, a ? what.c_str() : a.error().describe().c_str());
            auto b = computeAnalysis(file->data, project);
            QVERIFY2(b, b ? what.c_str() : b.error().describe().c_str());
            QVERIFY2(a->btyd && b->btyd, what.c_str());
            QVERIFY2(sameTracking(a->btyd->tracking, b->btyd->tracking, &why), (what + ": " + why).c_str());
            // what came: a row per customer and one per week with a repeat purchase
            const auto &actual = b->btyd->tracking.actual;
            const size_t weeks = size_t(std::count_if(actual.begin(), actual.end(), [](double n) { return n > 0; }));
            QVERIFY2(weeks > 10, what.c_str());
            QCOMPARE(data->database->weekRows, uint64_t(weeks));
            QCOMPARE(data->database->rowsTransferred, uint64_t(a->rowCount() + weeks));
            QCOMPARE(a->rowCount(), b->rowCount());
            QCOMPARE(data->database->rowsScanned, uint64_t(7791));
        };
        check("as loaded");
        if (QTest::currentTestFailed())
            return;
        // the edits: another holdout end, none (up to the last line), another observation end
        const struct { const char *field, *value; } edits[] = {
            {"holdout_end", "1998-05-31"}, {"holdout_end", ""}, {"observation_end", "1997-12-31"}, {"holdout_end", "1998-02-28"}};
        for (const auto &edit : edits) {
            const std::string what = std::string(edit.field) + " = '" + edit.value + "'";
            (std::string(edit.field) == "holdout_end" ? project.value.holdoutEnd : project.value.observationEnd) = edit.value;
            QVERIFY2(!databaseDataServes(*data, project, true), what.c_str()); // summed for the dates before
            auto again = readDatabaseForWindow(project, std::nullopt, nullptr, nullptr);
            QVERIFY2(again, again ? what.c_str() : again.error().describe().c_str());
            data = again.value();
            check(what);
            if (QTest::currentTestFailed())
                return;
        }
        // per customer without the weeks (`run` without the chart): the window's chart reads again
        auto plain = loadAnalysis(tmp(tag + ".json"), nullptr, {}, std::nullopt, false);
        QVERIFY(plain);
        QVERIFY(plain->data->figures && !plain->data->figures->repeatsPerWeek);
        QCOMPARE(plain->data->database->weekRows, uint64_t(0));
        QVERIFY(databaseDataServes(*plain->data, plain->project, false));
        QVERIFY(!databaseDataServes(*plain->data, plain->project, true));
        auto r = computeAnalysis(plain->data, plain->project);
        QVERIFY(r && r->btyd && r->btyd->tracking.actual.empty());
    }

    // campaigns: the third layout, from the table the formula tests read as a file
    void campaignsSameAsFile()
    {
        for (const std::string engine : {"postgresql", "clickhouse"}) {
            json p = {{"valuescope", 1},
                      {"source", {{"layout", "campaigns"},
                                  {"columns", {{"campaign", "campaign"}, {"sales", "sales"}, {"cost", "cost"}}}}}};
            p["source"]["path"] = testutil::dataPath("reference/campaigns.csv");
            const std::string filePath = tmp("campaigns_file.json");
            std::ofstream(filePath) << p.dump(2);
            p["source"].erase("path");
            p["source"]["database"] = databaseSource(engine, "campaigns");
            const std::string dbPath = tmp(engine + "_campaigns.json");
            std::ofstream(dbPath) << p.dump(2);
            Status s = run(dbPath, tmp(engine + "_campaigns.csv"));
            QVERIFY2(s, s ? "" : s.error().describe().c_str());
            QVERIFY(run(filePath, tmp("file_campaigns.csv")));
            compareOutputs(tmp(engine + "_campaigns.csv"), tmp("file_campaigns.csv"));
        }
    }

    // the user's query: wrapped as a read-only subquery, and its result analysed like a table
    void queryField()
    {
        for (const std::string engine : {"postgresql", "clickhouse"}) {
            const std::string project = projectFor(
                "cdnow.valuescope.json",
                databaseSource(engine, "", "SELECT customer AS c, order_date AS d, amount AS a FROM cdnow_lines WHERE amount >= 0;"),
                engine + "_query.json", json{{"customer", "c"}, {"date", "d"}, {"amount", "a"}});
            Status s = run(project, tmp(engine + "_query.csv"));
            QVERIFY2(s, s ? "" : s.error().describe().c_str());
            compareOutputs(tmp(engine + "_query.csv"), tmp("file_" + engine + "_cdnow_lines.csv"));
        }
    }

    void passwordNeverSaved()
    {
        const std::string project = projectFor("cdnow.valuescope.json", databaseSource("postgresql", "cdnow_lines"),
                                               "pw.json", json{{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}});
        auto p = loadProject(project);
        QVERIFY(p);
        QVERIFY(p->source.database);
        QCOMPARE(p->source.database->passwordEnv, std::string("VS_TEST_DB_PASSWORD"));
        const std::string saved = tmp("saved.json");
        QVERIFY(saveProject(p.value(), saved));
        const std::string text = testutil::readFile(saved);
        QVERIFY(text.find(m_password) == std::string::npos);
        QVERIFY(text.find("\"password_env\": \"VS_TEST_DB_PASSWORD\"") != std::string::npos);
        // the saved project reads back the same
        auto again = loadProject(saved);
        QVERIFY(again);
        QVERIFY(*again->source.database == *p->source.database);
        // a password in a project is refused, not used
        json j = testutil::loadJson(project);
        j["source"]["database"]["password"] = "x";
        auto bad = parseProject(j.dump(), "bad.json");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, Msg::KeyDatabasePassword);
        // the variable must be set
        qunsetenv("VS_TEST_DB_PASSWORD");
        Status s = run(project, tmp("nopw.csv"));
        qputenv("VS_TEST_DB_PASSWORD", QByteArray::fromStdString(m_password));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Msg::DbPasswordNotSet);
        QVERIFY(s.error().describe().find(m_password) == std::string::npos);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("postgresql") << "postgresql";
        QTest::newRow("clickhouse") << "clickhouse";
    }
    void errors()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const json cols = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}};
        auto failure = [&](const json &db, const json &c, const std::string &name) {
            Status s = run(projectFor("cdnow.valuescope.json", db, name, c), tmp(name + ".csv"));
            return s ? Error() : s.error();
        };
        // unreachable: a port nobody listens on
        json db = databaseSource(e, "cdnow_lines");
        db["port"] = 1;
        Error err = failure(db, cols, e + "_unreachable.json");
        QCOMPARE(err.code, Msg::DbCannotConnect);
        QVERIFY(!err.args.back().empty()); // the engine's (or the network's) reason
        // wrong password
        qputenv("VS_TEST_DB_PASSWORD", "not-the-password");
        err = failure(databaseSource(e, "cdnow_lines"), cols, e + "_wrongpw.json");
        qputenv("VS_TEST_DB_PASSWORD", QByteArray::fromStdString(m_password));
        QCOMPARE(err.code, Msg::DbCannotConnect);
        QVERIFY2(QString::fromStdString(err.args.back()).contains("password", Qt::CaseInsensitive), err.describe().c_str());
        // TLS asked for, against a server that has none: refused, not silently sent in the clear
        db = databaseSource(e, "cdnow_lines");
        db["tls"] = true;
        err = failure(db, cols, e + "_tls.json");
        QCOMPARE(err.code, Msg::DbCannotConnect);
        QVERIFY(!err.args.back().empty());
        // missing table
        err = failure(databaseSource(e, "no_such_table"), cols, e + "_missing.json");
        QCOMPARE(err.code, Msg::DbTableMissing);
        QCOMPARE(err.args[0], std::string("no_such_table"));
        // a column of the wrong type: the date role on a number column
        err = failure(databaseSource(e, "cdnow_lines"), json{{"customer", "customer"}, {"date", "amount"}, {"amount", "amount"}},
                      e + "_type.json");
        QCOMPARE(err.code, Msg::DbColumnNotDate);
        QCOMPARE(err.args[0], std::string("amount"));
        // a query error, with the engine's reason
        err = failure(databaseSource(e, "", "SELECT customer, order_date, amount FROM cdnow_lines WHERE nonsense_column > 0"),
                      cols, e + "_queryerror.json");
        QCOMPARE(err.code, Msg::DbQueryFailed);
        QVERIFY2(err.describe().find("nonsense_column") != std::string::npos, err.describe().c_str());
    }

    // An amount that is not a finite number (NaN, +-Infinity) is counted and left out, as a file's
    // line without an amount: the CDNOW lines with three amounts made Infinity, -Infinity and NaN
    // by a query give the file run whose lines with those amounts have none.
    void nonFiniteAmountsLeftOut_data() { errors_data(); }
    void nonFiniteAmountsLeftOut()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const std::string query =
            e == "postgresql"
                ? "SELECT customer, order_date, CASE WHEN amount = 11.77 THEN 'Infinity'::float8 WHEN amount = 14.96 THEN "
                  "'-Infinity'::float8 WHEN amount = 13.97 THEN 'NaN'::float8 ELSE amount END AS amount FROM cdnow_lines"
                : "SELECT customer, order_date, multiIf(amount = 11.77, inf, amount = 14.96, -inf, amount = 13.97, nan, amount) "
                  "AS amount FROM cdnow_lines";
        const json cols = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}};
        const std::string project = projectFor("cdnow.valuescope.json", databaseSource(e, "", query), e + "_nonfinite.json", cols);
        Status s = run(project, tmp(e + "_nonfinite.csv"), tmp(e + "_nonfinite.summary.json"));
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        // the file: the same lines, those amounts blank
        std::ifstream in(std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt");
        std::ofstream csv(tmp("nonfinite_lines.csv"));
        csv << "customer,order_date,amount\n";
        std::string c1, c2, date, qty, amount;
        size_t blank = 0;
        while (in >> c1 >> c2 >> date >> qty >> amount) {
            const bool out = amount == "11.77" || amount == "14.96" || amount == "13.97";
            blank += out;
            csv << c2 << ',' << date.substr(0, 4) << '-' << date.substr(4, 2) << '-' << date.substr(6, 2) << ','
                << (out ? std::string() : amount) << '\n';
        }
        csv.close();
        QCOMPARE(blank, size_t(606));
        json p = testutil::loadJson(std::string(VS_RESOURCES) + "/sample/cdnow.valuescope.json");
        p["source"] = {{"path", tmp("nonfinite_lines.csv")}, {"layout", "transactions"}, {"columns", cols}};
        std::ofstream(tmp("file_nonfinite.json")) << p.dump(2);
        s = run(tmp("file_nonfinite.json"), tmp("file_" + e + "_nonfinite.csv"));
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        compareOutputs(tmp(e + "_nonfinite.csv"), tmp("file_" + e + "_nonfinite.csv"));
        // counted and said
        const json summary = testutil::loadJson(tmp(e + "_nonfinite.summary.json"));
        QCOMPARE(summary["database"]["rows_scanned"].get<size_t>(), size_t(6919));
        bool said = false;
        for (const json &w : summary["warnings"])
            said |= w.get<std::string>().find("606 order line") != std::string::npos &&
                    w.get<std::string>().find("amount") != std::string::npos;
        QVERIFY2(said, summary["warnings"].dump().c_str());
    }

    void injection_data() { errors_data(); }
    void injection()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const json cols = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}};
        // through the table name: quoted as one identifier, so it is a table that does not exist
        Status s = run(projectFor("cdnow.valuescope.json", databaseSource(e, "cdnow_lines; DROP TABLE cdnow_lines"),
                                  e + "_inj1.json", cols), tmp(e + "_inj1.csv"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Msg::DbTableMissing);
        QCOMPARE(countRows(e, "cdnow_lines"), size_t(6919));
        // a table and columns whose names carry quotes, backquotes and comments: read as names
        s = run(projectFor("cdnow.valuescope.json", databaseSource(e, "lines\"; DROP TABLE cdnow_lines; --"), e + "_inj2.json",
                           json{{"customer", "cust\"omer"}, {"date", "order_date"}, {"amount", "amount`) --"}}),
                tmp(e + "_inj2.csv"));
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        compareOutputs(tmp(e + "_inj2.csv"), tmp("file_" + e + "_cdnow_lines.csv"));
        QCOMPARE(countRows(e, "cdnow_lines"), size_t(6919));
        // through the query field: a second statement, and a statement that writes
        for (const std::string q : {"SELECT * FROM cdnow_lines) AS x; DROP TABLE cdnow_lines; --",
                                    "SELECT * FROM cdnow_lines; DROP TABLE cdnow_lines",
                                    e == "postgresql" ? "WITH gone AS (DELETE FROM cdnow_lines RETURNING *) SELECT * FROM gone"
                                                      : "INSERT INTO cdnow_lines SELECT * FROM cdnow_lines"}) {
            s = run(projectFor("cdnow.valuescope.json", databaseSource(e, "", q), e + "_inj3.json", cols), tmp(e + "_inj3.csv"));
            QVERIFY2(!s, q.c_str());
            QCOMPARE(s.error().code, Msg::DbQueryFailed);
            QCOMPARE(countRows(e, "cdnow_lines"), size_t(6919));
        }
        // a NUL byte in the table name or the query: never a shorter name or statement that runs
        const std::string nul("cdnow_lines\0; DROP TABLE cdnow_lines", 36);
        s = run(projectFor("cdnow.valuescope.json", databaseSource(e, nul), e + "_inj4.json", cols), tmp(e + "_inj4.csv"));
        QVERIFY(!s);
        QVERIFY2(s.error().code == Msg::DbTableMissing || s.error().code == Msg::DbQueryFailed, s.error().describe().c_str());
        s = run(projectFor("cdnow.valuescope.json",
                           databaseSource(e, "", std::string("SELECT * FROM cdnow_lines\0) AS x; DROP TABLE cdnow_lines; --", 60)),
                           e + "_inj5.json", cols), tmp(e + "_inj5.csv"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Msg::DbQueryFailed);
        QCOMPARE(countRows(e, "cdnow_lines"), size_t(6919));
    }

    // Values: bound parameters in both engines, PostgreSQL's $n and, in ClickHouse 18.16, whose
    // HTTP interface has no query parameters ({name:Type} came with 19.11), a one-row external
    // table sent with the query. Quotes, backslashes, a value that looks like a placeholder, tab
    // and newline and (ClickHouse) a NUL byte come back as they went.
    void injectionThroughValues_data() { errors_data(); }
    void injectionThroughValues()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        json d = databaseSource(e, "cdnow_lines");
        DatabaseSpec spec{e, "127.0.0.1", d["port"].get<int>(), "shop", "vs", "cdnow_lines", "", "", false};
        auto db = connectDatabase(spec, m_password);
        QVERIFY(db);
        std::vector<std::string> values = {"it's", "back\\slash\\' OR 1=1 --", "{p1}", "'); DROP TABLE cdnow_lines; --",
                                           "\\'\\\\''", "tab\tnewline\n"};
        if (e == "clickhouse")
            values.push_back(std::string("nul\0byte'", 9));
        std::string sql = "SELECT ";
        for (size_t i = 0; i < values.size(); ++i)
            sql += (i ? ", " : "") + db.value()->textParameter(i + 1);
        std::vector<std::string> back;
        Status s = db.value()->select(sql, values, [&](const DbRow &r) {
            for (const auto &v : r)
                back.emplace_back(v ? *v : std::string_view("(null)"));
            return true;
        });
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        QCOMPARE(back, values);
        // a value compared in a WHERE clause is a value, not SQL
        size_t n = 99;
        s = db.value()->select("SELECT count(*) FROM " + db.value()->quoteIdentifier("cdnow_lines") + " WHERE customer = " +
                                   db.value()->textParameter(1),
                               {"x' OR '1'='1"}, [&](const DbRow &r) {
                                   n = std::stoul(std::string(*r[0]));
                                   return true;
                               });
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        QCOMPARE(n, size_t(0));
        QCOMPARE(countRows(e, "cdnow_lines"), size_t(6919));
    }

    // The push-down's dates (observation end, holdout end, first day) are bound parameters: the
    // statements the engine gets carry none of them in their text, and they are what was asked
    void pushDownDatesAreParameters_data() { errors_data(); }
    void pushDownDatesAreParameters()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        DatabaseSpec spec{e, "127.0.0.1", databaseSource(e, "cdnow_lines")["port"].get<int>(), "shop", "vs", "cdnow_lines", "", "", false};
        auto db = connectDatabase(spec, m_password);
        QVERIFY(db);
        auto cols = db.value()->describe(db.value()->quoteIdentifier("cdnow_lines"));
        QVERIFY(cols);
        Project p;
        p.source.database = spec;
        p.source.layout = Layout::Transactions;
        p.source.columns = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}};
        p.value.model = "predictive_clv";
        const int32_t end = 10286, holdout = 10407, first = 9862; // 1998-03-01, 1998-06-30, 1997-01-01
        const DbStatement summary = customerSummaryQuery(*db.value(), p, cols.value(), end, holdout);
        const DbStatement weeks = repeatDaysPerWeekQuery(*db.value(), p, cols.value(), first, end, holdout);
        QCOMPARE(summary.params, (std::vector<std::string>{"10286", "10407"}));
        QCOMPARE(weeks.params, (std::vector<std::string>{"10286", "10407", "9862"}));
        for (const std::string &sql : {summary.sql, weeks.sql})
            for (const char *day : {"10286", "10407", "9862"})
                QVERIFY2(sql.find(day) == std::string::npos, sql.c_str());
        // the statements run with them (that they act as the dates is what sameAsFile,
        // returnsSameAsFile and trackingChartPerCustomer check: their engine runs go through these
        // statements and equal the file runs, also after the ends are edited)
        size_t rows = 0;
        Status s = db.value()->select(summary.sql, summary.params, [&](const DbRow &) { return bool(++rows); });
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        QCOMPARE(rows, size_t(2357));
    }

    // Stop while the engine works and no row has come yet: the query is cancelled, not waited for
    void stopWhileTheEngineWorks_data() { errors_data(); }
    void stopWhileTheEngineWorks()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        json d = databaseSource(e, "cdnow_lines");
        DatabaseSpec spec{e, "127.0.0.1", d["port"].get<int>(), "shop", "vs", "cdnow_lines", "", "", false};
        auto db = connectDatabase(spec, m_password);
        QVERIFY(db);
        std::atomic<bool> stop{false};
        db.value()->stop = &stop;
        // the query a user would wait minutes for: it runs until stopped (or for 10 minutes)
        const std::string slow = e == "postgresql" ? "SELECT pg_sleep(600)"
                                                   : "SELECT count() FROM system.numbers WHERE sipHash64(number) = 0";
        // another connection sees the query running, then the user presses Stop
        std::thread user([&] {
            auto watch = connectDatabase(spec, m_password);
            const std::string running = e == "postgresql"
                ? "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'"
                : "SELECT count() FROM system.processes WHERE query LIKE '%sipHash64(number) = 0%' AND query NOT LIKE '%system.processes%'";
            for (int i = 0; i < 6000 && watch; ++i) {
                size_t n = 0;
                (void)watch.value()->select(running, {}, [&](const DbRow &r) {
                    n = std::stoul(std::string(*r[0]));
                    return true;
                });
                if (n > 0)
                    break;
                std::this_thread::yield();
            }
            stop = true;
        });
        Status s = db.value()->select(slow, {}, [](const DbRow &) { return true; });
        user.join();
        if (e == "clickhouse") { // and the server stopped it too
            auto watch = connectDatabase(spec, m_password);
            QVERIFY(watch);
            size_t n = 1;
            for (int i = 0; i < 6000 && n > 0; ++i) {
                QVERIFY(watch.value()->select("SELECT count() FROM system.processes WHERE query LIKE '%sipHash64(number) = 0%' "
                                              "AND query NOT LIKE '%system.processes%'", {}, [&](const DbRow &r) {
                    n = std::stoul(std::string(*r[0]));
                    return true;
                }));
                std::this_thread::yield();
            }
            QCOMPARE(n, size_t(0));
        }
        QVERIFY(!s);
        QVERIFY2(s.error().kind == ErrorKind::Cancelled, s.error().describe().c_str());
    }

    void writeTable_data() { errors_data(); }
    void writeTable()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const json cols = {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}};
        const std::string project = projectFor("cdnow.valuescope.json", databaseSource(e, "cdnow_lines"), e + "_write.json", cols);
        for (int round = 0; round < 2; ++round) { // created, then replaced
            Status s = run(project, tmp(e + "_write.csv"), {}, "vs_segments");
            QVERIFY2(s, s ? "" : s.error().describe().c_str());
            QCOMPARE(countRows(e, "vs_segments"), size_t(2357));
        }
        // what was written is what the CSV says, row for row
        json d = databaseSource(e, "vs_segments");
        DatabaseSpec spec{e, "127.0.0.1", d["port"].get<int>(), "shop", "vs", "vs_segments", "", "", false};
        auto db = connectDatabase(spec, m_password);
        QVERIFY(db);
        auto csv = parseCsv(testutil::readFile(tmp(e + "_write.csv")));
        std::map<std::string, std::vector<std::string>> byId;
        for (size_t r = 1; r < csv.size(); ++r)
            byId[csv[r][0]] = csv[r];
        size_t checked = 0;
        Status s = db.value()->select("SELECT customer, segment, clv FROM " + db.value()->quoteIdentifier("vs_segments"), {},
                                      [&](const DbRow &r) {
                                          const auto &row = byId[std::string(*r[0])];
                                          const size_t seg = std::find(csv[0].begin(), csv[0].end(), "segment") - csv[0].begin();
                                          const size_t clv = std::find(csv[0].begin(), csv[0].end(), "clv") - csv[0].begin();
                                          if (row.size() > clv && row[seg] == std::string(*r[1]) &&
                                              (r[2] ? std::fabs(std::stod(std::string(*r[2])) - std::stod(row[clv])) <= 1e-9 * std::max(1.0, std::fabs(std::stod(row[clv])))
                                                    : row[clv].empty()))
                                              ++checked;
                                          return true;
                                      });
        QVERIFY2(s, s ? "" : s.error().describe().c_str());
        QCOMPARE(checked, size_t(2357));
        // a file source cannot be written back
        Status f = run(fileProject("cdnow.valuescope.json"), tmp("f.csv"), {}, "vs_segments");
        QVERIFY(!f);
        QCOMPARE(f.error().code, Msg::DbWriteNeedsDatabase);
    }
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
