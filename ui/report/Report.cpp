#include "Report.h"

#include "ui/WarningText.h"

#include "core/analytics/analysis.h"
#include "core/analytics/scenario.h"
#include "core/project/project.h"
#include "ui/ParametersPanel.h"

#include <QAbstractTextDocumentLayout>
#include <QCoroTimer>
#include <QBuffer>
#include <QDir>
#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>
#include <QTextTable>

#include <cmath>
#include <memory>
#include <vector>

namespace report {

namespace {

QString tr(const char *text) { return QApplication::translate("report", text); }

constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;
const QSize kChartLayout(760, 470); // the size a chart is laid out at before it is scaled to the page

// Draws the report's charts inside the text: the document holds a placeholder character with
// the chart's number, and this paints the chart (as vectors) wherever the layout puts it.
class ChartObjects : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    struct Chart {
        QString heading;
        std::unique_ptr<QWidget> widget;
    };
    std::vector<Chart> charts;
    double width = 600;
    QFont headingFont;

    // the heading is drawn with its chart, so that a page never ends between them
    double headingHeight(QPaintDevice *device) const { return QFontMetricsF(headingFont, device).height() * 1.8; }
    QSizeF intrinsicSize(QTextDocument *doc, int, const QTextFormat &) override
    {
        return QSizeF(width, headingHeight(doc->documentLayout()->paintDevice()) + width * kChartLayout.height() / kChartLayout.width());
    }
    void drawObject(QPainter *p, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        const int i = format.property(kChartIndex).toInt();
        if (i < 0 || size_t(i) >= charts.size())
            return;
        const double h = headingHeight(p->device());
        p->save();
        p->setFont(headingFont);
        p->setPen(QColor(0x1f, 0x3a, 0x5f));
        p->drawText(QRectF(rect.left(), rect.top(), rect.width(), h), Qt::AlignLeft | Qt::AlignVCenter, charts[size_t(i)].heading);
        p->restore();
        charts::render(charts[size_t(i)].widget.get(), *p, rect.adjusted(0, h, 0, 0), kChartLayout);
    }
};

class Builder {
    Q_DECLARE_TR_FUNCTIONS(report)
public:
    Builder(QTextDocument &doc, ChartObjects &objects) : m_doc(doc), m_objects(objects), m_cursor(&doc) {}

