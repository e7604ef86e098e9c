#pragma once
// Numbers as people write them, in the interface's language: the one place that formats a number
// for the window, the charts, the wizard and the report. Counts are whole numbers with the
// locale's thousands separator, money has two decimals, a share has one decimal ("20.1 %", a tiny
// one "< 0.1 %"), codes and ids are written as they are, axis ticks are round ("150k", "15万").
#include "core/domain/measures.h"

#include <QString>

#include <vector>

namespace numbers {

QString missing(); // "—"

QString count(qulonglong n);     // 65,535
QString count(long long n);      // −1,234
QString integer(double v);       // rounded to a whole number, with separators
QString money(double v);         // 15,384.27
// A quantity without a known meaning: a whole number as such, otherwise two decimals (three
// significant digits below 0.1, "< 0.001" below that).
QString number(double v);
// A fraction as a percentage, always with one decimal: 0.2013 -> "20.1 %", 0.0004 -> "< 0.1 %",
// 0.9996 -> "> 99.9 %".
QString percent(double share);
// The same for a number that is already in percent (20.13 -> "20.1 %").
QString percentOf(double percent);
QString date(double daysSince1970); // yyyy-MM-dd
// Every digit the number has (as the file had it), with the locale's separators: 1000000 ->
// "1,000,000", 15.25 -> "15.25". For the import wizard's preview.
QString exact(double v);
// A time in days, weeks or months (the model's unit keys), "273 days", "39.3 weeks".
QString duration(double v, const QString &unitKey);
// The unit itself, singular: "week" ("the next week").
QString unitName(const QString &unitKey);

// A cell of a column with this meaning (the customer table, tooltips).
QString measure(double v, vs::Meaning meaning);
// A statistic (mean, median, std, min, max) of a column with this meaning; a variance is a
// number(): its unit is the square of the column's.
QString statistic(double v, vs::Meaning meaning);

// Round ticks for an axis from lo to hi: at most maxTicks intervals of 1, 2, 2.5 or 5 times a
// power of ten, from a multiple of the step at or below lo to one at or above hi.
struct Ticks {
    double first = 0, last = 1, step = 1;
    std::vector<double> values;
};
Ticks niceTicks(double lo, double hi, int maxTicks = 6);
// A tick's label: thousands separators, and above 10,000 a unit (k, M, B; in Chinese 万, 亿)
// chosen for the whole axis by its largest tick; the decimals the step needs, without trailing
// zeros ("2.5k", "5k").
QString tick(double v, const Ticks &axis);
// A percentage tick (the value in percent): "20 %", or "2.5 %" when the step needs a decimal.
QString percentTick(double percent, const Ticks &axis);

} // namespace numbers
