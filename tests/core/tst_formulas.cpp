// Every seed formula (S1, S4-S14) against pandas (tests/data/make_reference.py), customer by
// customer, including the defined behaviour for missing values, negative costs, zero lifetimes
// and duplicate ids.
#include "core/analytics/analysis.h"
#include "core/io/csv_reader.h"
#include "core/io/results_writer.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>

using namespace vs;
using testutil::dataPath;

class TstFormulas : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void valueModels_data();
    void valueModels();
    void discountedRevenueScoreAndRatio();
    void scores_data();
    void scores();
    void weightedScoreAsValue();
    void satisfactionRates();
    void inputStatistics();
    void statisticsAfterAnEditEqualAFreshComputation();
    void thresholdSegments();
    void definedBehaviourIsWarned();
    void campaignEffect();
    void missingRoleIsAClearError();
    void firstRowOfARepeatedIdCounts();
    void resultsFileHoldsEveryNumber();

private:
    Project baseProject() const;
    Result<AnalysisResults> run(const Project &p) const;
    nlohmann::json m_ref;
    std::shared_ptr<const Table> m_table;
};

Project TstFormulas::baseProject() const
{
    Project p;
    p.source.columns = {{"customer", "customer"}, {"revenue", "revenue"}, {"cost", "cost"},
                        {"lifetime", "lifetime"}, {"orders", "orders"}, {"average_spend", "average_spend"}};
    p.source.periodColumns["revenue_periods"] = {"p1", "p2", "p3", "p4"};
    p.source.periodColumns["cost_periods"] = {"c1", "c2", "c3", "c4"};
    p.value.rate = m_ref["rate"];
    return p;
}

Result<AnalysisResults> TstFormulas::run(const Project &p) const
{
    auto prepared = prepareData(m_table, p, "customers.csv");
    if (!prepared)
        return prepared.error();
    return computeAnalysis(prepared.value(), p);
}

void TstFormulas::initTestCase()
{
    m_ref = testutil::loadJson(dataPath("reference/customers.json"));
    auto r = readTable(dataPath("reference/customers.csv"), ReadOptions{});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    m_table = std::make_shared<const Table>(std::move(r->table));
}

void TstFormulas::valueModels_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("tolerance"); // 0 = the same double as pandas
    QTest::newRow("S1 profit") << "profit" << 0.0;
    QTest::newRow("S12 profit per lifetime") << "profit_per_lifetime" << 0.0;
    QTest::newRow("S4/S10 frequency x spend") << "frequency_x_spend" << 0.0;
    QTest::newRow("S5 discounted CLV") << "discounted_clv" << 0.0;
    QTest::newRow("S6 discounted revenue") << "discounted_revenue" << 0.0;
}

void TstFormulas::valueModels()
{
    QFETCH(QString, model);
    QFETCH(double, tolerance);
    Project p = baseProject();
    p.value.model = model.toStdString();
    auto r = run(p);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    const nlohmann::json &e = m_ref["models"][model.toStdString()];
    QCOMPARE(r->rowCount(), e["value"].size());
    for (size_t i = 0; i < r->rowCount(); ++i) {
        QCOMPARE(std::string(r->data->ids.at(i)), m_ref["customers"][i].get<std::string>());
        VS_COMPARE_NUMBER(r->value[i], e["value"][i], tolerance, QStringLiteral("value of customer %1").arg(i));
        const std::string seg = r->segment[i] < 0 ? "" : r->segments[size_t(r->segment[i])].label;
        QCOMPARE(seg, e["segment"][i].is_null() ? std::string() : e["segment"][i].get<std::string>());
    }
    // segment summary (S2/S3) and totals (S4)
    for (const SegmentRow &s : r->segments) {
        const nlohmann::json &es = e["segments"][s.label];
        QCOMPARE(s.count, es["count"].get<size_t>());
        VS_COMPARE_NUMBER(s.totalValue, es["total_value"], 1e-12, s.label.c_str());
        VS_COMPARE_NUMBER(s.meanValue, es["mean_value"], 1e-12, s.label.c_str());
    }
    QCOMPARE(r->segments[0].strategy, std::string("Develop"));
    QCOMPARE(r->segments[1].strategy, std::string("Retain"));
    QCOMPARE(r->segments[3].strategy, std::string("Maintain"));
    VS_COMPARE_NUMBER(r->totalValue, e["total_value"], 1e-12, "total value");
    VS_COMPARE_NUMBER(r->meanValue, e["mean_value"], 1e-12, "mean value");
    // S8 on the computed measure
    for (const auto &[name, st] : r->stats) {
        if (name != "value")
            continue;
        const nlohmann::json &es = e["stats"];
        QCOMPARE(st.count, es["count"].get<size_t>());
        VS_COMPARE_NUMBER(st.mean, es["mean"], 1e-12, "mean");
        VS_COMPARE_NUMBER(st.median, es["median"], 0, "median");
        VS_COMPARE_NUMBER(st.variance, es["variance"], 1e-11, "variance");
        VS_COMPARE_NUMBER(st.std, es["std"], 1e-11, "std");
        VS_COMPARE_NUMBER(st.min, es["min"], 0, "min");
        VS_COMPARE_NUMBER(st.max, es["max"], 0, "max");
    }
}

