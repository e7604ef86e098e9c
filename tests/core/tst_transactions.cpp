// Order lines to customers: grouping by customer and day, invoices, returns and cancellations,
// observation end and holdout (by hand); RFM scores against pandas.qcut and the default rules
// against an independent implementation (tests/data/make_btyd_reference.py); the UCI Online
// Retail workbook against pandas; the command line's output columns.
#include "core/domain/defaults.h"
#include "core/analytics/analysis.h"
#include "core/analytics/rfm.h"
#include "core/analytics/transactions.h"
#include "core/domain/models.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>
#include <set>

using namespace vs;
using testutil::dataPath;

namespace {

const char *kLines =
    "invoice,customer,date,quantity,price\n"
    "1001,A,2024-01-01,2,10.00\n"
    "1001,A,2024-01-01,1,5.00\n"
    "1002,A,2024-01-01,1,3.00\n"
    "C1003,A,2024-01-05,-1,5.00\n"
    "1004,A,2024-01-15,4,2.50\n"
    "1005,B,2024-01-03,1,100\n"
    "1006,B,2024-01-03,-2,10\n"
    "1012,,2024-01-04,1,1\n"
    "1007,C,2024-02-10,1,50\n"
    "1008,A,2024-02-01,1,7\n"
    "1009,D,2024-01-20,1,40\n"
    "1010,D,2024-01-27,1,60\n"
    "1011,D,2024-01-31,1,20\n";

} // namespace

class TstTransactions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void linesAreGroupedPerCustomerAndDay();
    void btydSummaryByHand();
    void rfmColumnsByHand();
    void amountWithoutInvoices();
    void missingRolesAreClearErrors();
    void quintileScoresMatchPandas();
    void heavyTiesAreReportedNotHidden();
    void rankScoresAndRulesMatchPandas();
    void rPackageBinsMatchRfmsOwnTest();
    void rPackageScoresMatchAnIndependentRfm();
    void rPackageScoringEndToEnd();
    void onlineRetailMatchesPandas();
    void projectKeepsRfmSettings();
    void commandLineWritesTheModelColumns();
    void oneFailedFitNeverCostsTheRun();

private:
    std::shared_ptr<const Table> read(const std::string &path);
    Result<AnalysisResults> analyse(std::shared_ptr<const Table> t, const Project &p);
    Project linesProject(const std::string &model) const;
    QTemporaryDir m_dir;
    std::shared_ptr<const Table> m_lines;
};

std::shared_ptr<const Table> TstTransactions::read(const std::string &path)
{
    auto r = readTable(path, ReadOptions{});
    if (!r)
        qFatal("%s", r.error().describe().c_str());
    return std::make_shared<const Table>(std::move(r->table));
}

Result<AnalysisResults> TstTransactions::analyse(std::shared_ptr<const Table> t, const Project &p)
{
    auto prepared = prepareData(t, p, "lines.csv");
    if (!prepared)
        return prepared.error();
    return computeAnalysis(prepared.value(), p);
}

Project TstTransactions::linesProject(const std::string &model) const
{
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = {{"customer", "customer"}, {"date", "date"}, {"quantity", "quantity"},
                        {"unit_price", "price"}, {"invoice", "invoice"}};
    p.value.model = model;
    p.value.observationEnd = "2024-01-31";
    p.value.timeUnit = "days";
    return p;
}

void TstTransactions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const std::string path = m_dir.filePath("lines.csv").toStdString();
    std::ofstream(path) << kLines;
    m_lines = read(path);
}

void TstTransactions::linesAreGroupedPerCustomerAndDay()
{
    Project p = linesProject("rfm");
    auto g = groupOrderLines(*m_lines, p.source.columns, "lines.csv");
    QVERIFY(g.ok());
    QCOMPARE(g->ids.size(), size_t(4));
    QCOMPARE(std::string(g->ids.at(0)), std::string("A"));
    const CustomerDays &d = g->days;
    QCOMPARE(d.returnLines, size_t(2));
    QCOMPARE(d.lines, size_t(12)); // the line without a customer is left out
    // A: 1 Jan (two invoices, 20 + 5 + 3), 5 Jan (a return only), 15 Jan, 1 Feb
    QCOMPARE(d.offset[1] - d.offset[0], 4u);
    QCOMPARE(d.net[0], 28.0);
    QCOMPARE(d.orders[0], 2u);
    QCOMPARE(d.net[1], -5.0);
    QCOMPARE(d.orders[1], 0u);
    // B: a purchase and a return (negative quantity) on one day: one day, netted
    QCOMPARE(d.net[d.offset[1]], 80.0);
    QCOMPARE(d.orders[d.offset[1]], 1u);
    bool warned = false;
    for (const std::string &w : vs::describeAll(g->warnings))
        warned |= w.find("1 order line has no customer id (first: row 9)") != std::string::npos;
    QVERIFY(warned);
}

