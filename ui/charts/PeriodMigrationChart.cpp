#include "PeriodMigrationChart.h"

#include "Palette.h"
#include "core/analytics/over_time.h"
#include "ui/NumberFormat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QPainterPath>
#include <QToolTip>
#include "ui/Wording.h"

#include <algorithm>
#include <cmath>

namespace {
QString segmentName(const std::string &label) { return migrationRowName(label); }
QString lapsedName() { return QCoreApplication::translate("PeriodMigrationChart", "lapsed"); }

// a value as short as a cell needs: 56,470 or 56.5k
QString shortValue(double v, bool compact)
{
    if (!compact || std::fabs(v) < 1e4)
        return numbers::integer(v);
    const QLocale l;
    if (l.language() == QLocale::Chinese)
        return std::fabs(v) >= 1e8 ? l.toString(v / 1e8, 'f', 1) + QStringLiteral("亿") : l.toString(v / 1e4, 'f', 1) + QStringLiteral("万");
    if (std::fabs(v) >= 1e6)
        return l.toString(v / 1e6, 'f', 1) + QLatin1Char('M');
    return l.toString(v / 1e3, 'f', std::fabs(v) >= 1e5 ? 0 : 1) + QLatin1Char('k');
}
} // namespace

PeriodMigrationChart::PeriodMigrationChart(QWidget *parent) : PaintedChart(parent)
{
    setMouseTracking(true);
    setMinimumSize(480, 320);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setCursor(Qt::PointingHandCursor);
}

void PeriodMigrationChart::setShowValue(bool value)
{
    m_showValue = value;
    update();
}

size_t PeriodMigrationChart::cellCount(int row, int column) const
{
    if (column == vs::lapsedColumn(*m_m))
        return m_m->lapsedCount[size_t(row)];
    return m_m->moved[size_t(row)][size_t(column)];
}

double PeriodMigrationChart::cellValue(int row, int column) const
{
    if (column == vs::lapsedColumn(*m_m))
        return m_m->lapsedValue[size_t(row)];
    return m_m->movedValue[size_t(row)][size_t(column)];
}

QRectF PeriodMigrationChart::cellRect(const Layout &l, int row, int column) const
{
    const int rows = int(m_m->fromSegments.size()), cols = int(m_m->toSegments.size());
    const double cw = l.matrix.width() / cols, ch = l.matrix.height() / rows;
    if (column == cols)
        return QRectF(l.lapsed.left(), l.lapsed.top() + row * ch, l.lapsed.width(), ch);
    return QRectF(l.matrix.left() + column * cw, l.matrix.top() + row * ch, cw, ch);
}

QPointF PeriodMigrationChart::cellCentre(int row, int column) const
{
    return m_m ? cellRect(layoutFor(rect()), row, column).center() : QPointF();
}

QString PeriodMigrationChart::cellText(int row, int column) const
{
    return m_m ? cellText(layoutFor(rect()), row, column) : QString();
}

QString PeriodMigrationChart::cellText(const Layout &l, int row, int column) const
{
    const QFontMetricsF fm(chartStyle().textFont());
    const QRectF cell = cellRect(l, row, column);
    if (cellCount(row, column) == 0 || cell.height() <= fm.height())
        return {};
    for (bool compact : {false, true}) {
        const QString t = m_showValue ? shortValue(cellValue(row, column), compact) : numbers::count(qulonglong(cellCount(row, column)));
        if (fm.horizontalAdvance(t) + 2 <= cell.width())
            return t;
    }
    return {};
}

void PeriodMigrationChart::setMigration(std::shared_ptr<const vs::PeriodMigration> m, std::vector<int> colours, size_t warnings)
{
    m_m = std::move(m);
    m_colours = std::move(colours);
    m_warnings = warnings;
    update();
}

QColor PeriodMigrationChart::colourOf(int segment, bool from) const
{
    if (!m_m || segment < 0)
        return palette::noSegment();
    const std::string &label = from ? m_m->fromSegments[size_t(segment)] : m_m->toSegments[size_t(segment)];
    if (label == vs::kNewCustomersRow)
        return QColor(150, 150, 150);
    if (label == vs::kNoSegmentLabel)
        return palette::noSegment();
    const size_t k = size_t(std::find(m_m->toSegments.begin(), m_m->toSegments.end(), label) - m_m->toSegments.begin());
    return palette::segment(k < m_colours.size() ? m_colours[k] : int(k));
}