void TstFormulas::discountedRevenueScoreAndRatio()
{
    Project p = baseProject();
    p.value.model = "discounted_revenue";
    const nlohmann::json &e = m_ref["models"]["discounted_revenue"];
    auto r = run(p);
    QVERIFY(r.ok());
    const std::vector<double> *score = r->column("cvs_score");
    const std::vector<double> *cvb = r->column("cvb");
    QVERIFY(score && cvb);
    for (size_t i = 0; i < r->rowCount(); ++i) {
        VS_COMPARE_NUMBER((*score)[i], e["cvs_score"][i], 1e-12, QStringLiteral("CVS score %1").arg(i));
        VS_COMPARE_NUMBER((*cvb)[i], e["cvb_mean"][i], 1e-12, QStringLiteral("CVB vs mean %1").arg(i));
    }
    p.value.cvbReference = m_ref["cvb_reference"];
    auto byCustomer = run(p);
    QVERIFY(byCustomer.ok());
    for (size_t i = 0; i < byCustomer->rowCount(); ++i)
        VS_COMPARE_NUMBER((*byCustomer->column("cvb"))[i], e["cvb_customer"][i], 0, QStringLiteral("CVB %1").arg(i));
    p.value.cvbReference = "nobody";
    auto missing = run(p);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message().find("'nobody'") != std::string::npos);
}

void TstFormulas::scores_data()
{
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<int>("normalize");
    QTest::addColumn<bool>("minmax");
    QTest::newRow("S13 seed formula: divide by n") << "satisfaction_count" << int(Normalize::Count) << false;
    QTest::newRow("normalised by the sum of weights") << "satisfaction_weights" << int(Normalize::Weights) << false;
    QTest::newRow("S14 loyalty, min-max scaled, by weights") << "loyalty_minmax_weights" << int(Normalize::Weights) << true;
}

void TstFormulas::scores()
{
    QFETCH(QString, expectedKey);
    QFETCH(int, normalize);
    QFETCH(bool, minmax);
    Project p = baseProject();
    ScoreSpec s;
    s.name = "score";
    s.normalize = Normalize(normalize);
    s.minMaxScale = minmax;
    if (expectedKey.startsWith(QLatin1String("satisfaction")))
        s.items = {{"q_product", 0.5}, {"q_service", 0.3}, {"q_price", 0.2}};
    else
        s.items = {{"purchases", 2.0}, {"revenue", 1.0}, {"feedback", 1.5}};
    p.scores = {s};
    auto r = run(p);
    QVERIFY(r.ok());
    const nlohmann::json &e = m_ref["scores"][expectedKey.toStdString()];
    for (size_t i = 0; i < r->rowCount(); ++i)
        VS_COMPARE_NUMBER(r->scores[0].values[i], e[i], minmax ? 1e-12 : 0, QStringLiteral("score %1").arg(i));
}

void TstFormulas::weightedScoreAsValue()
{
    Project p = baseProject();
    p.scores = {{"satisfaction", Normalize::Count, false, {{"q_product", 0.5}, {"q_service", 0.3}, {"q_price", 0.2}}}};
    p.value.model = "weighted_score";
    p.value.score = "satisfaction";
    auto r = run(p);
    QVERIFY(r.ok());
    for (size_t i = 0; i < r->rowCount(); ++i) {
        const auto &want = m_ref["weighted_score_segments"][i];
        QCOMPARE(r->segment[i] < 0 ? std::string() : r->segments[size_t(r->segment[i])].label,
                 want.is_null() ? std::string() : want.get<std::string>());
    }
    // segmenting by a score while the value stays profit
    p.value.model = "profit";
    p.segments.by = "satisfaction";
    auto bySat = run(p);
    QVERIFY(bySat.ok());
    QCOMPARE(bySat->segment, r->segment);
}

