// Live recompute on a million customers: what happens after every weight edit in the window.
// Build: cmake -DVALUESCOPE_BUILD_BENCHMARKS=ON; run: ./build/bench/bench_core
#include "core/analytics/analysis.h"
#include "core/analytics/binning.h"

#include <benchmark/benchmark.h>

#include <random>

namespace {

struct Fixture {
    std::shared_ptr<const vs::PreparedData> data;
    vs::Project project;
};

const Fixture &million()
{
    static Fixture f = [] {
        const size_t n = 1'000'000;
        std::mt19937_64 rng(1);
        std::lognormal_distribution<double> rev(5, 1);
        std::uniform_real_distribution<double> frac(0.4, 0.9);
        std::uniform_int_distribution<int> q(1, 5);
        auto t = std::make_shared<vs::Table>();
        std::vector<double> revenue(n), cost(n), q1(n), q2(n), q3(n);
        vs::TextData ids;
        for (size_t i = 0; i < n; ++i) {
            revenue[i] = std::round(rev(rng) * 100) / 100;
            cost[i] = std::round(revenue[i] * frac(rng) * 100) / 100;
            q1[i] = q(rng);
            q2[i] = q(rng);
            q3[i] = q(rng);
            ids.push_back("C" + std::to_string(i));
        }
        t->columns.push_back(vs::Column::textColumn("customer_id", std::move(ids)));
        t->columns.push_back(vs::Column::numberColumn("revenue", std::move(revenue)));
        t->columns.push_back(vs::Column::numberColumn("cost", std::move(cost)));
        t->columns.push_back(vs::Column::numberColumn("q_product", std::move(q1)));
        t->columns.push_back(vs::Column::numberColumn("q_service", std::move(q2)));
        t->columns.push_back(vs::Column::numberColumn("q_delivery", std::move(q3)));
        Fixture f;
        f.project.source.columns = {{"customer", "customer_id"}, {"revenue", "revenue"}, {"cost", "cost"}};
        f.project.scores = {{"satisfaction", vs::Normalize::Count, false,
                             {{"q_product", 0.5}, {"q_service", 0.3}, {"q_delivery", 0.2}}}};
        f.data = vs::prepareData(t, f.project, "bench").value();
        return f;
    }();
    return f;
}

// A weight edit with segments by the score: score + quartiles + summary.
void BM_RecomputeScoreSegments(benchmark::State &state)
{
    const Fixture &f = million();
    vs::Project p = f.project;
    p.value.model = "weighted_score";
    p.value.score = "satisfaction";
    double w = 0.3;
    for (auto _ : state) {
        p.scores[0].items[1].weight = (w += 0.001);
        auto r = vs::computeAnalysis(f.data, p, {.statistics = false});
        benchmark::DoNotOptimize(r.value().segments.data());
    }
    state.SetItemsProcessed(state.iterations() * int64_t(f.data->rowCount()));
}
BENCHMARK(BM_RecomputeScoreSegments)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with the descriptive statistics (S8) of value and score, as `valuescope run` computes.
void BM_RecomputeWithStatistics(benchmark::State &state)
{
    const Fixture &f = million();
    vs::Project p = f.project;
    p.value.model = "weighted_score";
    p.value.score = "satisfaction";
    for (auto _ : state) {
        auto r = vs::computeAnalysis(f.data, p);
        benchmark::DoNotOptimize(r.value().stats.data());
    }
}
BENCHMARK(BM_RecomputeWithStatistics)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the window runs after a weight edit: profit value, segments by the edited score, all
// statistics, those of unchanged measures (value, Pareto curve, histogram) taken from before.
void BM_LiveWeightEdit(benchmark::State &state)
{
    const Fixture &f = million();
    vs::Project p = f.project;
    p.segments.by = "satisfaction";
    auto shown = std::make_shared<vs::AnalysisResults>(vs::computeAnalysis(f.data, p).value());
    double w = 0.3;
    for (auto _ : state) {
        p.scores[0].items[1].weight = (w += 0.001);
        auto r = vs::computeAnalysis(f.data, p, {.previous = shown.get()});
        shown = std::make_shared<vs::AnalysisResults>(std::move(r.value()));
    }
}
BENCHMARK(BM_LiveWeightEdit)->Unit(benchmark::kMillisecond)->UseRealTime();

// Profit value + the score + quartiles of value: the bench project of compare-with-pandas.sh.
void BM_RecomputeProfitScoreSegments(benchmark::State &state)
{
    const Fixture &f = million();
    vs::Project p = f.project;
    for (auto _ : state) {
        auto r = vs::computeAnalysis(f.data, p, {.statistics = false});
        benchmark::DoNotOptimize(r.value().segments.data());
    }
}
BENCHMARK(BM_RecomputeProfitScoreSegments)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_QuantileEdges(benchmark::State &state)
{
    const Fixture &f = million();
    const std::vector<double> &v = f.data->table->columns[1].numbers();
    for (auto _ : state)
        benchmark::DoNotOptimize(vs::quantileEdges(v, 4).data());
}
BENCHMARK(BM_QuantileEdges)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

#include "benchmark_main.h"
