#pragma once
// Value against a score (or one score against another), one colour per segment. Above 5,000
// customers it shows a random sample of 5,000 (fixed seed: the same picture for the same
// results), says so in its title, and stays quick with any number of customers. Hovering a
// point names the customer and its exact values.
//
// Axes, title and legend are Qt Charts'; the points are painted by one graphics item on the
// chart's plot area (a QScatterSeries makes a graphics item per point: ~100 ms to redraw 5,000).
// The legend's entries are point-less scatter series in the segments' colours.
#include <QChartView>
#include <QPointF>
#include <QWidget>

#include <memory>
#include <vector>

class PlainChart;
class PointCloud;
class QComboBox;
namespace vs { struct AnalysisResults; }

class ScatterChart : public QWidget {
    Q_OBJECT
public:
    static constexpr size_t kMaxPoints = 5000;

    explicit ScatterChart(QWidget *parent = nullptr);
    // An empty string, or why there is nothing to plot.
    QString setResults(std::shared_ptr<const vs::AnalysisResults> results);
    // The measures that can go on an axis: value, the scores, the model's numeric columns.
    static QStringList measures(const vs::AnalysisResults &r);
    // Chooses the axes by measure name (the defaults: the first score, or model column, against value).
    void setAxes(const QString &x, const QString &y);
    QString xMeasure() const;
    QString yMeasure() const;
    QChartView *view() const; // what an export draws

    struct Point {
        QPointF at;      // (x, y) in the measures' units
        int series = 0;  // index among the chart's series: its segment, or the last one, "no segment"
        size_t row = 0;  // the customer
    };
    const std::vector<Point> &points() const;

private:
    void redraw();
    QComboBox *m_x, *m_y;
    PlainChart *m_view;
    PointCloud *m_cloud;
    std::shared_ptr<const vs::AnalysisResults> m_results;
};
