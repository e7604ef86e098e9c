#pragma once
// Over time in the outputs: the summary's `period_migration` and `cohorts` (DESIGN.md §4.1), and
// the early-warning call list.
#include "core/analytics/over_time.h"
#include "core/io/results_writer.h"

#include <nlohmann/json_fwd.hpp>

namespace vs {

// Adds period_migration and cohorts to a summary when the results have them.
void addOverTimeSummary(nlohmann::ordered_json &summary, const AnalysisResults &r);

// One row per early warning: customer, segment_then, segment_now, value_then, value_now,
// p_alive_then, p_alive_now (predictive models), last_purchase, reason ("segment_fell",
// "p_alive_fell", or both). Empty (header only) without snapshots.
OutputTable earlyWarningTable(const AnalysisResults &r);

} // namespace vs
