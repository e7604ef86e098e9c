// Quantile segments against pandas.qcut (tests/data/make_reference.py): edges bit for bit,
// the bin of every customer, ties (fewer bins), missing values and 1, 2, 3 customers.
#include "core/analytics/analysis.h"
#include "core/analytics/binning.h"
#include "testutil.h"

#include <QTest>

using namespace vs;

class TstBinning : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void qcutMatchesPandas_data();
    void qcutMatchesPandas();
    void seedLabelsMatchPandas();
    void tiesMergeBinsAndWarn();
    void thresholdsAreRightClosed();

private:
    nlohmann::json m_ref;
};

namespace {
std::vector<double> values(const nlohmann::json &arr)
{
    std::vector<double> v;
    for (const auto &x : arr)
        v.push_back(x.is_null() ? kMissing : x.get<double>());
    return v;
}

// A one-column analysis (value = the given numbers) through the real pipeline.
Result<AnalysisResults> analyse(const std::vector<double> &v, SegmentSpec seg)
{
    auto t = std::make_shared<Table>();
    t->columns.push_back(Column::numberColumn("x", v));
    Project p;
    p.value.model = "weighted_score";
    p.value.score = "s";
    p.scores.push_back({"s", Normalize::Count, false, {{"x", 1.0}}});
    p.segments = std::move(seg);
    auto prepared = prepareData(t, p, "test.csv");
    if (!prepared)
        return prepared.error();
    return computeAnalysis(prepared.value(), p);
}
} // namespace

void TstBinning::initTestCase()
{
    m_ref = testutil::loadJson(testutil::dataPath("reference/qcut.json"));
}

void TstBinning::qcutMatchesPandas_data()
{
    QTest::addColumn<QString>("name");
    for (auto &[name, c] : m_ref.items())
        if (c.contains("codes"))
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstBinning::qcutMatchesPandas()
{
    QFETCH(QString, name);
    const nlohmann::json &c = m_ref[name.toStdString()];
    const std::vector<double> v = values(c["values"]);
    const int q = c["q"];
    const std::vector<double> edges = quantileEdges(v, q);
    QCOMPARE(edges.size(), c["edges"].size());
    for (size_t i = 0; i < edges.size(); ++i)
        VS_COMPARE_NUMBER(edges[i], c["edges"][i], 0, QStringLiteral("edge %1").arg(i));
    const BinPlan plan = planBins(edges);
    QCOMPARE(plan.uniqueEdges.size(), c["unique_edges"].size());
    const std::vector<int> codes = assignBins(v, plan.uniqueEdges);
    for (size_t i = 0; i < v.size(); ++i) {
        const nlohmann::json &want = c["codes"][i];
        const int expected = want.is_null() ? -1 : want.get<int>();
        if (codes[i] != expected)
            QFAIL(qPrintable(QStringLiteral("customer %1 (value %2): bin %3, pandas %4")
                                 .arg(i).arg(v[i], 0, 'g', 17).arg(codes[i]).arg(expected)));
    }
}

void TstBinning::seedLabelsMatchPandas()
{
    const nlohmann::json &c = m_ref["seed_labels"];
    auto r = analyse(values(c["values"]), SegmentSpec{});
    QVERIFY(r.ok());
    for (size_t i = 0; i < r->rowCount(); ++i)
        QCOMPARE(r->segments[size_t(r->segment[i])].label, c["segments"][i].get<std::string>());
    for (const SegmentRow &s : r->segments)
        QCOMPARE(s.count, size_t(100));
    QVERIFY(r->warnings.empty());
}

void TstBinning::tiesMergeBinsAndWarn()
{
    // 700 zeros and 300 positive values: the quartile edges 0, 0, 0 coincide.
    const nlohmann::json &c = m_ref["heavy_ties_at_zero_q4"];
    auto r = analyse(values(c["values"]), SegmentSpec{});
    QVERIFY(r.ok());
    QCOMPARE(r->edges.size(), size_t(3));
    bool warned = false;
    for (const std::string &w : vs::describeAll(r->warnings))
        warned |= w.find("4 segments became 2 (Low, Very High)") != std::string::npos;
    QVERIFY2(warned, "the user is told that bins were merged");
    QCOMPARE(r->segments[0].count + r->segments[3].count, size_t(1000));
    QCOMPARE(r->segments[1].count, size_t(0));
    QCOMPARE(r->segments[2].count, size_t(0));
    // pandas' codes 0 and 1 are our Low and Very High
    for (size_t i = 0; i < r->rowCount(); ++i)
        QCOMPARE(r->segment[i], c["codes"][i].get<int>() == 0 ? 0 : 3);

    // one customer: no quantile bins can be formed (pandas gives NaN); said, not silent
    auto one = analyse({42.0}, SegmentSpec{});
    QVERIFY(one.ok());
    QCOMPARE(one->segment[0], -1);
    QVERIFY(!one->warnings.empty());
}

void TstBinning::thresholdsAreRightClosed()
{
    SegmentSpec s;
    s.method = "thresholds";
    s.labels = {"A", "B", "C"};
    s.edges = {0, 10, 20, 30};
    auto r = analyse({0, 5, 10, 10.5, 20, 30, 31, -1}, s);
    QVERIFY(r.ok());
    const std::vector<int> expected = {0, 0, 0, 1, 1, 2, -1, -1}; // pandas.cut(..., include_lowest=True)
    for (size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(r->segment[i], expected[i]);
    // inner cut points only: open at both ends
    s.edges = {10, 20};
    auto open = analyse({-1e9, 10, 10.1, 20, 1e9}, s);
    QVERIFY(open.ok());
    const std::vector<int> expectedOpen = {0, 0, 1, 1, 2};
    for (size_t i = 0; i < expectedOpen.size(); ++i)
        QCOMPARE(open->segment[i], expectedOpen[i]);
}

QTEST_APPLESS_MAIN(TstBinning)
#include "tst_binning.moc"
