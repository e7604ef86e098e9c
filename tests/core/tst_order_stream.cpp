// Order lines streamed into the per-customer-day grouping (order_stream.h) against the plain
// path (readTable + groupOrderLines, then the same analysis): ids in the same order, the same
// days bit for bit, the same warnings, rows and statistics, whatever the chunk size and threads.
// Files only the table reader reads exactly go back to it (nullopt).
#include "core/analytics/analysis.h"
#include "core/io/order_stream.h"
#include "core/io/order_store.h"
#include "core/analytics/transactions.h"
#include "core/domain/defaults.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cstring>
#include <map>
#include <filesystem>
#include <fstream>
#include <random>

using namespace vs;

namespace {

using Roles = std::map<std::string, std::string>;
const Roles kInvoiceRoles = {{"customer", "customer"}, {"date", "date"}, {"quantity", "quantity"},
                             {"unit_price", "price"}, {"invoice", "invoice"}};
const Roles kAmountRoles = {{"customer", "customer"}, {"date", "date"}, {"amount", "amount"}};

// returns (negative quantities), cancellations (invoices starting with C), several invoices a
// day, a line without customer, without date, without amount, quoted line breaks and quotes,
// blank lines, a short row, dates after the observation end
const char *kInvoices =
    "invoice,customer,date,quantity,price,note\n"
    "1001,A,2024-01-01,2,10.00,\"two\nlines\"\n"
    "1001,A,2024-01-01,1,5.00,plain\n"
    "1002,A,2024-01-01,1,3.00,\"a \"\"quoted\"\" word\"\n"
    "C1003,A,2024-01-05,-1,5.00,cancelled\n"
    "\n"
    "1004,A,2024-01-15,4,2.50,\n"
    "1005,B,2024-01-03,1,100,\n"
    "1006,B,2024-01-03,-2,10,return\n"
    "1012,,2024-01-04,1,1,no customer\n"
    "1013,E,,1,1,no date\n"
    "1014,E,2024-01-06,,1,no amount\n"
    "1007,C,2024-02-10,1,50\n"
    "1008,A,2024-02-01,1,7,\"after\r\nthe end\"\n"
    "1009,D,2024-01-20,1,40,\n"
    "1010,D,2024-01-27,1,60,\n"
    "1011,\"D\",2024-01-31,1,20,\n"
    "1015,\"F\"\"G\",2024-01-31,1,0.1,escaped id\n"
    "1015,\"F\"\"G\",2024-01-31,1,0.2,\n"
    "1016,\"F\"\"G\",2024-01-31,1,0.3,\n";

std::string amountLines(size_t lines, unsigned seed, bool numericIds, bool crlf)
{
    std::mt19937 rng(seed);
    std::string s = "customer,date,amount,note\r\n";
    if (!crlf)
        s = "customer,date,amount,note\n";
    char buf[160];
    for (size_t i = 0; i < lines; ++i) {
        const unsigned c = rng() % 97, day = 1 + rng() % 28, month = 1 + rng() % 12;
        const int cents = int(rng() % 20000) - 2000; // some returns
        const unsigned kind = rng() % 50;
        std::string id = numericIds ? std::to_string(c) : "K" + std::to_string(c);
        std::string note = kind == 0 ? "\"multi\nline, \"\"note\"\"\"" : kind == 1 ? "" : "n" + std::to_string(i);
        if (kind == 2)
            id = "";
        std::snprintf(buf, sizeof buf, "%s,2023-%02u-%02u,%d.%02d,%s", id.c_str(), month, day, cents / 100,
                      std::abs(cents % 100), note.c_str());
        s += buf;
        s += crlf ? "\r\n" : "\n";
        if (kind == 3)
            s += crlf ? "\r\n" : "\n"; // a blank line
    }
    return s;
}

// each customer's lines together (as most exports have them), 1 to 40 days each, a few customers
// coming back at the end on a day they had and on a new one
std::string customersTogether()
{
    std::mt19937 rng(11);
    std::string s = "customer,date,amount\n";
    char buf[96];
    auto line = [&](unsigned c, unsigned day) {
        const int cents = int(rng() % 20000) - 1000;
        std::snprintf(buf, sizeof buf, "c%u,2023-%02u-%02u,%d.%02d\n", c, 1 + day / 28, 1 + day % 28, cents / 100,
                      std::abs(cents % 100));
        s += buf;
    };
    for (unsigned c = 0; c < 40; ++c)
        for (unsigned d = 0; d <= c; ++d)
            for (unsigned k = 0, n = 1 + rng() % 3; k < n; ++k)
                line(c, 3 * d);
    for (unsigned c : {0u, 5u, 16u, 17u, 39u}) {
        line(c, 0);
        line(c, 3 * c + 1);
        line(c, 0);
    }
    return s;
}

std::string bits(double v)
{
    uint64_t b;
    std::memcpy(&b, &v, 8);
    return std::to_string(b);
}

} // namespace

