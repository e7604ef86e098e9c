#include "workbook_readers.h"

#include "core/io/budget.h"
#include "core/io/fast_xml.h"
#include "core/io/rows.h"
#include "core/io/sheet_table.h"
#include "core/io/xml_stream.h"
#include "core/io/zip_archive.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>

namespace vs {

double excelSerialToDays(double serial, bool date1904)
{
    if (date1904)
        return serial - 24107.0; // 1904-01-01 is serial 0
    // 1900 system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60)
    return serial < 61 ? serial - 25568.0 : serial - 25569.0;
}

bool isDateFormat(int id, const std::string &code)
{
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    if (code.empty())
        return false;
    bool inQuote = false, inBracket = false;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') { inQuote = !inQuote; continue; }
        if (inQuote) continue;
        if (c == '\\' || c == '_' || c == '*') { ++i; continue; } // escaped / padding character
        if (c == '[') { inBracket = true; continue; }
        if (c == ']') { inBracket = false; continue; }
        if (inBracket) continue;
        switch (std::tolower((unsigned char)c)) {
        case 'd': case 'm': case 'y': case 'h': case 's': return true;
        case 'e': // a year (e, ee) unless it is the exponent of 0.00E+00
            if (i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) {
                ++i;
                break;
            }
            return true;
        case 'g': if (code.compare(i, 7, "General") == 0 || code.compare(i, 7, "general") == 0) i += 6; break;
        }
    }
    return false;
}

