#pragma once
// How big a chart's text is, on screen and in each export: one style per medium. On screen the
// charts follow the application's font; a report page or a picture for a report or for print
// gets 9-point labels; a 16:9 slide gets 14-point labels and a 28-point title, readable from the
// back of a room. Sizes are points at the layout's 96 dpi, so they come out at that size on a
// page, and as the preset says on a picture scaled to its dpi.
#include <QFont>
#include <QSize>

#include <span>

namespace charts {

struct Style {
    double text = 9;   // labels, axes, legend, table cells
    double title = 11; // the chart's title (bold)
    double note = 8.5; // a note under the chart
    // The application font's family at a size in points.
    QFont font(double points, bool bold = false) const;
    QFont textFont() const { return font(text); }
    QFont titleFont() const { return font(title, true); }
    QFont noteFont() const { return font(note); }
};

Style screenStyle(); // from the application's font
Style reportStyle(); // a chart in the PDF report, and the report and print pictures

struct ExportPreset {
    const char *name; // English (translation context "ChartExportDialog")
    QSize size;       // pixels
    int dpi;
    Style style;
};
// Report (1200 x 800, 150 dpi), slide 16:9 (1920 x 1080, 144 dpi), print, screen.
std::span<const ExportPreset> exportPresets();
// The style of the preset with this size and dpi; the report's for any other.
Style exportStyle(QSize size, int dpi);

} // namespace charts
