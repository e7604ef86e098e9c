// Numbers as people write them: one formatting for the window, the charts, the wizard and the
// report (ui/NumberFormat), in English and in Chinese; and the tables of Excel's Online Retail
// workbook (order lines, RFM) show each column by what core says it means: scores, orders and
// RFM cells as whole numbers, money with two decimals, one percentage precision, and statistics
// without the customer number and the RFM cell.
#include "core/io/readers.h"
#include "ui/AnalysisSession.h"
#include "ui/NumberFormat.h"
#include "ui/charts/Charts.h"
#include "ui/charts/SegmentChart.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/models/ScenarioModels.h"
#include "ui/models/SegmentTableModel.h"
#include "ui/models/TablePreviewModel.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

class TstNumbers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void formats_data();
    void formats();
    void axisTicksAreRound_data();
    void axisTicksAreRound();
    void retailTablesShowWhatColumnsMean();
    void previewShowsSeparatorsButNotInIds();

private:
    QTemporaryDir m_dir;
};

void TstNumbers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TstNumbers::cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

void TstNumbers::formats_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("expected");
    using namespace numbers;
    using enum vs::Meaning;
    const QString en = QStringLiteral("en_US"), zh = QStringLiteral("zh_CN");
    auto row = [](const char *name, const QString &locale, const QString &shown, const char *expected) {
        QTest::newRow(name) << locale << shown << QString::fromUtf8(expected);
    };
    QLocale::setDefault(QLocale(en));
    row("count", en, count(qulonglong(65535)), "65,535");
    row("integer", en, integer(1000000.0), "1,000,000");
    row("share: one decimal", en, percent(0.00346), "0.3 %");
    row("share: tiny", en, percent(0.0004), "< 0.1 %");
    row("share: nearly all", en, percent(0.9996), "> 99.9 %");
    row("share: none", en, percent(0), "0.0 %");
    row("share: negative", en, percent(-0.0234), "-2.3 %");
    row("money", en, money(15384.269), "15,384.27");
    row("duration in days", en, duration(273, QStringLiteral("days")), "273 days");
    row("duration in weeks", en, duration(39.29, QStringLiteral("weeks")), "39.3 weeks");
    row("a day", en, duration(1, QStringLiteral("days")), "1 day");
    row("RFM cell", en, measure(555, Code), "555");
    row("RFM score", en, measure(5, Grade), "5");
    row("orders", en, measure(34, Count), "34");
    row("many orders", en, measure(1234, Count), "1,234");
    row("frequency", en, measure(1, Count), "1");
    row("spend", en, measure(1234.5, Money), "1,234.50");
    row("ROI", en, measure(1.25, Ratio), "125.0 %");
    row("weighted score", en, measure(3.4667, Score), "3.47");
    row("customer number", en, measure(17850, Identifier), "17850");
    row("number: whole", en, number(4), "4");
    row("number: decimals", en, number(2.345678), "2.35");
    row("number: small", en, number(0.012345), "0.0123");
    row("number: nearly zero", en, number(0.0000004), "< 0.001");
    row("mean of a count", en, statistic(2.3456, Count), "2.35");
    row("median of a count", en, statistic(3, Count), "3");
    row("mean of money", en, statistic(30, Money), "30.00");
    row("missing", en, statistic(NAN, Money), "—");
    row("every digit", en, exact(1000000.25), "1,000,000.25");
    row("date", en, date(10227), "1998-01-01");
    // Chinese as the window has it: the locale and the translation
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    QLocale::setDefault(QLocale(zh));
    row("zh count", zh, count(qulonglong(65535)), "65,535");
    row("zh share", zh, percent(0.2013), "20.1%");
    row("zh tiny share", zh, percent(0.0004), "< 0.1%");
    row("zh duration", zh, duration(273, QStringLiteral("days")), "273 天");
    QCoreApplication::removeTranslator(&chinese);
    QLocale::setDefault(QLocale(en));
}

void TstNumbers::formats()
{
    QFETCH(QString, shown);
    QFETCH(QString, expected);
    QCOMPARE(shown, expected);
}

