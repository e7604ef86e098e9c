// Order lines to RFM and predictive CLV: the CDNOW fit (target <= 50 ms) and 10,000,000 order
// lines of 1,000,000 customers (target: a few seconds for grouping, summary, RFM and both fits).
// Build: cmake -DVALUESCOPE_BUILD_BENCHMARKS=ON; run: ./build/bench/bench_btyd
#include "core/domain/defaults.h"
#include "core/analytics/analysis.h"
#include "core/analytics/transaction_models.h"
#include "core/io/readers.h"

#include <benchmark/benchmark.h>

#include <random>


namespace {

vs::Project predictive(std::map<std::string, std::string> columns, std::string end, std::string unit)
{
    vs::Project p;
    p.source.layout = vs::Layout::Transactions;
    p.source.columns = std::move(columns);
    p.value.model = "predictive_clv";
    p.value.observationEnd = std::move(end);
    p.value.timeUnit = std::move(unit);
    p.segments.method = "rfm_rules";
    p.segments.by = "rfm";
    p.segments.rules = vs::defaultRfmRules();
    for (const auto &r : p.segments.rules)
        p.segments.labels.push_back(r.name);
    p.segments.labels.push_back(vs::rfmOthersLabel());
    return p;
}

void forgetFits(const vs::PreparedData &d)
{
    std::lock_guard lock(d.fitCache->mutex);
    d.fitCache->key.clear();
}

// Everything after the import: summary, both fits, predictions with intervals, RFM, segments.
void BM_CdnowFitAndPredict(benchmark::State &state)
{
    auto r = vs::readTable(VS_SAMPLE "/cdnow_sample.txt", vs::ReadOptions{});
    if (!r)
        return state.SkipWithError(r.error().message().c_str());
    auto table = std::make_shared<const vs::Table>(std::move(r->table));
    const vs::Project p = predictive({{"customer", "column 2"}, {"date", "column 3"}, {"amount", "column 5"}},
                                     "1997-09-30", "weeks");
    auto data = vs::prepareData(table, p, "CDNOW_sample.txt");
    for (auto _ : state) {
        forgetFits(*data.value());
        auto res = vs::computeAnalysis(data.value(), p);
        if (!res)
            return state.SkipWithError(res.error().message().c_str());
        benchmark::DoNotOptimize(res->value.data());
    }
}
BENCHMARK(BM_CdnowFitAndPredict)->Unit(benchmark::kMillisecond)->UseRealTime();

// All purchase models with their comparison on the holdout (value.purchase_model = auto, or a
// named model: with a holdout the others are fitted for the comparison): the target is 100 ms.
// period: day (BG/NBD, Pareto/NBD, MBG/NBD) or week (BG/BB too); range(1): the model named.
void BM_CdnowAllModelsCompared(benchmark::State &state)
{
    auto r = vs::readTable(VS_SAMPLE "/cdnow_sample.txt", vs::ReadOptions{});
    if (!r)
        return state.SkipWithError(r.error().message().c_str());
    auto table = std::make_shared<const vs::Table>(std::move(r->table));
    vs::Project p = predictive({{"customer", "column 2"}, {"date", "column 3"}, {"amount", "column 5"}},
                               "1997-09-30", "weeks");
    p.value.purchaseModel = state.range(1) ? "bgnbd" : "auto";
    p.value.period = state.range(0) ? "week" : "day";
    auto data = vs::prepareData(table, p, "CDNOW_sample.txt");
    for (auto _ : state) {
        forgetFits(*data.value());
        auto res = vs::computeAnalysis(data.value(), p);
        if (!res)
            return state.SkipWithError(res.error().message().c_str());
        state.counters["models"] = double(res->btyd->models.size());
        benchmark::DoNotOptimize(res->value.data());
    }
}
BENCHMARK(BM_CdnowAllModelsCompared)
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

std::shared_ptr<const vs::Table> tenMillionLines()
{
    static std::shared_ptr<const vs::Table> t = [] {
        const size_t customers = 1'000'000, lines = 10'000'000;
        std::mt19937_64 rng(3);
        std::gamma_distribution<double> rate(0.6, 1.0 / 8); // purchases per week, BG/NBD-like
        std::uniform_real_distribution<double> u(0, 1);
        std::lognormal_distribution<double> price(3, 0.8);
        std::vector<double> id, date, amount;
        id.reserve(lines);
        date.reserve(lines);
        amount.reserve(lines);
        const double start = 18262; // 2020-01-01
        size_t c = 0;
        while (id.size() < lines) {
            const double first = start + std::floor(u(rng) * 540);
            const double lambda = rate(rng) + 0.02;
            double day = first;
            do {
                const int items = 1 + int(u(rng) * 4);
                for (int k = 0; k < items && id.size() < lines; ++k) {
                    id.push_back(double(c % customers));
                    date.push_back(day);
                    amount.push_back(std::round(price(rng) * 100) / 100);
                }
                day += std::ceil(-std::log(1 - u(rng)) / lambda * 7);
            } while (day < start + 730 && u(rng) > 0.08 && id.size() < lines);
            ++c;
        }
        auto tab = std::make_shared<vs::Table>();
        tab->columns.push_back(vs::Column::numberColumn("customer", std::move(id)));
        vs::Column d = vs::Column::numberColumn("date", std::move(date));
        d.type = vs::ColumnType::Date;
        tab->columns.push_back(std::move(d));
        tab->columns.push_back(vs::Column::numberColumn("amount", std::move(amount)));
        return std::shared_ptr<const vs::Table>(std::move(tab));
    }();
    return t;
}

const vs::Project &bigProject()
{
    static vs::Project p = predictive({{"customer", "customer"}, {"date", "date"}, {"amount", "amount"}}, "2021-06-30",
                                      "weeks");
    return p;
}

void BM_GroupTenMillionLines(benchmark::State &state)
{
    auto t = tenMillionLines();
    for (auto _ : state) {
        auto data = vs::prepareData(t, bigProject(), "lines");
        if (!data)
            return state.SkipWithError(data.error().message().c_str());
        state.counters["customers"] = double(data.value()->rowCount());
    }
}
BENCHMARK(BM_GroupTenMillionLines)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_SummaryRfmFitsMillionCustomers(benchmark::State &state)
{
    auto data = vs::prepareData(tenMillionLines(), bigProject(), "lines");
    if (!data)
        return state.SkipWithError(data.error().message().c_str());
    for (auto _ : state) {
        forgetFits(*data.value());
        auto res = vs::computeAnalysis(data.value(), bigProject());
        if (!res)
            return state.SkipWithError(res.error().message().c_str());
        state.counters["r"] = res->btyd->chosenFit()->fit.params[0];
    }
}
BENCHMARK(BM_SummaryRfmFitsMillionCustomers)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// A change of horizon or discount: the fits are reused, the predictions recomputed.
void BM_RepredictMillionCustomers(benchmark::State &state)
{
    auto data = vs::prepareData(tenMillionLines(), bigProject(), "lines");
    vs::Project p = bigProject();
    for (auto _ : state) {
        p.value.horizonMonths = p.value.horizonMonths == 12 ? 24 : 12;
        auto res = vs::computeAnalysis(data.value(), p);
        if (!res)
            return state.SkipWithError(res.error().message().c_str());
        benchmark::DoNotOptimize(res->value.data());
    }
}
BENCHMARK(BM_RepredictMillionCustomers)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

} // namespace

#include "benchmark_main.h"