void TstFormulas::satisfactionRates()
{
    Project p = baseProject();
    p.rates = {{"need satisfaction", "need", "satisfied"}, {"inquiry satisfaction", "inquiry", "Satisfied"}};
    auto r = run(p);
    QVERIFY(r.ok());
    QCOMPARE(r->rates.size(), size_t(2));
    VS_COMPARE_NUMBER(r->rates[0].second, m_ref["rates"]["need"], 1e-15, "need");     // empty answers left out
    VS_COMPARE_NUMBER(r->rates[1].second, m_ref["rates"]["inquiry"], 1e-15, "inquiry"); // case-insensitive
}

void TstFormulas::inputStatistics()
{
    auto r = run(baseProject());
    QVERIFY(r.ok());
    for (auto &[col, es] : m_ref["input_stats"].items()) {
        bool found = false;
        for (const auto &[name, st] : r->stats) {
            if (name != col)
                continue;
            found = true;
            QCOMPARE(st.count, es["count"].get<size_t>());
            VS_COMPARE_NUMBER(st.mean, es["mean"], 1e-12, (col + " mean").c_str());
            VS_COMPARE_NUMBER(st.median, es["median"], 0, (col + " median").c_str());
            VS_COMPARE_NUMBER(st.variance, es["variance"], 1e-11, (col + " variance").c_str());
            VS_COMPARE_NUMBER(st.std, es["std"], 1e-11, (col + " std").c_str());
            VS_COMPARE_NUMBER(st.min, es["min"], 0, (col + " min").c_str());
            VS_COMPARE_NUMBER(st.max, es["max"], 0, (col + " max").c_str());
        }
        QVERIFY2(found, col.c_str());
    }
}

// The live path reuses the statistics of measures an edit left unchanged: what the user sees after
// the edit must be what a fresh computation gives, for the changed score and for the value.
void TstFormulas::statisticsAfterAnEditEqualAFreshComputation()
{
    Project p = baseProject();
    p.scores = {{"satisfaction", Normalize::Count, false, {{"q_product", 0.5}, {"q_service", 0.3}, {"q_price", 0.2}}},
                {"loyalty", Normalize::Weights, false, {{"purchases", 2.0}, {"revenue", 1.0}}}};
    auto prepared = prepareData(m_table, p, "customers.csv");
    QVERIFY(prepared.ok());
    auto expectSame = [](const AnalysisResults &got, const AnalysisResults &fresh) {
        QCOMPARE(got.stats.size(), fresh.stats.size());
        for (size_t i = 0; i < got.stats.size(); ++i) {
            const auto &[name, st] = got.stats[i];
            QCOMPARE(name, fresh.stats[i].first);
            const DescriptiveStats &f = fresh.stats[i].second;
            QCOMPARE(st.count, f.count);
            for (auto [a, b] : {std::pair{st.mean, f.mean}, {st.median, f.median}, {st.std, f.std},
                                {st.min, f.min}, {st.max, f.max}, {st.sum, f.sum}})
                VS_COMPARE_NUMBER(a, b, 0, name.c_str());
        }
        QCOMPARE(got.concentration->gini, fresh.concentration->gini);
        QCOMPARE(got.concentration->top20Share, fresh.concentration->top20Share);
        QCOMPARE(got.concentration->valueShare, fresh.concentration->valueShare);
        QCOMPARE(got.valueHistogram->counts, fresh.valueHistogram->counts);
        QCOMPARE(got.valueHistogram->edges, fresh.valueHistogram->edges);
    };
    for (const char *model : {"profit", "weighted_score"}) { // the value stays, or follows the score
        p.value.model = model;
        p.value.score = "satisfaction";
        p.scores[0].items[0].weight = 0.5;
        auto before = computeAnalysis(prepared.value(), p);
        QVERIFY(before.ok());
        p.scores[0].items[0].weight = 0.9; // the edit
        auto live = computeAnalysis(prepared.value(), p, {.previous = &before.value()});
        auto fresh = computeAnalysis(prepared.value(), p);
        QVERIFY(live.ok() && fresh.ok());
        expectSame(live.value(), fresh.value());
        if (QTest::currentTestFailed())
            return;
        // and the edit did change what it should
        const auto statOf = [](const AnalysisResults &r, const std::string &n) {
            for (size_t i = r.data->inputStats.size(); i < r.stats.size(); ++i)
                if (r.stats[i].first == n)
                    return r.stats[i].second.mean;
            return kMissing;
        };
        QVERIFY(statOf(live.value(), "satisfaction") != statOf(before.value(), "satisfaction"));
        QCOMPARE(live->concentration->gini != before->concentration->gini, std::string(model) == "weighted_score");
    }
}

