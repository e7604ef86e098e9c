#include "Report.h"

#include "core/domain/models.h"

#include "ui/NumberFormat.h"
#include "ui/Wording.h"
#include "ui/ErrorText.h"
#include "ui/WarningText.h"
#include "ui/charts/Palette.h"

#include "core/analytics/analysis.h"
#include "core/analytics/over_time.h"
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
#include <QTextLayout>
#include <QTextTable>
#include <QRegularExpression>

#include <map>

#include <cmath>
#include <memory>
#include <vector>

namespace report {

namespace {

QString tr(const char *text) { return QApplication::translate("report", text); }

constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;
// A chart is laid out at the width it gets on the page (A4 less the margins, at the 96 dpi the
// report is written at), so that its 9-point text stays 9 points on paper.
const QSize kChartLayout(640, 400);

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
        charts::render(charts[size_t(i)].widget.get(), *p, rect.adjusted(0, h, 0, 0), kChartLayout, charts::reportStyle());
    }
};

// What must stay on one page with what follows it: a heading and the table (or paragraph) after
// it, and a table's first rows.
struct KeepTogether {
    QTextBlock start;            // the block a page break goes before (the heading, when there is one)
    QTextTable *table = nullptr; // the table it introduces, if any
    int headerRows = 0;
};

class Builder {
    Q_DECLARE_TR_FUNCTIONS(report)
public:
    Builder(QTextDocument &doc, ChartObjects &objects, std::vector<KeepTogether> &keep)
        : m_doc(doc), m_objects(objects), m_keep(keep), m_cursor(&doc) {}