QString PeriodMigrationChart::noteText() const
{
    size_t customers = 0, arrived = 0, lapsed = 0;
    for (size_t i = 0; i < m_m->moved.size(); ++i)
        for (size_t n : m_m->moved[i]) {
            customers += n;
            if (i + 1 == m_m->moved.size())
                arrived += n;
        }
    for (const auto &s : m_m->segments)
        lapsed += s.lapsed;
    return (m_showValue ? tr("Cells: value on %1 · ").arg(QString::fromStdString(m_m->to)) : QString()) +
           tr("%1 of %2 customers changed segment · %3 new · %4 lapsed (no order between the dates: the last column) · click a cell for its customers")
               .arg(numbers::count(qulonglong(m_m->changed)), numbers::count(qulonglong(customers - arrived)),
                    numbers::count(qulonglong(arrived)), numbers::count(qulonglong(lapsed))) +
           QStringLiteral(" · ") + (m_warnings == 1 ? tr("1 valuable customer fell (File ▸ Export Call List)")
                             : tr("%1 valuable customers fell (File ▸ Export Call List)").arg(numbers::count(qulonglong(m_warnings))));
}

PeriodMigrationChart::Layout PeriodMigrationChart::layoutFor(const QRectF &r) const
{
    Layout l;
    const QFontMetricsF fm(chartStyle().textFont()), tfm(chartStyle().titleFont());
    l.title = QRectF(r.left(), r.top() + tfm.height() * 0.3, r.width(), tfm.height() * 1.4);
    const double noteWidth = r.width() - 2 * fm.height();
    const double noteHeight = m_m ? fm.boundingRect(QRectF(0, 0, noteWidth, 1e6), Qt::TextWordWrap, noteText()).height() : fm.height();
    l.note = QRectF(r.left() + fm.height(), r.bottom() - noteHeight - fm.height() * 0.3, noteWidth, noteHeight);
    double widest = 0, widestTo = 0;
    if (m_m) {
        for (const std::string &s : m_m->fromSegments)
            widest = std::max(widest, fm.horizontalAdvance(segmentName(s)));
        for (const std::string &s : m_m->toSegments)
            widestTo = std::max(widestTo, fm.horizontalAdvance(segmentName(s)));
    }
    l.rowLabelWidth = widest + fm.height() * 0.8;
    const double top = l.title.bottom() + fm.height() * 1.4;
    const double bottom = l.note.top() - fm.height() * 0.4;
    // column labels at 45°, shortened when the rows would otherwise be too low to read
    const double rowsNeed = double(m_m ? m_m->fromSegments.size() : 0) * fm.height() * 1.15;
    l.columnLabelHeight = std::min(widestTo * 0.72 + fm.height(), r.height() * 0.3);
    l.columnLabelHeight = std::max(fm.height() * 2.5, std::min(l.columnLabelHeight, bottom - top - rowsNeed));
    // the flow chart beside the matrix when there is room for both; the matrix alone otherwise
    // (the matrix first: the flow chart only where the matrix keeps room for four-digit counts)
    const bool withFlow = r.width() >= fm.height() * 50;
    const double split = withFlow ? r.left() + r.width() * 0.60 : r.right();
    // the segments' columns, a gap, and the lapsed customers' column
    // the lapsed column's label, at 45° from the last column, needs room at the right
    const double labelRoom = std::min(fm.horizontalAdvance(lapsedName()) * 0.72, r.width() * 0.15);
    const double room = split - r.left() - fm.height() * 1.5 - l.rowLabelWidth - (withFlow ? 0.0 : labelRoom);
    const double cols = double(m_m ? m_m->toSegments.size() : 1);
    const double cw = room / (cols + 1.4);
    l.matrix = QRectF(r.left() + fm.height() * 0.5 + l.rowLabelWidth, top + l.columnLabelHeight, cw * cols,
                      bottom - top - l.columnLabelHeight);
    l.lapsed = QRectF(l.matrix.right() + cw * 0.4, l.matrix.top(), cw, l.matrix.height());
    if (withFlow)
        l.flow = QRectF(split + fm.height(), top + fm.height() * 1.4, r.right() - split - fm.height() * 1.5,
                        bottom - top - fm.height() * 1.4);
    return l;
}

