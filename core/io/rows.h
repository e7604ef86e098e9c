#pragma once
// Rows of text cells -> a typed table. Every reader (CSV, XLSX, XLS, ODS) produces rows; this
// finds the header, names the columns, pads ragged rows and types each column, the same way for all.
#include "core/error.h"
#include "core/io/read_options.h"

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace vs {

struct Record {
    std::vector<std::string_view> fields;
    int64_t line = 0; // spreadsheet row (1-based) where the record starts
    bool blank() const
    {
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
    virtual std::optional<Error> error() const = 0;  // after next() returned false
};

struct RowSourceOptions {
    bool sniffDecimal = true; // text files: find decimal comma; workbooks store numbers with '.'
};

// openCursor is called twice: once for a sample (header, number format), once for all rows.
Result<ReadResult> tableFromRows(const std::function<std::unique_ptr<RowCursor>()> &openCursor,
                                 const std::string &fileName, const ReadOptions &opt, ReadReport report,
                                 const RowSourceOptions &source = {});

class RowStore;
// The last step of every workbook reader: the collected rows of the chosen sheet to a table
// (an empty sheet is an error; progress continues from 60 %).
Result<ReadResult> tableFromStore(const RowStore &store, const std::string &path, const ReadOptions &opt,
                                  const ReadReport &report);
// "the workbook has no sheet named 'X' (it has 'A', 'B')"
Error noSuchSheet(const std::string &path, const std::string &asked, const std::vector<std::string> &sheets);

// A cursor over rows held in memory (workbook readers collect their cells first).
class RowStore {
public:
    void add(int64_t line, std::vector<std::string_view> fields);
    size_t size() const { return m_lines.size(); }
    std::unique_ptr<RowCursor> cursor() const;
    // A copy of cell text (spaces at both ends trimmed) that lives as long as the store.
    std::string_view keep(std::string_view s);
    size_t bytesKept() const { return m_kept; }

private:
    friend class RowStoreCursor;
    std::vector<std::string_view> m_fields;
    std::vector<size_t> m_start;
    std::vector<int64_t> m_lines;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    size_t m_chunkUsed = 0, m_chunkSize = 0, m_kept = 0;
};

} // namespace vs
