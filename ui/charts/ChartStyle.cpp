#include "ChartStyle.h"

#include <QApplication>
#include <QFontInfo>

#include <vector>

namespace charts {

QFont Style::font(double points, bool bold) const
{
    QFont f = QApplication::font();
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

Style screenStyle()
{
    const QFont app = QApplication::font();
    const double points = app.pointSizeF() > 0 ? app.pointSizeF() : QFontInfo(app).pointSizeF();
    Style s;
    s.text = points;
    s.title = points * 1.2;
    s.note = points * 0.92;
    return s;
}

Style reportStyle() { return Style{9, 11, 9}; }

std::span<const ExportPreset> exportPresets()
{
    static const std::vector<ExportPreset> kPresets = {
        {QT_TRANSLATE_NOOP("ChartExportDialog", "Report (1200 × 800, 150 dpi)"), QSize(1200, 800), 150, reportStyle()},
        {QT_TRANSLATE_NOOP("ChartExportDialog", "Slide 16:9 (1920 × 1080, 144 dpi)"), QSize(1920, 1080), 144, Style{14, 28, 12}},
        {QT_TRANSLATE_NOOP("ChartExportDialog", "Print (2400 × 1600, 300 dpi)"), QSize(2400, 1600), 300, reportStyle()},
        {QT_TRANSLATE_NOOP("ChartExportDialog", "Screen (1000 × 600, 96 dpi)"), QSize(1000, 600), 96, Style{9, 11, 8.5}},
    };
    return kPresets;
}

Style exportStyle(QSize size, int dpi)
{
    for (const ExportPreset &p : exportPresets())
        if (p.size == size && p.dpi == dpi)
            return p.style;
    return reportStyle();
}

} // namespace charts
