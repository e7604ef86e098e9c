// The rules of editing a project (core/project/edits.h) and the vocabularies they rest on
// (core/domain): what follows from removing or renaming a score, changing the number of segments
// or their names, switching the segment method, setting RFM rules, and the project a fresh
// import starts with. No Qt widgets: the undo commands only call these.
#include "core/domain/defaults.h"
#include "core/analytics/analysis.h"
#include "core/analytics/binning.h"
#include "core/analytics/segmentation.h"
#include "core/domain/charts.h"
#include "core/domain/models.h"
#include "core/domain/roles.h"
#include "core/domain/segment_methods.h"
#include "core/io/readers.h"
#include "core/messages.h"
#include "core/project/edits.h"
#include "testutil.h"

#include <QTest>

#include <set>

using namespace vs;

class TstEdits : public QObject {
    Q_OBJECT
private slots:
    void removingAScoreResetsWhatUsedIt();
    void renamingAScoreCarriesItsUses();
    void segmentCountRelabelsAndKeepsStrategies();
    void renamedSegmentsKeepTheirStrategies();
    void thresholdsStartWhereTheQuantilesAre();
    void thresholdsFromTiedValuesStillIncrease();
    void rfmRulesAndBack();
    void newImportsStartWithTheModelTheirMappingAllows();
    void registriesAreConsistent();
    void parametersAcceptWhatTheProjectReaderAccepts();
    void textColumnsAreConvertedOnce();
    void datesAreCheckedWhenTheProjectIsRead();
    void whyNobodyMovesAfterAWeightEdit();
    void unreadableCellsAsMissing();

private:
    static Project sample();
};

Project TstEdits::sample()
{
    auto p = loadProject(std::string(VS_RESOURCES) + "/sample/sample.valuescope.json");
    if (!p)
        qFatal("%s", p.error().describe().c_str());
    return p.value();
}

void TstEdits::removingAScoreResetsWhatUsedIt()
{
    Project p = sample();
    QVERIFY(p.scores.size() >= 2);
    const std::string first = p.scores[0].name, second = p.scores[1].name;
    p.segments.by = second;
    setValueModel(p, "weighted_score", second);
    removeScore(p, 1);
    QCOMPARE(p.scores.size(), size_t(1));
    QCOMPARE(p.scores[0].name, first);
    QCOMPARE(p.segments.by, std::string("value"));          // segments by it go back to value
    QCOMPARE(p.value.model, std::string("profit"));         // the layout's first model
    // removing a score nothing uses changes nothing else
    Project q = sample();
    q.segments.by = second;
    removeScore(q, 0);
    QCOMPARE(q.segments.by, second);
    QCOMPARE(q.value.model, sample().value.model);
}

void TstEdits::renamingAScoreCarriesItsUses()
{
    Project p = sample();
    const std::string old = p.scores[0].name;
    p.segments.by = old;
    setValueModel(p, "weighted_score", old);
    renameScore(p, 0, "loyalty index");
    QCOMPARE(p.scores[0].name, std::string("loyalty index"));
    QCOMPARE(p.segments.by, std::string("loyalty index"));
    QCOMPARE(p.value.score, std::string("loyalty index"));
}

void TstEdits::segmentCountRelabelsAndKeepsStrategies()
{
    SegmentSpec seg; // Low..Very High with the seed's strategies
    setStrategy(seg, "High", "Call them every quarter");
    SegmentCountChange change = setSegmentCount(seg, 5);
    QCOMPARE(seg.bins, 5);
    QCOMPARE(seg.labels, (std::vector<std::string>{"Very Low", "Low", "Medium", "High", "Very High"}));
    QCOMPARE(change.added, std::vector<std::string>{"Very Low"});
    QCOMPARE(change.kept.size(), size_t(4));
    QVERIFY(change.dropped.empty());
    QCOMPARE(seg.strategyFor("High"), std::string("Call them every quarter")); // kept, as edited
    QCOMPARE(seg.strategyFor("Low"), std::string("Develop"));
    QCOMPARE(seg.strategyFor("Very Low"), std::string("Develop")); // a new name: the ladder's strategy
    change = setSegmentCount(seg, 3);
    QCOMPARE(seg.labels, (std::vector<std::string>{"Low", "Medium", "High"}));
    QCOMPARE(change.dropped, (std::vector<std::string>{"Very Low", "Very High"}));
    QCOMPARE(seg.strategies.size(), size_t(3));
    setSegmentCount(seg, 4);
    QCOMPARE(seg.labels, defaultLabels(4));
    QCOMPARE(seg.strategyFor("Very High"), std::string("Maintain"));
    setSegmentCount(seg, 9); // beyond the ladders
    QCOMPARE(seg.labels.front(), std::string("Q1"));
    QCOMPARE(seg.labels.back(), std::string("Q9"));
    // names in the interface's language
    const Translate upper = [](const char *english) {
        std::string s(english);
        for (char &c : s)
            c = char(std::toupper((unsigned char)c));
        return s;
    };
    setSegmentCount(seg, 3, upper);
    QCOMPARE(seg.labels, (std::vector<std::string>{"LOW", "MEDIUM", "HIGH"}));
    QCOMPARE(seg.strategyFor("LOW"), std::string("DEVELOP"));
    const Project orders = defaultProject(Layout::Transactions, {{"customer", "c"}, {"date", "d"}, {"amount", "a"}}, {}, upper);
    QCOMPARE(orders.segments.labels.front(), std::string("CHAMPIONS"));
    QCOMPARE(orders.segments.labels.back(), std::string("OTHERS"));
    QCOMPARE(orders.segments.strategyFor("OTHERS"), std::string("REVIEW INDIVIDUALLY"));
}