class TstOrderStream : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void streamedIsThePlainGrouping_data();
    void streamedIsThePlainGrouping();
    void chunkBoundariesDoNotMatter();
    void theWholeAnalysisIsTheSame();
    void onlyTheTableReaderDecides_data();
    void onlyTheTableReaderDecides();
    void xlsxIsTheCsvGrouping_data();
    void xlsxIsTheCsvGrouping();
    void xlsxOnlyTheTableDecides_data();
    void xlsxOnlyTheTableDecides();
    void shortenedWhileReadIsNamed();
    void valueCountsKeepEveryValueApart();

private:
    std::string write(const std::string &name, const std::string &text)
    {
        const std::string path = m_dir.filePath(QString::fromStdString(name)).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    void compare(const std::string &path, const Roles &roles, const StreamOptions &so);
    void compareWithTable(const StreamedOrderLines &s, const std::string &path, const Roles &roles);
    void compareGrouping(const GroupedLines &g, const GroupedLines &plain);
    QTemporaryDir m_dir;
};

void TstOrderStream::compare(const std::string &path, const Roles &roles, const StreamOptions &so)
{
    auto streamed = streamOrderLines(path, ReadOptions{}, roles, so);
    QVERIFY(streamed.ok());
    QVERIFY2(streamed->has_value(), "the file went back to the table reader");
    compareWithTable(**streamed, path, roles);
}

// The grouping of the lines only: ids in order, days bit for bit, warnings.
void TstOrderStream::compareGrouping(const GroupedLines &g, const GroupedLines &plain)
{
    QCOMPARE(g.ids.size(), plain.ids.size());
    for (size_t i = 0; i < g.ids.size(); ++i)
        QCOMPARE(QString::fromStdString(std::string(g.ids.at(i))), QString::fromStdString(std::string(plain.ids.at(i))));
    const CustomerDays &a = g.days, &b = plain.days;
    QCOMPARE(a.offset, b.offset);
    QCOMPARE(a.day, b.day);
    QCOMPARE(a.orders, b.orders);
    for (size_t k = 0; k < a.net.size(); ++k) {
        QCOMPARE(bits(a.net[k]), bits(b.net[k]));
    }
    QCOMPARE(a.lines, b.lines);
    QCOMPARE(a.returnLines, b.returnLines);
    const auto x = describeAll(g.warnings), y = describeAll(plain.warnings);
    QCOMPARE(x.size(), y.size());
    for (size_t i = 0; i < x.size(); ++i)
        QCOMPARE(QString::fromStdString(x[i]), QString::fromStdString(y[i]));
}

