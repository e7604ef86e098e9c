#include "BarTable.h"

#include "Palette.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

// Where everything goes in a rectangle: computed for every paint and every pointer position.
struct BarTable::Layout {
    QFont text, bold, title;
    double line = 0; // height of a line of text
    double margin = 0, gap = 0, swatch = 0;
    QRectF titleRect;
    double headerTop = 0, headerH = 0, rowsTop = 0, rowH = 0;
    double nameLeft = 0, nameWidth = 0;
    double barsLeft = 0, barsRight = 0;
    std::vector<double> columnLeft, columnWidth;
    double lo = 0, hi = 1; // the bars' range
    double x(double v) const { return barsLeft + (v - lo) / (hi - lo) * (barsRight - barsLeft); }
};

BarTable::BarTable(QWidget *parent) : PaintedChart(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 200);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

QSize BarTable::sizeHint() const { return QSize(640, 360); }

void BarTable::setData(Data data)
{
    m_data = std::move(data);
    m_hover = -1;
    update();
}

BarTable::Layout BarTable::layout(const QRectF &rect) const
{
    const charts::Style &style = chartStyle();
    const int columns = int(m_data.headings.size());
    Layout l;
    // the largest text (at most the style's) with which every row and column fits
    for (double k = 1.0;; k *= 0.94) {
        l.text = style.font(style.text * k);
        l.bold = style.font(style.text * k, true);
        l.title = style.font(style.title, true);
        const QFontMetricsF fm(l.text), bfm(l.bold), tfm(l.title);
        l.line = fm.height();
        l.margin = l.line * 0.6;
        l.gap = l.line * 0.7;
        l.swatch = l.line * 0.7;
        double names = 0;
        for (const Row &r : m_data.rows)
            names = std::max(names, fm.horizontalAdvance(r.name));
        l.nameWidth = l.swatch + l.gap * 0.5 + names;
        l.columnWidth.assign(size_t(columns), 0);
        for (int c = 0; c < columns; ++c) {
            double w = bfm.horizontalAdvance(m_data.headings[c]) + (c < 2 ? l.swatch + l.gap * 0.4 : 0);
            for (const Row &r : m_data.rows)
                if (c < r.cells.size())
                    w = std::max(w, fm.horizontalAdvance(r.cells[c]));
            l.columnWidth[size_t(c)] = w;
        }
        double fixed = l.nameWidth + l.gap * 1.5;
        for (double w : l.columnWidth)
            fixed += w + l.gap;
        // the title wraps rather than shrinks (a slide's title stays large)
        const double width = rect.width() - 2 * l.margin;
        const QRectF titleBox = tfm.boundingRect(QRectF(0, 0, width, 1e6), Qt::AlignHCenter | Qt::TextWordWrap, m_data.title);
        const double titleH = m_data.title.isEmpty() ? 0 : titleBox.height() + tfm.height() * 0.35;
        l.headerH = l.line * 1.35;
        const double rowsH = rect.height() - 2 * l.margin - titleH - l.headerH;
        const double need = double(m_data.rows.size()) * l.line * 1.4;
        const bool fits = need <= rowsH && fixed <= width * 0.75;
        if (fits || style.text * k < 3) {
            l.titleRect = QRectF(rect.left() + l.margin, rect.top() + l.margin, width, titleH);
            l.headerTop = l.titleRect.bottom();
            l.rowsTop = l.headerTop + l.headerH;
            l.rowH = m_data.rows.empty() ? l.line : std::clamp(rowsH / double(m_data.rows.size()), l.line * 1.1, l.line * 2.4);
            l.nameLeft = rect.left() + l.margin;
            l.barsLeft = l.nameLeft + l.nameWidth + l.gap;
            l.columnLeft.assign(size_t(columns), 0);
            double right = rect.right() - l.margin;
            for (int c = columns - 1; c >= 0; --c) {
                l.columnLeft[size_t(c)] = right - l.columnWidth[size_t(c)];
                right = l.columnLeft[size_t(c)] - l.gap;
            }
            l.barsRight = right - l.gap * 0.5;
            break;
        }
    }
    l.lo = 0;
    l.hi = 0;
    for (const Row &r : m_data.rows)
        for (double v : {r.first, r.second})
            if (!std::isnan(v)) {
                l.hi = std::max(l.hi, v);
                l.lo = std::min(l.lo, v);
            }
    if (l.hi <= l.lo)
        l.hi = l.lo + 1;
    return l;
}

void BarTable::paintChart(QPainter &p, const QRectF &rect) const { paint(p, rect, -1); }

