#pragma once
// Any OutputTable (results_writer.h) as CSV or as an Excel sheet: the early-warning call list and
// the pseudonymised results. Both written to a temporary file and renamed.
#include "core/error.h"
#include "core/io/results_writer.h"

#include <string>

namespace vs {

Status writeTableCsv(const OutputTable &t, const std::string &path);
Status writeTableXlsx(const OutputTable &t, const std::string &path, const std::string &sheet);
// By the file's extension (.csv or .xlsx); anything else is Msg::OutputNotCsvOrXlsx.
Status writeTable(const OutputTable &t, const std::string &path, const std::string &sheet);

} // namespace vs