    void build(const charts::Input &in, const vs::Project &project, const Options &o)
    {
        const vs::AnalysisResults &r = *in.results;
        const QLocale l;
        heading(o.title.isEmpty() ? defaultTitle(o.dataPath) : o.title, 20);
        paragraph(tr("Made by ValueScope on %1").arg(l.toString(QDateTime::currentDateTime(), QLocale::LongFormat)),
                  QColor(90, 90, 90));

        heading(tr("Data"), 14);
        QList<QStringList> data;
        data << QStringList{tr("Data file"), QFileInfo(o.dataPath).fileName()};
        if (!o.projectPath.isEmpty())
            data << QStringList{tr("Project file"), QFileInfo(o.projectPath).fileName()};
        data << QStringList{tr("Layout"), layoutName(project.source.layout)};
        data << QStringList{r.layout == vs::Layout::Campaigns ? tr("Campaigns") : tr("Customers"), numbers::count(qulonglong(r.rowCount()))};
        data << QStringList{tr("Customers with a value"), numbers::count(qulonglong(r.valuedCount))};
        const vs::Meaning valueMeaning = r.meaningOf("value");
        data << QStringList{tr("Total value"), numbers::statistic(r.totalValue, valueMeaning)};
        data << QStringList{tr("Mean value"), numbers::statistic(r.meanValue, valueMeaning)};
        if (r.concentration && r.concentration->customers) {
            data << QStringList{tr("Top 20 % of customers"), tr("%1 of value").arg(numbers::percent(r.concentration->top20Share))};
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
            for (const vs::PurchaseModelFit &m : b.models) {
                QStringList values;
                for (size_t k = 0; k < 4; ++k)
                    values << QStringLiteral("%1 = %2").arg(QString::fromUtf8(m.model->params[k]), l.toString(m.fit.params[k], 'f', 4));
                QString name = QString::fromUtf8(m.model->name);
                if (&m == b.chosenFit())
                    name = tr("%1 (chosen)").arg(name);
                params << QStringList{name, values.join(QStringLiteral(", "))};
            }
            // what the CLV interval is and what it covers (delta method or bootstrap)
            for (const vs::NamedValues &e : r.extra)
                if (e.name == "clv_low" && e.note) {
                    params << QStringList{tr("CLV interval"), localizedMessage(*e.note)};
                    break;
                }
            if (b.gammaGamma && b.gammaGamma->atLimit) {
                params << QStringList{tr("Gamma-Gamma"), tr("at its boundary: everyone's expected spend is the mean %1")
                                                             .arg(l.toString(b.gammaGamma->limitMean, 'f', 2))};
            } else if (b.gammaGamma) {
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
                edges << numbers::number(e);
            method = tr("thresholds %1").arg(edges.join(QStringLiteral(" · ")));
        } else
            method = tr("RFM rules (%1 segments)").arg(project.segments.rules.size());
        // RFM rules segment by the RFM scores: "by rfm" would only repeat it with a key's name
        params << QStringList{tr("Segments"), project.segments.method == "rfm_rules" ? method : tr("by %1, %2").arg(by, method)};
        table({}, params, 0);
        for (const vs::ScoreSpec &sc : project.scores) {
            QList<QStringList> items;
            double sum = 0;
            for (const vs::ScoreItem &it : sc.items)
                sum += it.weight;
            const double divisor = sc.normalize == vs::Normalize::Count ? double(sc.items.size()) : sum;
            for (const vs::ScoreItem &it : sc.items)
                items << QStringList{QString::fromStdString(it.column), l.toString(it.weight, 'g', 10),
                                     divisor != 0 ? l.toString(it.weight / divisor, 'g', 6) : numbers::missing()};
            paragraph(tr("Score “%1”: weighted sum %2%3")
                          .arg(QString::fromStdString(sc.name),
                               sc.normalize == vs::Normalize::Count ? tr("divided by the number of indicators (%1)").arg(sc.items.size())
                                                                    : tr("divided by the sum of the weights"),
                               sc.minMaxScale ? tr(", each indicator scaled to 0–1 first") : QString()),
                      Qt::black, true);
            table({tr("Indicator"), tr("Weight"), tr("Effective weight")}, items, 1);
        }

        if (r.layout != vs::Layout::Campaigns && !r.segments.empty()) {
            heading(tr("Segments and strategies"), 14);
            size_t segmented = 0;
            for (const vs::SegmentRow &s : r.segments)
                segmented += s.count;
            QList<QStringList> rows, strategies;
            QList<QColor> colours;
            for (size_t k = 0; k < r.segments.size(); ++k) {
                const vs::SegmentRow &s = r.segments[k];
                rows << QStringList{QString::fromStdString(s.label), numbers::count(qulonglong(s.count)),
                                    segmented ? numbers::percent(double(s.count) / double(segmented)) : QString(),
                                    numbers::statistic(s.totalValue, valueMeaning), numbers::statistic(s.meanValue, valueMeaning),
                                    numbers::percent(s.shareOfValue)};
                strategies << QStringList{QString::fromStdString(s.label), QString::fromStdString(s.strategy)};
                colours << palette::segment(int(k));
            }
            table({tr("Segment"), tr("Customers"), tr("Share"), tr("Total value"), tr("Mean value"), tr("Share of value")},
                  rows, 1, colours);
            // the strategies get the page's width, so that each takes a line or two
            table({tr("Segment"), tr("Strategy")}, strategies, 1, colours, {28, 72});
        }
        if (in.comparison)
            comparison(*in.comparison, r);
        if (r.overTime && r.overTime->migration)
            periodMigration(*r.overTime->migration, r);

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

        const std::vector<size_t> described = r.describedStatistics();
        if (!described.empty()) {
            heading(tr("Descriptive statistics"), 14);
            QList<QStringList> rows;
            for (size_t i : described) {
                const auto &[name, st] = r.stats[i];
                const vs::Meaning meaning = r.statisticMeaning(i);
                rows << QStringList{columnTitle(name), numbers::count(qulonglong(st.count)), numbers::statistic(st.mean, meaning),
                                    numbers::statistic(st.median, meaning), numbers::statistic(st.std, meaning),
                                    numbers::statistic(st.min, meaning), numbers::statistic(st.max, meaning)};
            }
            table({tr("Column"), tr("Count"), tr("Mean"), tr("Median"), tr("Std. deviation"), tr("Min"), tr("Max")}, rows, 1);
            paragraph(tr("Standard deviations are those of a sample (n − 1). Identifiers and codes (such as a customer "
                         "number or the RFM cell) have no meaningful mean and are left out."),
                      QColor(90, 90, 90));
        }
        if (!r.warnings.empty()) {
            heading(tr("Warnings"), 14);
            for (const vs::Diagnostic &w : r.warnings)
                paragraph(QStringLiteral("• ") + localizedWarning(w), Qt::black);
        }
    }

private:
    // the segment counts and values before and now, and who moved from which segment to which
    void comparison(const vs::ScenarioComparison &c, const vs::AnalysisResults &r)
    {
        heading(tr("Against the baseline"), 14);
        paragraph(tr("%1 customers are in another segment than in the baseline.").arg(numbers::count(qulonglong(c.changed))),
                  Qt::black, true);
        std::map<std::string, int> colourOf;
        for (size_t k = 0; k < r.segments.size(); ++k)
            colourOf.emplace(r.segments[k].label, int(k));
        int next = int(r.segments.size());
        auto colour = [&](const std::string &label) {
            const auto it = colourOf.find(label);
            return it != colourOf.end() ? palette::segment(it->second) : palette::segment(colourOf[label] = next++);
        };
        const vs::Meaning valueMeaning = r.meaningOf("value");
        QList<QStringList> rows;
        QList<QColor> colours;
        for (const auto &sh : c.shifts) {
            const long long change = (long long)sh.currentCount - (long long)sh.baselineCount;
            rows << QStringList{QString::fromStdString(sh.label), numbers::count(qulonglong(sh.baselineCount)),
                                numbers::count(qulonglong(sh.currentCount)),
                                (change > 0 ? QStringLiteral("+") : QString()) + numbers::count(change),
                                numbers::statistic(sh.baselineValue, valueMeaning), numbers::statistic(sh.currentValue, valueMeaning)};
            colours << colour(sh.label);
        }
        table({tr("Segment"), tr("Customers (baseline)"), tr("Customers (now)"), tr("Change"), tr("Value (baseline)"),
               tr("Value (now)")},
              rows, 1, colours);

        // the migration matrix: rows are the baseline's segments, columns today's; a row or a
        // column of customers without a segment only when there are any
        const size_t nb = c.baselineLabels.size(), nc = c.currentLabels.size();
        std::vector<bool> keepRow(nb + 1, true), keepCol(nc + 1, true);
        size_t noneRow = 0, noneCol = 0;
        for (size_t j = 0; j < c.moved.back().size(); ++j)
            noneRow += c.moved.back()[j];
        for (const auto &row : c.moved)
            noneCol += row.back();
        keepRow[nb] = noneRow > 0;
        keepCol[nc] = noneCol > 0;
        auto name = [&](const std::vector<std::string> &labels, size_t i) {
            return i < labels.size() ? QString::fromStdString(labels[i]) : tr("(no segment)");
        };
        std::vector<size_t> cols;
        for (size_t j = 0; j <= nc; ++j)
            if (keepCol[j])
                cols.push_back(j);
        // more than five columns: numbered, with the numbers before the rows' names
        const bool numbered = cols.size() > 5;
        std::map<std::string, int> number;
        for (size_t j : cols)
            number.emplace(j < nc ? c.currentLabels[j] : std::string(), int(number.size()) + 1);
        paragraph(numbered ? tr("Who moved: a row is a segment of the baseline, a column (by its number) a segment now; "
                                "the diagonal stayed.")
                           : tr("Who moved: a row is a segment of the baseline, a column a segment now; the diagonal stayed."),
                  Qt::black, true);
        QStringList header{tr("Baseline → now")};
        for (size_t j : cols)
            header << (numbered ? QString::number(number[j < nc ? c.currentLabels[j] : std::string()]) : name(c.currentLabels, j));
        QList<QStringList> matrix;
        QList<QColor> rowColours;
        std::vector<std::vector<int>> shade; // 0 none, 1 stayed, 2 moved
        for (size_t i = 0; i <= nb; ++i) {
            if (!keepRow[i])
                continue;
            const std::string label = i < nb ? c.baselineLabels[i] : std::string();
            const auto it = number.find(label);
            QStringList row{numbered && it != number.end() ? QStringLiteral("%1  %2").arg(it->second).arg(name(c.baselineLabels, i))
                                                            : name(c.baselineLabels, i)};
            std::vector<int> s{0};
            for (size_t j : cols) {
                const size_t n = c.moved[i][j];
                row << (n ? numbers::count(qulonglong(n)) : QStringLiteral("·"));
                const bool same = (i < nb ? c.baselineLabels[i] : std::string()) == (j < nc ? c.currentLabels[j] : std::string());
                s.push_back(n == 0 ? 0 : same ? 1 : 2);
            }
            matrix << row;
            shade.push_back(s);
            rowColours << (i < nb ? colour(label) : palette::noSegment());
        }
        QTextTable *t = table(header, matrix, 1, rowColours);
        for (int i = 0; i < int(shade.size()); ++i)
            for (int j = 1; j < int(shade[size_t(i)].size()); ++j)
                if (shade[size_t(i)][size_t(j)]) {
                    QTextTableCell cell = t->cellAt(i + 1, j);
                    QTextTableCellFormat cf = cell.format().toTableCellFormat();
                    cf.setBackground(shade[size_t(i)][size_t(j)] == 1 ? QColor(230, 242, 230) : QColor(255, 236, 204));
                    cell.setFormat(cf);
                }
        if (numbered) {
            QStringList key;
            for (size_t j : cols)
                key << QStringLiteral("%1 %2").arg(number[j < nc ? c.currentLabels[j] : std::string()]).arg(name(c.currentLabels, j));
            paragraph(tr("Columns: %1.").arg(key.join(QStringLiteral(" · "))), QColor(90, 90, 90));
        }
    }

    // how customers moved between the two snapshot dates: customers, then their value as of the
    // second date; the lapsed customers (no order between the dates) in a column of their own
    void periodMigration(const vs::PeriodMigration &m, const vs::AnalysisResults &r)
    {
        const QString from = QString::fromStdString(m.from), to = QString::fromStdString(m.to);
        heading(tr("Between %1 and %2").arg(from, to), 14);
        const auto name = migrationRowName;
        size_t customers = 0, arrived = 0, lapsed = 0;
        for (size_t i = 0; i < m.moved.size(); ++i)
            for (size_t n : m.moved[i])
                (i + 1 == m.moved.size() ? arrived : customers) += n;
        for (size_t n : m.lapsedCount)
            lapsed += n;
        paragraph(tr("%1 of %2 customers changed segment; %3 are new (first order after %4); %5 lapsed: they bought "
                     "nothing between the dates (the last column; they are counted in the matrix as well, by their "
                     "segment on %6).")
                      .arg(numbers::count(qulonglong(m.changed)), numbers::count(qulonglong(customers)),
                           numbers::count(qulonglong(arrived)), from, numbers::count(qulonglong(lapsed)), to),
                  Qt::black);
        // rows and columns without anyone are left out
        std::vector<size_t> rows, cols;
        for (size_t i = 0; i < m.fromSegments.size(); ++i) {
            size_t n = m.lapsedCount[i];
            for (size_t x : m.moved[i])
                n += x;
            if (n)
                rows.push_back(i);
        }
        for (size_t j = 0; j < m.toSegments.size(); ++j) {
            size_t n = 0;
            for (const auto &row : m.moved)
                n += row[j];
            if (n)
                cols.push_back(j);
        }
        std::map<std::string, int> colourOf;
        for (size_t k = 0; k < r.segments.size(); ++k)
            colourOf.emplace(r.segments[k].label, int(k));
        auto colour = [&](const std::string &label) {
            const auto it = colourOf.find(label);
            return it != colourOf.end() ? palette::segment(it->second) : palette::noSegment();
        };
        const bool numbered = cols.size() > 5;
        std::map<size_t, int> number;
        for (size_t j : cols)
            number.emplace(j, int(number.size()) + 1);
        auto rowName = [&](size_t i) {
            if (numbered)
                for (size_t j : cols)
                    if (m.toSegments[j] == m.fromSegments[i])
                        return QStringLiteral("%1  %2").arg(number[j]).arg(name(m.fromSegments[i]));
            return name(m.fromSegments[i]);
        };
        for (const bool value : {false, true}) {
            paragraph(value ? tr("Their value on %1: a row is a segment on %2, a column a segment on %1.").arg(to, from)
                            : tr("Customers: a row is a segment on %1, a column (%2) a segment on %3; the diagonal stayed.")
                                  .arg(from, numbered ? tr("by its number") : tr("by its name"), to),
                      Qt::black, true);
            QStringList header{tr("%1 → %2").arg(from, to)};
            for (size_t j : cols)
                header << (numbered ? QString::number(number[j]) : name(m.toSegments[j]));
            header << tr("Lapsed");
            QList<QStringList> matrix;
            QList<QColor> rowColours;
            std::vector<std::vector<int>> shade; // 0 none, 1 stayed, 2 moved, 3 lapsed
            for (size_t i : rows) {
                QStringList row{rowName(i)};
                std::vector<int> sh{0};
                for (size_t j : cols) {
                    const size_t n = m.moved[i][j];
                    row << (n == 0 ? QStringLiteral("·")
                                   : value ? numbers::integer(m.movedValue[i][j]) : numbers::count(qulonglong(n)));
                    sh.push_back(n == 0 ? 0 : m.fromSegments[i] == m.toSegments[j] ? 1 : 2);
                }
                const size_t n = m.lapsedCount[i];
                row << (n == 0 ? QStringLiteral("·")
                               : value ? numbers::integer(m.lapsedValue[i]) : numbers::count(qulonglong(n)));
                sh.push_back(3);
                matrix << row;
                shade.push_back(sh);
                rowColours << (m.fromSegments[i] == vs::kNewCustomersRow ? QColor(150, 150, 150) : colour(m.fromSegments[i]));
            }
            QTextTable *t = table(header, matrix, 1, rowColours);
            for (int i = 0; i < int(shade.size()); ++i)
                for (int j = 1; j < int(shade[size_t(i)].size()); ++j)
                    if (const int k = shade[size_t(i)][size_t(j)]) {
                        QTextTableCell cell = t->cellAt(i + 1, j);
                        QTextTableCellFormat cf = cell.format().toTableCellFormat();
                        cf.setBackground(k == 1 ? QColor(230, 242, 230) : k == 2 ? QColor(255, 236, 204) : QColor(232, 232, 236));
                        cell.setFormat(cf);
                    }
            QTextTableCell corner = t->cellAt(0, t->columns() - 1); // the lapsed column, set apart
            QTextTableCellFormat cf = corner.format().toTableCellFormat();
            cf.setBackground(QColor(0xdc, 0xdc, 0xe2));
            corner.setFormat(cf);
        }
        if (numbered) {
            QStringList key;
            for (size_t j : cols)
                key << QStringLiteral("%1 %2").arg(number[j]).arg(name(m.toSegments[j]));
            paragraph(tr("Columns: %1. Segments without customers on either date are left out.").arg(key.join(QStringLiteral(" · "))),
                      QColor(90, 90, 90));
        } else {
            paragraph(tr("Segments without customers on either date are left out."), QColor(90, 90, 90));
        }
    }

    static QString layoutName(vs::Layout layout)
    {
        switch (layout) {
        case vs::Layout::Customers: return tr("one row per customer");
        case vs::Layout::Transactions: return tr("order lines");
        case vs::Layout::Campaigns: return tr("campaigns");
        }
        return {};
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
        m_pending = m_cursor.block(); // stays on a page with what follows
        m_keep.push_back({m_cursor.block(), nullptr, 0});
    }
    // introduces: a paragraph that belongs to the table after it (kept on its page)
    void paragraph(const QString &text, const QColor &colour, bool introduces = false)
    {
        QTextBlockFormat b;
        b.setTopMargin(3);
        b.setBottomMargin(3);
        QTextCharFormat c;
        c.setFontPointSize(9.5);
        c.setForeground(colour);
        m_cursor.insertBlock(b, c);
        m_cursor.insertText(text, c);
        if (introduces && !m_pending.isValid())
            m_pending = m_cursor.block();
        else if (!introduces)
            m_pending = QTextBlock();
    }
    // header: column titles (repeated on every page the table runs over); numbers right-aligned;
    // colours: a swatch before each row's name; widths: the columns' shares of the width in percent
    QTextTable *table(const QStringList &header, const QList<QStringList> &rows, int headerRows,
                      const QList<QColor> &colours = {}, const QList<double> &widths = {})
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
        if (widths.size() == cols) {
            QList<QTextLength> constraints;
            for (double w : widths)
                constraints << QTextLength(QTextLength::PercentageLength, w);
            tf.setColumnWidthConstraints(constraints);
        }
        m_cursor.movePosition(QTextCursor::End);
        QTextTable *t = m_cursor.insertTable(int(rows.size()) + headerRows, cols, tf);
        QTextCharFormat cell;
        cell.setFontPointSize(9);
        QTextCharFormat bold = cell;
        bold.setFontWeight(QFont::Bold);
        // a column is right-aligned when it holds numbers (a key/value table keeps its values left)
        QVector<bool> numericColumn(cols, false);
        static const QRegularExpression numberLike(QStringLiteral("^[<>]?\\s*[−+-]?[\\d.,\\s]+\\s*%?$|^[·—]$"));
        for (int c = 1; c < cols && !header.isEmpty(); ++c) {
            bool all = !rows.isEmpty();
            for (const QStringList &row : rows)
                all = all && (c >= row.size() || row[c].isEmpty() || numberLike.match(row[c]).hasMatch());
            numericColumn[c] = all;
        }
        auto put = [&](int row, int col, const QString &text, bool isHeader, const QColor &swatch) {
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
            if (swatch.isValid()) {
                QTextCharFormat sf = cell;
                sf.setForeground(swatch);
                cc.insertText(QStringLiteral("■ "), sf);
            }
            cc.insertText(text, isHeader || (header.isEmpty() && col == 0) ? bold : cell);
        };
        for (int c = 0; c < header.size(); ++c)
            put(0, c, header[c], true, QColor());
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < cols && c < rows[r].size(); ++c)
                put(r + headerRows, c, rows[r][c], false, c == 0 && r < colours.size() ? colours[r] : QColor());
        m_cursor.movePosition(QTextCursor::End);
        m_keep.push_back({m_pending, t, headerRows});
        m_pending = QTextBlock();
        return t;
    }

    QTextDocument &m_doc;
    ChartObjects &m_objects;
    std::vector<KeepTogether> &m_keep;
    QTextCursor m_cursor;
    QTextBlock m_pending; // the heading or paragraph that introduces what comes next
    bool m_first = true;
};

