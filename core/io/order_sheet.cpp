// Order lines of an XLSX sheet grouped per customer and day as the sheet's rows stream in
// (order_stream.h, streamXlsxOrderLines): the workbook reader gives each data row to a sink
// instead of a table (SheetRowSink, sheet_table.h), so no column of the sheet is kept.
//
// Every column is typed as the table would type it (SheetColumn and typeTextColumn in
// sheet_table.cpp, typing.cpp), without its cells: a column stays numbers (or dates) while every
// cell is one; from its first text cell (or a date among numbers) it is the text the cells show,
// and that text is a number or date column when every cell of it reads as one. Both outcomes are
// followed as the rows come. What only the table decides exactly (a role column typed otherwise
// than the grouping takes it, dates read in an order the whole column contradicts, ids that are
// numbers written two ways) sends the sheet back to the table reader (nullopt).
#include "order_stream.h"

#include "core/analytics/string_index.h"
#include "core/io/order_store.h"
#include "core/io/sheet_table.h"
#include "core/io/typing.h"
#include "core/io/workbook_readers.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_set>

namespace vs {

namespace {

using namespace orderstore;

// One column's type as the table will give it, followed cell by cell.
struct SheetTyping {
    bool hasNumber = false, hasDate = false, hasText = false;
    // as the text its cells show (once the column is text): numbers, dates?
    bool textNumber = true, textDate = true, textAnyDate = false;
    bool numberTextDiffers = false; // a number cell whose shown text reads back as another number
    DateParseInfo info;
    ColumnStats stats; // of the numbers, as long as the column may be a number column
    std::string shown;

    bool text() const { return hasText || (hasNumber && hasDate); }
    // the table's type: Number, Date or Text
    ColumnType type() const
    {
        if (!text())
            return hasDate ? ColumnType::Date : ColumnType::Number;
        if (textNumber)
            return ColumnType::Number;
        if (textDate && textAnyDate)
            return ColumnType::Date;
        return ColumnType::Text;
    }
    DateOrder order() const
    {
        if (info.slashDayGt12 && !info.slashMonthGt12)
            return DateOrder::DayFirst;
        if (info.slashMonthGt12 && !info.slashDayGt12)
            return DateOrder::MonthFirst;
        return DateOrder::Unknown;
    }
    void add(const SheetCell &c, const NumberFormat &fmt)
    {
        // Fast paths, where the text a cell shows is known to read back as the cell:
        // a number below 1e15 (not -0) is shown by std::to_chars as the shortest text that
        // fast_float reads back to the same double, with no leading zero and at most 15 digits
        // when it has no '.' or exponent: a number, not identifier-like (with '.' as the
        // decimal mark; a date is tried on its text while dates are possible)
        if (c.kind == SheetCellKind::Number && fmt.decimal == '.' && std::fabs(c.value) < 1e15 &&
            !(c.value == 0 && std::signbit(c.value)) && !textDate) {
            hasNumber = true;
            if (textNumber || !text())
                stats.add(c.value);
            return;
        }
        // a date of 1900 to 2200 (the years parseDate takes) is shown as yyyy-mm-dd[ hh:mm[:ss]]: a
        // date (read back as itself, no d/m order in it), never a number
        if (c.kind == SheetCellKind::Date && c.value >= -25567 && c.value < 84371) {
            hasDate = true;
            textNumber = false;
            textAnyDate = true;
            return;
        }
        std::string_view s;
        switch (c.kind) {
        case SheetCellKind::Number:
            hasNumber = true;
            shown = formatNumber(c.value);
            s = shown;
            break;
        case SheetCellKind::Date:
            hasDate = true;
            shown = formatDate(c.value);
            s = shown;
            break;
        case SheetCellKind::Text: hasText = true; s = c.text; break;
        case SheetCellKind::Empty: return;
        }
        if (textNumber) {
            double v;
            const CellParse p = parseNumber(s, fmt, v);
            if (p == CellParse::Invalid || (p == CellParse::Ok && identifierLike(s))) {
                textNumber = false;
            } else if (c.kind != SheetCellKind::Text) {
                // the number column keeps the cell's number; the text column's number reads back
                // the text the cell shows (a date's text that reads as a number: not followed)
                if (c.kind == SheetCellKind::Date || p != CellParse::Ok || std::memcmp(&v, &c.value, sizeof v) != 0)
                    numberTextDiffers = true;
            } else if (p == CellParse::Ok) {
                stats.add(v);
            }
        }
        // the numbers, as long as the column can still be a number column
        if (c.kind == SheetCellKind::Number && (textNumber || !text()))
            stats.add(c.value);
        if (textDate) {
            double d;
            const CellParse p = parseDate(s, DateOrder::Unknown, false, d, &info);
            if (p == CellParse::Invalid)
                textDate = false;
            textAnyDate |= p == CellParse::Ok;
        }
    }
};

class OrderSheetSink final : public SheetRowSink {
public:
    explicit OrderSheetSink(const std::map<std::string, std::string> &roles) : m_roleMap(roles) {}