void TstOrderStream::compareWithTable(const StreamedOrderLines &s, const std::string &path, const Roles &roles)
{
    auto read = readTable(path, ReadOptions{});
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
    auto plain = groupOrderLines(read->table, roles, path);
    QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().describe().c_str());
    const GroupedLines &g = s.grouped;
    // ids in order of first appearance
    QCOMPARE(g.ids.size(), plain->ids.size());
    for (size_t i = 0; i < g.ids.size(); ++i)
        QCOMPARE(QString::fromStdString(std::string(g.ids.at(i))), QString::fromStdString(std::string(plain->ids.at(i))));
    // every day, bit for bit
    const CustomerDays &a = g.days, &b = plain->days;
    QCOMPARE(a.offset, b.offset);
    QCOMPARE(a.day, b.day);
    QCOMPARE(a.orders, b.orders);
    for (size_t k = 0; k < a.net.size(); ++k) {
        QCOMPARE(bits(a.net[k]), bits(b.net[k]));
    }
    QCOMPARE(a.firstDay, b.firstDay);
    QCOMPARE(a.lastDay, b.lastDay);
    QCOMPARE(a.lines, b.lines);
    QCOMPARE(a.returnLines, b.returnLines);
    // the same warnings (rows named alike), report and columns
    auto same = [](const std::vector<std::string> &x, const std::vector<std::string> &y) {
        QCOMPARE(x.size(), y.size());
        for (size_t i = 0; i < x.size(); ++i)
            QCOMPARE(QString::fromStdString(x[i]), QString::fromStdString(y[i]));
    };
    same(describeAll(g.warnings), describeAll(plain->warnings));
    if (QTest::currentTestFailed())
        return;
    same(describeAll(s.report.warnings), describeAll(read->report.warnings));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(s.report.skippedBlankRows, read->report.skippedBlankRows);
    QCOMPARE(s.report.headerRow, read->report.headerRow);
    QCOMPARE(s.report.delimiter, read->report.delimiter);
    QCOMPARE(int(s.report.dateOrder), int(read->report.dateOrder));
    QCOMPARE(s.rows, read->table.rowCount());
    QCOMPARE(s.columns.columns.size(), read->table.columns.size());
    for (size_t c = 0; c < s.columns.columns.size(); ++c) {
        QCOMPARE(s.columns.columns[c].name, read->table.columns[c].name);
        QCOMPARE(int(s.columns.columns[c].type), int(read->table.columns[c].type));
    }
    // the statistics of the number columns
    std::vector<std::pair<std::string, DescriptiveStats>> stats;
    for (const Column &c : read->table.columns)
        if (c.type == ColumnType::Number)
            stats.emplace_back(c.name, describe(c.numbers()));
    QCOMPARE(s.inputStats.size(), stats.size());
    for (size_t i = 0; i < stats.size(); ++i) {
        const DescriptiveStats &x = s.inputStats[i].second, &y = stats[i].second;
        QCOMPARE(s.inputStats[i].first, stats[i].first);
        QCOMPARE(x.count, y.count);
        for (auto [u, v] : {std::pair{x.sum, y.sum}, {x.mean, y.mean}, {x.median, y.median}, {x.min, y.min},
                            {x.max, y.max}, {x.variance, y.variance}})
            QCOMPARE(bits(u), bits(v));
    }
}

void TstOrderStream::streamedIsThePlainGrouping_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("invoices");
    QTest::newRow("invoices, returns, cancellations, quoted line breaks") << "invoices.csv" << true;
    QTest::newRow("amounts, returns, blank ids, blank lines") << "amounts.csv" << false;
    QTest::newRow("number ids, CRLF") << "numbers.csv" << false;
    QTest::newRow("each customer's lines together, some back later") << "together.csv" << false;
    QTest::newRow("BOM, semicolons, decimal comma, d.m.yyyy") << "european.csv" << false;
    QTest::newRow("m/d/yyyy, title line above the header") << "us.csv" << false;
}

void TstOrderStream::streamedIsThePlainGrouping()
{
    QFETCH(QString, name);
    QFETCH(bool, invoices);
    const std::string file = name.toStdString();
    std::string text;
    if (file == "invoices.csv")
        text = kInvoices;
    else if (file == "amounts.csv")
        text = amountLines(3000, 1, false, false);
    else if (file == "numbers.csv")
        text = amountLines(3000, 2, true, true);
    else if (file == "together.csv")
        text = customersTogether();
    else if (file == "european.csv")
        text = "\xEF\xBB\xBF" "customer;date;amount\n"
               "a;31.01.2024;1.234,50\n"
               "b;01.02.2024;12,25\n"
               "a;02.02.2024;-3,5\n"
               "c;1.2.2024;7\n";
    else
        text = "Orders export\n"
               "customer,date,amount\n"
               "x,1/31/2024,10\n"
               "y,2/1/2024,20\n"
               "x,2/3/2024,30\n"
               "z,12/30/2024 10:15,5\n";
    const std::string path = write(file, text);
    // in one chunk or in many, on one to three threads
    for (StreamOptions so : {StreamOptions{}, StreamOptions{1, 1}, StreamOptions{64, 2}, StreamOptions{4096, 2},
                             StreamOptions{100, 3}}) {
        compare(path, invoices ? kInvoiceRoles : kAmountRoles, so);
        if (QTest::currentTestFailed())
            return;
    }
}

void TstOrderStream::chunkBoundariesDoNotMatter()
{
    // every chunk size from one byte up, with quoted line breaks and blank lines on the way
    const std::string path = write("boundaries.csv", amountLines(400, 7, false, true));
    for (size_t bytes : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 4181, 10946})
        for (unsigned threads : {1u, 2u, 3u}) {
            compare(path, kAmountRoles, StreamOptions{bytes, threads});
            if (QTest::currentTestFailed())
                return qWarning("chunks of %zu bytes, %u threads", bytes, threads);
        }
    const std::string invoices = write("invoices-boundaries.csv", kInvoices);
    for (size_t bytes = 1; bytes < 200; bytes += 7) {
        compare(invoices, kInvoiceRoles, StreamOptions{bytes, 2});
        if (QTest::currentTestFailed())
            return qWarning("chunks of %zu bytes", bytes);
    }
}

