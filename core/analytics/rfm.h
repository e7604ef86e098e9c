#pragma once
// RFM scores 1-5 (recent = 5) by quintiles as pandas.qcut makes them, by quintiles of the ranks
// when many customers share a value, or as the R package rfm scores; named segments from rules
// (first match wins). The scorings are a vocabulary: core/domain/models.cpp (kRfmScorings).
#include "core/error.h"
#include "core/project/project.h"

#include <array>
#include <span>
#include <string>
#include <vector>

namespace vs {

enum class RfmScoringKind {
    Quantile, // pandas.qcut(x, 5), duplicate edges dropped
    Rank,     // pandas.qcut(x.rank(method="first"), 5)
    RPackage, // the R package rfm (rfm_table_order, 0.1.0-0.3.0): [min, q20 + 1), [q20 + 1, q40 + 1), …,
              // [q80 + 1, max + 1) with R's quantile(type = 7); recency in days
};

struct RfmScores {
    std::vector<int> r, f, m;                   // 1-5 per customer; 0 = no score (no purchase)
    std::array<std::vector<double>, 3> edges;   // recency, frequency, monetary: the bin edges used
    std::array<std::vector<int>, 3> binScores;  // the score each of those bins gives
    RfmScoringKind kind = RfmScoringKind::Quantile;
    std::vector<Diagnostic> warnings;
};

// The scores of one scoring (missing values get 0). Where bins collapse because many customers
// share a value, a warning says which scores are left.
RfmScores scoreRfm(std::span<const double> recency, std::span<const double> frequency,
                   std::span<const double> monetary, RfmScoringKind kind);

// R's quantile(x, p, type = 7) of sorted values, with R's arithmetic: index 1 + (n - 1) p,
// (1 - h) x[lo] + h x[hi] (bit for bit, so that a value on an rfm threshold falls as in R).
double rQuantile7(std::span<const double> sorted, double p);

// The first rule the scores satisfy, or rules.size() ("Others"); -1 for unscored customers.
int matchRfmRule(const std::vector<RfmRule> &rules, int r, int f, int m);

} // namespace vs