void TstFormulas::thresholdSegments()
{
    Project p = baseProject();
    p.segments.method = "thresholds";
    p.segments.labels = {"Loss", "Small", "Medium", "Large"};
    for (const auto &e : m_ref["thresholds"]["edges"])
        p.segments.edges.push_back(e.get<double>());
    auto r = run(p);
    QVERIFY(r.ok());
    for (size_t i = 0; i < r->rowCount(); ++i) {
        const auto &want = m_ref["thresholds"]["segment"][i];
        QCOMPARE(r->segment[i] < 0 ? std::string() : r->segments[size_t(r->segment[i])].label,
                 want.is_null() ? std::string() : want.get<std::string>());
    }
}

void TstFormulas::definedBehaviourIsWarned()
{
    Project p = baseProject();
    p.value.model = "profit_per_lifetime";
    auto r = run(p);
    QVERIFY(r.ok());
    auto warned = [&](const char *text) {
        for (const std::string &w : vs::describeAll(r->warnings))
            if (w.find(text) != std::string::npos)
                return true;
        return false;
    };
    QVERIFY(warned("repeat a customer id") || warned("repeats a customer id"));
    QVERIFY(warned("negative cost"));
    QVERIFY(warned("lifetime of zero"));
    QVERIFY(warned("no value"));
    QCOMPARE(r->rowCount(), size_t(400)); // 401 rows, one repeated id
}

void TstFormulas::campaignEffect()
{
    auto t = readTable(dataPath("reference/campaigns.csv"), ReadOptions{});
    QVERIFY(t.ok());
    Project p;
    p.source.layout = Layout::Campaigns;
    p.source.columns = {{"campaign", "campaign"}, {"sales", "sales"}, {"cost", "cost"}};
    auto prepared = prepareData(std::make_shared<const Table>(std::move(t->table)), p, "campaigns.csv");
    QVERIFY(prepared.ok());
    auto r = computeAnalysis(prepared.value(), p);
    QVERIFY(r.ok());
    const nlohmann::json e = testutil::loadJson(dataPath("reference/campaigns.json"));
    for (size_t i = 0; i < r->rowCount(); ++i) {
        VS_COMPARE_NUMBER(r->value[i], e["effect"][i], 0, QStringLiteral("effect %1").arg(i));
        VS_COMPARE_NUMBER((*r->column("roi"))[i], e["roi"][i], 0, QStringLiteral("ROI %1").arg(i));
    }
    QVERIFY(r->campaigns.has_value());
    VS_COMPARE_NUMBER(r->campaigns->meanEffect, e["mean_effect"], 1e-12, "mean effect");
    VS_COMPARE_NUMBER(r->campaigns->totalEffect, e["total_effect"], 1e-12, "total effect");
}

void TstFormulas::missingRoleIsAClearError()
{
    Project p = baseProject();
    p.source.columns.erase("cost");
    auto r = run(p);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message().find("'cost'") != std::string::npos);
    p = baseProject();
    p.source.columns["cost"] = "no such column";
    auto r2 = run(p);
    QVERIFY(!r2.ok());
    QVERIFY(r2.error().message().find("'no such column'") != std::string::npos);
}

