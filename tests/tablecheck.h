#pragma once
// One table read against its expectations (tests/data/*/expectations.json): every key present
// is checked — encoding, delimiter, decimal, header row, format, sheets, rows, column names and
// types, cells, dates, spreadsheet row numbers and warnings. Call it, then return if
// QTest::currentTestFailed().
#include "core/io/read_options.h"
#include "core/table/table.h"

#include <QTest>

#include <nlohmann/json.hpp>

namespace testutil {

inline void checkTable(const vs::Table &t, const vs::ReadReport &rep, const nlohmann::json &e)
{
    using vs::Column;
    if (e.contains("format"))
        QCOMPARE(rep.format, e["format"].get<std::string>());
    if (e.contains("encoding"))
        QCOMPARE(rep.encoding, e["encoding"].get<std::string>());
    if (e.contains("delimiter"))
        QCOMPARE(std::string(1, rep.delimiter), e["delimiter"].get<std::string>());
    if (e.contains("decimal"))
        QCOMPARE(std::string(1, rep.decimal), e["decimal"].get<std::string>());
    if (e.contains("header_row"))
        QCOMPARE(rep.headerRow, e["header_row"].get<int>());
    if (e.contains("sheets"))
        QCOMPARE(rep.sheets, e["sheets"].get<std::vector<std::string>>());
    if (e.contains("hidden_sheets"))
        QCOMPARE(rep.hiddenSheets, e["hidden_sheets"].get<std::vector<std::string>>());
    if (e.contains("read_sheet"))
        QCOMPARE(rep.sheet, e["read_sheet"].get<std::string>());
    if (e.contains("rows"))
        QCOMPARE(t.rowCount(), e["rows"].get<size_t>());
    if (e.contains("columns")) {
        QCOMPARE(t.columns.size(), e["columns"].size());
        for (size_t c = 0; c < t.columns.size(); ++c)
            QCOMPARE(t.columns[c].name, e["columns"][c].get<std::string>());
    }
    if (e.contains("types")) {
        QCOMPARE(t.columns.size(), e["types"].size());
        for (size_t c = 0; c < t.columns.size(); ++c)
            QVERIFY2(columnTypeName(t.columns[c].type) == e["types"][c].get<std::string>(),
                     qPrintable(QStringLiteral("column %1 is %2").arg(c).arg(columnTypeName(t.columns[c].type))));
    }
    if (e.contains("cells"))
        for (const auto &cell : e["cells"]) {
            const size_t row = cell[0], col = cell[1];
            const Column &c = t.columns[col];
            if (cell[2].is_null())
                QVERIFY2(c.cellMissing(row), qPrintable(QStringLiteral("row %1 col %2 should be missing").arg(row).arg(col)));
            else if (cell[2].is_number())
                QCOMPARE(c.numbers()[row], cell[2].get<double>());
            else
                QVERIFY2(c.cellText(row) == cell[2].get<std::string>(),
                         qPrintable(QStringLiteral("row %1 col %2 is '%3', not '%4'")
                                        .arg(row).arg(col)
                                        .arg(QString::fromStdString(c.cellText(row)),
                                             QString::fromStdString(cell[2].get<std::string>()))));
        }
    if (e.contains("dates"))
        for (const auto &cell : e["dates"])
            QCOMPARE(t.columns[cell[1].get<size_t>()].cellText(cell[0]), cell[2].get<std::string>());
    if (e.contains("row_numbers"))
        for (size_t i = 0; i < e["row_numbers"].size(); ++i)
            QCOMPARE(t.rowNumber(i), e["row_numbers"][i].get<int64_t>());
    if (e.contains("row_numbers_at"))
        for (const auto &at : e["row_numbers_at"])
            QCOMPARE(t.rowNumber(at[0].get<size_t>()), at[1].get<int64_t>());
    if (e.contains("warnings"))
        for (const auto &w : e["warnings"]) {
            bool found = false;
            for (const std::string &have : vs::describeAll(rep.warnings))
                found |= have.find(w.get<std::string>()) != std::string::npos;
            QVERIFY2(found, w.get<std::string>().c_str());
        }
}

} // namespace testutil
