#include "Palette.h"

namespace palette {

namespace {
const QColor kColours[kDistinct] = {
    QColor(0x00, 0x72, 0xb2), // Okabe-Ito blue
    QColor(0xe6, 0x9f, 0x00), // Okabe-Ito orange
    QColor(0x00, 0x9e, 0x73), // Okabe-Ito bluish green
    QColor(0x66, 0x11, 0x00), // Tol brown
    QColor(0x33, 0x22, 0x88), // Tol indigo
    QColor(0x88, 0xcc, 0xee), // Tol cyan
    QColor(0xd5, 0x5e, 0x00), // Okabe-Ito vermillion
    QColor(0x88, 0x22, 0x55), // Tol wine
    QColor(0xdd, 0xcc, 0x77), // Tol sand
    QColor(0xcc, 0x79, 0xa7), // Okabe-Ito reddish purple
    QColor(0x11, 0x77, 0x33), // Tol green
    QColor(0x99, 0x99, 0x33), // Tol olive
    QColor(0x66, 0x99, 0xcc), // Tol light blue
    QColor(0xaa, 0x44, 0x66), // Tol dark rose
};
} // namespace

QColor noSegment() { return QColor(0xbb, 0xbb, 0xbb); }

QColor segment(int index)
{
    return index < 0 ? noSegment() : kColours[index % kDistinct];
}

QColor tint(const QColor &c)
{
    // 40 % of the colour on white
    return QColor::fromRgbF(float(1 - 0.4 * (1 - c.redF())), float(1 - 0.4 * (1 - c.greenF())), float(1 - 0.4 * (1 - c.blueF())));
}

QColor textOn(const QColor &c)
{
    const double luminance = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
    return luminance > 0.45 ? Qt::black : Qt::white;
}

} // namespace palette
