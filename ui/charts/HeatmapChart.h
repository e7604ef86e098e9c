#pragma once
// A matrix of coloured cells with its scale: the RFM heatmap (recency score x frequency score,
// mean monetary value), the frequency/recency matrix and the P(alive) matrix. It only draws
// what the results hold; hovering a cell shows its exact value.
#include "PaintedChart.h"

class HeatmapChart : public PaintedChart {
    Q_OBJECT
public:
    struct Data {
        QString title, xTitle, yTitle, valueTitle;
        QStringList xLabels, yLabels;  // columns left to right, rows bottom to top
        QVector<double> values;        // row-major, rows from the bottom; NaN = empty cell
        QVector<qulonglong> counts;    // optional: customers per cell
        int decimals = 2;
    };
    explicit HeatmapChart(QWidget *parent = nullptr);
    void setData(Data data);
    const Data &data() const { return m_data; }
    // Draws the whole chart into rect (the window, and every export, use this).
    void paintChart(QPainter &p, const QRectF &rect) const override;

protected:
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF plotRect(const QRectF &rect) const;
    double titleHeight(const QRectF &rect) const;
    Data m_data;
};
