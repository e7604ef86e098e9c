// XLSX, XLS and ODS from independent writers (tests/data/make_workbook_fixtures.py: openpyxl,
// xlwt, odfpy, and parts written by hand as Excel writes them), and every kind of bad workbook.
#include "core/analytics/stats.h"
#include "core/io/readers.h"
#include "core/io/workbook_readers.h"
#include "core/process.h"
#include "tablecheck.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <set>

using namespace vs;
using testutil::dataPath;

class TstWorkbooks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void goodFiles_data();
    void goodFiles();
    void badFiles_data();
    void badFiles();
    void unknownSheetListsTheSheets();
    void textNamedLikeWorkbookIsReadAsTextAndSaid();
    void cancelAndProgress_data();
    void cancelAndProgress();
    void serialDates_data();
    void serialDates();
    void dateFormats_data();
    void dateFormats();
    void realRetailWorkbook();

private:
    nlohmann::json m_expect;
};

void TstWorkbooks::initTestCase()
{
    vs::setHelperExecutable(VS_BINARY); // the .xls reader runs in the program's reader mode
    m_expect = testutil::loadJson(dataPath("workbooks/expectations.json"));
}

void TstWorkbooks::goodFiles_data()
{
    QTest::addColumn<QString>("key");
    for (auto &[name, e] : m_expect.items())
        if (name != "__bad__")
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstWorkbooks::goodFiles()
{
    QFETCH(QString, key);
    const nlohmann::json &e = m_expect[key.toStdString()];
    const std::string file = e.contains("file") ? e["file"].get<std::string>() : key.toStdString();
    ReadOptions o;
    if (e.contains("sheet"))
        o.sheet = e["sheet"];
    if (e.contains("max_rows"))
        o.maxRows = e["max_rows"];
    auto r = readTable(dataPath("workbooks/" + file), o);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    QVERIFY2(e.contains("rows"), "every workbook expectation states its row count");
    testutil::checkTable(r->table, r->report, e);
}

void TstWorkbooks::badFiles_data()
{
    QTest::addColumn<QString>("file");
    for (auto &[name, e] : m_expect["__bad__"].items())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstWorkbooks::badFiles()
{
    QFETCH(QString, file);
    const std::string path = dataPath("workbooks/" + file.toStdString());
    QElapsedTimer clock;
    clock.start();
    auto r = readTable(path, ReadOptions{});
    QVERIFY(!r.ok());
    const std::string msg = r.error().describe();
    QVERIFY2(msg.find(path) == 0, msg.c_str());
    QVERIFY2(msg.find(m_expect["__bad__"][file.toStdString()].get<std::string>()) != std::string::npos, msg.c_str());
    QVERIFY2(clock.elapsed() < 5000, "refused within seconds, not after inflating it");
}

// Issue 15: a CSV saved under a workbook's name is read as the text it is, and the user is told.
void TstWorkbooks::textNamedLikeWorkbookIsReadAsTextAndSaid()
{
    auto r = readTable(dataPath("workbooks/csv_named.xlsx"), ReadOptions{});
    QVERIFY(r.ok());
    QCOMPARE(r->report.format, std::string("csv"));
    QCOMPARE(r->table.rowCount(), size_t(2));
    QVERIFY(!r->report.warnings.empty());
    const Diagnostic &w = r->report.warnings.front();
    QCOMPARE(w.code, Msg::TextNamedLikeWorkbook);
    QVERIFY2(w.message().find(".xlsx") != std::string::npos, w.message().c_str());
    // a real CSV gets no such notice
    auto csv = readTable(dataPath("csv/utf8.csv"), ReadOptions{});
    QVERIFY(csv.ok());
    for (const Diagnostic &d : csv->report.warnings)
        QVERIFY(d.code != Msg::TextNamedLikeWorkbook);
}

void TstWorkbooks::unknownSheetListsTheSheets()
{
    ReadOptions o;
    o.sheet = "Sales";
    for (const char *f : {"openpyxl.xlsx", "xlwt.xls", "odfpy.ods"}) {
        auto r = readTable(dataPath(std::string("workbooks/") + f), o);
        QVERIFY(!r.ok());
        const std::string msg = r.error().describe();
        QVERIFY2(msg.find("no sheet named 'Sales'") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("'客户'") != std::string::npos, msg.c_str());
    }
}

void TstWorkbooks::cancelAndProgress_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"crm_report.xlsx", "odfpy.ods", "xlwt.xls"})
        QTest::newRow(f) << f;
}

void TstWorkbooks::cancelAndProgress()
{
    QFETCH(QString, file);
    const std::string path = dataPath("workbooks/" + file.toStdString());
    std::atomic<bool> cancel{true};
    ReadOptions o;
    o.cancel = &cancel;
    auto r = readTable(path, o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    cancel = false;
    double last = 0;
    bool backwards = false;
    o.progress = [&](double p) {
        backwards |= p < last;
        last = p;
    };
    auto ok = readTable(path, o);
    QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().describe().c_str());
    QVERIFY(!backwards);
    QCOMPARE(last, 1.0);
}