void TstEdits::renamedSegmentsKeepTheirStrategies()
{
    SegmentSpec seg;
    setSegmentLabels(seg, {"Bronze", "Silver", "Gold"});
    QCOMPARE(seg.bins, 3); // quantiles: one bin per name
    QCOMPARE(seg.strategyFor("Bronze"), std::string("Develop")); // renamed in place
    QCOMPARE(seg.strategyFor("Gold"), std::string("Maintain"));
    seg.method = "thresholds";
    setSegmentLabels(seg, {"A", "B"});
    QCOMPARE(seg.bins, 3); // thresholds: the count is the edges', not the bins'
    setStrategy(seg, "A", "Call them");
    setStrategy(seg, "New", "Mail them");
    QCOMPARE(seg.strategyFor("A"), std::string("Call them"));
    QCOMPARE(seg.strategyFor("New"), std::string("Mail them"));
}

void TstEdits::thresholdsStartWhereTheQuantilesAre()
{
    const std::string projectPath = std::string(VS_RESOURCES) + "/sample/sample.valuescope.json";
    Project p = sample();
    auto table = readTable(resolveSourcePath(p, projectPath), ReadOptions{});
    QVERIFY(table.ok());
    auto data = prepareData(std::make_shared<const Table>(std::move(table->table)), p, "sample");
    QVERIFY(data.ok());
    auto before = computeAnalysis(data.value(), p);
    QVERIFY(before.ok());

    QVERIFY(segmentMethodNeedsCutPoints(p, "thresholds"));
    auto cuts = thresholdStartingPoints(data.value(), p);
    QVERIFY(cuts.ok());
    QCOMPARE(cuts->size(), p.segments.labels.size() - 1);
    // the inner quantile edges of the value, exactly
    const auto *basis = before->column(p.segments.by);
    const std::vector<double> edges = quantileEdges(*basis, int(p.segments.labels.size()));
    QCOMPARE(*cuts, std::vector<double>(edges.begin() + 1, edges.end() - 1));

    setSegmentMethod(p, "thresholds", cuts.value());
    QCOMPARE(p.segments.method, std::string("thresholds"));
    QCOMPARE(p.segments.edges, cuts.value());
    auto after = computeAnalysis(data.value(), p);
    QVERIFY2(after.ok(), after.ok() ? "" : after.error().describe().c_str());
    // nobody moves: the same customers per segment (a value on an edge is in the lower bin in both)
    for (size_t s = 0; s < before->segments.size(); ++s)
        QCOMPARE(after->segments[s].count, before->segments[s].count);
    // edges that fit the names already are kept
    QVERIFY(!segmentMethodNeedsCutPoints(p, "thresholds"));
}

void TstEdits::thresholdsFromTiedValuesStillIncrease()
{
    // most customers share one value: the quantile cut points coincide, evenly spaced ones do not
    Table t;
    std::vector<double> v(100, 5.0);
    v[98] = 7, v[99] = 9;
    TextData ids;
    for (int i = 0; i < 100; ++i)
        ids.push_back("c" + std::to_string(i));
    t.columns.push_back(Column::textColumn("id", ids));
    t.columns.push_back(Column::numberColumn("revenue", v));
    t.columns.push_back(Column::numberColumn("cost", std::vector<double>(100, 0.0)));
    Project p;
    p.source.columns = {{"customer", "id"}, {"revenue", "revenue"}, {"cost", "cost"}};
    auto data = prepareData(std::make_shared<const Table>(t), p, "t");
    QVERIFY(data.ok());
    auto cuts = thresholdStartingPoints(data.value(), p);
    QVERIFY(cuts.ok());
    QCOMPARE(*cuts, (std::vector<double>{6, 7, 8})); // 5 + 4 * k / 4
}

