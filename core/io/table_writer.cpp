#include "table_writer.h"

#include "core/io/atomic_file.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>

namespace vs {

namespace {
std::string guarded(std::string_view text)
{
    return needsFormulaGuard(text) ? "'" + std::string(text) : std::string(text);
}
std::string lowerExtension(const std::string &path)
{
    std::string e = std::filesystem::path(path).extension().string();
    for (char &c : e)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return e;
}
} // namespace

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

Status writeTableXlsx(const OutputTable &t, const std::string &path, const std::string &sheet)
{
    namespace fs = std::filesystem;
    if (t.rows + 1 > LXW_ROW_MAX)
        return makeError(ErrorKind::Io, Msg::WorksheetTooManyRows, {std::to_string(t.rows)}, path);
    std::random_device rd;
    const std::string temp = (fs::path(path).parent_path() / (".valuescope-" + std::to_string(rd()) + ".xlsx.tmp")).string();
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    lxw_workbook *wb = workbook_new_opt(temp.c_str(), &options);
    if (!wb)
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeCreated, {}, path);
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xDDE6F0);
    format_set_bottom(head, LXW_BORDER_THIN);
    lxw_format *numberFmt = workbook_add_format(wb);
    format_set_num_format(numberFmt, "#,##0.00");
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheet.c_str());
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t c = 0; c < t.header.size(); ++c) {
        worksheet_write_string(ws, 0, lxw_col_t(c), guarded(t.header[c]).c_str(), head);
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), c == 0 ? 18 : t.numeric[c] ? 13 : 22, nullptr);
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
                    worksheet_write_number(ws, lxw_row_t(row + 1), lxw_col_t(c), v, numberFmt);
            } else if (!cell.empty()) {
                worksheet_write_string(ws, lxw_row_t(row + 1), lxw_col_t(c), guarded(cell).c_str(), nullptr);
            }
        }
    const lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        std::remove(temp.c_str());
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeWritten, {lxw_strerror(e)}, path);
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        std::remove(temp.c_str());
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeWritten, {ec.message()}, path);
    }
    return Ok{};
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
