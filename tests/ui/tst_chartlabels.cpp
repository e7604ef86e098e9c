// Every chart readable wherever it is shown: each chart kind is laid out at the window's default
// chart size, at each export preset and at the report's chart size, in English and in Chinese,
// for the CDNOW sample (11 RFM segments) and the customer sample (4 value segments), and every
// piece of text it draws is recorded with its rectangle (a paint device that only takes notes):
// no text is elided ("…"), none overlaps another, none leaves the picture, and none is smaller
// than the medium's text size allows. The segments' palette stays distinguishable for
// colour-blind readers.
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/window/ChartTabs.h"
#include "ui/charts/ChartStyle.h"
#include "ui/charts/Charts.h"
#include "ui/charts/Palette.h"
#include "ui/report/Report.h"

#include <QApplication>
#include <QCoroTask>
#include <QPaintEngine>
#include <QPainter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextItem>
#include <QTranslator>

#include <array>
#include <cmath>

namespace {

struct Text {
    QString text;
    QRectF rect;       // where it is drawn, in the picture's coordinates
    double points = 0; // its size as the picture shows it (points at 96 dpi)
    bool cut = false;  // partly outside the painter's clip: cut short
};

// A paint engine that draws nothing and notes every text item: its string, its rectangle (from
// the font's ascent, descent and the item's width, through the painter's transformation) and its
// size in the picture.
class NotingEngine : public QPaintEngine {
public:
    NotingEngine() : QPaintEngine(QPaintEngine::AllFeatures) {}
    std::vector<Text> texts;
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPath(const QPainterPath &) override {}
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QRectF local(p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent());
        const QTransform t = painter()->transform();
        const double scale = std::sqrt(std::fabs(t.determinant()));
        const QFont f = item.font();
        const double points = (f.pointSizeF() > 0 ? f.pointSizeF() : f.pixelSize() * 72.0 / 96.0) * scale;
        // a clip that does not hold the whole text cuts it (allowing for the glyphs' side bearings)
        const bool cut = painter()->hasClipping() && !painter()->clipBoundingRect().adjusted(-1, -1, 1, 1).contains(local);
        texts.push_back({item.text(), t.mapRect(local), points, cut});
    }
    Type type() const override { return QPaintEngine::User; }
};

class NotingDevice : public QPaintDevice {
public:
    explicit NotingDevice(QSize size) : m_size(size) {}
    QPaintEngine *paintEngine() const override { return &m_engine; }
    std::vector<Text> &texts() { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth: return m_size.width();
        case PdmHeight: return m_size.height();
        case PdmWidthMM: return m_size.width() * 254 / 960;
        case PdmHeightMM: return m_size.height() * 254 / 960;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return 96;
        case PdmDepth: return 32;
        case PdmNumColors: return INT_MAX;
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable NotingEngine m_engine;
};

struct Medium {
    QString name;
    QSize size;           // the logical size the chart is laid out at
    charts::Style style;
    double scale = 1;     // what the picture's pixels are of the layout's
};

// The size of the chart tab of a window at its default size.
QSize defaultChartSize()
{
    AnalysisSession session;
    MainWindow w(&session);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return {};
    for (int i = 0; i < 10; ++i) // the docks are sized after the first event loop turn
        QCoreApplication::processEvents();
    return w.chartTabs()->currentWidget()->size();
}

// Text that the eye reads as one label: pieces drawn on one baseline next to each other (a
// label drawn as several items, in two scripts or by QTextLayout) do not count as overlapping.
bool overlap(const Text &a, const Text &b)
{
    const QRectF i = a.rect.intersected(b.rect);
    return i.width() > 0.75 && i.height() > 0.75;
}

} // namespace

class TstChartLabels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyLabelIsWholeAndApart_data();
    void everyLabelIsWholeAndApart();
    void paletteStaysApartForColourBlindReaders();

private:
    std::unique_ptr<AnalysisSession> m_orders, m_customers;
    QSize m_default;
    QTranslator m_zh;
};

