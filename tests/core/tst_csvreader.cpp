// Every encoding and dialect of DESIGN.md section 5, from files Python's own codecs wrote
// (tests/data/make_csv_fixtures.py): the detections, the column names and types, and cells.
#include "core/io/csv_reader.h"
#include "core/io/encoding.h"
#include "core/io/readers.h"
#include "core/io/typing.h"
#include "tablecheck.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

using namespace vs;
using testutil::dataPath;

class TstCsvReader : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void goodFiles_data();
    void goodFiles();
    void badFiles_data();
    void badFiles();
    void textInNumericColumnNamesRowAndColumn();
    void userOverridesWin();
    void forcedWrongEncodingNamesTheRow();
    void cancelStopsTheImport();
    void previewReadsOnlyTheFirstRows();
    void escapedQuotesInTheHeaderSample();
    void runOfContinuationBytesNamesItsRow();
    void textAfterClosingQuoteStaysInItsField();
    void piecesReadAsOne();
    void utf8WithoutZerosIsBothChecks();
    void shortenedWhileReadIsNamed();
    void utf8CheckedInPartsFindsTheFirstBadByte();

private:
    void checkPieces(const std::string &text, size_t rows, size_t fromParts, size_t toParts);
    nlohmann::json m_expect;
};

void TstCsvReader::initTestCase()
{
    m_expect = testutil::loadJson(dataPath("csv/expectations.json"));
    QVERIFY(m_expect.size() > 20);
}

void TstCsvReader::goodFiles_data()
{
    QTest::addColumn<QString>("file");
    for (auto &[name, e] : m_expect.items())
        if (name != "__bad__")
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstCsvReader::goodFiles()
{
    QFETCH(QString, file);
    const nlohmann::json &e = m_expect[file.toStdString()];
    auto r = readCsvFile(dataPath("csv/" + file.toStdString()), ReadOptions{});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    testutil::checkTable(r->table, r->report, e);
    // the same read in three pieces on every core, as a file of more than 4 MB is read
    ReadOptions pieces;
    pieces.splitBytes = 0;
    pieces.pieces = 3;
    auto p = readCsvFile(dataPath("csv/" + file.toStdString()), pieces);
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().describe().c_str());
    testutil::checkTable(p->table, p->report, e);
}

// Rows read in pieces are the rows read in one: cells, types, the lines the rows are on, the
// warnings and their rows, also where a cut falls into a quoted field (read again in one piece)
void TstCsvReader::piecesReadAsOne()
{
    std::string text = "note,id,amount,day\n\n";
    for (int i = 0; i < 60; ++i) {
        text += i % 7 == 3 ? "\"two\nlines, \"\"quoted\"\"\"" : "plain";
        text += "," + std::to_string(i) + "," + std::to_string(i * 1.25) + ",2024-03-" + std::to_string(1 + i % 28);
        if (i % 11 == 5)
            text += ",extra"; // a long row
        if (i % 13 == 7)
            text = text.substr(0, text.rfind(',')); // a short row
        text += i % 9 == 4 ? "\r\n\r\n" : "\n";
    }
    // and a quoted field of 300 lines in the middle: every cut in two or three pieces falls into
    // it, and the rows are read again in one piece
    std::string quoted = "note,id,amount,day\nplain,1,2.5,2024-03-01\nplain,2,3.5,2024-03-02\n\"";
    for (int i = 0; i < 300; ++i)
        quoted += "line " + std::to_string(i) + ", still quoted\n";
    quoted += "\",3,4.5,2024-03-03\nplain,4,5.5\nplain,5,6.5,2024-03-05,x\n";
    checkPieces(text, 60, 2, 9);
    checkPieces(quoted, 5, 2, 3);
    // lines ended by a CR alone (old Mac files), in the whole text or its second half: a piece
    // has more rows than line feeds (the room set aside for its cells), and the rows are read
    // again in one piece
    std::string cr = text, halfCr = text;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    std::replace(halfCr.begin() + long(halfCr.size() / 2), halfCr.end(), '\n', '\r');
    checkPieces(cr, 60, 2, 9);
    checkPieces(halfCr, 60, 2, 9);
}