void BarTable::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, rect(), m_hover); // the hovered row is marked on screen only, never in an export
}

void BarTable::paint(QPainter &p, const QRectF &rect, int hover) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect, Qt::white);
    const Layout l = layout(rect);
    p.setPen(Qt::black);
    p.setFont(l.title);
    if (m_data.rows.empty()) {
        p.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, m_data.empty);
        p.restore();
        return;
    }
    p.drawText(l.titleRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_data.title);
    // the columns' headings; the first two with the look of their bar
    const QColor neutral(0x55, 0x55, 0x55);
    for (int c = 0; c < int(m_data.headings.size()); ++c) {
        const double left = l.columnLeft[size_t(c)];
        if (c < 2) {
            const QRectF box(left, l.headerTop + (l.headerH - l.swatch) / 2, l.swatch, l.swatch);
            p.setPen(QPen(neutral, 1));
            p.setBrush(c == 1 ? neutral : palette::tint(neutral));
            p.drawRect(box);
        }
        p.setPen(Qt::black);
        p.setFont(l.bold);
        p.drawText(QRectF(left, l.headerTop, l.columnWidth[size_t(c)], l.headerH), Qt::AlignRight | Qt::AlignVCenter,
                   m_data.headings[c]);
    }
    const double barH = std::min(l.rowH * 0.36, l.line * 0.6);
    const double zero = l.x(0);
    for (size_t k = 0; k < m_data.rows.size(); ++k) {
        const Row &r = m_data.rows[k];
        const double top = l.rowsTop + double(k) * l.rowH;
        if (int(k) == hover)
            p.fillRect(QRectF(rect.left(), top, rect.width(), l.rowH), QColor(0xee, 0xf2, 0xf8));
        // the name, after a swatch of the row's colour
        const double mid = top + l.rowH / 2;
        p.setPen(QPen(r.colour.darker(130), 1));
        p.setBrush(r.colour);
        p.drawRect(QRectF(l.nameLeft, mid - l.swatch / 2, l.swatch, l.swatch));
        p.setPen(Qt::black);
        p.setFont(l.text);
        const double nameX = l.nameLeft + l.swatch + l.gap * 0.5;
        p.drawText(QRectF(nameX, top, l.barsLeft - nameX, l.rowH), Qt::AlignLeft | Qt::AlignVCenter, r.name);
        // two bars from zero: the first (light) above the second (solid)
        auto bar = [&](double v, double y, bool solid) {
            if (std::isnan(v))
                return;
            const double x = l.x(v);
            p.setPen(QPen(r.colour.darker(solid ? 130 : 110), 1));
            p.setBrush(solid ? r.colour : palette::tint(r.colour));
            p.drawRect(QRectF(std::min(zero, x), y, std::max(1.0, std::fabs(x - zero)), barH));
        };
        bar(r.first, mid - barH - 0.5, false);
        bar(r.second, mid + 0.5, true);
        p.setPen(Qt::black);
        for (int c = 0; c < int(m_data.headings.size()) && c < r.cells.size(); ++c)
            p.drawText(QRectF(l.columnLeft[size_t(c)], top, l.columnWidth[size_t(c)], l.rowH), Qt::AlignRight | Qt::AlignVCenter,
                       r.cells[c]);
    }
    p.setPen(QPen(QColor(0x88, 0x88, 0x88), 1));
    p.drawLine(QPointF(zero, l.rowsTop), QPointF(zero, l.rowsTop + double(m_data.rows.size()) * l.rowH));
    p.restore();
}

int BarTable::rowAt(const QRectF &rect, const QPointF &point) const
{
    if (m_data.rows.empty() || !rect.contains(point))
        return -1;
    const Layout l = layout(rect);
    const double k = std::floor((point.y() - l.rowsTop) / l.rowH);
    return k >= 0 && k < double(m_data.rows.size()) ? int(k) : -1;
}

void BarTable::mouseMoveEvent(QMouseEvent *event)
{
    const int k = rowAt(rect(), event->position());
    if (k != m_hover) {
        m_hover = k;
        update();
    }
    if (k < 0 || m_data.rows[size_t(k)].tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), m_data.rows[size_t(k)].tip, this);
}

void BarTable::mousePressEvent(QMouseEvent *event)
{
    const int k = rowAt(rect(), event->position());
    if (k >= 0 && event->button() == Qt::LeftButton)
        emit rowClicked(k);
}

void BarTable::leaveEvent(QEvent *)
{
    m_hover = -1;
    QToolTip::hideText();
    update();
}