void TstChartLabels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ValueScopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chartlabels"));
    m_default = defaultChartSize();
    QVERIFY2(m_default.width() > 300 && m_default.height() > 150, qPrintable(QStringLiteral("%1 x %2").arg(m_default.width()).arg(m_default.height())));
    m_orders = std::make_unique<AnalysisSession>();
    QVERIFY(QCoro::waitFor(m_orders->openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"))));
    QVERIFY(QCoro::waitFor(m_orders->waitForResults()));
    QCOMPARE(m_orders->results()->segments.size(), size_t(11));
    m_orders->setBaseline(); // the migration chart needs one
    m_customers = std::make_unique<AnalysisSession>();
    QVERIFY(QCoro::waitFor(m_customers->openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
    QVERIFY(QCoro::waitFor(m_customers->waitForResults()));
    QCOMPARE(m_customers->results()->segments.size(), size_t(4));
    m_customers->setBaseline();
    QVERIFY(m_zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
}

void TstChartLabels::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_zh);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstChartLabels::everyLabelIsWholeAndApart_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("language");
    for (const char *project : {"cdnow", "sample"})
        for (const char *language : {"en", "zh_CN"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(project), QLatin1String(language))))
                << QString::fromLatin1(project) << QString::fromLatin1(language);
}

void TstChartLabels::everyLabelIsWholeAndApart()
{
    QFETCH(QString, project);
    QFETCH(QString, language);
    const bool chinese = language == QLatin1String("zh_CN");
    if (chinese)
        QCoreApplication::installTranslator(&m_zh);
    else
        QCoreApplication::removeTranslator(&m_zh);
    QLocale::setDefault(chinese ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English, QLocale::UnitedStates));
    AnalysisSession *session = project == QLatin1String("cdnow") ? m_orders.get() : m_customers.get();
    const charts::Input input{session->results(), session->comparison()};

    // the window at its default size, and a fifth narrower (other desktops' fonts and docks take
    // more room: the user guide's 1280 x 800 window leaves 530 pixels)
    std::vector<Medium> media = {{QStringLiteral("window"), m_default, charts::screenStyle()},
                                 {QStringLiteral("narrower window"), QSize(m_default.width() * 4 / 5, m_default.height()), charts::screenStyle()},
                                 {QStringLiteral("report page"), report::chartLayoutSize(), charts::reportStyle()}};
    for (const charts::ExportPreset &p : charts::exportPresets())
        media.push_back({QString::fromLatin1(p.name), charts::logicalSize(p.size, p.dpi), p.style, p.dpi / 96.0});

    int checked = 0;
    for (const QString &kind : charts::kinds()) {
        if (!charts::unavailable(kind, input).isEmpty())
            continue;
        std::unique_ptr<QWidget> chart(charts::create(kind));
        QVERIFY(charts::show(chart.get(), kind, input).isEmpty());
        for (const Medium &m : media) {
            if (m.name == QLatin1String("report page") && !charts::inReport(kind))
                continue; // the statistics are a table of the report's own
            NotingDevice device(m.size);
            {
                QPainter p(&device);
                charts::render(chart.get(), p, QRectF(QPointF(0, 0), QSizeF(m.size)), m.size, m.style);
            }
            const std::vector<Text> &texts = device.texts();
            const QString where = QStringLiteral("%1, %2 (%3 x %4)").arg(kind, m.name).arg(m.size.width()).arg(m.size.height());
            QVERIFY2(texts.size() >= 3, qPrintable(where));
            const QRectF picture(QPointF(0, 0), QSizeF(m.size));
            for (size_t i = 0; i < texts.size(); ++i) {
                const Text &t = texts[i];
                const QString what = QStringLiteral("%1: \"%2\"").arg(where, t.text);
                QVERIFY2(!t.text.contains(QChar(0x2026)) && !t.text.contains(QLatin1String("...")), qPrintable(what + QStringLiteral(" is elided")));
                QVERIFY2(picture.adjusted(-0.5, -0.5, 0.5, 0.5).contains(t.rect), qPrintable(what + QStringLiteral(" leaves the picture")));
                QVERIFY2(!t.cut, qPrintable(what + QStringLiteral(" is cut short")));
                for (size_t j = i + 1; j < texts.size(); ++j)
                    QVERIFY2(!overlap(t, texts[j]),
                             qPrintable(QStringLiteral("%1 overlaps \"%2\"").arg(what, texts[j].text)));
            }
            // text sizes: at least the report's 9 points on a report page; a slide's title at
            // least 28 points and its other text at least 12, as the picture shows them
            double smallest = INFINITY, largest = 0;
            for (const Text &t : texts) {
                smallest = std::min(smallest, t.points);
                largest = std::max(largest, t.points);
            }
            if (m.name == QLatin1String("report page"))
                QVERIFY2(smallest >= 9 - 1e-6, qPrintable(QStringLiteral("%1: text of %2 pt").arg(where).arg(smallest)));
            if (m.style.title >= 28) {
                QVERIFY2(largest >= 28 - 1e-6, qPrintable(QStringLiteral("%1: the largest text is %2 pt").arg(where).arg(largest)));
                QVERIFY2(smallest >= 12 - 1e-6, qPrintable(QStringLiteral("%1: text of %2 pt").arg(where).arg(smallest)));
            }
            ++checked;
        }
    }
    QVERIFY(checked >= 5 * int(media.size())); // at least segments, distribution, Pareto, scatter, migration
}

namespace {
// sRGB to CIELAB (D65), through a colour-vision deficiency simulated as Machado, Oliveira and
// Fernandes (2009) do at full severity
std::array<double, 3> lab(const QColor &c, int deficiency)
{
    static const double kMachado[4][3][3] = {
        {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}, // protanopia
        {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},  // deuteranopia
        {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}, // tritanopia
    };
    auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double rgb[3] = {linear(c.redF()), linear(c.greenF()), linear(c.blueF())};
    double s[3];
    for (int i = 0; i < 3; ++i)
        s[i] = std::clamp(kMachado[deficiency][i][0] * rgb[0] + kMachado[deficiency][i][1] * rgb[1] + kMachado[deficiency][i][2] * rgb[2], 0.0, 1.0);
    const double X = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
    const double Y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    const double Z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))};
}
} // namespace

void TstChartLabels::paletteStaysApartForColourBlindReaders()
{
    // twelve segments and "no segment": every pair apart by at least 13 CIELAB units (ΔE*ab), for
    // normal vision and each simulated deficiency
    std::vector<QColor> colours;
    for (int i = 0; i < 12; ++i)
        colours.push_back(palette::segment(i));
    colours.push_back(palette::noSegment());
    QVERIFY(palette::kDistinct >= 12);
    for (int d = 0; d < 4; ++d)
        for (size_t a = 0; a < colours.size(); ++a)
            for (size_t b = a + 1; b < colours.size(); ++b) {
                const auto la = lab(colours[a], d), lb = lab(colours[b], d);
                const double e = std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
                QVERIFY2(e >= 13, qPrintable(QStringLiteral("colours %1 and %2 are %3 apart (vision %4)").arg(a).arg(b).arg(e).arg(d)));
            }
    // the eleven RFM segments of the CDNOW sample all have colours of their own
    QSet<QRgb> seen;
    for (int i = 0; i < 11; ++i)
        seen.insert(palette::segment(i).rgb());
    QCOMPARE(seen.size(), 11);
}

QTEST_MAIN(TstChartLabels)
#include "tst_chartlabels.moc"