void TstTransactions::btydSummaryByHand()
{
    auto g = groupOrderLines(*m_lines, linesProject("rfm").source.columns, "lines.csv");
    QVERIFY(g.ok());
    double end = 0;
    QVERIFY(civilDays(2024, 1, 31, end));
    const TransactionSummary s = summariseTransactions(g->days, int32_t(end), 7.0);
    // A: purchase days 1 Jan, 15 Jan (the return day is no purchase); 1 Feb is in the holdout
    QCOMPARE(s.frequency[0], 1.0);
    QCOMPARE(s.recency[0], 14.0 / 7);
    QCOMPARE(s.T[0], 30.0 / 7);
    QCOMPARE(s.monetary[0], 10.0);
    QCOMPARE(s.holdoutPurchases[0], 1.0);
    QCOMPARE(s.holdoutSpend[0], 7.0);
    // B: one day
    QCOMPARE(s.frequency[1], 0.0);
    QCOMPARE(s.monetary[1], 0.0);
    QCOMPARE(s.T[1], 28.0 / 7);
    // C bought only after the observation end
    QCOMPARE(s.calibrated[2], uint8_t(0));
    QCOMPARE(s.boughtLater, size_t(1));
    // D: 20, 27, 31 Jan
    QCOMPARE(s.frequency[3], 2.0);
    QCOMPARE(s.recency[3], 11.0 / 7);
    QCOMPARE(s.T[3], 11.0 / 7);
    QCOMPARE(s.monetary[3], 40.0);
    QCOMPARE(s.holdoutLength, 10.0 / 7);
}

void TstTransactions::rfmColumnsByHand()
{
    auto r = analyse(m_lines, linesProject("rfm"));
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    const auto &rec = *r->column("recency"), &freq = *r->column("frequency"), &mon = *r->column("monetary");
    QCOMPARE(rec[0], 16.0);
    QCOMPARE(freq[0], 3.0); // invoices 1001, 1002, 1004
    QCOMPARE(mon[0], 33.0); // 28 - 5 + 10
    QCOMPARE(r->value[0], 33.0);
    QCOMPARE(rec[1], 28.0);
    QCOMPARE(mon[1], 80.0);
    QVERIFY(std::isnan(r->value[2])); // C: holdout only
    QCOMPARE(r->segment[2], -1);
    QCOMPARE(rec[3], 0.0);
    QCOMPARE(freq[3], 3.0);
    QCOMPARE(mon[3], 120.0);
    // the most recent (D) gets the top recency score; the least recent (B) the lowest
    QCOMPARE((*r->column("r_score"))[3], 5.0);
    QCOMPARE((*r->column("r_score"))[1], 1.0);
    QCOMPARE((*r->column("rfm_cell"))[3],
             (*r->column("r_score"))[3] * 100 + (*r->column("f_score"))[3] * 10 + (*r->column("m_score"))[3]);
    bool warned = false;
    for (const std::string &w : vs::describeAll(r->warnings))
        warned |= w.find("1 customer first bought after the observation end (2024-01-31)") != std::string::npos;
    QVERIFY(warned);
}

