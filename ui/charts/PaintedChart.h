#pragma once
// A chart drawn with QPainter rather than Qt Charts (matrices, tables): one paintChart() draws
// it into any rectangle, for the window and for every export alike.
#include <QPainter>
#include <QWidget>

class PaintedChart : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void paintChart(QPainter &p, const QRectF &rect) const = 0;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        paintChart(p, rect());
    }
};