void TstEdits::rfmRulesAndBack()
{
    Project p = defaultProject(Layout::Transactions, {{"customer", "c"}, {"date", "d"}, {"amount", "a"}}, {});
    QCOMPARE(p.value.model, std::string("rfm"));
    QCOMPARE(p.value.timeUnit, std::string("days"));
    QCOMPARE(p.segments.method, std::string("rfm_rules"));
    QCOMPARE(p.segments.labels, rfmRuleLabels(defaultRfmRules()));
    QCOMPARE(p.segments.labels.back(), rfmOthersLabel());
    for (const std::string &l : p.segments.labels)
        QCOMPARE(p.segments.strategyFor(l), defaultRfmStrategy(l));

    // an edited strategy survives new rules that keep the name; a new rule gets the default
    setStrategy(p.segments, "Champions", "Invite to the VIP day");
    std::vector<RfmRule> rules = p.segments.rules;
    rules.erase(rules.begin() + 1);
    rules.push_back({"Whales", {1, 5}, {5, 5}, {5, 5}});
    setRfmRules(p.segments, rules);
    QCOMPARE(p.segments.strategyFor("Champions"), std::string("Invite to the VIP day"));
    QCOMPARE(p.segments.strategyFor("Whales"), std::string());
    QCOMPARE(p.segments.labels.size(), rules.size() + 1);

    setSegmentMethod(p, "quantile", {});
    QCOMPARE(p.segments.by, std::string("value"));
    QCOMPARE(p.segments.labels, defaultLabels(p.segments.bins));
    QCOMPARE(p.segments.strategyFor("Low"), std::string("Develop"));
    setSegmentMethod(p, "rfm_rules", {}); // the rules the user edited come back
    QCOMPARE(p.segments.rules, rules);
    QCOMPARE(p.segments.by, std::string("rfm"));
}

void TstEdits::newImportsStartWithTheModelTheirMappingAllows()
{
    using Cols = std::map<std::string, std::string>;
    using Periods = std::map<std::string, std::vector<std::string>>;
    const auto model = [](Cols c, Periods per = {}) { return defaultProject(Layout::Customers, c, per).value.model; };
    QCOMPARE(model({{"revenue", "r"}, {"cost", "c"}}), std::string("profit"));
    QCOMPARE(model({{"revenue", "r"}, {"cost", "c"}, {"lifetime", "l"}}), std::string("profit"));
    QCOMPARE(model({{"orders", "o"}, {"average_spend", "s"}}), std::string("frequency_x_spend"));
    QCOMPARE(model({}, {{"revenue_periods", {"p1", "p2"}}}), std::string("discounted_revenue"));
    QCOMPARE(model({}, {{"revenue_periods", {"p1"}}, {"cost_periods", {"c1"}}}), std::string("discounted_clv"));
    QCOMPARE(model({{"customer", "id"}}), std::string("profit")); // nothing fits: the first
    const Project campaigns = defaultProject(Layout::Campaigns, {{"campaign", "c"}}, {});
    QCOMPARE(campaigns.segments.method, std::string("quantile"));
}

