#pragma once
// What a value model's compute function gets, and the compute functions of the models in
// core/domain/models.cpp's table.
#include "core/analytics/analysis.h"

namespace vs {

struct ModelContext {
    const PreparedData &d;
    const Project &p;
    AnalysisResults &r;
    const std::atomic<bool> *stop = nullptr; // ComputeOptions::stop
    std::function<void(double)> progress;    // ComputeOptions::progress
    const std::atomic<bool> *stopLongStep = nullptr; // ComputeOptions::stopLongStep

    bool stopped() const { return stop && stop->load(std::memory_order_relaxed); }

    // The numbers of the column mapped to a role; if none is, the error `what`
    // ("the value model '%1' needs …: map a column to the role '%2'").
    Result<NumberColumn> need(const char *roleName, Msg what);
    // Warns how many customers have no value in v (`what`: "%1 customer(s) have no …").
    void warnMissing(const std::vector<double> &v, Msg what);
};

// customers layout (results.value, and model columns in results.extra)
Status computeProfit(ModelContext &c);
Status computeProfitPerLifetime(ModelContext &c);
Status computeFrequencyTimesSpend(ModelContext &c);
Status computeDiscountedClv(ModelContext &c);
Status computeDiscountedRevenue(ModelContext &c);
Status computeWeightedScore(ModelContext &c);
// order lines (core/analytics/transaction_models.cpp)
Status computeRfmModel(ModelContext &c);
Status computePredictiveClv(ModelContext &c);

} // namespace vs