    void build(const charts::Input &in, const vs::Project &project, const Options &o)
    {
        const vs::AnalysisResults &r = *in.results;
        const QLocale l;
        heading(o.title.isEmpty() ? tr("Customer value report") : o.title, 20);
        paragraph(tr("Made by ValueScope on %1").arg(l.toString(QDateTime::currentDateTime(), QLocale::LongFormat)),
                  QColor(90, 90, 90));

        heading(tr("Data"), 14);
        QList<QStringList> data;
        data << QStringList{tr("Data file"), QDir::toNativeSeparators(o.dataPath)};
        if (!o.projectPath.isEmpty())
            data << QStringList{tr("Project file"), QDir::toNativeSeparators(o.projectPath)};
        data << QStringList{tr("Layout"), layoutName(project.source.layout)};
        data << QStringList{r.layout == vs::Layout::Campaigns ? tr("Campaigns") : tr("Customers"), l.toString(qulonglong(r.rowCount()))};
        data << QStringList{tr("Customers with a value"), l.toString(qulonglong(r.valuedCount))};
        data << QStringList{tr("Total value"), number(r.totalValue)};
        data << QStringList{tr("Mean value"), number(r.meanValue)};
        if (r.concentration && r.concentration->customers) {
            data << QStringList{tr("Top 20 % of customers"), tr("%1 % of value").arg(l.toString(100 * r.concentration->top20Share, 'f', 1))};
            data << QStringList{tr("Gini coefficient"), l.toString(r.concentration->gini, 'f', 3)};
        }
        table({}, data, 0);

        heading(tr("Model and parameters"), 14);
        QList<QStringList> params;
        params << QStringList{tr("Value model"), ParametersPanel::modelName(QString::fromStdString(project.value.model))};
        const std::string &m = project.value.model;
        if (m == "discounted_clv" || m == "discounted_revenue")
            params << QStringList{tr("Discount rate per period"), l.toString(project.value.rate)};
        if (m == "weighted_score")
            params << QStringList{tr("Score"), QString::fromStdString(project.value.score)};
        if (m == "predictive_clv" && r.btyd) {
            const vs::BtydInfo &b = *r.btyd;
            params << QStringList{tr("Observation end"), QString::fromStdString(project.value.observationEnd.empty()
                                                                                     ? std::string("—") : project.value.observationEnd)};
            params << QStringList{tr("Time unit"), QString::fromStdString(b.timeUnit)};
            params << QStringList{tr("Horizon"), tr("%1 months").arg(l.toString(project.value.horizonMonths))};
            params << QStringList{tr("Monthly discount"), l.toString(project.value.monthlyDiscount)};
            const auto &bp = b.bgnbd.params;
            params << QStringList{tr("BG/NBD"), QStringLiteral("r = %1, α = %2, a = %3, b = %4")
                                                    .arg(l.toString(bp.r, 'f', 4), l.toString(bp.alpha, 'f', 4),
                                                         l.toString(bp.a, 'f', 4), l.toString(bp.b, 'f', 4))};
            if (b.gammaGamma) {
                const auto &gp = b.gammaGamma->params;
                params << QStringList{tr("Gamma-Gamma"), QStringLiteral("p = %1, q = %2, v = %3")
                                                             .arg(l.toString(gp.p, 'f', 4), l.toString(gp.q, 'f', 4), l.toString(gp.v, 'f', 4))};
            }
        }
        QString by = QString::fromStdString(project.segments.by);
        if (project.segments.by == "value")
            by = tr("value");
        QString method;
        if (project.segments.method == "quantile")
            method = tr("%1 quantile groups (equal numbers of customers)").arg(project.segments.bins);
        else if (project.segments.method == "thresholds") {
            QStringList edges;
            for (double e : project.segments.edges)
                edges << l.toString(e, 'g', 10);
            method = tr("thresholds %1").arg(edges.join(QStringLiteral(" · ")));
        } else
            method = tr("RFM rules (%1 segments)").arg(project.segments.rules.size());
        params << QStringList{tr("Segments"), tr("by %1, %2").arg(by, method)};
        table({}, params, 0);
        for (const vs::ScoreSpec &sc : project.scores) {
            QList<QStringList> items;
            double sum = 0;
            for (const vs::ScoreItem &it : sc.items)
                sum += it.weight;
            const double divisor = sc.normalize == vs::Normalize::Count ? double(sc.items.size()) : sum;
            for (const vs::ScoreItem &it : sc.items)
                items << QStringList{QString::fromStdString(it.column), l.toString(it.weight, 'g', 10),
                                     divisor != 0 ? l.toString(it.weight / divisor, 'g', 6) : QStringLiteral("—")};
            paragraph(tr("Score “%1”: weighted sum %2%3")
                          .arg(QString::fromStdString(sc.name),
                               sc.normalize == vs::Normalize::Count ? tr("divided by the number of indicators (%1)").arg(sc.items.size())
                                                                    : tr("divided by the sum of the weights"),
                               sc.minMaxScale ? tr(", each indicator scaled to 0–1 first") : QString()),
                      Qt::black);
            table({tr("Indicator"), tr("Weight"), tr("Effective weight")}, items, 1);
        }

        if (r.layout != vs::Layout::Campaigns && !r.segments.empty()) {
            heading(tr("Segments and strategies"), 14);
            size_t segmented = 0;
            for (const vs::SegmentRow &s : r.segments)
                segmented += s.count;
            QList<QStringList> rows;
            for (const vs::SegmentRow &s : r.segments)
                rows << QStringList{QString::fromStdString(s.label), l.toString(qulonglong(s.count)),
                                    segmented ? l.toString(100.0 * double(s.count) / double(segmented), 'f', 1) + QStringLiteral(" %") : QString(),
                                    number(s.totalValue), number(s.meanValue),
                                    std::isnan(s.shareOfValue) ? QStringLiteral("—") : l.toString(100 * s.shareOfValue, 'f', 1) + QStringLiteral(" %"),
                                    QString::fromStdString(s.strategy)};
            table({tr("Segment"), tr("Customers"), tr("Share"), tr("Total value"), tr("Mean value"), tr("Share of value"), tr("Strategy")},
                  rows, 1);
        }
        if (in.comparison) {
            heading(tr("Against the baseline"), 14);
            paragraph(tr("%1 customers are in another segment than in the baseline.").arg(l.toString(qulonglong(in.comparison->changed))),
                      Qt::black);
            QList<QStringList> rows;
            for (const auto &sh : in.comparison->shifts)
                rows << QStringList{QString::fromStdString(sh.label), l.toString(qulonglong(sh.baselineCount)),
                                    l.toString(qulonglong(sh.currentCount)), number(sh.baselineValue), number(sh.currentValue)};
            table({tr("Segment"), tr("Customers (baseline)"), tr("Customers (now)"), tr("Value (baseline)"), tr("Value (now)")}, rows, 1);
        }

        for (const QString &kind : o.charts) {
            if (!charts::unavailable(kind, in).isEmpty())
                continue;
            std::unique_ptr<QWidget> chart(charts::create(kind));
            if (!chart || !charts::show(chart.get(), kind, in).isEmpty())
                continue;
            QTextCharFormat f;
            f.setObjectType(kChartObject);
            f.setProperty(kChartIndex, int(m_objects.charts.size()));
            m_objects.charts.push_back({charts::title(kind), std::move(chart)});
            QTextBlockFormat centred;
            centred.setAlignment(Qt::AlignHCenter);
            centred.setTopMargin(10);
            centred.setBottomMargin(4);
            m_cursor.insertBlock(centred);
            m_cursor.insertText(QString(QChar::ObjectReplacementCharacter), f);
        }

        if (!r.stats.empty()) {
            heading(tr("Descriptive statistics"), 14);
            QList<QStringList> rows;
            for (const auto &[name, st] : r.stats)
                rows << QStringList{QString::fromStdString(name), l.toString(qulonglong(st.count)), number(st.mean, 'g'),
                                    number(st.median, 'g'), number(st.std, 'g'), number(st.min, 'g'), number(st.max, 'g')};
            table({tr("Column"), tr("Count"), tr("Mean"), tr("Median"), tr("Std. deviation"), tr("Min"), tr("Max")}, rows, 1);
            paragraph(tr("Standard deviations are those of a sample (n − 1)."), QColor(90, 90, 90));
        }
        if (!r.warnings.empty()) {
            heading(tr("Warnings"), 14);
            for (const vs::Diagnostic &w : r.warnings)
                paragraph(QStringLiteral("• ") + localizedWarning(w), Qt::black);
        }
    }

private:
    static QString layoutName(vs::Layout layout)
    {
        switch (layout) {
        case vs::Layout::Customers: return tr("one row per customer");
        case vs::Layout::Transactions: return tr("order lines");
        case vs::Layout::Campaigns: return tr("campaigns");
        }
        return {};
    }
    static QString number(double v, char format = 'f')
    {
        if (std::isnan(v))
            return QStringLiteral("—");
        return format == 'f' ? QLocale().toString(v, 'f', 2) : QLocale().toString(v, 'g', 8);
    }
    void heading(const QString &text, double points)
    {
        QTextBlockFormat b;
        b.setTopMargin(points * 0.9);
        b.setBottomMargin(points * 0.35);
        b.setPageBreakPolicy(QTextFormat::PageBreak_Auto);
        QTextCharFormat c;
        c.setFontPointSize(points);
        c.setFontWeight(QFont::Bold);
        c.setForeground(QColor(0x1f, 0x3a, 0x5f));
        if (m_first)
            m_cursor.setBlockFormat(b), m_cursor.setBlockCharFormat(c);
        else
            m_cursor.insertBlock(b, c);
        m_first = false;
        m_cursor.insertText(text, c);
    }
    void paragraph(const QString &text, const QColor &colour)
    {
        QTextBlockFormat b;
        b.setTopMargin(3);
        b.setBottomMargin(3);
        QTextCharFormat c;
        c.setFontPointSize(9.5);
        c.setForeground(colour);
        m_cursor.insertBlock(b, c);
        m_cursor.insertText(text, c);
    }
    // header: column titles (repeated on every page the table runs over); numbers right-aligned
    void table(const QStringList &header, const QList<QStringList> &rows, int headerRows)
    {
        const int cols = header.isEmpty() ? (rows.isEmpty() ? 1 : int(rows.front().size())) : int(header.size());
        QTextTableFormat tf;
        tf.setHeaderRowCount(headerRows);
        tf.setCellPadding(3);
        tf.setCellSpacing(0);
        tf.setBorder(0.5);
        tf.setBorderBrush(QColor(0xc8, 0xcd, 0xd4));
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setTopMargin(4);
        tf.setBottomMargin(6);
        m_cursor.movePosition(QTextCursor::End);
        QTextTable *t = m_cursor.insertTable(int(rows.size()) + headerRows, cols, tf);
        QTextCharFormat cell;
        cell.setFontPointSize(9);
        QTextCharFormat bold = cell;
        bold.setFontWeight(QFont::Bold);
        // a column is right-aligned when it holds numbers (a key/value table keeps its values left)
        QVector<bool> numericColumn(cols, false);
        for (const QStringList &row : rows)
            for (int c = 1; c < cols && c < row.size(); ++c) {
                bool ok = false;
                QLocale().toDouble(QString(row[c]).remove(QStringLiteral(" %")), &ok);
                numericColumn[c] = numericColumn[c] || (ok && !header.isEmpty());
            }
        auto put = [&](int row, int col, const QString &text, bool isHeader) {
            QTextTableCell c = t->cellAt(row, col);
            if (isHeader) {
                QTextTableCellFormat cf;
                cf.setBackground(QColor(0xee, 0xf1, 0xf5));
                c.setFormat(cf);
            }
            QTextCursor cc = c.firstCursorPosition();
            QTextBlockFormat bf;
            bf.setAlignment(numericColumn[col] ? Qt::AlignRight : Qt::AlignLeft);
            cc.setBlockFormat(bf);
            cc.insertText(text, isHeader || (header.isEmpty() && col == 0) ? bold : cell);
        };
        for (int c = 0; c < header.size(); ++c)
            put(0, c, header[c], true);
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < cols && c < rows[r].size(); ++c)
                put(r + headerRows, c, rows[r][c], false);
        m_cursor.movePosition(QTextCursor::End);
    }

