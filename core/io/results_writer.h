#pragma once
// Output files of a run: the per-customer CSV and the summary JSON (DESIGN.md section 4).
#include "core/analytics/analysis.h"
#include "core/analytics/scenario.h"
#include "core/error.h"

#include <functional>
#include <string>
#include <vector>

namespace vs {

// A text cell as it goes into CSV: cells beginning with = + - @ (or a tab/CR) get a leading '
// so that a spreadsheet does not run them as formulas; quoted when needed.
std::string csvEscapeText(std::string_view text);
bool needsFormulaGuard(std::string_view text);

struct OutputTable {
    std::vector<std::string> header;
    size_t rows = 0;
    // cell(row, col) as text and whether it is a number
    std::function<std::string(size_t, size_t)> text;
    std::vector<bool> numeric;
};

// customer,value,segment,strategy,<scores>,<model columns>; campaigns: campaign,sales,cost,effect,roi
OutputTable resultsTable(const AnalysisResults &r);

Status writeResultsCsv(const AnalysisResults &r, const std::string &path);

// comparison: against the project's baseline, written as "migration" when there is one
std::string summaryJson(const AnalysisResults &r, const Project &p, const ScenarioComparison *comparison = nullptr);

} // namespace vs
