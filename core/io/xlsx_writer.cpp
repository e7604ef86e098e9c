#include "xlsx_writer.h"

#include "core/io/results_writer.h"

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

Error xlsxError(const std::string &path, lxw_error e)
{
    return makeError(ErrorKind::Io, Msg::WorkbookCannotBeWritten, {lxw_strerror(e)}, path);
}

} // namespace

Status writeResultsXlsx(const AnalysisResults &r, const std::string &path)
{
    namespace fs = std::filesystem;
    std::random_device rd;
    const std::string temp = (fs::path(path).parent_path() / (".valuescope-" + std::to_string(rd()) + ".xlsx.tmp")).string();
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE; // rows go straight to disk: a million customers in little memory
    options.tmpdir = nullptr;
    lxw_workbook *wb = workbook_new_opt(temp.c_str(), &options);
    if (!wb)
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeCreated, {}, path);

    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xDDE6F0);
    format_set_bottom(head, LXW_BORDER_THIN);
    lxw_format *numberFmt = workbook_add_format(wb);
    format_set_num_format(numberFmt, "#,##0.00");
    lxw_format *percentFmt = workbook_add_format(wb);
    format_set_num_format(percentFmt, "0.0%");

    const OutputTable t = resultsTable(r);
    lxw_worksheet *ws = workbook_add_worksheet(wb, r.layout == Layout::Campaigns ? "Campaigns" : "Customers");
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t c = 0; c < t.header.size(); ++c) {
        worksheet_write_string(ws, 0, lxw_col_t(c), guarded(t.header[c]).c_str(), head);
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), c == 0 ? 14 : t.numeric[c] ? 13 : 22, nullptr);
    }
    if (t.rows > 0)
        worksheet_autofilter(ws, 0, 0, lxw_row_t(t.rows), lxw_col_t(t.header.size() - 1));
    if (t.rows + 1 > LXW_ROW_MAX) {
        workbook_close(wb);
        std::remove(temp.c_str());
        return makeError(ErrorKind::Io, Msg::WorksheetTooManyRows, {std::to_string(t.rows)}, path);
    }
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

    if (r.layout != Layout::Campaigns) {
        lxw_worksheet *seg = workbook_add_worksheet(wb, "Segments");
        const char *cols[] = {"segment", "customers", "total_value", "mean_value", "share_of_value", "strategy"};
        for (int c = 0; c < 6; ++c) {
            worksheet_write_string(seg, 0, lxw_col_t(c), cols[c], head);
            worksheet_set_column(seg, lxw_col_t(c), lxw_col_t(c), c == 5 ? 50 : 16, nullptr);
        }
        worksheet_freeze_panes(seg, 1, 0);
        for (size_t i = 0; i < r.segments.size(); ++i) {
            const SegmentRow &s = r.segments[i];
            const lxw_row_t row = lxw_row_t(i + 1);
            worksheet_write_string(seg, row, 0, guarded(s.label).c_str(), nullptr);
            worksheet_write_number(seg, row, 1, double(s.count), nullptr);
            worksheet_write_number(seg, row, 2, s.totalValue, numberFmt);
            if (!std::isnan(s.meanValue))
                worksheet_write_number(seg, row, 3, s.meanValue, numberFmt);
            if (!std::isnan(s.shareOfValue))
                worksheet_write_number(seg, row, 4, s.shareOfValue, percentFmt);
            worksheet_write_string(seg, row, 5, guarded(s.strategy).c_str(), nullptr);
        }
    }
    const lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        std::remove(temp.c_str());
        return xlsxError(path, e);
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        std::remove(temp.c_str());
        return makeError(ErrorKind::Io, Msg::WorkbookCannotBeWritten, {ec.message()}, path);
    }
    return Ok{};
}

} // namespace vs