    QTextDocument &m_doc;
    ChartObjects &m_objects;
    QTextCursor m_cursor;
    bool m_first = true;
};

// The report laid out for the writer's page; pages are painted one at a time.
class PagedReport {
public:
    PagedReport(const charts::Input &in, const vs::Project &project, const Options &o, QPdfWriter &pdf)
        : m_pdf(pdf), m_title(o.title.isEmpty() ? tr("Customer value report") : o.title)
    {
        m_doc.setDocumentMargin(0);
        m_font = QApplication::font();
        m_font.setPointSizeF(9.5);
        // a trace of letter spacing turns ligatures off: "fi" stays two letters when the PDF's text
        // is copied or searched
        m_font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05); // (a QFixed: 1/64 is the least)
        m_doc.setDefaultFont(m_font);
        m_doc.documentLayout()->setPaintDevice(&pdf);
        const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
        m_footer = pdf.resolution() * 0.35; // the page number line, in the bottom of the page
        m_body = QSizeF(page.width(), page.height() - m_footer);
        m_objects.width = m_body.width() * 0.98;
        m_objects.headingFont = m_font;
        m_objects.headingFont.setPointSizeF(14);
        m_objects.headingFont.setBold(true);
        m_doc.documentLayout()->registerHandler(kChartObject, &m_objects);
        Builder(m_doc, m_objects).build(in, project, o);
        m_doc.setPageSize(m_body);
        m_pages = m_doc.pageCount();
    }
    int pages() const { return m_pages; }
    void paint(QPainter &painter, int i)
    {
        if (i > 0)
            m_pdf.newPage();
        painter.save();
        painter.translate(0, -i * m_body.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, i * m_body.height(), m_body.width(), m_body.height());
        ctx.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(ctx.clip);
        m_doc.documentLayout()->draw(&painter, ctx);
        painter.restore();
        painter.save();
        QFont small = m_font;
        small.setPointSizeF(8);
        painter.setFont(small);
        painter.setPen(QColor(110, 110, 110));
        const QRectF line(0, m_body.height() + m_footer * 0.3, m_body.width(), m_footer * 0.7);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, m_title);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(i + 1).arg(m_pages));
        painter.restore();
    }

