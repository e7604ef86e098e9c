#include "TableChart.h"

#include <QFontInfo>
#include <QFontMetricsF>

#include <algorithm>

TableChart::TableChart(QWidget *parent) : PaintedChart(parent)
{
    setMinimumSize(320, 160);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void TableChart::setData(Data data)
{
    m_data = std::move(data);
    updateGeometry();
    update();
}

QSize TableChart::sizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(640, int(fm.height() * 1.6 * (m_data.rows.size() + 3)));
}

void TableChart::paintChart(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.fillRect(rect, Qt::white);
    QFont f = font();
    f.setPointSizeF(QFontInfo(f).pointSizeF()); // a pixel-sized default font cannot be scaled by points
    const int cols = int(m_data.header.size());
    const int rows = int(m_data.rows.size());
    // one line per row plus the title and the header; shrink the font when they do not fit
    const double lines = rows + 3.2;
    QFontMetricsF fm(f);
    if (fm.height() * 1.5 * lines > rect.height() && rows > 0) {
        f.setPointSizeF(std::max(4.0, f.pointSizeF() * rect.height() / (fm.height() * 1.5 * lines)));
        fm = QFontMetricsF(f);
    }
    const double rowH = fm.height() * 1.5;
    QFont bold = f;
    bold.setBold(true);
    p.setPen(Qt::black);
    p.setFont(bold);
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), rowH * 1.4), Qt::AlignCenter, m_data.title);
    if (cols == 0) {
        p.restore();
        return;
    }
    // column widths from the widest text, then stretched to the width
    QVector<double> width(cols, 0);
    const QFontMetricsF bfm(bold);
    for (int c = 0; c < cols; ++c)
        width[c] = bfm.horizontalAdvance(m_data.header[c]);
    for (const QStringList &row : m_data.rows)
        for (int c = 0; c < cols && c < row.size(); ++c)
            width[c] = std::max(width[c], fm.horizontalAdvance(row[c]));
    const double pad = fm.height() * 0.6;
    double total = 0;
    for (double &w : width)
        total += (w += 2 * pad);
    const double margin = fm.height();
    const double scale = (rect.width() - 2 * margin) / total;
    if (scale < 1) { // too wide: a smaller font for everything below the title
        f.setPointSizeF(std::max(4.0, f.pointSizeF() * scale));
        bold.setPointSizeF(f.pointSizeF());
    }
    for (double &w : width)
        w *= std::min(1.0, scale);
    if (scale > 1) // room to spare: the columns share it
        for (double &w : width)
            w += (rect.width() - 2 * margin - total) / cols;
    double y = rect.top() + rowH * 1.6;
    auto drawRow = [&](const QStringList &cells, bool header, bool shaded) {
        double x = rect.left() + margin;
        if (shaded)
            p.fillRect(QRectF(x, y, rect.width() - 2 * margin, rowH), QColor(0xf2, 0xf4, 0xf7));
        p.setFont(header ? bold : f);
        for (int c = 0; c < cols; ++c) {
            const QRectF cell(x + pad, y, width[c] - 2 * pad, rowH);
            p.drawText(cell, Qt::AlignVCenter | (c == 0 ? Qt::AlignLeft : Qt::AlignRight), c < cells.size() ? cells[c] : QString());
            x += width[c];
        }
        y += rowH;
    };
    drawRow(m_data.header, true, false);
    p.setPen(QPen(QColor(90, 90, 90), 1));
    p.drawLine(QPointF(rect.left() + margin, y), QPointF(rect.right() - margin, y));
    p.setPen(Qt::black);
    for (int r = 0; r < rows; ++r)
        drawRow(m_data.rows[r], false, r % 2 == 1);
    p.restore();
}
