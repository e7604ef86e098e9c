#pragma once
// The bootstrap CLV interval (value.clv_interval = "bootstrap"): customers resampled with
// replacement, the purchase and spend models refitted on each resample, and each customer's CLV
// under every refit; the interval is the percentile interval of those CLVs. The resampling is
// reproducible from the seed alone, in any language: draw k of resample b is
// splitmix64(seed + (b·n + k + 1)·0x9E3779B97F4A7C15), the customer (draw · n) >> 64.
#include "core/analytics/btyd.h"
#include "core/error.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

namespace vs {

// Customer index (0..n-1) of draw k of resample b.
uint32_t bootstrapDraw(uint64_t seed, size_t b, size_t n, size_t k);

struct BootstrapInput {
    PurchaseKind kind = PurchaseKind::BgNbd;
    std::span<const double> x, tx, T; // the fitted (calibrated) customers
    std::span<const double> monetary; // their mean repeat spend (Gamma-Gamma takes x > 0, m > 0)
    double penalizer = 0, spendPenalizer = 0;
    int samples = 200;
    uint64_t seed = 0;
};

struct BootstrapRefit {
    Params4 purchase{};
    GammaGammaFit spend;
};

struct BootstrapFits {
    std::vector<BootstrapRefit> refits; // the resamples whose two fits succeeded, in order
    size_t failed = 0;                  // resamples with a fit that failed
    size_t done = 0;                    // resamples tried
    bool stopped = false;               // stopped by the user, or superseded
};

// Refits on `samples` resamples. progress(done / samples) after each; stops (stopped = true) as
// soon as `stop` or `cancel` is set.
BootstrapFits bootstrapRefits(const BootstrapInput &in, const std::function<void(double)> &progress,
                              const std::atomic<bool> *stop, const std::atomic<bool> *cancel);

// The q-quantile of the values as R's quantile(type = 7) and numpy's default take it (sorted in place).
double percentile(std::vector<double> &values, double q);
// Both ends of an interval from one sort: {percentile(values, qLow), percentile(values, qHigh)}.
std::pair<double, double> percentiles(std::vector<double> &values, double qLow, double qHigh);

} // namespace vs