private:
    QPdfWriter &m_pdf;
    QString m_title;
    QTextDocument m_doc;
    QFont m_font;
    ChartObjects m_objects;
    double m_footer = 0;
    QSizeF m_body;
    int m_pages = 0;
};

void setUp(QPdfWriter &pdf, const Options &o)
{
    pdf.setResolution(96);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 12), QPageLayout::Millimeter));
    pdf.setTitle(o.title.isEmpty() ? tr("Customer value report") : o.title);
    pdf.setCreator(QStringLiteral("ValueScope"));
}

} // namespace

QStringList availableCharts(const charts::Input &input)
{
    QStringList out;
    for (const QString &kind : charts::kinds())
        if (charts::inReport(kind) && charts::unavailable(kind, input).isEmpty())
            out << kind; // the statistics are in the report as a table of their own
    return out;
}

int pageCount(const charts::Input &input, const vs::Project &project, const Options &options)
{
    if (!input.results)
        return 0;
    QByteArray sink;
    QBuffer buffer(&sink);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    setUp(pdf, options);
    return PagedReport(input, project, options, pdf).pages();
}

namespace {
vs::Status checkPath(const charts::Input &input, const QString &path)
{
    if (!input.results)
        return vs::makeError(vs::ErrorKind::Model, vs::Msg::ReportNoResults, {}, path.toStdString());
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        return vs::makeError(vs::ErrorKind::Io, vs::Msg::ReportNotPdf, {}, path.toStdString());
    return vs::Ok{};
}
vs::Error cannotWrite(const QSaveFile &file, const QString &path)
{
    return vs::makeError(vs::ErrorKind::Io, vs::Msg::ReportCannotBeWritten, {file.errorString().toStdString()},
                         path.toStdString());
}
} // namespace

