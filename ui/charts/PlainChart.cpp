#include "PlainChart.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QMouseEvent>
#include <QTextDocument>
#include <QToolTip>
#include <QXYSeries>

#include <cmath>

namespace {
constexpr int kMargin = 8;
}

PlainChart::PlainChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    auto *c = new QChart;
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(kMargin, kMargin, kMargin, kMargin));
    setChart(c);
    setMinimumHeight(220);
    m_note = new QGraphicsTextItem(c);
    m_note->setDefaultTextColor(QColor(0x44, 0x44, 0x44));
    m_note->hide();
    connect(c, &QGraphicsWidget::geometryChanged, this, &PlainChart::placeNote);
}

QString PlainChart::note() const { return m_note->isVisible() ? m_note->toPlainText() : QString(); }

QString PlainChart::tipAt(const QPointF &) const { return {}; }

void PlainChart::clear()
{
    chart()->removeAllSeries();
    for (QAbstractAxis *a : chart()->axes())
        chart()->removeAxis(a), delete a;
    setNote(QString());
}

void PlainChart::setNote(const QString &text)
{
    m_note->setPlainText(text);
    m_note->setVisible(!text.isEmpty());
    placeNote();
}

void PlainChart::placeNote()
{
    QChart *c = chart();
    if (!m_note->isVisible()) {
        c->setMargins(QMargins(kMargin, kMargin, kMargin, kMargin));
        return;
    }
    const double width = c->size().width() - 2 * kMargin;
    m_note->setTextWidth(std::max(50.0, width));
    const double h = m_note->boundingRect().height();
    m_note->setPos(kMargin, c->size().height() - h - kMargin / 2.0);
    const QMargins wanted(kMargin, kMargin, kMargin, int(std::ceil(h)) + kMargin);
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

void PlainChart::finish() { applyStyle(m_style); }

void PlainChart::applyStyle(const charts::Style &style)
{
    m_style = style;
    QChart *c = chart();
    const QFont text = style.textFont();
    c->setTitleFont(style.titleFont());
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
    placeNote();
}

QCategoryAxis *PlainChart::tickAxis(const numbers::Ticks &t, const std::function<QString(double)> &label)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(t.first);
    for (double v : t.values)
        axis->append(label(v), v);
    axis->setRange(t.first, t.last);
    return axis;
}

numbers::Ticks PlainChart::countTicks(double top, int maxTicks)
{
    numbers::Ticks t = numbers::niceTicks(0, std::max(1.0, top), maxTicks);
    if (t.step < 1) // a whole number of customers
        t = numbers::niceTicks(0, std::max<double>(maxTicks, top), maxTicks);
    return t;
}

void PlainChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    QChart *c = chart();
    const QPointF inChart = c->mapFromScene(mapToScene(event->position().toPoint()));
    const QString tip = c->series().isEmpty() || !c->plotArea().contains(inChart)
                            ? QString()
                            : tipAt(c->mapToValue(inChart, c->series().front()));
    // a chart without tips of its own (the scatter) leaves the tooltip to its points
    if (!tip.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
    else if (m_positionTips)
        QToolTip::hideText();
}

void PlainChart::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}