void TstEdits::registriesAreConsistent()
{
    // every model's parameters and roles exist; its compute function is set
    std::set<std::string> keys;
    for (const ValueModelInfo &m : valueModels()) {
        QVERIFY2(keys.insert(m.key).second, m.key);
        QVERIFY(m.compute);
        for (const char *param : m.parameters)
            QVERIFY2(findValueParameter(param), param);
        for (const auto &oneOf : m.needs)
            for (const char *role : oneOf)
                QVERIFY2(findRole(role), role);
    }
    for (Layout l : {Layout::Customers, Layout::Transactions})
        QVERIFY(!valueModelsFor(l).empty());
    for (const ParameterInfo &p : valueParameters()) {
        QVERIFY2((p.number != nullptr) != (p.text != nullptr), p.key);
        QCOMPARE(p.choices.size(), p.choiceLabels.size());
        QVERIFY2(parameterValid(ValueSpec{}, p), p.key); // the defaults are valid
    }
    for (const SegmentMethodInfo &m : segmentMethods())
        QVERIFY(m.assign);
    // every chart kind's title and reason are set, and without results each says why
    for (const ChartKindInfo &k : chartKinds()) {
        QVERIFY(k.title && *k.title && k.unavailable && *k.unavailable && k.available);
        QVERIFY2(chartUnavailable(k, nullptr, nullptr), k.key);
    }
    // roles: each layout's roles, wizard order
    QCOMPARE(rolesFor(Layout::Transactions),
             (std::vector<std::string>{"customer", "date", "amount", "quantity", "unit_price", "invoice"}));
    QCOMPARE(rolesFor(Layout::Campaigns), (std::vector<std::string>{"campaign", "sales", "cost"}));
    QVERIFY(roleNeedsNumbers("revenue") && !roleNeedsNumbers("customer") && !roleNeedsNumbers("date"));
}

void TstEdits::parametersAcceptWhatTheProjectReaderAccepts()
{
    // each numeric parameter: a value inside its range is read from a project file and set by the
    // window's editor alike; one outside is refused by both, the reader naming the key
    for (const ParameterInfo &param : valueParameters()) {
        if (!param.number)
            continue;
        double inside = std::isfinite(param.max) ? (param.min + param.max) / 2 : param.min + 1;
        if (param.integer)
            inside = std::floor(inside);
        const double outside = param.minExcluded ? param.min : param.min - 1;
        for (double v : {inside, outside}) {
            const bool ok = v == inside;
            QCOMPARE(param.accepts(v), ok);
            ValueSpec spec;
            QCOMPARE(setParameter(spec, param, formatNumber(v)), ok);
            const std::string text = R"({"valuescope": 1, "source": {"path": "x.csv"}, "value": {")" +
                                     std::string(param.key) + "\": " + formatNumber(v) + "}}";
            auto read = parseProject(text, "p.json");
            QCOMPARE(read.ok(), ok);
            if (!ok) {
                QCOMPARE(read.error().code, param.rule);
                QVERIFY2(read.error().message().find(std::string("'value.") + param.key + "' must") == 0,
                         read.error().message().c_str());
            }
        }
    }
    ValueSpec spec;
    QVERIFY(!setParameter(spec, *findValueParameter("time_unit"), "fortnights"));
    QVERIFY(setParameter(spec, *findValueParameter("time_unit"), "months"));
    QCOMPARE(spec.timeUnit, std::string("months"));
    auto bad = parseProject(R"({"valuescope": 1, "source": {"path": "x.csv"}, "value": {"time_unit": "fortnights"}})", "p.json");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().message(), std::string("'value.time_unit' must be days, weeks or months, not 'fortnights'"));
}

// A revenue column written as text ("$1,234.50") is read as numbers when the data are prepared,
// and every recompute after (a weight edit) uses those doubles.
void TstEdits::textColumnsAreConvertedOnce()
{
    Table t;
    TextData ids, revenue;
    for (int i = 0; i < 5; ++i) {
        ids.push_back("c" + std::to_string(i));
        revenue.push_back("$1," + std::to_string(100 + i) + ".50");
    }
    t.columns.push_back(Column::textColumn("id", ids));
    t.columns.push_back(Column::textColumn("revenue", revenue));
    t.columns.push_back(Column::numberColumn("cost", {1, 2, 3, 4, 5}));
    Project p;
    p.source.columns = {{"customer", "id"}, {"revenue", "revenue"}, {"cost", "cost"}};
    auto data = prepareData(std::make_shared<const Table>(t), p, "t");
    QVERIFY(data.ok());
    auto first = data.value()->numbers("revenue");
    auto again = data.value()->numbers("revenue");
    QVERIFY(first.ok() && again.ok());
    QCOMPARE(first->span()[0], 1100.5);
    QVERIFY(first->begin() == again->begin()); // the same doubles, not a second reading
    auto r1 = computeAnalysis(data.value(), p), r2 = computeAnalysis(data.value(), p);
    QVERIFY(r1.ok() && r2.ok());
    QCOMPARE(r1->value, (std::vector<double>{1099.5, 1099.5, 1099.5, 1099.5, 1099.5}));
    QCOMPARE(r2->value, r1->value);
}

