#include "cell_parse.h"

#include <fast_float/fast_float.h>

#include <array>
#include <cctype>
#include <cmath>
#include <chrono>
#include <cstring>

namespace vs {

namespace {

bool isSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Strips ASCII spaces and the UTF-8 no-break spaces U+00A0, U+202F, U+3000 at both ends.
std::string_view trimAll(std::string_view s)
{
    if (!s.empty()) { // most cells: ASCII at both ends, not a space (the no-break spaces are not ASCII)
        const unsigned char f = (unsigned char)s.front(), b = (unsigned char)s.back();
        if (f < 0x80 && b < 0x80 && !isSpaceByte(f) && !isSpaceByte(b))
            return s;
    }
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        if (isSpaceByte((unsigned char)s.front())) { s.remove_prefix(1); changed = true; continue; }
        if (isSpaceByte((unsigned char)s.back())) { s.remove_suffix(1); changed = true; continue; }
        for (std::string_view sp : {std::string_view("\xC2\xA0"), std::string_view("\xE2\x80\xAF"),
                                    std::string_view("\xE3\x80\x80")}) {
            if (s.size() >= sp.size() && s.substr(0, sp.size()) == sp) { s.remove_prefix(sp.size()); changed = true; }
            if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) { s.remove_suffix(sp.size()); changed = true; }
        }
    }
    return s;
}

bool startsWithI(std::string_view s, std::string_view p)
{
    if (s.size() < p.size())
        return false;
    for (size_t i = 0; i < p.size(); ++i)
        if (std::tolower((unsigned char)s[i]) != std::tolower((unsigned char)p[i]))
            return false;
    return true;
}
bool endsWithI(std::string_view s, std::string_view p)
{
    return s.size() >= p.size() && startsWithI(s.substr(s.size() - p.size()), p);
}

constexpr std::array<std::string_view, 13> kCurrency = {
    "$", "\xE2\x82\xAC" /*€*/, "\xC2\xA3" /*£*/, "\xC2\xA5" /*¥*/, "\xEF\xBF\xA5" /*￥*/,
    "\xE5\x85\x83" /*元*/, "RMB", "CNY", "USD", "EUR", "GBP", "US$", "HK$"};

