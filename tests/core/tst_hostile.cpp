// Issue 20, "Readers that survive hostile files": each file the fuzzing found, made like it at
// test time (tests/hostile/make_hostile.py, a ctest fixture), and what the readers must say of
// it. check_hostile.sh runs the same files through the program under `ulimit -v 4000000`.
#include "core/io/budget.h"
#include "core/io/csv_reader.h"
#include "core/io/fast_xml.h"
#include "core/io/readers.h"
#include "core/io/workbook_readers.h"
#include "core/io/zip_archive.h"
#include "core/headless/run.h"
#include "core/process.h"
#include "core/project/project.h"
#include "testutil.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <new>

using namespace vs;
using testutil::dataPath;

namespace {

std::string hostile(const std::string &name) { return std::string(VS_HOSTILE) + "/" + name; }

std::string said(const Result<ReadResult> &r) { return r ? std::string("(it read)") : r.error().describe(); }

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// The output of the .xls reader process, message by message (xls_reader.cpp).
struct Output {
    std::string bytes;
    Output &tag(char t) { bytes.push_back(t); return *this; }
    template <class T>
    Output &value(T v) { bytes.append(reinterpret_cast<const char *>(&v), sizeof v); return *this; }
    Output &string(std::string_view s) { value(uint32_t(s.size())); bytes.append(s); return *this; }
    Output &hello() { return tag('H').value(uint32_t(1)); }
    Output &sheets(std::initializer_list<const char *> names, uint32_t chosen)
    {
        for (const char *n : names)
            tag('S').string(n);
        return tag('C').value(chosen);
    }
};

} // namespace

class TstHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    // 3. XLS: freexl in a process of its own
    void xlsCrashIsADamagedFile();
    void xlsMemoryFloodIsRefused();
    void xlsOversizedNamesAndFormats();
    void xlsRowsWithoutColumns();
    void xlsReaderOutputIsChecked_data();
    void xlsReaderOutputIsChecked();
    void xlsReaderMissingIsSaid();
    void xlsPreviewStopsTheReader();
    // 4. exceptions in the zip reader's thread; declared sizes are hints
    void inflaterExceptionReachesTheCaller();
    void dimensionClaimingAMillionRowsReads();
    // 5. ODS repeats and the header sample
    void odsRepeatsAreBounded_data();
    void odsRepeatsAreBounded();
    void odsRepeatsStillRead();
    // 6. a deeply nested project
    void deeplyNestedProjectIsRefused();
    // 7. an unfinished tag is not read again and again
    void longAttributeIsRefused();
    void longTokenInSmallPiecesReadsOnce();
    // 8. text that is not UTF-8
    void workbookTextMustBeUtf8_data();
    void workbookTextMustBeUtf8();
    // 9. numbers at the edges
    void rowNumbersAtInt64Max();
    void dateSerialPastTheCalendar();
    void rowsNeverEnded();
    // the memory budget
    void sharedStringInEveryCellIsRefused();
    void wideHeaderOverShortRowsIsRefused();
    void spacesRepeatedCostNothing();
    void fieldsPastTheLastColumnAreLeftOut();
};

void TstHostile::initTestCase()
{
    setHelperExecutable(VS_BINARY); // the .xls reader runs in the program's reader mode
    QVERIFY2(QFile::exists(QString::fromStdString(hostile("second_dimensions.xls"))),
             "the files are made by the ctest fixture make_hostile (tests/hostile/make_hostile.py)");
}

// 3. A second DIMENSIONS too large to allocate: freexl frees memory it does not own (a
// segmentation fault in-process, which took the window with it). Now the reader process dies,
// and this one says the file is damaged and goes on reading.
void TstHostile::xlsCrashIsADamagedFile()
{
    auto r = readTable(hostile("second_dimensions.xls"), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::XlsReaderFailed);
    QVERIFY2(contains(r.error().describe(), "this .xls file is damaged"), said(r).c_str());
    QVERIFY2(contains(r.error().describe(), "signal 11"), said(r).c_str());
    QCOMPARE(r.error().file, hostile("second_dimensions.xls"));
    auto good = readTable(dataPath("workbooks/xlwt.xls"), ReadOptions{});
    QVERIFY2(good.ok(), said(good).c_str());
}

