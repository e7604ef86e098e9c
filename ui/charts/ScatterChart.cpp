#include "ScatterChart.h"

#include "core/analytics/analysis.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <random>

namespace {

QColor segmentColour(int segment)
{
    // Tableau 10: distinct in colour and tolerable for colour-blind readers
    static const QColor palette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                     QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                     QColor(0xba, 0xb0, 0xac)};
    return segment < 0 ? QColor(0x99, 0x99, 0x99) : palette[segment % 10];
}

// rows with both values, or a fixed-seed sample of kMaxPoints of them, in row order
std::vector<size_t> pointsToShow(const std::vector<double> &x, const std::vector<double> &y, size_t *total)
{
    std::vector<size_t> rows;
    rows.reserve(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i]))
            rows.push_back(i);
    *total = rows.size();
    if (rows.size() > ScatterChart::kMaxPoints) {
        std::mt19937_64 rng(20261122);
        // a partial Fisher-Yates shuffle picks kMaxPoints rows uniformly
        for (size_t k = 0; k < ScatterChart::kMaxPoints; ++k) {
            std::uniform_int_distribution<size_t> pick(k, rows.size() - 1);
            std::swap(rows[k], rows[pick(rng)]);
        }
        rows.resize(ScatterChart::kMaxPoints);
        std::sort(rows.begin(), rows.end());
    }
    return rows;
}

} // namespace

ScatterChart::ScatterChart(QWidget *parent) : QWidget(parent)
{
    m_x = new QComboBox;
    m_y = new QComboBox;
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    auto *choose = new QHBoxLayout;
    auto *xl = new QLabel(tr("&Horizontal:"));
    xl->setBuddy(m_x);
    auto *yl = new QLabel(tr("&Vertical:"));
    yl->setBuddy(m_y);
    choose->addWidget(xl);
    choose->addWidget(m_x, 1);
    choose->addSpacing(12);
    choose->addWidget(yl);
    choose->addWidget(m_y, 1);
    m_view = new QChartView;
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *c = new QChart;
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    m_view->setChart(c);
    m_view->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(choose);
    layout->addWidget(m_view, 1);
    connect(m_x, &QComboBox::currentIndexChanged, this, &ScatterChart::redraw);
    connect(m_y, &QComboBox::currentIndexChanged, this, &ScatterChart::redraw);
}

QStringList ScatterChart::measures(const vs::AnalysisResults &r)
{
    QStringList out;
    if (r.layout == vs::Layout::Campaigns)
        return out;
    out << QStringLiteral("value");
    for (const vs::NamedValues &s : r.scores)
        out << QString::fromStdString(s.name);
    for (const vs::NamedValues &e : r.extra)
        if (!e.isDate)
            out << QString::fromStdString(e.name);
    out.removeDuplicates();
    return out;
}

QString ScatterChart::xMeasure() const { return m_x->currentData().toString(); }
QString ScatterChart::yMeasure() const { return m_y->currentData().toString(); }

void ScatterChart::setAxes(const QString &x, const QString &y)
{
    const QSignalBlocker bx(m_x), by(m_y);
    if (int i = m_x->findData(x); i >= 0)
        m_x->setCurrentIndex(i);
    if (int i = m_y->findData(y); i >= 0)
        m_y->setCurrentIndex(i);
    redraw();
}

QString ScatterChart::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    m_results = std::move(results);
    const QStringList names = m_results ? measures(*m_results) : QStringList();
    // keep the user's axes when the new results still have them
    QString x = xMeasure(), y = yMeasure();
    {
        const QSignalBlocker bx(m_x), by(m_y);
        m_x->clear();
        m_y->clear();
        for (const QString &n : names) {
            const QString shown = n == QLatin1String("value") ? tr("value") : n;
            m_x->addItem(shown, n);
            m_y->addItem(shown, n);
        }
        if (!names.contains(x))
            x = names.size() > 1 ? names[1] : QString();
        if (!names.contains(y) || y == x)
            y = QStringLiteral("value");
        m_x->setCurrentIndex(m_x->findData(x));
        m_y->setCurrentIndex(m_y->findData(y));
    }
    redraw();
    if (names.size() < 2)
        return QApplication::translate("charts", "the scatter needs a score or a model column to set against value");
    return {};
}

