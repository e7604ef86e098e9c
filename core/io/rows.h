#pragma once
// Rows of text cells -> a typed table. The CSV reader gives rows of text (tableFromRows, which
// pads ragged rows and types each column); the workbook readers give typed cells (sheet_table.h).
// Both find the header and name the columns the same way (findLayout).
#include "core/error.h"
#include "core/io/read_options.h"

#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace vs {

struct Record {
    std::vector<std::string_view> fields; // at most budget::kMaxColumns
    int64_t line = 0;        // spreadsheet row (1-based) where the record starts
    bool dataBeyond = false; // a field past budget::kMaxColumns holds something (not kept)
    bool blank() const
    {
        if (dataBeyond)
            return false;
        for (std::string_view f : fields)
            if (!f.empty())
                return false;
        return true;
    }
};

// One pass over the rows of a file. The cell views stay valid for the life of the cursor.
class RowCursor {
public:
    virtual ~RowCursor() = default;
    virtual bool next(Record &rec) = 0;
    virtual double progress() const = 0;             // 0..1 of the pass
    virtual uint64_t bytesRead() const = 0;          // of the text, for the memory budget
    virtual std::optional<Error> error() const = 0;  // after next() returned false
    virtual int64_t line() const = 0;                // the line the next record starts on

    // The rows not read yet as up to `parts` cursors over consecutive pieces of the text, each
    // starting after a line break and numbering its lines from 0, so that they can be read on
    // every core (tableFromRows); none when this cursor cannot be cut (then read on with it).
    struct Piece {
        std::unique_ptr<RowCursor> cursor;
        uint64_t startByte = 0; // where the piece starts in the text
    };
    virtual std::vector<Piece> splitRest(size_t /*parts*/) { return {}; }
    // The text most cells are views of (tableFromRows keeps their places in it), if there is one.
    virtual std::string_view text() const { return {}; }
};

// The line feeds in a text (memchr: a few GB/s).
inline size_t countLineFeeds(std::string_view text)
{
    size_t n = 0;
    for (const char *p = text.data(), *end = p + text.size();
         (p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)))) != nullptr; ++p)
        ++n;
    return n;
}

// What tableFromRows holds a row of this many columns in, for the memory budget (the order-line
// stream counts with it too, to turn down the files the table reader would).
inline size_t heldRowBytes(size_t columns) { return columns * sizeof(uint64_t) + sizeof(int64_t); }

// openCursor is called twice: once for a sample (header, number format), once for all rows.
Result<ReadResult> tableFromRows(const std::function<std::unique_ptr<RowCursor>()> &openCursor,
                                 const std::string &fileName, const ReadOptions &opt, ReadReport report);

// The first rows of a file as text, for finding the header and how numbers are written.
struct SampleRow {
    std::span<const std::string_view> fields;
    int64_t line = 0;
};

// Where the data start and what the columns are called, found on a sample of the first rows.
struct TableLayout {
    size_t firstData = 0; // index in the sample of the first data row (after the header)
    std::vector<std::string> names;
    NumberFormat format;
};

struct LayoutRules {
    bool sniffDecimal = true;     // text files: find a decimal comma; workbooks store numbers with '.'
    bool columnsFromData = false; // sheets: keep data columns past the header's last name ("column N")
};

// Decides the header row (or none), names the columns (unique, "column N" for blank names) and
// the decimal mark; fills report's headerRow, decimal and warnings.
Result<TableLayout> findLayout(std::span<const SampleRow> sample, const std::string &fileName,
                               const ReadOptions &opt, ReadReport &report, const LayoutRules &rules);

// "N row(s) have more fields than the header (first: row R); the extra fields were ignored"
Diagnostic extraFieldsWarning(size_t rows, int64_t firstRow);

// The rows of a read that do not fit the header, counted as they come (in a piece of the text, a
// chunk of order lines) and put together in file order: blank rows, short rows (padded), rows
// whose extra fields hold something, rows with data past the last column a sheet can have; each
// with the line of the first.
struct RowShapes {
    size_t blank = 0, shortRows = 0, longRows = 0, cutRows = 0;
    int64_t firstShort = 0, firstLong = 0, firstCut = 0;
    void cut(const Record &r) // data past the last column
    {
        if (r.dataBeyond && !cutRows++)
            firstCut = r.line;
    }
    void fields(const Record &r, size_t columns); // fewer fields than columns, or more
    void add(const RowShapes &later, int64_t base); // a later part's, its lines counted from base
    void report(ReadReport &rep) const;              // the blank rows and the warnings
};

// "the workbook has no sheet named 'X' (it has 'A', 'B')"
Error noSuchSheet(const std::string &path, const std::string &asked, const std::vector<std::string> &sheets);

} // namespace vs
