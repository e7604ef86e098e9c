// Reading single cells: numbers as people write them, missing markers, dates.
#include "core/table/cell_parse.h"
#include "core/table/table.h"

#include <QTest>

#include <cmath>

using namespace vs;

Q_DECLARE_METATYPE(vs::CellParse)

class TstCellParse : public QObject {
    Q_OBJECT
private slots:
    void numbers_data();
    void numbers();
    void dates_data();
    void dates();
    void formatNumberRoundTrips();
    void formatNumberText_data();
    void formatNumberText();
};

void TstCellParse::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("decimal");
    QTest::addColumn<vs::CellParse>("status");
    QTest::addColumn<double>("value");
    const QChar dot('.'), comma(',');
    QTest::newRow("plain") << "123.45" << dot << CellParse::Ok << 123.45;
    QTest::newRow("negative") << "-7.5" << dot << CellParse::Ok << -7.5;
    QTest::newRow("plus sign") << "+3" << dot << CellParse::Ok << 3.0;
    QTest::newRow("exponent") << "1.5e3" << dot << CellParse::Ok << 1500.0;
    QTest::newRow("leading dot") << ".5" << dot << CellParse::Ok << 0.5;
    QTest::newRow("spaces") << "  42  " << dot << CellParse::Ok << 42.0;
    QTest::newRow("thousands comma") << "1,234,567.89" << dot << CellParse::Ok << 1234567.89;
    QTest::newRow("decimal comma") << "12,5" << comma << CellParse::Ok << 12.5;
    QTest::newRow("dot thousands, decimal comma") << "1.234.567,89" << comma << CellParse::Ok << 1234567.89;
    QTest::newRow("space thousands") << "1 234,5" << comma << CellParse::Ok << 1234.5;
    QTest::newRow("no-break space thousands") << QString::fromUtf8("1\u00a0234,5") << comma << CellParse::Ok << 1234.5;
    QTest::newRow("dollar") << "$1,234.50" << dot << CellParse::Ok << 1234.5;
    QTest::newRow("euro suffix") << QString::fromUtf8("1.234,50 €") << comma << CellParse::Ok << 1234.5;
    QTest::newRow("yuan") << QString::fromUtf8("¥980") << dot << CellParse::Ok << 980.0;
    QTest::newRow("fullwidth yuan") << QString::fromUtf8("￥1,000") << dot << CellParse::Ok << 1000.0;
    QTest::newRow("yuan word") << QString::fromUtf8("500元") << dot << CellParse::Ok << 500.0;
    QTest::newRow("RMB code") << "RMB 88.8" << dot << CellParse::Ok << 88.8;
    QTest::newRow("minus before currency") << "-$5" << dot << CellParse::Ok << -5.0;
    QTest::newRow("currency before minus") << "$-5" << dot << CellParse::Ok << -5.0;
    QTest::newRow("accounting negative") << "(1,500.00)" << dot << CellParse::Ok << -1500.0;
    QTest::newRow("percent") << "35%" << dot << CellParse::Ok << 0.35;
    QTest::newRow("percent decimal comma") << "12,5 %" << comma << CellParse::Ok << 0.125;
    QTest::newRow("empty") << "" << dot << CellParse::Missing << 0.0;
    QTest::newRow("NA") << "NA" << dot << CellParse::Missing << 0.0;
    QTest::newRow("n/a") << "n/a" << dot << CellParse::Missing << 0.0;
    QTest::newRow("#N/A") << "#N/A" << dot << CellParse::Missing << 0.0;
    QTest::newRow("null") << "NULL" << dot << CellParse::Missing << 0.0;
    QTest::newRow("dash") << "-" << dot << CellParse::Missing << 0.0;
    QTest::newRow("NaN") << "NaN" << dot << CellParse::Missing << 0.0;
    QTest::newRow("text") << "abc" << dot << CellParse::Invalid << 0.0;
    QTest::newRow("inf is not a number people write") << "inf" << dot << CellParse::Invalid << 0.0;
    QTest::newRow("bad grouping") << "1,23,4" << dot << CellParse::Invalid << 0.0;
    QTest::newRow("comma in dot locale") << "12,5" << dot << CellParse::Invalid << 0.0;
    QTest::newRow("two numbers") << "12 5" << dot << CellParse::Invalid << 0.0;
    QTest::newRow("trailing text") << "12kg" << dot << CellParse::Invalid << 0.0;
    QTest::newRow("date is not a number") << "2024-01-05" << dot << CellParse::Invalid << 0.0;
}

void TstCellParse::numbers()
{
    QFETCH(QString, text);
    QFETCH(QChar, decimal);
    QFETCH(vs::CellParse, status);
    QFETCH(double, value);
    NumberFormat fmt;
    fmt.decimal = char(decimal.unicode());
    fmt.thousands = fmt.decimal == ',' ? '.' : ',';
    double out = -999;
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(parseNumber(std::string_view(utf8.constData(), size_t(utf8.size())), fmt, out), status);
    if (status == CellParse::Ok)
        QCOMPARE(out, value); // exact: the nearest double to the written decimal
}