void TstNumbers::axisTicksAreRound_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("money, thousands") << QStringLiteral("en_US") << -48000.0 << 151000.0
                                      << QStringList{"-50k", "0", "50k", "100k", "150k", "200k"};
    QTest::newRow("customers") << QStringLiteral("en_US") << 0.0 << 1460.0
                               << QStringList{"0", "250", "500", "750", "1,000", "1,250", "1,500"};
    QTest::newRow("shares") << QStringLiteral("en_US") << 0.0 << 1.0 << QStringList{"0", "0.2", "0.4", "0.6", "0.8", "1"};
    QTest::newRow("millions") << QStringLiteral("en_US") << 0.0 << 2.4e7 << QStringList{"0", "5M", "10M", "15M", "20M", "25M"};
    QTest::newRow("quarter steps") << QStringLiteral("en_US") << 0.0 << 12400.0
                                   << QStringList{"0", "2.5k", "5k", "7.5k", "10k", "12.5k"};
    QTest::newRow("Chinese ten thousands") << QStringLiteral("zh_CN") << 0.0 << 480000.0
                                           << QStringList{"0", "10万", "20万", "30万", "40万", "50万"};
}

void TstNumbers::axisTicksAreRound()
{
    QFETCH(QString, locale);
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(QStringList, labels);
    QLocale::setDefault(QLocale(locale));
    const numbers::Ticks t = numbers::niceTicks(lo, hi, 6);
    QStringList shown;
    for (double v : t.values)
        shown << numbers::tick(v, t);
    QCOMPARE(shown, labels);
    QVERIFY(t.first <= lo && t.last >= hi);
    // never "150000.0": no digits the value does not need
    for (const QString &s : shown)
        QVERIFY2(!s.contains(QRegularExpression(QStringLiteral("\\.\\d*0\\D*$"))), qPrintable(s));
}

namespace {
QString display(const QAbstractItemModel &m, int row, int column) { return m.index(row, column).data().toString(); }
int columnNamed(const QAbstractItemModel &m, const QString &name)
{
    for (int c = 0; c < m.columnCount(); ++c)
        if (m.headerData(c, Qt::Horizontal, Qt::UserRole).toString() == name) // the machine name
            return c;
    return -1;
}
} // namespace

