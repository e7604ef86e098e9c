// Issue 19: how customers move over time. The segment migration between two dates, the early
// warnings and the cohorts of tests/data/over_time/orders.csv against pandas
// (tests/data/make_over_time_reference.py), the summary's shape (DESIGN.md §4.1), the project keys,
// and the keyed pseudonyms against Python's hmac.
#include "core/analytics/over_time.h"
#include "core/headless/run.h"
#include "core/io/over_time_output.h"
#include "core/io/pseudonyms.h"
#include "core/io/results_writer.h"
#include "core/project/edits.h"
#include "core/table/cell_parse.h"
#include "testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace vs;
using testutil::dataPath;

class TstOverTime : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void rfmMigrationMatchesPandas();
    void quantileMigrationMatchesPandas();
    void earlyWarningsMatchPandas();
    void cohortsMatchPandas_data();
    void cohortsMatchPandas();
    void summaryHasTheDesignedShape();
    void cellCustomersAreTheMatrixCounts();
    void wrongDatesAreClearMessages();
    void datesInTheWrongOrderAreAWarning();
    void projectKeysRoundTrip();
    void customerRowsSayOverTimeNeedsOrderLines();
    void pseudonymsMatchPythonHmac();
    void personalColumnsAreLeftOut();
    void earlyWarningListIsWritten();
    void aliveWarningsMatchScipy();

private:
    AnalysisResults compute(const std::function<void(Project &)> &edit = {});
    nlohmann::json m_ref;
    std::optional<LoadedAnalysis> m_loaded;
};

void TstOverTime::initTestCase()
{
    m_ref = testutil::loadJson(dataPath("reference/over_time.json"));
    auto la = loadAnalysis(dataPath("over_time/orders.valuescope.json"), nullptr);
    QVERIFY2(la.ok(), la.ok() ? "" : la.error().describe().c_str());
    m_loaded = std::move(la.value());
}

AnalysisResults TstOverTime::compute(const std::function<void(Project &)> &edit)
{
    Project p = m_loaded->project;
    if (edit)
        edit(p);
    auto r = computeAnalysis(m_loaded->data, p);
    if (!r)
        qFatal("%s", r.error().describe().c_str());
    return std::move(r.value());
}

namespace {
void compareMigration(const PeriodMigration &m, const nlohmann::json &e)
{
    QCOMPARE(m.from, e["from"].get<std::string>());
    QCOMPARE(m.to, e["to"].get<std::string>());
    QVERIFY(m.fromSegments == e["from_segments"].get<std::vector<std::string>>());
    QVERIFY(m.toSegments == e["to_segments"].get<std::vector<std::string>>());
    QVERIFY(m.moved == e["moved"].get<std::vector<std::vector<size_t>>>());
    QCOMPARE(m.changed, e["changed"].get<size_t>());
    // the value of each cell (the spend as of `to`) and the lapsed column: per row, the customers
    // who bought nothing between the dates and their value
    QCOMPARE(m.movedValue.size(), e["value"].size());
    for (size_t i = 0; i < m.movedValue.size(); ++i)
        for (size_t j = 0; j < m.movedValue[i].size(); ++j)
            QVERIFY2(testutil::sameNumber(m.movedValue[i][j], e["value"][i][j], 1e-9), (m.fromSegments[i] + " → " + m.toSegments[j]).c_str());
    QVERIFY(m.lapsedCount == e["lapsed"].get<std::vector<size_t>>());
    QCOMPARE(m.lapsedValue.size(), e["lapsed_value"].size());
    for (size_t i = 0; i < m.lapsedValue.size(); ++i)
        QVERIFY2(testutil::sameNumber(m.lapsedValue[i], e["lapsed_value"][i], 1e-9), m.fromSegments[i].c_str());
    QCOMPARE(m.lapsedCount.back(), size_t(0)); // a new customer bought after `from`: never lapsed
    QCOMPARE(m.segments.size(), e["segments"].size());
    for (size_t k = 0; k < m.segments.size(); ++k) {
        const auto &s = m.segments[k];
        const auto &x = e["segments"][k];
        QCOMPARE(s.label, x["segment"].get<std::string>());
        QCOMPARE(s.fromCount, x["from_count"].get<size_t>());
        QCOMPARE(s.toCount, x["to_count"].get<size_t>());
        QVERIFY(testutil::sameNumber(s.fromValue, x["from_value"], 1e-9));
        QVERIFY(testutil::sameNumber(s.toValue, x["to_value"], 1e-9));
        QCOMPARE(s.lapsed, x["lapsed"].get<size_t>());
    }
}
} // namespace