bool stripCurrency(std::string_view &s)
{
    bool stripped = false;
    for (bool again = true; again;) {
        again = false;
        for (std::string_view c : kCurrency) {
            if (startsWithI(s, c)) { s.remove_prefix(c.size()); s = trimAll(s); again = stripped = true; }
            if (endsWithI(s, c)) { s.remove_suffix(c.size()); s = trimAll(s); again = stripped = true; }
        }
    }
    return stripped;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool parsePlain(std::string_view s, char decimal, double &out)
{
    if (s.empty())
        return false;
    const char c0 = s[0];
    // fast_float also reads "inf" and "nan": those are not numbers a person writes in a sheet.
    if (!(isDigit(c0) || c0 == decimal || ((c0 == '-') && s.size() > 1 && (isDigit(s[1]) || s[1] == decimal))))
        return false;
    auto res = fast_float::from_chars_advanced(s.data(), s.data() + s.size(), out,
                                               fast_float::parse_options(fast_float::chars_format::general, decimal));
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

} // namespace

std::string_view trimSpaces(std::string_view s) { return trimAll(s); }

bool isMissingMarker(std::string_view s)
{
    s = trimAll(s);
    if (s.empty())
        return true;
    static constexpr std::array<std::string_view, 13> markers = {
        "na", "n/a", "#n/a", "null", "nan", "none", "-", "--", "\xE2\x80\x94" /*—*/, "#null!", "nil", "missing",
        "\xE7\xBC\xBA\xE5\xA4\xB1" /*缺失*/};
    for (std::string_view m : markers)
        if (s.size() == m.size() && startsWithI(s, m))
            return true;
    return false;
}

CellParse parseNumber(std::string_view s, const NumberFormat &fmt, double &out)
{
    // Fast path: a plain number as a program writes it.
    if (!s.empty() && parsePlain(s, fmt.decimal, out))
        return CellParse::Ok;
    s = trimAll(s);
    if (isMissingMarker(s))
        return CellParse::Missing;
    if (parsePlain(s, fmt.decimal, out))
        return CellParse::Ok;

    bool negative = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') { // accounting negative
        negative = true;
        s = trimAll(s.substr(1, s.size() - 2));
    }
    auto takeSign = [&] {
        if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
            negative ^= (s.front() == '-');
            s = trimAll(s.substr(1));
            return true;
        }
        return false;
    };
    takeSign();
    stripCurrency(s);
    takeSign(); // "$-5" and "-$5" both mean minus five
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s = trimAll(s.substr(0, s.size() - 1));
    }
    if (s.empty())
        return CellParse::Invalid;

    // Remove thousands separators, checking they group digits in threes before the decimal.
    std::string buf;
    buf.reserve(s.size());
    size_t intEnd = s.find(fmt.decimal);
    if (intEnd == std::string_view::npos)
        intEnd = s.size();
    // exponent part never contains separators
    size_t expPos = s.find_first_of("eE");
    if (expPos != std::string_view::npos && expPos < intEnd)
        intEnd = expPos;
    std::string_view intPart = s.substr(0, intEnd);
    std::string_view rest = s.substr(intEnd);
    auto isSep = [&](std::string_view p, size_t i, size_t &len) {
        if (fmt.thousands && p[i] == fmt.thousands) { len = 1; return true; }
        if (p[i] == '\'' || p[i] == ' ') { len = 1; return fmt.decimal != '\'' && fmt.thousands != 0; }
        if (p.substr(i, 2) == "\xC2\xA0") { len = 2; return fmt.thousands != 0; }
        if (p.substr(i, 3) == "\xE2\x80\xAF") { len = 3; return fmt.thousands != 0; }
        return false;
    };
    size_t groupLen = 0;
    bool sawSep = false;
    for (size_t i = 0; i < intPart.size();) {
        size_t len = 0;
        if (isDigit(intPart[i])) {
            buf.push_back(intPart[i]);
            ++groupLen;
            ++i;
        } else if (isSep(intPart, i, len)) {
            if (groupLen == 0 || (sawSep ? groupLen != 3 : groupLen > 3))
                return CellParse::Invalid;
            sawSep = true;
            groupLen = 0;
            i += len;
        } else {
            return CellParse::Invalid;
        }
    }
    if (sawSep && groupLen != 3)
        return CellParse::Invalid;
    buf.append(rest.data(), rest.size());
    if (buf.empty() || buf == std::string(1, fmt.decimal))
        return CellParse::Invalid;
    if (!isDigit(buf[0]) && buf[0] != fmt.decimal)
        return CellParse::Invalid;
    double v;
    if (!parsePlain(buf, fmt.decimal, v))
        return CellParse::Invalid;
    if (percent)
        v /= 100.0;
    out = negative ? -v : v;
    return CellParse::Ok;
}

bool civilDays(int y, unsigned m, unsigned d, double &days)
{
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok() || y < 1800 || y > 2200)
        return false;
    days = double(sys_days(ymd).time_since_epoch().count());
    return true;
}

namespace {

struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool done() const { return i >= s.size(); }
    bool number(int &v, int minDigits, int maxDigits)
    {
        size_t start = i;
        v = 0;
        while (i < s.size() && isDigit(s[i]) && int(i - start) < maxDigits)
            v = v * 10 + (s[i++] - '0');
        return int(i - start) >= minDigits;
    }
    bool lit(std::string_view l)
    {
        if (s.substr(i, l.size()) == l) { i += l.size(); return true; }
        return false;
    }
    bool oneOf(const char *chars, char &which)
    {
        if (i < s.size() && std::strchr(chars, s[i])) { which = s[i++]; return true; }
        return false;
    }
    void spaces() { while (i < s.size() && s[i] == ' ') ++i; }
};

int monthName(Cursor &c)
{
    static constexpr std::array<std::string_view, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
    for (size_t m = 0; m < 12; ++m) {
        if (startsWithI(c.s.substr(c.i), names[m])) {
            c.i += 3;
            while (c.i < c.s.size() && std::isalpha((unsigned char)c.s[c.i])) ++c.i; // "January", "Sept"
            if (c.i < c.s.size() && c.s[c.i] == '.') ++c.i;
            return int(m) + 1;
        }
    }
    return 0;
}

// Optional time of day after a date: [T| ]hh:mm[:ss[.fff]][Z]
bool timeOfDay(Cursor &c, double &fraction)
{
    fraction = 0;
    if (c.done())
        return true;
    if (c.s[c.i] != ' ' && c.s[c.i] != 'T')
        return false;
    ++c.i;
    c.spaces();
    int h, mi, se = 0;
    if (!c.number(h, 1, 2) || !c.lit(":") || !c.number(mi, 2, 2))
        return false;
    double frac = 0;
    if (c.lit(":")) {
        if (!c.number(se, 2, 2))
            return false;
        if (c.lit(".")) {
            int ms;
            size_t start = c.i;
            if (!c.number(ms, 1, 9))
                return false;
            frac = ms / std::pow(10.0, double(c.i - start));
        }
    }
    c.spaces();
    if (startsWithI(c.s.substr(c.i), "pm") || startsWithI(c.s.substr(c.i), "am")) {
        const bool pm = std::tolower((unsigned char)c.s[c.i]) == 'p';
        if (h < 1 || h > 12)
            return false;
        h = (h % 12) + (pm ? 12 : 0);
        c.i += 2;
    }
    c.lit("Z");
    if (!c.done() || h > 23 || mi > 59 || se > 60)
        return false;
    fraction = (h * 3600 + mi * 60 + se + frac) / 86400.0;
    return true;
}

} // namespace

