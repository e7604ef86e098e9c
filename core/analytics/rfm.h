#pragma once
// RFM scores 1-5 (recent = 5) by quintiles as pandas.qcut makes them, or by quintiles of the
// ranks when many customers share a value; named segments from rules (first match wins).
#include "core/error.h"
#include "core/project/project.h"

#include <array>
#include <span>
#include <string>
#include <vector>

namespace vs {

struct RfmScores {
    std::vector<int> r, f, m;                   // 1-5 per customer; 0 = no score (no purchase)
    std::array<std::vector<double>, 3> edges;   // recency, frequency, monetary: the bin edges used
    std::array<std::vector<int>, 3> binScores;  // the score each of those bins gives
    bool rankBased = false;
    std::vector<Diagnostic> warnings;
};

// Quintiles of the values (pandas.qcut(x, 5), duplicate edges dropped, with a warning that says
// which scores are left), or rankBased: pandas.qcut(x.rank(method="first"), 5).
RfmScores scoreRfm(std::span<const double> recency, std::span<const double> frequency,
                   std::span<const double> monetary, bool rankBased);

// The first rule the scores satisfy, or rules.size() ("Others"); -1 for unscored customers.
int matchRfmRule(const std::vector<RfmRule> &rules, int r, int f, int m);

} // namespace vs
