#pragma once
// A worksheet -> a typed table, cell by cell as a workbook reader streams the sheet (XLSX, XLS,
// ODS). Numbers and dates go straight into their columns as doubles and text is packed once, so
// reading a sheet costs little more memory than the table it becomes. The header is found on the
// first rows exactly as for CSV (findLayout in rows.h), and a column is typed by the same rule
// (typing.h): a column that mixes text with numbers is typed from the text of all its cells.
#include "core/error.h"
#include "core/io/read_options.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

class SheetColumn;

// A data row's cell as the builder types it (numberText, date and text as below).
enum class SheetCellKind : uint8_t { Empty, Number, Date, Text };
struct SheetCell {
    uint32_t col;
    SheetCellKind kind;
    double value;          // Number, Date (days since 1970-01-01, to the second)
    std::string_view text; // Text (trimmed, not empty)
};

// Takes the data rows instead of the builder's table: a SheetTableBuilder given a sink keeps no
// columns (order lines grouped as they stream in, order_stream.h). The header and the rows are
// found exactly as for the table.
class SheetRowSink {
public:
    virtual ~SheetRowSink() = default;
    virtual void layout(const std::vector<std::string> &names, const NumberFormat &format) = 0;
    // The cells with a value of one data row (1-based sheet row `line`), within the columns and
    // one per column (the last one given); false: stop reading (finish() then says
    // Msg::ImportCancelled unless the sink knows better).
    virtual bool row(int64_t line, std::span<const SheetCell> cells) = 0;
};

class SheetTableBuilder {
public:
    // report carries what the reader found (format, sheets, sheet, warnings); finish() adds the rest.
    SheetTableBuilder(std::string path, const ReadOptions &opt, ReadReport report);
    // The data rows go to the sink, not into columns: finish() then gives the report and a table
    // without columns. Set before the first row.
    void setSink(SheetRowSink *sink) { m_sink = sink; }
    ~SheetTableBuilder();
    SheetTableBuilder(const SheetTableBuilder &) = delete;
    SheetTableBuilder &operator=(const SheetTableBuilder &) = delete;

    // How many rows the sheet says it has (e.g. an XLSX dimension), to make room once. A hint
    // only: the room made is at most budget::kReserveBytes.
    void expectRows(size_t rows) { m_expectRows = rows; }
    // Bytes of the file read so far (inflated XML, cell records): the memory budget grows with
    // them (budget.h).
    void consumed(uint64_t bytes) { m_input += bytes; }
    // Whether `rows` more rows of `cells` cells (of which `textBytes` text) fit in the budget, for
    // a reader about to repeat a row (ODS); false stops the read with the budget's error.
    bool roomFor(uint64_t rows, uint64_t cells, uint64_t textBytes);

    // The cells of one row, in any order; a cell given twice keeps the last value; a cell past
    // column budget::kMaxColumns is not read. A row not ended ends at the next startRow or at
    // finish().
    void startRow(int64_t line); // 1-based row in the sheet
    void number(size_t col, double value);
    // A number as the workbook wrote it ("12.5", "1E-3"); text if it does not read as one or
    // looks like an identifier (more than 15 digits), as a CSV cell would.
    void numberText(size_t col, std::string_view written);
    void date(size_t col, double days); // days since 1970-01-01; kept to the second
    // Spaces at both ends are trimmed; an empty text is a cell without a value (a row of only such
    // cells counts as a blank row).
    void text(size_t col, std::string_view s);
    // False once no more rows are wanted: a preview has its rows, the import was cancelled, or
    // the sheet would hold more cells than this program can, or more than the memory budget.
    bool endRow();

    ReadReport &report() { return m_report; }
    // Whether the read has stopped for good (an error, cancelled, too large, over the budget);
    // finish() says why.
    bool failed() const { return m_error || m_cancelled || m_tooLarge || m_overBudget; }
    // The table; errors for an empty sheet, a cancelled import or one too large (cells, budget).
    Result<ReadResult> finish();

private:
    using Kind = SheetCellKind;
    struct SampleCell {
        size_t textBegin;
        double value;
        uint32_t col, textSize;
        Kind kind;
    };
    void put(size_t col, Kind kind, double value, std::string_view text);
    void putInColumn(size_t col, Kind kind, double value, std::string_view text);
    bool commitRow(int64_t line, bool extra);
    void putInRow(size_t col, Kind kind, double value, std::string_view text); // for the sink
    Status decideLayout();
    bool stopped() const { return m_error || m_full || m_cancelled || m_tooLarge || m_overBudget || m_sinkStopped; }
    uint64_t held() const; // bytes held for the table so far (budget.h)
    bool checkBudget();    // false (and stopped) once held() is over the budget
    size_t sampleBytes() const;

    std::string m_path;
    ReadOptions m_opt;
    ReadReport m_report;
    size_t m_expectRows = 0;
    uint64_t m_input = 0;     // bytes of the file read so far
    uint64_t m_textBytes = 0; // text held in the columns

    // the current row
    int64_t m_line = 0;
    bool m_rowHasCells = false, m_rowHasValue = false, m_rowHasExtra = false;
    bool m_rowOpen = false; // startRow without its endRow yet

    // until the header is found: the first rows, as given
    bool m_sampling = true;
    std::vector<SampleCell> m_sampleCells;
    std::string m_sampleText;
    std::vector<size_t> m_sampleRowStart;
    std::vector<int64_t> m_sampleLines;
    size_t m_rowStart = 0;
    size_t m_rowWidth = 0;    // of the current row: its last cell with a value + 1
    size_t m_sampleWidths = 0; // the widths of the sample's rows added up (the sample as a grid)

    // after it: the columns
    std::vector<std::string> m_names;
    char m_decimal = '.', m_thousands = ',';
    std::vector<SheetColumn> m_columns;
    size_t m_width = 0; // columns

    // with a sink: the cells of the row being read (text in m_rowText), a cell's index by column
    SheetRowSink *m_sink = nullptr;
    std::vector<SheetCell> m_row;
    std::vector<size_t> m_rowTextAt;
    std::string m_rowText;
    std::vector<uint32_t> m_cellOf, m_cellRow; // index in m_row of a column's cell, the row it is of
    uint32_t m_rowSerial = 0;
    bool m_sinkStopped = false;
    size_t m_rows = 0;
    int64_t m_firstLine = 0;
    bool m_consecutive = true;
    std::vector<int64_t> m_rowNumbers; // only once rows stop being consecutive
    size_t m_blankRows = 0, m_longRows = 0;
    int64_t m_firstLong = 0;
    bool m_cancelled = false, m_tooLarge = false, m_full = false, m_overBudget = false;
    std::optional<Error> m_error;
};

} // namespace vs
