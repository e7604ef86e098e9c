#pragma once
// The base of the charts drawn with Qt Charts (distribution, Pareto, holdout, the scatter's
// view): a chart rebuilt from scratch for every results object, in the chart style of the medium
// it is drawn for, with round axis ticks written as people write numbers, and a tooltip for
// whatever is under the pointer anywhere in the plot area (not only on a line a few pixels wide).
// The title, the vertical axis' title and an optional note are text items of their own, wrapped
// to the chart's width (Qt Charts would cut them short): the title on top, the vertical axis'
// title level above the plot, the note under the chart.
#include "ChartStyle.h"
#include "ui/NumberFormat.h"

#include <QCategoryAxis>
#include <QChartView>

#include <functional>

class QGraphicsTextItem;
class FlowLegend;

class PlainChart : public QChartView {
    Q_OBJECT
public:
    explicit PlainChart(QWidget *parent = nullptr);
    // Sets every text of the chart (title, axes, legend, labels, note) in this style's sizes.
    void applyStyle(const charts::Style &style);
    const charts::Style &chartStyle() const { return m_style; }
    QString title() const;
    QString note() const;
    void setTitle(const QString &text);
    void setVerticalTitle(const QString &text);
    void setNote(const QString &text);
    // A legend of its own under the plot instead of Qt Charts' (which cuts names short when they
    // do not fit): the entries flow into as many lines as they need. Empty: Qt Charts' legend.
    struct LegendEntry {
        QColor fill, border;
        QString name;
        enum Shape { Dot, Box, Line } shape = Dot;
        Qt::PenStyle line = Qt::SolidLine;
    };
    void setLegend(const QList<LegendEntry> &entries);
    // The tooltip for a point in the chart's value coordinates (empty: none).
    virtual QString tipAt(const QPointF &value) const;

    // An axis with ticks at t's values, labelled by label(value). A horizontal axis is padded by a
    // quarter step at both ends, so that its first label keeps clear of the vertical axis' labels.
    static QCategoryAxis *tickAxis(const numbers::Ticks &t, const std::function<QString(double)> &label, bool padded = false);
    // Round ticks for counts of customers from 0 to top (whole numbers only).
    static numbers::Ticks countTicks(double top, int maxTicks = 5);

protected:
    void clear(); // series, axes, titles and note
    void attach(QAbstractAxis *x, QAbstractAxis *y); // adds the axes, attached to every series
    void finish(); // after a rebuild: the legend of the named series (a flowing one), the chart's style
    void mouseMoveEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void leaveEvent(QEvent *event) override;

    bool m_positionTips = false; // set by a chart whose tipAt() tells what is under the pointer

private:
    void place();
    QString tipAtPixel(const QPoint &pos) const;
    charts::Style m_style = charts::screenStyle();
    QGraphicsTextItem *m_title, *m_yTitle, *m_note;
    FlowLegend *m_legend;
};
