// Order lines streamed into the per-customer-day grouping (core/io/order_stream.h): the chunk
// splitting (quoted line breaks), per-chunk parsing on several threads, the merge in file order,
// the date fast paths, the typing of the columns as the table reader types them. Beyond crashes
// it checks the result: whenever the stream takes a file (does not send it back to the table
// reader), its grouping must be the plain one (readTable + groupOrderLines) bit for bit, with the
// same warnings, report, columns and statistics.
// Input: one byte of options (roles: amount, or quantity × price with invoices; chunk size;
// threads; how much is read first; bit 7: an XLSX workbook), then the file. With bit 7 the
// lines (split at line breaks and commas, no quoting) become a sheet whose rows are streamed
// (streamXlsxOrderLines) and checked against the table of the same sheet: a field that is a
// number a number cell, "#N" a date-styled serial N, "@text" a shared string, "!" a boolean,
// anything else an inline string. Seeds: fuzz/corpus/orders (make_corpus.py).
#include "fuzz_util.h"

#include "core/analytics/stats.h"
#include "core/analytics/transactions.h"
#include "core/io/order_stream.h"
#include "core/io/readers.h"

#include <charconv>
#include <cstring>

namespace {

using Roles = std::map<std::string, std::string>;
const Roles kAmountRoles = {{"customer", "customer"}, {"date", "date"}, {"amount", "amount"}};
const Roles kInvoiceRoles = {{"customer", "customer"}, {"date", "date"}, {"quantity", "quantity"},
                             {"unit_price", "price"}, {"invoice", "invoice"}};

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void check(bool ok, const std::string &what)
{
    if (!ok)
        fuzz::fail("the streamed grouping differs from the plain one: " + what);
}

const char *kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";

std::string xmlText(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

std::string workbookOf(std::string_view lines)
{
    std::string sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    std::string sst;
    size_t shared = 0, row = 0;
    while (!lines.empty()) {
        const auto [line, rest] = fuzz::split(lines, "\n");
        lines = rest;
        ++row;
        sheet += "<row r=\"" + std::to_string(row) + "\">";
        std::string_view fields = line;
        for (size_t col = 0;; ++col) {
            const size_t comma = fields.find(',');
            const std::string_view f = fields.substr(0, comma);
            const std::string ref = (col < 26 ? std::string(1, char('A' + col)) : "Z" + std::string(1, char('A' + col % 26))) +
                                    std::to_string(row);
            double v;
            if (f.empty()) {
            } else if (f[0] == '#') {
                sheet += "<c r=\"" + ref + "\" s=\"1\"><v>" + xmlText(f.substr(1)) + "</v></c>";
            } else if (f[0] == '@') {
                sheet += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(shared++) + "</v></c>";
                sst += "<si><t>" + xmlText(f.substr(1)) + "</t></si>";
            } else if (f[0] == '!') {
                sheet += "<c r=\"" + ref + "\" t=\"b\"><v>" + xmlText(f.substr(1)) + "</v></c>";
            } else if (std::from_chars(f.data(), f.data() + f.size(), v).ptr == f.data() + f.size()) {
                sheet += "<c r=\"" + ref + "\"><v>" + std::string(f) + "</v></c>";
            } else {
                sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xmlText(f) + "</t></is></c>";
            }
            if (comma == std::string_view::npos)
                break;
            fields = fields.substr(comma + 1);
        }
        sheet += "</row>";
    }
    sheet += "</sheetData></worksheet>";
    return fuzz::oneSheetXlsx(kStyles, sheet, shared ? "<sst>" + sst + "</sst>" : std::string());
}

void checkStrings(const std::vector<std::string> &a, const std::vector<std::string> &b, const char *what)
{
    check(a.size() == b.size(), std::string(what) + ": " + std::to_string(a.size()) + " against " + std::to_string(b.size()));
    for (size_t i = 0; i < a.size(); ++i)
        check(a[i] == b[i], std::string(what) + ": '" + a[i] + "' against '" + b[i] + "'");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t o = data[0];
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    const Roles &roles = (o & 1) ? kInvoiceRoles : kAmountRoles;
    static const size_t kChunks[8] = {1, 2, 5, 13, 64, 300, 4096, size_t(4) << 20};
    vs::StreamOptions so;
    so.chunkBytes = kChunks[(o >> 1) & 7];
    so.threads = 1 + ((o >> 4) & 1);
    if (so.chunkBytes < 16 && text.size() > 2048)
        so.chunkBytes = 64; // a thread a chunk: a byte a chunk of a long input is only slow
    const bool xlsx = o & 0x80;
    const std::string &path = xlsx ? fuzz::scratchFile(".xlsx") : fuzz::scratchFile(".csv");
    fuzz::writeScratch(path, xlsx ? workbookOf(text) : std::string(text));

    auto streamed = xlsx ? vs::streamXlsxOrderLines(path, vs::ReadOptions{}, roles)
                         : vs::streamOrderLines(path, vs::ReadOptions{}, roles, so);
    if (!streamed) {
        if (streamed.error().code >= vs::Msg::Count)
            fuzz::fail("an error without a code");
        fuzz::fail("the stream failed on a file it can open: " + streamed.error().describe());
    }
    if (!streamed->has_value())
        return 0; // back to the table reader: nothing of the stream's own to check
    const vs::StreamedOrderLines &s = **streamed;

    auto read = vs::readTable(path, vs::ReadOptions{});
    check(read.ok(), "the table reader rejects the file the stream took: " + (read ? std::string() : read.error().describe()));
    fuzz::checkRead(read);
    auto plain = vs::groupOrderLines(read->table, roles, path);
    check(plain.ok(), "the plain grouping fails: " + (plain ? std::string() : plain.error().describe()));

    const vs::GroupedLines &g = s.grouped;
    check(g.ids.size() == plain->ids.size(), "customers " + std::to_string(g.ids.size()) + " against " +
                                                 std::to_string(plain->ids.size()));
    for (size_t i = 0; i < g.ids.size(); ++i)
        check(g.ids.at(i) == plain->ids.at(i), "customer " + std::to_string(i) + " '" + std::string(g.ids.at(i)) +
                                                   "' against '" + std::string(plain->ids.at(i)) + "'");
    const vs::CustomerDays &a = g.days, &b = plain->days;
    check(a.offset == b.offset, "days per customer");
    check(a.day == b.day, "days");
    check(a.orders == b.orders, "orders a day");
    check(a.net.size() == b.net.size(), "sums");
    for (size_t k = 0; k < a.net.size(); ++k)
        check(sameBits(a.net[k], b.net[k]), "net of day " + std::to_string(k));
    check(a.firstDay == b.firstDay && a.lastDay == b.lastDay, "first or last day");
    check(a.lines == b.lines && a.returnLines == b.returnLines, "lines");
    checkStrings(vs::describeAll(g.warnings), vs::describeAll(plain->warnings), "grouping warnings");
    checkStrings(vs::describeAll(s.report.warnings), vs::describeAll(read->report.warnings), "read warnings");
    check(s.report.skippedBlankRows == read->report.skippedBlankRows, "blank rows");
    check(s.report.headerRow == read->report.headerRow, "header row");
    check(s.report.delimiter == read->report.delimiter, "delimiter");
    check(s.report.dateOrder == read->report.dateOrder, "date order");
    check(s.rows == read->table.rowCount(), "rows");
    check(s.columns.columns.size() == read->table.columns.size(), "columns");
    for (size_t c = 0; c < s.columns.columns.size(); ++c) {
        check(s.columns.columns[c].name == read->table.columns[c].name, "column name " + std::to_string(c));
        check(s.columns.columns[c].type == read->table.columns[c].type, "column type " + std::to_string(c));
    }
    std::vector<std::pair<std::string, vs::DescriptiveStats>> stats;
    for (const vs::Column &c : read->table.columns)
        if (c.type == vs::ColumnType::Number)
            stats.emplace_back(c.name, vs::describe(c.numbers()));
    check(s.inputStats.size() == stats.size(), "number columns");
    for (size_t i = 0; i < stats.size(); ++i) {
        const vs::DescriptiveStats &x = s.inputStats[i].second, &y = stats[i].second;
        check(s.inputStats[i].first == stats[i].first && x.count == y.count, "statistics of " + stats[i].first);
        for (auto [u, v] : {std::pair{x.sum, y.sum}, {x.mean, y.mean}, {x.median, y.median}, {x.min, y.min},
                            {x.max, y.max}, {x.variance, y.variance}})
            check(sameBits(u, v), "statistics of " + stats[i].first);
    }
    return 0;
}
