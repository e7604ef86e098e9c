#include "TableChart.h"

#include <QFontMetricsF>
#include <QCoreApplication>
#include <QPaintEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

TableChart::TableChart(QWidget *parent) : PaintedChart(parent)
{
    setMinimumSize(320, 160);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_scroll = new QScrollBar(Qt::Vertical, this);
    m_scroll->hide();
    connect(m_scroll, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
}

void TableChart::setData(Data data)
{
    m_data = std::move(data);
    updateGeometry();
    updateScroll();
    update();
}

double TableChart::naturalHeight() const
{
    const charts::Style &style = chartStyle();
    const QFontMetricsF fm(style.textFont()), tfm(style.titleFont());
    return tfm.height() * 1.9 + fm.height() * 1.5 * (m_data.rows.size() + 1) + fm.height() * 2;
}

void TableChart::updateScroll()
{
    const int over = int(std::ceil(naturalHeight() - height()));
    m_scroll->setVisible(over > 0);
    m_scroll->setRange(0, std::max(0, over));
    m_scroll->setPageStep(height());
    m_scroll->setSingleStep(QFontMetrics(chartStyle().textFont()).height() * 3 / 2);
    m_scroll->setGeometry(width() - m_scroll->sizeHint().width(), 0, m_scroll->sizeHint().width(), height());
}

void TableChart::resizeEvent(QResizeEvent *)
{
    updateScroll();
}

void TableChart::wheelEvent(QWheelEvent *event)
{
    if (m_scroll->isVisible())
        QCoreApplication::sendEvent(m_scroll, event);
}

void TableChart::paintEvent(QPaintEvent *)
{
    // on screen: the text at the screen's size, the rows that do not fit behind the scroll bar
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const double w = width() - (m_scroll->isVisible() ? m_scroll->width() : 0);
    p.translate(0, -m_scroll->value());
    paintChart(p, QRectF(0, 0, w, std::max<double>(height(), naturalHeight())));
}

QSize TableChart::sizeHint() const
{
    const QFontMetrics fm(chartStyle().textFont());
    return QSize(640, int(fm.height() * 1.6 * (m_data.rows.size() + 3)));
}

void TableChart::paintChart(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.fillRect(rect, Qt::white);
    const charts::Style &style = chartStyle();
    const int cols = int(m_data.header.size());
    const int rows = int(m_data.rows.size());
    // the largest text (at most the style's) with which every row and every column fits: the
    // widths are measured with the font they are drawn with, so no cell is ever cut short
    // the title keeps its size and wraps when it must
    const QFont titleFont = style.titleFont();
    const QFontMetricsF tfm(titleFont);
    const double titleH = tfm.boundingRect(QRectF(0, 0, rect.width() - tfm.height(), 1e6), Qt::AlignHCenter | Qt::TextWordWrap,
                                           m_data.title).height() + tfm.height() * 0.6;
    QFont f, bold;
    QVector<double> width(cols, 0);
    double rowH = 0, pad = 0, margin = 0, total = 0;
    for (double k = 1.0;; k *= 0.94) {
        f = style.font(style.text * k);
        bold = style.font(style.text * k, true);
        const QFontMetricsF fm(f), bfm(bold);
        rowH = fm.height() * 1.5;
        pad = fm.height() * 0.6;
        margin = fm.height();
        total = 0;
        for (int c = 0; c < cols; ++c) {
            double w = bfm.horizontalAdvance(m_data.header[c]);
            for (const QStringList &row : m_data.rows)
                if (c < row.size())
                    w = std::max(w, fm.horizontalAdvance(row[c]));
            width[c] = w + 2 * pad;
            total += width[c];
        }
        const double height = titleH + rowH * (rows + 1) + margin;
        if ((total <= rect.width() - 2 * margin && height <= rect.height()) || style.text * k < 3)
            break;
    }
    if (total < rect.width() - 2 * margin) // room to spare: the columns share it
        for (double &w : width)
            w += (rect.width() - 2 * margin - total) / std::max(1, cols);
    p.setPen(Qt::black);
    p.setFont(titleFont);
    p.drawText(QRectF(rect.left() + tfm.height() / 2, rect.top() + tfm.height() * 0.3, rect.width() - tfm.height(), titleH),
               Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_data.title);
    if (cols == 0) {
        p.restore();
        return;
    }
    double y = rect.top() + titleH;
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
