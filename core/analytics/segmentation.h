#pragma once
// The segment methods of core/domain/segment_methods.cpp's table: each gives every customer a
// segment (results.segment), the per-segment counts and totals (results.segments) and the edges.
#include "core/analytics/value_models.h"

namespace vs {

Status quantileSegments(ModelContext &c);  // pandas.qcut of value or a score
Status thresholdSegments(ModelContext &c); // pandas.cut at the project's edges
Status rfmRuleSegments(ModelContext &c);   // named RFM segments: the first rule that holds

} // namespace vs

namespace vs {

// Inner edges for threshold segments that start where the quantile segments are now (so that
// switching method moves nobody): the quantile cut points of the measure segments are made by,
// one fewer than the names; evenly spaced between the lowest and highest value where many equal
// values make quantile cut points coincide.
Result<std::vector<double>> thresholdStartingPoints(std::shared_ptr<const PreparedData> data, const Project &project);

} // namespace vs