void TstOverTime::rfmMigrationMatchesPandas()
{
    const AnalysisResults r = compute();
    QVERIFY(r.overTime && r.overTime->migration);
    const PeriodMigration &m = *r.overTime->migration;
    compareMigration(m, m_ref["rfm_rules"]);
    // new customers are a row of their own, and some of them arrived
    QCOMPARE(m.fromSegments.back(), std::string(kNewCustomersRow));
    size_t arrived = 0;
    for (size_t n : m.moved.back())
        arrived += n;
    QVERIFY(arrived > 100);
}

void TstOverTime::quantileMigrationMatchesPandas()
{
    const AnalysisResults r = compute([](Project &p) { setSegmentMethod(p, "quantile", {}); });
    QVERIFY(r.overTime && r.overTime->migration);
    compareMigration(*r.overTime->migration, m_ref["quantile"]);
}

void TstOverTime::earlyWarningsMatchPandas()
{
    for (const char *variant : {"rfm_rules", "quantile"}) {
        const AnalysisResults r = compute([&](Project &p) {
            if (std::string(variant) == "quantile")
                setSegmentMethod(p, "quantile", {});
        });
        const nlohmann::json &e = m_ref[variant];
        QVERIFY(testutil::sameNumber(r.overTime->valuableFrom, e["valuable_from"], 1e-12));
        std::set<std::string> got, expected;
        for (const EarlyWarning &w : r.overTime->earlyWarnings) {
            QVERIFY(w.segmentFell);
            QVERIFY(!w.aliveFell); // the rfm model has no P(alive)
            got.insert(std::string(r.data->ids.at(w.customer)));
        }
        for (const auto &id : e["early_warnings"])
            expected.insert(id.get<std::string>());
        QVERIFY(got == expected);
        QVERIFY(!got.empty());
    }
}

void TstOverTime::cohortsMatchPandas_data()
{
    QTest::addColumn<QString>("period");
    QTest::newRow("month") << "month";
    QTest::newRow("quarter") << "quarter";
}

void TstOverTime::cohortsMatchPandas()
{
    QFETCH(QString, period);
    const AnalysisResults r = compute([&](Project &p) { p.cohorts->period = period.toStdString(); });
    QVERIFY(r.overTime && r.overTime->cohorts);
    const CohortTable &c = *r.overTime->cohorts;
    const nlohmann::json &e = m_ref["cohorts_" + period.toStdString()];
    QCOMPARE(c.period, e["period"].get<std::string>());
    QCOMPARE(c.rows.size(), e["rows"].size());
    for (size_t k = 0; k < c.rows.size(); ++k) {
        const auto &row = c.rows[k];
        const auto &x = e["rows"][k];
        QCOMPARE(row.cohort, x["cohort"].get<std::string>());
        QCOMPARE(row.size, x["size"].get<size_t>());
        QVERIFY2(row.active == x["active"].get<std::vector<size_t>>(), row.cohort.c_str());
        QCOMPARE(row.revenue.size(), x["revenue"].size());
        for (size_t j = 0; j < row.revenue.size(); ++j)
            QVERIFY2(testutil::sameNumber(row.revenue[j], x["revenue"][j], 1e-9),
                     (row.cohort + " period " + std::to_string(j)).c_str());
        QCOMPARE(row.active.front(), row.size); // everyone bought in the period they were acquired in
    }
}

void TstOverTime::summaryHasTheDesignedShape()
{
    const AnalysisResults r = compute();
    const nlohmann::json s = nlohmann::json::parse(summaryJson(r, m_loaded->project));
    QVERIFY(s.contains("period_migration"));
    const nlohmann::json &m = s["period_migration"];
    for (const char *k : {"from", "to", "from_segments", "to_segments", "moved", "value", "lapsed", "lapsed_value", "changed", "segments"})
        QVERIFY2(m.contains(k), k);
    QVERIFY(m["moved"] == m_ref["rfm_rules"]["moved"]);
    QVERIFY(m["lapsed"] == m_ref["rfm_rules"]["lapsed"]);
    QCOMPARE(m["value"].size(), m["moved"].size());
    QCOMPARE(m["value"][0].size(), m["moved"][0].size());
    QCOMPARE(m["lapsed"].size(), m["from_segments"].size());
    QVERIFY(testutil::sameNumber(m["value"][0][0].get<double>(), m_ref["rfm_rules"]["value"][0][0], 1e-9));
    QCOMPARE(m["from_segments"].back().get<std::string>(), std::string("(new)"));
    const nlohmann::json &c = s["cohorts"];
    QCOMPARE(c["period"].get<std::string>(), std::string("quarter"));
    for (const char *k : {"cohort", "size", "active", "revenue"})
        QVERIFY2(c["rows"][0].contains(k), k);
    QCOMPARE(c["rows"][0]["cohort"].get<std::string>(), std::string("2023-Q1"));
    QVERIFY(c["rows"][0]["active"] == m_ref["cohorts_quarter"]["rows"][0]["active"]);
}

