#include "workbook_readers.h"

#include "core/io/rows.h"
#include "core/io/sheet_table.h"
#include "core/io/xml_stream.h"
#include "core/io/zip_archive.h"

#include <optional>
#include <set>

namespace vs {

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
    // The cells of the row being read (a row may stand for several: number-rows-repeated).
    struct Cell {
        size_t col;
        bool number;
        std::string text; // the value as written
    };
    std::vector<Cell> row;
    size_t rowWidth = 0;
    std::optional<SheetTableBuilder> table;

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
            }
            rowNumber = 0;
        } else if (!recording) {
            return;
        } else if (n == "table-row") {
            const char *rep_ = XmlStream::attr(a, "number-rows-repeated");
            rowRepeat = rep_ ? std::max(1LL, std::atoll(rep_)) : 1;
            row.clear();
            rowWidth = 0;
        } else if (n == "table-cell" || n == "covered-table-cell") {
            inCell = true;
            const char *rep_ = XmlStream::attr(a, "number-columns-repeated");
            colRepeat = rep_ ? std::clamp(std::atoll(rep_), 1LL, 16384LL) : 1;
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
            const char *c = XmlStream::attr(a, "c");
            cellText.append(size_t(c ? std::clamp(std::atoi(c), 1, 1000) : 1), ' ');
        } else if (inCell && n == "tab") {
            cellText.push_back('\t');
        } else if (inCell && n == "line-break") {
            cellText.push_back('\n');
        }
    };
    x.onText = [&](std::string_view t) {
        if (recording && inCell && textDepth > 0)
            cellText.append(t);
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
            const std::string &text = cellHasValue ? cellValue : cellText;
            if (text.empty()) {
                rowWidth += size_t(colRepeat); // empty cells (often thousands at a row's end)
                return;
            }
            for (int64_t i = 0; i < colRepeat; ++i)
                row.push_back({rowWidth++, cellIsNumber, text});
        } else if (n == "table-row") {
            if (row.empty()) {
                rowNumber += rowRepeat; // blank rows, however many, cost nothing
                return;
            }
            for (int64_t i = 0; i < rowRepeat && recording; ++i) {
                table->startRow(++rowNumber);
                for (const Cell &c : row)
                    c.number ? table->numberText(c.col, c.text) : table->text(c.col, c.text);
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
    VS_TRY(zip.stream("content.xml", [&](const char *d, size_t n) { return ok = x.feed(d, n); }, opt.cancel, progress));
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