void TstCsvReader::checkPieces(const std::string &text, size_t rows, size_t fromParts, size_t toParts)
{
    auto one = readCsvBytes(text, "p.csv", ReadOptions{});
    QVERIFY(one.ok());
    QCOMPARE(one->table.rowCount(), rows);
    QVERIFY(!one->report.warnings.empty());
    for (size_t parts = fromParts; parts <= toParts; ++parts) {
        ReadOptions o;
        o.splitBytes = 0;
        o.pieces = parts;
        auto p = readCsvBytes(text, "p.csv", o);
        QVERIFY(p.ok());
        QCOMPARE(describeAll(p->report.warnings), describeAll(one->report.warnings));
        QCOMPARE(p->report.skippedBlankRows, one->report.skippedBlankRows);
        QCOMPARE(p->table.columns.size(), one->table.columns.size());
        QCOMPARE(p->table.rowCount(), one->table.rowCount());
        for (size_t i = 0; i < one->table.rowCount(); ++i)
            QCOMPARE(p->table.rowNumber(i), one->table.rowNumber(i));
        for (size_t c = 0; c < one->table.columns.size(); ++c) {
            QCOMPARE(p->table.columns[c].type, one->table.columns[c].type);
            for (size_t i = 0; i < one->table.rowCount(); ++i)
                QCOMPARE(p->table.columns[c].cellText(i), one->table.columns[c].cellText(i));
        }
    }
}

void TstCsvReader::badFiles_data()
{
    QTest::addColumn<QString>("file");
    for (auto &[name, e] : m_expect["__bad__"].items())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TstCsvReader::badFiles()
{
    QFETCH(QString, file);
    const nlohmann::json &e = m_expect["__bad__"][file.toStdString()];
    const std::string path = dataPath("csv/" + file.toStdString());
    auto r = readTable(path, ReadOptions{});
    QVERIFY(!r.ok());
    const std::string msg = r.error().describe();
    QVERIFY2(msg.find(e["message"].get<std::string>()) != std::string::npos, msg.c_str());
    QVERIFY2(msg.find(path) == 0, "the message names the file first");
    if (!e["row"].is_null())
        QCOMPARE(r.error().row, e["row"].get<int64_t>());
}

void TstCsvReader::textInNumericColumnNamesRowAndColumn()
{
    const std::string path = dataPath("csv/text_in_numbers.csv");
    auto r = readCsvFile(path, ReadOptions{});
    QVERIFY(r.ok());
    auto v = numericValues(r->table, "revenue", path);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().row, 3);
    QCOMPARE(v.error().column, std::string("revenue"));
    const std::string msg = v.error().describe();
    QVERIFY2(msg.find("'abc' is not a number") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("2 cells") != std::string::npos, msg.c_str());
}

void TstCsvReader::userOverridesWin()
{
    ReadOptions o;
    o.delimiter.set(';');
    o.headerRow.set(0);
    auto r = readCsvFile(dataPath("csv/utf8.csv"), o);
    QVERIFY(r.ok());
    QCOMPARE(r->table.columns.size(), size_t(1)); // no ';' in the file: one column
    QCOMPARE(r->table.rowCount(), size_t(4));     // the header line is data now
    QCOMPARE(r->report.headerRow, 0);
    ReadOptions d;
    d.decimal.set(',');
    auto r2 = readCsvFile(dataPath("csv/cp1252_semicolon_decimal_comma.csv"), d);
    QVERIFY(r2.ok());
    QCOMPARE(r2->table.columns[2].numbers()[3], 12.5);
}

void TstCsvReader::forcedWrongEncodingNamesTheRow()
{
    ReadOptions o;
    o.encoding.set("UTF-8");
    auto r = readCsvFile(dataPath("csv/gbk.csv"), o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Encoding);
    QCOMPARE(r.error().row, 1); // the Chinese header is the first row
    QVERIFY(r.error().message().find("GB18030") != std::string::npos); // suggests what to choose
}