void TstNumbers::retailTablesShowWhatColumnsMean()
{
    // Excel's Online Retail workbook as order lines, valued by RFM, segmented by the RFM rules
    const QString project = m_dir.filePath(QStringLiteral("retail.valuescope.json"));
    QFile f(project);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"({"valuescope": 1,
      "source": {"path": "%1", "layout": "transactions",
                 "columns": {"customer": "CustomerID", "date": "InvoiceDate", "quantity": "Quantity",
                             "unit_price": "UnitPrice", "invoice": "InvoiceNo"}},
      "value": {"model": "rfm"}, "segments": {"by": "rfm", "method": "rfm_rules"}})")
                .arg(QStringLiteral(VS_TEST_DATA "/retail/online_retail_first_65535_lines.xlsx"))
                .toUtf8());
    f.close();
    AnalysisSession session;
    QVERIFY(QCoro::waitFor(session.openProject(project)));
    QVERIFY(QCoro::waitFor(session.waitForResults()));
    const auto r = session.results();
    QVERIFY(r && r->segments.size() == 11);

    CustomerTableModel customers;
    QAbstractItemModelTester t1(&customers, QAbstractItemModelTester::FailureReportingMode::Fatal);
    customers.setResults(r);
    const QRegularExpression whole(QStringLiteral("^\\d{1,3}(,\\d{3})*$")), money(QStringLiteral("^-?\\d{1,3}(,\\d{3})*\\.\\d\\d$"));
    const QRegularExpression score(QStringLiteral("^[1-5]$")), cell(QStringLiteral("^[1-5]{3}$"));
    bool thousands = false;
    for (int row = 0; row < customers.rowCount(); row += 7) {
        if (display(customers, row, 1).isEmpty())
            continue; // no value (only returns)
        for (const char *name : {"r_score", "f_score", "m_score"})
            QVERIFY2(score.match(display(customers, row, columnNamed(customers, QLatin1String(name)))).hasMatch(),
                     qPrintable(display(customers, row, columnNamed(customers, QLatin1String(name)))));
        QVERIFY2(cell.match(display(customers, row, columnNamed(customers, QStringLiteral("rfm_cell")))).hasMatch(),
                 qPrintable(display(customers, row, columnNamed(customers, QStringLiteral("rfm_cell")))));
        QVERIFY(whole.match(display(customers, row, columnNamed(customers, QStringLiteral("frequency")))).hasMatch());
        const QString spend = display(customers, row, columnNamed(customers, QStringLiteral("monetary")));
        QVERIFY2(money.match(spend).hasMatch(), qPrintable(spend));
        thousands = thousands || spend.contains(QLatin1Char(','));
        QVERIFY(money.match(display(customers, row, 1)).hasMatch()); // the value
    }
    QVERIFY(thousands); // some customers spent thousands, written "1,234.56"

    // the statistics leave out the customer number and the RFM cell, and keep what has a mean
    StatsModel stats(&session);
    QAbstractItemModelTester t2(&stats, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QStringList names;
    for (int row = 0; row < stats.rowCount(); ++row)
        names << display(stats, row, StatsModel::Name);
    // (the program's own columns by their titles, the file's by their names)
    QVERIFY2(!names.contains(QStringLiteral("CustomerID")) && !names.contains(QStringLiteral("RFM cell")), qPrintable(names.join(u',')));
    for (const char *kept : {"Quantity", "UnitPrice", "Value", "Frequency", "Monetary", "R score"})
        QVERIFY2(names.contains(QLatin1String(kept)), kept);
    const int rScore = int(names.indexOf(QStringLiteral("R score")));
    QCOMPARE(display(stats, rScore, StatsModel::Min), QStringLiteral("1"));
    QCOMPARE(display(stats, rScore, StatsModel::Max), QStringLiteral("5"));
    QCOMPARE(display(stats, int(names.indexOf(QStringLiteral("Quantity"))), StatsModel::Count), QStringLiteral("65,535"));
    QCOMPARE(stats.headerData(StatsModel::Std, Qt::Horizontal).toString(), QStringLiteral("Std. deviation"));
    // the summary keeps every column's statistics (other tools read them)
    bool idInSummary = false;
    for (const auto &[name, st] : r->stats)
        idInSummary = idInSummary || name == "CustomerID";
    QVERIFY(idInSummary);

    // one percentage precision: the segment table and the segments chart say the same
    SegmentTableModel table;
    table.setResults(r);
    SegmentChart chart;
    chart.setResults(r);
    for (int row = 0; row < table.rowCount(); ++row) {
        const QString share = display(table, row, SegmentTableModel::Share);
        QCOMPARE(share, chart.data().rows[size_t(row)].cells[1]);
        QVERIFY2(QRegularExpression(QStringLiteral("^(< )?\\d+\\.\\d %$")).match(share).hasMatch(), qPrintable(share));
    }
}

void TstNumbers::previewShowsSeparatorsButNotInIds()
{
    const QString csv = m_dir.filePath(QStringLiteral("preview.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("CustomerID,revenue,visits\n17850,1000000,3\n13047,2500.5,12\n");
    f.close();
    auto read = vs::readTable(csv.toStdString(), vs::ReadOptions{});
    QVERIFY(read.ok());
    TablePreviewModel preview;
    QAbstractItemModelTester tester(&preview, QAbstractItemModelTester::FailureReportingMode::Fatal);
    preview.setTable(std::make_shared<const vs::Table>(std::move(read->table)));
    QCOMPARE(display(preview, 0, 0), QStringLiteral("17850")); // an id, as written
    QCOMPARE(display(preview, 0, 1), QStringLiteral("1,000,000"));
    QCOMPARE(display(preview, 1, 1), QStringLiteral("2,500.5"));
    QCOMPARE(display(preview, 1, 2), QStringLiteral("12"));
}

QTEST_MAIN(TstNumbers)
#include "tst_numbers.moc"
