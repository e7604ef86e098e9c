// Concentration of value: Gini, the top-20 % share, the Pareto curve and the histogram, against
// numpy on the reference customers (tests/data/make_concentration_reference.py).
#include "core/analytics/analysis.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QTest>

using namespace vs;

class TstConcentration : public QObject {
    Q_OBJECT
private slots:
    void matchesNumpy();
    void smallCasesByHand();
    void skewedValuesGetALogScale();
    void negativeValuesKeepTheCurveWithinAll();
};

void TstConcentration::matchesNumpy()
{
    const auto ref = testutil::loadJson(testutil::dataPath("reference/concentration.json"));
    auto read = readTable(testutil::dataPath("reference/customers.csv"), ReadOptions{});
    QVERIFY(read.ok());
    Project p;
    p.source.columns = {{"customer", "customer"}, {"revenue", "revenue"}, {"cost", "cost"}};
    auto data = prepareData(std::make_shared<const Table>(std::move(read->table)), p, "customers.csv");
    QVERIFY(data.ok());
    auto r = computeAnalysis(data.value(), p);
    QVERIFY(r.ok());
    QVERIFY(r->concentration && r->valueHistogram);
    const Concentration &c = *r->concentration;
    QCOMPARE(c.customers, ref["customers"].get<size_t>());
    VS_COMPARE_NUMBER(c.gini, ref["gini"], 1e-12, "Gini");
    VS_COMPARE_NUMBER(c.top20Share, ref["top20_share"], 1e-12, "top 20 % share");
    const size_t half = c.customers / 2;
    bool found = false;
    for (size_t k = 0; k < c.customerShare.size(); ++k)
        if (c.customerShare[k] == double(half) / double(c.customers)) {
            VS_COMPARE_NUMBER(c.valueShare[k], ref["share_at_half"], 1e-12, "Pareto curve at half the customers");
            found = true;
        }
    QVERIFY(found);
    QCOMPARE(c.customerShare.front(), 0.0);
    QCOMPARE(c.customerShare.back(), 1.0);
    VS_COMPARE_NUMBER(c.valueShare.back(), 1.0, 1e-12, "the curve ends at all the value");
    // numpy's equal-width bins (the chart takes log-spaced ones for these skewed values)
    const Histogram h = histogram(r->value, 30);
    QVERIFY(!h.logScale);
    QCOMPARE(h.counts.size(), ref["histogram"]["counts"].size());
    for (size_t i = 0; i < h.counts.size(); ++i)
        QCOMPARE(h.counts[i], ref["histogram"]["counts"][i].get<size_t>());
    for (size_t i = 0; i < h.edges.size(); ++i)
        VS_COMPARE_NUMBER(h.edges[i], ref["histogram"]["edges"][i], 0, "histogram edge");
}

void TstConcentration::smallCasesByHand()
{
    // everyone equal: no concentration; the top 20 % of 5 is one customer with a fifth of the value
    std::vector<double> equal(5, 10.0);
    Concentration c = concentration(equal);
    QVERIFY(std::fabs(c.gini) < 1e-15);
    QCOMPARE(c.top20Share, 0.2);
    // one customer has everything: Gini (n-1)/n
    std::vector<double> one = {0, 0, 0, 100, NAN};
    c = concentration(one);
    QCOMPARE(c.customers, size_t(4));
    QCOMPARE(c.gini, 0.75);
    QCOMPARE(c.top20Share, 1.0);
    // a single value: numpy's histogram spans value - 0.5 .. value + 0.5
    Histogram h = histogram(std::vector<double>{3, 3, 3}, 4);
    QCOMPARE(h.edges.front(), 2.5);
    QCOMPARE(h.edges.back(), 3.5);
    QCOMPARE(h.counts[2], size_t(3));
    QVERIFY(concentration(std::vector<double>{}).customerShare.empty());
}

void TstConcentration::skewedValuesGetALogScale()
{
    // most customers worth a little, a few worth a thousand times more, some worth nothing
    std::vector<double> skewed;
    for (int i = 0; i < 1000; ++i)
        skewed.push_back(i < 50 ? 0.0 : std::exp(double(i % 97) / 10.0)); // 1 .. e^9.6 (about 15,000)
    const Histogram h = valueDistribution(skewed, 30);
    QVERIFY(h.logScale);
    QCOMPARE(h.atOrBelowZero, size_t(50));
    QCOMPARE(h.edges.size(), size_t(31));
    size_t counted = 0;
    for (size_t c : h.counts)
        counted += c;
    QCOMPARE(counted, size_t(950)); // every value above zero in a bin
    // every bin spans the same factor
    const double ratio = h.edges[1] / h.edges[0];
    for (size_t i = 1; i + 1 < h.edges.size(); ++i)
        QVERIFY(std::fabs(h.edges[i + 1] / h.edges[i] - ratio) < 1e-9 * ratio);
    QCOMPARE(h.edges.back(), std::exp(96 / 10.0));
    // values spread evenly keep numpy's equal bins
    std::vector<double> even;
    for (int i = 0; i < 1000; ++i)
        even.push_back(double(i));
    const Histogram e = valueDistribution(even, 30);
    QVERIFY(!e.logScale);
    QCOMPARE(e.edges, histogram(even, 30).edges);
}

void TstConcentration::negativeValuesKeepTheCurveWithinAll()
{
    // 10 customers: 8 worth 10 each, 2 worth -15 each: the net total is 50, the positive 80
    std::vector<double> v(8, 10.0);
    v.push_back(-15);
    v.push_back(-15);
    const Concentration c = concentration(v);
    QVERIFY(c.hasNegative);
    QCOMPARE(c.negativeCount, size_t(2));
    QCOMPARE(c.negativeTotal, -30.0);
    QCOMPARE(c.positiveTotal, 80.0);
    QCOMPARE(c.top20Share, 20.0 / 50.0); // of the net total
    QCOMPARE(c.top20PositiveShare, 20.0 / 80.0);
    double highest = 0;
    for (double s : c.valueShare)
        highest = std::max(highest, s);
    QCOMPARE(highest, 80.0 / 50.0); // the net curve rises past 1
    QCOMPARE(c.positiveShare.size(), c.customerShare.size());
    for (size_t k = 1; k < c.positiveShare.size(); ++k) {
        QVERIFY(c.positiveShare[k] >= c.positiveShare[k - 1]);
        QVERIFY(c.positiveShare[k] <= 1.0);
    }
    QCOMPARE(c.positiveShare.back(), 1.0);
}

QTEST_GUILESS_MAIN(TstConcentration)
#include "tst_concentration.moc"
