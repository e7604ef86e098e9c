#pragma once
// A table drawn as a picture: the descriptive statistics (DESIGN.md S8) of every numeric column
// and computed measure, so that it exports and goes into a report like any chart. A picture fits
// the table into its rectangle (smaller text when it must); in the window the text keeps the
// screen's size and a scroll bar shows the rows that do not fit.
#include "PaintedChart.h"

#include <QStringList>
#include <QVector>

class TableChart : public PaintedChart {
    Q_OBJECT
public:
    struct Data {
        QString title;
        QStringList header;          // first column: the row names
        QVector<QStringList> rows;   // already formatted
    };
    explicit TableChart(QWidget *parent = nullptr);
    void setData(Data data);
    const Data &data() const { return m_data; }
    void paintChart(QPainter &p, const QRectF &rect) const override;
    QSize sizeHint() const override;
    // The height the table takes at the style's text size, for this width.
    double naturalHeight() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void updateScroll();
    Data m_data;
    class QScrollBar *m_scroll;
};
