#pragma once
// Workbooks: XLSX (streamed with libzip; the sheet and its shared strings by a fast scanner, the
// small parts by expat), legacy XLS (freexl) and ODS (libzip + expat). Each gives its cells to a
// SheetTableBuilder (sheet_table.h), which finds the header and types the columns as CSV does.
#include "core/error.h"
#include "core/io/read_options.h"

#include <string>
#include <string_view>

namespace vs {

Result<ReadResult> readXlsxFile(const std::string &path, const ReadOptions &options);
// The same read with the data rows given to `sink` (sheet_table.h): the report and a table
// without columns. nullptr: readXlsxFile.
class SheetRowSink;
Result<ReadResult> readXlsxRows(const std::string &path, const ReadOptions &options, SheetRowSink *sink);
Result<ReadResult> readOdsFile(const std::string &path, const ReadOptions &options);
// In a separate process: the program started again in its reader mode (helperExecutable(),
// core/process.h), with memory and CPU-time limits; see xls_reader.cpp.
Result<ReadResult> readXlsFile(const std::string &path, const ReadOptions &options);
// The reader mode: `PROGRAM --xls-reader FILE SHEET` (SHEET "" for the first) writes what freexl
// reads to its standard output. main() runs it before anything else.
bool isXlsReaderMode(int argc, char **argv);
int xlsReaderMain(int argc, char **argv);
// What the parent makes of the reader's whole output (for the fuzz harness of that format).
Result<ReadResult> readXlsOutput(std::string_view output, const std::string &path, const ReadOptions &options);

// Excel's serial day number (1900 or 1904 system) as days since 1970-01-01.
double excelSerialToDays(double serial, bool date1904);
// Whether an Excel number format shows a date or time (built-in ids 14-22, 45-47, or a code with d, m, y, h, s).
bool isDateFormat(int numFmtId, const std::string &formatCode);

} // namespace vs
