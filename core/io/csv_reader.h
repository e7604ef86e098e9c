#pragma once
// Delimited text: detection of encoding, delimiter, header row and number format, then a typed table.
#include "core/error.h"
#include "core/io/read_options.h"

#include <string>
#include <string_view>

namespace vs {

Result<ReadResult> readCsvFile(const std::string &path, const ReadOptions &options);
// The same on bytes already in memory (tests, clipboard); fileName is only for messages.
Result<ReadResult> readCsvBytes(std::string_view bytes, const std::string &fileName, const ReadOptions &options);

} // namespace vs
