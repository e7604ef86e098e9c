#pragma once
// The base of the charts drawn with Qt Charts (distribution, Pareto, holdout, the scatter's
// view): a chart rebuilt from scratch for every results object, in the chart style of the medium
// it is drawn for, with round axis ticks written as people write numbers, an optional note under
// the chart (wrapped to its width), and a tooltip for whatever is under the pointer anywhere in
// the plot area (not only on a line a few pixels wide).
#include "ChartStyle.h"
#include "ui/NumberFormat.h"

#include <QCategoryAxis>
#include <QChartView>

#include <functional>

class QGraphicsTextItem;

class PlainChart : public QChartView {
    Q_OBJECT
public:
    explicit PlainChart(QWidget *parent = nullptr);
    // Sets every text of the chart (title, axes, legend, labels, note) in this style's sizes.
    void applyStyle(const charts::Style &style);
    const charts::Style &chartStyle() const { return m_style; }
    QString note() const;
    // The tooltip for a point in the chart's value coordinates (empty: none).
    virtual QString tipAt(const QPointF &value) const;

    // An axis with ticks at t's values, labelled by label(value).
    static QCategoryAxis *tickAxis(const numbers::Ticks &t, const std::function<QString(double)> &label);
    // Round ticks for counts of customers from 0 to top (whole numbers only).
    static numbers::Ticks countTicks(double top, int maxTicks = 5);

protected:
    void clear(); // series, axes and note
    void setNote(const QString &text);
    void attach(QAbstractAxis *x, QAbstractAxis *y); // adds the axes, attached to every series
    void finish();                                    // after a rebuild: the chart's style
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

    bool m_positionTips = false; // set by a chart whose tipAt() tells what is under the pointer

private:
    void placeNote();
    charts::Style m_style = charts::screenStyle();
    QGraphicsTextItem *m_note;
};