std::pair<int, int> PeriodMigrationChart::cellAt(QPointF pos) const
{
    if (!m_m)
        return {-1, -1};
    const Layout l = layoutFor(rect());
    const int rows = int(m_m->fromSegments.size()), cols = int(m_m->toSegments.size());
    if (l.lapsed.contains(pos))
        return {std::min(rows - 1, int((pos.y() - l.lapsed.top()) / (l.lapsed.height() / rows))), cols};
    if (!l.matrix.contains(pos))
        return {-1, -1};
    const int c = std::min(cols - 1, int((pos.x() - l.matrix.left()) / (l.matrix.width() / cols)));
    const int r = std::min(rows - 1, int((pos.y() - l.matrix.top()) / (l.matrix.height() / rows)));
    return {r, c};
}

void PeriodMigrationChart::paintChart(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect, Qt::white);
    if (!m_m || m_m->moved.empty()) {
        p.setFont(chartStyle().textFont());
        p.drawText(rect, Qt::AlignCenter, tr("Set two snapshot dates to see how customers moved between them."));
        p.restore();
        return;
    }
    const Layout l = layoutFor(rect);
    p.setFont(chartStyle().titleFont());
    p.setPen(Qt::black);
    p.drawText(l.title, Qt::AlignHCenter | Qt::AlignVCenter,
               tr("How customers moved between %1 and %2").arg(QString::fromStdString(m_m->from), QString::fromStdString(m_m->to)));
    p.setFont(chartStyle().textFont());
    paintMatrix(p, l);
    if (!l.flow.isEmpty())
        paintFlow(p, l);
    p.setPen(QColor(60, 60, 60));
    p.drawText(l.note, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, noteText());
    p.restore();
}

