#pragma once
// Order lines streamed from a CSV file straight into the per-customer-day grouping, without a
// table of all lines: memory grows with customers × purchase days, not with lines. The text is
// cut into chunks at record ends (quoted line breaks respected), the chunks are parsed on every
// core and merged in file order, so that ids keep their order of first appearance and every sum
// is taken in the order of the file: the result is the one of readTable + groupOrderLines.
// Whatever only the table reader decides exactly (an unreadable date or amount, a file that is
// not UTF-8, ids that are numbers written two ways, ...) sends the file back to that path.
#include "core/analytics/analysis.h"
#include "core/analytics/stats.h"
#include "core/analytics/transactions.h"
#include "core/io/read_options.h"

#include <map>
#include <optional>
#include <string>

namespace vs {

struct StreamedOrderLines {
    ReadReport report;
    GroupedLines grouped;
    Table columns;   // the file's columns, named and typed as readTable types them, without rows
    size_t rows = 0; // data rows read
    std::vector<std::pair<std::string, DescriptiveStats>> inputStats; // of the number columns, in order
};

struct StreamOptions {
    size_t chunkBytes = size_t(4) << 20; // text per chunk (tests force tiny chunks)
    unsigned threads = 0;                // parsing threads; 0: one per core
};

// nullopt: not for the stream; read the file as a table and group that (the same result).
// An error: the read was cancelled (Msg::ImportCancelled) or a file that cannot be opened.
// What prepareData gives for the table of the lines (analysis.h, prepareGroupedOrderLines).
Result<std::shared_ptr<const PreparedData>> prepareStreamed(StreamedOrderLines lines, const Project &project,
                                                            const std::string &dataFile);

Result<std::optional<StreamedOrderLines>> streamOrderLines(const std::string &path, const ReadOptions &options,
                                                           const std::map<std::string, std::string> &roles,
                                                           const StreamOptions &stream = {});

// The same for the first (or the chosen) sheet of an XLSX workbook: its rows are grouped as the
// sheet streams in, no table of them is kept (order_sheet.cpp). nullopt: read it as a table.
Result<std::optional<StreamedOrderLines>> streamXlsxOrderLines(const std::string &path, const ReadOptions &options,
                                                               const std::map<std::string, std::string> &roles);

} // namespace vs