// 3. Repeated DIMENSIONS: 256 MB a grid, leaked (3.4 GB from a 5.6 KB file). The reader's
// address space is limited: freexl gives up, and the message says why.
void TstHostile::xlsMemoryFloodIsRefused()
{
    auto r = readTable(hostile("repeated_dimensions.xls"), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::XlsReaderMemoryLimit);
    QVERIFY2(contains(r.error().describe(), "needs more than 1024 MiB of memory"), said(r).c_str());
}

// 3. Oversized directory-entry names and FORMAT strings made freexl read past its buffers:
// whatever it makes of them, this process ends the read cleanly (read, or said to be damaged).
void TstHostile::xlsOversizedNamesAndFormats()
{
    auto names = readTable(hostile("directory_names.xls"), ReadOptions{});
    QVERIFY(!names);
    QCOMPARE(names.error().code, Msg::XlsDamaged);
    auto formats = readTable(hostile("format_strings.xls"), ReadOptions{});
    if (formats)
        QCOMPARE(formats->report.sheets, (std::vector<std::string>{"Notes", "客户"}));
    else
        QVERIFY2(contains(formats.error().describe(), "damaged"), said(formats).c_str());
}

// 3. A DIMENSIONS of 2.4 billion rows and no columns: the row loop spun ~10 s. A sheet without
// columns has no cells: nothing is looped over, in the reader process or here.
void TstHostile::xlsRowsWithoutColumns()
{
    auto file = readTable(hostile("rows_no_columns.xls"), ReadOptions{});
    QVERIFY(!file);
    QVERIFY2(contains(file.error().describe(), "damaged"), said(file).c_str());
    Output out;
    out.hello().sheets({"Sheet1"}, 0).tag('D').value(uint32_t(2400000000u)).value(uint16_t(0)).tag('Z');
    auto r = readXlsOutput(out.bytes, "rows.xls", ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::SheetEmpty);
}

void TstHostile::xlsReaderOutputIsChecked_data()
{
    QTest::addColumn<QByteArray>("output");
    auto bytes = [](const Output &o) { return QByteArray(o.bytes.data(), qsizetype(o.bytes.size())); };
    Output head;
    head.hello().sheets({"S"}, 0).tag('D').value(uint32_t(10)).value(uint16_t(2));
    QTest::newRow("cut short") << bytes(Output(head).tag('R').value(uint32_t(0)));
    QTest::newRow("unknown tag") << bytes(Output(head).tag('?'));
    QTest::newRow("column past the sheet") << bytes(Output(head).tag('R').value(uint32_t(0)).tag('N').value(uint16_t(2)).value(1.0).tag('Z'));
    QTest::newRow("row past the sheet") << bytes(Output(head).tag('R').value(uint32_t(10)).tag('Z'));
    QTest::newRow("rows going back") << bytes(Output(head).tag('R').value(uint32_t(3)).tag('R').value(uint32_t(2)).tag('Z'));
    QTest::newRow("text not UTF-8") << bytes(Output(head).tag('R').value(uint32_t(0)).tag('T').value(uint16_t(0)).string("M\xfcller").tag('Z'));
    QTest::newRow("text of 4 GB") << bytes(Output(head).tag('R').value(uint32_t(0)).tag('T').value(uint16_t(0)).value(uint32_t(0xFFFFFFFF)));
    QTest::newRow("cells before the sheet") << bytes(Output().hello().tag('R').value(uint32_t(0)).tag('Z'));
    QTest::newRow("a chosen sheet it does not have") << bytes(Output().hello().sheets({"S"}, 7).tag('Z'));
    QTest::newRow("another version") << bytes(Output().tag('H').value(uint32_t(99)).tag('Z'));
}

