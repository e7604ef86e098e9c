#pragma once
// The value models of the transactions layout: RFM and predictive CLV (BG/NBD + Gamma-Gamma).
#include "core/analytics/analysis.h"
#include "core/analytics/bootstrap.h"

#include <mutex>

namespace vs {

// The fits depend on the observation end, the time unit and the penalty only; the same fits
// serve every change of horizon, discount, segments or labels.
struct FitCache {
    std::mutex mutex;
    std::string key;
    std::shared_ptr<const BtydInfo> info;
    std::optional<Error> error;
    // the bootstrap's refits (value.clv_interval = "bootstrap"): for these fits, samples and seed
    std::string bootstrapKey;
    std::shared_ptr<const BootstrapFits> bootstrap;
};

// computeRfmModel and computePredictiveClv (value_models.h) fill results.value, the model
// columns (results.extra), results.rfm and results.btyd.

} // namespace vs