void TstOverTime::cellCustomersAreTheMatrixCounts()
{
    const AnalysisResults r = compute();
    const PeriodMigration &m = *r.overTime->migration;
    for (size_t i = 0; i < m.fromSegments.size(); ++i)
        for (size_t j = 0; j < m.toSegments.size(); ++j)
            QCOMPARE(customersInCell(m, int(i), int(j)).size(), m.moved[i][j]);
    // the lapsed column: the row's customers who bought nothing between the dates, whatever their
    // segment now (they are in the row's cells as well)
    size_t lapsed = 0;
    for (size_t i = 0; i < m.fromSegments.size(); ++i) {
        const std::vector<uint32_t> who = customersInCell(m, int(i), lapsedColumn(m));
        QCOMPARE(who.size(), m.lapsedCount[i]);
        for (uint32_t c : who) {
            QCOMPARE(m.fromIndex[c], int(i));
            QVERIFY(m.lapsed[c]);
            double from = 0;
            QVERIFY(parseDate(m.from, DateOrder::Unknown, true, from) == CellParse::Ok);
            QVERIFY(m.lastPurchase[c] <= from);
        }
        lapsed += who.size();
    }
    QVERIFY(lapsed > 100);
}

void TstOverTime::wrongDatesAreClearMessages()
{
    const std::string base = R"({"valuescope":1,"source":{"path":"x.csv","layout":"transactions","columns":{}},)";
    auto bad = parseProject(base + R"("snapshots":{"from":"2024-13-45","to":"2024-09-30"}})", "p.json");
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, Msg::KeyDate);
    QCOMPARE(bad.error().describe(), std::string("p.json: 'snapshots.from' must be a date such as 2024-03-31, not '2024-13-45'"));
    auto missing = parseProject(base + R"("snapshots":{"from":"2024-01-01"}})", "p.json");
    QVERIFY(!missing);
    QCOMPARE(missing.error().args.front(), std::string("snapshots.to"));
    auto period = parseProject(base + R"("cohorts":{"period":"week"}})", "p.json");
    QVERIFY(!period);
    QCOMPARE(period.error().code, Msg::KeyCohortPeriod);
    auto measure = parseProject(base + R"("cohorts":{"measure":"profit"}})", "p.json");
    QVERIFY(!measure);
    QCOMPARE(measure.error().code, Msg::KeyCohortMeasure);
}

void TstOverTime::datesInTheWrongOrderAreAWarning()
{
    const AnalysisResults r = compute([](Project &p) { std::swap(p.snapshots->from, p.snapshots->to); });
    QVERIFY(r.overTime && !r.overTime->migration);
    QVERIFY(r.overTime->cohorts); // the cohorts are still there
    bool warned = false;
    for (const Diagnostic &w : r.warnings)
        warned |= w.code == Msg::SnapshotsInWrongOrder;
    QVERIFY(warned);
    const AnalysisResults early = compute([](Project &p) { p.snapshots->from = "2020-01-01"; });
    QVERIFY(!early.overTime->migration);
    bool tooEarly = false;
    for (const Diagnostic &w : early.warnings)
        tooEarly |= w.code == Msg::SnapshotBeforeFirstOrder;
    QVERIFY(tooEarly);
}

void TstOverTime::projectKeysRoundTrip()
{
    Project p = m_loaded->project;
    p.snapshots->aliveBelow = 0.3;
    p.cohorts->measure = "revenue";
    auto back = parseProject(projectToJson(p), "p.json");
    QVERIFY(back.ok());
    QVERIFY(back->snapshots && *back->snapshots == *p.snapshots);
    QVERIFY(back->cohorts && *back->cohorts == *p.cohorts);
    Project none = p;
    none.snapshots.reset();
    none.cohorts.reset();
    const std::string text = projectToJson(none);
    QVERIFY(text.find("snapshots") == std::string::npos && text.find("cohorts") == std::string::npos);
}