// Whatever the reader process sends, this process takes nothing it has not checked: output that
// does not read is a damaged file.
void TstHostile::xlsReaderOutputIsChecked()
{
    QFETCH(QByteArray, output);
    auto r = readXlsOutput(std::string_view(output.constData(), size_t(output.size())), "x.xls", ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::XlsReaderGarbage);
    QVERIFY2(contains(r.error().describe(), "this .xls file is damaged"), said(r).c_str());
}

void TstHostile::xlsReaderMissingIsSaid()
{
    setHelperExecutable("/nonexistent/valuescope");
    auto r = readTable(dataPath("workbooks/xlwt.xls"), ReadOptions{});
    setHelperExecutable(VS_BINARY);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::XlsReaderMissing);
    QVERIFY2(contains(r.error().describe(), "/nonexistent/valuescope"), said(r).c_str());
}

// A preview wants a few rows: the reader process is stopped once they are read.
void TstHostile::xlsPreviewStopsTheReader()
{
    ReadOptions o;
    o.sheet = "客户";
    o.maxRows = 2;
    auto r = readTable(dataPath("workbooks/xlwt.xls"), o);
    QVERIFY2(r.ok(), said(r).c_str());
    QCOMPARE(r->table.rowCount(), size_t(2));
    QCOMPARE(r->report.sheet, std::string("客户"));
}

// 4. An exception in the consumer while the inflater thread ran called std::terminate (a
// bad_alloc became an abort). The thread is stopped and joined, and the exception reaches the
// caller, which readTable turns into Msg::OutOfMemory.
void TstHostile::inflaterExceptionReachesTheCaller()
{
    auto zip = ZipArchive::open(dataPath("workbooks/crm_report.xlsx"));
    QVERIFY(zip.ok());
    int pieces = 0;
    bool thrown = false;
    try {
        (void)zip.value()->stream("xl/worksheets/sheet1.xml", [&](const char *, size_t) -> bool {
            if (++pieces == 1)
                throw std::bad_alloc();
            return true;
        });
    } catch (const std::bad_alloc &) {
        thrown = true;
    }
    QVERIFY(thrown);
    QCOMPARE(pieces, 1);
    // and the archive reads on afterwards
    auto part = zip.value()->read("xl/workbook.xml");
    QVERIFY(part.ok());
    QVERIFY(contains(part.value(), "<sheet"));
    QCOMPARE(englishMessage(Msg::OutOfMemory, {}),
             std::string("the data do not fit in this computer's memory: the file is too large for it, or damaged"));
}

// 4. A dimension claiming A1:A1048576 over 1,000 rows of 60 KB text asked for ~63 GB at once
// (and aborted). Room is made for at most budget::kReserveBytes; the sheet reads.
void TstHostile::dimensionClaimingAMillionRowsReads()
{
    auto r = readTable(hostile("dimension_claims_a_million_rows.xlsx"), ReadOptions{});
    QVERIFY2(r.ok(), said(r).c_str());
    QCOMPARE(r->table.rowCount(), size_t(1000));
    QCOMPARE(r->table.columns[1].numbers()[999], 1001.0);
    // the table holds its 60 MB of text, not room for a million rows of it
    QVERIFY2(r->table.byteSize() < size_t(2 * 61) << 20, std::to_string(r->table.byteSize()).c_str());
}

void TstHostile::odsRepeatsAreBounded_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    // 548-773-byte files took 4-5 GB and aborted; rows repeated 1e9 took 3.2 GB and 8-12 s
    QTest::newRow("rows x columns repeated") << "repeats_multiplied.ods" << int(Msg::MemoryBudgetExceeded);
    QTest::newRow("text:s in a sample repeated") << "spaces_in_the_sample.ods" << int(Msg::MemoryBudgetExceeded);
    QTest::newRow("rows repeated 1e9") << "rows_repeated_1e9.ods" << int(Msg::MemoryBudgetExceeded);
    QTest::newRow("40,000 text:s in one cell") << "spaces_in_one_cell.ods" << int(Msg::CellTextTooLong);
}

