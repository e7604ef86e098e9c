#pragma once
// The segment methods of core/domain/segment_methods.cpp's table: each gives every customer a
// segment (results.segment), the per-segment counts and totals (results.segments) and the edges.
#include "core/analytics/value_models.h"

namespace vs {

Status quantileSegments(ModelContext &c);  // pandas.qcut of value or a score
Status thresholdSegments(ModelContext &c); // pandas.cut at the project's edges
Status rfmRuleSegments(ModelContext &c);   // named RFM segments: the first rule that holds

} // namespace vs
