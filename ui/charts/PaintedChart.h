#pragma once
// A chart drawn with QPainter rather than Qt Charts (matrices, tables, the segments): one
// paintChart() draws it into any rectangle, for the window and for every export alike, with the
// text sizes of the chart's style (the screen's, or an export's while it is drawn).
#include "ChartStyle.h"

#include <QPainter>
#include <QWidget>

class PaintedChart : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void paintChart(QPainter &p, const QRectF &rect) const = 0;
    void setChartStyle(const charts::Style &style)
    {
        m_style = style;
        update();
    }
    const charts::Style &chartStyle() const { return m_style; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        paintChart(p, rect());
    }

private:
    charts::Style m_style = charts::screenStyle();
};
