#pragma once
// A table drawn as a picture: the descriptive statistics (DESIGN.md S8) of every numeric column
// and computed measure, so that it exports and goes into a report like any chart.
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

private:
    Data m_data;
};
