#pragma once
// What the harnesses share: a scratch file to hand bytes to readers that open a path, a small zip
// writer (stored entries) for the structure-aware harnesses, and the checks every read must pass.
#include "core/io/read_options.h"
#include "core/table/table.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuzz {

// One file per process and extension (a harness runs one input at a time), rewritten for every input. A real
// file, not a memfd: the .xls reader's child process opens it by its name.
const std::string &scratchFile(const char *extension);
void writeScratch(const std::string &path, std::string_view bytes);

// A zip archive of stored (uncompressed) entries.
std::string zipOf(const std::vector<std::pair<std::string, std::string>> &entries);
// A workbook of one sheet "Data" with these styles and sheet XML, and a shared-string table
// when `sharedStrings` is not empty (the harnesses of the sheet reader and the order stream).
std::string oneSheetXlsx(const std::string &styles, const std::string &sheet, const std::string &sharedStrings);

// Splits the input at the first `separator` (the whole input and "" if there is none).
std::pair<std::string_view, std::string_view> split(std::string_view data, std::string_view separator);

// A read that succeeded must give a table a user can be shown: every column as long as the
// table, and the JSON `inspect` writes (strict UTF-8: invalid text aborts) buildable from it.
void checkRead(const vs::Result<vs::ReadResult> &r);
// Two reads of the same bytes give the same table (bit for bit) and report, or the same error.
void checkSameRead(const vs::Result<vs::ReadResult> &a, const vs::Result<vs::ReadResult> &b);

// Aborts with the message: libFuzzer (and the replay runner) report it with the input.
[[noreturn]] void fail(const std::string &why);

} // namespace fuzz
