#include "table.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace vs {

const char *columnTypeName(ColumnType t)
{
    switch (t) {
    case ColumnType::Number: return "number";
    case ColumnType::Date: return "date";
    case ColumnType::Text: return "text";
    }
    return "text";
}

size_t Column::size() const
{
    return data.index() == 0 ? numbers().size() : texts().size();
}

std::string Column::cellText(size_t row) const
{
    switch (type) {
    case ColumnType::Number: return formatNumber(numbers()[row]);
    case ColumnType::Date: return formatDate(numbers()[row]);
    case ColumnType::Text: return std::string(texts().at(row));
    }
    return {};
}

bool Column::cellMissing(size_t row) const
{
    if (type == ColumnType::Text)
        return texts().at(row).empty();
    return isMissing(numbers()[row]);
}

Column Column::numberColumn(std::string name, std::vector<double> values)
{
    Column c;
    c.name = std::move(name);
    c.type = ColumnType::Number;
    c.data = std::move(values);
    return c;
}

Column Column::textColumn(std::string name, TextData values)
{
    Column c;
    c.name = std::move(name);
    c.type = ColumnType::Text;
    c.data = std::move(values);
    return c;
}

const Column *Table::find(std::string_view name) const
{
    int i = indexOf(name);
    return i < 0 ? nullptr : &columns[size_t(i)];
}

int Table::indexOf(std::string_view name) const
{
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name)
            return int(i);
    return -1;
}

size_t Table::byteSize() const
{
    size_t total = rowNumbers.capacity() * sizeof(int64_t);
    for (const Column &c : columns)
        total += c.data.index() == 0 ? c.numbers().capacity() * sizeof(double) : c.texts().byteSize();
    return total;
}

size_t formatNumberTo(char *buf, double v)
{
    if (std::isnan(v))
        return 0;
    if (v == 0) {
        buf[0] = '0'; // also for -0
        return 1;
    }
    // as Python's repr: positional from 1e-4 up to the 15 digits a number column holds (an id
    // 100000 is "100000", not "1e+05", the shortest text), else with an exponent
    const double a = std::fabs(v);
    // a whole number (a count, a score, a day; most numbers of an RFM file): its digits, as the
    // shortest form has them, without the search for the shortest digits
    if (a >= 1 && a < 1e15 && v == std::trunc(v)) {
        const auto [end, ec] = std::to_chars(buf, buf + kNumberTextMax, int64_t(v));
        return ec == std::errc() ? size_t(end - buf) : 0;
    }
    const auto [end, ec] = a >= 1e-4 && a < 1e15 ? std::to_chars(buf, buf + kNumberTextMax, v, std::chars_format::fixed)
                                                 : std::to_chars(buf, buf + kNumberTextMax, v);
    return ec == std::errc() ? size_t(end - buf) : 0;
}

std::string formatNumber(double v)
{
    char buf[kNumberTextMax];
    return std::string(buf, formatNumberTo(buf, v));
}

std::string formatDate(double days)
{
    if (std::isnan(days))
        return {};
    // past the years a calendar date can show (±32,767): the number of days, as it is
    if (!(std::fabs(days) < 11'000'000.0))
        return formatNumber(days);
    using namespace std::chrono;
    const double whole = std::floor(days);
    const sys_days d{std::chrono::days{int64_t(whole)}};
    const year_month_day ymd{d};
    char buf[40];
    int n;
    const int y = int(ymd.year());
    if (y >= 0 && y <= 9999) { // "%04d-%02u-%02u" without printf (a million dates in a results file)
        const unsigned m = unsigned(ymd.month()), dd = unsigned(ymd.day());
        const char digits[10] = {char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                                 char('0' + m / 10), char('0' + m % 10), '-', char('0' + dd / 10), char('0' + dd % 10)};
        std::memcpy(buf, digits, 10);
        buf[10] = '\0';
        n = 10;
    } else {
        n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, unsigned(ymd.month()), unsigned(ymd.day()));
    }
    const long secs = std::lround((days - whole) * 86400.0);
    if (secs > 0 && secs < 86400)
        std::snprintf(buf + n, sizeof buf - size_t(n), " %02ld:%02ld:%02ld", secs / 3600, (secs / 60) % 60,
                      secs % 60);
    return buf;
}

} // namespace vs