void TstTransactions::amountWithoutInvoices()
{
    const std::string path = m_dir.filePath("amounts.csv").toStdString();
    std::ofstream(path) << "client;day;total\nx;2024-01-03;10,5\nx;2024-01-03;4,5\nx;2024-01-10;-2\ny;2024-01-05;8\n";
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = {{"customer", "client"}, {"date", "day"}, {"amount", "total"}};
    p.value.model = "rfm";
    p.value.timeUnit = "days";
    auto r = analyse(read(path), p);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    // without invoices a purchase day is one order; the negative line is a return
    QCOMPARE((*r->column("frequency"))[0], 1.0);
    QCOMPARE((*r->column("monetary"))[0], 13.0);
    // default observation end = the last line's date (10 January)
    QCOMPARE((*r->column("recency"))[0], 7.0);
    QCOMPARE((*r->column("recency"))[1], 5.0);
}

void TstTransactions::missingRolesAreClearErrors()
{
    Project p = linesProject("rfm");
    p.source.columns.erase("date");
    auto r = analyse(m_lines, p);
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error().message()).contains("'date'"));
    p = linesProject("rfm");
    p.source.columns.erase("unit_price");
    r = analyse(m_lines, p);
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error().message()).contains("'amount'"));
    p = linesProject("profit");
    r = analyse(m_lines, p);
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error().message()).contains("'rfm'"));
    // a date column with text in it names the row and column
    const std::string path = m_dir.filePath("baddate.csv").toStdString();
    std::ofstream(path) << "customer,date,amount\na,2024-01-01,3\nb,soon,4\n";
    Project q;
    q.source.layout = Layout::Transactions;
    q.source.columns = {{"customer", "customer"}, {"date", "date"}, {"amount", "amount"}};
    q.value.model = "rfm";
    r = analyse(read(path), q);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().row, int64_t(3));
    QCOMPARE(r.error().column, std::string("date"));
}

void TstTransactions::quintileScoresMatchPandas()
{
    const auto ref = testutil::loadJson(dataPath("reference/rfm.json"));
    const std::vector<double> rec = ref["recency"], freq = ref["frequency"], mon = ref["monetary"];
    const RfmScores s = scoreRfm(rec, freq, mon, RfmScoringKind::Quantile);
    for (size_t i = 0; i < rec.size(); ++i) {
        QCOMPARE(s.r[i], ref["quantile"]["r"][i].get<int>());
        QCOMPARE(s.m[i], ref["quantile"]["m"][i].get<int>());
    }
    QCOMPARE(s.edges[0].size(), size_t(6));
    QCOMPARE(s.binScores[0], (std::vector<int>{5, 4, 3, 2, 1}));
}

void TstTransactions::heavyTiesAreReportedNotHidden()
{
    const auto ref = testutil::loadJson(dataPath("reference/rfm.json"));
    const std::vector<double> rec = ref["recency"], freq = ref["frequency"], mon = ref["monetary"];
    const RfmScores s = scoreRfm(rec, freq, mon, RfmScoringKind::Quantile);
    // pandas.qcut(duplicates="drop") keeps fewer bins: the same groups, in the same order
    const auto &codes = ref["quantile"]["frequency_codes"];
    std::map<int, int> scoreOfCode;
    for (size_t i = 0; i < freq.size(); ++i) {
        const int c = codes[i].get<int>();
        if (scoreOfCode.count(c))
            QCOMPARE(s.f[i], scoreOfCode[c]);
        scoreOfCode[c] = s.f[i];
    }
    QVERIFY(scoreOfCode.size() < 5);
    int last = 0;
    for (auto [code, score] : scoreOfCode) {
        QVERIFY(score > last);
        last = score;
    }
    bool warned = false;
    for (const std::string &w : vs::describeAll(s.warnings))
        warned |= w.rfind("Frequency: ", 0) == 0 && w.find("rank-based") != std::string::npos;
    QVERIFY(warned);
}

void TstTransactions::rankScoresAndRulesMatchPandas()
{
    const auto ref = testutil::loadJson(dataPath("reference/rfm.json"));
    const std::vector<double> rec = ref["recency"], freq = ref["frequency"], mon = ref["monetary"];
    const RfmScores s = scoreRfm(rec, freq, mon, RfmScoringKind::Rank);
    QVERIFY(s.warnings.empty());
    const std::vector<RfmRule> rules = defaultRfmRules();
    for (size_t i = 0; i < rec.size(); ++i) {
        QCOMPARE(s.r[i], ref["rank"]["r"][i].get<int>());
        QCOMPARE(s.f[i], ref["rank"]["f"][i].get<int>());
        QCOMPARE(s.m[i], ref["rank"]["m"][i].get<int>());
        const int k = matchRfmRule(rules, s.r[i], s.f[i], s.m[i]);
        const std::string name = k == int(rules.size()) ? rfmOthersLabel() : rules[size_t(k)].name;
        QCOMPARE(name, ref["rank"]["segment"][i].get<std::string>());
    }
}