namespace {

constexpr int64_t kMaxRowNumber = int64_t(1) << 40; // far past Excel's 1,048,576
constexpr double kExcelLastSerial = 2958466;          // 10000-01-01: Excel's dates end before it

// An integer attribute; the fallback when absent, not a number or out of range.
int intOf(const char *s, int fallback)
{
    int v = fallback;
    if (s && std::from_chars(s, s + std::strlen(s), v).ec != std::errc())
        v = fallback;
    return v;
}

// "AB12" -> column 27 (0-based), row 12
bool parseRef(std::string_view r, int64_t &row, int &col)
{
    int c = 0;
    size_t i = 0;
    while (i < r.size() && r[i] >= 'A' && r[i] <= 'Z' && c <= 16384)
        c = c * 26 + (r[i++] - 'A' + 1);
    if (i == 0)
        return false;
    int64_t rr = 0;
    while (i < r.size() && r[i] >= '0' && r[i] <= '9' && rr <= (int64_t(1) << 40))
        rr = rr * 10 + (r[i++] - '0');
    col = c - 1;
    row = rr;
    return rr > 0 && c > 0 && c <= 16384;
}

struct Workbook {
    struct Sheet { std::string name, target; bool hidden = false, worksheet = true; };
    std::vector<Sheet> sheets;
    bool date1904 = false;
};

Status parseXml(const ZipArchive &zip, const std::string &part, XmlStream &xml, const std::string &file,
                const std::atomic<bool> *cancel = nullptr, const std::function<void(double)> &progress = {})
{
    bool ok = true;
    VS_TRY(zip.stream(part, [&](const char *d, size_t n) { return ok = xml.feed(d, n); }, cancel, progress));
    if (ok)
        ok = xml.feed(nullptr, 0, true);
    if (!ok)
        return within(makeError(ErrorKind::Format, *xml.error(), file), Msg::PartCannotBeReadBecause, {part});
    return Ok{};
}

Result<Workbook> readWorkbook(const ZipArchive &zip, const std::string &file, const std::atomic<bool> *cancel)
{
    Workbook wb;
    struct Rel { std::string target, type; };
    std::map<std::string, Rel> rels;
    {
        XmlStream x;
        x.onStart = [&](std::string_view n, XmlStream::Attrs a) {
            if (n == "Relationship") {
                const char *id = XmlStream::attr(a, "Id"), *target = XmlStream::attr(a, "Target"),
                           *type = XmlStream::attr(a, "Type");
                if (id && target)
                    rels[id] = {target, type ? type : ""};
            }
        };
        if (zip.has("xl/_rels/workbook.xml.rels"))
            if (Status s = parseXml(zip, "xl/_rels/workbook.xml.rels", x, file, cancel); !s)
                return s.error();
    }
    XmlStream x;
    x.onStart = [&](std::string_view n, XmlStream::Attrs a) {
        if (n == "workbookPr") {
            const char *d = XmlStream::attr(a, "date1904");
            wb.date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
        } else if (n == "sheet") {
            Workbook::Sheet s;
            const char *name = XmlStream::attr(a, "name"), *state = XmlStream::attr(a, "state"),
                       *rid = XmlStream::attr(a, "id");
            s.name = name ? name : "";
            s.hidden = state && std::string_view(state) != "visible";
            const Rel rel = rid && rels.count(rid) ? rels[rid] : Rel{};
            std::string target = rel.target;
            // a chart sheet or macro sheet has no cells: not taken unless named
            s.worksheet = rel.type.empty() ? target.find("chartsheets/") == std::string::npos
                                           : rel.type.ends_with("/worksheet");
            if (!target.empty() && target[0] == '/')
                target = target.substr(1);
            else if (!target.empty())
                target = "xl/" + target;
            s.target = target;
            wb.sheets.push_back(s);
        }
    };
    if (Status s = parseXml(zip, "xl/workbook.xml", x, file, cancel); !s)
        return s.error();
    if (wb.sheets.empty())
        return makeError(ErrorKind::Format, Msg::WorkbookNoSheets, {}, file);
    return wb;
}

// Which cell styles show dates.
Result<std::vector<bool>> readDateStyles(const ZipArchive &zip, const std::string &file, const std::atomic<bool> *cancel)
{
    std::vector<bool> dateStyle;
    if (!zip.has("xl/styles.xml"))
        return dateStyle;
    std::map<int, std::string> custom;
    std::vector<int> xfFormats;
    bool inCellXfs = false;
    XmlStream x;
    x.onStart = [&](std::string_view n, XmlStream::Attrs a) {
        if (n == "numFmt") {
            const char *id = XmlStream::attr(a, "numFmtId"), *code = XmlStream::attr(a, "formatCode");
            if (id && code)
                custom[intOf(id, 0)] = code;
        } else if (n == "cellXfs") {
            inCellXfs = true;
        } else if (n == "xf" && inCellXfs) {
            const char *id = XmlStream::attr(a, "numFmtId");
            xfFormats.push_back(intOf(id, 0));
        }
    };
    x.onEnd = [&](std::string_view n) {
        if (n == "cellXfs")
            inCellXfs = false;
    };
    if (Status s = parseXml(zip, "xl/styles.xml", x, file, cancel); !s)
        return s.error();
    for (int id : xfFormats)
        dateStyle.push_back(isDateFormat(id, custom.count(id) ? custom[id] : std::string()));
    return dateStyle;
}

// Streams a part through a FastXmlScanner until the part ends, the scanner has read what it
// stops after, or more() says enough; a malformed part is "WHAT cannot be read: why", WHAT being
// `what` about `name` (Msg::PartCannotBeReadBecause, Msg::SheetCannotBeReadBecause).
template <class Scanner, class More>
Status scanPart(const ZipArchive &zip, const std::string &part, Scanner &x, More more, Msg what,
                const std::string &name, const std::string &file, const std::atomic<bool> *cancel = nullptr,
                const std::function<void(double)> &progress = {}, const std::function<void(size_t)> &fed = {})
{
    bool ok = true;
    Status s = zip.stream(part, [&](const char *d, size_t n) {
        if (fed)
            fed(n);
        ok = x.feed(d, n);
        return ok && !x.done() && more();
    }, cancel, progress);
    if (!s)
        return s;
    if (ok && !x.done() && more())
        ok = x.feed(nullptr, 0, true);
    if (!ok)
        return within(makeError(ErrorKind::Format, *x.error(), file), what, {name});
    return Ok{};
}

// The workbook's shared strings, packed: a sheet of a million distinct ids holds them all, and
// they are kept while the sheet is read. The text is smaller than its XML part, which is at
// most 4 GiB (ZipLimits), so 32-bit offsets do (checked all the same).
using SharedStrings = PackedStrings<uint32_t>;

Result<SharedStrings> readSharedStrings(const ZipArchive &zip, const std::string &file, uint64_t *bytesRead,
                                        const std::atomic<bool> *cancel)
{
    SharedStrings sst;
    const std::string part = "xl/sharedStrings.xml";
    if (!zip.has(part))
        return sst;
    std::string current;
    int depthT = 0;     // inside <t>
    bool inPhonetic = false, tooLarge = false;
    auto onStart = [&](std::string_view n, std::span<const XmlAttr> a) {
        if (n == "sst") {
            long long count = 0;
            const std::string_view c = fastxml::attr(a, "uniqueCount");
            std::from_chars(c.data(), c.data() + c.size(), count);
            // a hint: the room made is at most budget::kReserveBytes (offsets and text)
            count = std::clamp(count, 0LL, (long long)(budget::kReserveBytes / 2 / sizeof(uint32_t)));
            // the text is the part less at least "<si><t></t></si>" per string
            const uint64_t bytes = zip.size(part), markup = 16 * uint64_t(count);
            sst.reserve(size_t(count), size_t(std::min<uint64_t>(bytes > markup ? bytes - markup : 0, budget::kReserveBytes / 2)));
        } else if (n == "si") {
            current.clear();
        } else if (n == "t") {
            ++depthT;
        } else if (n == "rPh") {
            inPhonetic = true; // Japanese reading hints: not part of the text
        }
    };
    auto onEnd = [&](std::string_view n) {
        if (n == "t")
            --depthT;
        else if (n == "rPh")
            inPhonetic = false;
        else if (n == "si") {
            if (sst.textBytes() + current.size() > UINT32_MAX)
                tooLarge = true;
            else
                // trimmed once here, as every cell is (SheetTableBuilder::text): a string of
                // spaces in a million cells is not trimmed a million times
                sst.push_back(trimSpaces(current));
        }
    };
    auto onText = [&](std::string_view t) {
        if (depthT > 0 && !inPhonetic)
            current.append(t);
    };
    FastXmlScanner x(onStart, onEnd, onText, "sst");
    if (Status s = scanPart(zip, part, x, [&] { return !tooLarge; }, Msg::PartCannotBeReadBecause, part, file, cancel,
                            {}, [&](size_t n) { *bytesRead += n; });
        !s)
        return s.error();
    if (tooLarge)
        return makeError(ErrorKind::Format, Msg::SharedStringsTooLarge, {}, file);
    return sst;
}

} // namespace