void PeriodMigrationChart::paintMatrix(QPainter &p, const Layout &l) const
{
    const QFontMetricsF fm(p.font());
    const int rows = int(m_m->fromSegments.size()), cols = int(m_m->toSegments.size());
    const double cw = l.matrix.width() / cols, ch = l.matrix.height() / rows;
    for (int r = 0; r < rows; ++r) {
        size_t rowTotal = 0;
        for (size_t n : m_m->moved[size_t(r)])
            rowTotal += n;
        for (int c = 0; c < cols; ++c) {
            const size_t n = m_m->moved[size_t(r)][size_t(c)];
            const QRectF cell(l.matrix.left() + c * cw, l.matrix.top() + r * ch, cw, ch);
            const bool stayed = m_m->fromSegments[size_t(r)] == m_m->toSegments[size_t(c)];
            // shade: the share of the row's customers (how a segment's customers spread)
            const double share = rowTotal ? double(n) / double(rowTotal) : 0;
            const QColor base = stayed ? QColor(46, 112, 180) : QColor(213, 94, 0);
            QColor fill = n ? QColor::fromRgbF(float(1 - (1 - base.redF()) * (0.12 + 0.88 * share)),
                                               float(1 - (1 - base.greenF()) * (0.12 + 0.88 * share)),
                                               float(1 - (1 - base.blueF()) * (0.12 + 0.88 * share)))
                            : QColor(248, 248, 248);
            p.fillRect(cell, fill);
            p.setPen(QColor(220, 220, 220));
            p.drawRect(cell);
            if (const QString text = cellText(l, r, c); !text.isEmpty()) {
                p.setPen(share > 0.55 ? Qt::white : Qt::black);
                p.drawText(cell, Qt::AlignCenter, text);
            }
        }
        { // the row's lapsed customers, in grey: they are in the row's cells as well
            const size_t n = m_m->lapsedCount[size_t(r)];
            const double share = rowTotal ? double(n) / double(rowTotal) : 0;
            const QRectF cell = cellRect(l, r, cols);
            const int g = int(248 - 150 * share);
            p.fillRect(cell, n ? QColor(g, g, g + 4 > 255 ? 255 : g + 4) : QColor(248, 248, 248));
            p.setPen(QColor(220, 220, 220));
            p.drawRect(cell);
            if (const QString text = cellText(l, r, cols); !text.isEmpty()) {
                p.setPen(share > 0.55 ? Qt::white : Qt::black);
                p.drawText(cell, Qt::AlignCenter, text);
            }
        }
        p.setPen(Qt::black);
        p.drawText(QRectF(l.matrix.left() - l.rowLabelWidth, l.matrix.top() + r * ch, l.rowLabelWidth - fm.height() * 0.4, ch),
                   Qt::AlignRight | Qt::AlignVCenter, segmentName(m_m->fromSegments[size_t(r)]));
    }
    p.setPen(QColor(90, 90, 90));
    p.drawRect(l.matrix);
    p.drawRect(l.lapsed);
    p.setPen(Qt::black);
    for (int c = 0; c <= cols; ++c) { // column labels at 45°, from the top of their column
        p.save();
        p.translate(c < cols ? l.matrix.left() + (c + 0.5) * cw : l.lapsed.center().x(), l.matrix.top() - fm.height() * 0.3);
        p.rotate(-45);
        const double room = std::max(fm.height(), (l.columnLabelHeight - fm.height() * 0.6) / 0.72);
        const QString name = c < cols ? segmentName(m_m->toSegments[size_t(c)]) : lapsedName();
        if (c == cols)
            p.setPen(QColor(90, 90, 90));
        p.drawText(QPointF(0, fm.ascent() / 2), fm.elidedText(name, Qt::ElideRight, room));
        p.restore();
    }
    p.setPen(QColor(60, 60, 60));
    const QString axes = tr("rows: segment on %1 · columns: segment on %2").arg(QString::fromStdString(m_m->from), QString::fromStdString(m_m->to));
    const QRectF axesRect(l.matrix.left() - l.rowLabelWidth, l.title.bottom(), l.matrix.right() - l.matrix.left() + l.rowLabelWidth,
                          fm.height() * 1.2);
    p.drawText(axesRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(axes, Qt::ElideRight, axesRect.width()));
}

