#include "workbook_readers.h"

#include "core/io/rows.h"
#include "core/io/sheet_table.h"

#include <freexl.h>

#include <cmath>
#include <memory>

namespace vs {

Result<ReadResult> readXlsFile(const std::string &path, const ReadOptions &opt)
{
    const void *handle = nullptr;
    const int rc = freexl_open(path.c_str(), &handle);
    std::unique_ptr<const void, int (*)(const void *)> guard(handle, freexl_close);
    if (rc != FREEXL_OK || !handle)
        return makeError(ErrorKind::Format, Msg::XlsDamaged, {std::to_string(rc)}, path);
    unsigned int obfuscated = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &obfuscated) == FREEXL_OK && obfuscated == FREEXL_BIFF_OBFUSCATED)
        return makeError(ErrorKind::Format, Msg::XlsPasswordProtected, {}, path);
    unsigned int sheetCount = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &sheetCount) != FREEXL_OK || sheetCount == 0)
        return makeError(ErrorKind::Format, Msg::WorkbookNoSheets, {}, path);
    ReadReport rep;
    rep.format = "xls";
    rep.encoding = "UTF-8";
    rep.delimiter = 0;
    int chosen = -1;
    for (unsigned short i = 0; i < sheetCount; ++i) {
        const char *name = nullptr;
        freexl_get_worksheet_name(handle, i, &name);
        rep.sheets.push_back(name ? name : "");
        if (chosen < 0 && (opt.sheet.empty() || rep.sheets.back() == opt.sheet))
            chosen = i;
    }
    if (chosen < 0) {
        return noSuchSheet(path, opt.sheet, rep.sheets);
    }
    rep.sheet = rep.sheets[size_t(chosen)];
    if (freexl_select_active_worksheet(handle, (unsigned short)chosen) != FREEXL_OK)
        return makeError(ErrorKind::Format, Msg::SheetCannotBeRead, {rep.sheet}, path);
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(handle, &rows, &cols) != FREEXL_OK)
        return makeError(ErrorKind::Format, Msg::SheetCannotBeRead, {rep.sheet}, path);

    SheetTableBuilder table(path, opt, rep);
    table.expectRows(rows);
    for (unsigned int r = 0; r < rows; ++r) {
        table.startRow(int64_t(r) + 1);
        for (unsigned short c = 0; c < cols; ++c) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK)
                continue;
            switch (v.type) {
            case FREEXL_CELL_INT: table.number(c, v.value.int_value); break;
            case FREEXL_CELL_DOUBLE:
                // 1e16 and up are written with more than 15 digits: an identifier, as in a CSV
                if (std::fabs(v.value.double_value) < 1e15)
                    table.number(c, v.value.double_value);
                else
                    table.numberText(c, formatNumber(v.value.double_value));
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                if (v.value.text_value)
                    table.text(c, v.value.text_value);
                break;
            default: break;
            }
        }
        if (!table.endRow())
            break;
        if (opt.cancel && (r & 4095) == 0 && opt.cancel->load(std::memory_order_relaxed))
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, path);
        if (opt.progress && (r & 4095) == 0)
            opt.progress(0.95 * double(r) / double(std::max(1u, rows)));
    }
    return table.finish();
}

} // namespace vs
