// What-if comparison: the migration matrix and value shift, against counts worked out by hand.
#include "core/analytics/analysis.h"
#include "core/analytics/scenario.h"

#include <QTest>

using namespace vs;

class TstScenario : public QObject {
    Q_OBJECT
private slots:
    void migrationByHand();
    void matchedByIdWhenDataDiffer();
    void aBaselineJustSetMatchesTheFullComparison();
    void aStoppedComputationEndsEarly();
};

namespace {
// eight customers, value = w1*a + w2*b (weighted score), thresholds at 2 and 4: Low / Mid / High
std::shared_ptr<const PreparedData> data()
{
    auto t = std::make_shared<Table>();
    TextData ids;
    for (const char *id : {"a", "b", "c", "d", "e", "f", "g", "h"})
        ids.push_back(id);
    t->columns.push_back(Column::textColumn("id", std::move(ids)));
    t->columns.push_back(Column::numberColumn("x", {1, 2, 3, 4, 5, 1, 2, 6}));
    t->columns.push_back(Column::numberColumn("y", {5, 4, 3, 2, 1, 1, 6, 0}));
    Project p;
    p.source.columns = {{"customer", "id"}};
    return prepareData(t, p, "t.csv").value();
}
Project project(double wx, double wy)
{
    Project p;
    p.source.columns = {{"customer", "id"}};
    p.scores = {{"s", Normalize::Weights, false, {{"x", wx}, {"y", wy}}}};
    p.value.model = "weighted_score";
    p.value.score = "s";
    p.segments.method = "thresholds";
    p.segments.labels = {"Low", "Mid", "High"};
    p.segments.edges = {2, 4};
    p.segments.strategies.clear();
    return p;
}
} // namespace

void TstScenario::migrationByHand()
{
    auto d = data();
    // baseline: only x counts -> values 1 2 3 4 5 1 2 6 -> L L M M H L L H
    auto base = computeAnalysis(d, project(1, 0));
    // current: only y counts  -> values 5 4 3 2 1 1 6 0 -> H M M L L L H L
    auto cur = computeAnalysis(d, project(0, 1));
    QVERIFY(base.ok() && cur.ok());
    const ScenarioComparison c = compareScenarios(base.value(), cur.value());
    // by hand: a L->H, b L->M, c M->M, d M->L, e H->L, f L->L, g L->H, h H->L
    const std::vector<std::vector<size_t>> expected = {
        {1, 1, 2, 0}, // Low  -> Low, Mid, High, none
        {1, 1, 0, 0}, // Mid
        {2, 0, 0, 0}, // High
        {0, 0, 0, 0}, // none
    };
    QCOMPARE(c.moved, expected);
    QCOMPARE(c.changed, size_t(6));
    QCOMPARE(c.shifts.size(), size_t(3));
    QCOMPARE(c.shifts[0].label, std::string("Low"));
    QCOMPARE(c.shifts[0].baselineCount, size_t(4));
    QCOMPARE(c.shifts[0].currentCount, size_t(4));
    QCOMPARE(c.shifts[0].baselineValue, 1.0 + 2 + 1 + 2); // a b f g under x
    QCOMPARE(c.shifts[0].currentValue, 2.0 + 1 + 1 + 0);  // d e f h under y
    QCOMPARE(c.shifts[2].currentValue, 5.0 + 6);          // a g under y
}

void TstScenario::matchedByIdWhenDataDiffer()
{
    auto base = computeAnalysis(data(), project(1, 0));
    auto cur = computeAnalysis(data(), project(1, 0)); // same numbers, another PreparedData
    QVERIFY(base.ok() && cur.ok());
    const ScenarioComparison c = compareScenarios(base.value(), cur.value());
    QCOMPARE(c.changed, size_t(0));
    QCOMPARE(c.moved[0][0], size_t(4));
    QCOMPARE(c.moved[2][2], size_t(2));
}

// Results against themselves take the quick path (counts only); it must equal the customer by
// customer comparison of two equal results.
void TstScenario::aBaselineJustSetMatchesTheFullComparison()
{
    auto d = data();
    Project p = project(1, 1);
    p.segments.labels = {"Mid", "High"}; // values (x + y) / 2: f's 1 lies below 2.5, no segment
    p.segments.edges = {2.5, 3.5, 8};
    auto r = computeAnalysis(d, p);
    QVERIFY(r.ok());
    const AnalysisResults copy = r.value();
    const ScenarioComparison quick = compareScenarios(r.value(), r.value());
    const ScenarioComparison full = compareScenarios(r.value(), copy);
    QCOMPARE(quick.moved, full.moved);
    QCOMPARE(quick.changed, size_t(0));
    QCOMPARE(full.changed, size_t(0));
    QCOMPARE(quick.baselineLabels, full.baselineLabels);
    QCOMPARE(quick.shifts.size(), full.shifts.size());
    for (size_t i = 0; i < quick.shifts.size(); ++i) {
        QCOMPARE(quick.shifts[i].label, full.shifts[i].label);
        QCOMPARE(quick.shifts[i].currentCount, full.shifts[i].currentCount);
        QCOMPARE(quick.shifts[i].baselineValue, full.shifts[i].baselineValue);
    }
    QVERIFY(quick.moved.back().back() > 0); // the customer without a segment is counted
}

// A recompute that a newer edit made stale stops instead of running to the end.
void TstScenario::aStoppedComputationEndsEarly()
{
    std::atomic<bool> stop{true};
    ComputeOptions o;
    o.stop = &stop;
    auto r = computeAnalysis(data(), project(1, 0), o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    stop = false;
    QVERIFY(computeAnalysis(data(), project(1, 0), o).ok());
}

QTEST_APPLESS_MAIN(TstScenario)
#include "tst_scenario.moc"