    bool bad = false; // back to the table reader

    void layout(const std::vector<std::string> &names, const NumberFormat &format) override
    {
        m_names = names;
        m_fmt = format;
        m_typing.assign(names.size(), SheetTyping());
        auto index = [&](const char *role) {
            const std::string name = roleColumn(m_roleMap, role);
            if (name.empty())
                return -1;
            auto it = std::find(names.begin(), names.end(), name);
            return it == names.end() ? -2 : int(it - names.begin());
        };
        m_customer = index("customer");
        m_date = index("date");
        m_amount = index("amount");
        m_quantity = index("quantity");
        m_price = index("unit_price");
        m_invoice = index("invoice");
        for (int c : {m_customer, m_date, m_amount, m_quantity, m_price, m_invoice})
            if (c == -2)
                bad = true; // a role on a column the sheet lacks: the table reader's message
        if (m_customer < 0 || m_date < 0 || (m_amount < 0 && (m_quantity < 0 || m_price < 0)))
            bad = true;
        m_store.emplace(m_invoice >= 0);
    }

    bool row(int64_t line, std::span<const SheetCell> cells) override
    {
        if (bad)
            return false;
        ++rows;
        double amount = kMissing, quantity = kMissing, price = kMissing, day = kMissing;
        std::string_view id, invoice;
        for (const SheetCell &c : cells) {
            m_typing[c.col].add(c, m_fmt);
            const int col = int(c.col);
            if (col == m_amount || col == m_quantity || col == m_price) {
                double v = kMissing;
                if (c.kind == SheetCellKind::Number) {
                    v = c.value;
                } else if (c.kind == SheetCellKind::Text) {
                    const CellParse p = parseNumber(c.text, m_fmt, v);
                    if (p == CellParse::Invalid)
                        return fail(); // the table reader names the cell
                    if (p == CellParse::Missing)
                        v = kMissing;
                } else {
                    return fail();
                }
                (col == m_amount ? amount : col == m_quantity ? quantity : price) = v;
            }
            if (col == m_date) {
                if (c.kind == SheetCellKind::Date) {
                    day = c.value;
                } else if (c.kind == SheetCellKind::Text) {
                    double d;
                    if (isoDay(c.text, d)) {
                        day = d;
                    } else {
                        const CellParse p = parseDate(c.text, DateOrder::Unknown, false, d);
                        if (p == CellParse::Invalid)
                            return fail();
                        if (p == CellParse::Ok) {
                            double dayFirst, monthFirst; // d/m or m/d: which way this cell was read
                            if (parseDate(c.text, DateOrder::DayFirst, false, dayFirst) == CellParse::Ok &&
                                parseDate(c.text, DateOrder::MonthFirst, false, monthFirst) == CellParse::Ok &&
                                dayFirst != monthFirst) {
                                m_readDayFirst |= d == dayFirst;
                                m_readMonthFirst |= d == monthFirst;
                            }
                            day = d;
                        }
                    }
                } else {
                    return fail(); // a number in the date column: the table decides
                }
            }
            if (col == m_customer || col == m_invoice) {
                std::string &buf = col == m_customer ? m_idText : m_invoiceText;
                std::string_view s;
                if (c.kind == SheetCellKind::Text) {
                    s = c.text;
                } else if (c.kind == SheetCellKind::Number && !(c.value == 0 && std::signbit(c.value))) {
                    buf = formatNumber(c.value);
                    s = buf;
                } else {
                    return fail(); // a date as an id, or -0 (a number column tells it from 0)
                }
                (col == m_customer ? id : invoice) = s;
            }
        }
        if (m_amount < 0)
            amount = quantity * price;
        int why = -1;
        if (id.empty())
            why = 0;
        else if (std::isnan(day))
            why = 1;
        else if (std::isnan(amount))
            why = 2;
        if (why >= 0) {
            m_leftOut.add(why, line);
            return true;
        }
        bool isNew = false;
        const uint32_t c = m_ids.insert(id, isNew, [&](std::string_view s) { return m_idArena.keep(s); });
        if (isNew) {
            grouped.ids.push_back(id);
            m_store->addCustomer();
        }
        bool cancelled = amount < 0 || (m_quantity >= 0 && quantity < 0);
        uint32_t inv = UINT32_MAX;
        if (!invoice.empty()) {
            inv = m_invoices.insert(invoice, isNew, [&](std::string_view s) { return m_invoiceArena.keep(s); });
            if (isNew)
                m_invoiceNames.push_back(invoice);
            if (invoice[0] == 'C' || invoice[0] == 'c') {
                cancelled = true; // (only as long as the column is text: checked at the end)
                m_invoiceC = true;
            }
        }
        m_store->add(c, int32_t(std::floor(day)), amount, inv, cancelled);
        return true;
    }