CellParse parseDate(std::string_view s, DateOrder order, bool allowCompact, double &days, DateParseInfo *info)
{
    s = trimAll(s);
    if (isMissingMarker(s))
        return CellParse::Missing;
    Cursor c{s};
    int a = 0, b = 0, y = 0;
    char sep = 0, sep2 = 0;
    double frac = 0;
    // yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, yyyy年m月d日
    if (c.number(y, 4, 4)) {
        if (c.oneOf("-/.", sep)) {
            if (c.number(a, 1, 2) && c.oneOf("-/.", sep2) && sep2 == sep && c.number(b, 1, 2) &&
                timeOfDay(c, frac) && civilDays(y, unsigned(a), unsigned(b), days)) {
                days += frac;
                return CellParse::Ok;
            }
            return CellParse::Invalid;
        }
        if (c.lit("\xE5\xB9\xB4" /*年*/)) {
            if (c.number(a, 1, 2) && c.lit("\xE6\x9C\x88" /*月*/) && c.number(b, 1, 2)) {
                c.lit("\xE6\x97\xA5" /*日*/);
                c.lit("\xE5\x8F\xB7" /*号*/);
                if (timeOfDay(c, frac) && civilDays(y, unsigned(a), unsigned(b), days)) {
                    days += frac;
                    return CellParse::Ok;
                }
            }
            return CellParse::Invalid;
        }
        // yyyymmdd
        if (allowCompact && c.number(a, 2, 2) && c.number(b, 2, 2) && c.done() &&
            civilDays(y, unsigned(a), unsigned(b), days))
            return CellParse::Ok;
        return CellParse::Invalid;
    }
    c.i = 0;
    // d-Mon-yyyy, d Mon yyyy
    if (c.number(a, 1, 2)) {
        const size_t afterFirst = c.i;
        if (c.oneOf("-/. ", sep)) {
            if (int m = monthName(c); m) {
                if (c.oneOf("-/. ,", sep2) && (c.spaces(), c.number(y, 4, 4)) && timeOfDay(c, frac) &&
                    civilDays(y, unsigned(m), unsigned(a), days)) {
                    days += frac;
                    return CellParse::Ok;
                }
                return CellParse::Invalid;
            }
            c.i = afterFirst + 1;
            // d.m.yyyy / d/m/yyyy / m/d/yyyy / d-m-yyyy
            if (c.number(b, 1, 2) && c.oneOf("-/.", sep2) && sep2 == sep && c.number(y, 4, 4) && timeOfDay(c, frac)) {
                if (info) {
                    info->slashDayGt12 |= a > 12;
                    info->slashMonthGt12 |= b > 12;
                }
                DateOrder o = order;
                if (o == DateOrder::Unknown)
                    o = (sep == '.' || sep == '-') ? DateOrder::DayFirst : DateOrder::MonthFirst;
                if (a > 12 && b <= 12)
                    o = (order == DateOrder::MonthFirst) ? o : DateOrder::DayFirst;
                if (b > 12 && a <= 12)
                    o = (order == DateOrder::DayFirst) ? o : DateOrder::MonthFirst;
                const int d = (o == DateOrder::DayFirst) ? a : b;
                const int m = (o == DateOrder::DayFirst) ? b : a;
                if (civilDays(y, unsigned(m), unsigned(d), days)) {
                    days += frac;
                    return CellParse::Ok;
                }
            }
        }
        return CellParse::Invalid;
    }
    c.i = 0;
    // Mon d, yyyy
    if (int m = monthName(c); m) {
        c.spaces();
        if (c.number(a, 1, 2)) {
            c.lit(",");
            c.spaces();
            if (c.number(y, 4, 4) && timeOfDay(c, frac) && civilDays(y, unsigned(m), unsigned(a), days)) {
                days += frac;
                return CellParse::Ok;
            }
        }
    }
    return CellParse::Invalid;
}

} // namespace vs