// 5. Repeats are expanded only into the table, within the memory budget: refused at once, with
// the budget's message.
void TstHostile::odsRepeatsAreBounded()
{
    QFETCH(QString, file);
    QFETCH(int, code);
    auto r = readTable(hostile(file.toStdString()), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), code);
    if (code == int(Msg::MemoryBudgetExceeded))
        QVERIFY2(contains(r.error().describe(), "would need more than 256 MiB of memory for"), said(r).c_str());
}

void TstHostile::odsRepeatsStillRead()
{
    auto r = readTable(hostile("repeats_kept.ods"), ReadOptions{});
    QVERIFY2(r.ok(), said(r).c_str());
    QCOMPARE(r->table.rowCount(), size_t(3)); // a row repeated 3 times is 3 rows; a million blank rows none
    QCOMPARE(std::string(r->table.columns[0].texts().at(2)), std::string("same"));
    QCOMPARE(r->table.columns[1].numbers()[2], 2.0);
    // blank rows repeated INT64_MAX times, then a row: its number saturates, nothing overflows
    auto edge = readTable(hostile("rows_repeated_int64_max.ods"), ReadOptions{});
    QVERIFY2(edge.ok(), said(edge).c_str());
    QCOMPARE(edge->table.rowCount(), size_t(1));
    QCOMPARE(edge->table.columns[1].numbers()[0], 9.0);
    QCOMPARE(edge->table.rowNumber(0), int64_t(1) << 40);
}

// 6. A hand-edited project with 100,000 nested lists next to "baseline" overflowed the stack
// when the project was copied for the baseline: the run crashed.
void TstHostile::deeplyNestedProjectIsRefused()
{
    auto p = loadProject(hostile("deep_nesting.valuescope.json"));
    QVERIFY(!p);
    QCOMPARE(p.error().code, Msg::ProjectTooDeep);
    QCOMPARE(p.error().describe(), hostile("deep_nesting.valuescope.json") +
                                       ": the project file nests lists or objects more than 64 deep; no project does");
    auto la = loadAnalysis(hostile("deep_nesting.valuescope.json"), nullptr);
    QVERIFY(!la);
    QCOMPARE(la.error().code, Msg::ProjectTooDeep);
    // nesting a project really has still reads
    const std::string fine = R"({"valuescope": 1, "source": {"path": "customers.csv", "columns": {"customer": "id",
        "revenue": "revenue", "cost": "cost"}}, "baseline": {"segments": {"count": 2}}, "notes": [[[["deep enough"]]]]})";
    QVERIFY2(parseProject(fine, "p.json").ok(), "four levels of lists are not too deep");
}

// 7. A 5.6 MB workbook holding a 200 MB attribute took 31 s (every 256 KB piece re-read the
// unfinished tag). Now each byte is read once, and a tag or text over 32 MiB is refused.
void TstHostile::longAttributeIsRefused()
{
    auto r = readTable(hostile("attribute_200mb.xlsx"), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::XmlTokenTooLong); // within "the sheet ... cannot be read"
    QVERIFY2(contains(r.error().describe(), "the sheet 'Data' cannot be read: it holds a tag or text longer than 32 MiB"),
             said(r).c_str());
    auto ok = readTable(hostile("attribute_20mb.xlsx"), ReadOptions{});
    QVERIFY2(ok.ok(), said(ok).c_str());
    QCOMPARE(ok->table.rowCount(), size_t(1));
    QCOMPARE(std::string(ok->table.columns[0].texts().at(0)), std::string("c1"));
    // the same in an ODS, read by expat (which re-parsed an unfinished token with every piece:
    // 100 MB took 21 s; Debian's expat 2.5 has no reparse deferral of its own)
    auto ods = readTable(hostile("attribute_100mb.ods"), ReadOptions{});
    QVERIFY(!ods);
    QCOMPARE(ods.error().code, Msg::XmlTokenTooLong);
    QVERIFY2(contains(ods.error().describe(), "the spreadsheet's content.xml cannot be read: it holds a tag or text longer than 32 MiB"),
             said(ods).c_str());
    auto odsOk = readTable(hostile("attribute_20mb.ods"), ReadOptions{});
    QVERIFY2(odsOk.ok(), said(odsOk).c_str());
    QCOMPARE(odsOk->table.rowCount(), size_t(1));
    QCOMPARE(odsOk->table.columns[1].numbers()[0], 4.0);
}