void TstWorkbooks::serialDates_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<QString>("iso");
    // independent: Excel shows these serials as these dates
    QTest::newRow("1900-01-01") << 1.0 << false << "1900-01-01";
    QTest::newRow("1900-02-28") << 59.0 << false << "1900-02-28";
    QTest::newRow("1900-03-01 after the phantom leap day") << 61.0 << false << "1900-03-01";
    QTest::newRow("1970-01-01") << 25569.0 << false << "1970-01-01";
    QTest::newRow("2024-02-29 noon") << 45351.5 << false << "2024-02-29 12:00:00";
    QTest::newRow("1904 system day 0") << 0.0 << true << "1904-01-01";
    QTest::newRow("1904 system 2024-03-05") << 43894.0 << true << "2024-03-05";
}

void TstWorkbooks::serialDates()
{
    QFETCH(double, serial);
    QFETCH(bool, date1904);
    QFETCH(QString, iso);
    QCOMPARE(QString::fromStdString(formatDate(excelSerialToDays(serial, date1904))), iso);
}

void TstWorkbooks::dateFormats_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("isDate");
    QTest::newRow("general") << 0 << "" << false;
    QTest::newRow("built-in 14") << 14 << "" << true;
    QTest::newRow("built-in 22") << 22 << "" << true;
    QTest::newRow("percent") << 9 << "" << false;
    QTest::newRow("custom ymd") << 164 << "yyyy-mm-dd" << true;
    QTest::newRow("custom with locale") << 165 << "[$-409]d-mmm-yyyy" << true;
    QTest::newRow("chinese") << 166 << QString::fromUtf8("yyyy\"年\"m\"月\"d\"日\"") << true;
    QTest::newRow("currency") << 167 << "\"$\"#,##0.00" << false;
    QTest::newRow("colour and text") << 168 << "[Red]0.00;\"minus\"0.00" << false;
    QTest::newRow("escaped d") << 169 << "0.0\\d" << false;
    QTest::newRow("scientific") << 170 << "0.00E+00" << false;
    QTest::newRow("scientific, engineering") << 171 << "##0.0E-0" << false;
    QTest::newRow("japanese era year") << 172 << "ee/m/d" << true;
}

void TstWorkbooks::dateFormats()
{
    QFETCH(int, id);
    QFETCH(QString, code);
    QFETCH(bool, isDate);
    QCOMPARE(isDateFormat(id, code.toStdString()), isDate);
}

void TstWorkbooks::realRetailWorkbook()
{
    // Excel's own workbook (shared strings, styles, date formats) against what pandas reads in it
    const nlohmann::json ref = testutil::loadJson(dataPath("retail/reference.json"));
    auto r = readTable(dataPath("retail/online_retail_first_65535_lines.xlsx"), ReadOptions{});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    const Table &t = r->table;
    QCOMPARE(t.rowCount(), ref["rows"].get<size_t>());
    QCOMPARE(t.columns.size(), ref["columns"].size());
    for (size_t c = 0; c < t.columns.size(); ++c) {
        const nlohmann::json &e = ref["columns"][c];
        const Column &col = t.columns[c];
        QCOMPARE(col.name, e["name"].get<std::string>());
        QCOMPARE(std::string(columnTypeName(col.type)), e["type"].get<std::string>());
        size_t missing = 0;
        for (size_t i = 0; i < col.size(); ++i)
            missing += col.cellMissing(i);
        QCOMPARE(missing, e["missing"].get<size_t>());
        if (col.type == ColumnType::Number) {
            std::vector<double> present;
            for (double v : col.numbers())
                if (!isMissing(v))
                    present.push_back(v);
            QCOMPARE(*std::min_element(present.begin(), present.end()), e["min"].get<double>());
            QCOMPARE(*std::max_element(present.begin(), present.end()), e["max"].get<double>());
            const double sum = accurateSum(present); // pandas side: math.fsum
            QVERIFY2(sum == e["sum"].get<double>(), qPrintable(QString::number(sum, 'g', 17)));
        } else if (col.type == ColumnType::Date) {
            const auto [lo, hi] = std::minmax_element(col.numbers().begin(), col.numbers().end());
            QCOMPARE(formatDate(*lo), e["first"].get<std::string>());
            QCOMPARE(formatDate(*hi), e["last"].get<std::string>());
        } else {
            std::set<std::string_view> distinct;
            for (size_t i = 0; i < col.size(); ++i)
                if (!col.cellMissing(i))
                    distinct.insert(col.texts().at(i));
            QCOMPARE(distinct.size(), e["distinct"].get<size_t>());
        }
    }
    for (const auto &cell : ref["cells"]) {
        const size_t row = cell[0], c = cell[1];
        QVERIFY2(t.columns[c].cellText(row) == cell[2].get<std::string>(),
                 qPrintable(QStringLiteral("row %1, %2: '%3', pandas '%4'")
                                .arg(row)
                                .arg(QString::fromStdString(t.columns[c].name),
                                     QString::fromStdString(t.columns[c].cellText(row)),
                                     QString::fromStdString(cell[2].get<std::string>()))));
    }
}

QTEST_APPLESS_MAIN(TstWorkbooks)
#include "tst_workbooks.moc"