void TstOrderStream::theWholeAnalysisIsTheSame()
{
    const std::string path = write("analysis.csv", kInvoices);
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = kInvoiceRoles;
    p.value.model = "rfm";
    p.value.observationEnd = "2024-01-31"; // some lines after it
    p.value.timeUnit = "days";
    p.segments.method = "rfm_rules";
    p.segments.by = "rfm";
    p.segments.rules = defaultRfmRules();
    QVERIFY(canStreamOrderLines(p));
    auto read = readTable(path, ReadOptions{});
    QVERIFY(read.ok());
    auto plainData = prepareData(std::make_shared<const Table>(std::move(read->table)), p, path);
    QVERIFY(plainData.ok());
    auto streamed = streamOrderLines(path, ReadOptions{}, p.source.columns, StreamOptions{16, 2});
    QVERIFY(streamed.ok() && streamed->has_value());
    auto streamedData = prepareStreamed(std::move(**streamed), p, path);
    QVERIFY(streamedData.ok());
    auto x = computeAnalysis(plainData.value(), p), y = computeAnalysis(streamedData.value(), p);
    QVERIFY(x.ok() && y.ok());
    const auto wy = describeAll(y->warnings), wx = describeAll(x->warnings);
    for (size_t i = 0; i < std::min(wx.size(), wy.size()); ++i)
        QCOMPARE(QString::fromStdString(wy[i]), QString::fromStdString(wx[i]));
    QCOMPARE(wy.size(), wx.size());
    QCOMPARE(y->value.size(), x->value.size());
    for (size_t i = 0; i < x->value.size(); ++i)
        QCOMPARE(bits(y->value[i]), bits(x->value[i]));
    QCOMPARE(y->extra.size(), x->extra.size());
    for (size_t e = 0; e < x->extra.size(); ++e) {
        QCOMPARE(y->extra[e].name, x->extra[e].name);
        for (size_t i = 0; i < x->extra[e].values.size(); ++i)
            QCOMPARE(bits(y->extra[e].values[i]), bits(x->extra[e].values[i]));
    }
    QCOMPARE(y->stats.size(), x->stats.size());
    for (size_t i = 0; i < x->stats.size(); ++i) {
        QCOMPARE(y->stats[i].first, x->stats[i].first);
        QCOMPARE(bits(y->stats[i].second.sum), bits(x->stats[i].second.sum));
        QCOMPARE(bits(y->stats[i].second.median), bits(x->stats[i].second.median));
    }
}

void TstOrderStream::onlyTheTableReaderDecides_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("a date that is no date") << QByteArray("customer,date,amount\na,2024-01-01,1\nb,soon,2\n");
    QTest::newRow("an amount that is no number") << QByteArray("customer,date,amount\na,2024-01-01,1\nb,2024-01-02,two\n");
    QTest::newRow("7 and 7.0: one customer in a number column") << QByteArray("customer,date,amount\n7,2024-01-01,1\n7.0,2024-01-02,2\n");
    QTest::newRow("NA: no customer in a number column") << QByteArray("customer,date,amount\n7,2024-01-01,1\nNA,2024-01-02,2\n");
    QTest::newRow("3/4/2024 read as 3 April once 13/4 says day first")
        << QByteArray("customer,date,amount\na,3/4/2024,1\nb,13/4/2024,2\n");
    QTest::newRow("not UTF-8") << QByteArray("customer,date,amount\n\xE9t\xE9,2024-01-01,1\n");
    QTest::newRow("an unclosed quote") << QByteArray("customer,date,amount\na,2024-01-01,\"1\n");
    QTest::newRow("no customer at all") << QByteArray("customer,date,amount\n,2024-01-01,1\n");
}

void TstOrderStream::onlyTheTableReaderDecides()
{
    QFETCH(QByteArray, text);
    const std::string path = write("back.csv", text.toStdString());
    for (StreamOptions so : {StreamOptions{}, StreamOptions{4, 2}}) {
        auto streamed = streamOrderLines(path, ReadOptions{}, kAmountRoles, so);
        QVERIFY(streamed.ok());
        QVERIFY(!streamed->has_value());
    }
}

void TstOrderStream::xlsxIsTheCsvGrouping_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("invoices");
    QTest::newRow("invoices, returns, cancellations, blank ids, dates far out") << "order_lines_invoices" << true;
    QTest::newRow("amounts, returns, blank cells and rows, a title line") << "order_lines_amounts" << false;
    QTest::newRow("number ids") << "order_lines_number_ids" << false;
}

