#pragma once
// Every chart the window shows and `valuescope run --chart KIND=PATH` writes: one widget per kind,
// fed only from the results, and one way to draw any of them into a file, the clipboard or a report.
#include "ChartStyle.h"
#include "core/error.h"

#include <QImage>
#include <QSize>
#include <QStringList>
#include <QWidget>

#include <memory>

class QPainter;
namespace vs { struct AnalysisResults; struct ScenarioComparison; struct RunOutputs; }

namespace charts {

// What a chart is drawn from: the results and, when a baseline is set, the comparison with it.
struct Input {
    std::shared_ptr<const vs::AnalysisResults> results;
    std::shared_ptr<const vs::ScenarioComparison> comparison;
};

// segments, histogram, pareto, scatter, migration, statistics, rfm_heatmap, frequency_recency,
// p_alive, holdout
QStringList kinds();
QString title(const QString &kind); // translated, for tabs and menus
bool inReport(const QString &kind); // drawn as a chart in the report (statistics are a table there)
QWidget *create(const QString &kind, QWidget *parent = nullptr);
// Why the input cannot feed this kind of chart, or an empty string; cheap (draws nothing).
QString unavailable(const QString &kind, const Input &input);
// Shows the input in a chart made by create(); an empty string, or why this chart cannot be
// drawn for it (e.g. an RFM heatmap without RFM scores, a migration chart without a baseline).
QString show(QWidget *chart, const QString &kind, const Input &input);

// Whether write() can make this file for these outputs: a known kind, data it can show, and
// .png/.svg/.pdf. `run` asks this for every chart before it writes anything.
vs::Status check(const Input &input, const std::string &kind, const std::string &path);
vs::Status check(const vs::RunOutputs &out, const std::string &kind, const std::string &path);
// The input of a headless run's outputs (non-owning: valid while the outputs are).
Input inputOf(const vs::RunOutputs &out);

// Draws the chart into target as if it were laid out at logicalSize (fonts keep their size
// relative to logicalSize: a smaller logical size gives bigger text in the picture), with the text
// sizes of a style (the chart's own, on screen, when none is given); the chart keeps its style.
void render(QWidget *chart, QPainter &p, const QRectF &target, QSize logicalSize);
void render(QWidget *chart, QPainter &p, const QRectF &target, QSize logicalSize, const Style &style);
// The size a picture of `size` pixels at dpi is laid out at (96 dpi, scaled up to the pixels).
QSize logicalSize(QSize size, int dpi);
// The text sizes a chart is drawn with now, and a change of them (what render() does for a while).
Style styleOf(QWidget *chart);
void setStyle(QWidget *chart, const Style &style);
// The chart as a picture of size pixels at dpi (a 96-dpi layout scaled up, so text grows with dpi),
// in the style of the export preset with that size and dpi (a slide's text is larger).
QImage image(QWidget *chart, QSize size = QSize(1200, 800), int dpi = 150);
// Saves the chart as .png (size in pixels, dpi stored in the file), .svg or .pdf, by the
// extension; written to a temporary file and renamed, so a failure leaves no partial file.
vs::Status save(QWidget *chart, const QString &path, QSize size = QSize(1200, 800), int dpi = 150);
// Make, fill and save in one step (the command line, and tests).
vs::Status write(const Input &input, const std::string &kind, const std::string &path);
vs::Status write(const vs::RunOutputs &outputs, const std::string &kind, const std::string &path);

} // namespace charts
