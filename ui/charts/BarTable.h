#pragma once
// A painted chart of rows: one row per segment with its name in full (after a swatch of its
// colour), two bars from zero (the first light, the second solid, both in the row's colour) and
// the row's numbers in columns of their own, each under a heading. Nothing is ever elided or
// drawn over anything else: when the rows or the columns do not fit, all text gets smaller.
// The segments chart (share of customers and of value) and the migration chart (customers in the
// baseline and now) are drawn with it. Hovering a row shows its tooltip; clicking it says which.
#include "PaintedChart.h"

#include <QStringList>

#include <vector>

class BarTable : public PaintedChart {
    Q_OBJECT
public:
    struct Row {
        QString name;
        QColor colour;
        double first = 0, second = 0; // the bars' lengths (NaN: no bar)
        QStringList cells;            // one per heading
        QString tip;                  // what hovering the row shows
    };
    struct Data {
        QString title;
        QString empty;        // drawn when there are no rows
        QStringList headings; // the first two are keyed to the light and the solid bar
        std::vector<Row> rows;
    };
    explicit BarTable(QWidget *parent = nullptr);
    void setData(Data data);
    const Data &data() const { return m_data; }
    void paintChart(QPainter &p, const QRectF &rect) const override;
    QSize sizeHint() const override;
    // The row drawn at this point of a chart laid out in rect, or -1.
    int rowAt(const QRectF &rect, const QPointF &point) const;

signals:
    void rowClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Layout;
    Layout layout(const QRectF &rect) const;
    void paint(QPainter &p, const QRectF &rect, int hover) const;
    Data m_data;
    int m_hover = -1;
};