// rfm's tests/testthat/test-utils.R, "output from bins is as expected":
// bins(mtcars, "mpg", 5) == c(16.20, 18.92, 22.00, 25.08); bins_lower starts at min(mpg) = 10.4,
// bins_upper ends at max(mpg) + 1 = 34.9 (test-utils.R asserts these for bins = 5: c(10.4, 5), c(5, 34.9)).
void TstTransactions::rPackageBinsMatchRfmsOwnTest()
{
    const auto ref = testutil::loadJson(dataPath("reference/rfm_package.json"))["mtcars_mpg"];
    const std::vector<double> mpg = ref["values"];
    std::vector<double> sorted = mpg;
    std::sort(sorted.begin(), sorted.end());
    const double published[4] = {16.20, 18.92, 22.00, 25.08};
    for (int k = 1; k <= 4; ++k) {
        const double t = rQuantile7(sorted, k * (1.0 / 5)) + 1;
        QVERIFY2(std::fabs(t - published[k - 1]) < 1e-12, qPrintable(QString::number(t, 'g', 17)));
        QCOMPARE(t, ref["thresholds"][size_t(k - 1)].get<double>()); // bit for bit as R computes it
    }
    const RfmScores s = scoreRfm(mpg, mpg, mpg, RfmScoringKind::RPackage);
    QCOMPARE(s.edges[2].front(), 10.4);
    QCOMPARE(s.edges[2].back(), 34.9);
    QCOMPARE(s.binScores[2], (std::vector<int>{1, 2, 3, 4, 5}));
    QCOMPARE(s.binScores[0], (std::vector<int>{5, 4, 3, 2, 1}));
    for (size_t i = 0; i < mpg.size(); ++i) {
        QCOMPARE(s.m[i], ref["scores"][i].get<int>());
        QCOMPARE(s.r[i], 6 - ref["scores"][i].get<int>());
    }
    QVERIFY(s.warnings.empty());
}

// tests/data/make_rfm_package_reference.py: rfm's binning written out in numpy from its R sources
// (its scores reproduce rfm's README table and test-rfm-segment.R's Champions on rfm_data_orders).
void TstTransactions::rPackageScoresMatchAnIndependentRfm()
{
    const auto ref = testutil::loadJson(dataPath("reference/rfm_package.json"));
    {   // values exactly on a threshold belong to the upper bin ([t, next)); ties leave bins empty
        const std::vector<double> v = ref["edge_cases"]["values"];
        const RfmScores s = scoreRfm(v, v, v, RfmScoringKind::RPackage);
        for (size_t i = 0; i < v.size(); ++i) {
            QCOMPARE(s.f[i], ref["edge_cases"]["frequency_scores"][i].get<int>());
            QCOMPARE(s.r[i], ref["edge_cases"]["recency_scores"][i].get<int>());
        }
        const std::vector<double> t = ref["ties"]["values"];
        const RfmScores st = scoreRfm(t, t, t, RfmScoringKind::RPackage);
        std::set<int> used;
        for (size_t i = 0; i < t.size(); ++i) {
            QCOMPARE(st.f[i], ref["ties"]["scores"][i].get<int>());
            used.insert(st.f[i]);
        }
        QCOMPARE(st.binScores[1], std::vector<int>(used.begin(), used.end()));
        bool warned = false;
        for (const std::string &w : vs::describeAll(st.warnings))
            warned |= w.rfind("Frequency: 75% of customers share the value 1", 0) == 0;
        QVERIFY(warned);
    }
    const auto &c = ref["cdnow"];
    const std::vector<double> rec = c["recency_days"], orders = c["orders"], spend = c["spend"];
    const RfmScores s = scoreRfm(rec, orders, spend, RfmScoringKind::RPackage);
    for (size_t i = 0; i < rec.size(); ++i) {
        QCOMPARE(s.r[i], c["r"][i].get<int>());
        QCOMPARE(s.f[i], c["f"][i].get<int>());
        QCOMPARE(s.m[i], c["m"][i].get<int>());
    }
    QCOMPARE(s.edges[2].front(), c["monetary_lower"][0].get<double>());
    QCOMPARE(s.edges[2].back(), c["monetary_upper"][4].get<double>());
}

