#pragma once
// Quantile and threshold bins exactly as pandas.qcut / pandas.cut compute them.
#include <span>
#include <string>
#include <vector>

namespace vs {

// numpy.quantile(values, q, method="linear") for each q, skipping missing values, with numpy's
// own arithmetic (pandas asks numpy.percentile for q*100, and numpy's lerp turns around at 0.5).
std::vector<double> quantiles(std::span<const double> values, std::span<const double> qs);

// The q-quantile edges pandas.qcut(x, q) uses: numpy.linspace(0, 1, q + 1) through quantiles().
std::vector<double> quantileEdges(std::span<const double> values, int q);

// pandas' _bins_to_cuts with right-closed bins and include_lowest: the bin index of each value
// (0-based), or -1 for a missing value or one outside the edges. Edges must be increasing.
std::vector<int> assignBins(std::span<const double> values, std::span<const double> edges);

struct BinPlan {
    std::vector<double> edges;       // as asked (q + 1 quantile edges, or the given thresholds)
    std::vector<double> uniqueEdges; // duplicates dropped (pandas duplicates="drop")
    // For each remaining bin: which of the asked bins (and so which label) it stands for.
    // Bin 0 keeps the first label; a later bin keeps the label of the one asked-for bin that
    // has the same upper and lower edge.
    std::vector<int> labelIndex;
    bool collapsed() const { return uniqueEdges.size() != edges.size(); }
};

BinPlan planBins(std::vector<double> edges);

} // namespace vs
