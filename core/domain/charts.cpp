#include "charts.h"

#include "core/domain/registry.h"

#include "core/analytics/analysis.h"
#include "core/analytics/over_time.h"
#include "core/analytics/scenario.h"
#include "core/domain/translatable.h"

namespace vs {

namespace {

using enum ChartView;

bool hasSegments(const AnalysisResults *r, const ScenarioComparison *) { return !r->segments.empty(); }
bool hasHistogram(const AnalysisResults *r, const ScenarioComparison *)
{
    return r->valueHistogram && !r->valueHistogram->counts.empty();
}
bool hasConcentration(const AnalysisResults *r, const ScenarioComparison *)
{
    return r->concentration && !r->concentration->customerShare.empty();
}
bool hasTwoMeasures(const AnalysisResults *r, const ScenarioComparison *) { return plottableMeasures(*r).size() >= 2; }
bool hasBaseline(const AnalysisResults *, const ScenarioComparison *c) { return c && !c->shifts.empty(); }
bool hasStatistics(const AnalysisResults *r, const ScenarioComparison *) { return !r->describedStatistics().empty(); }
bool hasRfm(const AnalysisResults *r, const ScenarioComparison *) { return r->rfm.has_value(); }
bool hasBtyd(const AnalysisResults *r, const ScenarioComparison *) { return r->btyd && !r->btyd->recencyGrid.empty(); }
bool hasTracking(const AnalysisResults *r, const ScenarioComparison *)
{
    return r->btyd && !r->btyd->models.empty() && !r->btyd->tracking.actual.empty();
}
bool hasModels(const AnalysisResults *r, const ScenarioComparison *) { return r->btyd && !r->btyd->models.empty(); }
bool hasHoldout(const AnalysisResults *r, const ScenarioComparison *) { return r->btyd && !r->btyd->holdout.empty(); }
bool hasPeriodMigration(const AnalysisResults *r, const ScenarioComparison *) { return r->overTime && r->overTime->migration; }
bool hasCohorts(const AnalysisResults *r, const ScenarioComparison *)
{
    return r->overTime && r->overTime->cohorts && !r->overTime->cohorts->rows.empty();
}

const char *const kNoValue = QT_TRANSLATE_NOOP("charts", "no customer has a value");
const char *const kNeedsPredictive = QT_TRANSLATE_NOOP("charts", "this chart needs the 'predictive_clv' model (order lines)");

// In the order of the window's tabs.
const std::vector<ChartKindInfo> kKinds = {
    {"segments", QT_TRANSLATE_NOOP("charts", "Segments"), Segments, true, true,
     QT_TRANSLATE_NOOP("charts", "there are no segments"), hasSegments},
    {"histogram", QT_TRANSLATE_NOOP("charts", "Distribution"), Histogram, true, true, kNoValue, hasHistogram},
    {"pareto", QT_TRANSLATE_NOOP("charts", "Pareto"), Pareto, true, true, kNoValue, hasConcentration},
    {"scatter", QT_TRANSLATE_NOOP("charts", "Scatter"), Scatter, true, true,
     QT_TRANSLATE_NOOP("charts", "the scatter needs a score or a model column to set against value"), hasTwoMeasures},
    {"migration", QT_TRANSLATE_NOOP("charts", "Migration"), Migration, true, false,
     QT_TRANSLATE_NOOP("charts", "the migration chart needs a baseline (Analysis ▸ Set as Baseline, or 'baseline' in the project)"),
     hasBaseline},
    {"statistics", QT_TRANSLATE_NOOP("charts", "Statistics"), Table, false, true,
     QT_TRANSLATE_NOOP("charts", "there are no statistics"), hasStatistics},
    {"rfm_heatmap", QT_TRANSLATE_NOOP("charts", "RFM heatmap"), Heatmap, true, true,
     QT_TRANSLATE_NOOP("charts", "the RFM heatmap needs RFM scores: order lines with the 'rfm' model or RFM segments"),
     hasRfm},
    {"frequency_recency", QT_TRANSLATE_NOOP("charts", "Frequency/recency"), Heatmap, true, true, kNeedsPredictive,
     hasBtyd},
    {"p_alive", QT_TRANSLATE_NOOP("charts", "P(alive)"), Heatmap, true, true, kNeedsPredictive, hasBtyd},
    {"holdout", QT_TRANSLATE_NOOP("charts", "Holdout check"), Holdout, true, true,
     QT_TRANSLATE_NOOP("charts", "the holdout chart needs predictive CLV and an observation end before the last order"),
     hasHoldout},
    {"period_migration", QT_TRANSLATE_NOOP("charts", "Migration between dates"), PeriodMigration, true, true,
     QT_TRANSLATE_NOOP("charts", "the migration between dates needs order lines and two snapshot dates (Parameters ▸ Over time, or 'snapshots' in the project)"),
     hasPeriodMigration},
    {"cohorts", QT_TRANSLATE_NOOP("charts", "Cohorts"), Heatmap, true, true,
     QT_TRANSLATE_NOOP("charts", "the cohort chart needs order lines and cohorts switched on (Parameters ▸ Over time, or 'cohorts' in the project)"),
     hasCohorts},
    {"tracking", QT_TRANSLATE_NOOP("charts", "Tracking"), Tracking, true, true,
     QT_TRANSLATE_NOOP("charts", "the tracking chart needs predictive CLV with a fitted purchase model"), hasTracking},
    {"tracking_cumulative", QT_TRANSLATE_NOOP("charts", "Tracking (cumulative)"), Tracking, true, true,
     QT_TRANSLATE_NOOP("charts", "the tracking chart needs predictive CLV with a fitted purchase model"), hasTracking},
    {"model_comparison", QT_TRANSLATE_NOOP("charts", "Model comparison"), Table, false, true,
     QT_TRANSLATE_NOOP("charts", "the model comparison needs predictive CLV with a fitted purchase model"), hasModels},
};

} // namespace

std::span<const ChartKindInfo> chartKinds()
{
    return kKinds;
}

const ChartKindInfo *findChartKind(std::string_view key) { return findByKey(kKinds, key); }

const char *chartUnavailable(const ChartKindInfo &kind, const AnalysisResults *results,
                             const ScenarioComparison *comparison)
{
    if (kind.needsResults && !results)
        return QT_TRANSLATE_NOOP("charts", "there are no results yet");
    return kind.available(results, comparison) ? nullptr : kind.unavailable;
}

} // namespace vs