// The report laid out for the writer's page; pages are painted one at a time.
class PagedReport {
public:
    PagedReport(const charts::Input &in, const vs::Project &project, const Options &o, QPdfWriter &pdf)
        : m_pdf(pdf), m_title(o.title.isEmpty() ? defaultTitle(o.dataPath) : o.title)
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
        m_objects.width = std::min<double>(kChartLayout.width(), m_body.width());
        m_objects.headingFont = m_font;
        m_objects.headingFont.setPointSizeF(14);
        m_objects.headingFont.setBold(true);
        m_doc.documentLayout()->registerHandler(kChartObject, &m_objects);
        Builder(m_doc, m_objects, m_keep).build(in, project, o);
        m_doc.setPageSize(m_body);
        keepTogether();
        m_pages = m_doc.pageCount();
    }
    int pages() const { return m_pages; }
    std::vector<TableLayout> tables() const
    {
        std::vector<TableLayout> out;
        for (const KeepTogether &k : m_keep) {
            if (!k.table)
                continue;
            TableLayout t;
            t.introPage = k.start.isValid() ? pageOf(k.start) : -1;
            t.headerRows = k.headerRows;
            for (int r = 0; r < k.table->rows(); ++r) {
                t.rowPages.push_back(pageOfRow(k.table, r));
                for (int c = 0; c < k.table->columns(); ++c) {
                    int lines = 0;
                    const QTextTableCell cell = k.table->cellAt(r, c);
                    for (QTextBlock b = cell.firstCursorPosition().block(); b.isValid() && b.position() <= cell.lastPosition(); b = b.next())
                        lines += b.layout() ? b.layout()->lineCount() : 0;
                    t.mostLines = std::max(t.mostLines, lines);
                }
            }
            QTextTableCell first = k.table->cellAt(0, 0);
            t.firstCell = first.firstCursorPosition().block().text();
            t.lastHeader = k.table->cellAt(0, k.table->columns() - 1).firstCursorPosition().block().text();
            out.push_back(std::move(t));
        }
        return out;
    }
    std::vector<HeadingLayout> headings() const
    {
        std::vector<HeadingLayout> out;
        for (const KeepTogether &k : m_keep) {
            if (k.table || !k.start.isValid())
                continue;
            HeadingLayout h;
            h.text = k.start.text();
            h.page = pageOf(k.start);
            h.nextPage = k.start.next().isValid() ? pageOf(k.start.next()) : -1;
            out.push_back(std::move(h));
        }
        return out;
    }
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
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QApplication::translate("report", "Page %1 of %2").arg(i + 1).arg(m_pages));
        painter.restore();
    }