vs::Status write(const charts::Input &input, const vs::Project &project, const Options &options, const QString &path)
{
    if (vs::Status st = checkPath(input, path); !st)
        return st;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file, path);
    {
        QPdfWriter pdf(&file);
        setUp(pdf, options);
        PagedReport report(input, project, options, pdf);
        QPainter painter(&pdf);
        for (int i = 0; i < report.pages(); ++i)
            report.paint(painter, i);
    }
    if (!file.commit())
        return cannotWrite(file, path);
    return vs::Ok{};
}

QCoro::Task<vs::Status> writeInSteps(charts::Input input, vs::Project project, Options options, QString path,
                                     std::function<bool(int, int)> progress)
{
    if (vs::Status st = checkPath(input, path); !st)
        co_return st;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        co_return cannotWrite(file, path);
    bool cancelled = false;
    {
        QPdfWriter pdf(&file);
        setUp(pdf, options);
        PagedReport report(input, project, options, pdf);
        QPainter painter(&pdf);
        for (int i = 0; i < report.pages() && !cancelled; ++i) {
            cancelled = !progress(i, report.pages());
            if (!cancelled)
                report.paint(painter, i);
            co_await QCoro::sleepFor(std::chrono::milliseconds(0)); // the window repaints and hears Cancel
        }
        if (!cancelled)
            cancelled = !progress(report.pages(), report.pages());
    }
    if (cancelled) {
        file.cancelWriting(); // nothing is left behind
        co_return vs::makeError(vs::ErrorKind::Cancelled, vs::Msg::ReportCancelled, {}, path.toStdString());
    }
    if (!file.commit())
        co_return cannotWrite(file, path);
    co_return vs::Ok{};
}

} // namespace report

#include "Report.moc"
