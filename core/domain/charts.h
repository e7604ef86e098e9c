#pragma once
// The kinds of chart: one table, read by the window (tabs, titles, which view draws each), the
// command line (--chart KIND=PATH) and the report. Adding a chart kind: one entry in charts.cpp,
// its view in ui/charts (a new ChartView only if no existing view can draw it) and the
// translations of its title and of why it can be unavailable.
#include <span>
#include <string_view>
#include <vector>

namespace vs {

struct AnalysisResults;
struct ScenarioComparison;

// The view (in ui/charts) that draws a kind.
enum class ChartView { Segments, Histogram, Pareto, Scatter, Migration, Table, Heatmap, Holdout, PeriodMigration, Tracking };

struct ChartKindInfo {
    const char *key;   // --chart KIND=PATH, the report's and the window's name
    const char *title; // English, for tabs and menus (translation context "charts")
    ChartView view;
    bool inReport;            // drawn as a chart in the report (statistics are a table there)
    bool needsResults;        // nothing to draw before the first results
    const char *unavailable;  // English: why the data cannot feed it (context "charts")
    bool (*available)(const AnalysisResults *results, const ScenarioComparison *comparison);
};

std::span<const ChartKindInfo> chartKinds();
const ChartKindInfo *findChartKind(std::string_view key);

// Why these results cannot feed the chart (English, context "charts"), or nullptr if they can.
const char *chartUnavailable(const ChartKindInfo &kind, const AnalysisResults *results,
                             const ScenarioComparison *comparison);

} // namespace vs
