#pragma once
// How customers are put into segments: one table, read by the project reader, the analysis and
// the parameters panel. Adding a method: one entry in segment_methods.cpp, its function (see
// core/analytics/segmentation.h) and the translation of its label.
#include "core/error.h"
#include "core/project/project.h"

#include <span>
#include <string_view>
#include <vector>

namespace vs {

struct ModelContext;

// The number of segments a project may ask for (quantiles).
inline constexpr int kMinSegments = 1, kMaxSegments = 100;

struct SegmentMethodInfo {
    const char *key;     // segments.method in the project file
    const char *label;   // English, for the window (translation context "segment_methods")
    bool orderLinesOnly; // needs RFM scores (order lines)
    bool usesBins;       // the number of segments is set (quantiles)
    bool usesEdges;      // the user sets the edges (thresholds)
    Status (*assign)(ModelContext &);
};

std::span<const SegmentMethodInfo> segmentMethods();
const SegmentMethodInfo *findSegmentMethod(std::string_view key);

} // namespace vs
