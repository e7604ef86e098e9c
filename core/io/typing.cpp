#include "typing.h"

#include "core/parallel.h"

#include <algorithm>
#include <optional>

namespace vs {

bool identifierLike(std::string_view s)
{
    s = trimSpaces(s);
    if (s.size() >= 2 && s[0] == '0' && s[1] >= '0' && s[1] <= '9')
        return true; // 00123
    if (s.size() <= 15)
        return false; // at most 15 digits
    size_t digits = 0;
    for (char c : s)
        digits += (c >= '0' && c <= '9');
    return digits > 15 && s.find_first_of(".,eE") == std::string_view::npos;
}

namespace {

// Cells is a vector<string_view> or a TextData: size() and at(i).
template <class Cells>
bool tryNumbers(const Cells &cells, const NumberFormat &fmt, std::vector<double> &out)
{
    out.clear();
    const size_t n = cells.size();
    out.reserve(n); // filled as far as the cells are numbers: a text column touches little
    for (size_t i = 0; i < n; ++i) {
        double v;
        const std::string_view cell = cells.at(i);
        switch (parseNumber(cell, fmt, v)) {
        case CellParse::Ok:
            if (identifierLike(cell))
                return false;
            out.push_back(v);
            break;
        case CellParse::Missing: out.push_back(kMissing); break;
        case CellParse::Invalid: return false;
        }
    }
    return true;
}

template <class Cells>
bool tryDates(const Cells &cells, std::vector<double> &out, DateOrder &order)
{
    DateParseInfo info;
    bool any = false;
    const size_t n = cells.size();
    for (size_t i = 0; i < n; ++i) {
        double v;
        switch (parseDate(cells.at(i), DateOrder::Unknown, false, v, &info)) {
        case CellParse::Ok: any = true; break;
        case CellParse::Missing: break;
        case CellParse::Invalid: return false;
        }
    }
    if (!any)
        return false;
    order = DateOrder::Unknown;
    if (info.slashDayGt12 && !info.slashMonthGt12)
        order = DateOrder::DayFirst;
    else if (info.slashMonthGt12 && !info.slashDayGt12)
        order = DateOrder::MonthFirst;
    out.resize(n);
    for (size_t i = 0; i < n; ++i) {
        double v;
        out[i] = parseDate(cells.at(i), order, false, v) == CellParse::Ok ? v : kMissing;
    }
    return true;
}

// A number or date column when the cells allow it; nullopt for text.
template <class Cells>
std::optional<Column> numericColumn(const std::string &name, const Cells &cells, const NumberFormat &fmt,
                                    DateOrder *dateOrder)
{
    std::vector<double> values;
    if (tryNumbers(cells, fmt, values))
        return Column::numberColumn(name, std::move(values));
    DateOrder order;
    if (tryDates(cells, values, order)) {
        Column dc = Column::numberColumn(name, std::move(values));
        dc.type = ColumnType::Date;
        if (dateOrder && order != DateOrder::Unknown)
            *dateOrder = order;
        return dc;
    }
    return std::nullopt;
}

} // namespace

Column typeTextColumn(std::string name, TextData cells, const NumberFormat &fmt, DateOrder *dateOrder)
{
    if (auto c = numericColumn(name, cells, fmt, dateOrder))
        return std::move(*c);
    return Column::textColumn(std::move(name), std::move(cells));
}

Table buildTypedTable(const std::vector<std::string> &names, size_t rows,
                      const std::function<void(size_t, ColumnCells &)> &fillColumn, const NumberFormat &fmt,
                      const std::atomic<bool> *cancel, DateOrder *dateOrder)
{
    (void)rows;
    Table t;
    t.decimal = fmt.decimal;
    t.thousands = fmt.thousands;
    std::vector<std::optional<Column>> typed(names.size());
    std::vector<DateOrder> orders(names.size(), DateOrder::Unknown);
    // the columns on every core, each on its own
    parallelFor(names.size(), [&](size_t c) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;
        ColumnCells col;
        fillColumn(c, col);
        if (auto numeric = numericColumn(names[c], col, fmt, &orders[c])) {
            typed[c] = std::move(*numeric);
            return;
        }
        TextData text;
        size_t bytes = 0;
        for (size_t i = 0; i < col.size(); ++i)
            bytes += col.at(i).size();
        text.reserve(col.size(), bytes);
        for (size_t i = 0; i < col.size(); ++i)
            text.push_back(col.at(i));
        typed[c] = Column::textColumn(names[c], std::move(text));
    });
    t.columns.reserve(names.size());
    for (size_t c = 0; c < names.size() && typed[c]; ++c) {
        t.columns.push_back(std::move(*typed[c]));
        if (dateOrder && orders[c] != DateOrder::Unknown) // the last date column's order, as read in turn
            *dateOrder = orders[c];
    }
    return t;
}

} // namespace vs
