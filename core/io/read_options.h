#pragma once
// Options and findings shared by every reader (CSV now; spreadsheets later).
#include "core/error.h"
#include "core/table/cell_parse.h"
#include "core/table/table.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace vs {

// A setting that is either detected from the file or set by the user (like DuckDB's CSVOption).
template <class T>
struct Detectable {
    T value{};
    bool userSet = false;
    void set(T v) { value = std::move(v); userSet = true; }
};

struct ReadOptions {
    Detectable<std::string> encoding; // iconv name
    Detectable<char> delimiter;       // ',', ';', '\t', '|', ' ' (any run of blanks)
    Detectable<char> decimal;         // '.' or ','
    Detectable<int> headerRow;        // 1-based row of the header; 0 = no header row
    std::string sheet;                // for workbooks
    size_t maxRows = 0;               // 0 = all rows; a preview reads fewer
    size_t rowEstimate = 0;           // how many rows to make room for (readers set it)
    uint64_t textBytes = 0;           // the text the rows come from (readers set it)
    // Text after the header longer than splitBytes is read in `pieces` on every core (0: two a
    // core); tests and the fuzzer cut small texts into several pieces.
    uint64_t splitBytes = uint64_t(4) << 20;
    size_t pieces = 0;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(double)> progress; // 0..1, called from the reading thread
};

struct ReadReport {
    std::string format;    // "csv"
    std::string encoding;  // what was used
    char delimiter = ',';
    char decimal = '.';
    char thousands = ',';
    int headerRow = 1;
    DateOrder dateOrder = DateOrder::Unknown;
    std::vector<std::string> sheets;       // every sheet of a workbook, in order
    std::vector<std::string> hiddenSheets; // those of them that are hidden
    std::string sheet;                     // the sheet that was read
    std::vector<Diagnostic> warnings;
    size_t skippedBlankRows = 0;
};

struct ReadResult {
    Table table;
    ReadReport report;
};

} // namespace vs