// value.rfm_scoring = "rfm" on the CDNOW sample: the r/f/m scores the R package gives.
void TstTransactions::rPackageScoringEndToEnd()
{
    const auto c = testutil::loadJson(dataPath("reference/rfm_package.json"))["cdnow"];
    auto table = read(std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt");
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = {{"customer", "column 2"}, {"date", "column 3"}, {"amount", "column 5"}};
    p.value.model = "rfm";
    p.value.timeUnit = "weeks"; // rfm counts recency in days whatever the unit shown
    p.value.observationEnd = c["observation_end"];
    p.value.rfmScoring = "rfm";
    QVERIFY(findRfmScoring("rfm"));
    auto r = analyse(table, p);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    QVERIFY(r->rfm);
    QCOMPARE(r->rfm->scoring, std::string("rfm"));
    QCOMPARE(r->rfm->edges[0][1], c["recency_upper"][0].get<double>() / 7); // shown in weeks
    std::map<long, size_t> rowOf;
    for (size_t i = 0; i < r->rowCount(); ++i)
        rowOf[std::stol(std::string(r->data->ids.at(i)))] = i;
    const auto *rs = r->column("r_score"), *fs = r->column("f_score"), *ms = r->column("m_score");
    QVERIFY(rs && fs && ms);
    QCOMPARE(c["customers"].size(), size_t(2357));
    for (size_t k = 0; k < c["customers"].size(); ++k) {
        const size_t i = rowOf.at(std::stol(c["customers"][k].get<std::string>()));
        QCOMPARE((*rs)[i], double(c["r"][k].get<int>()));
        QCOMPARE((*fs)[i], double(c["f"][k].get<int>()));
        QCOMPARE((*ms)[i], double(c["m"][k].get<int>()));
    }
}

void TstTransactions::onlineRetailMatchesPandas()
{
    const auto ref = testutil::loadJson(dataPath("reference/retail.json"));
    auto table = read(testutil::dataPath("retail/online_retail_first_65535_lines.xlsx"));
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = {{"customer", "CustomerID"}, {"date", "InvoiceDate"}, {"quantity", "Quantity"},
                        {"unit_price", "UnitPrice"}, {"invoice", "InvoiceNo"}};
    p.value.model = "rfm";
    p.value.timeUnit = "days";
    p.segments.method = "rfm_rules";
    p.segments.by = "rfm";
    p.segments.rules = defaultRfmRules();
    auto r = analyse(table, p);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    const std::string returns = std::to_string(ref["return_lines"].get<int>()) + " order lines are returns";
    const std::string onlyReturns = std::to_string(ref["customers_only_returns"].get<int>()) + " customers have only returns";
    bool sawReturns = false, sawOnly = false;
    for (const std::string &w : vs::describeAll(r->warnings)) {
        sawReturns |= w.rfind(returns, 0) == 0;
        sawOnly |= w.rfind(onlyReturns, 0) == 0;
    }
    QVERIFY2(sawReturns, returns.c_str());
    QVERIFY2(sawOnly, onlyReturns.c_str());
    std::map<std::string, size_t> rowOf;
    for (size_t i = 0; i < r->rowCount(); ++i)
        rowOf[std::string(r->data->ids.at(i))] = i;
    size_t valued = 0;
    for (double v : r->value)
        valued += !std::isnan(v);
    QCOMPARE(valued, size_t(ref["customers_with_purchases"].get<int>()));
    for (size_t k = 0; k < ref["id"].size(); ++k) {
        const size_t i = rowOf.at(ref["id"][k].get<std::string>());
        VS_COMPARE_NUMBER((*r->column("frequency"))[i], ref["orders"][k], 0, "orders");
        VS_COMPARE_NUMBER((*r->column("recency"))[i], ref["recency"][k], 0, "recency");
        VS_COMPARE_NUMBER((*r->column("monetary"))[i], ref["spend"][k], 1e-9, "spend");
    }
    // every valued customer is in exactly one named segment (or Others)
    size_t inSegments = 0;
    for (const SegmentRow &s : r->segments)
        inSegments += s.count;
    QCOMPARE(inSegments, valued);
    QCOMPARE(r->segments.back().label, std::string("Others"));
}

void TstTransactions::projectKeepsRfmSettings()
{
    Project p = linesProject("predictive_clv");
    p.value.rfmScoring = "rank";
    p.value.penalizer = 0.01;
    p.value.intervalLevel = 0.8;
    p.segments.method = "rfm_rules";
    p.segments.by = "rfm";
    p.segments.rules = {{"Best", {4, 5}, {4, 5}, {1, 5}}, {"Rest", {1, 5}, {1, 5}, {1, 5}}};
    p.segments.labels = {"Best", "Rest", "Others"};
    p.segments.strategies = {{"Best", "Thank them"}};
    p.source.path = "lines.csv";
    auto back = parseProject(projectToJson(p), "p.json");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message().c_str());
    QCOMPARE(back->value.rfmScoring, std::string("rank"));
    QCOMPARE(back->value.penalizer, 0.01);
    QCOMPARE(back->value.intervalLevel, 0.8);
    QVERIFY(back->segments.rules == p.segments.rules);
    QCOMPARE(back->segments.labels, (std::vector<std::string>{"Best", "Rest", "Others"}));
    QCOMPARE(back->segments.strategyFor("Best"), std::string("Thank them"));
    // by = rfm alone means the default rules, with their strategies
    auto def = parseProject(R"({"valuescope":1,"source":{"path":"x.csv","layout":"transactions"},"value":{"model":"rfm"},"segments":{"by":"rfm"}})", "d.json");
    QVERIFY(def.ok());
    QCOMPARE(def->segments.method, std::string("rfm_rules"));
    QCOMPARE(def->segments.labels.size(), size_t(11));
    QVERIFY(!def->segments.strategyFor("Champions").empty());
    auto bad = parseProject(R"({"valuescope":1,"source":{"path":"x.csv"},"segments":{"by":"rfm","rules":[{"name":"X","r":[0,9]}]}})", "b.json");
    QVERIFY(!bad.ok());
    QVERIFY(QString::fromStdString(bad.error().message()).contains("segments.rules[0].r"));
    auto unit = parseProject(R"({"valuescope":1,"source":{"path":"x.csv"},"value":{"time_unit":"years"}})", "u.json");
    QVERIFY(!unit.ok());
}