// A 30 MB attribute fed 1 KB at a time: read again from its start with every piece, that would
// be 30,000 passes over up to 30 MB (hours); read once, it is a moment.
void TstHostile::longTokenInSmallPiecesReadsOnce()
{
    const std::string value(30 << 20, 'v');
    const std::string xml = "<sheetData><row><c r=\"A1\" note=\"" + value + "\"><v>1</v></c></row></sheetData>";
    size_t noteSize = 0;
    std::string text;
    auto start = [&](std::string_view, std::span<const XmlAttr> a) { noteSize = std::max(noteSize, fastxml::attr(a, "note").size()); };
    auto end = [](std::string_view) {};
    auto onText = [&](std::string_view t) { text.append(t); };
    FastXmlScanner x(start, end, onText, "sheetData");
    bool ok = true;
    for (size_t i = 0; i < xml.size() && ok && !x.done(); i += 1024)
        ok = x.feed(xml.data() + i, std::min<size_t>(1024, xml.size() - i));
    QVERIFY(ok);
    QVERIFY(x.done());
    QCOMPARE(noteSize, value.size());
    QCOMPARE(text, std::string("1"));
}

void TstHostile::workbookTextMustBeUtf8_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("says");
    QTest::newRow("shared string in Latin-1")
        << "latin1_shared_string.xlsx" << "the workbook part 'xl/sharedStrings.xml' cannot be read: its text is not valid UTF-8 (byte 136)";
    QTest::newRow("inline string in Latin-1")
        << "latin1_inline_string.xlsx" << "the sheet 'Data' cannot be read: its text is not valid UTF-8 (byte 307)";
    QTest::newRow("&#xD800;") << "surrogate_reference.xlsx"
                              << "the workbook part 'xl/sharedStrings.xml' cannot be read: it refers to a character that does not exist (&#xD800;)";
}

// 8. Text that is not UTF-8 reached the JSON output as "internal error": it is refused where it
// is read, naming the part and the byte.
void TstHostile::workbookTextMustBeUtf8()
{
    QFETCH(QString, file);
    QFETCH(QString, says);
    auto r = readTable(hostile(file.toStdString()), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().describe(), hostile(file.toStdString()) + ": " + says.toStdString());
    // the decoder alone: no character reference to no character
    std::string out, bad;
    for (const char *ref : {"&#xD800;", "&#0;", "&#x110000;", "&#xZZ;", "&#xFFFE;"}) {
        out.clear();
        QVERIFY2(!fastxml::decodeInto(std::string("a") + ref, out, &bad), ref);
        QCOMPARE(bad, std::string(ref));
    }
    out.clear();
    QVERIFY(fastxml::decodeInto("&#x4E2D;&#25991;&amp;&unknown;&", out));
    QCOMPARE(out, std::string("中文&&unknown;&"));
}

// 9. Row numbers near INT64_MAX overflowed (undefined behaviour); they are kept within 2^40.
void TstHostile::rowNumbersAtInt64Max()
{
    auto r = readTable(hostile("row_number_int64_max.xlsx"), ReadOptions{});
    QVERIFY2(r.ok(), said(r).c_str());
    QCOMPARE(r->table.rowCount(), size_t(2));
    QCOMPARE(r->table.rowNumber(0), int64_t(1) << 40);
    QCOMPARE(r->table.rowNumber(1), int64_t(1) << 40);
    QCOMPARE(std::string(r->table.columns[0].texts().at(1)), std::string("c2"));
}

