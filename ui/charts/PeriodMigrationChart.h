#pragma once
// How customers moved between two snapshot dates (issue 19): the migration matrix (rows: the
// segments at the first date and the new customers, columns: the segments at the second; each
// cell the customers and, on hover, their value) beside a flow chart of the main moves. Clicking
// a cell asks for its customers (cellClicked), which the window shows in the customer table.
#include "PaintedChart.h"

#include <memory>
#include <utility>
#include <vector>

namespace vs { struct PeriodMigration; }

class PeriodMigrationChart : public PaintedChart {
    Q_OBJECT
public:
    explicit PeriodMigrationChart(QWidget *parent = nullptr);
    // warnings: the early warnings of these results (valuable customers who fell), for the note
    void setMigration(std::shared_ptr<const vs::PeriodMigration> m, std::vector<int> segmentColours = {}, size_t warnings = 0);
    void paintChart(QPainter &p, const QRectF &rect) const override;
    // The matrix cell at a point of the widget: (row, column), or (-1, -1).
    std::pair<int, int> cellAt(QPointF pos) const;

signals:
    void cellClicked(int fromIndex, int toIndex);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QRectF title, matrix, flow, note;
        double rowLabelWidth = 0, columnLabelHeight = 0;
    };
    Layout layoutFor(const QRectF &rect) const;
    void paintMatrix(QPainter &p, const Layout &l) const;
    void paintFlow(QPainter &p, const Layout &l) const;
    QColor colourOf(int segment, bool from) const;
    QString noteText() const;
    std::shared_ptr<const vs::PeriodMigration> m_m;
    std::vector<int> m_colours; // palette index per to-segment label; -1 for (none)/(new)
    size_t m_warnings = 0;
};