void TstCsvReader::cancelStopsTheImport()
{
    std::string big = "id,revenue\n";
    for (int i = 0; i < 200000; ++i)
        big += "c" + std::to_string(i) + "," + std::to_string(i % 977) + "\n";
    std::atomic<bool> cancel{true};
    ReadOptions o;
    o.cancel = &cancel;
    auto r = readCsvBytes(big, "big.csv", o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    cancel = false;
    int progressCalls = 0;
    double last = 0;
    o.progress = [&](double p) { ++progressCalls; QVERIFY(p >= last); last = p; };
    auto ok = readCsvBytes(big, "big.csv", o);
    QVERIFY(ok.ok());
    QCOMPARE(ok->table.rowCount(), size_t(200000));
    QVERIFY(progressCalls >= 3);
    QCOMPARE(last, 1.0);
}

void TstCsvReader::previewReadsOnlyTheFirstRows()
{
    ReadOptions o;
    o.maxRows = 2;
    auto r = readCsvFile(dataPath("csv/gbk.csv"), o);
    QVERIFY(r.ok());
    QCOMPARE(r->table.rowCount(), size_t(2));
}

// Issue 20.1: the header sample's views into unescaped ("" -> ") fields outlived the pass that
// made them; long names came out as garbage, a huge one crashed.
void TstCsvReader::escapedQuotesInTheHeaderSample()
{
    const std::string longName = "the customer's \"id\" as the CRM export writes it, " + std::string(300, 'x');
    std::string quoted = longName;
    for (size_t p = 0; (p = quoted.find('"', p)) != std::string::npos; p += 2)
        quoted.insert(p, 1, '"');
    std::string text = "\"" + quoted + "\",\"a \"\"quoted\"\" revenue column name, long enough\"\n";
    for (int i = 0; i < 50; ++i)
        text += "\"c\"\"" + std::to_string(i) + std::string(40, 'y') + "\"," + std::to_string(i) + "\n";
    for (const std::string &bytes : {text, "\xEF\xBB\xBF" + text}) {
        auto r = readCsvBytes(bytes, "quotes.csv", ReadOptions{});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r->table.columns.size(), size_t(2));
        QCOMPARE(r->table.columns[0].name, longName);
        QCOMPARE(r->table.columns[1].name, std::string("a \"quoted\" revenue column name, long enough"));
        QCOMPARE(r->table.rowCount(), size_t(50));
        QCOMPARE(std::string(r->table.columns[0].texts().at(7)), "c\"7" + std::string(40, 'y'));
    }
    // a header cell of 40 MB
    std::string huge = "\"" + std::string(40 << 20, 'h') + "\"\"\",revenue\nc1,1\nc2,2\n";
    auto r = readCsvBytes(huge, "huge.csv", ReadOptions{});
    QVERIFY(r.ok());
    QCOMPARE(r->table.columns[0].name.size(), size_t((40 << 20) + 1));
    QCOMPARE(r->table.columns[0].name.back(), '"');
}

// Issue 20.2: finding the first bad byte did not progress on a run of 32+ continuation bytes.
void TstCsvReader::runOfContinuationBytesNamesItsRow()
{
    const std::string body = "id,name\nc1,Anna\nc2," + std::string(40, '\x80') + "\nc3,Bo\n";
    for (bool bom : {true, false}) {
        ReadOptions o;
        if (!bom)
            o.encoding.set("UTF-8");
        const std::string bytes = (bom ? "\xEF\xBB\xBF" : "") + body;
        auto r = readCsvBytes(bytes, "bad.csv", o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Encoding);
        QCOMPARE(r.error().row, 3);
        const std::string at = "near byte " + std::to_string(bytes.find('\x80')) + ";";
        QVERIFY2(r.error().message().find(at) != std::string::npos, r.error().message().c_str());
    }
    QCOMPARE(firstInvalidUtf8(std::string(5000, '\x80')), size_t(0));
    QCOMPARE(firstInvalidUtf8("ab\xE4\xB8\xAD\xE4\xB8"), size_t(5)); // a character cut at the end
    QCOMPARE(firstInvalidUtf8("ab\xE4\xB8\xAD"), std::string_view::npos);
}

// Text after a closing quote ("x"y) is kept with its field; it used to start a field of its own
// and shift the rest of the row one column to the right.
void TstCsvReader::textAfterClosingQuoteStaysInItsField()
{
    auto r = readCsvBytes("id,revenue,cost\n\"C\"01,10,2\nC02,\"2\"0,3\n", "q.csv", ReadOptions{});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    QCOMPARE(r->table.rowCount(), size_t(2));
    QVERIFY(r->report.warnings.empty());
    QCOMPARE(std::string(r->table.columns[0].texts().at(0)), std::string("C01"));
    QCOMPARE(r->table.columns[1].numbers()[0], 10.0);
    QCOMPARE(r->table.columns[1].numbers()[1], 20.0);
    QCOMPARE(r->table.columns[2].numbers()[0], 2.0);
}