// 9. A date serial of 1e300 was cast to int (undefined behaviour): Excel shows no date past
// 9999-12-31, so it stays the number it is; any days count formats.
void TstHostile::dateSerialPastTheCalendar()
{
    auto r = readTable(hostile("date_serial_1e300.xlsx"), ReadOptions{});
    QVERIFY2(r.ok(), said(r).c_str());
    const Column &c = r->table.columns[1];
    QCOMPARE(c.type, ColumnType::Text); // a number and a date in one column: as text, as in a CSV
    QCOMPARE(c.cellText(0), std::string("1e+300"));
    QCOMPARE(c.cellText(1), std::string("2023-03-15"));
    QCOMPARE(formatDate(1e300), std::string("1e+300"));
    QCOMPARE(formatDate(-1e300), std::string("-1e+300"));
    QCOMPARE(formatDate(19797), std::string("2024-03-15"));
}

// A row whose end tag is missing ends where the next row starts, and the last one where the
// sheet does: every column is as long as the table (one was a cell longer; found by fuzz_xlsx).
void TstHostile::rowsNeverEnded()
{
    auto r = readTable(hostile("rows_never_ended.xlsx"), ReadOptions{});
    QVERIFY2(r.ok(), said(r).c_str());
    QCOMPARE(r->table.rowCount(), size_t(2));
    for (const Column &c : r->table.columns)
        QCOMPARE(c.size(), size_t(2));
    QCOMPARE(std::string(r->table.columns[0].texts().at(1)), std::string("c2"));
    QCOMPARE(r->table.columns[1].numbers()[0], 1.0);
    QVERIFY(std::isnan(r->table.columns[1].numbers()[1]));
}

// One 32 KB shared string in 16,384 columns: a few KB of XML a row asked for 512 MB a row.
void TstHostile::sharedStringInEveryCellIsRefused()
{
    auto r = readTable(hostile("shared_string_everywhere.xlsx"), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::MemoryBudgetExceeded);
}

// A header of 16,000 names over 200,000 rows of one field: padded, 50 GB of cells from 500 KB.
void TstHostile::wideHeaderOverShortRowsIsRefused()
{
    auto r = readTable(hostile("wide_header_short_rows.csv"), ReadOptions{});
    QVERIFY(!r);
    QCOMPARE(r.error().code, Msg::MemoryBudgetExceeded);
    QVERIFY2(contains(r.error().describe(), "far more than any table needs"), said(r).c_str());
}

// Spaces repeated: a shared string of 32,767 spaces in 2.8 million cells, and an ODS cell of
// 30,000 spaces repeated over 16,384 columns and a million rows. Each is an empty cell; trimmed
// for every cell they took minutes (CPU without memory, which the budget does not see): trimmed
// once, they read at once.
void TstHostile::spacesRepeatedCostNothing()
{
    auto x = readTable(hostile("spaces_everywhere.xlsx"), ReadOptions{});
    QVERIFY2(x.ok(), said(x).c_str());
    QCOMPARE(x->table.rowCount(), size_t(0));
    QCOMPARE(x->report.skippedBlankRows, size_t(170));
    auto o = readTable(hostile("blank_cells_repeated.ods"), ReadOptions{});
    QVERIFY2(o.ok(), said(o).c_str());
    QCOMPARE(o->table.rowCount(), size_t(0));
}

// A line of two million fields: those past column 16,384 are left out, with a warning.
void TstHostile::fieldsPastTheLastColumnAreLeftOut()
{
    auto r = readTable(hostile("line_of_fields.csv"), ReadOptions{});
    QVERIFY2(r.ok(), said(r).c_str());
    QCOMPARE(r->table.rowCount(), size_t(3));
    QCOMPARE(r->table.columns.size(), size_t(2));
    const auto warnings = describeAll(r->report.warnings);
    QVERIFY(std::find(warnings.begin(), warnings.end(),
                      "1 row(s) have more than 16384 fields (first: row 3); the fields past column 16384 were left out") !=
            warnings.end());
}

QTEST_APPLESS_MAIN(TstHostile)
#include "tst_hostile.moc"
