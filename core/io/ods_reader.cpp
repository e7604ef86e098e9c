#include "workbook_readers.h"

#include "core/io/budget.h"
#include "core/io/rows.h"
#include "core/io/sheet_table.h"
#include "core/io/xml_stream.h"
#include "core/io/zip_archive.h"
#include "core/io/fast_xml.h"
#include "core/table/cell_parse.h"

#include <charconv>
#include <cstring>
#include <optional>
#include <set>

namespace vs {

namespace {

// A count attribute (number-rows-repeated, number-columns-repeated, text:c) within [lo, hi]; 1
// when absent or not a number.
int64_t countOf(const char *s, int64_t lo, int64_t hi)
{
    int64_t v = 1;
    if (s) {
        const auto [end, ec] = std::from_chars(s, s + std::strlen(s), v);
        if (ec == std::errc::result_out_of_range)
            v = *s == '-' ? lo : hi;
        else if (ec != std::errc())
            v = 1;
    }
    return std::clamp(v, lo, hi);
}

constexpr int64_t kMaxRowNumber = int64_t(1) << 40;             // far past any sheet's last row
constexpr size_t kMaxCellText = fastxml::kMaxToken;             // as for XLSX: 32 MiB
constexpr int64_t kMaxColumns = int64_t(budget::kMaxColumns);

} // namespace

Result<ReadResult> readOdsFile(const std::string &path, const ReadOptions &opt)
{
    VS_TRY_ASSIGN(const auto archive, ZipArchive::open(path));
    const ZipArchive &zip = *archive;
    if (!zip.has("content.xml"))
        return makeError(ErrorKind::Format, Msg::ZipNotOds, {}, path);

    ReadReport rep;
    rep.format = "ods";
    rep.encoding = "UTF-8";
    rep.delimiter = 0;
    // The cells of the row being read (a row may stand for several: number-rows-repeated), a
    // cell repeated across columns (number-columns-repeated) kept once with its count. Repeats
    // are expanded only into the table, where the memory budget bounds them (budget.h).
    struct Cell {
        size_t col;
        size_t repeat;
        bool number;
        std::string text; // the value as written
    };
    std::vector<Cell> row;
    size_t rowWidth = 0;
    uint64_t rowText = 0; // the text of one row, repeats included
    std::optional<SheetTableBuilder> table;
    uint64_t fedBytes = 0;

    std::set<std::string> hiddenTableStyles;
    std::string styleName;
    bool inTable = false, recording = false, recorded = false, inCell = false;
    int textDepth = 0, paragraphs = 0;
    int64_t rowNumber = 0, rowRepeat = 1;
    int64_t colRepeat = 1;
    std::string cellText, cellValue;
    bool cellHasValue = false, cellIsNumber = false;

    XmlStream x;
    x.onStart = [&](std::string_view n, XmlStream::Attrs a) {
        if (n == "style") {
            const char *name = XmlStream::attr(a, "name");
            styleName = name ? name : "";
        } else if (n == "table-properties") {
            const char *display = XmlStream::attr(a, "display");
            if (display && std::string_view(display) == "false")
                hiddenTableStyles.insert(styleName);
        } else if (n == "table" && !inTable) {
            inTable = true;
            const char *name = XmlStream::attr(a, "name");
            const char *style = XmlStream::attr(a, "style-name");
            const std::string sheetName = name ? name : "";
            const bool hidden = style && hiddenTableStyles.count(style);
            rep.sheets.push_back(sheetName);
            if (hidden)
                rep.hiddenSheets.push_back(sheetName);
            recording = !recorded && (opt.sheet.empty() ? !hidden : sheetName == opt.sheet);
            if (recording) {
                rep.sheet = sheetName;
                table.emplace(path, opt, rep);
                table->consumed(fedBytes);
            }
            rowNumber = 0;
        } else if (!recording) {
            return;
        } else if (n == "table-row") {
            rowRepeat = countOf(XmlStream::attr(a, "number-rows-repeated"), 1, kMaxRowNumber);
            row.clear();
            rowWidth = 0;
            rowText = 0;
        } else if (n == "table-cell" || n == "covered-table-cell") {
            inCell = true;
            colRepeat = countOf(XmlStream::attr(a, "number-columns-repeated"), 1, kMaxColumns);
            cellText.clear();
            cellValue.clear();
            paragraphs = 0;
            cellHasValue = cellIsNumber = false;
            const char *type = XmlStream::attr(a, "value-type");
            const std::string_view t = type ? type : "";
            const char *v = nullptr;
            if (t == "float" || t == "percentage" || t == "currency")
                v = XmlStream::attr(a, "value");
            else if (t == "date")
                v = XmlStream::attr(a, "date-value");
            else if (t == "time")
                v = XmlStream::attr(a, "time-value");
            else if (t == "boolean") {
                const char *b = XmlStream::attr(a, "boolean-value");
                v = b && std::string_view(b) == "true" ? "TRUE" : "FALSE";
            }
            if (v) {
                cellValue = v;
                cellHasValue = true;
                cellIsNumber = t == "float" || t == "percentage" || t == "currency";
            }
        } else if (inCell && n == "p") {
            if (paragraphs++)
                cellText.push_back('\n');
            ++textDepth;
        } else if (inCell && n == "s") {
            // text:c spaces, at most 1,000 a time and kMaxCellText in a cell (below)
            cellText.append(size_t(countOf(XmlStream::attr(a, "c"), 1, 1000)), ' ');
            if (cellText.size() > kMaxCellText)
                x.stop({Msg::CellTextTooLong, {std::to_string(kMaxCellText >> 20)}});
        } else if (inCell && n == "tab") {
            cellText.push_back('\t');
        } else if (inCell && n == "line-break") {
            cellText.push_back('\n');
        }
    };
    x.onText = [&](std::string_view t) {
        if (recording && inCell && textDepth > 0) {
            cellText.append(t);
            if (cellText.size() > kMaxCellText)
                x.stop({Msg::CellTextTooLong, {std::to_string(kMaxCellText >> 20)}});
        }
    };
    x.onEnd = [&](std::string_view n) {
        if (n == "table") {
            if (recording)
                recorded = true;
            inTable = recording = false;
            return;
        }
        if (!recording)
            return;
        if (n == "p") {
            --textDepth;
        } else if (n == "table-cell" || n == "covered-table-cell") {
            inCell = false;
            // trimmed once, not once a repeat (a cell of spaces repeated is an empty cell, free)
            const std::string_view text = trimSpaces(cellHasValue ? cellValue : cellText);
            // columns past the last one a sheet can have are not read (nor counted on)
            const size_t repeat = size_t(std::min<int64_t>(colRepeat, std::max<int64_t>(0, kMaxColumns - int64_t(rowWidth))));
            if (!text.empty() && repeat > 0) {
                row.push_back({rowWidth, repeat, cellIsNumber, std::string(text)});
                rowText += uint64_t(text.size()) * repeat;
            }
            rowWidth += repeat; // empty cells (often thousands at a row's end) cost nothing
        } else if (n == "table-row") {
            if (row.empty()) {
                rowNumber = std::min(rowNumber + rowRepeat, kMaxRowNumber); // blank rows, however many, cost nothing
                return;
            }
            // a row repeated is the same cells again: refused at once if they would not fit
            if (rowRepeat > 1 && !table->roomFor(uint64_t(rowRepeat), rowWidth, rowText)) {
                recording = false, recorded = true;
                return;
            }
            for (int64_t i = 0; i < rowRepeat && recording; ++i) {
                rowNumber = std::min(rowNumber + 1, kMaxRowNumber);
                table->startRow(rowNumber);
                for (const Cell &c : row)
                    for (size_t k = 0; k < c.repeat; ++k)
                        c.number ? table->numberText(c.col + k, c.text) : table->text(c.col + k, c.text);
                if (!table->endRow()) // enough rows: the rest is read only for the names of the sheets
                    recording = false, recorded = true;
            }
        }
    };
    bool ok = true;
    auto progress = [&](double p) {
        if (opt.progress)
            opt.progress(0.95 * p);
    };
    VS_TRY(zip.stream("content.xml", [&](const char *d, size_t n) {
        fedBytes += n;
        if (table)
            table->consumed(n);
        ok = x.feed(d, n);
        return ok && !(table && table->failed()); // over the budget: no need to read on
    }, opt.cancel, progress));
    if (table && table->failed())
        return table->finish();
    if (ok)
        ok = x.feed(nullptr, 0, true);
    if (!ok)
        return within(makeError(ErrorKind::Format, *x.error(), path), Msg::OdsContentCannotBeRead);
    if (rep.sheets.empty())
        return makeError(ErrorKind::Format, Msg::SpreadsheetNoSheets, {}, path);
    if (rep.sheet.empty() && !recorded) {
        return noSuchSheet(path, opt.sheet, rep.sheets);
    }
    table->report().sheets = rep.sheets; // every sheet, including those after the one read
    table->report().hiddenSheets = rep.hiddenSheets;
    return table->finish();
}

} // namespace vs
