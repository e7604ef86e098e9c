#include "PlainChart.h"

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsTextItem>
#include <QPainter>
#include <QLegend>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QTextDocument>
#include <QToolTip>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kMargin = 8;
}

// Legend entries (a round swatch and a name) that flow into lines across the chart's width.
class FlowLegend : public QGraphicsItem {
public:
    using QGraphicsItem::QGraphicsItem;
    QList<PlainChart::LegendEntry> entries;
    QFont font;
    double width = 100;
    void changing() { prepareGeometryChange(); }

    // where each entry goes for the width; the height of the whole
    double arrange(std::vector<QPointF> *at = nullptr) const
    {
        const QFontMetricsF fm(font);
        const double line = fm.height() * 1.3, swatch = fm.height() * 0.7, gap = fm.height() * 0.9;
        double x = 0, y = 0;
        for (const PlainChart::LegendEntry &e : entries) {
            const double w = swatch + fm.height() * 0.35 + fm.horizontalAdvance(e.name);
            if (x > 0 && x + w > width) {
                x = 0;
                y += line;
            }
            if (at)
                at->push_back(QPointF(x, y));
            x += w + gap;
        }
        return entries.isEmpty() ? 0 : y + line;
    }
    QRectF boundingRect() const override { return QRectF(0, 0, width, arrange()); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        std::vector<QPointF> at;
        arrange(&at);
        const QFontMetricsF fm(font);
        const double line = fm.height() * 1.3, swatch = fm.height() * 0.7;
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setFont(font);
        for (int i = 0; i < entries.size(); ++i) {
            const PlainChart::LegendEntry &e = entries[i];
            const QPointF o = at[size_t(i)];
            const QRectF box(o.x(), o.y() + (line - swatch) / 2, swatch, swatch);
            switch (e.shape) {
            case PlainChart::LegendEntry::Dot:
                p->setPen(QPen(e.border, 1));
                p->setBrush(e.fill);
                p->drawEllipse(box);
                break;
            case PlainChart::LegendEntry::Box:
                p->setPen(QPen(e.border, 1));
                p->setBrush(e.fill);
                p->drawRect(box);
                break;
            case PlainChart::LegendEntry::Line:
                p->setPen(QPen(e.border, 2, e.line));
                p->drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
                break;
            }
            p->setPen(Qt::black);
            const double tx = o.x() + swatch + fm.height() * 0.35;
            p->drawText(QRectF(tx, o.y(), fm.horizontalAdvance(e.name) + 1, line), Qt::AlignLeft | Qt::AlignVCenter, e.name);
        }
        p->restore();
    }
};

PlainChart::PlainChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    viewport()->setMouseTracking(true); // pointer moves without a button reach mouseMoveEvent
    auto *c = new QChart;
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(kMargin, kMargin, kMargin, kMargin));
    setChart(c);
    setMinimumHeight(220);
    m_title = new QGraphicsTextItem(c);
    QTextOption centred(Qt::AlignHCenter);
    centred.setWrapMode(QTextOption::WordWrap);
    m_title->document()->setDefaultTextOption(centred);
    m_yTitle = new QGraphicsTextItem(c);
    m_note = new QGraphicsTextItem(c);
    m_note->setDefaultTextColor(QColor(0x44, 0x44, 0x44));
    for (QGraphicsTextItem *t : {m_title, m_yTitle, m_note}) {
        t->document()->setDocumentMargin(0);
        t->hide();
    }
    m_legend = new FlowLegend(c);
    m_legend->hide();
    connect(c, &QGraphicsWidget::geometryChanged, this, &PlainChart::place);
}

QString PlainChart::title() const { return m_title->isVisible() ? m_title->toPlainText() : QString(); }
QString PlainChart::note() const { return m_note->isVisible() ? m_note->toPlainText() : QString(); }

QString PlainChart::tipAt(const QPointF &) const { return {}; }

void PlainChart::clear()
{
    chart()->removeAllSeries();
    for (QAbstractAxis *a : chart()->axes())
        chart()->removeAxis(a), delete a;
    setTitle(QString());
    setVerticalTitle(QString());
    setNote(QString());
    setLegend({});
}

namespace {
void setText(QGraphicsTextItem *item, const QString &text)
{
    item->setPlainText(text);
    item->setVisible(!text.isEmpty());
}
} // namespace

void PlainChart::setTitle(const QString &text)
{
    setText(m_title, text);
    place();
}

void PlainChart::setVerticalTitle(const QString &text)
{
    setText(m_yTitle, text);
    place();
}

void PlainChart::setLegend(const QList<LegendEntry> &entries)
{
    m_legend->changing();
    m_legend->entries = entries;
    m_legend->setVisible(!entries.isEmpty());
    chart()->legend()->setVisible(entries.isEmpty());
    place();
}

void PlainChart::setNote(const QString &text)
{
    setText(m_note, text);
    place();
}

