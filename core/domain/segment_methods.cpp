#include "segment_methods.h"

#include "core/domain/registry.h"

#include "core/analytics/segmentation.h"
#include "core/domain/translatable.h"

namespace vs {

namespace {

const std::vector<SegmentMethodInfo> kMethods = {
    {"quantile", QT_TRANSLATE_NOOP("segment_methods", "Quantiles (equal numbers of customers)"), false, true, false,
     quantileSegments},
    {"thresholds", QT_TRANSLATE_NOOP("segment_methods", "Thresholds (value ranges)"), false, false, true,
     thresholdSegments},
    {"rfm_rules", QT_TRANSLATE_NOOP("segment_methods", "RFM rules (named segments)"), true, false, false,
     rfmRuleSegments},
};

} // namespace

std::span<const SegmentMethodInfo> segmentMethods()
{
    return kMethods;
}

const SegmentMethodInfo *findSegmentMethod(std::string_view key) { return findByKey(kMethods, key); }

} // namespace vs
