#pragma once
#include "core/error.h"
#include "core/io/read_options.h"

#include <string>

namespace vs {

// `valuescope inspect`: what the file is and how it reads (format, encoding, delimiter, decimal,
// header_row, sheets, columns [{name, type}], rows, warnings) as JSON.
Result<std::string> inspectJson(const std::string &path, const ReadOptions &options);

} // namespace vs