// tests/data/make_order_workbooks.py writes each workbook and a CSV file of the same lines.
void TstOrderStream::xlsxIsTheCsvGrouping()
{
    QFETCH(QString, name);
    QFETCH(bool, invoices);
    const Roles &roles = invoices ? kInvoiceRoles : kAmountRoles;
    const std::string xlsx = testutil::dataPath("workbooks/" + name.toStdString() + ".xlsx");
    const std::string csv = testutil::dataPath("workbooks/" + name.toStdString() + ".csv");
    auto streamed = streamXlsxOrderLines(xlsx, ReadOptions{}, roles);
    QVERIFY(streamed.ok());
    QVERIFY2(streamed->has_value(), "the sheet went back to the table reader");
    // what the table of the sheet gives: grouping, report, columns, statistics
    compareWithTable(**streamed, xlsx, roles);
    if (QTest::currentTestFailed())
        return;
    // what the CSV file of the same lines gives
    auto read = readTable(csv, ReadOptions{});
    QVERIFY(read.ok());
    auto plain = groupOrderLines(read->table, roles, csv);
    QVERIFY(plain.ok());
    QVERIFY(plain->days.lines > 0 && plain->days.returnLines > 0 && !plain->warnings.empty());
    compareGrouping((*streamed)->grouped, *plain);
}

void TstOrderStream::xlsxOnlyTheTableDecides_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("not order lines: no such columns") << "openpyxl.xlsx";
    QTest::newRow("an ODS spreadsheet") << "odfpy.ods";
    QTest::newRow("not a workbook") << "bad_not_a_workbook.xlsx";
}

void TstOrderStream::xlsxOnlyTheTableDecides()
{
    QFETCH(QString, name);
    auto streamed = streamXlsxOrderLines(testutil::dataPath("workbooks/" + name.toStdString()), ReadOptions{}, kAmountRoles);
    QVERIFY(streamed.ok());
    QVERIFY(!streamed->has_value());
}

// Chunks are views of the mapped file. A file shortened while its chunks are read (another
// program writing it anew) is named as changed; the pages it lost read as zeros, not SIGBUS.
void TstOrderStream::shortenedWhileReadIsNamed()
{
    for (unsigned threads : {1u, 2u}) {
        const std::string path = write("shortened.csv", amountLines(30000, 50, false, false));
        ReadOptions o;
        int calls = 0;
        o.progress = [&](double) {
            if (calls++ == 0) // after the first chunk
                std::filesystem::resize_file(path, 64);
        };
        auto s = streamOrderLines(path, o, kAmountRoles, StreamOptions{4096, threads});
        QVERIFY(calls > 0);
        QVERIFY2(!s.ok(), "the lines left were taken as the file");
        QCOMPARE(s.error().code, Msg::FileChangedWhileRead);
        QCOMPARE(s.error().file, path);
    }
}

// The counts the medians of the number columns are taken from: whole cents are counted by their
// hundredths, every other value by its bits; no two different doubles share a count (0.1 + 0.2
// is not 0.3, -0 is not 0), and each value comes back bit for bit.
void TstOrderStream::valueCountsKeepEveryValueApart()
{
    std::vector<double> values;
    for (int k = 0; k <= 70000; k += 7)
        values.push_back(double(k) / 100); // whole cents, inside and past the array's 655.35
    for (double v : {0.0, -0.0, 0.1 + 0.2, 0.3, 655.35, 655.36, 0.001, 1e-300, -12.34, 1234.5, 12.345,
                     std::nextafter(12.34, 13.0), std::nextafter(12.34, 12.0), 12.34, 3e9})
        values.push_back(v);
    orderstore::ValueCounts counts;
    std::map<uint64_t, uint64_t> expected; // by bits
    for (size_t i = 0; i < values.size(); ++i) {
        const uint64_t n = 1 + i % 3;
        counts.add(values[i], n);
        expected[std::bit_cast<uint64_t>(values[i])] += n;
        counts.add(values[i]); // and once more, as the value of the line before
        expected[std::bit_cast<uint64_t>(values[i])] += 1;
    }
    std::map<uint64_t, uint64_t> got;
    counts.each([&](double v, uint64_t n) { QVERIFY(got.emplace(std::bit_cast<uint64_t>(v), n).second); });
    QCOMPARE(got, expected);
    counts.clear();
    got.clear();
    counts.each([&](double v, uint64_t n) { got.emplace(std::bit_cast<uint64_t>(v), n); });
    QVERIFY(got.empty());
}

QTEST_GUILESS_MAIN(TstOrderStream)
#include "tst_order_stream.moc"