private:
    // The page of a block's first line: a block that begins at the foot of a page may have its
    // lines moved to the next (its bounding box still starts on the first page).
    int pageOf(const QTextBlock &b) const
    {
        const QRectF box = m_doc.documentLayout()->blockBoundingRect(b);
        const QTextLayout *l = b.layout();
        if (!l || l->lineCount() == 0)
            return int(box.top() / m_body.height());
        const QTextLine first = l->lineAt(0);
        // the box's top is the layout's position; the line lies below it by its own y
        return int((box.top() - l->boundingRect().top() + first.y() + first.height() / 2) / m_body.height());
    }
    int pageOfRow(QTextTable *t, int row) const { return pageOf(t->cellAt(row, 0).firstCursorPosition().block()); }
    // A heading never ends a page, and a table's header never stands at the bottom of a page with
    // one row or none under it (nor a short table's last row alone at the top of the next): a
    // page break goes before the heading that introduces it, or before the table.
    void keepTogether()
    {
        // each pass puts one more page break (never one twice): at most one pass per item
        for (size_t pass = 0; pass <= m_keep.size(); ++pass) {
            bool moved = false;
            for (const KeepTogether &k : m_keep) {
                bool breakBefore = false;
                if (k.table) {
                    const int rows = k.table->rows(), first = k.headerRows;
                    if (rows > first) {
                        const int top = k.start.isValid() ? pageOf(k.start) : pageOfRow(k.table, 0);
                        const int firstRow = pageOfRow(k.table, first);
                        const int secondRow = rows > first + 1 ? pageOfRow(k.table, first + 1) : firstRow;
                        const int last = pageOfRow(k.table, rows - 1);
                        const int beforeLast = rows > first + 1 ? pageOfRow(k.table, rows - 2) : last;
                        const double height = m_doc.documentLayout()->frameBoundingRect(k.table).height();
                        breakBefore = top != firstRow || firstRow != secondRow ||
                                      (last != beforeLast && height < m_body.height() * 0.9);
                    }
                } else if (k.start.isValid() && k.start.next().isValid()) {
                    // a heading and the first line after it
                    const QTextBlock next = k.start.next();
                    breakBefore = pageOf(k.start) != pageOf(next);
                }
                if (!breakBefore)
                    continue;
                if (k.start.isValid()) {
                    if (k.start.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                        continue;
                    QTextCursor c(k.start);
                    QTextBlockFormat f = k.start.blockFormat();
                    f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                    c.setBlockFormat(f);
                } else {
                    QTextTableFormat f = k.table->format();
                    if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                        continue;
                    f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                    k.table->setFormat(f);
                }
                moved = true;
                break; // the pages after it have moved: look again from the start
            }
            if (!moved)
                return;
        }
    }

    QPdfWriter &m_pdf;
    std::vector<KeepTogether> m_keep;
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
    pdf.setTitle(o.title.isEmpty() ? defaultTitle(o.dataPath) : o.title);
    pdf.setCreator(QStringLiteral("ValueScope"));
}

} // namespace

QString defaultTitle(const QString &dataPath)
{
    const QString name = QFileInfo(dataPath).completeBaseName();
    return name.isEmpty() ? tr("Customer value report") : tr("Customer value — %1").arg(name);
}

QSize chartLayoutSize() { return kChartLayout; }

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

Layout layout(const charts::Input &input, const vs::Project &project, const Options &options)
{
    if (!input.results)
        return {};
    QByteArray sink;
    QBuffer buffer(&sink);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    setUp(pdf, options);
    const PagedReport report(input, project, options, pdf);
    return {report.tables(), report.headings()};
}

std::vector<TableLayout> tableLayout(const charts::Input &input, const vs::Project &project, const Options &options)
{
    if (!input.results)
        return {};
    QByteArray sink;
    QBuffer buffer(&sink);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    setUp(pdf, options);
    return PagedReport(input, project, options, pdf).tables();
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
