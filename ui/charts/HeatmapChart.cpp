#include "HeatmapChart.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace {

// viridis, sampled: readable in colour and in grey, and for colour-blind readers
QColor colourAt(double t)
{
    static const QColor stops[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98),
                                   QColor(253, 231, 37)};
    t = std::clamp(t, 0.0, 1.0) * 4;
    const int i = std::min(3, int(t));
    const double f = t - i;
    const QColor &a = stops[i], &b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f), float(a.greenF() + (b.greenF() - a.greenF()) * f),
                            float(a.blueF() + (b.blueF() - a.blueF()) * f));
}

} // namespace

HeatmapChart::HeatmapChart(QWidget *parent) : PaintedChart(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 240);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void HeatmapChart::setData(Data data)
{
    m_data = std::move(data);
    update();
}

QRectF HeatmapChart::plotRect(const QRectF &r) const
{
    const QFontMetricsF fm(font());
    const double left = fm.height() * 2 + fm.horizontalAdvance(QStringLiteral("00000.0")) ;
    const double top = fm.height() * 3;
    const double bottom = fm.height() * 3;
    // room for the colour scale and its widest label
    double widest = fm.horizontalAdvance(m_data.valueTitle) - fm.height();
    for (double v : m_data.values)
        if (!std::isnan(v))
            widest = std::max(widest, fm.horizontalAdvance(QLocale().toString(v, 'f', m_data.decimals)));
    const double right = widest + fm.height() * 3;
    return r.adjusted(left, top, -right, -bottom);
}

void HeatmapChart::paintChart(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font());
    p.fillRect(rect, Qt::white);
    const QFontMetricsF fm(font());
    QFont bold = font();
    bold.setBold(true);
    p.setPen(Qt::black);
    p.setFont(bold);
    p.drawText(QRectF(rect.left(), rect.top() + fm.height() * 0.3, rect.width(), fm.height() * 1.4), Qt::AlignCenter,
               m_data.title);
    p.setFont(font());
    const int cols = int(m_data.xLabels.size()), rows = int(m_data.yLabels.size());
    if (cols == 0 || rows == 0 || m_data.values.size() != qsizetype(cols) * rows) {
        p.drawText(rect, Qt::AlignCenter, tr("Nothing to show for these results."));
        p.restore();
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (double v : m_data.values)
        if (!std::isnan(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    const QRectF plot = plotRect(rect);
    const double cw = plot.width() / cols, ch = plot.height() / rows;
    const bool labelCells = cw > fm.horizontalAdvance(QStringLiteral("0000.00")) && ch > fm.height() * 1.2;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const double v = m_data.values[r * cols + c];
            const QRectF cell(plot.left() + c * cw, plot.bottom() - (r + 1) * ch, cw, ch);
            if (std::isnan(v)) {
                p.fillRect(cell, QColor(235, 235, 235));
                continue;
            }
            const double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
            const QColor col = colourAt(t);
            p.fillRect(cell.adjusted(0, 0, 0.5, 0.5), col);
            if (labelCells) {
                p.setPen(t > 0.6 ? Qt::black : Qt::white);
                QString text = QLocale().toString(v, 'f', m_data.decimals);
                if (!m_data.counts.isEmpty())
                    text += QStringLiteral("\n(%1)").arg(QLocale().toString(m_data.counts[r * cols + c]));
                p.drawText(cell, Qt::AlignCenter, text);
            }
        }
    p.setPen(QColor(90, 90, 90));
    p.drawRect(plot);
    // axis labels: every label when they fit, otherwise every k-th
    const int xStep = std::max(1, int(std::ceil(fm.horizontalAdvance(QStringLiteral("0000")) * 1.3 / cw)));
    for (int c = 0; c < cols; c += xStep)
        p.drawText(QRectF(plot.left() + c * cw, plot.bottom() + 2, cw, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   m_data.xLabels[c]);
    const int yStep = std::max(1, int(std::ceil(fm.height() * 1.1 / ch)));
    for (int r = 0; r < rows; r += yStep)
        p.drawText(QRectF(rect.left(), plot.bottom() - (r + 1) * ch, plot.left() - rect.left() - 4, ch),
                   Qt::AlignRight | Qt::AlignVCenter, m_data.yLabels[r]);
    p.setPen(Qt::black);
    p.drawText(QRectF(plot.left(), plot.bottom() + fm.height() * 1.3, plot.width(), fm.height() * 1.4), Qt::AlignCenter,
               m_data.xTitle);
    p.save();
    p.translate(rect.left() + fm.height() * 0.2, plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-plot.height() / 2, 0, plot.height(), fm.height() * 1.2), Qt::AlignCenter, m_data.yTitle);
    p.restore();
    // colour scale
    const QRectF bar(plot.right() + fm.height(), plot.top(), fm.height(), plot.height());
    for (int i = 0; i < 100; ++i)
        p.fillRect(QRectF(bar.left(), bar.bottom() - (i + 1) * bar.height() / 100, bar.width(), bar.height() / 100 + 0.5),
                   colourAt(i / 99.0));
    p.setPen(QColor(90, 90, 90));
    p.drawRect(bar);
    p.setPen(Qt::black);
    if (std::isfinite(lo)) {
        p.drawText(QRectF(bar.right() + 4, bar.bottom() - fm.height(), rect.right() - bar.right(), fm.height()),
                   Qt::AlignLeft, QLocale().toString(lo, 'f', m_data.decimals));
        p.drawText(QRectF(bar.right() + 4, bar.top(), rect.right() - bar.right(), fm.height()), Qt::AlignLeft,
                   QLocale().toString(hi, 'f', m_data.decimals));
    }
    p.drawText(QRectF(bar.left() - fm.height(), bar.top() - fm.height() * 1.4, rect.right() - bar.left() + fm.height(), fm.height()),
               Qt::AlignLeft, m_data.valueTitle);
    p.restore();
}

void HeatmapChart::mouseMoveEvent(QMouseEvent *event)
{
    const int cols = int(m_data.xLabels.size()), rows = int(m_data.yLabels.size());
    const QRectF plot = plotRect(rect());
    if (!cols || !rows || !plot.contains(event->position())) {
        QToolTip::hideText();
        return;
    }
    const int c = std::min(cols - 1, int((event->position().x() - plot.left()) / (plot.width() / cols)));
    const int r = std::min(rows - 1, int((plot.bottom() - event->position().y()) / (plot.height() / rows)));
    const double v = m_data.values[r * cols + c];
    QString text = QStringLiteral("%1: %2\n%3: %4\n%5: %6")
                       .arg(m_data.xTitle, m_data.xLabels[c], m_data.yTitle, m_data.yLabels[r], m_data.valueTitle,
                            std::isnan(v) ? tr("no customers") : QLocale().toString(v, 'g', 8));
    if (!m_data.counts.isEmpty())
        text += tr("\nCustomers: %1").arg(QLocale().toString(m_data.counts[r * cols + c]));
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
}
