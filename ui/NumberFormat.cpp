#include "NumberFormat.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <charconv>
#include <cmath>
#include <string_view>

namespace numbers {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("numbers", text); }

bool whole(double v) { return std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15; }

// digits after the point that write step (and so every multiple of it) exactly, at most 6
int decimalsFor(double step)
{
    step = std::fabs(step);
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return d;
    }
    return 6;
}

// "7.50" -> "7.5", "5.0" -> "5": a tick says no more than its value
QString trimmed(QString s)
{
    const QString point = QLocale().decimalPoint();
    if (!s.contains(point))
        return s;
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(point))
        s.chop(point.size());
    return s;
}

struct Unit {
    double size;
    QString suffix;
};

// the unit an axis whose largest tick is `largest` is written in
Unit unitFor(double largest)
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    if (chinese) {
        if (largest >= 1e9)
            return {1e8, QStringLiteral("亿")};
        if (largest >= 1e5)
            return {1e4, QStringLiteral("万")};
        return {1, {}};
    }
    if (largest >= 1e10)
        return {1e9, QStringLiteral("B")};
    if (largest >= 1e7)
        return {1e6, QStringLiteral("M")};
    if (largest >= 1e4)
        return {1e3, QStringLiteral("k")};
    return {1, {}};
}

} // namespace

QString missing() { return QStringLiteral("—"); }

QString count(qulonglong n) { return QLocale().toString(n); }
QString count(long long n) { return QLocale().toString(n); }

QString integer(double v)
{
    if (std::isnan(v))
        return missing();
    const double r = std::round(v);
    if (std::fabs(r) < 9e15)
        return QLocale().toString(qlonglong(r));
    return QLocale().toString(r, 'f', 0);
}

QString money(double v)
{
    if (std::isnan(v))
        return missing();
    return QLocale().toString(v, 'f', 2);
}

QString number(double v)
{
    if (std::isnan(v))
        return missing();
    if (whole(v))
        return integer(v);
    const double a = std::fabs(v);
    if (a >= 0.1 || a == 0)
        return QLocale().toString(v, 'f', 2);
    if (a < 0.001) // as close to zero as a reader cares
        return (v > 0 ? QStringLiteral("< ") : QStringLiteral("> ")) + QLocale().toString(v > 0 ? 0.001 : -0.001, 'f', 3);
    // three significant digits
    const int decimals = std::min(12, 2 - int(std::floor(std::log10(a))));
    return QLocale().toString(v, 'f', decimals);
}

QString percentOf(double pct)
{
    if (std::isnan(pct))
        return missing();
    const QString pattern = tr("%1 %");
    if (pct != 0 && std::fabs(pct) < 0.05)
        return (pct > 0 ? QStringLiteral("< ") : QStringLiteral("> ")) + pattern.arg(QLocale().toString(pct > 0 ? 0.1 : -0.1, 'f', 1));
    if (pct >= 99.95 && pct < 100)
        return QStringLiteral("> ") + pattern.arg(QLocale().toString(99.9, 'f', 1));
    return pattern.arg(QLocale().toString(pct, 'f', 1));
}

QString percent(double share) { return percentOf(100 * share); }

QString date(double days)
{
    if (std::isnan(days))
        return missing();
    return QDate(1970, 1, 1).addDays(qint64(std::floor(days))).toString(Qt::ISODate);
}

QString exact(double v)
{
    if (std::isnan(v))
        return QString();
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    if (ec != std::errc())
        return QLocale().toString(v, 'g', 17);
    const std::string_view text(buf, size_t(end - buf));
    const size_t point = text.find('.');
    const int decimals = point == std::string_view::npos ? 0 : int(text.size() - point - 1);
    return QLocale().toString(v, 'f', decimals);
}

QString duration(double v, const QString &unitKey)
{
    const QString n = whole(v) ? integer(v) : QLocale().toString(v, 'f', 1);
    const bool one = v == 1;
    if (unitKey == QLatin1String("days"))
        return (one ? tr("%1 day") : tr("%1 days")).arg(n);
    if (unitKey == QLatin1String("weeks"))
        return (one ? tr("%1 week") : tr("%1 weeks")).arg(n);
    if (unitKey == QLatin1String("months"))
        return (one ? tr("%1 month") : tr("%1 months")).arg(n);
    return n + QLatin1Char(' ') + unitKey;
}

QString unitName(const QString &unitKey)
{
    if (unitKey == QLatin1String("days"))
        return tr("day");
    if (unitKey == QLatin1String("weeks"))
        return tr("week");
    if (unitKey == QLatin1String("months"))
        return tr("month");
    return unitKey;
}

QString measure(double v, vs::Meaning meaning)
{
    using enum vs::Meaning;
    if (std::isnan(v))
        return QString();
    switch (meaning) {
    case Money: return money(v);
    case Count:
    case Grade: return whole(v) ? integer(v) : QLocale().toString(v, 'f', 2);
    case Score: return QLocale().toString(v, 'f', 2);
    case Ratio: return percent(v);
    case Probability: return QLocale().toString(v, 'f', 2);
    case Duration: return whole(v) ? integer(v) : QLocale().toString(v, 'f', 1);
    case Date: return date(v);
    case Code:
    case Identifier: return whole(v) ? QString::number(qlonglong(v)) : QString::number(v, 'g', 15);
    case Number: break;
    }
    return number(v);
}

QString statistic(double v, vs::Meaning meaning)
{
    using enum vs::Meaning;
    if (std::isnan(v))
        return missing();
    switch (meaning) {
    case Money: return money(v);
    case Ratio: return percent(v);
    case Probability: return QLocale().toString(v, 'f', 2);
    case Date: return date(v);
    case Code:
    case Identifier: return measure(v, meaning);
    default: break;
    }
    return number(v);
}

Ticks niceTicks(double lo, double hi, int maxTicks)
{
    Ticks t;
    if (!std::isfinite(lo) || !std::isfinite(hi))
        lo = 0, hi = 1;
    if (hi < lo)
        std::swap(lo, hi);
    if (hi == lo) {
        const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    maxTicks = std::max(1, maxTicks);
    const double raw = (hi - lo) / maxTicks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * power >= raw * (1 - 1e-9)) {
            step = m * power;
            break;
        }
    t.step = step;
    t.first = std::floor(lo / step + 1e-9) * step;
    t.last = std::ceil(hi / step - 1e-9) * step;
    const int n = int(std::lround((t.last - t.first) / step));
    for (int i = 0; i <= n; ++i) {
        double v = t.first + i * step;
        if (std::fabs(v) < step * 1e-9)
            v = 0; // no "-0"
        t.values.push_back(v);
    }
    return t;
}

QString tick(double v, const Ticks &axis)
{
    if (v == 0)
        return QLocale().toString(0);
    const double largest = std::max(std::fabs(axis.first), std::fabs(axis.last));
    const Unit unit = unitFor(largest);
    return trimmed(QLocale().toString(v / unit.size, 'f', decimalsFor(axis.step / unit.size))) + unit.suffix;
}

QString percentTick(double pct, const Ticks &axis)
{
    return tr("%1 %").arg(trimmed(QLocale().toString(pct, 'f', decimalsFor(axis.step))));
}

} // namespace numbers