void TstCellParse::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("order"); // 0 unknown, 1 day first, 2 month first
    QTest::addColumn<bool>("compact");
    QTest::addColumn<QString>("expected"); // empty = invalid
    QTest::newRow("iso") << "2024-03-31" << 0 << false << "2024-03-31";
    QTest::newRow("iso time") << "2024-03-31T14:05:09" << 0 << false << "2024-03-31 14:05:09";
    QTest::newRow("iso space time") << "2010-12-01 08:26:00" << 0 << false << "2010-12-01 08:26:00";
    QTest::newRow("slashes ymd") << "2024/3/5" << 0 << false << "2024-03-05";
    QTest::newRow("chinese") << QString::fromUtf8("2024年3月5日") << 0 << false << "2024-03-05";
    QTest::newRow("german dots") << "05.03.2024" << 0 << false << "2024-03-05";
    QTest::newRow("slash default month first") << "3/5/2024" << 0 << false << "2024-03-05";
    QTest::newRow("slash day first") << "3/5/2024" << 1 << false << "2024-05-03";
    QTest::newRow("slash day > 12 decides") << "31/01/2024" << 0 << false << "2024-01-31";
    QTest::newRow("us with time") << "12/1/2010 8:26" << 2 << false << "2010-12-01 08:26:00";
    QTest::newRow("12h clock") << "12/1/2010 8:26 PM" << 2 << false << "2010-12-01 20:26:00";
    QTest::newRow("month name") << "1-Dec-2010" << 0 << false << "2010-12-01";
    QTest::newRow("english long") << "March 5, 2024" << 0 << false << "2024-03-05";
    QTest::newRow("compact allowed") << "19970101" << 0 << true << "1997-01-01";
    QTest::newRow("compact not allowed") << "19970101" << 0 << false << "";
    QTest::newRow("leap day") << "2024-02-29" << 0 << false << "2024-02-29";
    QTest::newRow("not a leap year") << "2023-02-29" << 0 << false << "";
    QTest::newRow("month 13") << "2024-13-01" << 0 << false << "";
    QTest::newRow("text") << "yesterday" << 0 << false << "";
}

void TstCellParse::dates()
{
    QFETCH(QString, text);
    QFETCH(int, order);
    QFETCH(bool, compact);
    QFETCH(QString, expected);
    double days = 0;
    const QByteArray utf8 = text.toUtf8();
    const CellParse p = parseDate(std::string_view(utf8.constData(), size_t(utf8.size())), DateOrder(order), compact, days);
    if (expected.isEmpty()) {
        QCOMPARE(p, CellParse::Invalid);
        return;
    }
    QCOMPARE(p, CellParse::Ok);
    QCOMPARE(QString::fromStdString(formatDate(days)), expected);
}

void TstCellParse::formatNumberRoundTrips()
{
    for (double v : {0.1, 1.0 / 3.0, 924.7100000000002, -1e-300, 123456789012345.0, 2.5e-7}) {
        const std::string s = formatNumber(v);
        QCOMPARE(std::stod(s), v);
    }
    QCOMPARE(formatNumber(std::nan("")), std::string());
    QCOMPARE(formatNumber(-0.0), std::string("0"));
}

// What a results file shows: positional as Python's repr up to 1e15 (an id 100000 was "1e+05",
// the shortest text, which a CRM does not match to customer 100000), else with an exponent
void TstCellParse::formatNumberText_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("id 100000") << 100000.0 << "100000";
    QTest::newRow("id 2000000") << 2000000.0 << "2000000";
    QTest::newRow("15 digits") << 100000000000000.0 << "100000000000000";
    QTest::newRow("1e15") << 1e15 << "1e+15";
    QTest::newRow("amount") << 390.07000000000005 << "390.07000000000005";
    QTest::newRow("negative") << -1200.5 << "-1200.5";
    QTest::newRow("1e-4") << 0.0001 << "0.0001";
    QTest::newRow("below 1e-4") << 0.00001 << "1e-05";
    QTest::newRow("tiny") << 2.5e-7 << "2.5e-07";
    // whole numbers take a quicker way to the same digits
    QTest::newRow("score") << 4.0 << "4";
    QTest::newRow("one") << 1.0 << "1";
    QTest::newRow("negative whole") << -56.0 << "-56";
    QTest::newRow("largest whole below 1e15") << 999999999999999.0 << "999999999999999";
    QTest::newRow("just above a whole") << 56.00000000000001 << "56.00000000000001";
    QTest::newRow("just below a whole") << 55.99999999999999 << "55.99999999999999";
    QTest::newRow("half") << 0.5 << "0.5";
    QTest::newRow("negative whole below -1e15") << -1e16 << "-1e+16";
}

void TstCellParse::formatNumberText()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatNumber(value)), text);
}

QTEST_APPLESS_MAIN(TstCellParse)
#include "tst_cellparse.moc"