void ScatterChart::redraw()
{
    QChart *c = m_view->chart();
    c->removeAllSeries();
    for (QAbstractAxis *a : c->axes())
        c->removeAxis(a), delete a;
    m_rowsOfSeries.clear();
    const auto r = m_results;
    const std::vector<double> *xs = r ? r->column(xMeasure().toStdString()) : nullptr;
    const std::vector<double> *ys = r ? r->column(yMeasure().toStdString()) : nullptr;
    if (!xs || !ys) {
        c->setTitle(QApplication::translate("charts", "Add a score to set customers' value against it"));
        return;
    }
    size_t total = 0;
    const std::vector<size_t> rows = pointsToShow(*xs, *ys, &total);
    const QString xName = m_x->currentText(), yName = m_y->currentText();
    c->setTitle(rows.size() < total
                    ? QApplication::translate("charts", "%1 against %2 · a random sample of %3 of %4 customers")
                          .arg(yName, xName, QLocale().toString(qulonglong(rows.size())), QLocale().toString(qulonglong(total)))
                    : QApplication::translate("charts", "%1 against %2 · %3 customers")
                          .arg(yName, xName, QLocale().toString(qulonglong(total))));
    // one series per segment, in the segments' order, then customers without one
    const int segments = int(r->segments.size());
    std::vector<QList<QPointF>> points(size_t(segments + 1));
    m_rowsOfSeries.assign(size_t(segments + 1), {});
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t row : rows) {
        const int s = row < r->segment.size() && r->segment[row] >= 0 && r->segment[row] < segments ? r->segment[row] : segments;
        const double x = (*xs)[row], y = (*ys)[row];
        points[size_t(s)].append(QPointF(x, y));
        m_rowsOfSeries[size_t(s)].push_back(row);
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    auto *ax = new QValueAxis;
    auto *ay = new QValueAxis;
    const auto pad = [](double lo, double hi) { return hi > lo ? (hi - lo) * 0.03 : std::max(1.0, std::abs(lo) * 0.1); };
    if (!rows.empty()) {
        ax->setRange(x0 - pad(x0, x1), x1 + pad(x0, x1));
        ay->setRange(y0 - pad(y0, y1), y1 + pad(y0, y1));
        ax->applyNiceNumbers();
        ay->applyNiceNumbers();
    }
    ax->setTitleText(xName);
    ay->setTitleText(yName);
    c->addAxis(ax, Qt::AlignBottom);
    c->addAxis(ay, Qt::AlignLeft);
    const double marker = rows.size() > 2000 ? 5 : rows.size() > 300 ? 7 : 9;
    for (int s = 0; s <= segments; ++s) {
        if (points[size_t(s)].isEmpty())
            continue;
        auto *series = new QScatterSeries;
        series->setName(s < segments ? QString::fromStdString(r->segments[size_t(s)].label)
                                     : QApplication::translate("charts", "no segment"));
        series->setMarkerSize(marker);
        QColor col = segmentColour(s < segments ? s : -1);
        series->setBorderColor(col.darker(130));
        col.setAlphaF(rows.size() > 2000 ? 0.55f : 0.8f);
        series->setColor(col);
        series->replace(points[size_t(s)]);
        c->addSeries(series);
        series->attachAxis(ax);
        series->attachAxis(ay);
        connect(series, &QScatterSeries::hovered, this, [this, r, s, series, xName, yName](const QPointF &pt, bool on) {
            if (!on || size_t(s) >= m_rowsOfSeries.size())
                return QToolTip::hideText();
            const QList<QPointF> pts = series->points();
            const qsizetype i = pts.indexOf(pt);
            if (i < 0 || size_t(i) >= m_rowsOfSeries[size_t(s)].size())
                return QToolTip::hideText();
            const size_t row = m_rowsOfSeries[size_t(s)][size_t(i)];
            QToolTip::showText(QCursor::pos(), QApplication::translate("charts", "Customer %1 (%2)\n%3: %4\n%5: %6")
                                                   .arg(QString::fromUtf8(r->data->ids.at(row)), series->name(), xName,
                                                        QLocale().toString(pt.x(), 'g', 10), yName,
                                                        QLocale().toString(pt.y(), 'g', 10)));
        });
    }
}
