#include "table_writer.h"

#include "core/io/atomic_file.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>

namespace vs {

namespace {
std::string lowerExtension(const std::string &path)
{
    std::string e = std::filesystem::path(path).extension().string();
    for (char &c : e)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return e;
}
} // namespace

std::string formulaGuarded(std::string_view text)
{
    return needsFormulaGuard(text) ? "'" + std::string(text) : std::string(text);
}

Status writeTableCsv(const OutputTable &t, const std::string &path)
{
    std::string buf;
    for (size_t c = 0; c < t.header.size(); ++c)
        buf += (c ? "," : "") + csvEscapeText(t.header[c]);
    buf.push_back('\n');
    for (size_t row = 0; row < t.rows; ++row) {
        for (size_t c = 0; c < t.header.size(); ++c) {
            if (c)
                buf.push_back(',');
            const std::string cell = t.text(row, c);
            buf += t.numeric[c] ? cell : csvEscapeText(cell);
        }
        buf.push_back('\n');
    }
    return writeFileAtomically(path, buf);
}

Result<std::unique_ptr<XlsxBook>> XlsxBook::create(const std::string &path)
{
    namespace fs = std::filesystem;
    std::unique_ptr<XlsxBook> book(new XlsxBook);
    std::random_device rd;
    book->m_path = path;
    book->m_temp = (fs::path(path).parent_path() / (".valuescope-" + std::to_string(rd()) + ".xlsx.tmp")).string();
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE; // rows go straight to disk: a million customers in little memory
    book->m_wb = workbook_new_opt(book->m_temp.c_str(), &options);
    if (!book->m_wb)
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeCreated, {}, path);
    book->m_head = workbook_add_format(book->m_wb);
    format_set_bold(book->m_head);
    format_set_bg_color(book->m_head, 0xDDE6F0);
    format_set_bottom(book->m_head, LXW_BORDER_THIN);
    book->m_number = workbook_add_format(book->m_wb);
    format_set_num_format(book->m_number, "#,##0.00");
    return book;
}

XlsxBook::~XlsxBook()
{
    if (m_wb) { // never closed: an error on the way
        workbook_close(m_wb);
        std::remove(m_temp.c_str());
    }
}

lxw_worksheet *XlsxBook::addSheet(const std::string &sheet) { return workbook_add_worksheet(m_wb, sheet.c_str()); }

lxw_worksheet *XlsxBook::addTable(const std::string &sheet, const OutputTable &t, double firstColumnWidth)
{
    lxw_worksheet *ws = addSheet(sheet);
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t c = 0; c < t.header.size(); ++c) {
        worksheet_write_string(ws, 0, lxw_col_t(c), formulaGuarded(t.header[c]).c_str(), m_head);
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), c == 0 ? firstColumnWidth : t.numeric[c] ? 13 : 22, nullptr);
    }
    if (t.rows > 0 && !t.header.empty())
        worksheet_autofilter(ws, 0, 0, lxw_row_t(t.rows), lxw_col_t(t.header.size() - 1));
    for (size_t row = 0; row < t.rows; ++row)
        for (size_t c = 0; c < t.header.size(); ++c) {
            const std::string cell = t.text(row, c);
            if (t.numeric[c]) {
                char *end = nullptr;
                const double v = std::strtod(cell.c_str(), &end);
                if (!cell.empty() && end && *end == 0 && std::isfinite(v))
                    worksheet_write_number(ws, lxw_row_t(row + 1), lxw_col_t(c), v, m_number);
            } else if (!cell.empty()) {
                worksheet_write_string(ws, lxw_row_t(row + 1), lxw_col_t(c), formulaGuarded(cell).c_str(), nullptr);
            }
        }
    return ws;
}

Status XlsxBook::close()
{
    namespace fs = std::filesystem;
    const lxw_error e = workbook_close(m_wb);
    m_wb = nullptr;
    if (e != LXW_NO_ERROR) {
        std::remove(m_temp.c_str());
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeWritten, {lxw_strerror(e)}, m_path);
    }
    std::error_code ec;
    fs::rename(m_temp, m_path, ec);
    if (ec) {
        std::remove(m_temp.c_str());
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeWritten, {ec.message()}, m_path);
    }
    return Ok{};
}

Status writeTableXlsx(const OutputTable &t, const std::string &path, const std::string &sheet)
{
    if (t.rows + 1 > LXW_ROW_MAX)
        return makeError(ErrorKind::Io, Msg::WorksheetTooManyRows, {std::to_string(t.rows)}, path);
    auto book = XlsxBook::create(path);
    if (!book.ok())
        return book.error();
    (*book)->addTable(sheet, t, 18);
    return (*book)->close();
}

Status writeTable(const OutputTable &t, const std::string &path, const std::string &sheet)
{
    const std::string e = lowerExtension(path);
    if (e == ".csv")
        return writeTableCsv(t, path);
    if (e == ".xlsx")
        return writeTableXlsx(t, path, sheet);
    return makeError(ErrorKind::Project, Msg::OutputNotCsvOrXlsx, {}, path);
}

} // namespace vs