void PlainChart::place()
{
    QChart *c = chart();
    const double width = std::max(50.0, c->size().width() - 2 * kMargin);
    const double line = QFontMetricsF(m_yTitle->font()).height();
    double top = kMargin, bottom = kMargin;
    if (m_title->isVisible()) {
        m_title->setTextWidth(width);
        m_title->setPos(kMargin, top);
        top += m_title->boundingRect().height() + line * 0.3;
    }
    if (m_yTitle->isVisible()) {
        m_yTitle->setTextWidth(width);
        m_yTitle->setPos(kMargin, top);
        top += m_yTitle->boundingRect().height();
    }
    top += line * 0.6; // the top tick's label reaches above the plot by half a line
    if (m_note->isVisible()) {
        m_note->setTextWidth(width);
        const double h = m_note->boundingRect().height();
        m_note->setPos(kMargin, c->size().height() - h - kMargin / 2.0);
        bottom += h + line * 0.3;
    }
    if (m_legend->isVisible()) {
        m_legend->changing();
        m_legend->width = width;
        const double h = m_legend->arrange();
        m_legend->setPos(kMargin, c->size().height() - bottom - h + kMargin / 2.0);
        bottom += h + line * 0.2;
    }
    const QMargins wanted(kMargin, int(std::ceil(top)), kMargin, int(std::ceil(bottom)));
    if (c->margins() != wanted)
        c->setMargins(wanted);
}

void PlainChart::attach(QAbstractAxis *x, QAbstractAxis *y)
{
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart()->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void PlainChart::finish()
{
    // Qt Charts' legend cuts names short when they do not fit on its one line: a legend of its
    // own, with the same entries, flows into as many lines as it needs
    QList<LegendEntry> entries;
    for (QAbstractSeries *s : chart()->series()) {
        // one entry per name (the segment boundaries are several lines)
        if (s->name().isEmpty() || std::any_of(entries.begin(), entries.end(), [s](const LegendEntry &e) { return e.name == s->name(); }))
            continue;
        LegendEntry e;
        e.name = s->name();
        if (auto *area = qobject_cast<QAreaSeries *>(s)) {
            e.shape = LegendEntry::Box;
            e.fill = area->color();
            e.border = area->borderColor();
        } else if (auto *dots = qobject_cast<QScatterSeries *>(s)) {
            e.shape = LegendEntry::Dot;
            e.fill = dots->color();
            e.border = dots->borderColor();
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            e.shape = LegendEntry::Line;
            e.border = line->pen().color();
            e.line = line->pen().style();
        } else {
            continue;
        }
        entries << e;
    }
    setLegend(entries);
    applyStyle(m_style);
}

void PlainChart::applyStyle(const charts::Style &style)
{
    m_style = style;
    QChart *c = chart();
    const QFont text = style.textFont();
    m_title->setFont(style.titleFont());
    m_yTitle->setFont(text);
    c->legend()->setFont(text);
    for (QAbstractAxis *a : c->axes()) {
        a->setLabelsFont(text);
        a->setTitleFont(text);
    }
    for (QAbstractSeries *s : c->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s))
            for (QBarSet *set : bars->barSets())
                set->setLabelFont(text);
        else if (auto *xy = qobject_cast<QXYSeries *>(s))
            xy->setPointLabelsFont(text);
    }
    m_note->setFont(style.noteFont());
    m_legend->changing();
    m_legend->font = text;
    place();
}

QCategoryAxis *PlainChart::tickAxis(const numbers::Ticks &t, const std::function<QString(double)> &label, bool padded)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const double pad = padded ? t.step / 4 : 0;
    axis->setStartValue(t.first - pad);
    for (double v : t.values)
        axis->append(label(v), v);
    axis->setRange(t.first - pad, t.last + pad);
    return axis;
}

numbers::Ticks PlainChart::countTicks(double top, int maxTicks)
{
    numbers::Ticks t = numbers::niceTicks(0, std::max(1.0, top), maxTicks);
    if (t.step < 1) // a whole number of customers
        t = numbers::niceTicks(0, std::max<double>(maxTicks, top), maxTicks);
    return t;
}

QString PlainChart::tipAtPixel(const QPoint &pos) const
{
    QChart *c = chart();
    const QPointF inChart = c->mapFromScene(mapToScene(pos));
    return c->series().isEmpty() || !c->plotArea().contains(inChart) ? QString()
                                                                      : tipAt(c->mapToValue(inChart, c->series().front()));
}

void PlainChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QString tip = tipAtPixel(event->position().toPoint());
    // a chart without tips of its own (the scatter) leaves the tooltip to its points
    if (!tip.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), tip, viewport());
    else if (m_positionTips)
        QToolTip::hideText();
}

bool PlainChart::viewportEvent(QEvent *event)
{
    // When the pointer rests, Qt asks the scene for a tooltip, and the scene, whose items have
    // none, hides whatever is shown: the tooltips of the bars and the curve never stayed. The
    // chart answers instead.
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = tipAtPixel(help->pos());
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, viewport());
        else if (m_positionTips)
            QToolTip::hideText();
        return true;
    }
    return QChartView::viewportEvent(event);
}

void PlainChart::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}
