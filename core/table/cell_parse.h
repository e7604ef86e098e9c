#pragma once
// Reading one cell: numbers as people write them, dates in the usual formats, missing markers.
#include <string_view>

namespace vs {

struct NumberFormat {
    char decimal = '.';   // '.' or ','
    char thousands = ','; // ',', '.', ' ', '\'' or 0 for none
};

enum class CellParse { Ok, Missing, Invalid };

// "", NA, N/A, #N/A, null, NaN, None, -, — and the like.
bool isMissingMarker(std::string_view s);

// Accepts signs, (123) negatives, currency symbols and codes ($ € £ ¥ ￥ 元 RMB CNY USD EUR),
// thousands separators in valid groups of three, a trailing % (divided by 100) and exponents.
// Exact: the result is the double nearest to the written decimal (fast_float).
CellParse parseNumber(std::string_view s, const NumberFormat &fmt, double &out);

enum class DateOrder { Unknown, DayFirst, MonthFirst };

// Dates as days since 1970-01-01 (a fraction for the time of day).
// yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, yyyy年m月d日, dd.mm.yyyy, d/m/yyyy or m/d/yyyy (by order),
// d-Mon-yyyy, Mon d yyyy, each optionally followed by a time hh:mm[:ss]; yyyymmdd only when
// allowCompact. For d/m vs m/d an Unknown order means "either": *ambiguous tells which was read.
struct DateParseInfo {
    bool slashDayGt12 = false;   // a d/m/y-shaped date whose first part is > 12
    bool slashMonthGt12 = false; // ... whose second part is > 12
};
CellParse parseDate(std::string_view s, DateOrder order, bool allowCompact, double &days,
                    DateParseInfo *info = nullptr);

// Days since 1970-01-01 of a civil date; false if it is not a real date.
bool civilDays(int y, unsigned m, unsigned d, double &days);

std::string_view trimSpaces(std::string_view s);

} // namespace vs