    // After the read: the columns, statistics and warnings; false: back to the table reader.
    bool finish(StreamedOrderLines &out)
    {
        if (bad || !m_store)
            return false;
        out.columns.decimal = m_fmt.decimal;
        out.columns.thousands = m_fmt.thousands;
        DateOrder dateColumnOrder = DateOrder::Unknown;
        for (size_t c = 0; c < m_names.size(); ++c) {
            const SheetTyping &t = m_typing[c];
            const ColumnType type = t.type();
            if (type == ColumnType::Number) {
                if (t.text() && t.numberTextDiffers)
                    return false;
                out.columns.columns.push_back(Column::numberColumn(m_names[c], {}));
                out.inputStats.emplace_back(m_names[c], t.stats.finish());
                continue;
            }
            if (type == ColumnType::Text) {
                out.columns.columns.push_back(Column::textColumn(m_names[c], {}));
                continue;
            }
            Column dc = Column::numberColumn(m_names[c], {});
            dc.type = ColumnType::Date;
            out.columns.columns.push_back(std::move(dc));
            if (t.text() && t.order() != DateOrder::Unknown) {
                out.report.dateOrder = t.order();
                if (int(c) == m_date)
                    dateColumnOrder = t.order();
            }
        }
        auto typeOf = [&](int c) { return c < 0 ? ColumnType::Text : out.columns.columns[size_t(c)].type; };
        for (int c : {m_amount, m_quantity, m_price})
            if (c >= 0 && typeOf(c) != ColumnType::Number)
                return false;
        if (typeOf(m_date) != ColumnType::Date || typeOf(m_customer) == ColumnType::Date ||
            (m_invoice >= 0 && typeOf(m_invoice) == ColumnType::Date))
            return false;
        // a date column read in one order where the table reads the whole column in the other
        if ((dateColumnOrder == DateOrder::DayFirst && m_readMonthFirst) ||
            (dateColumnOrder == DateOrder::MonthFirst && m_readDayFirst))
            return false;
        // ids and invoices in a number column are numbers: "7" and "7.0" are one
        if (typeOf(m_customer) == ColumnType::Number && !orderstore::namesAsNumbers(grouped.ids, m_fmt, true))
            return false;
        if (m_invoice >= 0 && typeOf(m_invoice) == ColumnType::Number &&
            (m_invoiceC || !orderstore::namesAsNumbers(m_invoiceNames, m_fmt, false)))
            return false;
        if (grouped.ids.size() == 0)
            return false; // the table reader's message
        m_leftOut.warn(grouped.warnings);
        grouped.days = m_store->finish();
        if (grouped.days.returnLines)
            grouped.warnings.push_back({Msg::ReturnLines, {std::to_string(grouped.days.returnLines)}});
        out.grouped = std::move(grouped);
        out.rows = rows;
        return true;
    }

    GroupedLines grouped;
    size_t rows = 0;

private:
    bool fail()
    {
        bad = true;
        return false;
    }

    const std::map<std::string, std::string> &m_roleMap;
    std::vector<std::string> m_names;
    NumberFormat m_fmt;
    std::vector<SheetTyping> m_typing;
    int m_customer = -1, m_date = -1, m_amount = -1, m_quantity = -1, m_price = -1, m_invoice = -1;
    std::optional<DayStore> m_store;
    StringIndex m_ids{1 << 16}, m_invoices{1 << 10};
    Arena m_idArena, m_invoiceArena;
    TextData m_invoiceNames;
    std::string m_idText, m_invoiceText;
    LinesLeftOut m_leftOut;
    bool m_readDayFirst = false, m_readMonthFirst = false, m_invoiceC = false;
};

} // namespace

Result<std::optional<StreamedOrderLines>> streamXlsxOrderLines(const std::string &path, const ReadOptions &opt,
                                                               const std::map<std::string, std::string> &roles)
{
    using Out = std::optional<StreamedOrderLines>;
    if (opt.maxRows)
        return Out();
    OrderSheetSink sink(roles);
    auto read = readXlsxRows(path, opt, &sink);
    if (sink.bad)
        return Out();
    if (!read) {
        if (read.error().code == Msg::ImportCancelled && opt.cancel && opt.cancel->load())
            return read.error();
        return Out(); // the table reader says what is wrong with the file
    }
    StreamedOrderLines out;
    out.report = std::move(read->report);
    if (!sink.finish(out))
        return Out();
    if (opt.progress)
        opt.progress(1.0);
    return Out(std::move(out));
}

} // namespace vs
