#pragma once
// The value models of the transactions layout: RFM and predictive CLV (BG/NBD + Gamma-Gamma).
#include "core/analytics/analysis.h"

#include <mutex>

namespace vs {

// The fits depend on the observation end, the time unit and the penalty only; the same fits
// serve every change of horizon, discount, segments or labels.
struct FitCache {
    std::mutex mutex;
    std::string key;
    std::shared_ptr<const BtydInfo> info;
    std::optional<Error> error;
};

// computeRfmModel and computePredictiveClv (value_models.h) fill results.value, the model
// columns (results.extra), results.rfm and results.btyd.

} // namespace vs
