#pragma once
// The per-customer results as an Excel workbook (libxlsxwriter): a formatted, frozen header row
// with an autofilter, number formats, and a second sheet with the segment summary.
#include "core/analytics/analysis.h"
#include "core/error.h"

#include <string>

namespace vs {

// Written to a temporary file beside the target and renamed: a failure leaves no partial file.
// Text cells beginning with = + - @ get a leading ' as in the CSV output.
Status writeResultsXlsx(const AnalysisResults &r, const std::string &path);

} // namespace vs