Result<ReadResult> readXlsxFile(const std::string &path, const ReadOptions &opt)
{
    return readXlsxRows(path, opt, nullptr);
}

Result<ReadResult> readXlsxRows(const std::string &path, const ReadOptions &opt, SheetRowSink *sink)
{
    VS_TRY_ASSIGN(const auto archive, ZipArchive::open(path));
    const ZipArchive &zip = *archive;
    if (!zip.has("xl/workbook.xml"))
        return makeError(ErrorKind::Format, Msg::ZipNotXlsx, {}, path);
    auto wb = readWorkbook(zip, path, opt.cancel);
    if (!wb)
        return wb.error();

    ReadReport rep;
    rep.format = "xlsx";
    rep.encoding = "UTF-8";
    rep.delimiter = 0;
    for (const auto &s : wb->sheets) {
        rep.sheets.push_back(s.name);
        if (s.hidden)
            rep.hiddenSheets.push_back(s.name);
    }
    const Workbook::Sheet *sheet = nullptr;
    for (const auto &s : wb->sheets)
        if (opt.sheet.empty() ? !s.hidden && s.worksheet : s.name == opt.sheet) {
            sheet = &s;
            break;
        }
    if (!sheet && opt.sheet.empty())
        sheet = &wb->sheets.front(); // no visible worksheet: take the first sheet
    if (!sheet) {
        return noSuchSheet(path, opt.sheet, rep.sheets);
    }
    rep.sheet = sheet->name;
    if (sheet->target.empty() || !zip.has(sheet->target))
        return makeError(ErrorKind::Format, Msg::SheetMissing, {sheet->name}, path);
    if (!sheet->worksheet)
        return makeError(ErrorKind::Format, Msg::ChartSheet, {sheet->name}, path);

    auto dateStyles = readDateStyles(zip, path, opt.cancel);
    if (!dateStyles)
        return dateStyles.error();
    uint64_t sharedBytes = 0;
    auto sst = readSharedStrings(zip, path, &sharedBytes, opt.cancel);
    if (!sst)
        return sst.error();

    // Stream the sheet: each cell straight into its column.
    SheetTableBuilder table(path, opt, rep);
    table.setSink(sink);
    table.consumed(sharedBytes); // the text cells may repeat is the file's too
    const uint64_t sheetBytes = zip.size(sheet->target);
    int64_t lastRow = 0;
    int col = -1;
    char type = 'n'; // s shared string, i inline, b bool, e error, t formula text, d ISO date, n number
    std::string value, inlineText;
    int style = 0;
    bool inValue = false, inInline = false, inInlineT = false, inCell = false, inRow = false, wanted = true;
    size_t errorCells = 0, badSharedIndex = 0;
    std::string firstError;

    auto toInt = [](std::string_view v, long long fallback) {
        long long out = fallback;
        std::from_chars(v.data(), v.data() + v.size(), out);
        return out;
    };
    auto onStart = [&](std::string_view n, std::span<const XmlAttr> a) {
        if (n == "c") {
            inCell = true;
            const std::string_view r = fastxml::attr(a, "r");
            int64_t rr;
            int cc;
            if (parseRef(r, rr, cc))
                col = cc;
            else
                ++col;
            const std::string_view t = fastxml::attr(a, "t");
            type = t.empty() || t == "n" ? 'n' : t == "s" ? 's' : t == "inlineStr" ? 'i' : t == "b" ? 'b' : t == "e" ? 'e' : t == "str" ? 't' : t == "d" ? 'd' : 'n';
            style = int(toInt(fastxml::attr(a, "s"), 0));
            value.clear();
            inlineText.clear();
        } else if (n == "v" && inCell) {
            inValue = true;
        } else if (n == "row") {
            // row numbers are kept within Excel's and far beyond, so that counting on never overflows
            const std::string_view r = fastxml::attr(a, "r");
            const int64_t rowNumber = std::clamp<int64_t>(r.empty() ? lastRow + 1 : toInt(r, lastRow + 1), 1, kMaxRowNumber);
            table.startRow(rowNumber);
            lastRow = rowNumber;
            inRow = true;
            col = -1;
        } else if (n == "is" && inCell) {
            inInline = true;
        } else if (n == "t" && inInline) {
            inInlineT = true;
        } else if (n == "dimension") {
            // "A1:H500001": room for the rows once (no more than the sheet's bytes could hold)
            const std::string_view ref = fastxml::attr(a, "ref");
            const size_t colon = ref.find(':');
            int64_t r0 = 0, r1 = 0;
            int c0 = 0, c1 = 0;
            if (colon != std::string_view::npos && parseRef(ref.substr(0, colon), r0, c0) &&
                parseRef(ref.substr(colon + 1), r1, c1) && r1 >= r0)
                table.expectRows(size_t(std::min<uint64_t>(uint64_t(r1 - r0 + 1), sheetBytes / 32)));
        }
    };
    auto onText = [&](std::string_view t) {
        if (inValue)
            value.append(t);
        else if (inInlineT)
            inlineText.append(t);
    };
    auto onEnd = [&](std::string_view n) {
        if (n == "v") {
            inValue = false;
        } else if (n == "c") {
            inCell = false;
            if (col < 0 || col >= 16384 || !inRow)
                return;
            const size_t c = size_t(col);
            switch (type) {
            case 's': {
                const long long idx = toInt(value, -1);
                if (idx >= 0 && size_t(idx) < sst->size())
                    table.text(c, sst->at(size_t(idx)));
                else if (!value.empty())
                    ++badSharedIndex;
                break;
            }
            case 'i': table.text(c, inlineText); break;
            case 'b': table.text(c, value == "1" ? "TRUE" : "FALSE"); break;
            case 'e':
                if (!errorCells++)
                    firstError = value;
                table.text(c, {});
                break;
            case 't':
            case 'd': table.text(c, value); break;
            default: {
                double serial = 0;
                if (value.empty())
                    table.text(c, {});
                else if (size_t(style) < dateStyles->size() && (*dateStyles)[size_t(style)] &&
                         std::from_chars(value.data(), value.data() + value.size(), serial).ec == std::errc() &&
                         serial >= 0 && serial < kExcelLastSerial)
                    table.date(c, excelSerialToDays(serial, wb->date1904)); // Excel shows no date outside these
                else
                    table.numberText(c, value);
            }
            }
        } else if (n == "t") {
            inInlineT = false;
        } else if (n == "is") {
            inInline = false;
        } else if (n == "row") {
            inRow = false;
            wanted = table.endRow();
        }
    };
    auto progress = [&](double p) {
        if (opt.progress)
            opt.progress(0.95 * p);
    };
    FastXmlScanner x(onStart, onEnd, onText, "sheetData");
    if (Status s = scanPart(zip, sheet->target, x, [&] { return wanted; }, Msg::SheetCannotBeReadBecause, sheet->name,
                            path, opt.cancel, progress, [&](size_t n) { table.consumed(n); });
        !s)
        return s.error();
    if (errorCells)
        table.report().warnings.push_back({Msg::ExcelErrorCells, {std::to_string(errorCells), firstError}});
    if (badSharedIndex)
        table.report().warnings.push_back({Msg::MissingSharedStrings, {std::to_string(badSharedIndex)}});
    return table.finish();
}

} // namespace vs