void TstTransactions::commandLineWritesTheModelColumns()
{
    const QString project = m_dir.filePath("cdnow.json");
    {
        std::ofstream f(project.toStdString());
        f << R"({"valuescope": 1, "source": {"path": ")" << VS_RESOURCES
          << R"(/sample/cdnow_sample.txt", "layout": "transactions",
               "columns": {"customer": "column 2", "date": "column 3", "amount": "column 5"}},
             "value": {"model": "predictive_clv", "observation_end": "1997-09-30", "time_unit": "weeks",
                       "purchase_model": "auto"},
             "segments": {"by": "rfm"}})";
    }
    const QString out = m_dir.filePath("cdnow.csv"), summary = m_dir.filePath("cdnow-summary.json");
    QProcess run;
    run.start(QStringLiteral(VS_BINARY), {"run", project, "--out", out, "--summary", summary});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    std::ifstream in(out.toStdString());
    std::string header;
    std::getline(in, header);
    QCOMPARE(header, std::string("customer,value,segment,strategy,frequency,recency,T,monetary,p_alive,"
                                 "expected_purchases,expected_average_value,clv,clv_low,clv_high,holdout_purchases,holdout_spend,"
                                 "r_score,f_score,m_score,rfm_cell,orders,total_spend,first_purchase,last_purchase"));
    // customer 0001 before the observation end: 29.33 on 1997-01-01, 29.73 on 1997-01-18, 14.96 on 1997-08-02
    std::string first;
    std::getline(in, first);
    QVERIFY2(first.rfind("0001,", 0) == 0, first.c_str());
    QVERIFY2(first.find(",3,74.02000000000001,1997-01-01,1997-08-02") != std::string::npos, first.c_str());
    QVERIFY2(first.find(",2,59.06,1997-01-01,1997-01-18") != std::string::npos ||
                 first.find(",3,") != std::string::npos,
             first.c_str());
    size_t rows = 1;
    for (std::string line; std::getline(in, line);)
        ++rows;
    QCOMPARE(rows, size_t(2357));
    const auto s = testutil::loadJson(summary.toStdString());
    for (const char *k : {"r", "alpha", "a", "b", "log_likelihood"})
        QVERIFY2(s["bgnbd"].contains(k), k);
    for (const char *k : {"p", "q", "v"})
        QVERIFY2(s["gamma_gamma"].contains(k), k);
    QVERIFY(s["segments"].contains("Champions"));
    // 'auto': every applicable purchase model is fitted and compared on the holdout (DESIGN §4.1)
    QCOMPARE(s["chosen_model"].get<std::string>(), std::string("pareto_nbd"));
    QCOMPARE(s["models"].size(), size_t(3)); // bgnbd, pareto_nbd, mbgnbd; BG/BB needs a period
    for (const auto &m : s["models"]) {
        for (const char *k : {"name", "params", "standard_errors", "log_likelihood", "aic", "bic", "holdout"})
            QVERIFY2(m.contains(k), k);
        for (const char *k : {"mae", "rmse", "predicted_total", "actual_total"})
            QVERIFY2(m["holdout"].contains(k), k);
    }
    QCOMPARE(s["models"][1]["name"].get<std::string>(), std::string("pareto_nbd"));
    QVERIFY(s["models"][1]["params"].contains("beta"));
    QCOMPARE(s["rfm"]["recency"]["scores"].size(), s["rfm"]["recency"]["edges"].size() - 1);
}

