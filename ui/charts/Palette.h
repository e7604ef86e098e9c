#pragma once
// The segments' colours: one palette for every place a segment is coloured (the segments chart,
// the scatter, the migration chart, the report). Its first twelve colours stay apart for readers
// with any common colour-vision deficiency: Okabe & Ito's "Color Universal Design" set (blue,
// orange, bluish green, vermillion, reddish purple) with Paul Tol's qualitative colours (muted
// scheme and his 12-colour set: brown, indigo, cyan, wine, sand, green, olive; "Colour Schemes",
// SRON/EPS/TN/09-002). Ordered so that the first colours differ most; every pair of the twelve,
// and each against the grey of customers without a segment, is at least 13.5 CIELAB units apart
// for normal vision and for protanopia, deuteranopia and tritanopia as Machado, Oliveira and
// Fernandes (2009) simulate them (tst_chartlabels checks it). Past the fourteenth the colours repeat.
#include <QColor>

namespace palette {

constexpr int kDistinct = 14;
QColor segment(int index);  // index < 0: no segment (grey)
QColor noSegment();
// A light tint of a segment's colour, for a second bar beside the first (share of customers).
QColor tint(const QColor &colour);
// Black or white, whichever reads better on the colour.
QColor textOn(const QColor &colour);

} // namespace palette