void TstOverTime::customerRowsSayOverTimeNeedsOrderLines()
{
    auto la = loadAnalysis(std::string(VS_RESOURCES) + "/sample/sample.valuescope.json", nullptr);
    QVERIFY(la.ok());
    Project p = la->project;
    p.snapshots = SnapshotSpec{"2024-01-01", "2024-06-30"};
    p.cohorts = CohortSpec{};
    auto r = computeAnalysis(la->data, p);
    QVERIFY(r.ok()); // the rest is computed as before
    QVERIFY(!r->overTime);
    bool said = false;
    for (const Diagnostic &w : r->warnings)
        said |= w.code == Msg::OverTimeNeedsOrderLines;
    QVERIFY(said);
}

void TstOverTime::pseudonymsMatchPythonHmac()
{
    const QStringList ids = {"C0001", "42", "李雷", ""};
    QProcess py;
    py.start("/usr/bin/python3",
             {"-c", "import hmac,hashlib,sys\nfor i in sys.argv[2:]: print(hmac.new(sys.argv[1].encode(), i.encode(), "
                    "hashlib.sha256).hexdigest()[:16])",
              "team secret", ids[0], ids[1], ids[2], ids[3]});
    QVERIFY(py.waitForFinished(60000));
    const QStringList expected = QString::fromUtf8(py.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(expected.size(), 4);
    for (int k = 0; k < 4; ++k)
        QCOMPARE(QString::fromStdString(pseudonym("team secret", ids[k].toStdString())), expected[k]);
    QVERIFY(pseudonym("other key", "C0001") != pseudonym("team secret", "C0001"));
}

void TstOverTime::personalColumnsAreLeftOut()
{
    for (const char *p : {"name", "Customer Name", "E-mail", "email_address", "phone", "姓名", "邮箱"})
        QVERIFY2(looksPersonal(p), p);
    for (const char *p : {"customer", "value", "segment", "clv", "p_alive", "last_purchase"})
        QVERIFY2(!looksPersonal(p), p);
    OutputTable t;
    t.header = {"customer", "name", "email", "value"};
    t.numeric = {false, false, false, true};
    t.rows = 1;
    t.text = [](size_t, size_t c) { return std::string(c == 0 ? "C0001" : c == 1 ? "Ann" : c == 2 ? "a@b.c" : "12"); };
    const OutputTable out = pseudonymised(t, 0, "k");
    QVERIFY(out.header == (std::vector<std::string>{"customer", "value"}));
    QCOMPARE(out.text(0, 0), pseudonym("k", "C0001"));
    QCOMPARE(out.text(0, 1), std::string("12"));
}

void TstOverTime::earlyWarningListIsWritten()
{
    QTemporaryDir dir;
    const std::string out = dir.filePath("customers.csv").toStdString();
    const std::string calls = dir.filePath("calls.csv").toStdString();
    RunRequest req;
    req.projectPath = dataPath("over_time/orders.valuescope.json");
    req.outPath = out;
    req.earlyWarningsPath = calls;
    req.pseudonymKeyEnv = "VS_TEST_PSEUDONYM_KEY";
    qunsetenv("VS_TEST_PSEUDONYM_KEY");
    Status missing = runHeadless(req, {});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Msg::PseudonymKeyMissing);
    QVERIFY(!QFile::exists(QString::fromStdString(out))); // nothing written
    qputenv("VS_TEST_PSEUDONYM_KEY", "team secret");
    QVERIFY(runHeadless(req, {}).ok());
    const std::string text = testutil::readFile(calls);
    QVERIFY(text.rfind("customer,segment_then,segment_now,value_then,value_now,last_purchase,reason\n", 0) == 0);
    const size_t lines = size_t(std::count(text.begin(), text.end(), '\n'));
    QCOMPARE(lines, m_ref["rfm_rules"]["early_warnings"].size() + 1);
    // the ids are pseudonyms: the first expected id's pseudonym is in the list, the id itself is not
    const std::string id = m_ref["rfm_rules"]["early_warnings"][0].get<std::string>();
    QVERIFY(text.find(pseudonym("team secret", id) + ",") != std::string::npos);
    QVERIFY(text.find(id + ",") == std::string::npos);
    const std::string results = testutil::readFile(out);
    QVERIFY(results.find("C0000") == std::string::npos);
    // as a workbook too (a zip container)
    req.outPath.clear();
    req.earlyWarningsPath = dir.filePath("calls.xlsx").toStdString();
    QVERIFY(runHeadless(req, {}).ok());
    QCOMPARE(testutil::readFile(req.earlyWarningsPath).substr(0, 2), std::string("PK"));
    req.earlyWarningsPath = dir.filePath("calls.txt").toStdString();
    QCOMPARE(runHeadless(req, {}).error().code, Msg::OutputNotCsvOrXlsx);
    qunsetenv("VS_TEST_PSEUDONYM_KEY");
}

