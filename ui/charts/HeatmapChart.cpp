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
    const QFontMetricsF fm(chartStyle().textFont());
    double labels = 0;
    for (const QString &l : m_data.yLabels)
        labels = std::max(labels, fm.horizontalAdvance(l));
    // the vertical axis' title is written level, above the plot (rotated it would be cut short)
    const double left = fm.height() + labels;
    const double top = titleHeight(r) + fm.height() * 2.8;
    const double bottom = fm.height() * 3;
    // room for the colour scale and its widest label
    double widest = fm.horizontalAdvance(m_data.valueTitle) - fm.height();
    for (double v : m_data.values)
        if (!std::isnan(v))
            widest = std::max(widest, fm.horizontalAdvance(QLocale().toString(v, 'f', m_data.decimals)));
    widest = std::max(widest, fm.horizontalAdvance(m_data.valueTitle) - fm.height() * 2);
    const double right = widest + fm.height() * 3;
    return r.adjusted(left, top, -right, -bottom);
}

double HeatmapChart::titleHeight(const QRectF &rect) const
{
    const QFontMetricsF tfm(chartStyle().titleFont());
    return tfm.boundingRect(QRectF(0, 0, rect.width() - tfm.height(), 1e6), Qt::AlignHCenter | Qt::TextWordWrap, m_data.title).height() +
           tfm.height() * 0.3;
}

void HeatmapChart::paintChart(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont text = chartStyle().textFont();
    p.setFont(text);
    p.fillRect(rect, Qt::white);
    const QFontMetricsF fm(text);
    const QFontMetricsF tfm(chartStyle().titleFont());
    p.setPen(Qt::black);
    p.setFont(chartStyle().titleFont());
    p.drawText(QRectF(rect.left() + tfm.height() / 2, rect.top() + tfm.height() * 0.3, rect.width() - tfm.height(), titleHeight(rect)),
               Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_data.title);
    p.setFont(text);
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
    // the cells are labelled when every label fits in its cell
    double widestCell = 0;
    for (int i = 0; i < m_data.values.size(); ++i)
        if (!std::isnan(m_data.values[i])) {
            widestCell = std::max(widestCell, fm.horizontalAdvance(QLocale().toString(m_data.values[i], 'f', m_data.decimals)));
            if (!m_data.counts.isEmpty())
                widestCell = std::max(widestCell, fm.horizontalAdvance(QStringLiteral("(%1)").arg(QLocale().toString(m_data.counts[i]))));
        }
    const bool labelCells = cw > widestCell + fm.height() * 0.4 && ch > fm.height() * (m_data.counts.isEmpty() ? 1.2 : 2.2);
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
    // axis labels: every label when they fit, otherwise every k-th; each in a box of its own size
    double widestX = 0;
    for (const QString &l : m_data.xLabels)
        widestX = std::max(widestX, fm.horizontalAdvance(l));
    const int xStep = std::max(1, int(std::ceil((widestX + fm.height() * 0.6) / cw)));
    for (int c = 0; c < cols; c += xStep) {
        const double w = fm.horizontalAdvance(m_data.xLabels[c]) + 2;
        p.drawText(QRectF(plot.left() + (c + 0.5) * cw - w / 2, plot.bottom() + 2, w, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   m_data.xLabels[c]);
    }
    const int yStep = std::max(1, int(std::ceil(fm.height() * 1.1 / ch)));
    for (int r = 0; r < rows; r += yStep)
        p.drawText(QRectF(rect.left(), plot.bottom() - (r + 0.5) * ch - fm.height() / 2, plot.left() - rect.left() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, m_data.yLabels[r]);
    p.setPen(Qt::black);
    p.drawText(QRectF(plot.left(), plot.bottom() + fm.height() * 1.3, plot.width(), fm.height() * 1.4), Qt::AlignCenter,
               m_data.xTitle);
    p.drawText(QRectF(rect.left() + fm.height() * 0.5, plot.top() - fm.height() * 2.6, plot.right() - rect.left(), fm.height() * 1.2),
               Qt::AlignLeft | Qt::AlignVCenter, m_data.yTitle);
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
    p.drawText(QRectF(bar.left() - fm.height(), bar.top() - fm.height() * 1.3, rect.right() - bar.left() + fm.height(), fm.height()),
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
