#include "xlsx_writer.h"

#include "core/io/results_writer.h"
#include "core/io/table_writer.h"

#include <xlsxwriter.h>

#include <cmath>

namespace vs {

Status writeResultsXlsx(const AnalysisResults &r, const std::string &path)
{
    const OutputTable t = resultsTable(r);
    if (t.rows + 1 > LXW_ROW_MAX)
        return makeError(ErrorKind::Io, Msg::WorksheetTooManyRows, {std::to_string(t.rows)}, path);
    auto created = XlsxBook::create(path);
    if (!created.ok())
        return created.error();
    XlsxBook &book = **created;
    book.addTable(r.layout == Layout::Campaigns ? "Campaigns" : "Customers", t, 14);

    if (r.layout != Layout::Campaigns) {
        lxw_format *percentFmt = workbook_add_format(book.workbook());
        format_set_num_format(percentFmt, "0.0%");
        lxw_worksheet *seg = book.addSheet("Segments");
        const char *cols[] = {"segment", "customers", "total_value", "mean_value", "share_of_value", "strategy"};
        for (int c = 0; c < 6; ++c) {
            worksheet_write_string(seg, 0, lxw_col_t(c), cols[c], book.headFormat());
            worksheet_set_column(seg, lxw_col_t(c), lxw_col_t(c), c == 5 ? 50 : 16, nullptr);
        }
        worksheet_freeze_panes(seg, 1, 0);
        for (size_t i = 0; i < r.segments.size(); ++i) {
            const SegmentRow &s = r.segments[i];
            const lxw_row_t row = lxw_row_t(i + 1);
            worksheet_write_string(seg, row, 0, formulaGuarded(s.label).c_str(), nullptr);
            worksheet_write_number(seg, row, 1, double(s.count), nullptr);
            worksheet_write_number(seg, row, 2, s.totalValue, book.numberFormat());
            if (!std::isnan(s.meanValue))
                worksheet_write_number(seg, row, 3, s.meanValue, book.numberFormat());
            if (!std::isnan(s.shareOfValue))
                worksheet_write_number(seg, row, 4, s.shareOfValue, percentFmt);
            worksheet_write_string(seg, row, 5, formulaGuarded(s.strategy).c_str(), nullptr);
        }
    }
    return book.close();
}

} // namespace vs
