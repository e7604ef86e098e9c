#pragma once
// What-if: a baseline against the current results of the same customers.
#include "core/analytics/analysis.h"

#include <string>
#include <vector>

namespace vs {

struct ScenarioComparison {
    std::vector<std::string> baselineLabels; // rows of the matrix, then "(none)" for no segment
    std::vector<std::string> currentLabels;  // columns, then "(none)"
    // moved[i][j]: customers in baseline segment i who are now in current segment j
    std::vector<std::vector<size_t>> moved;
    size_t changed = 0; // customers whose segment changed
    struct Shift {
        std::string label;
        size_t baselineCount = 0, currentCount = 0;
        double baselineValue = 0, currentValue = 0; // total value in the segment
    };
    std::vector<Shift> shifts; // per segment label (union of both, current order first)
};

// Both results must come from the same prepared data (the same customers in the same order);
// otherwise customers are matched by id. Results compared with themselves (a baseline just set)
// take time in the number of segments only.
ScenarioComparison compareScenarios(const AnalysisResults &baseline, const AnalysisResults &current);

} // namespace vs
