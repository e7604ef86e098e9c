#pragma once
// How customers moved between two snapshot dates (issue 19): the migration matrix (rows: the
// segments at the first date and the new customers, columns: the segments at the second; each
// cell the customers, or their value as of the second date) with the lapsed customers (no order
// between the dates) as a column of their own, set apart at its right, beside a flow chart of the
// main moves. Clicking a cell asks for its customers (cellClicked; the lapsed column is
// vs::lapsedColumn), which the window shows in the customer table.
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
    // The cells show the customers (false, the default) or their value as of the second date.
    void setShowValue(bool value);
    bool showsValue() const { return m_showValue; }
    // The matrix cell at a point of the widget: (row, column), or (-1, -1); the lapsed column is
    // vs::lapsedColumn(migration).
    std::pair<int, int> cellAt(QPointF pos) const;
    // The centre of a cell (column vs::lapsedColumn: the lapsed column), for tests.
    QPointF cellCentre(int row, int column) const;
    // The text a cell shows ("" when it is empty or too narrow), for tests.
    QString cellText(int row, int column) const;

signals:
    void cellClicked(int fromIndex, int toIndex);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QRectF title, matrix, lapsed, flow, note;
        double rowLabelWidth = 0, columnLabelHeight = 0;
    };
    Layout layoutFor(const QRectF &rect) const;
    void paintMatrix(QPainter &p, const Layout &l) const;
    void paintFlow(QPainter &p, const Layout &l) const;
    QColor colourOf(int segment, bool from) const;
    QString noteText() const;
    QRectF cellRect(const Layout &l, int row, int column) const;
    QString cellText(const Layout &l, int row, int column) const;
    size_t cellCount(int row, int column) const;
    double cellValue(int row, int column) const;
    bool m_showValue = false;
    std::shared_ptr<const vs::PeriodMigration> m_m;
    std::vector<int> m_colours; // palette index per to-segment label; -1 for (none)/(new)
    size_t m_warnings = 0;
};