// The file is parsed where the page cache holds it (mapped). Another program that shortens it
// while it is read takes those pages away: the read says the file changed, naming it, instead of
// stopping the program (SIGBUS) or giving the rows that were left.
void TstCsvReader::shortenedWhileReadIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("shortened.csv").toStdString();
    for (size_t pieces : {size_t(1), size_t(3)}) {
        {
            std::ofstream out(path, std::ios::binary);
            out << "customer,revenue\n";
            for (int i = 0; i < 400000; ++i)
                out << "C" << i << "," << (i % 977) << ".25\n";
        }
        ReadOptions o;
        o.pieces = pieces;
        o.splitBytes = 1 << 20;
        int calls = 0;
        o.progress = [&](double) {
            if (calls++ == 0)
                std::filesystem::resize_file(path, 100); // the first progress report: most rows unread
        };
        auto r = readCsvFile(path, o);
        QVERIFY(calls > 0);
        QVERIFY2(!r.ok(), "the rows left were taken as the file");
        QCOMPARE(r.error().code, Msg::FileChangedWhileRead);
        QCOMPARE(r.error().file, path);
        QVERIFY2(r.error().describe().find("changed while it was read") != std::string::npos, r.error().describe().c_str());
        // read again when the other program is done: what is there now
        auto now = readCsvFile(path, ReadOptions{});
        QVERIFY2(now.ok(), now.ok() ? "" : now.error().describe().c_str());
        QVERIFY(now->table.rowCount() < 20);
    }
}

// The order-log stream checks each chunk for UTF-8 and zero bytes in one pass: the same answer
// as the two checks, for a zero or a bad byte at every place (in and out of 8-byte words, inside
// characters of 2 to 4 bytes).
void TstCsvReader::utf8WithoutZerosIsBothChecks()
{
    const std::string base = "id,\xC3\xA9t\xC3\xA9,2024-01-01,12.5\n\xE4\xB8\xAD,\xF0\x9F\x98\x80,x,7\nplain ascii row,1,2\n";
    size_t checked = 0, bad = 0;
    for (size_t at = 0; at < base.size(); ++at)
        for (const std::string &put : {std::string(1, '\0'), std::string("\x80"), std::string("\xC3"), std::string("a")}) {
            std::string text = base;
            text.replace(at, 1, put);
            const bool both = firstInvalidUtf8(text) == std::string_view::npos && text.find('\0') == std::string::npos;
            QCOMPARE(isUtf8WithoutZeros(text), both);
            ++checked;
            bad += !both;
        }
    QCOMPARE(isUtf8WithoutZeros(base), true);
    QVERIFY(bad > checked / 2); // most replacements break the text
}

// A text of megabytes is checked for UTF-8 in parts on every core; the byte named is the first
// bad one, as one pass finds it, wherever the parts are cut (next to characters of 2 to 4 bytes).
void TstCsvReader::utf8CheckedInPartsFindsTheFirstBadByte()
{
    std::string good;
    const char *pieces[] = {"id,", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "x\n", "7"};
    for (size_t i = 0; good.size() < (size_t(5) << 20); ++i)
        good += pieces[(i * 7 + i / 3) % 6];
    QVERIFY(checkUtf8(good, 0, "good.csv", nullptr).ok());
    const std::string bads[] = {"\x80", "\xE4" "a", "\xF8", "\xC3"};
    size_t checked = 0;
    for (size_t cut = 1; cut < 16; ++cut)
        for (size_t d = 0; d < 6; ++d)
            for (const std::string &bad : bads) {
                std::string text = good;
                const size_t at = good.size() / 16 * cut - 3 + d;
                text.replace(at, bad.size(), bad);
                const size_t first = firstInvalidUtf8(text); // one pass
                if (first == std::string_view::npos)
                    continue; // the byte put in completes a character there
                auto st = checkUtf8(text, 0, "bad.csv", nullptr);
                QVERIFY(!st.ok());
                QCOMPARE(st.error().args.at(0), std::to_string(first));
                ++checked;
            }
    QVERIFY2(checked > 15 * 6 * 3, std::to_string(checked).c_str());
}

QTEST_APPLESS_MAIN(TstCsvReader)
#include "tst_csvreader.moc"