// A project's observation end that is not a date is refused when the project is read, with the
// sentence the analysis used to give, and the window's editor refuses it alike.
void TstEdits::datesAreCheckedWhenTheProjectIsRead()
{
    auto bad = parseProject(R"({"valuescope": 1, "source": {"path": "x.csv", "layout": "transactions"},
                                "value": {"model": "rfm", "observation_end": "soon"}})", "p.json");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Msg::ObservationEndNotDate);
    QCOMPARE(bad.error().describe(), std::string("p.json: the observation end 'soon' is not a date (expected e.g. 1997-09-30)"));
    auto good = parseProject(R"({"valuescope": 1, "source": {"path": "x.csv", "layout": "transactions"},
                                 "value": {"model": "rfm", "observation_end": "1997-09-30"}})", "p.json");
    QVERIFY(good.ok());
    ValueSpec v;
    const ParameterInfo &end = *findValueParameter("observation_end");
    QVERIFY(!setParameter(v, end, "31/02/1997"));
    QVERIFY(setParameter(v, end, "1997-09-30"));
    QVERIFY(setParameter(v, end, "")); // the last order's date
}

// The what-if's first try: segments by value, a weight of the satisfaction score changed —
// nobody can move, and the reason is plain; with segments by that score, or with another change
// as well, there is no such reason.
void TstEdits::whyNobodyMovesAfterAWeightEdit()
{
    const Project base = sample();
    Project edited = base;
    edited.scores[0].items[1].weight = 0.9;
    auto why = whyNobodyMoves(base, edited);
    QVERIFY(why.has_value());
    QCOMPARE(why->segmentsBy, std::string("value"));
    QCOMPARE(why->changedScore, base.scores[0].name);
    QVERIFY(!whyNobodyMoves(base, base)); // nothing changed: nothing to explain
    Project bySatisfaction = base;
    bySatisfaction.segments.by = base.scores[0].name;
    Project bySatisfactionEdited = bySatisfaction;
    bySatisfactionEdited.scores[0].items[1].weight = 0.9;
    QVERIFY(!whyNobodyMoves(bySatisfaction, bySatisfactionEdited));
    Project alsoModel = edited;
    alsoModel.value.model = "profit_per_lifetime";
    QVERIFY(!whyNobodyMoves(base, alsoModel));
}

// "abc" and "oops" in a revenue column: by default the analysis stops naming the first cell;
// with source.unreadable_cells = missing those customers have no value and a warning says how
// many cells, in which column, and the first one — never silently.
void TstEdits::unreadableCellsAsMissing()
{
    auto table = readTable(std::string(VS_TEST_DATA) + "/csv/text_in_numbers.csv", ReadOptions{});
    QVERIFY(table.ok());
    auto shared = std::make_shared<const Table>(std::move(table->table));
    const char *text = R"({"valuescope": 1, "source": {"path": "t.csv", "columns": {"customer": "id", "revenue": "revenue", "cost": "cost"}%1}})";
    auto strict = parseProject(QString::fromLatin1(text).arg(QString()).toStdString(), "p.json");
    QVERIFY(strict.ok());
    auto d1 = prepareData(shared, strict.value(), "t.csv");
    QVERIFY(d1.ok());
    auto failed = computeAnalysis(d1.value(), strict.value());
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().row, int64_t(3));

    auto lenient = parseProject(QString::fromLatin1(text).arg(QStringLiteral(R"(, "unreadable_cells": "missing")")).toStdString(), "p.json");
    QVERIFY(lenient.ok());
    QVERIFY(lenient->source.unreadableAsMissing);
    QVERIFY(projectToJson(lenient.value()).find(R"("unreadable_cells": "missing")") != std::string::npos);
    auto d2 = prepareData(shared, lenient.value(), "t.csv");
    QVERIFY(d2.ok());
    auto r = computeAnalysis(d2.value(), lenient.value());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    QCOMPARE(r->value[0], 9.0);
    QVERIFY(std::isnan(r->value[1]) && std::isnan(r->value[3]));
    QCOMPARE(r->valuedCount, size_t(2));
    bool said = false;
    for (const Diagnostic &w : r->warnings)
        if (w.code == Msg::CellsReadAsMissing) {
            said = true;
            QCOMPARE(w.message(), std::string("2 cells of the column 'revenue' are not numbers (first: row 3, 'abc'); they count as missing"));
        }
    QVERIFY(said);
    auto bad = parseProject(QString::fromLatin1(text).arg(QStringLiteral(R"(, "unreadable_cells": "zero")")).toStdString(), "p.json");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Msg::KeyUnreadableCells);
}

QTEST_APPLESS_MAIN(TstEdits)
#include "tst_edits.moc"