// The results file, row by row, is the results: every value and score as formatNumber writes it
// (a score of few distinct values is written from the texts of the numbers it had; one of many,
// past 1,024 rows, as it comes), an id that needs quotes quoted.
void TstFormulas::resultsFileHoldsEveryNumber()
{
    std::string csv = "customer,revenue,cost,q1,q2,noise\n";
    for (size_t i = 0; i < 5000; ++i)
        csv += (i == 7 ? std::string("\"C,7\"") : "C" + std::to_string(i)) + "," + std::to_string(100 + (i * 37) % 900) + "." +
               std::to_string(i % 100) + "," + std::to_string(50 + i % 13) + ".25," + std::to_string(1 + i % 5) + "," +
               std::to_string(1 + (i / 5) % 5) + "," + std::to_string(double(i * 7919 % 10007) / 10007.0) + "\n";
    auto t = readCsvBytes(csv, "scores.csv", ReadOptions{});
    QVERIFY(t.ok());
    Project p;
    p.source.columns = {{"customer", "customer"}, {"revenue", "revenue"}, {"cost", "cost"}};
    p.scores = {ScoreSpec{"few", Normalize::Count, false, {{"q1", 0.5}, {"q2", 0.3}}},
                ScoreSpec{"many", Normalize::Count, false, {{"noise", 1.0}}}};
    auto prepared = prepareData(std::make_shared<const Table>(std::move(t->table)), p, "scores.csv");
    QVERIFY(prepared.ok());
    auto r = computeAnalysis(prepared.value(), p);
    QVERIFY(r.ok());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("out.csv")).toStdString();
    QVERIFY(writeResultsCsv(r.value(), path).ok());
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    QCOMPARE(line, std::string("customer,value,segment,strategy,few,many"));
    for (size_t row = 0; row < r->rowCount(); ++row) {
        QVERIFY(std::getline(in, line));
        std::string id = std::string(r->data->ids.at(row));
        if (id.find(',') != std::string::npos)
            id = "\"" + id + "\"";
        const size_t afterId = id.size() + 1, segmentAt = line.find(',', afterId) + 1;
        QCOMPARE(line.substr(0, afterId), id + ",");
        QCOMPARE(line.substr(afterId, segmentAt - 1 - afterId), formatNumber(r->value[row]));
        const size_t many = line.rfind(','), few = line.rfind(',', many - 1);
        QCOMPARE(line.substr(few + 1, many - few - 1), formatNumber(r->scores[0].values[row]));
        QCOMPARE(line.substr(many + 1), formatNumber(r->scores[1].values[row]));
    }
    QVERIFY(!std::getline(in, line));
}

QTEST_APPLESS_MAIN(TstFormulas)
// Many customers, a third of them repeated (some with spaces around the id, the same id once
// trimmed), rows without an id: the first row of each id is kept, in order, and the warnings name
// the first repeat and the first row without an id; against a plain map in the test.
void TstFormulas::firstRowOfARepeatedIdCounts()
{
    std::string csv = "customer,revenue,cost\n";
    std::vector<std::string> cells;
    for (size_t i = 0; i < 150000; ++i) {
        std::string id = "C" + std::to_string((i * 7919) % 100000);
        if (i % 11 == 3)
            id = "  " + id + " ";
        if (i % 997 == 5)
            id = "";
        cells.push_back(id);
        csv += id + "," + std::to_string(i) + ",1\n";
    }
    auto t = readCsvBytes(csv, "ids.csv", ReadOptions{});
    QVERIFY(t.ok());
    Project p;
    p.source.columns = {{"customer", "customer"}, {"revenue", "revenue"}, {"cost", "cost"}};
    auto prepared = prepareData(std::make_shared<const Table>(std::move(t->table)), p, "ids.csv");
    QVERIFY2(prepared.ok(), prepared.ok() ? "" : prepared.error().describe().c_str());
    const PreparedData &d = *prepared.value();
    // expected: the first row of each trimmed id
    std::map<std::string, size_t> first;
    std::vector<size_t> keep;
    size_t repeats = 0, missing = 0;
    long firstRepeatRow = -1, firstMissingRow = -1;
    for (size_t i = 0; i < cells.size(); ++i) {
        std::string id = cells[i];
        id.erase(0, id.find_first_not_of(' '));
        id.erase(id.find_last_not_of(' ') + 1);
        if (id.empty()) {
            if (!missing++)
                firstMissingRow = long(i) + 2;
            continue;
        }
        if (!first.emplace(id, i).second) {
            if (!repeats++)
                firstRepeatRow = long(i) + 2;
            continue;
        }
        keep.push_back(i);
    }
    QCOMPARE(d.rowCount(), keep.size());
    QCOMPARE(d.rows.size(), keep.size());
    for (size_t k = 0; k < keep.size(); ++k) {
        QCOMPARE(size_t(d.rows[k]), keep[k]);
        std::string want = cells[keep[k]];
        want.erase(0, want.find_first_not_of(' '));
        want.erase(want.find_last_not_of(' ') + 1);
        QCOMPARE(std::string(d.ids.at(k)), want);
    }
    bool saidRepeats = false, saidMissing = false;
    for (const Diagnostic &w : d.warnings) {
        if (w.code == Msg::RowsRepeatId) {
            saidRepeats = true;
            QCOMPARE(w.args.at(0), std::to_string(repeats));
            QCOMPARE(w.args.at(1), std::to_string(firstRepeatRow));
        }
        if (w.code == Msg::RowsWithoutId) {
            saidMissing = true;
            QCOMPARE(w.args.at(0), std::to_string(missing));
            QCOMPARE(w.args.at(1), std::to_string(firstMissingRow));
        }
    }
    QVERIFY(saidRepeats && saidMissing);
}

#include "tst_formulas.moc"
