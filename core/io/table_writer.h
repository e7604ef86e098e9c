#pragma once
// Any OutputTable (results_writer.h) as CSV or as an Excel sheet: the early-warning call list and
// the pseudonymised results. Both written to a temporary file and renamed.
#include "core/error.h"
#include "core/io/results_writer.h"

#include <memory>
#include <string>
#include <string_view>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace vs {

// An Excel workbook written row by row (constant memory) to a temporary file beside `path`, which
// close() renames over `path`; a workbook never closed leaves nothing behind but that file,
// which the destructor removes.
class XlsxBook {
public:
    static Result<std::unique_ptr<XlsxBook>> create(const std::string &path);
    ~XlsxBook();
    XlsxBook(const XlsxBook &) = delete;
    XlsxBook &operator=(const XlsxBook &) = delete;

    // A sheet holding the table: a bold header row, frozen, with a filter; numbers as numbers.
    lxw_worksheet *addTable(const std::string &sheet, const OutputTable &t, double firstColumnWidth);
    lxw_worksheet *addSheet(const std::string &sheet);
    lxw_workbook *workbook() const { return m_wb; }
    lxw_format *headFormat() const { return m_head; }
    lxw_format *numberFormat() const { return m_number; } // #,##0.00
    Status close();

private:
    XlsxBook() = default;
    lxw_workbook *m_wb = nullptr;
    lxw_format *m_head = nullptr, *m_number = nullptr;
    std::string m_path, m_temp;
};
// Text a spreadsheet would take for a formula ("=…", "+…") starts with an apostrophe.
std::string formulaGuarded(std::string_view text);

Status writeTableCsv(const OutputTable &t, const std::string &path);
Status writeTableXlsx(const OutputTable &t, const std::string &path, const std::string &sheet);
// By the file's extension (.csv or .xlsx); anything else is Msg::OutputNotCsvOrXlsx.
Status writeTable(const OutputTable &t, const std::string &path, const std::string &sheet);

} // namespace vs