void TstTransactions::oneFailedFitNeverCostsTheRun()
{
    // an order log whose spend per order is the same for everyone, and a purchase model that
    // cannot be fitted (BG/BB without a period): exit 0, every file written, the reasons warned
    const QString data = m_dir.filePath("same-spend.csv"), project = m_dir.filePath("same-spend.json");
    {
        std::ofstream f(data.toStdString());
        f << "customer,date,amount\n";
        for (int c = 0; c < 200; ++c)
            for (int k = 0; k <= c % 5; ++k)
                f << "c" << c << ",2021-" << (1 + (c * 7 + k * 53) % 12 < 10 ? "0" : "") << 1 + (c * 7 + k * 53) % 12 << "-"
                  << (10 + k) << ",19.90\n";
        std::ofstream pj(project.toStdString());
        pj << R"({"valuescope": 1, "source": {"path": "same-spend.csv", "layout": "transactions",
                 "columns": {"customer": "customer", "date": "date", "amount": "amount"}},
                 "value": {"model": "predictive_clv", "purchase_model": "bgbb"}})";
    }
    const QString out = m_dir.filePath("same-spend-out.csv"), summary = m_dir.filePath("same-spend-summary.json");
    QProcess run;
    run.start(QStringLiteral(VS_BINARY), {"run", project, "--out", out, "--summary", summary});
    QVERIFY(run.waitForFinished(60000));
    const QByteArray err = run.readAllStandardError();
    QVERIFY2(run.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("BG/BB cannot be fitted"), err.constData());
    QVERIFY2(err.contains("shared mean 19.90"), err.constData());
    const auto s = testutil::loadJson(summary.toStdString());
    QVERIFY(s["chosen_model"].is_null());
    QCOMPARE(s["gamma_gamma"]["at_limit"].get<bool>(), true);
    QCOMPARE(s["gamma_gamma"]["mean_spend"].get<double>(), 19.9);
    std::ifstream in(out.toStdString());
    std::string header, first;
    std::getline(in, header);
    std::getline(in, first);
    QVERIFY2(header.find("p_alive,expected_purchases,expected_average_value,clv") != std::string::npos, header.c_str());
    // customer c0: one order of 19.90 — no P(alive) (no purchase model), expected spend 19.9
    QVERIFY2(first.find(",,,19.9,,,,") != std::string::npos, first.c_str());
}

QTEST_GUILESS_MAIN(TstTransactions)
#include "tst_transactions.moc"