void PeriodMigrationChart::paintFlow(QPainter &p, const Layout &l) const
{
    const QFontMetricsF fm(p.font());
    const size_t rows = m_m->fromSegments.size(), cols = m_m->toSegments.size();
    std::vector<double> fromN(rows, 0), toN(cols, 0);
    double total = 0;
    for (size_t i = 0; i < rows; ++i)
        for (size_t j = 0; j < cols; ++j) {
            fromN[i] += double(m_m->moved[i][j]);
            toN[j] += double(m_m->moved[i][j]);
            total += double(m_m->moved[i][j]);
        }
    if (total <= 0)
        return;
    p.setPen(Qt::black);
    p.drawText(QRectF(l.flow.left(), l.flow.top() - fm.height() * 1.4, l.flow.width(), fm.height() * 1.2),
               Qt::AlignHCenter | Qt::AlignVCenter,
               fm.elidedText(tr("The ten largest moves"), Qt::ElideRight, l.flow.width()));
    const double barW = std::max(8.0, fm.height() * 0.7), gap = fm.height() * 0.25;
    auto positions = [&](const std::vector<double> &n) {
        size_t used = 0;
        for (double v : n)
            used += v > 0;
        const double scale = (l.flow.height() - gap * double(std::max<size_t>(used, 1) - 1)) / total;
        std::vector<std::pair<double, double>> pos(n.size()); // top, height
        double y = l.flow.top();
        for (size_t k = 0; k < n.size(); ++k) {
            pos[k] = {y, n[k] * scale};
            if (n[k] > 0)
                y += n[k] * scale + gap;
        }
        return std::pair{pos, scale};
    };
    const auto [left, scale] = positions(fromN);
    const auto [right, scaleR] = positions(toN);
    const double xl = l.flow.left() + l.flow.width() * 0.4, xr = l.flow.right() - l.flow.width() * 0.4 - barW;
    // the ten largest moves between different segments (and the new customers' arrivals)
    struct Move { size_t i, j, n; };
    std::vector<Move> moves;
    for (size_t i = 0; i < rows; ++i)
        for (size_t j = 0; j < cols; ++j)
            if (m_m->moved[i][j] && m_m->fromSegments[i] != m_m->toSegments[j])
                moves.push_back({i, j, m_m->moved[i][j]});
    std::sort(moves.begin(), moves.end(), [](const Move &a, const Move &b) { return a.n > b.n; });
    moves.resize(std::min<size_t>(moves.size(), 10));
    std::vector<double> outY(rows), inY(cols);
    for (size_t i = 0; i < rows; ++i)
        outY[i] = left[i].first;
    for (size_t j = 0; j < cols; ++j)
        inY[j] = right[j].first;
    std::sort(moves.begin(), moves.end(), [](const Move &a, const Move &b) { return a.i != b.i ? a.i < b.i : a.j < b.j; });
    for (const Move &mv : moves) {
        const double h1 = double(mv.n) * scale, h2 = double(mv.n) * scaleR;
        const double y1 = outY[mv.i], y2 = inY[mv.j];
        outY[mv.i] += h1;
        inY[mv.j] += h2;
        QPainterPath band;
        const double xa = xl + barW, xb = xr, mid = (xa + xb) / 2;
        band.moveTo(xa, y1);
        band.cubicTo(mid, y1, mid, y2, xb, y2);
        band.lineTo(xb, y2 + h2);
        band.cubicTo(mid, y2 + h2, mid, y1 + h1, xa, y1 + h1);
        band.closeSubpath();
        QColor c = colourOf(int(mv.j), false);
        c.setAlphaF(0.45f);
        p.fillPath(band, c);
    }
    for (size_t i = 0; i < rows; ++i) {
        if (fromN[i] <= 0)
            continue;
        const QRectF bar(xl, left[i].first, barW, left[i].second);
        p.fillRect(bar, colourOf(int(i), true));
        if (bar.height() >= fm.height() * 0.9) {
            p.setPen(Qt::black);
            p.drawText(QRectF(l.flow.left(), bar.center().y() - fm.height() / 2, xl - l.flow.left() - 4, fm.height()),
                       Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(segmentName(m_m->fromSegments[i]), Qt::ElideRight, xl - l.flow.left() - 4));
        }
    }
    for (size_t j = 0; j < cols; ++j) {
        if (toN[j] <= 0)
            continue;
        const QRectF bar(xr, right[j].first, barW, right[j].second);
        p.fillRect(bar, colourOf(int(j), false));
        if (bar.height() >= fm.height() * 0.9) {
            p.setPen(Qt::black);
            p.drawText(QRectF(xr + barW + 4, bar.center().y() - fm.height() / 2, l.flow.right() - xr - barW - 4, fm.height()),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(segmentName(m_m->toSegments[j]), Qt::ElideRight, l.flow.right() - xr - barW - 4));
        }
    }
}

void PeriodMigrationChart::mouseMoveEvent(QMouseEvent *event)
{
    const auto [r, c] = cellAt(event->position());
    if (r < 0) {
        QToolTip::hideText();
        return;
    }
    const size_t n = cellCount(r, c);
    const QString value = numbers::money(cellValue(r, c));
    if (c == vs::lapsedColumn(*m_m))
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("%1: %2 customers bought nothing between %3 and %4\nTheir value on %4: %5")
                               .arg(segmentName(m_m->fromSegments[size_t(r)]), numbers::count(qulonglong(n)),
                                    QString::fromStdString(m_m->from), QString::fromStdString(m_m->to), value),
                           this);
    else
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("%1 → %2\n%3 customers, value on %4: %5")
                               .arg(segmentName(m_m->fromSegments[size_t(r)]), segmentName(m_m->toSegments[size_t(c)]),
                                    numbers::count(qulonglong(n)), QString::fromStdString(m_m->to), value),
                           this);
}

void PeriodMigrationChart::mousePressEvent(QMouseEvent *event)
{
    const auto [r, c] = cellAt(event->position());
    if (r >= 0 && event->button() == Qt::LeftButton)
        emit cellClicked(r, c);
    PaintedChart::mousePressEvent(event);
}