// The P(alive) early warnings of the CDNOW over-time sample (BG/NBD + Gamma-Gamma refitted as of
// each snapshot date) against tests/data/make_early_warnings_reference.py: BG/NBD and Gamma-Gamma
// fitted with scipy from the papers' likelihoods, P(alive) from FHL (2005) eq. 13, the CLV month by
// month, and the rule (CLV as of `from` in the top quartile, P(alive) from >= 0.5 to < 0.5). The list
// is the one `run --early-warnings` writes (the same runHeadless the command line calls).
void TstOverTime::aliveWarningsMatchScipy()
{
    const nlohmann::json ref = testutil::loadJson(dataPath("reference/early_warnings.json"));
    QTemporaryDir dir;
    RunRequest req;
    req.projectPath = std::string(VS_RESOURCES) + "/sample/cdnow_over_time.valuescope.json";
    req.earlyWarningsPath = dir.filePath("calls.csv").toStdString();
    req.summaryPath = dir.filePath("summary.json").toStdString();
    AnalysisResults r;
    const Status st = runHeadless(req, {}, &r);
    QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
    // the fit as of `to` (the project's observation end) is scipy's
    const nlohmann::json summary = testutil::loadJson(req.summaryPath);
    for (const char *k : {"r", "alpha", "a", "b"})
        QVERIFY2(testutil::sameNumber(summary["bgnbd"][k].get<double>(), ref["bgnbd_to"][k], 1e-4), k);
    QVERIFY(r.overTime && r.overTime->migration);
    QVERIFY2(testutil::sameNumber(r.overTime->valuableFrom, ref["valuable_from"], 1e-4),
             qPrintable(testutil::show(r.overTime->valuableFrom, ref["valuable_from"])));

    // the list as written: customer, segment_then, segment_now, value_then, value_now, p_alive_then,
    // p_alive_now, last_purchase, reason
    const std::string text = testutil::readFile(req.earlyWarningsPath);
    QVERIFY(text.rfind("customer,segment_then,segment_now,value_then,value_now,p_alive_then,p_alive_now,last_purchase,reason\n", 0) == 0);
    std::map<std::string, std::vector<std::string>> rows;
    size_t start = text.find('\n') + 1;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        std::vector<std::string> cells;
        std::string line = text.substr(start, end - start), cell;
        for (char ch : line + ",")
            if (ch == ',') {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += ch;
            }
        QCOMPARE(cells.size(), size_t(9));
        rows[cells[0]] = cells;
        start = end + 1;
    }
    std::set<std::string> got, expected;
    for (const auto &[id, cells] : rows) {
        // every row's P(alive) at both dates is scipy's
        const nlohmann::json &p = ref["p_alive"][id];
        QVERIFY2(std::fabs(std::stod(cells[5]) - p[0].get<double>()) < 2e-5, (id + " then " + cells[5]).c_str());
        QVERIFY2(std::fabs(std::stod(cells[6]) - p[1].get<double>()) < 2e-5, (id + " now " + cells[6]).c_str());
        if (cells[8].find("p_alive_fell") != std::string::npos)
            got.insert(id);
    }
    for (const nlohmann::json &w : ref["p_alive_fell"]) {
        const std::string id = w["customer"].get<std::string>();
        expected.insert(id);
        QVERIFY2(rows.count(id), id.c_str());
        QVERIFY2(testutil::sameNumber(std::stod(rows[id][3]), w["value_then"], 1e-4), (id + " value then " + rows[id][3]).c_str());
        QVERIFY2(testutil::sameNumber(std::stod(rows[id][4]), w["value_now"], 1e-4), (id + " value now " + rows[id][4]).c_str());
    }
    QCOMPARE(got.size(), expected.size());
    QVERIFY(got == expected);
    QVERIFY(expected.size() > 50);
}

QTEST_GUILESS_MAIN(TstOverTime)
#include "tst_over_time.moc"
