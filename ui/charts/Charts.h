#pragma once
// Every chart the window shows and `valuescope run --chart KIND=PATH` writes: one widget per kind,
// fed only from the results, and one way to save any of them as PNG, SVG or PDF.
#include "core/error.h"

#include <QSize>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace vs { struct AnalysisResults; }

namespace charts {

// segments, histogram, pareto, rfm_heatmap, frequency_recency, p_alive, holdout
QStringList kinds();
QString title(const QString &kind); // translated, for tabs and menus
QWidget *create(const QString &kind, QWidget *parent = nullptr);
// Shows the results in a chart made by create(); an empty string, or why this chart cannot be
// drawn for these results (e.g. an RFM heatmap without RFM scores).
QString show(QWidget *chart, const QString &kind, std::shared_ptr<const vs::AnalysisResults> results);
// Saves the chart as .png (size in pixels, dpi stored in the file), .svg or .pdf, by the
// extension; written to a temporary file and renamed, so a failure leaves no partial file.
vs::Status save(QWidget *chart, const QString &path, QSize size = QSize(1200, 800), int dpi = 150);
// For the command line: make, fill and save in one step.
vs::Status write(const vs::AnalysisResults &results, const std::string &kind, const std::string &path);

} // namespace charts
